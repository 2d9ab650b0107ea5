//! Checks a parsed board and repairs what can be repaired without losing anything,
//! reporting each problem by item and field.

use std::collections::HashSet;
use std::fmt;

use crate::model::{Board, ItemId, ItemKind, MAX_COORD, Pos, Rgb, ThemeId, sort_themes};

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

/// Repairs `board` in place: duplicate ids get fresh ones, impossible positions and sizes
/// are replaced, references to themes that never existed become unsorted, stale tombstones go.
/// Returns one [`Problem`] per repair, plus problems that need no repair to display
/// (an invalid colour shows as a placeholder and is kept as written).
pub fn repair(board: &mut Board) -> Vec<Problem> {
    let mut problems = Vec::new();

    let mut theme_ids = HashSet::new();
    for theme in &mut board.themes {
        let subject = format!("theme “{}”", theme.name);
        if !theme_ids.insert(theme.id.clone()) {
            let fresh = ThemeId::new_random();
            problems.push(Problem {
                subject: subject.clone(),
                field: "id",
                message: format!("id {} is used twice; this theme now has id {fresh}", theme.id),
            });
            theme.id = fresh.clone();
            theme_ids.insert(fresh);
        }
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
    let mut item_ids: HashSet<ItemId> = HashSet::new();
    for (index, item) in board.items.iter_mut().enumerate() {
        let subject = format!("item #{} (id {}, {})", index + 1, item.id, item.kind.tag().name());
        if !item_ids.insert(item.id.clone()) {
            let fresh = ItemId::new_random();
            problems.push(Problem {
                subject: subject.clone(),
                field: "id",
                message: format!("id {} is used twice; this item now has id {fresh}", item.id),
            });
            item.id = fresh.clone();
            item_ids.insert(fresh);
        }
        if !item.pos.is_valid() {
            let (x, y) = (item.pos.x, item.pos.y);
            item.pos = Pos::new(
                if x.is_finite() { x.clamp(-MAX_COORD, MAX_COORD) } else { 0.0 },
                if y.is_finite() { y.clamp(-MAX_COORD, MAX_COORD) } else { 0.0 },
            );
            problems.push(Problem {
                subject: subject.clone(),
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
                subject: subject.clone(),
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
                subject: subject.clone(),
                field: "theme",
                message: format!("there is no theme {theme}; the item is now unsorted"),
            });
            item.theme = None;
        }
        match &item.kind {
            ItemKind::Colour { hex, .. } if Rgb::parse_hex(hex).is_none() => problems.push(Problem {
                subject: subject.clone(),
                field: "hex",
                message: format!("{hex:?} is not a #RRGGBB colour; shown as a placeholder"),
            }),
            ItemKind::Image { pixel_size, .. } if pixel_size.w == 0 || pixel_size.h == 0 => {
                problems.push(Problem {
                    subject: subject.clone(),
                    field: "pixel_size",
                    message: format!("{} × {} pixels is not an image size", pixel_size.w, pixel_size.h),
                });
            }
            _ => {}
        }
    }
    board.sort_items();
    repair_session(board, &mut problems);

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

/// Dots and responses get ids no other thing on the board has (tombstones are matched by
/// id alone), are kept sorted by id, and the session's numbers are brought into range.
fn repair_session(board: &mut Board, problems: &mut Vec<Problem>) {
    use crate::model::{MAX_DOTS, MAX_REPLY_CHARS, ResponseId, Timer, VoteId};
    let mut seen: HashSet<String> =
        board.items.iter().map(|i| i.id.to_string()).chain(board.themes.iter().map(|t| t.id.to_string())).collect();
    for (index, vote) in board.votes.iter_mut().enumerate() {
        if !seen.insert(vote.id.to_string()) {
            let fresh = VoteId::new_random();
            problems.push(Problem {
                subject: format!("vote #{}", index + 1),
                field: "id",
                message: format!("id {} is used twice; this dot now has id {fresh}", vote.id),
            });
            vote.id = fresh.clone();
            seen.insert(fresh.to_string());
        }
    }
    for (index, response) in board.responses.iter_mut().enumerate() {
        let subject = format!("response #{}", index + 1);
        if !seen.insert(response.id.to_string()) {
            let fresh = ResponseId::new_random();
            problems.push(Problem {
                subject: subject.clone(),
                field: "id",
                message: format!("id {} is used twice; this response now has id {fresh}", response.id),
            });
            response.id = fresh.clone();
            seen.insert(fresh.to_string());
        }
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
