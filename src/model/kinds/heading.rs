//! A heading: words straight on the canvas, no card behind them, in three sizes, for
//! labelling areas of the board ("Before the launch", "Wild ideas"). Its card is as
//! large as its words at its size, and follows them when they or the size change.

use serde::{Deserialize, Serialize};

use super::metrics::LINE;
use super::paint::{Card, CardPainter, Ink, TextStyle, inset};
use super::{Behaviour, Detail, Field, Flag, Hint, ItemKind, Kind, KindSpec, KindTag, Paste, PhoneCard, Recap};
use crate::model::{BoardRect, Size};

/// Words on the canvas, without a card.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Heading {
    pub text: String,
    pub size: HeadingSize,
}

/// How large a heading is written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum HeadingSize {
    #[default]
    Large,
    Medium,
    Small,
}

impl HeadingSize {
    pub const ALL: [HeadingSize; 3] = [HeadingSize::Large, HeadingSize::Medium, HeadingSize::Small];

    /// Its letters' size in board units.
    pub fn font(self) -> f32 {
        match self {
            HeadingSize::Large => 64.0,
            HeadingSize::Medium => 44.0,
            HeadingSize::Small => 30.0,
        }
    }

    /// The message ids of the inspector's button that sets it, and its help.
    fn words(self) -> (&'static str, &'static str) {
        match self {
            HeadingSize::Large => ("inspector-heading-large", "inspector-heading-large-help"),
            HeadingSize::Medium => ("inspector-heading-medium", "inspector-heading-medium-help"),
            HeadingSize::Small => ("inspector-heading-small", "inspector-heading-small-help"),
        }
    }
}

/// Room round the words, so that the selection's outline does not touch them.
const MARGIN: f32 = 6.0;
/// A typical letter's width as a share of its size, for a heading's width.
const LETTER: f32 = 0.56;

const FIELDS: [Field; 1] = [Field::text("text", "inspector-heading")
    .required("capture-need-heading")
    .hint(Hint::Said("inspector-heading-hint"))
    .form_hint(Hint::Said("capture-heading-hint"))
    .step("step-edit-heading")];

impl Kind for Heading {
    const SPEC: KindSpec = KindSpec {
        tag: KindTag::Heading,
        name: "heading",
        icon: "🏷",
        key: Some("H"),
        fields: &FIELDS,
        typed: true,
        drawn: false,
        flag: Some(Flag { long: "heading", alias: None, value_name: "TEXT", help: "cli-add-heading" }),
        phones: false,
        paste: Paste::Never,
    };
}

impl ItemKind {
    /// A heading saying `text`, this large.
    pub fn heading(text: impl Into<String>, size: HeadingSize) -> Self {
        Heading { text: text.into(), size }.into()
    }
}

impl Heading {
    fn style(&self) -> TextStyle {
        TextStyle::new(self.size.font(), Ink::Heading)
    }
}

impl Behaviour for Heading {
    fn field(&self, key: &str) -> Option<&str> {
        (key == "text").then_some(self.text.as_str())
    }

    fn field_mut(&mut self, key: &str) -> Option<&mut String> {
        (key == "text").then_some(&mut self.text)
    }

    /// As wide as its longest line and as tall as its lines, at its size.
    fn default_size(&self) -> Size {
        let font = self.size.font();
        let lines: Vec<&str> = self.text.lines().collect();
        let longest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0).max(4);
        let w = (longest as f32 * font * LETTER + 2.0 * MARGIN).clamp(120.0, 2_400.0);
        let h = lines.len().max(1) as f32 * font * LINE + 2.0 * MARGIN;
        Size::new(w, h)
    }

    fn texts(&self) -> Vec<&str> {
        vec![&self.text]
    }

    fn summary(&self) -> String {
        self.text.clone()
    }

    fn edited_on_card(&self) -> Option<&'static str> {
        Some("text")
    }

    fn bare(&self) -> bool {
        true
    }

    fn sized_by_content(&self) -> bool {
        true
    }

    fn paint(&self, card: &Card, p: &mut dyn CardPainter) {
        p.text(inset(card.rect(), MARGIN), &self.text, self.style());
    }

    fn text_area(&self, card: &Card) -> Option<(BoardRect, TextStyle)> {
        Some((inset(card.rect(), MARGIN), self.style()))
    }

    fn recap(&self, recap: &mut dyn Recap) {
        recap.heading(&self.text);
    }

    /// The other two sizes, a button each.
    fn details(&self) -> Vec<Detail> {
        HeadingSize::ALL
            .into_iter()
            .filter(|s| *s != self.size)
            .map(|size| {
                let (label, help) = size.words();
                Detail::Change { label, help, to: Box::new(Heading { size, ..self.clone() }.into()) }
            })
            .collect()
    }

    fn on_phone(&self) -> PhoneCard {
        PhoneCard { text: self.text.clone(), ..PhoneCard::default() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_is_as_large_as_its_words_at_its_size() {
        let large = Heading { text: "Wild ideas".into(), size: HeadingSize::Large }.default_size();
        let small = Heading { text: "Wild ideas".into(), size: HeadingSize::Small }.default_size();
        assert!(large.w > small.w * 1.8 && large.h > small.h * 1.8, "{large:?} {small:?}");
        let two = Heading { text: "Before\nthe launch".into(), size: HeadingSize::Large }.default_size();
        assert!(two.h > large.h * 1.8, "two lines, twice as tall");
        assert!(Heading { text: "Wild ideas".into(), size: HeadingSize::Large }.bare());
        let details = Heading { text: "x".into(), size: HeadingSize::Medium }.details();
        assert_eq!(details.len(), 2, "the other two sizes");
    }
}
