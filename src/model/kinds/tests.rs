//! The laws every kind keeps, checked for every kind in the registry: a kind added by
//! the recipe (docs/ARCHITECTURE.md) is checked by these without a line more.

use std::collections::HashSet;

use super::*;
use crate::i18n::{Lang, lookup};
use crate::model::{Arg, Board, Item, Pos, Timestamp};

/// One idea of every kind, with every field filled.
fn one_of_each() -> Vec<ItemKind> {
    KindTag::ALL
        .iter()
        .map(|&tag| {
            let spec = tag.spec();
            if !spec.typed {
                // Imported kinds are made by an import; the fixture of each is its default.
                return match tag {
                    KindTag::Image => Image::default().into(),
                    KindTag::Sketch => ItemKind::sketch(vec![sketch::Stroke {
                        colour: "#00798C".into(),
                        width: 7.0,
                        pressure: true,
                        points: vec![[10.0, 10.0, 0.4], [80.0, 60.0, 0.8]],
                    }]),
                    _ => tag.build(&Fields::new()).unwrap_or_else(|e| panic!("{tag:?}: {e:?}")),
                };
            }
            let mut fields = Fields::defaults(tag);
            for field in spec.fields {
                let value = match field.ty {
                    FieldType::Address => "https://example.com/page",
                    FieldType::Colour => "#6BA292",
                    FieldType::Text => "Words of it",
                };
                fields.set(field.key, value);
            }
            tag.build(&fields).unwrap_or_else(|e| panic!("{tag:?}: {e:?}"))
        })
        .collect()
}

#[test]
fn every_kind_is_registered_once_under_its_own_name_flag_and_key() {
    let (mut names, mut flags, mut keys) = (HashSet::new(), HashSet::new(), HashSet::new());
    for (i, &tag) in KindTag::ALL.iter().enumerate() {
        let spec = tag.spec();
        assert_eq!(spec.tag, tag, "{tag:?}'s spec names another kind");
        assert_eq!(tag as usize, i, "ALL is in declaration order");
        assert_eq!(KindTag::named(spec.name), Some(tag));
        assert!(names.insert(spec.name), "two kinds are called {}", spec.name);
        if let Some(flag) = spec.flag {
            assert!(flags.insert(flag.long), "--{} adds two kinds", flag.long);
        }
        assert!(spec.flag.is_some() || spec.drawn, "{tag:?} cannot be added from the command line");
        for field in spec.fields {
            if let Some(flag) = field.flag {
                assert!(flags.insert(flag.long), "--{} is taken twice", flag.long);
            }
        }
        if let Some(key) = spec.key {
            assert!(keys.insert(key), "the key {key} opens two forms");
        }
        assert!(!spec.fields.is_empty() || !spec.typed, "{tag:?} is typed but has no field");
    }
}

#[test]
fn every_field_of_the_spec_is_a_field_of_the_kind() {
    for kind in one_of_each() {
        let spec = kind.spec();
        let mut fields = kind.clone();
        for field in spec.fields {
            assert!(kind.behaviour().field(field.key).is_some(), "{:?} has no field {}", kind.tag(), field.key);
            assert!(fields.behaviour_mut().field_mut(field.key).is_some());
            assert!(field.max_chars > 0 && field.max_chars <= fields::LONG, "{}: {}", spec.name, field.key);
        }
        assert!(kind.behaviour().field("no such field").is_none());
    }
}

/// Every message a kind names exists in both languages, and its arguments are filled.
#[test]
fn every_word_of_every_kind_is_in_both_languages() {
    for lang in Lang::ALL {
        let has = |id: &str| lookup(lang, id, None).is_some_and(|t| !t.is_empty());
        for &tag in KindTag::ALL {
            let spec = tag.spec();
            let mut ids = vec![spec.title_id(), spec.name_id(), spec.add_id(), spec.new_id()];
            ids.extend(spec.flag.map(|flag| flag.help.to_owned()));
            ids.push(format!("cmd-add-{}", spec.name));
            ids.push(format!("cmd-add-{}-help", spec.name));
            for field in spec.fields {
                ids.extend(
                    [field.label, field.missing, field.step]
                        .iter()
                        .filter(|id| !id.is_empty())
                        .map(|id| id.to_string()),
                );
                for hint in [field.hint, field.form_hint] {
                    if let Hint::Said(id) = hint {
                        ids.push(id.to_owned());
                    }
                }
                if let Some(flag) = field.flag {
                    ids.push(flag.help.to_owned());
                }
            }
            for id in ids {
                assert!(has(&id), "{lang:?} has no message {id} ({tag:?})");
            }
        }
        for kind in one_of_each() {
            for detail in kind.behaviour().details() {
                let message = match &detail {
                    Detail::Info(m) | Detail::Warning(m) => m.clone(),
                    Detail::Open(_) => continue,
                    Detail::Change { label, help, .. } => {
                        assert!(has(label) && has(help), "{lang:?}: {label} {help}");
                        continue;
                    }
                };
                let said = crate::i18n::say_in(lang, &message);
                assert!(!said.contains("{") && said != message.id, "{lang:?}: {said}");
            }
        }
    }
}

#[test]
fn a_kind_is_written_to_files_as_before() {
    let note = ItemKind::note("Open shelves?");
    assert_eq!(ron::to_string(&note).unwrap(), r#"Note(text:"Open shelves?")"#);
    let quote: ItemKind = ron::from_str(r#"Quote(text: "Less", by: "Rams", citation: "")"#).unwrap();
    assert_eq!(quote, ItemKind::quote("Less", "Rams", ""));
    assert_eq!(
        serde_json::to_string(&ItemKind::colour("#E4B363", "Sun")).unwrap(),
        r##"{"Colour":{"hex":"#E4B363","name":"Sun"}}"##
    );
    for kind in one_of_each() {
        let text = ron::to_string(&kind).unwrap();
        assert_eq!(ron::from_str::<ItemKind>(&text).unwrap(), kind, "{text}");
        assert!(text.starts_with(&format!("{:?}(", kind.tag())), "a struct variant: {text}");
    }
    let unknown = ron::from_str::<ItemKind>(r#"Sketch(strokes: [])"#).unwrap_err();
    assert!(unknown.to_string().contains("Sketch"), "{unknown}");
    let missing = ron::from_str::<ItemKind>(r#"Note()"#).unwrap_err();
    assert!(missing.to_string().contains("text"), "{missing}");
}

#[test]
fn typed_ideas_are_checked_by_their_fields() {
    let e = KindTag::Note.build(&Fields::new().with("text", "  ")).unwrap_err();
    assert!(matches!(e, FieldError::Missing { kind: KindTag::Note, .. }), "{e:?}");
    let long = "x".repeat(fields::LONG + 1);
    let e = KindTag::Note.build(&Fields::new().with("text", long.as_str())).unwrap_err();
    assert!(matches!(e, FieldError::TooLong { found, .. } if found == fields::LONG + 1), "{e:?}");
    let e = KindTag::Colour.build(&Fields::new().with("hex", "reddish")).unwrap_err();
    assert_eq!(e, FieldError::NotAColour { typed: "reddish".into() });
    assert!(matches!(KindTag::Image.build(&Fields::new()), Err(FieldError::NotTyped(KindTag::Image))));
    let link = KindTag::Link.build(&Fields::new().with("url", " www.example.com ")).unwrap();
    assert_eq!(link.behaviour().address(), Some("https://www.example.com"), "addresses are written the one way");
    // An edit keeps what was typed, but still checks it.
    let note = ItemKind::note("a");
    assert_eq!(note.edited("text", "b \n").unwrap(), ItemKind::note("b \n"));
    assert!(ItemKind::colour("#FFFFFF", "").edited("hex", "nope").is_err());
    assert!(matches!(note.edited("hex", "#FFF"), Err(FieldError::NoSuchField { .. })));
}

#[test]
fn pasted_text_goes_to_the_kind_that_recognises_it() {
    let pasted = |t: &str| ItemKind::from_pasted(t).unwrap().unwrap();
    assert_eq!(pasted("https://example.com").tag(), KindTag::Link);
    assert_eq!(pasted("“Less, but better”"), ItemKind::quote("Less, but better", "", ""));
    assert_eq!(pasted("Open shelves?"), ItemKind::note("Open shelves?"));
    assert_eq!(pasted("\"https://example.com\"").tag(), KindTag::Quote, "quoted, it is words");
}

/// A painter that writes down what it is asked to draw.
#[derive(Default)]
struct Recorder(Vec<String>);

impl CardPainter for Recorder {
    fn fill(&mut self, area: BoardRect, paint: Paint) {
        assert!(area.min.x <= area.max.x && area.min.y <= area.max.y, "{area:?}");
        self.0.push(format!("fill {paint:?}"));
    }
    fn text(&mut self, _: BoardRect, text: &str, _: TextStyle) {
        self.0.push(format!("text {text}"));
    }
    fn line(&mut self, _: BoardRect, text: &str, _: TextStyle, _: Align) {
        self.0.push(format!("line {text}"));
    }
    fn mark(&mut self, _: crate::model::Pos, text: &str, _: TextStyle) {
        self.0.push(format!("mark {text}"));
    }
    fn picture(
        &mut self,
        _: BoardRect,
        asset: &AssetName,
        _: Option<crate::model::Crop>,
        _: crate::model::Turn,
        fit: Fit,
        _: &str,
    ) {
        self.0.push(format!("picture {asset} {fit:?}"));
    }
    fn drawing(&mut self, _: BoardRect, sketch: &Sketch) {
        self.0.push(format!("drawing {}", sketch.strokes.len()));
    }
    fn text_height(&self, text: &str, style: TextStyle, width: f32) -> f32 {
        metrics::lines(text, style.size, width) as f32 * style.size
    }
    fn readable(&self, _: f32) -> bool {
        true
    }
    fn say(&self, message: &Message) -> String {
        let args: Vec<String> = message
            .args
            .iter()
            .map(|(name, value)| match value {
                Arg::Text(t) => format!("{name}={t}"),
                Arg::Number(n) => format!("{name}={n}"),
                Arg::Said(m) => format!("{name}={}", m.id),
                Arg::List(ms) => format!("{name}={}", ms.len()),
            })
            .collect();
        format!("{}({})", message.id, args.join(","))
    }
}

/// A recap that writes down its parts.
#[derive(Default)]
struct Parts(Vec<String>);

impl Recap for Parts {
    fn words(&mut self, text: &str) {
        self.0.push(format!("words {text}"));
    }
    fn quote(&mut self, text: &str, by: &str, citation: &str) {
        self.0.push(format!("quote {text}|{by}|{citation}"));
    }
    fn link(&mut self, url: &str, label: &str) {
        self.0.push(format!("link {url}|{label}"));
    }
    fn remark(&mut self, remark: Remark, text: &str) {
        self.0.push(format!("remark {remark:?} {text}"));
    }
    fn picture(&mut self, asset: &AssetName, _: crate::model::Turn, name: &str) {
        self.0.push(format!("picture {asset}|{name}"));
    }
    fn swatch(&mut self, hex: &str, name: &str) {
        self.0.push(format!("swatch {hex}|{name}"));
    }
    fn drawing(&mut self, sketch: &Sketch) {
        self.0.push(format!("drawing {}", sketch.strokes.len()));
    }
}

/// Every kind draws something, says something in a recap and on a phone, and its text
/// edited on the card lies inside the card.
#[test]
fn every_kind_draws_writes_and_shows_itself() {
    for kind in one_of_each() {
        let card = Card::of_size(kind.default_size());
        assert!(card.size.is_valid(), "{:?}: {:?}", kind.tag(), card.size);
        let mut painter = Recorder::default();
        kind.behaviour().paint(&card, &mut painter);
        assert!(!painter.0.is_empty(), "{:?} draws nothing", kind.tag());
        let mut recap = Parts::default();
        kind.behaviour().recap(&mut recap);
        assert!(!recap.0.is_empty(), "{:?} writes nothing", kind.tag());
        let phone = kind.behaviour().on_phone();
        let shows_nothing = phone.text.is_empty() && phone.url.is_empty() && phone.title.is_empty();
        assert!(!shows_nothing || !kind.spec().typed, "{:?} shows nothing on a phone", kind.tag());
        assert!(!kind.summary().is_empty() || !kind.spec().typed, "{:?}", kind.tag());
        if let Some(key) = kind.behaviour().edited_on_card() {
            assert!(kind.spec().field(key).is_some(), "{:?} edits {key} on the card", kind.tag());
            let (area, _) = kind.behaviour().text_area(&card).expect("a place for the text edited on the card");
            let inside = card.rect();
            assert!(area.min.x >= inside.min.x && area.max.x <= inside.max.x, "{:?}: {area:?}", kind.tag());
        }
        let item = Item::new(kind.clone(), Pos::new(0.0, 0.0), "Ann", "own team", Timestamp::now());
        assert!(kind.texts().iter().all(|t| item.matches(t) || t.is_empty()));
    }
    let mut painter = Recorder::default();
    ItemKind::note("Think of a cow")
        .behaviour()
        .paint(&Card { prompt: true, ..Card::of_size(Size::new(260.0, 200.0)) }, &mut painter);
    assert!(painter.0.contains(&"fill Prompt".to_owned()) && painter.0.contains(&"line card-prompt()".to_owned()));
}

#[test]
fn a_link_shows_its_preview_picture_and_takes_a_page_preview() {
    let mut link = ItemKind::link("https://example.com", "Typed title", "");
    let picture = AssetName::from_hash("0123456789abcdef0123456789abcdef", "jpg").unwrap();
    link.take_preview(Preview {
        title: "The page's title".into(),
        description: "About tiles".into(),
        site: "Example".into(),
        picture: Some(picture.clone()),
    });
    assert_eq!(link.picture(), Some(&picture));
    assert!(link.summary().starts_with("Typed title"), "what was typed wins: {}", link.summary());
    let mut painter = Recorder::default();
    link.behaviour().paint(&Card::of_size(link.default_size()), &mut painter);
    assert!(painter.0.iter().any(|p| p.starts_with("picture") && p.ends_with("Cover")), "{:?}", painter.0);
    let mut board = Board::new("t", Timestamp::now());
    board.items.push(Item::new(link, Pos::new(0.0, 0.0), "Ann", "own team", Timestamp::now()));
    assert!(board.image_assets().contains(&picture));
}
