//! Checks a parsed board and repairs what can be repaired without losing anything,
//! reporting each problem by item and field.

use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::model::{Board, HasId, IdList, ItemId, MAX_COORD, Pos, Rgb, ThemeId, sort_themes};

/// A problem found in a board that was repaired (or only reported) rather than
/// refusing the board.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// What the problem is in: "item #3 (id 3f2a…, quote)", "theme “Light”", "board".
    pub subject: String,
    /// The field, as written in the file.
    pub field: &'static str,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, field `{}`: {}", self.subject, self.field, self.message)
    }
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
    subject: impl Fn(usize, &T) -> String,
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
            message: format!("id {old} is used twice; this one now has id {fresh}"),
        });
        set_id(&mut list[i], &fresh);
        taken.insert(fresh);
    }
    for i in copies.into_iter().rev() {
        problems.push(Problem {
            subject: subject(i, &list[i]),
            field: "id",
            message: "is in the file twice, the same both times; kept once".to_owned(),
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
        |i, t| format!("theme “{}” (#{})", t.name, i + 1),
    );
    fix_ids(
        &mut board.items,
        &mut taken,
        &mut problems,
        |t, id| t.id = ItemId::parse(id).expect("a valid id"),
        |i, t| format!("item #{} (id {}, {})", i + 1, t.id, t.kind.tag().name()),
    );
    let mut theme_ids = HashSet::new();
    for theme in &board.themes {
        let subject = format!("theme “{}”", theme.name);
        theme_ids.insert(theme.id.clone());
        if Rgb::parse_hex(&theme.colour).is_none() {
            problems.push(Problem {
                subject,
                field: "colour",
                message: format!("{:?} is not a #RRGGBB colour; shown in grey", theme.colour),
            });
        }
    }
    sort_themes(board);

    // An item may stay in a theme that a merge deleted: it shows as unsorted, and the
    // reference is kept so that merging with a copy that revived the theme regroups it.
    let deleted_ids: HashSet<String> = board.deleted.iter().map(|t| t.id.clone()).collect();
    for (index, item) in board.items.iter_mut().enumerate() {
        // Only a problem needs the subject's words.
        let (id, tag) = (item.id.clone(), item.kind.tag());
        let subject = || format!("item #{} (id {id}, {})", index + 1, tag.name());
        if !item.pos.is_valid() {
            let (x, y) = (item.pos.x, item.pos.y);
            item.pos = Pos::new(
                if x.is_finite() { x.clamp(-MAX_COORD, MAX_COORD) } else { 0.0 },
                if y.is_finite() { y.clamp(-MAX_COORD, MAX_COORD) } else { 0.0 },
            );
            problems.push(Problem {
                subject: subject(),
                field: "pos",
                message: format!(
                    "({}, {}) is not a usable position; moved to ({}, {})",
                    fmt_f32(x),
                    fmt_f32(y),
                    item.pos.x,
                    item.pos.y
                ),
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
                message: format!(
                    "{} × {} is not a usable size; now {} × {}",
                    fmt_f32(old.w),
                    fmt_f32(old.h),
                    item.size.w,
                    item.size.h
                ),
            });
        }
        if let Some(theme) = &item.theme
            && !theme_ids.contains(theme)
            && !deleted_ids.contains(theme.as_str())
        {
            problems.push(Problem {
                subject: subject(),
                field: "theme",
                message: format!("there is no theme {theme}; the item is now unsorted"),
            });
            item.theme = None;
        }
        // What only the item's kind knows to check (see `Behaviour::repair`).
        for repair in item.kind.behaviour_mut().repair() {
            problems.push(Problem {
                subject: subject(),
                field: repair.field,
                message: crate::i18n::say_in(crate::i18n::Lang::En, &repair.what),
            });
        }
    }
    board.sort_items();
    if frames_from_cards {
        crate::model::frames::frames_from_cards(board);
    }
    repair_frames(board, &mut problems);
    repair_session(board, &mut problems, taken);

    // A tombstone for something that is alive is stale: keep the item, drop the
    // tombstone. Of several tombstones for one id, keep the newest.
    let mut deleted = std::mem::take(&mut board.deleted);
    deleted.sort_by(|a, b| a.id.cmp(&b.id).then(b.at.cmp(&a.at)));
    deleted.dedup_by(|later, first| later.id == first.id);
    let alive: HashSet<&str> = board.live_ids().collect();
    let revived: Vec<String> = deleted.iter().filter(|t| alive.contains(t.id.as_str())).map(|t| t.id.clone()).collect();
    deleted.retain(|t| !alive.contains(t.id.as_str()));
    board.deleted = deleted;
    for id in revived {
        problems.push(Problem {
            subject: format!("item, theme, dot or response {id}"),
            field: "deleted",
            message: "is both on the board and marked deleted; kept on the board".to_owned(),
        });
    }
    problems
}

/// Frames that are not rectangles on the board get one around their cards; frames and
/// cards that break the frame rules (overlapping frames, a card outside its frame, an
/// unsorted card in one) are tidied, as every change would tidy them.
fn repair_frames(board: &mut Board, problems: &mut Vec<Problem>) {
    use crate::model::frames;
    let invalid: Vec<String> = board.themes.iter().filter(|t| !t.frame.is_valid()).map(|t| t.name.clone()).collect();
    for name in &invalid {
        problems.push(Problem {
            subject: format!("theme “{name}”"),
            field: "frame",
            message: "is not a rectangle on the board; it now goes around its cards".to_owned(),
        });
    }
    if !invalid.is_empty() {
        let keep: Vec<(crate::model::ThemeId, crate::model::BoardRect)> =
            board.themes.iter().filter(|t| t.frame.is_valid()).map(|t| (t.id.clone(), t.frame)).collect();
        frames::frames_from_cards(board);
        // Valid frames stay as they were written, as far as the rules allow.
        for (id, frame) in keep {
            if let Some(i) = board.theme_index(&id) {
                board.themes[i].frame = frame;
            }
        }
    }
    if let Err(why) = frames::check(board) {
        frames::tidy_in_place(board);
        problems.push(Problem {
            subject: "board".to_owned(),
            field: "frame",
            message: format!("{why}; frames and cards were tidied"),
        });
    }
}

/// Dots and responses get ids no other thing on the board has (tombstones are matched by
/// id alone), are kept sorted by id, and the session's numbers are brought into range.
fn repair_session(board: &mut Board, problems: &mut Vec<Problem>, mut seen: HashSet<String>) {
    use crate::model::{MAX_DOTS, MAX_REPLY_CHARS, ResponseId, Timer, VoteId};
    fix_ids(
        &mut board.votes,
        &mut seen,
        problems,
        |v, id| v.id = VoteId::parse(id).expect("a valid id"),
        |i, _| format!("vote #{}", i + 1),
    );
    fix_ids(
        &mut board.responses,
        &mut seen,
        problems,
        |r, id| r.id = ResponseId::parse(id).expect("a valid id"),
        |i, _| format!("response #{}", i + 1),
    );
    for (index, response) in board.responses.iter_mut().enumerate() {
        let subject = format!("response #{}", index + 1);
        if let crate::model::Answer::Reply(text) = &mut response.answer
            && text.chars().count() > MAX_REPLY_CHARS
        {
            problems.push(Problem {
                subject,
                field: "answer",
                message: format!("a reply of {} characters is shortened to {MAX_REPLY_CHARS}", text.chars().count()),
            });
            *text = text.chars().take(MAX_REPLY_CHARS).collect();
        }
    }
    board.votes.sort_by(|a, b| a.id.cmp(&b.id));
    board.responses.sort_by(|a, b| a.id.cmp(&b.id));
    let session = &mut board.session;
    if session.dots_per_person > MAX_DOTS {
        problems.push(Problem {
            subject: "session".to_owned(),
            field: "dots_per_person",
            message: format!("{} dots per person is more than {MAX_DOTS}; set to {MAX_DOTS}", session.dots_per_person),
        });
        session.dots_per_person = MAX_DOTS;
    }
    let secs = session.timer.set_secs();
    let left = session.timer.left_ms(crate::model::Timestamp::now());
    if Timer::set(secs).set_secs() != secs || left > u64::from(crate::model::MAX_TIMER_SECS) * 1000 {
        problems.push(Problem {
            subject: "session".to_owned(),
            field: "timer",
            message: format!(
                "a timer of {secs} seconds is out of range; stopped and set to {}",
                Timer::set(secs).set_secs()
            ),
        });
        session.timer = Timer::set(secs);
    }
}
