//! A note: a brainwave in free text. Prompts drawn from the deck are notes too (tagged
//! as prompts) and are drawn as prompt cards.

use serde::{Deserialize, Serialize};

use super::metrics::{NOTE_FONT, NOTE_WIDTH, SMALL_FONT, text_height};
use super::paint::{Align, Card, CardPainter, Ink, Paint, TextStyle, rect};
use super::{Behaviour, Field, Flag, Hint, ItemKind, Kind, KindSpec, KindTag, Paste, PhoneCard, Recap};
use crate::model::{BoardRect, Message, Size};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Note {
    pub text: String,
}

const FIELDS: [Field; 1] = [Field::text("text", "inspector-note")
    .required("capture-need-note")
    .long()
    .hint(Hint::Said("inspector-note-hint"))
    .form_hint(Hint::Said("capture-note-hint"))
    .step("step-edit-note")
    .api("text")];

impl Kind for Note {
    const SPEC: KindSpec = KindSpec {
        tag: KindTag::Note,
        name: "note",
        icon: "📝",
        key: Some("N"),
        fields: &FIELDS,
        typed: true,
        drawn: false,
        flag: Some(Flag { long: "note", alias: None, value_name: "TEXT", help: "cli-add-note" }),
        phones: true,
        paste: Paste::Otherwise("text"),
    };
}

impl ItemKind {
    /// A note saying `text`.
    pub fn note(text: impl Into<String>) -> Self {
        Note { text: text.into() }.into()
    }
}

/// Where a note's text goes: under the prompt label on a prompt card.
fn body(card: &Card) -> BoardRect {
    let inner = card.inner();
    if card.prompt { rect(inner.min.x, inner.min.y + SMALL_FONT * 1.6 + 4.0, inner.max.x, inner.max.y) } else { inner }
}

fn style(card: &Card) -> TextStyle {
    TextStyle::new(NOTE_FONT, if card.prompt { Ink::Prompt } else { Ink::Note })
}

impl Behaviour for Note {
    fn field(&self, key: &str) -> Option<&str> {
        (key == "text").then_some(self.text.as_str())
    }

    fn field_mut(&mut self, key: &str) -> Option<&mut String> {
        (key == "text").then_some(&mut self.text)
    }

    fn default_size(&self) -> Size {
        Size::new(NOTE_WIDTH, text_height(&self.text, NOTE_FONT, NOTE_WIDTH, 0.0).clamp(110.0, 900.0))
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

    fn paint(&self, card: &Card, p: &mut dyn CardPainter) {
        p.fill(card.rect(), if card.prompt { Paint::Prompt } else { Paint::Note });
        if card.prompt {
            let inner = card.inner();
            let header = rect(inner.min.x, inner.min.y, inner.max.x, inner.min.y + SMALL_FONT * 1.6);
            let label = p.say(&Message::new("card-prompt"));
            p.line(header, &label, TextStyle::new(SMALL_FONT, Ink::PromptLabel), Align::LeftTop);
        }
        p.text(body(card), &self.text, style(card));
    }

    fn text_area(&self, card: &Card) -> Option<(BoardRect, TextStyle)> {
        Some((body(card), style(card)))
    }

    fn recap(&self, recap: &mut dyn Recap) {
        recap.words(&self.text);
    }

    fn on_phone(&self) -> PhoneCard {
        PhoneCard { text: self.text.clone(), ..PhoneCard::default() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::kinds::metrics;

    #[test]
    fn notes_are_as_tall_as_their_text() {
        let short = Note { text: "Open shelves?".into() }.default_size();
        let long = Note { text: "What if the counter moved to the window, and the morning light came in low over the bread, so that people stop on the pavement to look?".into() }.default_size();
        assert_eq!(short.h, 110.0, "one line: the smallest note");
        assert!(long.h > short.h + 3.0 * metrics::NOTE_FONT, "{long:?}");
        assert_eq!(metrics::lines("a b c", 22.0, 10_000.0), 1);
        assert_eq!(metrics::lines("one\ntwo\nthree", 22.0, 10_000.0), 3);
    }
}
