//! A quote: something someone said or wrote, with who said it and where.

use serde::{Deserialize, Serialize};

use super::metrics::{QUOTE_FONT, QUOTE_WIDTH, SMALL_FONT, text_height};
use super::paint::{Align, Card, CardPainter, Ink, Paint, TextStyle, rect};
use super::{Behaviour, Field, Fields, Flag, Hint, ItemKind, Kind, KindSpec, KindTag, Paste, PhoneCard, Recap};
use crate::model::{BoardRect, Pos, Size};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub text: String,
    /// Who said it.
    pub by: String,
    /// Where it was said or written (a book, a talk, an interview).
    pub citation: String,
}

const FIELDS: [Field; 3] = [
    Field::text("text", "inspector-quote")
        .required("capture-need-quote")
        .long()
        .hint(Hint::Said("inspector-quote-hint"))
        .form_hint(Hint::Said("capture-quote-hint"))
        .step("step-edit-quote")
        .api("text"),
    Field::text("by", "inspector-said-by")
        .hint(Hint::Said("inspector-said-by-hint"))
        .step("step-change-attribution")
        .flag(Flag { long: "by", alias: None, value_name: "WHO", help: "cli-add-by" })
        .api("by"),
    Field::text("citation", "inspector-citation")
        .hint(Hint::Said("inspector-citation-hint"))
        .form_hint(Hint::Said("capture-citation-hint"))
        .step("step-change-citation"),
];

impl Kind for Quote {
    const SPEC: KindSpec = KindSpec {
        tag: KindTag::Quote,
        name: "quote",
        icon: "“",
        key: Some("Q"),
        fields: &FIELDS,
        typed: true,
        drawn: false,
        flag: Some(Flag { long: "quote", alias: None, value_name: "TEXT", help: "cli-add-quote" }),
        phones: true,
        paste: Paste::When { rank: 1, claim: pasted },
    };
}

impl ItemKind {
    /// `text`, said by `by` in `citation`.
    pub fn quote(text: impl Into<String>, by: impl Into<String>, citation: impl Into<String>) -> Self {
        Quote { text: text.into(), by: by.into(), citation: citation.into() }.into()
    }
}

/// Pasted text in quotation marks (`“text”`, `"text"`, `„text“`, `«text»`) is a quote.
fn pasted(text: &str) -> Option<Fields> {
    let text = text.trim();
    let pairs = [('“', '”'), ('"', '"'), ('„', '“'), ('«', '»')];
    pairs.iter().find_map(|(open, close)| {
        let inner = text.strip_prefix(*open)?.strip_suffix(*close)?.trim();
        (!inner.is_empty() && !inner.contains(*close)).then(|| Fields::new().with("text", inner))
    })
}

impl Quote {
    /// "— Dieter Rams, Less but better", or empty.
    fn attribution(&self) -> String {
        match (self.by.trim(), self.citation.trim()) {
            ("", "") => String::new(),
            (b, "") => format!("— {b}"),
            ("", c) => format!("— {c}"),
            (b, c) => format!("— {b}, {c}"),
        }
    }

    /// Where the quote's words go: under the mark, above the attribution.
    fn body(&self, card: &Card) -> BoardRect {
        let inner = card.inner();
        let attribution_h = if self.attribution().is_empty() { 0.0 } else { SMALL_FONT * 1.6 };
        let mark = QUOTE_FONT * 2.6;
        rect(inner.min.x, inner.min.y + mark * 0.45, inner.max.x, inner.max.y - attribution_h)
    }
}

const WORDS: TextStyle = TextStyle::new(QUOTE_FONT, Ink::Quote).italics();

impl Behaviour for Quote {
    fn field(&self, key: &str) -> Option<&str> {
        match key {
            "text" => Some(&self.text),
            "by" => Some(&self.by),
            "citation" => Some(&self.citation),
            _ => None,
        }
    }

    fn field_mut(&mut self, key: &str) -> Option<&mut String> {
        match key {
            "text" => Some(&mut self.text),
            "by" => Some(&mut self.by),
            "citation" => Some(&mut self.citation),
            _ => None,
        }
    }

    fn default_size(&self) -> Size {
        let attribution = if self.by.is_empty() && self.citation.is_empty() { 0.0 } else { SMALL_FONT * 1.8 };
        let h = text_height(&self.text, QUOTE_FONT, QUOTE_WIDTH, QUOTE_FONT * 1.1 + attribution);
        Size::new(QUOTE_WIDTH, h.clamp(140.0, 900.0))
    }

    fn texts(&self) -> Vec<&str> {
        vec![&self.text, &self.by, &self.citation]
    }

    fn summary(&self) -> String {
        if self.by.is_empty() { format!("“{}”", self.text) } else { format!("“{}” — {}", self.text, self.by) }
    }

    fn edited_on_card(&self) -> Option<&'static str> {
        Some("text")
    }

    fn paint(&self, card: &Card, p: &mut dyn CardPainter) {
        p.fill(card.rect(), Paint::Quote);
        let inner = card.inner();
        let mark = TextStyle::new(QUOTE_FONT * 2.6, Ink::QuoteMark);
        if p.readable(mark.size) {
            let pad = super::metrics::CARD_PADDING;
            p.mark(Pos::new(inner.min.x, inner.min.y - pad * 0.5), "“", mark);
        }
        p.text(self.body(card), &self.text, WORDS);
        let attribution = self.attribution();
        if !attribution.is_empty() {
            let line = rect(inner.min.x, inner.max.y - SMALL_FONT * 1.3, inner.max.x, inner.max.y);
            p.line(line, &attribution, TextStyle::new(SMALL_FONT, Ink::Attribution), Align::RightBottom);
        }
    }

    fn text_area(&self, card: &Card) -> Option<(BoardRect, TextStyle)> {
        Some((self.body(card), WORDS))
    }

    fn recap(&self, recap: &mut dyn Recap) {
        recap.quote(&self.text, &self.by, &self.citation);
    }

    fn on_phone(&self) -> PhoneCard {
        PhoneCard { text: self.text.clone(), by: self.by.clone(), ..PhoneCard::default() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_text_becomes_a_quote() {
        let said = |t: &str| pasted(t).map(|f| f.get("text").to_owned());
        assert_eq!(said("“Less, but better”").as_deref(), Some("Less, but better"));
        assert_eq!(said("\"Stay hungry\"").as_deref(), Some("Stay hungry"));
        assert_eq!(said("\"a\" and \"b\""), None);
        assert_eq!(said("plain"), None);
    }
}
