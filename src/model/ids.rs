//! Stable identifiers for boards, items and themes.
//!
//! Ids are what merge matches on, so they must stay the same for the life of a board
//! and be unique across every copy of it. New ids are 64 random bits written as 16
//! lowercase hex digits; ids written by hand (`"quote-1"`) are accepted too, as long as
//! they are short and use only letters, digits, `-` and `_`.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Longest id accepted from a file.
pub const MAX_ID_LEN: usize = 64;

/// Why a string is not a valid id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error("an id may not be empty")]
    Empty,
    #[error("an id may be at most {MAX_ID_LEN} characters long, this one has {0}")]
    TooLong(usize),
    #[error("an id may only use letters, digits, '-' and '_', found {0:?}")]
    BadChar(char),
}

fn check_id(s: &str) -> Result<(), IdError> {
    if s.is_empty() {
        return Err(IdError::Empty);
    }
    if s.len() > MAX_ID_LEN {
        return Err(IdError::TooLong(s.chars().count()));
    }
    match s.chars().find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_')) {
        Some(c) => Err(IdError::BadChar(c)),
        None => Ok(()),
    }
}

/// 64 random bits as 16 hex digits. Falls back to time and a counter if the OS has no
/// randomness to give, so that creating an item can never fail.
fn random_id() -> String {
    let mut bytes = [0u8; 8];
    if getrandom::fill(&mut bytes).is_err() {
        use std::sync::atomic::{AtomicU64, Ordering};
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let nanos =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64);
        let mixed = nanos ^ COUNTER.fetch_add(1, Ordering::Relaxed).rotate_left(40);
        bytes = mixed.to_le_bytes();
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// A fresh random id.
            pub fn new_random() -> Self {
                Self(random_id())
            }

            /// Parses an id, refusing anything that is not a valid id.
            pub fn parse(s: &str) -> Result<Self, IdError> {
                check_id(s)?;
                Ok(Self(s.to_owned()))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = IdError;
            fn try_from(s: String) -> Result<Self, IdError> {
                check_id(&s)?;
                Ok(Self(s))
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({:?})", stringify!($name), self.0)
            }
        }
    };
}

id_type!(
    /// Identifies a board across all its copies.
    BoardId
);
id_type!(
    /// Identifies an item across all copies of its board.
    ItemId
);
id_type!(
    /// Identifies a theme across all copies of its board.
    ThemeId
);
id_type!(
    /// Identifies one dot placed in a vote.
    VoteId
);
id_type!(
    /// Identifies one reaction or reply to an item.
    ResponseId
);
id_type!(
    /// Identifies one connector between cards or frames.
    ConnectorId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_ids_are_valid_and_distinct() {
        let a = ItemId::new_random();
        let b = ItemId::new_random();
        assert_ne!(a, b);
        assert_eq!(a.as_str().len(), 16);
        assert!(ItemId::parse(a.as_str()).is_ok());
    }

    #[test]
    fn bad_ids_are_refused() {
        assert_eq!(ItemId::parse(""), Err(IdError::Empty));
        assert_eq!(ItemId::parse("../x"), Err(IdError::BadChar('.')));
        assert_eq!(ItemId::parse("a b"), Err(IdError::BadChar(' ')));
        assert!(matches!(ItemId::parse(&"a".repeat(65)), Err(IdError::TooLong(65))));
        assert!(ItemId::parse("quote-1_A").is_ok());
    }
}
