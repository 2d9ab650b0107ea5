//! What a person may do to a board, as edits: the session's steps, dots, reactions and
//! replies, theme suggestions and moving ideas between themes. Each rule looks at the
//! board, decides, and returns the edit to apply or says why not ([`RuleError`]). The
//! app, the command line and the join server all ask here; none of them builds these
//! edits by hand.

use super::suggest::ThemeSuggestion;
use super::{
    Answer, Board, Edit, Item, ItemChange, ItemId, MAX_REPLY_CHARS, Phase, Reaction, Response, ResponseId, Session,
    Theme, ThemeId, Timer, Timestamp, Tombstone, Vote, VoteId, is_prompt, same_person,
};

/// Why something may not be done now.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    NotVoting,
    NoDotsLeft(u32),
    NothingToVoteOn,
    NoDotToTake,
    HiddenWhileCollecting,
    IsAPrompt,
    NoSuchItem,
    NoSuchTheme,
    EmptyReply,
    NotYourReply,
    NothingToMove,
    /// The theme (named) is locked: no card joins or leaves its frame by hand.
    FrameLocked(String),
    /// Every card asked for is locked (or in a locked frame).
    Locked,
}

impl crate::i18n::Said for RuleError {
    fn message(&self) -> crate::i18n::Message {
        use crate::i18n::Message;
        match self {
            RuleError::NotVoting => Message::new("rule-not-voting"),
            RuleError::NoDotsLeft(dots) => Message::new("rule-no-dots-left").with("count", *dots),
            RuleError::NothingToVoteOn => Message::new("rule-nothing-to-vote-on"),
            RuleError::NoDotToTake => Message::new("rule-no-dot-to-take"),
            RuleError::HiddenWhileCollecting => Message::new("rule-hidden-while-collecting"),
            RuleError::IsAPrompt => Message::new("rule-is-a-prompt"),
            RuleError::NoSuchItem => Message::new("rule-no-such-item"),
            RuleError::NoSuchTheme => Message::new("rule-no-such-theme"),
            RuleError::EmptyReply => Message::new("rule-empty-reply"),
            RuleError::NotYourReply => Message::new("rule-not-your-reply"),
            RuleError::NothingToMove => Message::new("rule-nothing-to-move"),
            RuleError::FrameLocked(theme) => Message::new("rule-frame-locked").with("theme", theme.as_str()),
            RuleError::Locked => Message::new("rule-locked"),
        }
    }
}

crate::said_as_printed!(RuleError);

/// The session with `change` made to it, as an edit (its stamp is given when applied).
pub fn change_session(board: &Board, change: impl FnOnce(&mut Session)) -> Edit {
    let mut session = board.session.clone();
    change(&mut session);
    Edit::SetSession(Box::new(session))
}

/// Starts a session at the collect step, or ends the one running.
pub fn toggle_session(board: &Board) -> Edit {
    if board.session.phase == Phase::Off {
        change_session(board, |s| {
            s.phase = Phase::Collect;
            s.votes_revealed = false;
        })
    } else {
        change_session(board, |s| {
            s.phase = Phase::Off;
            s.timer = Timer::set(s.timer.set_secs());
        })
    }
}

/// Places one of `you`'s dots on each of `items` that can take one, as far as the
/// dots go: only in the Vote step, never on a prompt card, never past the session's
/// dots per person.
pub fn give_dots(board: &Board, items: &[ItemId], you: &str) -> Result<Edit, RuleError> {
    if board.session.phase != Phase::Vote {
        return Err(RuleError::NotVoting);
    }
    if items.is_empty() {
        return Err(RuleError::NothingToVoteOn);
    }
    let mut left = board.dots_left(you);
    let now = Timestamp::now();
    let mut edits = Vec::new();
    for id in items {
        if left == 0 {
            break;
        }
        if board.item(id).is_some_and(|i| !is_prompt(i)) {
            edits.push(Edit::AddVote(Vote { id: VoteId::new_random(), item: id.clone(), by: you.to_owned(), at: now }));
            left -= 1;
        }
    }
    if edits.is_empty() {
        return Err(if board.dots_left(you) == 0 {
            RuleError::NoDotsLeft(board.session.dots_per_person)
        } else {
            RuleError::NothingToVoteOn
        });
    }
    Ok(Edit::Batch(edits))
}

/// Takes back one of `you`'s dots from each of `items` that has one.
pub fn take_dots(board: &Board, items: &[ItemId], you: &str) -> Result<Edit, RuleError> {
    let now = Timestamp::now();
    let edits: Vec<Edit> = items
        .iter()
        .filter_map(|id| board.votes_by_on(you, id).last().map(|v| (v.id.clone(), v.at)))
        .map(|(id, saw)| Edit::RemoveVote { tombstone: Some(Tombstone::new(id.as_str(), now, you, saw)), id })
        .collect();
    if edits.is_empty() {
        return Err(RuleError::NoDotToTake);
    }
    Ok(Edit::Batch(edits))
}

/// Whether `item` may be reacted to or replied to now.
fn may_answer(board: &Board, item: &ItemId) -> Result<(), RuleError> {
    if !board.session.phase.shows_judgment() {
        return Err(RuleError::HiddenWhileCollecting);
    }
    match board.item(item) {
        None => Err(RuleError::NoSuchItem),
        Some(i) if is_prompt(i) => Err(RuleError::IsAPrompt),
        Some(_) => Ok(()),
    }
}

/// Gives `reaction` to `item` as `you`, or takes it back if `you` already gave it.
pub fn toggle_reaction(board: &Board, item: &ItemId, you: &str, reaction: Reaction) -> Result<Edit, RuleError> {
    may_answer(board, item)?;
    Ok(match board.reaction_by(you, item, reaction) {
        Some(given) => remove_response(given, you),
        None => add_response(item, you, Answer::Reaction(reaction)),
    })
}

/// A reply from `you` to `item`, shortened to [`MAX_REPLY_CHARS`].
pub fn reply(board: &Board, item: &ItemId, you: &str, text: &str) -> Result<Edit, RuleError> {
    may_answer(board, item)?;
    let text: String = text.trim().chars().take(MAX_REPLY_CHARS).collect();
    if text.is_empty() {
        return Err(RuleError::EmptyReply);
    }
    Ok(add_response(item, you, Answer::Reply(text)))
}

/// Deletes `you`'s own reply.
pub fn delete_reply(board: &Board, response: &ResponseId, you: &str) -> Result<Edit, RuleError> {
    let r = board.responses.get(response.as_str()).ok_or(RuleError::NoSuchItem)?;
    if !same_person(&r.by, you) {
        return Err(RuleError::NotYourReply);
    }
    Ok(remove_response(r, you))
}

fn add_response(item: &ItemId, you: &str, answer: Answer) -> Edit {
    Edit::AddResponse(Response {
        id: ResponseId::new_random(),
        item: item.clone(),
        by: you.to_owned(),
        answer,
        at: Timestamp::now(),
    })
}

fn remove_response(response: &Response, you: &str) -> Edit {
    let tombstone = Some(Tombstone::new(response.id.as_str(), Timestamp::now(), you, response.at));
    Edit::RemoveResponse { id: response.id.clone(), tombstone }
}

/// Puts the suggestion's ideas into a theme of that name (made if there is none).
pub fn accept_suggestion(board: &Board, s: &ThemeSuggestion) -> Edit {
    let now = Timestamp::now();
    let mut edits = Vec::new();
    let theme = match board.theme_by_name(&s.name) {
        Some(t) => t.id.clone(),
        None => {
            let theme = board.new_theme(&s.name, now);
            let id = theme.id.clone();
            edits.push(Edit::InsertTheme(theme));
            id
        }
    };
    for id in &s.items {
        edits.push(Edit::ChangeItem { id: id.clone(), change: ItemChange::Theme(Some(theme.clone())), at: now });
    }
    Edit::Batch(edits)
}

/// Puts the items `ids` into `theme` (`None`: unsorted). Refused when the theme is not on
/// the board or is locked, or every item is in it already or fixed where it is (locked,
/// or in a locked frame); fixed items among others stay where they are.
pub fn move_to_theme<'a>(
    board: &Board,
    ids: impl IntoIterator<Item = &'a ItemId>,
    theme: Option<&ThemeId>,
) -> Result<Edit, RuleError> {
    if let Some(t) = theme {
        match board.theme(t) {
            None => return Err(RuleError::NoSuchTheme),
            Some(t) if t.locked => return Err(RuleError::FrameLocked(t.name.clone())),
            Some(_) => {}
        }
    }
    let now = Timestamp::now();
    let moving: Vec<&Item> =
        ids.into_iter().filter_map(|id| board.item(id)).filter(|i| i.theme.as_ref() != theme).collect();
    let free: Vec<&&Item> = moving.iter().filter(|i| !board.fixed(i)).collect();
    if free.is_empty() {
        return Err(if moving.is_empty() { RuleError::NothingToMove } else { RuleError::Locked });
    }
    let edits = free
        .into_iter()
        .map(|i| Edit::ChangeItem { id: i.id.clone(), change: ItemChange::Theme(theme.cloned()), at: now })
        .collect();
    Ok(Edit::Batch(edits))
}

/// Moves theme `id` to position `to` in the sidebar: renumbers ranks 0, 1, 2 … in the
/// new order, changing only the themes whose rank differs.
pub fn move_theme(board: &Board, id: &ThemeId, to: usize) -> Result<Edit, RuleError> {
    let moving = board.theme(id).ok_or(RuleError::NoSuchTheme)?;
    let mut order: Vec<&Theme> = board.themes.iter().filter(|t| t.id != *id).collect();
    order.insert(to.min(order.len()), moving);
    let now = Timestamp::now();
    Ok(Edit::Batch(
        order
            .into_iter()
            .enumerate()
            .filter(|(rank, t)| t.rank != *rank as i64)
            .map(|(rank, t)| Edit::ReplaceTheme(Theme { rank: rank as i64, modified: now, ..t.clone() }))
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Item, ItemKind, Pos};

    fn board_in(phase: Phase) -> (Board, ItemId) {
        let now = Timestamp::from_unix_millis(1_000);
        let mut b = Board::new("b", now);
        let item = Item::new(ItemKind::note("x"), Pos::new(0.0, 0.0), "Ann", "own team", now);
        let id = item.id.clone();
        b.items.push(item);
        b.session.phase = phase;
        b.session.dots_per_person = 2;
        (b, id)
    }

    #[test]
    fn dots_keep_to_the_step_and_the_budget() {
        let (mut b, id) = board_in(Phase::Collect);
        let one = std::slice::from_ref(&id);
        assert_eq!(give_dots(&b, one, "Ann"), Err(RuleError::NotVoting));
        b.session.phase = Phase::Vote;
        for _ in 0..2 {
            give_dots(&b, one, "Ann").unwrap().apply(&mut b).unwrap();
        }
        assert_eq!(give_dots(&b, one, "ann "), Err(RuleError::NoDotsLeft(2)), "the same person");
        assert!(give_dots(&b, one, "Bo").is_ok(), "someone else has their own");
        take_dots(&b, one, "Ann").unwrap().apply(&mut b).unwrap();
        assert_eq!(b.dots_left("Ann"), 1);
        assert_eq!(take_dots(&b, one, "Bo"), Err(RuleError::NoDotToTake));
    }

    #[test]
    fn answers_wait_for_the_end_of_collecting_and_replies_are_their_writers() {
        let (mut b, id) = board_in(Phase::Collect);
        assert_eq!(toggle_reaction(&b, &id, "Ann", Reaction::Like), Err(RuleError::HiddenWhileCollecting));
        b.session.phase = Phase::React;
        toggle_reaction(&b, &id, "Ann", Reaction::Like).unwrap().apply(&mut b).unwrap();
        assert_eq!(b.reaction_counts(&id), vec![(Reaction::Like, 1)]);
        toggle_reaction(&b, &id, "Ann", Reaction::Like).unwrap().apply(&mut b).unwrap();
        assert!(b.reaction_counts(&id).is_empty(), "a second tap takes it back");
        assert_eq!(reply(&b, &id, "Ann", "   "), Err(RuleError::EmptyReply));
        reply(&b, &id, "Ann", &"long ".repeat(200)).unwrap().apply(&mut b).unwrap();
        let r = b.responses[0].clone();
        assert!(matches!(&r.answer, Answer::Reply(t) if t.chars().count() == MAX_REPLY_CHARS));
        assert_eq!(delete_reply(&b, &r.id, "Bo"), Err(RuleError::NotYourReply));
        assert!(delete_reply(&b, &r.id, "Ann").is_ok());
    }

    #[test]
    fn moving_ideas_and_themes_is_checked() {
        let (mut b, id) = board_in(Phase::Off);
        let theme = b.new_theme("Light", Timestamp::now());
        let t = theme.id.clone();
        b.themes.push(theme);
        let other = b.new_theme("Sound", Timestamp::now());
        let o = other.id.clone();
        b.themes.push(other);
        assert_eq!(move_to_theme(&b, [&id], Some(&ThemeId::parse("nope").unwrap())), Err(RuleError::NoSuchTheme));
        move_to_theme(&b, [&id], Some(&t)).unwrap().apply(&mut b).unwrap();
        assert_eq!(move_to_theme(&b, [&id], Some(&t)), Err(RuleError::NothingToMove));
        let before = b.clone();
        let inverse = move_theme(&b, &o, 0).unwrap().apply(&mut b).unwrap();
        assert_eq!(b.themes[0].id, o);
        inverse.apply(&mut b).unwrap();
        assert_eq!(b, before);
        assert_eq!(move_theme(&b, &ThemeId::parse("nope").unwrap(), 0), Err(RuleError::NoSuchTheme));
    }
}
