//! The board as each phone sees it (docs/JOIN.md, "The board view"), and what an open
//! page is sent when the board changes.
//!
//! What every participant sees alike is made once per change of the board ([`Common`])
//! and shared by every open page; each page is then sent only what changed for it
//! ([`Sent::changes`]): the cards that are new or different to it, the ones it may no
//! longer see, and the board's few other fields. A room of 200 phones costs one view of
//! the board and 200 short diffs per change, not 200 whole views.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Instant;

use serde::Serialize;

use super::state::{phase_name, reaction_name};
use crate::model::kinds::PhoneCard;
use crate::model::{Answer, Board, ItemId, ItemKind, Phase, Reaction, Response, Rgb, is_joined, is_prompt};

/// One idea as the participant page shows it.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct ItemView {
    pub id: String,
    pub kind: &'static str,
    pub text: String,
    /// Who said a quote.
    pub by: String,
    pub url: String,
    pub title: String,
    /// The card's picture (an image, a link's preview), by name: the page asks for it at
    /// `api/pictures/NAME`.
    pub picture: Option<String>,
    /// A colour card's colour, `#RRGGBB`.
    pub swatch: Option<String>,
    /// Locked by the facilitator (itself or its frame): only their app may move or change
    /// it.
    pub locked: bool,
    pub theme: Option<String>,
    /// Who added it; empty when anonymous or hidden by the facilitator.
    pub contributor: String,
    /// Dots in all, when the facilitator has revealed them.
    pub dots: Option<usize>,
    pub replies: Vec<ReplyView>,
    // What is the participant's own comes last: a card's words are written once for
    // everyone, and these after them for each page (see `Own::json`).
    pub mine: bool,
    /// Dots this participant placed on it (Vote).
    pub my_dots: usize,
    /// Reactions this participant gave, by name (React).
    pub my_reactions: Vec<&'static str>,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct ReplyView {
    pub by: String,
    pub text: String,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct ThemeView {
    pub id: String,
    pub name: String,
    pub colour: String,
    /// Locked by the facilitator: its frame takes no ideas from phones.
    pub locked: bool,
}

/// Everything in a board view but its cards.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct Head {
    /// Counts the board's changes in this run: a page keeps the newer of two views.
    pub generation: u64,
    pub title: String,
    pub goals: Vec<String>,
    pub phase: &'static str,
    /// The step's one-line instruction.
    pub instruction: &'static str,
    /// The newest prompt card's words, if the board has one.
    pub prompt: String,
    pub private: bool,
    pub themes: Vec<ThemeView>,
    pub dots_left: u32,
    /// Milliseconds left on the session's timer when the view was made, while it runs.
    pub time_left: Option<u64>,
    /// Ideas kept from this participant while ideas are collected privately.
    pub hidden: usize,
}

impl Head {
    /// Whether a page showing `self` needs `other`: anything but the generation, and the
    /// time left on a timer running in both (the page counts down by itself), differs.
    fn differs(&self, other: &Head) -> bool {
        let Head {
            generation: _,
            title,
            goals,
            phase,
            instruction,
            prompt,
            private,
            themes,
            dots_left,
            time_left,
            hidden,
        } = other;
        self.title != *title
            || self.goals != *goals
            || self.phase != *phase
            || self.instruction != *instruction
            || self.prompt != *prompt
            || self.private != *private
            || self.themes != *themes
            || self.dots_left != *dots_left
            || self.time_left.is_some() != time_left.is_some()
            || self.hidden != *hidden
    }
}

/// What `GET …/api/board` answers, and the first event of a stream carries.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct BoardView {
    #[serde(flatten)]
    pub head: Head,
    pub items: Vec<ItemView>,
}

/// Each later event of a stream: the head, and the cards that changed for this page.
#[derive(Debug, Clone, PartialEq)]
pub struct Changes {
    pub head: Head,
    /// Cards new to the page or changed, in board order, each as its JSON.
    pub items: Vec<String>,
    /// Ids of cards the page showed and may no longer see (deleted, or kept private).
    pub removed: Vec<String>,
}

impl Changes {
    /// As the event's JSON: the head's fields, `items` and `removed` (docs/JOIN.md).
    pub fn json(&self) -> Option<String> {
        let mut json = serde_json::to_string(&self.head).ok()?;
        json.pop()?;
        json.push_str(",\"items\":[");
        json.push_str(&self.items.join(","));
        json.push_str("],\"removed\":");
        json.push_str(&serde_json::to_string(&self.removed).ok()?);
        json.push('}');
        Some(json)
    }
}

/// What is one participant's own on a card.
#[derive(Clone, Debug, Default, PartialEq)]
struct Own {
    mine: bool,
    my_dots: usize,
    my_reactions: Vec<&'static str>,
}

impl Own {
    fn on(&self, shown: &Shown) -> ItemView {
        ItemView {
            mine: self.mine,
            my_dots: self.my_dots,
            my_reactions: self.my_reactions.clone(),
            ..shown.view.clone()
        }
    }

    /// The card's JSON for this participant: its words as written once for everyone, and
    /// what is theirs after them.
    fn json(&self, shown: &Shown) -> String {
        let reactions = self.my_reactions.iter().map(|r| format!("\"{r}\"")).collect::<Vec<_>>().join(",");
        format!("{},\"mine\":{},\"my_dots\":{},\"my_reactions\":[{reactions}]}}", shown.json, self.mine, self.my_dots)
    }
}

/// A card as everyone sees it, and its JSON up to what is each participant's own.
#[derive(Debug, PartialEq)]
struct Shown {
    view: ItemView,
    json: String,
}

impl Shown {
    fn new(view: ItemView) -> Self {
        let json = serde_json::to_string(&view).unwrap_or_default();
        // Written with nothing of anyone's own: those fields are the last, in this form.
        let own = format!(",\"mine\":{},\"my_dots\":{},\"my_reactions\":[]}}", view.mine, view.my_dots);
        let json = json.strip_suffix(own.as_str()).map(str::to_owned).unwrap_or_default();
        Self { view, json }
    }
}

/// A card as everyone sees it.
struct Card {
    id: ItemId,
    /// Came in from a phone: kept private while ideas are collected privately.
    joined: bool,
    view: Arc<Shown>,
}

/// A name as votes and responses compare it ([`crate::model::same_person`]).
fn person(name: &str) -> String {
    name.trim().to_ascii_lowercase()
}

/// What every participant sees of the board alike, made once per change and shared.
pub struct Common {
    pub generation: u64,
    /// When it was made.
    pub made: Instant,
    head: Head,
    /// The timer's milliseconds left when this was made, while it runs.
    time_left: Option<(u64, Instant)>,
    dots_per_person: u32,
    cards: Vec<Card>,
    /// Dots placed on cards that are on the board, by person.
    dots_used: HashMap<String, u32>,
    /// Dots by person, then card.
    dots: HashMap<String, HashMap<ItemId, usize>>,
    /// Reactions by person, then card, in [`Reaction::ALL`] order; none before judging starts.
    reactions: HashMap<String, HashMap<ItemId, Vec<&'static str>>>,
}

impl Common {
    /// What everyone sees of `board` at `generation`. A card that looks the same as in
    /// `before` shares its view, so that a page can tell it unchanged at a glance.
    pub fn new(board: &Board, generation: u64, before: Option<&Common>) -> Self {
        let session = &board.session;
        let hide = session.hides_contributors();
        let judged = session.phase.shows_judgment();
        let phase = if session.phase == Phase::Off { Phase::Collect } else { session.phase };
        let prompt = crate::model::pinned_prompt(board, crate::model::Timestamp::now())
            .map(|i| i.kind.behaviour().on_phone().text)
            .unwrap_or_default();
        let old: HashMap<&ItemId, &Arc<Shown>> =
            before.map(|b| b.cards.iter().map(|c| (&c.id, &c.view)).collect()).unwrap_or_default();
        // Totals and replies in one pass each, not one per card.
        let mut totals: HashMap<&ItemId, usize> = HashMap::new();
        for vote in &board.votes {
            *totals.entry(&vote.item).or_default() += 1;
        }
        let mut replies: HashMap<&ItemId, Vec<&Response>> = HashMap::new();
        if judged {
            for r in board.responses.iter().filter(|r| matches!(r.answer, Answer::Reply(_))) {
                replies.entry(&r.item).or_default().push(r);
            }
        }
        let cards = board
            .items
            .iter()
            .filter(|i| !is_prompt(i))
            .map(|i| {
                let PhoneCard { text, by, url, title } = i.kind.behaviour().on_phone();
                let mut answers = replies.remove(&i.id).unwrap_or_default();
                answers.sort_by(|a, b| (a.at, &a.id).cmp(&(b.at, &b.id)));
                let view = ItemView {
                    id: i.id.as_str().to_owned(),
                    kind: i.kind.spec().name,
                    text,
                    by,
                    url,
                    title,
                    picture: i.kind.picture().map(|a| a.as_str().to_owned()),
                    swatch: match &i.kind {
                        ItemKind::Colour(c) => Rgb::parse_hex(&c.hex).map(|rgb| rgb.to_hex()),
                        _ => None,
                    },
                    locked: board.fixed(i),
                    theme: board.theme_of(i).map(|t| t.as_str().to_owned()),
                    mine: false,
                    contributor: if hide { String::new() } else { i.contributor.clone() },
                    my_dots: 0,
                    dots: (judged && session.totals_shown()).then(|| totals.get(&i.id).copied().unwrap_or(0)),
                    my_reactions: Vec::new(),
                    replies: answers
                        .into_iter()
                        .filter_map(|r| match &r.answer {
                            Answer::Reply(text) => Some(ReplyView {
                                by: if hide { String::new() } else { r.by.clone() },
                                text: text.clone(),
                            }),
                            Answer::Reaction(_) => None,
                        })
                        .collect(),
                };
                let view = match old.get(&i.id) {
                    Some(was) if was.view == view => Arc::clone(was),
                    _ => Arc::new(Shown::new(view)),
                };
                Card { id: i.id.clone(), joined: is_joined(i), view }
            })
            .collect();
        let mut dots_used: HashMap<String, u32> = HashMap::new();
        let mut dots: HashMap<String, HashMap<ItemId, usize>> = HashMap::new();
        for vote in &board.votes {
            let who = person(&vote.by);
            if board.item(&vote.item).is_some() {
                *dots_used.entry(who.clone()).or_default() += 1;
            }
            *dots.entry(who).or_default().entry(vote.item.clone()).or_default() += 1;
        }
        let mut given: HashMap<String, HashMap<ItemId, Vec<Reaction>>> = HashMap::new();
        if judged {
            for r in &board.responses {
                if let Answer::Reaction(kind) = r.answer {
                    given.entry(person(&r.by)).or_default().entry(r.item.clone()).or_default().push(kind);
                }
            }
        }
        let reactions = given
            .into_iter()
            .map(|(who, cards)| {
                let cards = cards
                    .into_iter()
                    .map(|(id, kinds)| {
                        (id, Reaction::ALL.into_iter().filter(|k| kinds.contains(k)).map(reaction_name).collect())
                    })
                    .collect();
                (who, cards)
            })
            .collect();
        let head = Head {
            generation,
            title: board.title.clone(),
            goals: board.goals.clone(),
            phase: phase_name(session.phase),
            instruction: phase.hint(),
            prompt,
            private: session.collects_privately(),
            themes: board
                .themes
                .iter()
                .map(|t| ThemeView {
                    id: t.id.as_str().to_owned(),
                    name: t.name.clone(),
                    colour: t.colour.clone(),
                    locked: t.locked,
                })
                .collect(),
            dots_left: 0,
            time_left: None,
            hidden: 0,
        };
        Self {
            generation,
            made: Instant::now(),
            head,
            time_left: (session.phase != Phase::Off && session.timer.is_running())
                .then(|| (session.timer.left_ms(crate::model::Timestamp::now()), Instant::now())),
            dots_per_person: session.dots_per_person,
            cards,
            dots_used,
            dots,
            reactions,
        }
    }

    /// What the participant who votes as `shown_as` and added `mine` sees: the head, and
    /// each card they may see with what is theirs on it.
    fn seen_by(&self, shown_as: &str, mine: &HashSet<ItemId>) -> (Head, Vec<(&Card, Own)>) {
        let who = person(shown_as);
        let (dots, reactions) = (self.dots.get(&who), self.reactions.get(&who));
        let mut hidden = 0;
        let mut cards = Vec::with_capacity(self.cards.len());
        for card in &self.cards {
            let own = mine.contains(&card.id);
            if self.head.private && card.joined && !own {
                hidden += 1;
                continue;
            }
            let my_dots = dots.and_then(|d| d.get(&card.id)).copied().unwrap_or(0);
            let my_reactions = reactions.and_then(|r| r.get(&card.id)).cloned().unwrap_or_default();
            cards.push((card, Own { mine: own, my_dots, my_reactions }));
        }
        let used = self.dots_used.get(&who).copied().unwrap_or(0);
        let head = Head {
            dots_left: self.dots_per_person.saturating_sub(used),
            time_left: self
                .time_left
                .map(|(left, at)| left.saturating_sub(u64::try_from(at.elapsed().as_millis()).unwrap_or(u64::MAX))),
            hidden,
            ..self.head.clone()
        };
        (head, cards)
    }

    /// The whole board as that participant sees it.
    pub fn view(&self, shown_as: &str, mine: &HashSet<ItemId>) -> BoardView {
        let (head, cards) = self.seen_by(shown_as, mine);
        BoardView { head, items: cards.into_iter().map(|(card, own)| own.on(&card.view)).collect() }
    }
}

/// What one open page was last sent, so that it is sent only what changed.
pub struct Sent {
    head: Head,
    /// Each card the page has: its view, what is the participant's own on it, and the
    /// round it was last seen in (cards not seen in a round are gone from the page).
    cards: HashMap<ItemId, (Arc<Shown>, Own, u64)>,
    round: u64,
}

impl Sent {
    /// The first event of a stream: the whole view, remembered as sent.
    pub fn first(common: &Common, shown_as: &str, mine: &HashSet<ItemId>) -> (Self, BoardView) {
        let (head, cards) = common.seen_by(shown_as, mine);
        let items = cards.iter().map(|(card, own)| own.on(&card.view)).collect();
        let sent = cards.into_iter().map(|(card, own)| (card.id.clone(), (Arc::clone(&card.view), own, 0))).collect();
        (Self { head: head.clone(), cards: sent, round: 0 }, BoardView { head, items })
    }

    /// What changed for the page since it was last sent anything, remembered as sent;
    /// `None` when nothing did.
    pub fn changes(&mut self, common: &Common, shown_as: &str, mine: &HashSet<ItemId>) -> Option<Changes> {
        let (head, cards) = common.seen_by(shown_as, mine);
        self.round += 1;
        let round = self.round;
        let mut items = Vec::new();
        for (card, own) in &cards {
            match self.cards.get_mut(&card.id) {
                Some((view, was, seen))
                    if *was == *own && (Arc::ptr_eq(view, &card.view) || view.view == card.view.view) =>
                {
                    *view = Arc::clone(&card.view);
                    *seen = round;
                }
                _ => {
                    items.push(own.json(&card.view));
                    self.cards.insert(card.id.clone(), (Arc::clone(&card.view), own.clone(), round));
                }
            }
        }
        let mut removed = Vec::new();
        if self.cards.len() > cards.len() {
            self.cards.retain(|id, (_, _, seen)| {
                if *seen != round {
                    removed.push(id.as_str().to_owned());
                }
                *seen == round
            });
            removed.sort();
        }
        if items.is_empty() && removed.is_empty() && !self.head.differs(&head) {
            return None;
        }
        self.head = head.clone();
        Some(Changes { head, items, removed })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edit, Item, ItemChange, Pos, Timestamp, rules};

    fn note(board: &mut Board, text: &str, joined: bool) -> ItemId {
        let mut item = Item::new(ItemKind::note(text), Pos::new(0.0, 0.0), "Ann", "own team", Timestamp::now());
        if joined {
            item.tags = vec![super::super::state::JOINED_TAG.to_owned()];
        }
        let id = item.id.clone();
        board.items.push(item);
        id
    }

    fn texts(items: &[ItemView]) -> Vec<&str> {
        items.iter().map(|i| i.text.as_str()).collect()
    }

    /// The cards of an event, as the page reads them: the JSON parses, and says what the
    /// whole view would say of each.
    fn cards(changes: &Changes) -> Vec<ItemView> {
        let event: serde_json::Value = serde_json::from_str(&changes.json().unwrap()).unwrap();
        assert_eq!(event["generation"], changes.head.generation);
        assert_eq!(event["removed"], serde_json::json!(changes.removed));
        event["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|card| {
                let text = |k: &str| card[k].as_str().unwrap().to_owned();
                let reactions: Vec<String> = serde_json::from_value(card["my_reactions"].clone()).unwrap();
                ItemView {
                    id: text("id"),
                    kind: "note",
                    text: text("text"),
                    by: text("by"),
                    url: text("url"),
                    title: text("title"),
                    picture: None,
                    swatch: None,
                    locked: card["locked"].as_bool().unwrap(),
                    theme: card["theme"].as_str().map(str::to_owned),
                    contributor: text("contributor"),
                    dots: card["dots"].as_u64().map(|d| d as usize),
                    replies: Vec::new(),
                    mine: card["mine"].as_bool().unwrap(),
                    my_dots: card["my_dots"].as_u64().unwrap() as usize,
                    my_reactions: reactions
                        .iter()
                        .map(|r| ["build", "like", "surprising", "more"].into_iter().find(|n| n == r).unwrap())
                        .collect(),
                }
            })
            .collect()
    }

    #[test]
    fn a_page_is_sent_only_what_changed_for_it() {
        let mut board = Board::new("Live", Timestamp::now());
        let kept = note(&mut board, "Kept", false);
        let edited = note(&mut board, "Edited", false);
        let gone = note(&mut board, "Gone", false);
        let none = HashSet::new();
        let c0 = Common::new(&board, 0, None);
        let (mut sent, first) = Sent::first(&c0, "guest-1", &none);
        assert_eq!(texts(&first.items), ["Kept", "Edited", "Gone"]);
        assert!(sent.changes(&c0, "guest-1", &none).is_none(), "nothing changed, nothing sent");

        let now = Timestamp::now();
        let change = ItemChange::Kind(ItemKind::note("Edited again"));
        Edit::ChangeItem { id: edited.clone(), change, at: now }.apply(&mut board).unwrap();
        Edit::delete_items(&board, [&gone], now, "Ann").apply(&mut board).unwrap();
        note(&mut board, "New", false);
        let c1 = Common::new(&board, 1, Some(&c0));
        assert!(Arc::ptr_eq(&c0.cards[0].view, &c1.cards[0].view), "an unchanged card shares its view");
        let changes = sent.changes(&c1, "guest-1", &none).unwrap();
        let changed = cards(&changes);
        assert_eq!(texts(&changed), ["Edited again", "New"]);
        assert_eq!(changes.removed, [gone.as_str()]);
        assert_eq!(changes.head.generation, 1);
        // The page's view after it is the whole view, card for card.
        let whole = c1.view("guest-1", &none);
        assert_eq!(texts(&whole.items), ["Kept", "Edited again", "New"]);
        assert_eq!(changed[..], whole.items[1..]);
        assert!(whole.items.iter().any(|i| i.id == kept.as_str()));
        assert!(sent.changes(&c1, "guest-1", &none).is_none());
        // Built without the one before, the same board is still nothing new.
        assert!(sent.changes(&Common::new(&board, 2, None), "guest-1", &none).is_none());
    }

    #[test]
    fn a_dot_is_news_to_its_giver_only_and_private_ideas_stay_private() {
        let mut board = Board::new("Live", Timestamp::now());
        let idea = note(&mut board, "Benches", false);
        let bobs = note(&mut board, "Bob's", true);
        board.session.phase = Phase::Vote;
        board.session.dots_per_person = 2;
        let mine: HashSet<ItemId> = HashSet::new();
        let c0 = Common::new(&board, 0, None);
        let (mut ann, first) = Sent::first(&c0, "guest-ann", &mine);
        assert_eq!(first.head.dots_left, 2);
        let (mut cy, _) = Sent::first(&c0, "guest-cy", &mine);
        rules::give_dots(&board, std::slice::from_ref(&idea), "Guest-Ann ").unwrap().apply(&mut board).unwrap();
        let c1 = Common::new(&board, 1, Some(&c0));
        let changes = ann.changes(&c1, "guest-ann", &mine).unwrap();
        let changed = cards(&changes);
        assert_eq!(texts(&changed), ["Benches"]);
        assert_eq!((changed[0].my_dots, changes.head.dots_left), (1, 1), "the giver sees their dot");
        assert_eq!(changed[0], c1.view("guest-ann", &mine).items[0]);
        assert!(cy.changes(&c1, "guest-cy", &mine).is_none(), "hidden totals: nothing new for another");

        // Private collect: Bob's idea from a phone is his alone, and counted as hidden.
        board.session.phase = Phase::Collect;
        board.session.private_collect = true;
        let c2 = Common::new(&board, 2, Some(&c1));
        let changes = cy.changes(&c2, "guest-cy", &mine).unwrap();
        assert_eq!(changes.removed, [bobs.as_str()]);
        assert!(cards(&changes).is_empty());
        assert_eq!(changes.head.hidden, 1);
        let his = HashSet::from([bobs.clone()]);
        let view = c2.view("guest-bob", &his);
        assert!(view.items.iter().any(|i| i.id == bobs.as_str() && i.mine), "his own, marked his");
        assert_eq!(view.head.hidden, 0);
    }
}
