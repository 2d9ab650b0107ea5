//! Copies that may only add: another board (another id), and a copy of this board whose
//! deletions and changes the person merging has not accepted ([`super::Trust`]). Their
//! records with ids we have never had come in; everything else they would have changed
//! is named.

use super::{Kind, Merged, Refusal, Refused, Versioned, clock_of, kinds_of, newest, text_of};
use crate::i18n::Message;
use crate::model::id_list::IdList;
use crate::model::{Board, Timestamp};

/// Where a copy that may only add comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum From {
    /// Another board (another id).
    AnotherBoard,
    /// A copy of this board whose deletions and changes were not accepted.
    UnconfirmedCopy,
}

impl From {
    fn change(self) -> Refused {
        match self {
            From::AnotherBoard => Refused::ChangeFromAnotherBoard,
            From::UnconfirmedCopy => Refused::ChangeUnconfirmed,
        }
    }

    fn deletion(self) -> Refused {
        match self {
            From::AnotherBoard => Refused::DeletionFromAnotherBoard,
            From::UnconfirmedCopy => Refused::DeletionUnconfirmed,
        }
    }

    fn revival(self) -> Refused {
        match self {
            From::AnotherBoard => Refused::RevivalFromAnotherBoard,
            From::UnconfirmedCopy => Refused::RevivalUnconfirmed,
        }
    }
}

/// The records of `theirs` with ids `ours` has never had, added (held back if stamped
/// past `horizon`); everything else it would have changed, named.
pub(super) fn merge(ours: &Board, theirs: &Board, horizon: Timestamp, from: From) -> Merged {
    let clock = clock_of(horizon);
    let mut board = ours.clone();
    let mut refused = Vec::new();
    let mut owner = kinds_of(ours);
    let mut only = Only { ours, horizon, from, owner: &mut owner, refused: &mut refused };
    // New themes first, so that new items may name them.
    only.add(Kind::Theme, &ours.themes, &theirs.themes, |t| board.themes.push(t));
    only.add(Kind::Item, &ours.items, &theirs.items, |mut item| {
        if from == From::AnotherBoard {
            // What they call their own team is, from here, another team.
            crate::model::lens::mark_outside_in(&mut item);
            // Their prompt is an idea here: only this board's facilitator sets its prompt.
            item.tags.retain(|t| t != crate::model::PROMPT_TAG);
        }
        // A theme they deleted does not come with them: such an idea is unsorted here.
        if item.theme.as_ref().is_some_and(|t| !board.knows_theme(t)) {
            item.theme = None;
        }
        board.items.push(item);
    });
    only.add(Kind::Dot, &ours.votes, &theirs.votes, |v| board.votes.push(v));
    only.add(Kind::Response, &ours.responses, &theirs.responses, |r| board.responses.push(r));
    // Connectors come with the cards they join; one to a card that did not come is
    // dropped by the merge (see `drop_dangling`).
    only.add(Kind::Connector, &ours.connectors, &theirs.connectors, |c| board.connectors.push(c));
    // Their deletions of our things are never applied, nor carried.
    for t in &theirs.deleted {
        let id = t.id.as_str();
        let ours_alive = ours.items.get(id).map(|v| (v.stamp(), v.describe())).or_else(|| {
            ours.themes
                .get(id)
                .map(|v| (v.stamp(), v.describe()))
                .or_else(|| ours.votes.get(id).map(|v| (v.stamp(), v.describe())))
                .or_else(|| ours.responses.get(id).map(|v| (v.stamp(), v.describe())))
                .or_else(|| ours.connectors.get(id).map(|v| (v.stamp(), v.describe())))
        });
        if let Some((stamp, what)) = ours_alive
            && t.saw >= stamp
        {
            refused.push(Refusal { id: id.to_owned(), what, why: from.deletion(), clock });
        }
    }
    if from == From::UnconfirmedCopy {
        // The board's words and its session, one unit each: named if theirs would win.
        let meta = |b: &Board| (b.modified, text_of(&(&b.title, &b.description, &b.goals)));
        if meta(theirs) > meta(ours) {
            refused.push(Refusal {
                id: String::new(),
                what: Message::new("merge-what-meta"),
                why: from.change(),
                clock,
            });
        }
        let session = |b: &Board| (b.session.modified, text_of(&b.session));
        if session(theirs) > session(ours) {
            refused.push(Refusal {
                id: String::new(),
                what: Message::new("merge-what-session"),
                why: from.change(),
                clock,
            });
        }
    }
    board.votes.sort_by(|a, b| a.id.cmp(&b.id));
    board.responses.sort_by(|a, b| a.id.cmp(&b.id));
    board.connectors.sort_by(|a, b| a.id.cmp(&b.id));
    board.sort_items();
    crate::model::sort_themes(&mut board);
    Merged { board, refused }
}

/// What [`merge`] needs while it goes through their records.
struct Only<'a, 'b> {
    ours: &'a Board,
    horizon: Timestamp,
    from: From,
    owner: &'b mut std::collections::HashMap<&'a str, (Kind, Message)>,
    refused: &'b mut Vec<Refusal>,
}

impl<'a> Only<'a, '_> {
    /// Hands each record of `theirs` (of `kind`) with an id the board has never had
    /// (alive or deleted) to `add`; for the others, notes what they would have changed.
    /// `ours` is the board's list of the same kind.
    fn add<T: Versioned>(&mut self, kind: Kind, ours: &IdList<T>, theirs: &'a IdList<T>, mut add: impl FnMut(T)) {
        let clock = clock_of(self.horizon);
        for record in theirs {
            let id = record.id_str();
            if let Some((owner, what)) = self.owner.get(id)
                && *owner != kind
            {
                let why = Refused::IdOfAnotherKind(what.clone());
                self.refused.push(Refusal { id: id.to_owned(), what: record.describe(), why, clock });
                continue;
            }
            if ours.contains(id) || self.ours.is_deleted(id) {
                self.refuse(ours, record);
            } else if record.stamp() > self.horizon {
                let why = Refused::NewFromTheFuture(record.stamp());
                self.refused.push(Refusal { id: id.to_owned(), what: record.describe(), why, clock });
            } else {
                self.owner.insert(id, (kind, record.describe()));
                add(record.clone());
            }
        }
    }

    /// Notes what their version of one of our things would have done.
    fn refuse<T: Versioned>(&mut self, ours: &IdList<T>, theirs: &T) {
        let clock = clock_of(self.horizon);
        let id = theirs.id_str();
        let why = match (ours.get(id), self.ours.tombstone(id)) {
            (Some(ov), _) if newest(Some(ov), Some(theirs)) != Some(ov) => self.from.change(),
            (None, Some(t)) if theirs.stamp() > t.saw => self.from.revival(),
            // Ours is as new, or it was deleted after their version: nothing would change.
            _ => return,
        };
        self.refused.push(Refusal { id: id.to_owned(), what: theirs.describe(), why, clock });
    }
}
