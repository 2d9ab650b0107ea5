//! What a board's dots and responses add up to: the dots each person has left, the
//! ranking, the reactions on each card, the ideas still waiting for an answer. The
//! records themselves, and the session they belong to, are in `session.rs`.

use super::session::{Answer, Reaction, is_joined, is_prompt, same_person};
use super::{Board, Item, ItemId, Response, Vote};

impl Board {
    /// Whether `item` is shown face down to the facilitator: a participant's idea while
    /// ideas are collected privately. All turn over at once when the step changes.
    pub fn face_down(&self, item: &Item) -> bool {
        self.session.collects_privately() && is_joined(item)
    }

    /// The votes on items that are on the board.
    pub fn live_votes(&self) -> impl Iterator<Item = &Vote> {
        self.votes.iter().filter(|v| self.item(&v.item).is_some())
    }

    /// Dots on `item` in all.
    pub fn vote_total(&self, item: &ItemId) -> usize {
        self.votes.iter().filter(|v| &v.item == item).count()
    }

    /// Dots `who` placed on `item`.
    pub fn votes_by_on(&self, who: &str, item: &ItemId) -> Vec<&Vote> {
        self.votes.iter().filter(|v| &v.item == item && same_person(&v.by, who)).collect()
    }

    /// Dots `who` may still place.
    pub fn dots_left(&self, who: &str) -> u32 {
        let used = self.live_votes().filter(|v| same_person(&v.by, who)).count();
        self.session.dots_per_person.saturating_sub(u32::try_from(used).unwrap_or(u32::MAX))
    }

    /// The responses to `item`, oldest first.
    pub fn responses_to(&self, item: &ItemId) -> Vec<&Response> {
        let mut r: Vec<&Response> = self.responses.iter().filter(|r| &r.item == item).collect();
        r.sort_by(|a, b| (a.at, &a.id).cmp(&(b.at, &b.id)));
        r
    }

    /// The reaction `who` gave to `item` of this kind, if any.
    pub fn reaction_by(&self, who: &str, item: &ItemId, reaction: Reaction) -> Option<&Response> {
        self.responses
            .iter()
            .find(|r| &r.item == item && same_person(&r.by, who) && r.answer == Answer::Reaction(reaction))
    }

    /// How many of each reaction `item` got, in [`Reaction::ALL`] order, leaving out
    /// reactions nobody gave.
    pub fn reaction_counts(&self, item: &ItemId) -> Vec<(Reaction, usize)> {
        let mine = |r: &&Response| &r.item == item;
        Reaction::ALL
            .iter()
            .map(|&kind| {
                (kind, self.responses.iter().filter(mine).filter(|r| r.answer == Answer::Reaction(kind)).count())
            })
            .filter(|(_, n)| *n > 0)
            .collect()
    }

    /// Ideas (not prompt cards) that nobody has reacted or replied to yet.
    pub fn unanswered(&self) -> Vec<&Item> {
        let answered: std::collections::HashSet<&ItemId> = self.responses.iter().map(|r| &r.item).collect();
        self.items.iter().filter(|i| !is_prompt(i) && !answered.contains(&i.id)).collect()
    }

    /// Items ranked by votes, most first (ties by stacking order), with their totals;
    /// only items with at least one dot.
    pub fn ranking(&self) -> Vec<(&Item, usize)> {
        // Counted in one pass over the votes: this runs every frame of the Vote step.
        let mut totals: std::collections::HashMap<&ItemId, usize> = std::collections::HashMap::new();
        for vote in &self.votes {
            *totals.entry(&vote.item).or_default() += 1;
        }
        let mut ranked: Vec<(&Item, usize)> =
            self.items.iter().filter_map(|i| totals.get(&i.id).map(|n| (i, *n))).collect();
        ranked.sort_by_key(|r| std::cmp::Reverse(r.1));
        ranked
    }
}
