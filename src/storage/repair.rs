//! Checks a parsed board and repairs what can be repaired without losing anything,
//! reporting each problem by item and field.

use std::collections::{HashMap, HashSet};

use crate::i18n::{Message, Said};
use crate::model::{Board, HasId, IdList, ItemId, KindTag, MAX_COORD, Pos, Rgb, ThemeId, sort_themes};

/// A problem found in a board that was repaired (or only reported) rather than
/// refusing the board, as data: said in the app's language, in English on the command
/// line ("item #3 (id 3f2a…, quote), field `pos`: … moved to …").
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// What the problem is in: "item #3 (id 3f2a…, quote)", "theme “Light”", "board".
    pub subject: Message,
    /// The field, as written in the file.
    pub field: &'static str,
    /// What was wrong, and what was done.
    pub message: Message,
}

impl Said for Problem {
    fn message(&self) -> Message {
        Message::new("problem-line")
            .with("subject", self.subject.clone())
            .with("field", self.field)
            .with("message", self.message.clone())
    }
}

crate::said_as_printed!(Problem);

/// "item #3 (id 3f2a…, quote)": the `index`-th item of a file (from 0).
pub fn item_subject(index: usize, id: &ItemId, kind: KindTag) -> Message {
    Message::new("problem-item")
        .with("n", index + 1)
        .with("id", id.as_str())
        .with("kind", Message::new_owned(kind.spec().name_id()))
}

/// "theme “Light”".
fn theme_subject(name: &str) -> Message {
    Message::new("problem-theme").with("name", name)
}

fn fmt_f32(v: f32) -> String {
    if v.is_finite() { format!("{v}") } else { format!("{v:?}") }
}

/// A new id for a record whose id is taken, derived from its old id and its content, so
/// that every computer repairing the same file gives it the same id (and a second
/// repair of a copy does not make a second item). Never one of `taken`.
fn derived_id<T: serde::Serialize>(old: &str, content: &T, taken: &HashSet<String>) -> String {
    let text = ron::to_string(content).unwrap_or_default();
    (0u32..)
        .map(|n| {
            let hash = blake3::hash(format!("{old}\0{n}\0{text}").as_bytes()).to_hex();
            hash[..16].to_owned()
        })
        .find(|id| !taken.contains(id))
        .expect("an untaken id exists")
}

/// Gives every record of `list` an id that no earlier record of any kind (`taken`) has:
/// an exact copy of an earlier record with its id is kept once, anything else with a
/// taken id gets a [`derived_id`]. One problem per repair, with `subject` naming the record.
fn fix_ids<T: HasId + PartialEq + serde::Serialize>(
    list: &mut IdList<T>,
    taken: &mut HashSet<String>,
    problems: &mut Vec<Problem>,
    set_id: impl Fn(&mut T, &str),
    subject: impl Fn(usize, &T) -> Message,
) {
    let (mut copies, mut clashes) = (Vec::new(), Vec::new());
    {
        let mut first: HashMap<&str, usize> = HashMap::new();
        for (i, record) in list.iter().enumerate() {
            let id = record.id_str();
            if taken.insert(id.to_owned()) {
                first.insert(id, i);
            } else if first.get(id).is_some_and(|&j| list[j] == *record) {
                copies.push(i);
            } else {
                clashes.push(i);
            }
        }
    }
    for i in clashes {
        let old = list[i].id_str().to_owned();
        let fresh = derived_id(&old, &list[i], taken);
        problems.push(Problem {
            subject: subject(i, &list[i]),
            field: "id",
            message: Message::new("problem-id-twice").with("old", old.as_str()).with("fresh", fresh.as_str()),
        });
        set_id(&mut list[i], &fresh);
        taken.insert(fresh);
    }
    for i in copies.into_iter().rev() {
        problems.push(Problem {
            subject: subject(i, &list[i]),
            field: "id",
            message: Message::new("problem-copy-twice"),
        });
        list.remove(i);
    }
}

/// Repairs `board` in place: duplicate ids get new ones derived from the item, impossible positions and sizes
/// are replaced, references to themes that never existed become unsorted, stale tombstones go.
/// Returns one [`Problem`] per repair, plus problems that need no repair to display
/// (an invalid colour shows as a placeholder and is kept as written).
pub fn repair(board: &mut Board) -> Vec<Problem> {
    repair_with(board, false)
}

/// [`repair`] of a board read from a file from before frames (`frames_from_cards`):
/// every theme's frame is laid out around its cards, as part of reading such a file
/// rather than as a problem.
pub fn repair_with(board: &mut Board, frames_from_cards: bool) -> Vec<Problem> {
    let mut problems = Vec::new();

    // Every id on the board, of any kind: tombstones name ids alone, so no two things
    // may share one.
    let mut taken: HashSet<String> = HashSet::new();
    fix_ids(
        &mut board.themes,
        &mut taken,
        &mut problems,
        |t, id| t.id = ThemeId::parse(id).expect("a valid id"),
        |i, t| Message::new("problem-theme-at").with("name", t.name.as_str()).with("n", i + 1),
    );
    fix_ids(
        &mut board.items,
        &mut taken,
        &mut problems,
        |t, id| t.id = ItemId::parse(id).expect("a valid id"),
        |i, t| item_subject(i, &t.id, t.kind.tag()),
    );
    let mut theme_ids = HashSet::new();
    for theme in &board.themes {
        let subject = theme_subject(&theme.name);
        theme_ids.insert(theme.id.clone());
        if Rgb::parse_hex(&theme.colour).is_none() {
            problems.push(Problem {
                subject,
                field: "colour",
                message: Message::new("problem-theme-colour").with("colour", format!("{:?}", theme.colour)),
            });
        }
    }
    sort_themes(board);

    // An item may stay in a theme that a merge deleted: it shows as unsorted, and the
    // reference is kept so that merging with a copy that revived the theme regroups it.
    let deleted_ids: HashSet<String> = board.deleted().iter().map(|t| t.id.clone()).collect();
    for (index, item) in board.items.iter_mut().enumerate() {
        // Only a problem needs the subject's words.
        let (id, tag) = (item.id.clone(), item.kind.tag());
        let subject = || item_subject(index, &id, tag);
        if !item.pos.is_valid() {
            let (x, y) = (item.pos.x, item.pos.y);
            item.pos = Pos::new(
                if x.is_finite() { x.clamp(-MAX_COORD, MAX_COORD) } else { 0.0 },
                if y.is_finite() { y.clamp(-MAX_COORD, MAX_COORD) } else { 0.0 },
            );
            problems.push(Problem {
                subject: subject(),
                field: "pos",
                message: Message::new("problem-position")
                    .with("x", fmt_f32(x))
                    .with("y", fmt_f32(y))
                    .with("to_x", fmt_f32(item.pos.x))
                    .with("to_y", fmt_f32(item.pos.y)),
            });
        }
        if !item.size.is_valid() {
            let old = item.size;
            item.size = if old.w.is_finite() && old.h.is_finite() && old.w > 0.0 && old.h > 0.0 {
                old.clamped()
            } else {
                item.kind.default_size()
            };
            problems.push(Problem {
                subject: subject(),
                field: "size",
                message: Message::new("problem-size")
                    .with("w", fmt_f32(old.w))
                    .with("h", fmt_f32(old.h))
                    .with("to_w", fmt_f32(item.size.w))
                    .with("to_h", fmt_f32(item.size.h)),
            });
        }
        if let Some(theme) = &item.theme
            && !theme_ids.contains(theme)
            && !deleted_ids.contains(theme.as_str())
        {
            problems.push(Problem {
                subject: subject(),
                field: "theme",
                message: Message::new("problem-no-theme").with("theme", theme.as_str()),
            });
            item.theme = None;
        }
        // What only the item's kind knows to check (see `Behaviour::repair`).
        for repair in item.kind.behaviour_mut().repair() {
            problems.push(Problem { subject: subject(), field: repair.field, message: repair.what });
        }
    }
    board.sort_items();
    if frames_from_cards {
        crate::model::frames::frames_from_cards(board);
    }
    repair_frames(board, &mut problems);
    let taken = repair_session(board, &mut problems, taken);
    repair_connectors(board, &mut problems, taken);

    // A tombstone for something that is alive is stale: keep the item, drop the
    // tombstone. Of several tombstones for one id, keep the newest.
    let revived = board.drop_stale_tombstones();
    for id in revived {
        problems.push(Problem {
            subject: Message::new("problem-any").with("id", id.as_str()),
            field: "deleted",
            message: Message::new("problem-alive-and-deleted"),
        });
    }
    problems
}

/// Frames that are not rectangles on the board get one around their cards; frames and
/// cards that break the frame rules (overlapping frames, a card outside its frame, an
/// unsorted card in one) are tidied, as every change would tidy them.
fn repair_frames(board: &mut Board, problems: &mut Vec<Problem>) {
    use crate::model::frames;
    // A frame must be a rectangle on the board with room in it; anything else is replaced
    // by one round its cards, found from the file's sound frames and cards alone.
    let usable = |f: crate::model::BoardRect| f.is_valid() && f.width() >= 1.0 && f.height() >= 1.0;
    let broken: std::collections::BTreeSet<crate::model::ThemeId> =
        board.themes.iter().filter(|t| !usable(t.frame)).map(|t| t.id.clone()).collect();
    for theme in board.themes.iter().filter(|t| broken.contains(&t.id)) {
        problems.push(Problem {
            subject: theme_subject(&theme.name),
            field: "frame",
            message: Message::new("problem-frame"),
        });
    }
    if !broken.is_empty() {
        frames::frames_for(board, &broken);
    }
    if let Err(why) = frames::check(board) {
        frames::tidy_in_place(board);
        problems.push(Problem {
            subject: Message::new("problem-board"),
            field: "frame",
            message: Message::new("problem-frames-tidied").with("why", why),
        });
    }
    frames::keep_on_board(board);
}

/// Connectors get ids no other thing on the board has, labels of one line within bounds,
/// and those that can never be shown (to themselves, or to something the board neither
/// has nor deleted) are dropped, each with a note. One whose end another copy deleted
/// stays in the file, unseen (see `model/connector.rs`).
fn repair_connectors(board: &mut Board, problems: &mut Vec<Problem>, mut seen: HashSet<String>) {
    use crate::model::connector::{ConnectorError, clean_label};
    let subject = |n: usize| Message::new("problem-connector").with("n", n + 1);
    fix_ids(
        &mut board.connectors,
        &mut seen,
        problems,
        |c, id| c.id = crate::model::ConnectorId::parse(id).expect("a valid id"),
        |i, _| subject(i),
    );
    for (index, connector) in board.connectors.iter_mut().enumerate() {
        let clean = clean_label(&connector.label);
        if clean != connector.label.trim() {
            problems.push(Problem {
                subject: subject(index),
                field: "label",
                message: Message::new("problem-connector-label").with("max", crate::model::connector::MAX_LABEL_CHARS),
            });
        }
        connector.label = clean;
    }
    let numbered: HashMap<String, usize> =
        board.connectors.iter().enumerate().map(|(i, c)| (c.id.to_string(), i)).collect();
    for (connector, why) in board.drop_impossible_connectors() {
        let field = match &why {
            ConnectorError::MissingEnd(id) if connector.from.is(id) => "from",
            ConnectorError::MissingEnd(_) => "to",
            _ => "to",
        };
        let index = numbered.get(connector.id.as_str()).copied().unwrap_or(0);
        problems.push(Problem {
            subject: subject(index),
            field,
            message: Message::new("problem-connector-dropped").with("why", Said::message(&why)),
        });
    }
    board.connectors.sort_by(|a, b| a.id.cmp(&b.id));
}

/// Dots and responses get ids no other thing on the board has (tombstones are matched by
/// id alone), are kept sorted by id, and the session's numbers are brought into range.
/// Returns every id taken so far.
fn repair_session(board: &mut Board, problems: &mut Vec<Problem>, mut seen: HashSet<String>) -> HashSet<String> {
    use crate::model::{MAX_DOTS, MAX_REPLY_CHARS, ResponseId, Timer, VoteId};
    fix_ids(
        &mut board.votes,
        &mut seen,
        problems,
        |v, id| v.id = VoteId::parse(id).expect("a valid id"),
        |i, _| Message::new("problem-vote").with("n", i + 1),
    );
    fix_ids(
        &mut board.responses,
        &mut seen,
        problems,
        |r, id| r.id = ResponseId::parse(id).expect("a valid id"),
        |i, _| Message::new("problem-response").with("n", i + 1),
    );
    for (index, response) in board.responses.iter_mut().enumerate() {
        let subject = Message::new("problem-response").with("n", index + 1);
        if let crate::model::Answer::Reply(text) = &mut response.answer
            && text.chars().count() > MAX_REPLY_CHARS
        {
            problems.push(Problem {
                subject,
                field: "answer",
                message: Message::new("problem-reply-long")
                    .with("count", text.chars().count())
                    .with("max", MAX_REPLY_CHARS),
            });
            *text = text.chars().take(MAX_REPLY_CHARS).collect();
        }
    }
    board.votes.sort_by(|a, b| a.id.cmp(&b.id));
    board.responses.sort_by(|a, b| a.id.cmp(&b.id));
    let session = &mut board.session;
    if session.dots_per_person > MAX_DOTS {
        problems.push(Problem {
            subject: Message::new("problem-session"),
            field: "dots_per_person",
            message: Message::new("problem-dots").with("count", session.dots_per_person).with("max", MAX_DOTS),
        });
        session.dots_per_person = MAX_DOTS;
    }
    let secs = session.timer.set_secs();
    let left = session.timer.left_ms(crate::model::Timestamp::now());
    if Timer::set(secs).set_secs() != secs || left > u64::from(crate::model::MAX_TIMER_SECS) * 1000 {
        problems.push(Problem {
            subject: Message::new("problem-session"),
            field: "timer",
            message: Message::new("problem-timer").with("secs", secs).with("set", Timer::set(secs).set_secs()),
        });
        session.timer = Timer::set(secs);
    }
    seen
}
