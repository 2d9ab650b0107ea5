//! The prompt deck: creative provocations shipped in `assets/prompts/` (English and
//! Dutch), drawn at random onto the board or printed by `moodboard prompt`. A board's
//! facilitator can add prompts of their own; they are drawn along with the deck.

/// The deck ships in every language of the interface.
pub use crate::i18n::Lang;

fn text(lang: Lang) -> &'static str {
    match lang {
        Lang::En => include_str!("../assets/prompts/en.txt"),
        Lang::Nl => include_str!("../assets/prompts/nl.txt"),
    }
}

/// The shipped prompts in `lang`, in file order.
pub fn deck(lang: Lang) -> Vec<&'static str> {
    text(lang).lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

/// One prompt at random from the deck and `own` prompts together.
pub fn draw(lang: Lang, own: &[String], rng: &mut fastrand::Rng) -> String {
    let shipped = deck(lang);
    let own: Vec<&str> = own.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect();
    let index = rng.usize(0..shipped.len() + own.len());
    shipped.get(index).copied().unwrap_or_else(|| own[index - shipped.len()]).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_decks_have_at_least_sixty_distinct_prompts() {
        for lang in Lang::ALL {
            let deck = deck(lang);
            let distinct: std::collections::BTreeSet<_> = deck.iter().collect();
            assert!(deck.len() >= 60, "{lang:?} has {}", deck.len());
            assert_eq!(distinct.len(), deck.len(), "{lang:?} repeats a prompt");
        }
        assert_eq!(deck(Lang::En).len(), deck(Lang::Nl).len(), "the Dutch deck translates the English one");
    }

    #[test]
    fn own_prompts_are_drawn_too() {
        let mut rng = fastrand::Rng::with_seed(1);
        let own = vec!["What would our founder say?".to_owned()];
        let drawn: std::collections::BTreeSet<String> = (0..2000).map(|_| draw(Lang::Nl, &own, &mut rng)).collect();
        assert!(drawn.contains(&own[0]));
        assert!(drawn.len() > 60, "draws cover the deck: {}", drawn.len());
    }
}
