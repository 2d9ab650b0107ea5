//! A facilitated session on a board: its phase, timer and settings, the dots people
//! place when voting and the reactions and replies every idea should get.
//!
//! All of it is saved in the board, so a packed or merged board carries the session.
//! The settings are one last-writer-wins unit (like the board's goals); each dot and
//! each response is a record of its own with an id, merged like items (tombstones keep
//! a taken-back dot or a deleted reply from coming back).

use serde::{Deserialize, Serialize};

use super::{Item, ItemId, ItemKind, ResponseId, Timestamp, VoteId};

/// Dots per person when a board has never set its own number.
pub const DEFAULT_DOTS: u32 = 3;
/// Most dots per person a facilitator can hand out.
pub const MAX_DOTS: u32 = 20;
/// The timer's length when the facilitator has not set one, in seconds.
pub const DEFAULT_TIMER_SECS: u32 = 10 * 60;
/// Longest timer, in seconds (a whole day; anything longer is not a session).
pub const MAX_TIMER_SECS: u32 = 24 * 60 * 60;
/// Longest reply, in characters: a reply is a short answer, not an essay.
pub const MAX_REPLY_CHARS: usize = 500;
/// The tag that marks a note as a prompt card drawn from the deck.
pub const PROMPT_TAG: &str = "prompt";
/// The tag on every idea that came in through the live session's join page, so that
/// private collect can tell the participants' ideas from the facilitator's.
pub const JOINED_TAG: &str = "joined";

/// The steps of a session, in the order a facilitator usually walks them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Phase {
    /// No session: everything is shown, nobody is timed.
    #[default]
    Off,
    /// Everyone adds ideas. Votes and responses are hidden: no premature judgment.
    Collect,
    /// Ideas are grouped into themes.
    Cluster,
    /// Dot voting; totals stay hidden until the facilitator reveals them.
    Vote,
    /// Every idea gets a reaction or a reply.
    React,
}

impl Phase {
    /// The phases of a running session, in order.
    pub const STEPS: [Phase; 4] = [Phase::Collect, Phase::Cluster, Phase::Vote, Phase::React];

    pub fn name(self) -> &'static str {
        match self {
            Phase::Off => "No session",
            Phase::Collect => "Collect",
            Phase::Cluster => "Cluster",
            Phase::Vote => "Vote",
            Phase::React => "React",
        }
    }

    /// What the phase asks of people, shown in the session bar.
    pub fn hint(self) -> &'static str {
        match self {
            Phase::Off => "",
            Phase::Collect => "Add everything that comes to mind. No judging yet: votes and comments are hidden.",
            Phase::Cluster => "Group the ideas into themes: drag them, or let the app suggest themes.",
            Phase::Vote => "Place your dots on the ideas that serve the goal best.",
            Phase::React => "Give every idea a reaction or a reply. No idea left unanswered.",
        }
    }

    /// Whether votes and responses may be seen (and given) in this phase.
    pub fn shows_judgment(self) -> bool {
        self != Phase::Collect
    }
}

/// The session's countdown. Times are wall-clock, so every copy of the board shows
/// the same time left.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Timer {
    /// Not started: it will run for `secs`.
    Stopped { secs: u32 },
    /// Counting down to `ends`.
    Running { ends: Timestamp, secs: u32 },
    /// Paused with `left_ms` to go.
    Paused { left_ms: u64, secs: u32 },
}

impl Default for Timer {
    fn default() -> Self {
        Timer::Stopped { secs: DEFAULT_TIMER_SECS }
    }
}

impl Timer {
    /// The length it was set to, in seconds.
    pub fn set_secs(self) -> u32 {
        match self {
            Timer::Stopped { secs } | Timer::Running { secs, .. } | Timer::Paused { secs, .. } => secs,
        }
    }

    /// Milliseconds left at `now` (0 once it has run out).
    pub fn left_ms(self, now: Timestamp) -> u64 {
        match self {
            Timer::Stopped { secs } => u64::from(secs) * 1000,
            Timer::Running { ends, .. } => u64::try_from(ends.unix_millis() - now.unix_millis()).unwrap_or(0),
            Timer::Paused { left_ms, .. } => left_ms,
        }
    }

    pub fn is_running(self) -> bool {
        matches!(self, Timer::Running { .. })
    }

    /// Ran out: running with nothing left.
    pub fn is_up(self, now: Timestamp) -> bool {
        self.is_running() && self.left_ms(now) == 0
    }

    pub fn start(self, now: Timestamp) -> Timer {
        let secs = self.set_secs();
        let left = match self {
            Timer::Running { .. } => return self,
            Timer::Stopped { secs } => u64::from(secs) * 1000,
            Timer::Paused { left_ms, .. } => left_ms,
        };
        Timer::Running { ends: plus_ms(now, left), secs }
    }

    pub fn pause(self, now: Timestamp) -> Timer {
        match self {
            Timer::Running { secs, .. } => Timer::Paused { left_ms: self.left_ms(now), secs },
            other => other,
        }
    }

    /// Gives `secs` more; a timer that ran out starts again with that much.
    pub fn extend(self, secs: u32, now: Timestamp) -> Timer {
        let more = u64::from(secs) * 1000;
        let cap = u64::from(MAX_TIMER_SECS) * 1000;
        match self {
            Timer::Stopped { secs: set } => Timer::Stopped { secs: set.saturating_add(secs).min(MAX_TIMER_SECS) },
            Timer::Running { secs: set, .. } => {
                Timer::Running { ends: plus_ms(now, self.left_ms(now).saturating_add(more).min(cap)), secs: set }
            }
            Timer::Paused { left_ms, secs: set } => {
                Timer::Paused { left_ms: left_ms.saturating_add(more).min(cap), secs: set }
            }
        }
    }

    /// Stops and sets the length for next time.
    pub fn set(secs: u32) -> Timer {
        Timer::Stopped { secs: secs.clamp(1, MAX_TIMER_SECS) }
    }
}

fn plus_ms(t: Timestamp, ms: u64) -> Timestamp {
    Timestamp::from_unix_millis(t.unix_millis().saturating_add(i64::try_from(ms).unwrap_or(i64::MAX)))
}

/// `mm:ss`, or `h:mm:ss` from an hour up.
pub fn format_clock(ms: u64) -> String {
    let secs = ms.div_ceil(1000);
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 { format!("{h}:{m:02}:{s:02}") } else { format!("{m:02}:{s:02}") }
}

/// The facilitator's settings for the session, changed as one unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub phase: Phase,
    pub timer: Timer,
    /// Hide who added what (against authority bias).
    pub hide_contributors: bool,
    /// Private collect (brainwriting): while collecting, nobody sees anyone else's ideas,
    /// so the first idea cannot anchor the rest (since version 6).
    pub private_collect: bool,
    /// How many dots each person may place.
    pub dots_per_person: u32,
    /// Vote totals are shown to everyone.
    pub votes_revealed: bool,
    /// Prompts the facilitator wrote, drawn along with the shipped deck.
    pub own_prompts: Vec<String>,
    /// Time of the last change to any of the above.
    pub modified: Timestamp,
}

impl Session {
    /// Who added what is hidden: asked for, and a session is running.
    pub fn hides_contributors(&self) -> bool {
        self.hide_contributors && self.phase != Phase::Off
    }

    /// Ideas are kept from everyone but their authors: private collect, while collecting.
    pub fn collects_privately(&self) -> bool {
        self.private_collect && self.phase == Phase::Collect
    }

    /// Vote totals may be shown: revealed, or no session is running.
    pub fn totals_shown(&self) -> bool {
        self.votes_revealed || self.phase == Phase::Off
    }
}

impl Default for Session {
    fn default() -> Self {
        Self {
            phase: Phase::Off,
            timer: Timer::default(),
            hide_contributors: false,
            private_collect: false,
            dots_per_person: DEFAULT_DOTS,
            votes_revealed: false,
            own_prompts: Vec::new(),
            modified: Timestamp::from_unix_millis(0),
        }
    }
}

/// One dot placed on an item by one person.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Vote {
    pub id: VoteId,
    pub item: ItemId,
    pub by: String,
    pub at: Timestamp,
}

/// The quick reactions an item can get. Replies carry words instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Reaction {
    /// "Yes, and…": worth building on.
    BuildOn,
    Like,
    /// Surprising: it shifts the view.
    Surprise,
    /// Not clear yet: tell more.
    Question,
}

impl Reaction {
    pub const ALL: [Reaction; 4] = [Reaction::BuildOn, Reaction::Like, Reaction::Surprise, Reaction::Question];

    pub fn glyph(self) -> &'static str {
        match self {
            Reaction::BuildOn => "➕",
            Reaction::Like => "♥",
            Reaction::Surprise => "✨",
            Reaction::Question => "❓",
        }
    }

    /// The Fluent message of its name in the interface and the exports.
    pub fn message_id(self) -> &'static str {
        match self {
            Reaction::BuildOn => "reaction-build-on",
            Reaction::Like => "reaction-like",
            Reaction::Surprise => "reaction-surprise",
            Reaction::Question => "reaction-question",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Reaction::BuildOn => "Build on it",
            Reaction::Like => "Like",
            Reaction::Surprise => "Surprising",
            Reaction::Question => "Tell me more",
        }
    }
}

/// What someone answered to an item.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Answer {
    Reaction(Reaction),
    Reply(String),
}

/// A reaction or reply to an item.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Response {
    pub id: ResponseId,
    pub item: ItemId,
    pub by: String,
    pub answer: Answer,
    pub at: Timestamp,
}

/// Whether `tag` is one the app writes for itself (where an idea came from, that it is
/// a prompt) rather than one a person gave: never offered as a theme.
pub fn is_internal_tag(tag: &str) -> bool {
    let tag = tag.trim();
    tag.eq_ignore_ascii_case(JOINED_TAG) || tag.eq_ignore_ascii_case(PROMPT_TAG)
}

/// Whether an item came in through the join page of a live session.
pub fn is_joined(item: &Item) -> bool {
    item.tags.iter().any(|t| t == JOINED_TAG)
}

/// Whether an item is a prompt card rather than an idea.
pub fn is_prompt(item: &Item) -> bool {
    matches!(item.kind, ItemKind::Note(_)) && item.tags.iter().any(|t| t == PROMPT_TAG)
}

/// The prompt shown to everyone (on phones): the newest prompt card, among those dated
/// no later than this computer's clock allows (a card dated 9999 is never pinned).
pub fn pinned_prompt(board: &super::Board, now: super::Timestamp) -> Option<&Item> {
    let horizon = super::clock::horizon(now);
    board.items.iter().filter(|i| is_prompt(i) && i.created <= horizon).max_by_key(|i| (i.created, i.id.as_str()))
}

/// A person's name as votes and responses compare it: trimmed, ignoring case.
pub fn same_person(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(ms: i64) -> Timestamp {
        Timestamp::from_unix_millis(ms)
    }

    #[test]
    fn the_timer_counts_down_pauses_and_extends() {
        let timer = Timer::set(60);
        assert_eq!(timer.left_ms(t(0)), 60_000);
        let running = timer.start(t(1_000));
        assert_eq!(running.left_ms(t(11_000)), 50_000);
        let paused = running.pause(t(11_000));
        assert_eq!(paused.left_ms(t(99_000)), 50_000, "a paused timer does not run");
        let resumed = paused.start(t(100_000));
        assert_eq!(resumed.left_ms(t(100_000)), 50_000);
        assert!(resumed.is_up(t(150_000)));
        assert!(!resumed.is_up(t(149_999)));
        let extended = resumed.extend(60, t(200_000));
        assert_eq!(extended.left_ms(t(200_000)), 60_000, "a timer that ran out gets the extra time from now");
        assert_eq!(extended.set_secs(), 60);
        assert_eq!(Timer::set(0).set_secs(), 1);
        assert_eq!(Timer::set(u32::MAX).set_secs(), MAX_TIMER_SECS);
    }

    #[test]
    fn clock_text() {
        assert_eq!(format_clock(0), "00:00");
        assert_eq!(format_clock(61_001), "01:02");
        assert_eq!(format_clock(3_600_000), "1:00:00");
    }
}
