//! The PDF recap, checked with a real reader: poppler's `pdfinfo`, `pdftotext`,
//! `pdfimages` and `pdftoppm` (Debian's poppler-utils, which `.ci/run` installs). Missing
//! tools fail the tests; they are never skipped.

use std::path::{Path, PathBuf};
use std::process::Command;

use moodboard::model::{Board, Edit, Item, ItemKind, Pos, Timestamp};

mod common;
use common::Env;

fn cafe() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/cafe-refresh.moodboard.ron")
}

/// What a poppler tool prints for `args`.
fn poppler(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} could not run ({e}): install poppler-utils, as .ci/run does"));
    assert!(out.status.success(), "{tool} {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn info(pdf: &Path) -> String {
    poppler("pdfinfo", &[pdf.to_str().unwrap()])
}

fn pages(pdf: &Path) -> usize {
    let info = info(pdf);
    let line = info.lines().find(|l| l.starts_with("Pages:")).expect("pdfinfo names the pages");
    line.trim_start_matches("Pages:").trim().parse().unwrap()
}

/// The width and height of page `n` in points.
fn page_size(pdf: &Path, n: usize) -> (f32, f32) {
    let n = n.to_string();
    let info = poppler("pdfinfo", &["-f", &n, "-l", &n, pdf.to_str().unwrap()]);
    let line = info.lines().find(|l| l.starts_with(&format!("Page {:>4} size:", n))).expect("pdfinfo gives the size");
    let numbers: Vec<f32> = line.split_whitespace().filter_map(|w| w.parse().ok()).collect();
    (numbers[1], numbers[2])
}

/// The text of the PDF in the order it was drawn, every run of white space one space.
fn text(pdf: &Path) -> String {
    let raw = poppler("pdftotext", &["-raw", "-enc", "UTF-8", pdf.to_str().unwrap(), "-"]);
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn load(board: &Path) -> Board {
    moodboard::storage::load(board).unwrap().board
}

#[test]
fn the_cafe_board_as_a_pdf_opens_in_poppler_with_its_text_pictures_and_a_page_per_frame() {
    let env = Env::new();
    let out = env.path("cafe.pdf");
    let said = env.ok(&[
        "export",
        cafe().to_str().unwrap(),
        "--format",
        "pdf",
        "--paper",
        "a4",
        "--lang",
        "en",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(said.contains("as PDF to"), "{said}");
    let board = load(&cafe());

    // The recap, then a page per frame, then one for the ideas in no frame.
    let loose = board.items.iter().any(|i| board.theme_of(i).is_none());
    assert!(!board.themes.is_empty());
    assert_eq!(pages(&out), 1 + board.themes.len() + usize::from(loose));
    assert!(info(&out).contains(&format!("Title:           {}", board.title)), "{}", info(&out));
    // Portrait A4 for the recap; each frame's page turned to suit its shape.
    assert_eq!(page_size(&out, 1), (595.28, 841.89));
    for (i, theme) in board.themes.iter().enumerate() {
        let (w, h) = page_size(&out, i + 2);
        assert_eq!(w > h, theme.frame.width() > theme.frame.height(), "page of {}", theme.name);
        assert_eq!(w.max(h), 841.89);
    }

    // Real text: the title, every goal, the outcome, who brought what, every frame's
    // name, and the words of every card.
    let text = text(&out);
    assert!(text.contains(&board.title), "{text}");
    for goal in &board.goals {
        assert!(text.contains(&one_line(goal)), "goal {goal:?} not in {text}");
    }
    for words in ["Outcome", "Most dots:", "Who brought ideas", "page 1 of"] {
        assert!(text.contains(words), "{words:?} not in {text}");
    }
    for theme in &board.themes {
        assert!(text.contains(&format!("{} —", theme.name)), "{} not in the contents: {text}", theme.name);
    }
    let mut cards = 0;
    for item in &board.items {
        let words = match &item.kind {
            ItemKind::Note(n) => n.text.clone(),
            ItemKind::Quote(q) => q.text.clone(),
            _ => continue,
        };
        assert!(text.contains(&one_line(&words)), "card {words:?} not in {text}");
        cards += 1;
    }
    assert!(cards >= 3);

    // Every picture drawn: one image in the PDF for each card with one, none larger than
    // its photo and none smaller than it is printed at 150 dpi or the photo itself.
    let listed = poppler("pdfimages", &["-list", out.to_str().unwrap()]);
    let images: Vec<Vec<String>> =
        listed.lines().skip(2).map(|l| l.split_whitespace().map(str::to_owned).collect()).collect();
    let pictures = board.items.iter().filter(|i| i.kind.picture().is_some()).count();
    assert_eq!(images.len(), pictures, "{listed}");
    assert!(images.iter().all(|cols| cols[2] == "image"), "{listed}");
    // And on the page: a page with a photo has the colours of one, not a flat placeholder.
    let first_photo_page = &images[0][0];
    let prefix = env.path("page");
    poppler(
        "pdftoppm",
        &[
            "-f",
            first_photo_page,
            "-l",
            first_photo_page,
            "-r",
            "40",
            "-png",
            out.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    let png = std::fs::read_dir(env.dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "png"))
        .expect("pdftoppm drew the page");
    let page = image::open(&png).unwrap().to_rgb8();
    let colours: std::collections::HashSet<[u8; 3]> = page.pixels().map(|p| p.0).collect();
    assert!(colours.len() > 500, "the page with a photo has only {} colours", colours.len());
}

#[test]
fn the_pdf_speaks_the_language_and_paper_it_is_asked_for() {
    let env = Env::new();
    let out = env.path("cafe.pdf");
    let cafe = cafe();
    let args = ["export", cafe.to_str().unwrap(), "--format", "pdf", "-o", out.to_str().unwrap()];
    env.ok(&[&args[..], &["--paper", "letter", "--lang", "nl"]].concat());
    assert_eq!(page_size(&out, 1), (612.0, 792.0));
    let text = text(&out);
    for words in ["Doelen", "Uitkomst", "De meeste stippen:", "Wie ideeën bracht", "pagina 1 van"] {
        assert!(text.contains(words), "{words:?} not in {text}");
    }
    for english in ["Goals", "Outcome", "Most dots", "page 1 of"] {
        assert!(!text.contains(english), "{english:?} in the Dutch PDF: {text}");
    }
    // The paper and language follow the environment when not asked for.
    let out2 = env.path("default.pdf");
    let run = env
        .command(&["export", cafe.to_str().unwrap(), "--format", "pdf", "-o", out2.to_str().unwrap()])
        .env_remove("LC_ALL")
        .env_remove("LANGUAGE")
        .env("LC_PAPER", "en_US.UTF-8")
        .env("LANG", "nl_NL.UTF-8")
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert_eq!(page_size(&out2, 1), (612.0, 792.0));
    assert!(text_of(&out2).contains("Doelen"));
}

fn text_of(pdf: &Path) -> String {
    text(pdf)
}

#[test]
fn one_theme_makes_the_recap_and_that_frames_page() {
    let env = Env::new();
    let out = env.path("warmth.pdf");
    let board = load(&cafe());
    let theme = &board.themes[0].name;
    env.ok(&["export", cafe().to_str().unwrap(), "--format", "pdf", "--theme", theme, "-o", out.to_str().unwrap()]);
    assert_eq!(pages(&out), 2);
    let text = text(&out);
    assert!(text.contains(&format!("{theme} —")), "{text}");
    for other in &board.themes[1..] {
        assert!(!text.contains(&other.name), "{} in a PDF of {theme}: {text}", other.name);
    }
}

#[test]
fn a_hostile_board_makes_a_readable_pdf_never_a_crash() {
    let env = Env::new();
    let board_path = env.path("hostile.moodboard.ron");
    let mut board =
        Board::new("Hostile \u{202E}txet\u{202C} ☕ \u{0007}title", Timestamp::from_unix_millis(1_700_000_000_000));
    board.goals = vec!["a goal\nover two lines".to_owned(), "x".repeat(2_000)];
    let at = Timestamp::from_unix_millis(1_700_000_000_000);
    let mut add = |kind: ItemKind, x: f32| {
        let mut item = Item::new(kind, Pos::new(x, 0.0), "Eve", "test", at);
        item.size = moodboard::model::Size { w: 300.0, h: 200.0 };
        Edit::InsertItem(Box::new(item)).apply(&mut board).unwrap();
    };
    // A picture whose file is gone, a note far too long for its card with a word longer
    // than any line, signs no font has, and right-to-left text.
    add(
        ItemKind::Image(moodboard::model::kinds::Image {
            asset: moodboard::model::AssetName::parse(&format!("{}.png", "ab".repeat(16))).unwrap(),
            file_name: "gone.png".into(),
            pixel_size: moodboard::model::PixelSize { w: 640, h: 480 },
            caption: "gone".into(),
            crop: None,
            turn: moodboard::model::Turn::default(),
            url: String::new(),
        }),
        0.0,
    );
    let long = format!("{} {}", "word ".repeat(4_000), "y".repeat(5_000));
    add(ItemKind::note(&long), 400.0);
    add(ItemKind::note("\u{E000}\u{10FFFF} مرحبا ♥ \u{0000}"), 800.0);
    moodboard::storage::save(&board_path, &board).unwrap();

    let out = env.path("hostile.pdf");
    env.ok(&["export", board_path.to_str().unwrap(), "--format", "pdf", "-o", out.to_str().unwrap()]);
    // The recap and the page of the ideas in no frame.
    assert_eq!(pages(&out), 2);
    let text = text(&out);
    assert!(text.contains("Missing image:"), "{text}");
    assert!(text.contains("No session was held"), "{text}");
    assert!(text.contains("a goal over two lines"), "{text}");

    // An empty board is a one-page recap.
    let empty = env.path("empty.moodboard.ron");
    moodboard::storage::save(&empty, &Board::new("Nothing yet", Timestamp::from_unix_millis(1_700_000_000_000)))
        .unwrap();
    let out = env.path("empty.pdf");
    env.ok(&["export", empty.to_str().unwrap(), "--format", "pdf", "-o", out.to_str().unwrap()]);
    assert_eq!(pages(&out), 1);
    assert!(text_of(&out).contains("0 ideas in no frames"), "{}", text_of(&out));
}
