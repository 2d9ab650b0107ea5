//! A sentence for a person, as data: which message (an id in `assets/i18n/*.ftl`) and
//! its arguments. The model and storage say what happened with these and never write
//! sentences themselves; `crate::i18n::say` renders one in the language of the moment
//! (the app's, or English for the command line).

/// A message id with its arguments, not yet put into words.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    /// The Fluent message id: `card-invalid-colour`.
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// A value for a message's argument.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Text(String),
    Number(f64),
}

impl Message {
    /// The message `id` without arguments.
    pub const fn new(id: &'static str) -> Self {
        Self { id, args: Vec::new() }
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
