//! The interface's words, in English and Dutch, through Fluent: every text the window
//! shows is a message in `assets/i18n/{en,nl}.ftl`, looked up with [`tr!`] in the
//! language of the moment. Plurals and numbers are Fluent's (`{ $count -> [one] … }`).
//!
//! The language is chosen at start from preferences or the system ([`system_language`]),
//! and can be switched live (the View menu). The app sets it on its own thread every
//! frame ([`set_language`]), so windows in tests (many per process, each with its own
//! preferences) each keep theirs; threads that set none use the app's
//! ([`set_process_language`]), English until one is set.

mod detect;
mod message;

use std::cell::Cell;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

pub use detect::{language_from_env, system_language};
pub use message::{Arg, Message, Said};

/// The languages of the interface (and of the prompt deck).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, clap::ValueEnum)]
pub enum Lang {
    #[default]
    En,
    Nl,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Nl];

    /// The language's name in itself, so that anyone can find their own.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Nl => "Nederlands",
        }
    }

    /// The BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
        }
    }

    /// The language of a locale name such as `nl_NL.UTF-8`, `nl-BE`, `en` or `en_GB@euro`;
    /// `None` for any other language (and for `C` and `POSIX`).
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let language = locale.trim().split(['_', '-', '.', '@']).next().unwrap_or("");
        match language.to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "nl" => Some(Lang::Nl),
            _ => None,
        }
    }

    /// The translations, as shipped.
    pub fn source(self) -> &'static str {
        match self {
            Lang::En => include_str!("../../assets/i18n/en.ftl"),
            Lang::Nl => include_str!("../../assets/i18n/nl.ftl"),
        }
    }

    fn index(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::Nl => 1,
        }
    }
}

static BUNDLES: LazyLock<[FluentBundle<FluentResource>; 2]> = LazyLock::new(|| Lang::ALL.map(bundle));

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang.tag().parse().expect("a valid language tag");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: the interface's fonts have no glyph
    // for them, and the texts are all left-to-right.
    bundle.set_use_isolating(false);
    if lang == Lang::Nl {
        bundle.set_formatter(Some(dutch_number));
    }
    // A file with a mistake still gives every message it could read (the test of the
    // translations fails on the mistake).
    let resource = FluentResource::try_new(lang.source().to_owned()).unwrap_or_else(|(partial, _)| partial);
    // Ids are unique in a file (tested), so adding cannot clash.
    let _ = bundle.add_resource(resource);
    bundle
}

/// A number as Dutch writes it: a point between thousands and a comma before the
/// decimals (`12.500`, `2,5`). English keeps Fluent's plain digits (`12500`, `2.5`).
/// Only numbers are formatted here; Fluent still picks plurals by the value.
fn dutch_number<M>(value: &FluentValue<'_>, _: &M) -> Option<String> {
    let FluentValue::Number(number) = value else { return None };
    if !number.value.is_finite() {
        return None;
    }
    Some(dutch_digits(&number.as_string()))
}

/// `-12345.5` → `-12.345,5`: the digits Fluent wrote, separated the Dutch way.
fn dutch_digits(plain: &str) -> String {
    let (sign, digits) = plain.strip_prefix('-').map_or(("", plain), |rest| ("-", rest));
    let (whole, decimals) = digits.split_once('.').map_or((digits, None), |(w, d)| (w, Some(d)));
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3 + 4);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(digit);
    }
    match decimals {
        Some(decimals) => format!("{sign}{grouped},{decimals}"),
        None => format!("{sign}{grouped}"),
    }
}

static PROCESS_LANG: AtomicU8 = AtomicU8::new(0);

thread_local! {
    static THREAD_LANG: Cell<Option<Lang>> = const { Cell::new(None) };
    static PRINTED_LANG: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// Makes `lang` the language of this thread's texts.
pub fn set_language(lang: Lang) {
    THREAD_LANG.set(Some(lang));
}

/// Makes `lang` the language of texts on threads that set none of their own (the app's
/// background work).
pub fn set_process_language(lang: Lang) {
    PROCESS_LANG.store(lang.index() as u8, Ordering::Relaxed);
}

/// The language of text this thread prints (every [`Said`] type's `Display`): English,
/// what logs and the join API keep, unless [`speak_on_this_thread`] chose another.
pub fn printed_language() -> Lang {
    PRINTED_LANG.get()
}

/// Makes `lang` the language of everything this thread says: its texts ([`tr!`]) and
/// what it prints ([`printed_language`]). The command line's thread speaks the user's.
pub fn speak_on_this_thread(lang: Lang) {
    set_language(lang);
    PRINTED_LANG.set(lang);
}

/// The language texts are given in on this thread.
pub fn language() -> Lang {
    THREAD_LANG.get().unwrap_or(if PROCESS_LANG.load(Ordering::Relaxed) == 1 { Lang::Nl } else { Lang::En })
}

/// The message `id` in the current language; English if the current language lacks it,
/// and the id itself if both do (a test keeps that from shipping).
pub fn tr(id: &str) -> String {
    format(language(), id, None)
}

/// The message `id` with its arguments filled in.
pub fn tr_args(id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    format(language(), id, Some(&fluent_args))
}

/// A message ([`Message`], what a [`Said`] error or report says) in the language of the
/// moment.
pub fn say(message: &Message) -> String {
    say_in(language(), message)
}

/// What `said` says, in the language of the moment: the one way an error reaches the
/// user's words (`tr!("app-not-saved", reason = said(&e))`).
pub fn said(said: &dyn Said) -> String {
    say(&said.message())
}

/// A message in `lang`.
pub fn say_in(lang: Lang, message: &Message) -> String {
    let mut args = FluentArgs::with_capacity(message.args.len());
    for (name, value) in &message.args {
        match value {
            Arg::Text(text) => args.set(*name, FluentValue::from(text.clone())),
            Arg::Number(n) => args.set(*name, FluentValue::from(*n)),
            Arg::Said(inner) => args.set(*name, FluentValue::from(say_in(lang, inner))),
            Arg::List(parts) => {
                let said: Vec<String> = parts.iter().map(|p| say_in(lang, p)).collect();
                args.set(*name, FluentValue::from(said.join(", ")))
            }
        }
    }
    format(lang, &message.id, Some(&args))
}

/// What `say` says, in English on this thread (the command line, the join API), whatever
/// language the thread had.
pub fn in_english<T>(say: impl FnOnce() -> T) -> T {
    in_language(Lang::En, say)
}

/// What `say` says in `lang` on this thread (a participant's page), whatever language
/// the thread had.
pub fn in_language<T>(lang: Lang, say: impl FnOnce() -> T) -> T {
    let before = THREAD_LANG.replace(Some(lang));
    let said = say();
    THREAD_LANG.set(before);
    said
}

/// The message `id` in `lang`, or `None` if that language has no such message.
pub fn lookup(lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
    let bundle = &BUNDLES[lang.index()];
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    Some(bundle.format_pattern(pattern, args, &mut errors).into_owned())
}

fn format(lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> String {
    lookup(lang, id, args).or_else(|| lookup(Lang::En, id, args)).unwrap_or_else(|| id.to_owned())
}

/// A value for a message's argument: text, a number, or a path (shown as written).
pub trait ToArg {
    fn to_arg(&self) -> FluentValue<'static>;
}

impl ToArg for str {
    fn to_arg(&self) -> FluentValue<'static> {
        FluentValue::from(self.to_owned())
    }
}

impl ToArg for String {
    fn to_arg(&self) -> FluentValue<'static> {
        FluentValue::from(self.clone())
    }
}

impl ToArg for std::path::Path {
    fn to_arg(&self) -> FluentValue<'static> {
        FluentValue::from(self.display().to_string())
    }
}

impl ToArg for std::path::PathBuf {
    fn to_arg(&self) -> FluentValue<'static> {
        self.as_path().to_arg()
    }
}

impl<T: ToArg + ?Sized> ToArg for &T {
    fn to_arg(&self) -> FluentValue<'static> {
        (**self).to_arg()
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl ToArg for $t {
            fn to_arg(&self) -> FluentValue<'static> {
                FluentValue::from(*self)
            }
        }
    )*};
}
number_arg!(u8, u16, u32, u64, usize, i32, i64, isize, f32, f64);

/// A text of the interface: `tr!("menu-file")`, or with arguments,
/// `tr!("status-selected", count = n)`.
#[macro_export]
macro_rules! tr {
    ($id:expr) => {
        $crate::i18n::tr($id)
    };
    ($id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr_args($id, &[$((stringify!($name), $crate::i18n::ToArg::to_arg(&$value))),+])
    };
}

#[cfg(test)]
mod tests;
