//! Every kind of idea, one file each: its fields and their bounds, its words (message
//! ids), how it is made from typed fields, its summary and search text, its default
//! size, how a card of it is drawn, how the exports write it and how the join page shows
//! it. The rest of the program loops over kinds ([`KindTag::ALL`]) and asks them through
//! [`Behaviour`], so adding a kind is: one new file here, one line in [`kinds!`] below,
//! its messages in both `.ftl` files and a note in docs/FORMAT.md (the recipe is in
//! docs/ARCHITECTURE.md).
//!
//! Enum dispatch rather than trait objects: [`ItemKind`] stays a plain value that is
//! compared, cloned and merged like any other, is written to files exactly as before
//! (`Note(text: "…")`, see [`variant_serde`]), and code that truly needs one kind (the
//! crop of an image, the preview of a link) matches on it with the compiler's help.
//! Nothing here knows egui: drawing goes through [`paint::CardPainter`], which the UI and
//! the PNG export implement, and exports through [`recap::Recap`].

pub mod fields;
pub mod metrics;
pub mod paint;
pub mod recap;
mod variant_serde;

pub use self::heading::HeadingSize;
pub use self::image::{PixelSize, TurnBy, turn_pictures};
pub use self::sketch::{INKS, MAX_POINTS_PER_STROKE, Stroke, WIDTHS};
pub use fields::{Field, FieldError, FieldType, Fields, Flag, Hint, Shown};
pub use paint::{Align, Card, CardPainter, Fit, Ink, Paint, TextStyle};
pub use recap::{Recap, Remark};

use serde::{Deserialize, Serialize};

use super::{AssetName, BoardRect, Message, Size};

/// The kinds of idea, in the order menus and the toolbar show them. One line each: the
/// kind's file (module) and its struct, which names its variant of [`ItemKind`] and
/// [`KindTag`].
macro_rules! kinds {
    ($($module:ident::$variant:ident),* $(,)?) => {
        $(
            mod $module;
            pub use $module::$variant;
        )*
        kinds!(@registry $($variant($variant)),*);
    };
    (@registry $($variant:ident($ty:ty)),*) => {
        /// What an item is, with the fields only that kind has.
        #[derive(Clone, Debug, PartialEq)]
        pub enum ItemKind {
            $($variant($ty)),*
        }

        /// The kind of an item without its data: for menus, filters and messages.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
        #[serde(variant_identifier)]
        pub enum KindTag {
            $($variant),*
        }

        impl KindTag {
            /// Every kind, in menu order.
            pub const ALL: &'static [KindTag] = &[$(KindTag::$variant),*];

            /// Everything known of the kind before there is one of it.
            pub fn spec(self) -> &'static KindSpec {
                match self {
                    $(KindTag::$variant => &<$ty as Kind>::SPEC),*
                }
            }

            /// A new idea of this kind from typed fields (see [`fields::build`]).
            pub fn build(self, typed: &Fields) -> Result<ItemKind, FieldError> {
                match self {
                    $(KindTag::$variant => fields::build::<$ty>(typed).map(ItemKind::$variant)),*
                }
            }
        }

        impl ItemKind {
            pub fn tag(&self) -> KindTag {
                match self {
                    $(ItemKind::$variant(_) => KindTag::$variant),*
                }
            }

            /// What this kind does, to ask without matching on it.
            pub fn behaviour(&self) -> &dyn Behaviour {
                match self {
                    $(ItemKind::$variant(kind) => kind),*
                }
            }

            /// What this kind does, to change it without matching on it.
            pub fn behaviour_mut(&mut self) -> &mut dyn Behaviour {
                match self {
                    $(ItemKind::$variant(kind) => kind),*
                }
            }

            /// The same idea with field `key` changed to `typed`, as the inspector
            /// changes it (see [`fields::edited`]).
            pub fn edited(&self, key: &str, typed: &str) -> Result<ItemKind, FieldError> {
                match self {
                    $(ItemKind::$variant(kind) => fields::edited(kind, key, typed).map(ItemKind::$variant)),*
                }
            }
        }

        $(
            impl From<$ty> for ItemKind {
                fn from(kind: $ty) -> Self {
                    ItemKind::$variant(kind)
                }
            }
        )*

        impl Serialize for ItemKind {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self {
                    $(ItemKind::$variant(kind) => kind.serialize(variant_serde::AsVariant {
                        inner: serializer,
                        index: KindTag::$variant as u32,
                        variant: stringify!($variant),
                    })),*
                }
            }
        }

        impl<'de> Deserialize<'de> for ItemKind {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                const VARIANTS: &[&str] = &[$(stringify!($variant)),*];
                struct Variants;
                impl<'de> serde::de::Visitor<'de> for Variants {
                    type Value = ItemKind;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str("a kind of idea")
                    }
                    fn visit_enum<A: serde::de::EnumAccess<'de>>(self, data: A) -> Result<ItemKind, A::Error> {
                        let (tag, variant) = data.variant::<KindTag>()?;
                        let fields = variant_serde::FromVariant(variant);
                        match tag {
                            $(KindTag::$variant => <$ty>::deserialize(fields).map(ItemKind::$variant)),*
                        }
                    }
                }
                deserializer.deserialize_enum("ItemKind", VARIANTS, Variants)
            }
        }
    };
}

kinds! {
    note::Note,
    quote::Quote,
    link::Link,
    colour::Colour,
    image::Image,
    sketch::Sketch,
    heading::Heading,
}

/// Everything known of a kind before there is one of it.
#[derive(Clone, Copy, Debug)]
pub struct KindSpec {
    pub tag: KindTag,
    /// Its name in files' problems, the command line, exports and the join API: `note`.
    /// Its messages are named after it: `kind-note`, `kind-note-lower`, `toolbar-new-note`,
    /// `capture-add-note`, `cmd-add-note` and `cmd-add-note-help`.
    pub name: &'static str,
    /// Its picture on the toolbar.
    pub icon: &'static str,
    /// The key that opens its add form (egui's name for it: `N`), if one does.
    pub key: Option<&'static str>,
    pub fields: &'static [Field],
    /// Made from typed fields; `false`: imported from files or web addresses (pictures),
    /// which the form, the command line and the join page offer instead, or drawn.
    pub typed: bool,
    /// Drawn by hand on the canvas (a sketch): its command starts the pen, not a form.
    pub drawn: bool,
    /// `moodboard add --note TEXT`: the flag that adds one (it sets the first field, or
    /// names the files of an imported kind); `None`: not added from the command line.
    pub flag: Option<Flag>,
    /// Phones may add it through the join page's form.
    pub phones: bool,
    /// How it claims pasted text.
    pub paste: Paste,
}

impl KindSpec {
    /// The message id of its name with a capital: `kind-note` ("Note").
    pub fn title_id(&self) -> String {
        format!("kind-{}", self.name)
    }

    /// The message id of its name inside a sentence: `kind-note-lower` ("note").
    pub fn name_id(&self) -> String {
        format!("kind-{}-lower", self.name)
    }

    /// The message id of adding one, the form's button and the undo step: `capture-add-note`.
    pub fn add_id(&self) -> String {
        format!("capture-add-{}", self.name)
    }

    /// The message id of the toolbar button and the form's heading: `toolbar-new-note`.
    pub fn new_id(&self) -> String {
        format!("toolbar-new-{}", self.name)
    }

    /// Whether its add form has a field of several lines (then Ctrl+Enter adds, not Enter).
    pub fn multiline(&self) -> bool {
        self.fields.iter().any(|f| f.in_form && f.form_multiline)
    }

    pub fn field(&self, key: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.key == key)
    }
}

/// How a kind takes pasted text.
#[derive(Clone, Copy, Debug)]
pub enum Paste {
    Never,
    /// Text this recognises becomes this kind; kinds with a lower rank are asked first.
    When {
        rank: u8,
        claim: fn(&str) -> Option<Fields>,
    },
    /// Text no kind recognises becomes this kind, the text in this field.
    Otherwise(&'static str),
}

/// What recognises pasted text as a kind, with the fields it gives.
pub type Claim = fn(&str) -> Option<Fields>;

/// What a kind is before there is one: its [`KindSpec`]. Each kind's struct implements
/// this and [`Behaviour`], in its own file.
pub trait Kind: Behaviour + Default + Clone + PartialEq + std::fmt::Debug + Serialize + Into<ItemKind> {
    const SPEC: KindSpec;
}

/// What an idea of a kind does, asked through [`ItemKind::behaviour`].
pub trait Behaviour {
    /// The text of field `key` (one of the kind's [`KindSpec::fields`]).
    fn field(&self, key: &str) -> Option<&str>;
    fn field_mut(&mut self, key: &str) -> Option<&mut String>;
    /// A good size for a new card of it.
    fn default_size(&self) -> Size;
    /// Every piece of its free text, for search and `remove --matching`.
    fn texts(&self) -> Vec<&str>;
    /// One line describing it, for lists, messages and the command line (shortened by
    /// [`ItemKind::summary`]).
    fn summary(&self) -> String;
    /// The picture it shows from the assets folder.
    fn picture(&self) -> Option<&AssetName> {
        None
    }
    /// Puts another picture in place of [`Behaviour::picture`] (`None`: none), as a copy
    /// into another board does; `pixels` is its size in pixels, if it changed.
    fn set_picture(&mut self, _picture: Option<AssetName>, _pixels: Option<PixelSize>) {}
    /// Whether it is still an idea without its picture (a link is; an image is not).
    fn stands_without_picture(&self) -> bool {
        true
    }
    /// The address "Open link" opens.
    fn address(&self) -> Option<&str> {
        None
    }
    /// The web page whose preview fills it in when it is added online (a link's).
    fn previewed_from(&self) -> Option<&str> {
        None
    }
    /// Takes what a page says of itself; what was typed wins.
    fn take_preview(&mut self, _preview: Preview) {}
    /// The field edited on the card itself (double-click), if any.
    fn edited_on_card(&self) -> Option<&'static str> {
        None
    }
    /// Resized, its card keeps the shape it has (a picture's).
    fn keeps_shape(&self) -> bool {
        false
    }
    /// Drawn straight on the canvas, without a card behind it (no shadow, no paper).
    fn bare(&self) -> bool {
        false
    }
    /// Its card takes its default size whenever it changes (a heading fits its words).
    fn sized_by_content(&self) -> bool {
        false
    }
    /// Draws its card.
    fn paint(&self, card: &Card, painter: &mut dyn CardPainter);
    /// Where [`Behaviour::edited_on_card`] is drawn, and how: the editor on the card uses
    /// the same, so what one types looks like the card.
    fn text_area(&self, _card: &Card) -> Option<(BoardRect, TextStyle)> {
        None
    }
    /// Writes it into an export.
    fn recap(&self, recap: &mut dyn Recap);
    /// What the inspector shows of it besides its fields.
    fn details(&self) -> Vec<Detail> {
        Vec::new()
    }
    /// Repairs what a file may hold that the kind does not allow; one entry per repair
    /// (or problem only reported).
    fn repair(&mut self) -> Vec<Repair> {
        Vec::new()
    }
    /// How phones show it on the join page.
    fn on_phone(&self) -> PhoneCard;
}

/// A line or button of an idea in the inspector, besides its fields.
#[derive(Clone, Debug, PartialEq)]
pub enum Detail {
    /// A line of information, shown above the fields.
    Info(Message),
    /// A warning, shown below them.
    Warning(Message),
    /// A button that opens this address.
    Open(String),
    /// A button (`label`, `help`: message ids) that changes the idea into `to`.
    Change { label: &'static str, help: &'static str, to: Box<ItemKind> },
}

/// A repair a kind made to what a file held, or a problem it only reports.
#[derive(Clone, Debug, PartialEq)]
pub struct Repair {
    /// The field, as written in the file.
    pub field: &'static str,
    pub what: Message,
}

/// What a web page says of itself, for a link added online.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Preview {
    pub title: String,
    pub description: String,
    pub site: String,
    pub picture: Option<AssetName>,
}

/// An idea as the join page shows it (docs/JOIN.md): its words, who said it, its
/// address and title.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PhoneCard {
    pub text: String,
    pub by: String,
    pub url: String,
    pub title: String,
}

impl ItemKind {
    /// The picture the item shows from the assets folder: an image's, or a link's preview.
    pub fn picture(&self) -> Option<&AssetName> {
        self.behaviour().picture()
    }

    /// A good size for a new item of this kind: pictures in their shape, notes and
    /// quotes as tall as their text needs (see [`metrics`]).
    pub fn default_size(&self) -> Size {
        self.behaviour().default_size()
    }

    /// Every piece of free text in the item, for search and `remove --matching`.
    pub fn texts(&self) -> Vec<&str> {
        self.behaviour().texts()
    }

    /// One line describing the item, for lists, messages and the command line.
    pub fn summary(&self) -> String {
        one_line(&self.behaviour().summary(), 120)
    }

    pub fn spec(&self) -> &'static KindSpec {
        self.tag().spec()
    }

    /// Puts another picture in place of its own (see [`Behaviour::set_picture`]).
    pub fn set_picture(&mut self, picture: Option<AssetName>, pixels: Option<PixelSize>) {
        self.behaviour_mut().set_picture(picture, pixels);
    }

    /// Takes a web page's preview (see [`Behaviour::take_preview`]).
    pub fn take_preview(&mut self, preview: Preview) {
        self.behaviour_mut().take_preview(preview);
    }

    /// Pasted text as a new idea: the kind that recognises it (lowest rank first), else
    /// the kind that takes any text.
    pub fn from_pasted(text: &str) -> Option<Result<ItemKind, FieldError>> {
        let mut claims: Vec<(u8, KindTag, Claim)> = KindTag::ALL
            .iter()
            .filter_map(|tag| match tag.spec().paste {
                Paste::When { rank, claim } => Some((rank, *tag, claim)),
                _ => None,
            })
            .collect();
        claims.sort_by_key(|(rank, tag, _)| (*rank, *tag));
        for (_, tag, claim) in claims {
            if let Some(fields) = claim(text) {
                return Some(tag.build(&fields));
            }
        }
        KindTag::ALL.iter().find_map(|tag| match tag.spec().paste {
            Paste::Otherwise(key) => Some(tag.build(&Fields::new().with(key, text))),
            _ => None,
        })
    }
}

/// The first kind, so that a command naming a kind can be listed (strum's `EnumIter`).
impl Default for KindTag {
    fn default() -> Self {
        KindTag::ALL[0]
    }
}

impl KindTag {
    /// Its name in files, the command line, exports and the join API: `note`.
    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// The kind called `name` (see [`KindTag::name`]).
    pub fn named(name: &str) -> Option<KindTag> {
        KindTag::ALL.iter().copied().find(|t| t.name() == name)
    }
}

/// Folds whitespace to single spaces and shortens to `max` characters with an ellipsis.
pub fn one_line(s: &str, max: usize) -> String {
    let folded = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded.chars().count() <= max {
        folded
    } else {
        let mut t: String = folded.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

#[cfg(test)]
mod tests;
