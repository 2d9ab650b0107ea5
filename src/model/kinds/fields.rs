//! The fields an idea is made of: one description per field (its words, its bounds,
//! where it is asked for) and one parser that the add form, the inspector, the command
//! line, the join API and paste all go through ([`build`], [`edited`]).

use std::collections::BTreeMap;

use super::{Kind, KindTag};
use crate::model::Rgb;

/// The longest text one field takes: a long note or quote.
pub const LONG: usize = 20_000;
/// The longest short field: a name, a title, who said it.
pub const SHORT: usize = 500;
/// The longest address.
pub const ADDRESS: usize = 2_000;

/// What a field holds, which decides how what was typed is checked and written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldType {
    /// Free text, kept as typed (trimmed when an idea is made).
    Text,
    /// An address, written the one way ([`crate::model::links::normalise_url`]).
    Address,
    /// A colour, written `#RRGGBB`; anything else is refused.
    Colour,
}

/// When the inspector shows a field of the selected idea.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    Always,
    /// Only when it holds something (a link's description, which the page gave).
    WhenFilled,
    Never,
}

/// The grey text in an empty field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hint {
    None,
    /// A message id, said in the interface's language.
    Said(&'static str),
    /// An example, the same in every language: `https://…`.
    Example(&'static str),
}

/// How a kind or a field is given on the command line: `moodboard add --quote TEXT --by WHO`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flag {
    pub long: &'static str,
    /// Another spelling that works too (`--colour` for `--color`).
    pub alias: Option<&'static str>,
    pub value_name: &'static str,
    /// The message id of its help line (said in English on the command line).
    pub help: &'static str,
}

/// One field of a kind: what it holds, its bounds and its words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    /// Its name in the kind's struct (and so in files): `text`, `by`, `url`.
    pub key: &'static str,
    pub ty: FieldType,
    /// An idea cannot be made without it.
    pub required: bool,
    /// Typed over several lines in the inspector.
    pub multiline: bool,
    /// Typed over several lines in the add form too (then Ctrl+Enter adds the idea).
    pub form_multiline: bool,
    /// The most characters it takes.
    pub max_chars: usize,
    /// What a new form starts with.
    pub default: &'static str,
    /// Message ids: its label, and what is said when it is required and empty.
    pub label: &'static str,
    pub missing: &'static str,
    /// Its hint in the inspector and in the add form.
    pub hint: Hint,
    pub form_hint: Hint,
    /// The message id of the undo step when it is changed in the inspector.
    pub step: &'static str,
    /// Asked for in the add form.
    pub in_form: bool,
    pub in_inspector: Shown,
    /// Its flag in `moodboard add`, after the kind's own (which sets the kind's first
    /// field); `None`: not settable there.
    pub flag: Option<Flag>,
    /// Its name in the join API's body (docs/JOIN.md); `None`: phones cannot set it.
    pub api: Option<&'static str>,
}

impl Field {
    /// A one-line text field called `label` (a message id), in the form and the inspector.
    pub const fn text(key: &'static str, label: &'static str) -> Self {
        Self {
            key,
            ty: FieldType::Text,
            required: false,
            multiline: false,
            form_multiline: false,
            max_chars: SHORT,
            default: "",
            label,
            missing: "",
            hint: Hint::None,
            form_hint: Hint::None,
            step: "",
            in_form: true,
            in_inspector: Shown::Always,
            flag: None,
            api: None,
        }
    }

    /// Needed to make an idea; `missing` is said when it is empty.
    pub const fn required(self, missing: &'static str) -> Self {
        Self { required: true, missing, ..self }
    }

    /// Typed over several lines, up to [`LONG`] characters.
    pub const fn long(self) -> Self {
        Self { multiline: true, form_multiline: true, max_chars: LONG, ..self }
    }

    /// One line in the add form, where Enter adds the idea (several in the inspector).
    pub const fn one_line_in_form(self) -> Self {
        Self { form_multiline: false, ..self }
    }

    pub const fn typed(self, ty: FieldType) -> Self {
        let max_chars = if matches!(ty, FieldType::Address) { ADDRESS } else { self.max_chars };
        Self { ty, max_chars, ..self }
    }

    /// The same hint in the form and the inspector.
    pub const fn hint(self, hint: Hint) -> Self {
        Self { hint, form_hint: hint, ..self }
    }

    /// Another hint in the add form than in the inspector.
    pub const fn form_hint(self, form_hint: Hint) -> Self {
        Self { form_hint, ..self }
    }

    pub const fn step(self, step: &'static str) -> Self {
        Self { step, ..self }
    }

    pub const fn starting_with(self, default: &'static str) -> Self {
        Self { default, ..self }
    }

    /// Not asked for when an idea is added, only edited afterwards.
    pub const fn not_in_form(self) -> Self {
        Self { in_form: false, ..self }
    }

    pub const fn in_inspector(self, in_inspector: Shown) -> Self {
        Self { in_inspector, ..self }
    }

    pub const fn flag(self, flag: Flag) -> Self {
        Self { flag: Some(flag), ..self }
    }

    /// Phones may set it, under this name.
    pub const fn api(self, name: &'static str) -> Self {
        Self { api: Some(name), ..self }
    }
}

/// Values typed for a kind's fields, by key; a missing key is an empty field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fields(BTreeMap<&'static str, String>);

impl Fields {
    pub fn new() -> Self {
        Self::default()
    }

    /// A kind's fields with their starting values.
    pub fn defaults(tag: KindTag) -> Self {
        let mut fields = Self::new();
        for field in tag.spec().fields {
            fields.set(field.key, field.default);
        }
        fields
    }

    pub fn get(&self, key: &str) -> &str {
        self.0.get(key).map_or("", String::as_str)
    }

    pub fn get_mut(&mut self, key: &'static str) -> &mut String {
        self.0.entry(key).or_default()
    }

    pub fn set(&mut self, key: &'static str, value: impl Into<String>) {
        self.0.insert(key, value.into());
    }

    /// The same fields with `key` set to `value`.
    pub fn with(mut self, key: &'static str, value: impl Into<String>) -> Self {
        self.set(key, value);
        self
    }
}

/// Why typed fields do not make an idea. Says what, not in words: its [`Said`] message
/// does (in the interface's language, or English on the command line).
///
/// [`Said`]: crate::i18n::Said
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldError {
    /// A required field is empty.
    Missing { kind: KindTag, field: &'static Field },
    /// A field holds more than it takes.
    TooLong { kind: KindTag, field: &'static Field, found: usize },
    /// What was typed as a colour is not one.
    NotAColour { typed: String },
    /// What was typed as a new link's address is not a web address.
    NotAnAddress { typed: String },
    /// This kind is not made from typed fields (an image is imported).
    NotTyped(KindTag),
    /// A kind has no field by this name.
    NoSuchField { kind: KindTag, key: String },
}

impl crate::i18n::Said for FieldError {
    fn message(&self) -> crate::i18n::Message {
        use crate::i18n::Message;
        match self {
            FieldError::Missing { field, .. } => Message::new(field.missing),
            FieldError::TooLong { field, found, .. } => Message::new("field-too-long")
                .with("field", Message::new(field.label))
                .with("max", field.max_chars)
                .with("count", *found),
            FieldError::NotAColour { typed } => Message::new("colour-invalid").with("text", typed),
            FieldError::NotAnAddress { typed } => Message::new("field-not-an-address").with("text", typed),
            FieldError::NotTyped(_) => Message::new("capture-no-image-here"),
            FieldError::NoSuchField { kind, key } => {
                Message::new("field-unknown").with("kind", Message::new_owned(kind.spec().name_id())).with("field", key)
            }
        }
    }
}

crate::said_as_printed!(FieldError);

/// How strictly a value is taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// For a new idea: trimmed, and required fields must be filled.
    New,
    /// An edit of one field: kept as typed (but addresses and colours are normalised).
    Edit,
}

fn check(kind: KindTag, field: &'static Field, typed: &str, mode: Mode) -> Result<String, FieldError> {
    let value = if mode == Mode::New { typed.trim() } else { typed };
    let found = value.chars().count();
    if found > field.max_chars {
        return Err(FieldError::TooLong { kind, field, found });
    }
    match field.ty {
        FieldType::Colour => {
            Rgb::parse_hex(value).map(Rgb::to_hex).ok_or(FieldError::NotAColour { typed: typed.to_owned() })
        }
        _ if value.trim().is_empty() && field.required && mode == Mode::New => Err(FieldError::Missing { kind, field }),
        // A new link's address is a web address (a bare host gets `https://`); an edit is
        // kept as typed while it is typed.
        FieldType::Address if !value.trim().is_empty() && mode == Mode::New => {
            crate::model::links::web_address(value).ok_or_else(|| FieldError::NotAnAddress { typed: value.to_owned() })
        }
        FieldType::Address if !value.trim().is_empty() => Ok(crate::model::links::normalise_url(value)),
        _ => Ok(value.to_owned()),
    }
}

/// A new idea of kind `K` from typed fields: every field checked against its bounds,
/// trimmed, addresses and colours written the one way. The one parser of typed ideas.
pub fn build<K: Kind>(fields: &Fields) -> Result<K, FieldError> {
    let spec = K::SPEC.tag.spec();
    if !spec.typed {
        return Err(FieldError::NotTyped(spec.tag));
    }
    let mut kind = K::default();
    for field in spec.fields {
        let value = check(spec.tag, field, fields.get(field.key), Mode::New)?;
        if let Some(slot) = super::Behaviour::field_mut(&mut kind, field.key) {
            *slot = value;
        }
    }
    Ok(kind)
}

/// `kind` with its field `key` changed to `typed` (as the inspector changes it): checked
/// against the field's bounds, an address or colour written the one way.
pub fn edited<K: Kind>(kind: &K, key: &str, typed: &str) -> Result<K, FieldError> {
    let spec = K::SPEC.tag.spec();
    let field = spec
        .fields
        .iter()
        .find(|f| f.key == key)
        .ok_or_else(|| FieldError::NoSuchField { kind: spec.tag, key: key.to_owned() })?;
    let value = check(spec.tag, field, typed, Mode::Edit)?;
    let mut changed = kind.clone();
    if let Some(slot) = super::Behaviour::field_mut(&mut changed, field.key) {
        *slot = value;
    }
    Ok(changed)
}
