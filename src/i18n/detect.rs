//! Which language the system asks for.

use super::Lang;

/// The language the system is set to: the environment as gettext reads it (a
/// `LANGUAGE` list first, then the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is
/// set), else the operating system's setting, else English.
pub fn system_language() -> Lang {
    language_from_env(|name| std::env::var(name).ok())
        .or_else(|| sys_locale::get_locale().and_then(|locale| Lang::from_locale(&locale)))
        .unwrap_or_default()
}

/// The language the environment asks for, read through `var`; `None` when it says
/// nothing. A locale in another language (`de_DE`, `C`) gives English: it was asked for,
/// and English is what we have closest to it.
pub fn language_from_env(var: impl Fn(&str) -> Option<String>) -> Option<Lang> {
    let set = |name: &str| var(name).filter(|value| !value.trim().is_empty());
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().find_map(set);
    // gettext ignores LANGUAGE when the locale is C (no translations at all).
    let plain = locale.as_deref().is_some_and(|l| matches!(l.trim(), "C" | "POSIX"));
    if !plain
        && let Some(list) = set("LANGUAGE")
        && let Some(lang) = list.split(':').find_map(Lang::from_locale)
    {
        return Some(lang);
    }
    locale.map(|l| Lang::from_locale(&l).unwrap_or_default())
}
