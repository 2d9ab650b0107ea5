//! What a card shows of how it was judged in a session: its dots, reactions and
//! replies, and whether it is still unanswered, worked out for many cards at once and
//! kept per board version ([`super::derived::Derived::judgments`]).

use crate::model::{Answer, Board, Item, ItemId, Phase, Reaction, is_prompt};
use crate::tr;

/// What a card shows of its votes and responses, given the session's rules.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CardJudgment {
    /// Dots `you` placed on it.
    pub my_dots: usize,
    /// All dots, once revealed (or outside a session).
    pub total_dots: Option<usize>,
    /// Each reaction given, with its count.
    pub reactions: Vec<(&'static str, usize)>,
    pub replies: usize,
    /// In the React step: nobody has answered it yet.
    pub unanswered: bool,
    /// The tag under the card: "🔴🔴  3 dots  ♥2  💬1" (empty: no tag).
    pub tag: String,
}

impl CardJudgment {
    /// "2 dots, ♥ 1, 3 replies" for the card's accessible label.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if self.my_dots > 0 {
            parts.push(tr!("judgment-describe-mine", count = self.my_dots));
        }
        if let Some(total) = self.total_dots.filter(|n| *n > 0) {
            parts.push(tr!("judgment-describe-total", count = total));
        }
        for (glyph, n) in &self.reactions {
            parts.push(format!("{glyph} {n}"));
        }
        if self.replies > 0 {
            parts.push(tr!("judgment-describe-replies", count = self.replies));
        }
        if self.unanswered {
            parts.push(tr!("judgment-describe-unanswered"));
        }
        parts.join(", ")
    }

    /// The text of the tag under the card, made once per version of the board rather
    /// than every frame.
    fn tag_text(&self) -> String {
        let mut parts = Vec::new();
        if self.my_dots > 0 {
            parts.push("🔴".repeat(self.my_dots.min(10)));
        }
        if let Some(total) = self.total_dots.filter(|n| *n > 0) {
            parts.push(tr!("card-dots", count = total));
        }
        for (glyph, n) in &self.reactions {
            parts.push(format!("{glyph}{n}"));
        }
        if self.replies > 0 {
            parts.push(format!("💬{}", self.replies));
        }
        parts.join("  ")
    }

    /// Nothing to show: no dots, reactions, replies or mark. (Asked of every card on
    /// screen every frame: it reads the counts rather than writing the description.)
    pub fn is_empty(&self) -> bool {
        self.my_dots == 0
            && self.total_dots.unwrap_or(0) == 0
            && self.reactions.is_empty()
            && self.replies == 0
            && !self.unanswered
    }
}

/// The judgments of many cards (those on screen) in one pass over the board's votes and
/// responses, instead of one pass per card: a frame's cost no longer grows with cards on
/// screen × dots on the board. Cards without one (while collecting, prompts) are absent.
pub fn card_judgments<'a>(
    board: &Board,
    items: impl IntoIterator<Item = &'a Item>,
    you: &str,
) -> std::collections::HashMap<ItemId, CardJudgment> {
    let session = &board.session;
    if !session.phase.shows_judgment() {
        return Default::default();
    }
    let totals = session.totals_shown();
    // Per card: its judgment, its count of each reaction, and whether anyone answered.
    let mut found: std::collections::HashMap<&ItemId, (CardJudgment, [usize; 4], bool)> = items
        .into_iter()
        .filter(|i| !is_prompt(i))
        .map(|i| (&i.id, (CardJudgment { total_dots: totals.then_some(0), ..Default::default() }, [0; 4], false)))
        .collect();
    for vote in board.votes.iter() {
        if let Some((judgment, _, _)) = found.get_mut(&vote.item) {
            if crate::model::same_person(&vote.by, you) {
                judgment.my_dots += 1;
            }
            if let Some(total) = &mut judgment.total_dots {
                *total += 1;
            }
        }
    }
    for response in board.responses.iter() {
        if let Some((judgment, reactions, answered)) = found.get_mut(&response.item) {
            *answered = true;
            match &response.answer {
                Answer::Reply(_) => judgment.replies += 1,
                Answer::Reaction(kind) => {
                    if let Some(k) = Reaction::ALL.iter().position(|r| r == kind) {
                        reactions[k] += 1;
                    }
                }
            }
        }
    }
    found
        .into_iter()
        .map(|(id, (mut judgment, reactions, answered))| {
            judgment.reactions =
                Reaction::ALL.iter().zip(reactions).filter(|(_, n)| *n > 0).map(|(r, n)| (r.glyph(), n)).collect();
            judgment.unanswered = session.phase == Phase::React && !answered;
            judgment.tag = judgment.tag_text();
            (id.clone(), judgment)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::CardJudgment;

    #[test]
    fn a_judgment_is_empty_exactly_when_it_has_nothing_to_describe() {
        let empty = CardJudgment { total_dots: Some(0), ..Default::default() };
        let cases = [
            empty.clone(),
            CardJudgment::default(),
            CardJudgment { my_dots: 1, ..empty.clone() },
            CardJudgment { total_dots: Some(3), ..empty.clone() },
            CardJudgment { reactions: vec![("♥", 2)], ..empty.clone() },
            CardJudgment { replies: 1, ..empty.clone() },
            CardJudgment { unanswered: true, ..empty.clone() },
        ];
        for (n, judgment) in cases.iter().enumerate() {
            assert_eq!(judgment.is_empty(), judgment.describe().is_empty(), "case {n}");
            assert_eq!(judgment.is_empty(), n < 2, "case {n}");
        }
    }
}
