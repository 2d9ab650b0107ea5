//! The board's clock: a hybrid logical clock, so that a change made after seeing another
//! is always stamped later than it, whatever the computers' clocks say.
//!
//! A new stamp is the wall-clock time, but at least one millisecond past the newest
//! stamp on the board (as far as that stamp can be trusted, see [`MAX_CLOCK_AHEAD`]) and
//! past the version of the thing it changes. So when Bob's clock runs a year ahead and
//! Alice deletes the note he added, her deletion is stamped after his note; when Bob's
//! clock runs a year behind, his edit of Alice's note is still stamped after her version.
//!
//! Stamps are given in one place: [`super::Edit::apply_stamped`] stamps each part of a
//! user's edit just before it is applied. Merges bring other copies' stamps as they are.

use super::{Board, Timestamp};

/// How far ahead of this computer's clock a stamp may be and still be taken as it is.
/// Beyond it, a stamp is "from the future": merges hold back the changes it would carry
/// ([`super::merge`]) and the clock does not follow it. A day covers a computer set to
/// the wrong time zone; it does not cover a wrong date.
pub const MAX_CLOCK_AHEAD_MS: i64 = 24 * 60 * 60 * 1000;

/// Stamps from later than this are not trusted as they are.
pub fn horizon(wall: Timestamp) -> Timestamp {
    wall.plus_millis(MAX_CLOCK_AHEAD_MS)
}

/// Hands out stamps for one user action.
#[derive(Clone, Debug)]
pub struct Stamper {
    wall: Timestamp,
    /// The newest stamp given or seen so far.
    last: Timestamp,
    who: String,
}

impl Stamper {
    /// A clock for changing `board` at wall-clock time `wall`, as `who`.
    pub fn new(board: &Board, wall: Timestamp, who: &str) -> Self {
        Self { wall, last: board.newest_stamp(horizon(wall)), who: who.to_owned() }
    }

    /// Now, by this computer's clock, for a change to `board` by `who`.
    pub fn now(board: &Board, who: &str) -> Self {
        Self::new(board, Timestamp::now(), who)
    }

    /// A new stamp, later than every stamp given before and later than `after` (the
    /// version being changed, or the deletion being undone).
    pub fn tick(&mut self, after: Timestamp) -> Timestamp {
        let stamp = self.wall.max(self.last.plus_millis(1)).max(after.plus_millis(1));
        self.last = stamp;
        stamp
    }

    /// Who the changes are by (written on tombstones).
    pub fn who(&self) -> &str {
        &self.who
    }
}

impl Board {
    /// The newest stamp on the board no later than `horizon`: the clock a new change
    /// must pass.
    pub fn newest_stamp(&self, horizon: Timestamp) -> Timestamp {
        let trusted = |t: Timestamp| if t <= horizon { t } else { Timestamp::MIN };
        let items = self.items.iter().map(|i| trusted(i.modified).max(trusted(i.created)));
        let themes = self.themes.iter().map(|t| trusted(t.modified));
        let tombs = self.deleted.iter().map(|t| trusted(t.at).max(trusted(t.saw)));
        let votes = self.votes.iter().map(|v| trusted(v.at));
        let responses = self.responses.iter().map(|r| trusted(r.at));
        items
            .chain(themes)
            .chain(tombs)
            .chain(votes)
            .chain(responses)
            .chain([trusted(self.modified), trusted(self.created), trusted(self.session.modified)])
            .max()
            .unwrap_or(Timestamp::MIN)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(ms: i64) -> Timestamp {
        Timestamp::from_unix_millis(ms)
    }

    #[test]
    fn stamps_pass_the_board_and_the_version_whatever_the_wall_clock() {
        let mut board = Board::new("b", t(1_000));
        board.modified = t(5_000);
        // The wall clock is far behind the board: stamps still go forward.
        let mut s = Stamper::new(&board, t(10), "me");
        assert_eq!(s.tick(Timestamp::MIN), t(5_001));
        assert_eq!(s.tick(Timestamp::MIN), t(5_002));
        assert_eq!(s.tick(t(9_000)), t(9_001), "past the version it changes");
        // The wall clock ahead: it is used.
        let mut s = Stamper::new(&board, t(50_000), "me");
        assert_eq!(s.tick(Timestamp::MIN), t(50_000));
    }

    #[test]
    fn a_stamp_from_the_future_does_not_drag_the_clock_along() {
        let mut board = Board::new("b", t(1_000));
        board.modified = Timestamp::parse_rfc3339("9999-12-31T00:00:00Z").unwrap();
        let wall = t(1_795_000_000_000);
        let mut s = Stamper::new(&board, wall, "me");
        assert_eq!(s.tick(Timestamp::MIN), wall);
        // Changing the thing stamped in the future still goes past it.
        assert!(s.tick(board.modified) > board.modified);
    }
}
