//! A sticker: a short word or sign stuck on the board ("wow", "★", "?!"). This kind is
//! not part of Moodboard: the test `tests/kind_recipe.rs` adds it to a copy of the
//! source by the recipe in docs/ARCHITECTURE.md (this file, one line in `kinds!`, its
//! messages, a format note) and runs these tests there.

use serde::{Deserialize, Serialize};

use super::metrics::QUOTE_FONT;
use super::paint::{Align, Card, CardPainter, Ink, Paint, TextStyle};
use super::{Behaviour, Field, Flag, Hint, Kind, KindSpec, KindTag, Paste, PhoneCard, Recap};
use crate::model::{BoardRect, Size};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Sticker {
    pub sign: String,
}

const FIELDS: [Field; 1] = [Field::text("sign", "sticker-sign")
    .required("sticker-need-sign")
    .hint(Hint::Said("sticker-sign-hint"))
    .step("step-change-sticker")
    .api("text")];

impl Kind for Sticker {
    const SPEC: KindSpec = KindSpec {
        tag: KindTag::Sticker,
        name: "sticker",
        icon: "★",
        key: Some("J"),
        fields: &FIELDS,
        typed: true,
        drawn: false,
        flag: Some(Flag { long: "sticker", alias: None, value_name: "SIGN", help: "cli-add-sticker" }),
        phones: true,
        paste: Paste::Never,
    };
}

const SIGN: TextStyle = TextStyle::new(QUOTE_FONT * 2.0, Ink::Note);

fn area(card: &Card) -> BoardRect {
    card.inner()
}

impl Behaviour for Sticker {
    fn field(&self, key: &str) -> Option<&str> {
        (key == "sign").then_some(self.sign.as_str())
    }

    fn field_mut(&mut self, key: &str) -> Option<&mut String> {
        (key == "sign").then_some(&mut self.sign)
    }

    fn default_size(&self) -> Size {
        Size::new(180.0, 120.0)
    }

    fn texts(&self) -> Vec<&str> {
        vec![&self.sign]
    }

    fn summary(&self) -> String {
        self.sign.clone()
    }

    fn edited_on_card(&self) -> Option<&'static str> {
        Some("sign")
    }

    fn paint(&self, card: &Card, painter: &mut dyn CardPainter) {
        painter.fill(card.rect(), Paint::Note);
        painter.line(area(card), &self.sign, SIGN, Align::LeftTop);
    }

    fn text_area(&self, card: &Card) -> Option<(BoardRect, TextStyle)> {
        Some((area(card), SIGN))
    }

    fn recap(&self, recap: &mut dyn Recap) {
        recap.words(&self.sign);
    }

    fn on_phone(&self) -> PhoneCard {
        PhoneCard { text: self.sign.clone(), ..PhoneCard::default() }
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use clap::Parser as _;
    use egui_kittest::kittest::Queryable as _;

    use super::*;
    use crate::model::{Board, Item, ItemKind, Pos, Timestamp};

    fn sticker(sign: &str) -> ItemKind {
        Sticker { sign: sign.into() }.into()
    }

    /// The command line: `moodboard add BOARD --sticker SIGN` makes one.
    #[test]
    fn the_command_line_adds_it() {
        let cli = crate::cli::Cli::try_parse_from(["moodboard", "add", "b", "--sticker", " wow "]).unwrap();
        let Some(crate::cli::Command::Add(args)) = cli.command else { panic!("an add") };
        assert_eq!(args.what.kind, KindTag::Sticker);
        assert_eq!(args.what.kind.build(&args.what.fields).unwrap(), sticker("wow"));
        let help = crate::cli::Cli::try_parse_from(["moodboard", "add", "--help"]).unwrap_err().to_string();
        assert!(help.contains("--sticker <SIGN>") && help.contains("A sticker"), "{help}");
    }

    /// The app: its command, menu entry, shortcut and toolbar button, and its words in
    /// both languages.
    #[test]
    fn the_app_offers_it_in_both_languages() {
        let command = crate::ui::Command::Add(KindTag::Sticker);
        assert!(crate::ui::Command::all().any(|c| c == command));
        assert_eq!(command.menu(), crate::ui::commands::Menu::Add);
        assert!(command.shortcut().is_some());
        for lang in crate::i18n::Lang::ALL {
            for id in ["kind-sticker", "cmd-add-sticker", "capture-add-sticker", "sticker-sign"] {
                assert!(crate::i18n::lookup(lang, id, None).is_some(), "{lang:?} {id}");
            }
        }
    }

    /// The join page offers it to phones, and the join API makes one from a body.
    #[test]
    fn phones_can_add_it() {
        let kinds = crate::host::state::phone_kinds(crate::i18n::Lang::En);
        let on_phones = kinds.iter().find(|k| k.name == "sticker").expect("phones are offered stickers");
        assert_eq!(on_phones.fields.iter().map(|f| f.api).collect::<Vec<_>>(), ["text"]);
        assert!(crate::host::state::field_inputs(&kinds).contains("id=\"text\""));
    }

    /// Exports write it, the file format keeps it, and the canvas draws it.
    #[test]
    fn exports_files_and_the_canvas_take_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.moodboard.ron");
        let now = Timestamp::now();
        let mut board = Board::new("b", now);
        board.items.push(Item::new(sticker("wow"), Pos::new(0.0, 0.0), "Ann", "own team", now));
        let store = crate::storage::AssetStore::for_board(&path);
        assert!(crate::export::to_markdown(&board).contains("wow"));
        assert!(crate::export::to_html(&board, &store).contains("wow"));
        assert!(!crate::export::render_png(&board, &store).unwrap().is_empty());
        crate::storage::create(&path, &board).unwrap();
        let written = std::fs::read_to_string(&path).unwrap();
        assert!(written.contains("kind: Sticker(") && written.contains("sign: \"wow\""), "{written}");
        assert_eq!(crate::storage::load(&path).unwrap().board.items[0].kind, sticker("wow"));
        assert_eq!(crate::cli::render_board(&board, false).matches("sticker  wow").count(), 1);
    }

    /// In the window: its key opens its form, its field takes the sign, Add puts it on
    /// the board.
    #[test]
    fn the_window_adds_one_from_its_form() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.moodboard.ron");
        crate::storage::create(&path, &Board::new("b", Timestamp::now())).unwrap();
        let startup = crate::app::Startup {
            board: Some(path.clone()),
            boards_dir: dir.path().join("boards"),
            prefs: crate::prefs::Prefs { name: "Tess".into(), offline: true, language: Some(crate::i18n::Lang::En), ..Default::default() },
            file_dialogs: crate::app::DialogKind::InWindow,
            thumbs_dir: Some(dir.path().join("thumbs")),
            live_dir: Some(dir.path().join("live")),
            library_dir: Some(dir.path().join("library")),
            templates_dir: Some(dir.path().join("templates")),
            ..Default::default()
        };
        let mut h = egui_kittest::Harness::builder()
            .with_size(egui::Vec2::new(1200.0, 800.0))
            .build_eframe(move |cc| crate::app::MoodboardApp::new(&cc.egui_ctx, startup));
        h.run_steps(3);
        h.key_press(egui::Key::J);
        h.run_steps(3);
        let field = h.get_by_label("Sign");
        field.focus();
        field.type_text("wow");
        h.run_steps(1);
        h.get_by_role_and_label(egui::accesskit::Role::Button, "Add sticker").click();
        let deadline = Instant::now() + Duration::from_secs(10);
        while h.state().doc().board().items.is_empty() && Instant::now() < deadline {
            h.run_steps(2);
        }
        assert_eq!(h.state().doc().board().items[0].kind, sticker("wow"));
        assert!(h.query_by_label("Sticker: wow").is_some(), "its card is on the canvas");
    }
}
