//! A colour swatch: a colour as `#RRGGBB` with an optional name.

use serde::{Deserialize, Serialize};

use super::metrics::SMALL_FONT;
use super::paint::{Card, CardPainter, Ink, Paint, TextStyle, rect};
use super::{
    Behaviour, Field, FieldType, Flag, Hint, ItemKind, Kind, KindSpec, KindTag, Paste, PhoneCard, Recap, Repair,
};
use crate::model::{BoardRect, Message, Rgb, Size};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Colour {
    /// `#RRGGBB`; a file may hold anything here, which shows as an invalid colour.
    pub hex: String,
    pub name: String,
}

const FIELDS: [Field; 2] = [
    Field::text("hex", "inspector-hex")
        .typed(FieldType::Colour)
        .starting_with("#E4B363")
        .hint(Hint::Example("#RRGGBB"))
        .form_hint(Hint::Example("#E4B363"))
        .step("step-change-colour"),
    Field::text("name", "inspector-colour-name")
        .hint(Hint::Said("inspector-colour-name-hint"))
        .form_hint(Hint::Said("capture-name-hint"))
        .step("step-rename-colour"),
];

impl Kind for Colour {
    const SPEC: KindSpec = KindSpec {
        tag: KindTag::Colour,
        name: "colour",
        icon: "🎨",
        key: Some("C"),
        fields: &FIELDS,
        typed: true,
        drawn: false,
        flag: Some(Flag { long: "color", alias: Some("colour"), value_name: "HEX", help: "cli-add-colour" }),
        phones: false,
        paste: Paste::Never,
    };
}

impl ItemKind {
    /// A swatch of `hex` called `name`.
    pub fn colour(hex: impl Into<String>, name: impl Into<String>) -> Self {
        Colour { hex: hex.into(), name: name.into() }.into()
    }
}

impl Colour {
    /// Where its name and hex are written: along the swatch's bottom.
    fn label_area(card: &Card) -> BoardRect {
        let inner = card.inner();
        rect(inner.min.x, inner.max.y - SMALL_FONT * 3.0, inner.max.x, inner.max.y)
    }

    fn style(&self) -> TextStyle {
        TextStyle::new(SMALL_FONT, Ink::OnColour(Rgb::parse_hex(&self.hex)))
    }
}

impl Behaviour for Colour {
    fn field(&self, key: &str) -> Option<&str> {
        match key {
            "hex" => Some(&self.hex),
            "name" => Some(&self.name),
            _ => None,
        }
    }

    fn field_mut(&mut self, key: &str) -> Option<&mut String> {
        match key {
            "hex" => Some(&mut self.hex),
            "name" => Some(&mut self.name),
            _ => None,
        }
    }

    fn default_size(&self) -> Size {
        Size::new(160.0, 160.0)
    }

    fn texts(&self) -> Vec<&str> {
        vec![&self.hex, &self.name]
    }

    fn summary(&self) -> String {
        if self.name.is_empty() { self.hex.clone() } else { format!("{} {}", self.hex, self.name) }
    }

    fn edited_on_card(&self) -> Option<&'static str> {
        Some("name")
    }

    fn paint(&self, card: &Card, p: &mut dyn CardPainter) {
        let colour = Rgb::parse_hex(&self.hex);
        p.fill(card.rect(), colour.map_or(Paint::InvalidColour, Paint::Colour));
        let label = if colour.is_none() {
            p.say(&Message::new("card-invalid-colour").with("hex", &self.hex))
        } else if self.name.trim().is_empty() {
            self.hex.clone()
        } else {
            format!("{}\n{}", self.name, self.hex)
        };
        p.text(Self::label_area(card), &label, self.style());
    }

    fn text_area(&self, card: &Card) -> Option<(BoardRect, TextStyle)> {
        Some((Self::label_area(card), self.style()))
    }

    fn recap(&self, recap: &mut dyn Recap) {
        recap.swatch(&self.hex, &self.name);
    }

    /// An invalid colour is kept as written (and drawn as a placeholder), only reported.
    fn repair(&mut self) -> Vec<Repair> {
        if Rgb::parse_hex(&self.hex).is_some() {
            return Vec::new();
        }
        vec![Repair { field: "hex", what: Message::new("problem-not-a-colour").with("hex", format!("{:?}", self.hex)) }]
    }

    fn on_phone(&self) -> PhoneCard {
        PhoneCard { text: self.name.clone(), url: self.hex.clone(), ..PhoneCard::default() }
    }
}
