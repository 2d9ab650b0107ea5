//! Presence: where each person on a live board points, what they have selected and which
//! part of the board they see — never saved, never part of the board.
//!
//! Each peer sends its person's [`Frame`] on a stream of its own beside the board's
//! conversation, and passes on every frame it hears to its other peers (the copies of a
//! board form a tree: each dials the one it joined). A frame carries its person's
//! sequence number; one not newer than the last heard from that person is dropped, so a
//! frame that comes round a loop ends there. A person not heard from for [`EXPIRES`] is no
//! longer shown (each peer sends its frame again every [`HEARTBEAT`]); one whose
//! connection ends is gone at once for its neighbours, who pass that on.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::model::{ItemId, MAX_COORD};

/// How often a peer sends its person's frame even when nothing moved.
pub const HEARTBEAT: Duration = Duration::from_secs(2);
/// A person not heard from for this long is no longer shown.
pub const EXPIRES: Duration = Duration::from_secs(7);
/// The most cards a frame may name as selected (a larger selection is sent cut short).
pub const MAX_SELECTION: usize = 500;
/// The largest presence frame read from a peer.
pub const MAX_FRAME: usize = 64 * 1024;
/// Colours people are told apart by (the UI has one for each).
pub const COLOURS: usize = 8;

/// What one person shows the others, in board coordinates.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Presence {
    /// Where their pointer is on the board, when it is over the canvas.
    #[serde(default)]
    pub pointer: Option<[f32; 2]>,
    /// The cards they have selected.
    #[serde(default)]
    pub selection: Vec<String>,
    /// The part of the board their canvas shows: min x, min y, max x, max y.
    #[serde(default)]
    pub view: Option<[f32; 4]>,
    /// How many times they asked everyone to follow them (*Bring everyone to me*): the
    /// others start following when it goes up.
    #[serde(default)]
    pub summons: u32,
}

impl Presence {
    /// The same presence without what a peer would refuse (a pointer or view past the
    /// board's limits, too many cards): what we send always passes [`Presence::check`].
    pub fn sendable(mut self) -> Self {
        self.pointer = self.pointer.filter(|&p| pointer_ok(p));
        self.view = self.view.filter(|&v| view_ok(v));
        self.selection.retain(|id| ItemId::parse(id).is_ok());
        self.selection.truncate(MAX_SELECTION);
        self
    }

    /// What is wrong with a presence from a peer, if anything.
    pub fn check(&self) -> Result<(), String> {
        if let Some([x, y]) = self.pointer.filter(|&p| !pointer_ok(p)) {
            return Err(format!("a pointer at ({x}, {y})"));
        }
        if let Some([x0, y0, x1, y1]) = self.view.filter(|&v| !view_ok(v)) {
            return Err(format!("a view of ({x0}, {y0})–({x1}, {y1})"));
        }
        if self.selection.len() > MAX_SELECTION {
            return Err(format!("{} cards selected (at most {MAX_SELECTION})", self.selection.len()));
        }
        if let Some(bad) = self.selection.iter().find(|id| ItemId::parse(id).is_err()) {
            return Err(format!("a selected card with the id {:?}", bad.chars().take(40).collect::<String>()));
        }
        Ok(())
    }
}

/// A number, within `limit` of the board's middle.
fn sane(v: f32, limit: f32) -> bool {
    v.is_finite() && v.abs() <= limit
}

/// A pointer on the board: both coordinates within the board's limits.
fn pointer_ok([x, y]: [f32; 2]) -> bool {
    sane(x, MAX_COORD) && sane(y, MAX_COORD)
}

/// A view of the board: a rectangle of some size, within twice the board's limits (a
/// canvas zoomed far out shows past the board's edge).
fn view_ok([x0, y0, x1, y1]: [f32; 4]) -> bool {
    [x0, y0, x1, y1].iter().all(|v| sane(*v, 2.0 * MAX_COORD)) && x0 < x1 && y0 < y1
}

/// One person's presence as it travels: who (a random id for this run of their peer),
/// their name, a sequence number, and their presence (`None`: they left).
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    pub who: String,
    pub name: String,
    pub seq: u64,
    pub presence: Option<Presence>,
}

impl Frame {
    /// What is wrong with a frame from a peer, if anything.
    pub fn check(&self) -> Result<(), String> {
        if self.who.is_empty() || self.who.len() > 32 || !self.who.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err("a presence from someone without a proper id".to_owned());
        }
        if self.name.chars().count() > super::wire::MAX_NAME_CHARS {
            return Err(format!("a name longer than {} characters", super::wire::MAX_NAME_CHARS));
        }
        self.presence.as_ref().map_or(Ok(()), Presence::check).map_err(|why| format!("{why} from {}", self.name))
    }
}

/// A random id for this run of a peer.
pub fn new_who() -> String {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).expect("the system's random numbers");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Someone else on the board, as shown now.
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    pub who: String,
    pub name: String,
    pub presence: Presence,
    /// Which of the [`COLOURS`] they are drawn in: the same on every screen.
    pub colour: usize,
}

/// Which of the [`COLOURS`] the person with this id is drawn in.
pub fn colour_of(who: &str) -> usize {
    // FNV-1a: stable everywhere, unlike the standard library's hasher.
    let hash = who.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
    (hash % COLOURS as u64) as usize
}

/// Everyone heard of, by id: their last frame, which connection it came by and when.
#[derive(Debug)]
pub struct People {
    me: String,
    seen: HashMap<String, Seen>,
}

#[derive(Debug)]
struct Seen {
    frame: Frame,
    via: u64,
    at: Instant,
}

impl People {
    pub fn new(me: String) -> Self {
        Self { me, seen: HashMap::new() }
    }

    /// Takes in a frame that came by connection `via`: true when it is news (newer than
    /// what was heard from that person), to be passed on to the other connections.
    pub fn heard(&mut self, frame: &Frame, via: u64, now: Instant) -> bool {
        if frame.who == self.me {
            return false;
        }
        if let Some(seen) = self.seen.get(&frame.who)
            && seen.frame.seq >= frame.seq
        {
            return false;
        }
        self.seen.insert(frame.who.clone(), Seen { frame: frame.clone(), via, at: now });
        true
    }

    /// Connection `via` ended: everyone heard through it is gone. Returns the frames that
    /// say so, to pass on.
    pub fn lost(&mut self, via: u64) -> Vec<Frame> {
        let mut gone = Vec::new();
        for seen in self.seen.values_mut().filter(|s| s.via == via && s.frame.presence.is_some()) {
            seen.frame.seq += 1;
            seen.frame.presence = None;
            gone.push(seen.frame.clone());
        }
        gone
    }

    /// Every frame heard and still current: a new connection is told them all at once.
    pub fn current(&self, now: Instant) -> Vec<Frame> {
        self.seen.values().filter(|s| now.duration_since(s.at) < EXPIRES).map(|s| s.frame.clone()).collect()
    }

    /// Who is on the board now, by name.
    pub fn here(&self, now: Instant) -> Vec<Person> {
        let mut people: Vec<Person> = self
            .seen
            .values()
            .filter(|s| now.duration_since(s.at) < EXPIRES)
            .filter_map(|s| {
                let presence = s.frame.presence.clone()?;
                Some(Person {
                    who: s.frame.who.clone(),
                    name: s.frame.name.clone(),
                    presence,
                    colour: colour_of(&s.frame.who),
                })
            })
            .collect();
        people.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.who.cmp(&b.who)));
        people
    }

    /// Whether anyone is remembered (shown now or about to go).
    pub fn any(&self) -> bool {
        !self.seen.is_empty()
    }

    /// Forgets those not heard from for long (the table does not grow without end).
    pub fn forget_old(&mut self, now: Instant) {
        self.seen.retain(|_, s| now.duration_since(s.at) < 4 * EXPIRES);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(who: &str, seq: u64, pointer: [f32; 2]) -> Frame {
        Frame {
            who: who.into(),
            name: format!("person {who}"),
            seq,
            presence: Some(Presence { pointer: Some(pointer), ..Presence::default() }),
        }
    }

    #[test]
    fn only_newer_frames_are_news_and_our_own_never_is() {
        let now = Instant::now();
        let mut people = People::new("aa".into());
        assert!(people.heard(&frame("bb", 1, [1.0, 2.0]), 1, now));
        assert!(!people.heard(&frame("bb", 1, [9.0, 9.0]), 2, now), "the same frame round a loop");
        assert!(!people.heard(&frame("bb", 0, [9.0, 9.0]), 1, now), "an older frame");
        assert!(people.heard(&frame("bb", 2, [3.0, 4.0]), 1, now));
        assert!(!people.heard(&frame("aa", 5, [0.0, 0.0]), 1, now), "our own frame come back");
        let here = people.here(now);
        assert_eq!(here.len(), 1);
        assert_eq!(here[0].presence.pointer, Some([3.0, 4.0]));
        assert_eq!(here[0].colour, colour_of("bb"));
    }

    #[test]
    fn a_lost_connection_takes_its_people_and_silence_expires_them() {
        let now = Instant::now();
        let mut people = People::new("aa".into());
        people.heard(&frame("bb", 1, [1.0, 2.0]), 1, now);
        people.heard(&frame("cc", 7, [1.0, 2.0]), 2, now);
        let gone = people.lost(1);
        assert_eq!(gone.len(), 1);
        assert_eq!((gone[0].who.as_str(), gone[0].seq, gone[0].presence.is_none()), ("bb", 2, true));
        assert!(people.lost(1).is_empty(), "said once");
        assert_eq!(people.here(now).iter().map(|p| p.who.as_str()).collect::<Vec<_>>(), ["cc"]);
        assert!(people.here(now + EXPIRES).is_empty(), "not heard from for too long");
        // Back by another way, with a newer frame.
        assert!(people.heard(&frame("bb", 3, [0.0, 0.0]), 2, now));
        assert_eq!(people.here(now).len(), 2);
    }

    #[test]
    fn hostile_presence_is_named() {
        let mut bad = frame("bb", 1, [f32::NAN, 0.0]);
        assert!(bad.check().unwrap_err().contains("pointer"));
        bad = frame("not hex!", 1, [0.0, 0.0]);
        assert!(bad.check().unwrap_err().contains("id"));
        bad = frame("bb", 1, [0.0, 0.0]);
        bad.presence.as_mut().unwrap().view = Some([5.0, 0.0, 1.0, 1.0]);
        assert!(bad.check().unwrap_err().contains("view"));
        bad.presence.as_mut().unwrap().view = None;
        bad.presence.as_mut().unwrap().selection = vec!["x".into(); MAX_SELECTION + 1];
        assert!(bad.check().unwrap_err().contains("selected"));
        bad.presence.as_mut().unwrap().selection = vec!["../../etc".into()];
        assert!(bad.check().unwrap_err().contains("selected card"));
        bad.name = "n".repeat(200);
        assert!(bad.check().unwrap_err().contains("name"));
        assert!(frame("0123abcd", 1, [10.0, -4.0]).check().is_ok());
    }

    #[test]
    fn what_we_send_passes_our_own_checks() {
        let wild = Presence {
            pointer: Some([f32::INFINITY, 0.0]),
            selection: vec!["ok".into(); MAX_SELECTION + 3],
            view: Some([0.0, 0.0, -1.0, 1.0]),
            summons: 2,
        };
        let sent = wild.sendable();
        assert!(sent.check().is_ok());
        assert_eq!((sent.pointer, sent.view, sent.selection.len(), sent.summons), (None, None, MAX_SELECTION, 2));
    }

    #[test]
    fn colours_are_the_same_everywhere_and_spread() {
        assert_eq!(colour_of("0123456789abcdef"), colour_of("0123456789abcdef"));
        let used: std::collections::HashSet<usize> = (0..64).map(|i| colour_of(&format!("{i:016x}"))).collect();
        assert!(used.len() >= COLOURS - 1, "{used:?}");
    }
}
