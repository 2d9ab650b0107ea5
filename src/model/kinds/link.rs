//! A link: a web page or other address, with what its page said of itself when it was
//! added online (title, description, site name and preview picture).

use serde::{Deserialize, Serialize};

use super::metrics::{CARD_PADDING, LINE, LINK_PICTURE_H, SMALL_FONT, TITLE_FONT};
use super::paint::{Align, Card, CardPainter, Fit, Ink, Paint, TextStyle, rect};
use super::{
    Behaviour, Detail, Field, FieldType, Fields, Flag, Hint, ItemKind, Kind, KindSpec, KindTag, Paste, PhoneCard,
    PixelSize, Preview, Recap, Remark, Shown,
};
use crate::model::{AssetName, BoardRect, Message, Size, links};

/// A web page or other address (since version 5 with what its page said of itself;
/// all empty for links added offline or from older files).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub url: String,
    pub title: String,
    pub note: String,
    /// The page's own description (`og:description` or `<meta name="description">`).
    pub description: String,
    /// The site's name (`og:site_name`).
    pub site: String,
    /// The page's preview picture (`og:image`), stored in the assets folder.
    pub picture: Option<AssetName>,
}

const FIELDS: [Field; 4] = [
    Field::text("url", "inspector-address")
        .required("capture-need-address")
        .typed(FieldType::Address)
        .hint(Hint::Example("https://…"))
        .step("step-change-address")
        .api("url"),
    Field::text("title", "inspector-title")
        .hint(Hint::Said("inspector-link-title-hint"))
        .step("step-change-link-title")
        .flag(Flag { long: "title", alias: None, value_name: "T", help: "cli-add-title" })
        .api("title"),
    Field::text("note", "inspector-why")
        .long()
        .one_line_in_form()
        .hint(Hint::Said("inspector-optional"))
        .step("step-change-link-note")
        .api("text"),
    Field::text("description", "inspector-description")
        .long()
        .hint(Hint::Said("inspector-page-says"))
        .step("step-change-link-description")
        .not_in_form()
        .in_inspector(Shown::WhenFilled),
];

impl Kind for Link {
    const SPEC: KindSpec = KindSpec {
        tag: KindTag::Link,
        name: "link",
        icon: "🔗",
        key: Some("L"),
        fields: &FIELDS,
        typed: true,
        drawn: false,
        flag: Some(Flag { long: "link", alias: None, value_name: "URL", help: "cli-add-link" }),
        phones: true,
        paste: Paste::When { rank: 0, claim: pasted },
    };
}

/// A pasted web address is a link (which, added online, may turn out to be a picture).
fn pasted(text: &str) -> Option<Fields> {
    links::looks_like_url(text.trim()).then(|| Fields::new().with("url", text.trim()))
}

impl ItemKind {
    /// A link with no preview: what is typed, pasted offline, or read from older files.
    pub fn link(url: impl Into<String>, title: impl Into<String>, note: impl Into<String>) -> Self {
        Link { url: url.into(), title: title.into(), note: note.into(), ..Link::default() }.into()
    }
}

/// Where a link card shows its preview picture (a band across its top, when it has
/// one) and its title.
struct Layout {
    picture: Option<BoardRect>,
    title: BoardRect,
}

impl Link {
    fn layout(&self, card: &Card) -> Layout {
        let inner = card.inner();
        let picture =
            self.picture.as_ref().map(|_| rect(0.0, 0.0, card.size.w, LINK_PICTURE_H.min(card.size.h * 0.55)));
        let top = picture.map_or(inner.min.y, |p| p.max.y + CARD_PADDING * 0.6);
        Layout { picture, title: rect(inner.min.x, top, inner.max.x, top + TITLE_FONT * 2.6) }
    }
}

const TITLE: TextStyle = TextStyle::new(TITLE_FONT, Ink::LinkTitle);

impl Behaviour for Link {
    fn field(&self, key: &str) -> Option<&str> {
        match key {
            "url" => Some(&self.url),
            "title" => Some(&self.title),
            "note" => Some(&self.note),
            "description" => Some(&self.description),
            _ => None,
        }
    }

    fn field_mut(&mut self, key: &str) -> Option<&mut String> {
        match key {
            "url" => Some(&mut self.url),
            "title" => Some(&mut self.title),
            "note" => Some(&mut self.note),
            "description" => Some(&mut self.description),
            _ => None,
        }
    }

    fn default_size(&self) -> Size {
        let note_h = if self.note.trim().is_empty() { 0.0 } else { SMALL_FONT * LINE * 2.0 };
        let description_h = if self.description.trim().is_empty() { 0.0 } else { SMALL_FONT * LINE * 3.0 };
        let picture_h = if self.picture.is_some() { LINK_PICTURE_H } else { 0.0 };
        Size::new(300.0, 120.0 + note_h + description_h + picture_h)
    }

    fn texts(&self) -> Vec<&str> {
        vec![&self.url, &self.title, &self.note, &self.description, &self.site]
    }

    fn summary(&self) -> String {
        if self.title.is_empty() { self.url.clone() } else { format!("{} <{}>", self.title, self.url) }
    }

    fn picture(&self) -> Option<&AssetName> {
        self.picture.as_ref()
    }

    fn set_picture(&mut self, picture: Option<AssetName>, _pixels: Option<PixelSize>) {
        self.picture = picture;
    }

    fn address(&self) -> Option<&str> {
        Some(&self.url)
    }

    fn previewed_from(&self) -> Option<&str> {
        Some(&self.url)
    }

    fn take_preview(&mut self, preview: Preview) {
        if self.title.trim().is_empty() {
            self.title = preview.title;
        }
        self.description = preview.description;
        self.site = preview.site;
        self.picture = preview.picture;
    }

    fn edited_on_card(&self) -> Option<&'static str> {
        Some("title")
    }

    fn paint(&self, card: &Card, p: &mut dyn CardPainter) {
        p.fill(card.rect(), Paint::Link);
        let layout = self.layout(card);
        if let (Some(band), Some(asset)) = (layout.picture, &self.picture) {
            p.picture(band, asset, None, crate::model::Turn::default(), Fit::Cover, &self.site);
        }
        let shown_title = if self.title.trim().is_empty() { &self.url } else { &self.title };
        p.text(layout.title, shown_title, TITLE);
        let inner = card.inner();
        let small = TextStyle::new(SMALL_FONT, Ink::Attribution);
        let mut below = layout.title.max.y + 4.0;
        let bottom = inner.max.y - SMALL_FONT * 1.8;
        for (text, lines) in [(&self.description, 3.0), (&self.note, 4.0)] {
            if text.trim().is_empty() || below >= bottom {
                continue;
            }
            let block = rect(inner.min.x, below, inner.max.x, (below + SMALL_FONT * LINE * lines).min(bottom));
            p.text(block, text, small);
            below = block.max.y + 4.0;
        }
        let (footer, ink) = if links::is_openable(&self.url) {
            let domain = links::domain(&self.url).unwrap_or_default();
            let site = self.site.trim();
            let from = if site.is_empty() || site.eq_ignore_ascii_case(&domain) {
                domain
            } else {
                format!("{site} · {domain}")
            };
            (format!("↗ {from}"), Ink::LinkDomain)
        } else {
            (p.say(&Message::new("card-unsafe-link")), Ink::LinkUnsafe)
        };
        let line = rect(inner.min.x, inner.max.y - SMALL_FONT * 1.3, inner.max.x, inner.max.y);
        p.line(line, &footer, TextStyle::new(SMALL_FONT, ink), Align::LeftBottom);
    }

    fn text_area(&self, card: &Card) -> Option<(BoardRect, TextStyle)> {
        Some((self.layout(card).title, TITLE))
    }

    fn recap(&self, recap: &mut dyn Recap) {
        recap.link(&self.url, if self.title.is_empty() { &self.url } else { &self.title });
        recap.remark(Remark::Site, &self.site);
        recap.remark(Remark::Description, &self.description);
        recap.remark(Remark::Note, &self.note);
    }

    fn details(&self) -> Vec<Detail> {
        let mut details = Vec::new();
        if self.picture.is_some() {
            let to = Link { picture: None, ..self.clone() };
            details.push(Detail::Change {
                label: "inspector-remove-picture",
                help: "inspector-remove-picture-help",
                to: Box::new(to.into()),
            });
        }
        if links::is_openable(&self.url) {
            details.push(Detail::Open(self.url.clone()));
        } else {
            details.push(Detail::Warning(Message::new("inspector-unsafe-link")));
        }
        details
    }

    fn on_phone(&self) -> PhoneCard {
        PhoneCard { text: self.note.clone(), url: self.url.clone(), title: self.title.clone(), ..PhoneCard::default() }
    }
}
