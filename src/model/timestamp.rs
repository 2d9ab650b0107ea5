//! Points in time, stored as RFC 3339 text in UTC with millisecond precision.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// A UTC instant with millisecond precision. Ordered, so merge can keep the newest change.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(OffsetDateTime);

/// 0001-01-01T00:00:00Z in milliseconds since the epoch: the earliest time a file holds.
const MIN_MILLIS: i64 = -62_135_596_800_000;
/// 9999-12-31T23:59:59.999Z: the latest time RFC 3339 can write.
const MAX_MILLIS: i64 = 253_402_300_799_999;

impl Timestamp {
    /// 1970-01-01T00:00:00Z.
    pub const EPOCH: Timestamp = Timestamp(OffsetDateTime::UNIX_EPOCH);
    /// 0001-01-01T00:00:00Z: earlier than any stamp a board holds.
    pub const MIN: Timestamp = Timestamp(time::macros::datetime!(0001-01-01 0:00 UTC));
    /// 9999-12-31T23:59:59.999Z: the latest time RFC 3339 can write.
    pub const MAX: Timestamp = Timestamp(time::macros::datetime!(9999-12-31 23:59:59.999 UTC));

    /// The current time, truncated to whole milliseconds so that it survives a round
    /// trip through the file unchanged.
    pub fn now() -> Self {
        Self::from_unix_millis(now_millis())
    }

    /// Milliseconds since 1970-01-01T00:00:00Z, clamped to years 1 to 9999.
    pub fn from_unix_millis(ms: i64) -> Self {
        let nanos = i128::from(ms.clamp(MIN_MILLIS, MAX_MILLIS)) * 1_000_000;
        Self(OffsetDateTime::from_unix_timestamp_nanos(nanos).unwrap_or(OffsetDateTime::UNIX_EPOCH))
    }

    /// `ms` milliseconds later (or earlier, when negative), stopping at the ends of time.
    #[must_use]
    pub fn plus_millis(self, ms: i64) -> Self {
        Self::from_unix_millis(self.unix_millis().saturating_add(ms))
    }

    pub fn unix_millis(self) -> i64 {
        (self.0.unix_timestamp_nanos() / 1_000_000) as i64
    }

    /// `2026-11-23T14:03:12.345Z`
    pub fn to_rfc3339(self) -> String {
        self.0.format(&Rfc3339).unwrap_or_else(|_| "1970-01-01T00:00:00Z".to_owned())
    }

    pub fn parse_rfc3339(s: &str) -> Result<Self, time::error::Parse> {
        let t = OffsetDateTime::parse(s, &Rfc3339)?;
        Ok(Self::from_unix_millis((t.unix_timestamp_nanos() / 1_000_000) as i64))
    }

    /// `2026-11-23 14:03` for people.
    pub fn to_short_string(self) -> String {
        let t = self.0;
        format!("{:04}-{:02}-{:02} {:02}:{:02}", t.year(), u8::from(t.month()), t.day(), t.hour(), t.minute())
    }
}

fn now_millis() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rfc3339())
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rfc3339())
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_rfc3339())
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Self::parse_rfc3339(&s).map_err(|e| {
            serde::de::Error::custom(format!("{s:?} is not an RFC 3339 time such as \"2026-11-23T14:03:12Z\": {e}"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_text() {
        let t = Timestamp::from_unix_millis(1_795_000_000_123);
        let s = t.to_rfc3339();
        assert_eq!(s, "2026-11-18T11:06:40.123Z");
        assert_eq!(Timestamp::parse_rfc3339(&s).unwrap(), t);
    }

    #[test]
    fn arithmetic_stops_at_the_ends_of_time() {
        let last = Timestamp::parse_rfc3339("9999-12-31T23:59:59.999Z").unwrap();
        assert_eq!(last.plus_millis(1), last);
        assert_eq!(Timestamp::from_unix_millis(i64::MAX), last);
        assert_eq!(Timestamp::EPOCH.plus_millis(1500).to_rfc3339(), "1970-01-01T00:00:01.5Z");
        assert_eq!(Timestamp::from_unix_millis(i64::MIN), Timestamp::MIN);
        assert_eq!(last, Timestamp::MAX);
    }

    #[test]
    fn offsets_are_normalised_to_utc() {
        let a = Timestamp::parse_rfc3339("2026-01-01T12:00:00+02:00").unwrap();
        let b = Timestamp::parse_rfc3339("2026-01-01T10:00:00Z").unwrap();
        assert_eq!(a, b);
    }
}
