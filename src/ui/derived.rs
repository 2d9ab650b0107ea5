//! Figures the panels show that are worked out from the whole board: each card's dots
//! and replies, the items of each theme, the unanswered count, the ranking, theme
//! suggestions, the lens figures. Each is worked out the first time a frame asks for
//! it and kept for as long as the board stays the same version (an edit, undo, merge or
//! another board makes a new one), so frames where nothing changed do no work that
//! grows with the board.

use std::cell::{OnceCell, RefCell};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::judgment::CardJudgment;
use crate::i18n::Lang;
use crate::media::palette::{Swatch, all_alike, board_palette};
use crate::model::lens::{LensReport, lens_report};
use crate::model::suggest::{ThemeSuggestion, suggest_themes};
use crate::model::{Answer, Board, ItemId, Reaction, Response, ThemeId, same_person};

/// A version of the open board: its key among the boards opened, and the document's
/// generation (see `Document::generation`).
pub type BoardVersion = (u64, u64);

/// Ideas face down while a session collects privately, and from how many people.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FaceDown {
    pub ideas: usize,
    pub people: usize,
    /// Face-down ideas whose contributor gave no name.
    pub anonymous: usize,
}

/// How many items each theme holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ThemeCounts {
    per_theme: HashMap<ThemeId, usize>,
    unsorted: usize,
}

impl ThemeCounts {
    /// The items in `theme` (`None`: unsorted).
    pub fn of(&self, theme: Option<&ThemeId>) -> usize {
        theme.map_or(self.unsorted, |id| self.per_theme.get(id).copied().unwrap_or(0))
    }
}

/// One item's dots and responses, for the inspector.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ItemVotes {
    /// Dots on it in all.
    pub dots: usize,
    /// Of those, the user's.
    pub mine: usize,
    /// Its reactions and replies, oldest first.
    pub responses: Vec<Response>,
    /// How many of each reaction it got, in [`Reaction::ALL`] order.
    pub reactions: [usize; 4],
    /// The reactions the user gave it, in the same order.
    pub my_reactions: [bool; 4],
}

/// The board's colours, from the palettes of its images found so far.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BoardColours {
    pub palette: Vec<Swatch>,
    /// The main colour, when the images all look alike.
    pub alike: Option<[u8; 3]>,
}

/// The figures for one version of the board, one user and one language (the card tags
/// are words). Read them through [`super::view::ViewState::derived`].
#[derive(Clone, Debug, Default)]
pub struct Derived {
    key: (BoardVersion, String, Lang),
    judgments: OnceCell<Arc<HashMap<ItemId, CardJudgment>>>,
    theme_counts: OnceCell<Arc<ThemeCounts>>,
    unanswered: OnceCell<usize>,
    top_voted: OnceCell<Vec<(String, usize)>>,
    live_votes: OnceCell<usize>,
    dots_left: OnceCell<u32>,
    face_down: OnceCell<FaceDown>,
    suggestions: OnceCell<Arc<Vec<ThemeSuggestion>>>,
    image_assets: OnceCell<Arc<Vec<crate::model::AssetName>>>,
    /// The lens figures also depend on the perspectives asked for (a preference).
    lens: RefCell<Option<(Vec<String>, Arc<LensReport>)>>,
    colours: RefCell<Option<KnownColours>>,
    /// The item the inspector shows (one at a time).
    item_votes: RefCell<Option<(ItemId, Arc<ItemVotes>)>>,
}

/// The board's colours for how many image palettes were ready and how many failed: they
/// arrive one by one.
#[derive(Clone, Debug)]
struct KnownColours {
    counts: (usize, usize),
    colours: Arc<BoardColours>,
}

impl Derived {
    /// Keeps what is known if `version`, `you` and the language are those it was worked
    /// out for, and forgets it all otherwise.
    pub(super) fn keep_for(&mut self, version: BoardVersion, you: &str) {
        let language = crate::i18n::language();
        let (v, who, lang) = &self.key;
        if *v != version || who != you || *lang != language {
            *self = Self { key: (version, you.to_owned(), language), ..Self::default() };
        }
    }

    fn you(&self) -> &str {
        &self.key.1
    }

    /// Every card's dots, reactions and replies, counted in one pass.
    pub fn judgments(&self, board: &Board) -> Arc<HashMap<ItemId, CardJudgment>> {
        let you = self.you();
        self.judgments.get_or_init(|| Arc::new(super::judgment::card_judgments(board, board.items.iter(), you))).clone()
    }

    /// How many items each theme holds.
    pub fn theme_counts(&self, board: &Board) -> Arc<ThemeCounts> {
        self.theme_counts
            .get_or_init(|| {
                let mut counts = ThemeCounts::default();
                for item in &board.items {
                    match board.theme_of(item) {
                        Some(id) => *counts.per_theme.entry(id.clone()).or_default() += 1,
                        None => counts.unsorted += 1,
                    }
                }
                Arc::new(counts)
            })
            .clone()
    }

    /// Ideas nobody has answered yet.
    pub fn unanswered(&self, board: &Board) -> usize {
        *self.unanswered.get_or_init(|| board.unanswered().len())
    }

    /// The three items with most dots, as one line of their text each, with their dots.
    pub fn top_voted(&self, board: &Board) -> &[(String, usize)] {
        self.top_voted.get_or_init(|| {
            let ranking = board.ranking();
            ranking.iter().take(3).map(|(item, n)| (crate::model::one_line(&item.kind.summary(), 30), *n)).collect()
        })
    }

    /// Dots placed on items that are on the board.
    pub fn live_votes(&self, board: &Board) -> usize {
        *self.live_votes.get_or_init(|| board.live_votes().count())
    }

    /// The user's dots still to place.
    pub fn dots_left(&self, board: &Board) -> u32 {
        *self.dots_left.get_or_init(|| board.dots_left(self.you()))
    }

    /// The ideas face down while collecting privately.
    pub fn face_down(&self, board: &Board) -> FaceDown {
        *self.face_down.get_or_init(|| {
            let down: Vec<&crate::model::Item> = board.items.iter().filter(|i| board.face_down(i)).collect();
            let people: HashSet<&str> = down.iter().map(|i| i.contributor.trim()).filter(|c| !c.is_empty()).collect();
            let anonymous = down.iter().filter(|i| i.contributor.trim().is_empty()).count();
            FaceDown { ideas: down.len(), people: people.len(), anonymous }
        })
    }

    /// One item's dots and responses, in one pass over the board's votes and responses.
    pub fn item_votes(&self, board: &Board, item: &ItemId) -> Arc<ItemVotes> {
        let mut known = self.item_votes.borrow_mut();
        if let Some((id, votes)) = &*known
            && id == item
        {
            return votes.clone();
        }
        let you = self.you();
        let mut votes = ItemVotes::default();
        for vote in board.votes.iter().filter(|v| &v.item == item) {
            votes.dots += 1;
            votes.mine += usize::from(same_person(&vote.by, you));
        }
        votes.responses = board.responses_to(item).into_iter().cloned().collect();
        for response in &votes.responses {
            if let Answer::Reaction(kind) = &response.answer
                && let Some(k) = Reaction::ALL.iter().position(|r| r == kind)
            {
                votes.reactions[k] += 1;
                votes.my_reactions[k] |= same_person(&response.by, you);
            }
        }
        let votes = Arc::new(votes);
        *known = Some((item.clone(), votes.clone()));
        votes
    }

    /// The pictures the board's items show, each once, in name order.
    pub fn image_assets(&self, board: &Board) -> Arc<Vec<crate::model::AssetName>> {
        self.image_assets.get_or_init(|| Arc::new(board.image_assets().into_iter().cloned().collect())).clone()
    }

    /// Themes the unsorted items suggest.
    pub fn suggestions(&self, board: &Board) -> Arc<Vec<ThemeSuggestion>> {
        self.suggestions.get_or_init(|| Arc::new(suggest_themes(board))).clone()
    }

    /// The lens figures, for these perspectives.
    pub fn lens(&self, board: &Board, perspectives: &[String]) -> Arc<LensReport> {
        let mut lens = self.lens.borrow_mut();
        match &*lens {
            Some((asked, report)) if asked == perspectives => report.clone(),
            _ => {
                let report = Arc::new(lens_report(board, perspectives));
                *lens = Some((perspectives.to_vec(), report.clone()));
                report
            }
        }
    }
}

impl Derived {
    /// The board's colours from the palettes of its images ready so far (`ready`) and
    /// the number that could not be read, worked out again when either count changes.
    pub fn colours(&self, ready: &[Vec<Swatch>], failed: usize) -> Arc<BoardColours> {
        let mut colours = self.colours.borrow_mut();
        let counts = (ready.len(), failed);
        match &*colours {
            Some(known) if known.counts == counts => known.colours.clone(),
            _ => {
                let found = Arc::new(BoardColours { palette: board_palette(ready), alike: all_alike(ready) });
                *colours = Some(KnownColours { counts, colours: found.clone() });
                found
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Item, ItemKind, Pos, Timestamp};

    fn board() -> Board {
        let now = Timestamp::from_unix_millis(1_790_000_000_000);
        let mut board = Board::new("B", now);
        let theme = board.new_theme("Light", now);
        let mut item = Item::new(ItemKind::note("Paper"), Pos::new(0.0, 0.0), "Ann", "own team", now);
        item.theme = Some(theme.id.clone());
        board.themes.push(theme);
        board.items.push(item);
        board
    }

    #[test]
    fn figures_are_kept_while_the_version_stays_and_worked_out_again_when_it_changes() {
        let mut board = board();
        let theme = board.themes[0].id.clone();
        let theme = Some(&theme);
        let mut derived = Derived::default();
        derived.keep_for((1, 1), "Ann");
        assert_eq!(derived.theme_counts(&board).of(theme), 1);
        assert_eq!(derived.theme_counts(&board).of(None), 0);
        // The same version: the board is taken to be unchanged (so this change is not seen).
        let mut second = board.items[0].clone();
        second.id = ItemId::new_random();
        board.items.push(second);
        derived.keep_for((1, 1), "Ann");
        assert_eq!(derived.theme_counts(&board).of(theme), 1, "kept, not counted again");
        derived.keep_for((1, 2), "Ann");
        assert_eq!(derived.theme_counts(&board).of(theme), 2, "a new version is counted");
        // Another board with the same generation is another version too.
        derived.keep_for((2, 2), "Ann");
        assert!(derived.theme_counts.get().is_none(), "forgotten until asked");
        assert_eq!(derived.unanswered(&board), 2);
    }

    #[test]
    fn another_user_or_language_forgets_what_depends_on_them() {
        let board = board();
        let mut derived = Derived::default();
        derived.keep_for((1, 1), "Ann");
        let _ = derived.dots_left(&board);
        derived.keep_for((1, 1), "Bob");
        assert!(derived.dots_left.get().is_none(), "Bob's dots are his own");
        let _ = derived.dots_left(&board);
        crate::i18n::set_language(Lang::Nl);
        derived.keep_for((1, 1), "Bob");
        crate::i18n::set_language(Lang::En);
        assert!(derived.dots_left.get().is_none(), "the tags are in another language");
    }

    #[test]
    fn an_items_votes_and_responses_are_counted_for_the_user_and_kept_for_that_item() {
        use crate::model::{ResponseId, Vote, VoteId};
        let mut board = board();
        let id = board.items[0].id.clone();
        let at = |ms: i64| Timestamp::from_unix_millis(1_790_000_000_000 + ms);
        for by in ["Ann", "ann ", "Bob"] {
            board.votes.push(Vote { id: VoteId::new_random(), item: id.clone(), by: by.into(), at: at(0) });
        }
        let respond = |by: &str, answer, ms| Response {
            id: ResponseId::new_random(),
            item: id.clone(),
            by: by.into(),
            answer,
            at: at(ms),
        };
        board.responses.push(respond("Bob", Answer::Reply("Yes, and".into()), 20));
        board.responses.push(respond("Ann", Answer::Reaction(Reaction::ALL[1]), 10));
        board.responses.push(respond("Bob", Answer::Reaction(Reaction::ALL[1]), 30));
        let mut derived = Derived::default();
        derived.keep_for((1, 1), "Ann");
        let votes = derived.item_votes(&board, &id);
        assert_eq!((votes.dots, votes.mine), (3, 2), "Ann's dots, however she wrote her name");
        assert_eq!(votes.reactions, [0, 2, 0, 0]);
        assert_eq!(votes.my_reactions, [false, true, false, false]);
        let order: Vec<i64> = votes.responses.iter().map(|r| r.at.unix_millis()).collect();
        assert_eq!(order, [at(10).unix_millis(), at(20).unix_millis(), at(30).unix_millis()], "oldest first");
        assert!(Arc::ptr_eq(&votes, &derived.item_votes(&board, &id)), "kept for the same item");
        derived.keep_for((1, 1), "Bob");
        assert_eq!(derived.item_votes(&board, &id).mine, 1, "Bob's own");
    }

    #[test]
    fn the_board_colours_are_worked_out_again_as_palettes_arrive() {
        let derived = Derived::default();
        let red = vec![Swatch { rgb: [200, 20, 20], share: 1.0 }];
        let blue = vec![Swatch { rgb: [20, 20, 200], share: 1.0 }];
        let first = derived.colours(std::slice::from_ref(&red), 0);
        assert!(Arc::ptr_eq(&first, &derived.colours(std::slice::from_ref(&red), 0)), "kept");
        let both = derived.colours(&[red.clone(), blue], 0);
        assert!(!Arc::ptr_eq(&first, &both) && both.palette.len() > first.palette.len(), "{both:?}");
        assert!(!Arc::ptr_eq(&both, &derived.colours(&[red], 1)), "one failed instead");
    }

    #[test]
    fn the_lens_is_worked_out_again_for_other_perspectives() {
        let board = board();
        let derived = Derived::default();
        let first = derived.lens(&board, &["Children".into()]);
        assert!(Arc::ptr_eq(&first, &derived.lens(&board, &["Children".into()])));
        assert!(!Arc::ptr_eq(&first, &derived.lens(&board, &["Elderly".into()])));
    }
}
