//! A sentence for a person, as data: which message (an id in `assets/i18n/*.ftl`) and
//! its arguments. The model, storage and every error say what happened with these
//! ([`Said`]) and never write sentences themselves; [`super::say`] renders one in the
//! language of the moment (the app's), [`super::say_in`] in a given one (every `Said` error's
//! `Display`, see [`crate::said_as_printed`]).

/// A message id with its arguments, not yet put into words.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    /// The Fluent message id: `card-invalid-colour`.
    pub id: std::borrow::Cow<'static, str>,
    pub args: Vec<(&'static str, Arg)>,
}

/// A value for a message's argument.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// Text as it is: a name, a file's path, what a library said.
    Text(String),
    Number(f64),
    /// Another message, said in the same language (the reason inside an error).
    Said(Box<Message>),
    /// Messages said one after the other, separated by commas: "3 new, 1 changed".
    List(Vec<Message>),
}

/// What can be said to a person: an error, a problem, a report. The one place a type
/// turns into words is its `message`.
pub trait Said {
    fn message(&self) -> Message;
}

/// What the operating system says of a failed operation, in words of our own for the
/// common cases (its own text otherwise).
impl Said for std::io::Error {
    fn message(&self) -> Message {
        use std::io::ErrorKind::*;
        let id = match self.kind() {
            NotFound => "io-not-found",
            PermissionDenied => "io-permission-denied",
            AlreadyExists => "io-already-exists",
            StorageFull | QuotaExceeded => "io-disk-full",
            ReadOnlyFilesystem => "io-read-only-filesystem",
            IsADirectory => "io-is-a-folder",
            NotADirectory => "io-not-a-folder",
            TimedOut => "io-timed-out",
            FileTooLarge => "io-file-too-large",
            UnexpectedEof => "io-cut-short",
            _ => return Message::new("io-other").with("text", self.to_string()),
        };
        Message::new(id)
    }
}

/// What cannot happen says nothing.
impl Said for std::convert::Infallible {
    fn message(&self) -> Message {
        match *self {}
    }
}

/// An error put together in English by the command line (anyhow's chain).
impl Said for anyhow::Error {
    fn message(&self) -> Message {
        Message::new("plain").with("text", format!("{self:#}"))
    }
}

/// What RON's reader or writer said (a detail of the library, in its words).
impl Said for ron::Error {
    fn message(&self) -> Message {
        Message::new("plain").with("text", self.to_string())
    }
}

/// A message says itself.
impl Said for Message {
    fn message(&self) -> Message {
        self.clone()
    }
}

crate::said_as_printed!(Message);

impl From<Message> for Arg {
    fn from(message: Message) -> Self {
        Arg::Said(Box::new(message))
    }
}

impl From<&std::path::Path> for Arg {
    fn from(path: &std::path::Path) -> Self {
        Arg::Text(path.display().to_string())
    }
}

impl From<&std::path::PathBuf> for Arg {
    fn from(path: &std::path::PathBuf) -> Self {
        Arg::Text(path.display().to_string())
    }
}

/// `Display` for types that are [`Said`], in the language of printed text
/// ([`super::printed_language`]): English for logs and the join API, the user's on the
/// command line's thread. The app says them in its language ([`super::say`]).
#[macro_export]
macro_rules! said_as_printed {
    ($($t:ty),* $(,)?) => {$(
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&$crate::i18n::say_in($crate::i18n::printed_language(), &$crate::i18n::Said::message(self)))
            }
        }
    )*};
}

impl Message {
    /// The message `id` without arguments.
    pub const fn new(id: &'static str) -> Self {
        Self { id: std::borrow::Cow::Borrowed(id), args: Vec::new() }
    }

    /// The message of a computed id (`kind-note-lower` from a kind's name).
    pub fn new_owned(id: String) -> Self {
        Self { id: std::borrow::Cow::Owned(id), args: Vec::new() }
    }

    /// The same message with the argument `name` set to `value`.
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_arg!(u8, u16, u32, u64, usize, i32, i64, f32, f64);
