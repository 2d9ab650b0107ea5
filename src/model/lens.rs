//! Lenses: where a board's ideas come from — by source (perspective), by contributor and
//! by theme — and a warning when one lens dominates, so a team notices it is looking
//! through one pair of eyes.

use std::collections::BTreeMap;

use super::{Board, Item, is_prompt};

/// A lens "dominates" when more than this share of the ideas comes through it.
pub const DOMINANT_SHARE: f64 = 0.6;
/// Fewer ideas than this are too few to judge a mix.
pub const MIN_IDEAS_TO_JUDGE: usize = 3;
/// The source an idea from another team's board gets when merged in.
pub const OTHER_TEAM: &str = "other team";
/// The source that is "us": everything else counts as outside-in.
pub const OWN_TEAM: &str = "own team";
/// The source of prompt cards drawn from the deck.
pub const PROMPT_SOURCE: &str = "prompt deck";
/// What an empty source or contributor is shown as.
pub const NOT_GIVEN: &str = "not given";

/// One group in a mix: its name, how many ideas, and their share in whole percent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Share {
    pub name: String,
    pub count: usize,
    pub percent: u32,
}

/// The figures of the lens panel and `moodboard lens`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LensReport {
    /// Ideas counted (prompt cards are not ideas).
    pub ideas: usize,
    pub by_source: Vec<Share>,
    /// Empty while the session hides who added what ([`LensReport::contributors_hidden`]).
    pub by_contributor: Vec<Share>,
    /// The session hides who added what: no figure or warning names a contributor.
    pub contributors_hidden: bool,
    pub by_theme: Vec<Share>,
    /// Ideas from anywhere but the own team, in whole percent.
    pub outside_in_percent: u32,
    /// One lens dominates the mix.
    pub warnings: Vec<LensWarning>,
    /// The perspectives with no idea yet, in list order: where to look next.
    pub missing: Vec<String>,
}

/// A lens that dominates the board's mix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LensWarning {
    /// "72% of ideas come from own team: one lens dominates."
    Source { percent: u32, name: String },
    /// "67% of ideas were added by Ann: ask the others in."
    Contributor { percent: u32, name: String },
}

impl crate::i18n::Said for LensWarning {
    fn message(&self) -> crate::i18n::Message {
        let (id, percent, name) = match self {
            LensWarning::Source { percent, name } => ("lens-source-dominates", percent, name),
            LensWarning::Contributor { percent, name } => ("lens-contributor-dominates", percent, name),
        };
        crate::i18n::Message::new(id).with("percent", *percent).with("name", name)
    }
}

crate::said_as_printed!(LensWarning);

fn percent(count: usize, total: usize) -> u32 {
    if total == 0 { 0 } else { ((count as f64 * 100.0 / total as f64).round()) as u32 }
}

/// Groups counted, biggest first (ties by name), with their shares.
fn shares<'a>(names: impl Iterator<Item = &'a str>, total: usize) -> Vec<Share> {
    let mut counts: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for name in names {
        let shown = if name.trim().is_empty() { NOT_GIVEN } else { name.trim() };
        counts.entry(shown.to_lowercase()).or_insert_with(|| (shown.to_owned(), 0)).1 += 1;
    }
    let mut list: Vec<Share> =
        counts.into_values().map(|(name, count)| Share { percent: percent(count, total), name, count }).collect();
    list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    list
}

/// The board's mix. `perspectives` is the user's list of sources to look for; those
/// with no idea yet are suggested as where to look next.
pub fn lens_report(board: &Board, perspectives: &[String]) -> LensReport {
    let ideas: Vec<_> = board.items.iter().filter(|i| !is_prompt(i)).collect();
    let total = ideas.len();
    let by_source = shares(ideas.iter().map(|i| i.source.as_str()), total);
    let contributors_hidden = board.session.hides_contributors();
    let by_contributor =
        if contributors_hidden { Vec::new() } else { shares(ideas.iter().map(|i| i.contributor.as_str()), total) };
    // Unsorted ideas are in no theme: counted as [`NOT_GIVEN`], said as "Unsorted".
    let theme_name = |i: &&Item| board.theme_of(i).and_then(|t| board.theme(t)).map_or("", |t| t.name.as_str());
    let by_theme = shares(ideas.iter().map(theme_name), total);
    let outside =
        ideas.iter().filter(|i| !i.source.trim().is_empty() && !i.source.trim().eq_ignore_ascii_case(OWN_TEAM)).count();
    let mut warnings = Vec::new();
    if total >= MIN_IDEAS_TO_JUDGE {
        if let Some(top) = by_source.first()
            && top.count as f64 / total as f64 > DOMINANT_SHARE
        {
            warnings.push(LensWarning::Source { percent: top.percent, name: top.name.clone() });
        }
        if let Some(top) = by_contributor.first()
            && top.count as f64 / total as f64 > DOMINANT_SHARE
        {
            warnings.push(LensWarning::Contributor { percent: top.percent, name: top.name.clone() });
        }
    }
    let missing = perspectives
        .iter()
        .filter(|p| !p.trim().is_empty() && !p.trim().eq_ignore_ascii_case(OWN_TEAM))
        .filter(|p| !by_source.iter().any(|s| s.name.eq_ignore_ascii_case(p.trim())))
        .map(|p| p.trim().to_owned())
        .collect();
    LensReport {
        ideas: total,
        by_source,
        by_contributor,
        contributors_hidden,
        by_theme,
        outside_in_percent: percent(outside, total),
        warnings,
        missing,
    }
}

/// Marks an idea from another team's board as outside-in: what that team called "own
/// team" (or left empty) is, seen from here, another team.
pub fn mark_outside_in(item: &mut Item) {
    let source = item.source.trim();
    if source.is_empty() || source.eq_ignore_ascii_case(OWN_TEAM) {
        item.source = OTHER_TEAM.to_owned();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Item, ItemKind, PROMPT_TAG, Pos, Timestamp};

    fn board(ideas: &[(&str, &str)]) -> Board {
        let now = Timestamp::from_unix_millis(0);
        let mut b = Board::new("t", now);
        for (who, source) in ideas {
            b.items.push(Item::new(ItemKind::note("x"), Pos::new(0.0, 0.0), who, source, now));
        }
        b
    }

    #[test]
    fn a_dominant_lens_is_named_with_where_to_look_next() {
        let mut b =
            board(&[("Ann", "own team"), ("Ann", "own team"), ("Bo", "Own team"), ("Ann", "customer"), ("Cy", "")]);
        let mut prompt = b.items[0].clone();
        prompt.id = crate::model::ItemId::new_random();
        prompt.tags.push(PROMPT_TAG.into());
        prompt.source = "prompt deck".into();
        b.items.push(prompt);
        let r = lens_report(&b, &["own team".into(), "customer".into(), "competitor".into(), "art".into()]);
        assert_eq!(r.ideas, 5, "a prompt card is not an idea");
        assert_eq!(r.by_source[0], Share { name: "own team".into(), count: 3, percent: 60 });
        assert_eq!(r.by_source[1].name, "customer");
        assert_eq!(r.by_source[2].name, NOT_GIVEN);
        assert_eq!(r.by_contributor[0], Share { name: "Ann".into(), count: 3, percent: 60 });
        assert!(r.warnings.is_empty(), "60% is not more than 60%: {:?}", r.warnings);
        assert_eq!(r.missing, vec!["competitor", "art"]);
        assert_eq!(r.outside_in_percent, 20);

        b.items.push(b.items[0].clone());
        let r = lens_report(&b, &[]);
        assert_eq!(r.warnings.len(), 2, "{:?}", r.warnings);
        assert!(r.warnings[0].to_string().starts_with("67% of ideas come from own team"), "{:?}", r.warnings);
        assert!(r.warnings[1].to_string().contains("added by Ann"), "{:?}", r.warnings);
    }

    #[test]
    fn hiding_who_added_what_hides_it_from_the_lens_too() {
        let mut b = board(&[("Ann", "own team"), ("Ann", "own team"), ("Ann", "customer"), ("Bo", "own team")]);
        b.session.phase = crate::model::Phase::Collect;
        b.session.hide_contributors = true;
        let r = lens_report(&b, &[]);
        assert!(r.by_contributor.is_empty() && r.contributors_hidden);
        assert!(r.warnings.iter().all(|w| !w.to_string().contains("Ann")), "{:?}", r.warnings);
        b.session.hide_contributors = false;
        assert!(lens_report(&b, &[]).warnings.iter().any(|w| w.to_string().contains("added by Ann")));
    }

    #[test]
    fn another_teams_own_ideas_are_outside_in_here() {
        let mut theirs = board(&[("Kim", "own team"), ("Kim", ""), ("Kim", "customer")]);
        theirs.items.iter_mut().for_each(mark_outside_in);
        let sources: Vec<&str> = theirs.items.iter().map(|i| i.source.as_str()).collect();
        assert_eq!(sources, [OTHER_TEAM, OTHER_TEAM, "customer"]);
    }
}
