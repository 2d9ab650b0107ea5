//! Text from others is inert (issue 26, finding 8): what a received board says is shown
//! by every command as text, never obeyed by the terminal, and every export keeps it in
//! its place whatever characters it holds.

use moodboard::model::{Board, Item, ItemKind, Pos, Timestamp};
use moodboard::storage;
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

mod common;
use common::Env;

const ESC: &str = "\u{1b}]0;owned\u{7}\u{1b}[2J";
const RLO: &str = "\u{202e}gnp.exe";
const HTML: &str = "<img src=x onerror=alert(1)>";

/// A board where every text a stranger controls carries terminal and markup tricks.
fn hostile_board() -> Board {
    let now = Timestamp::now();
    let mut board = Board::new(&format!("Kitchen{ESC}"), now);
    board.description = format!("First line\n- not a list\n1. not a list either\n{HTML}\r\r===");
    board.goals.push(format!("Calm{ESC}\r\n# not a heading"));
    let theme = board.new_theme(&format!("Warmth{RLO}\n## not a theme"), now);
    let theme_id = theme.id.clone();
    board.themes.push(theme);
    let kinds = [
        ItemKind::note(format!("{ESC} note\r\r{HTML}\n- two")),
        ItemKind::quote(format!("Said{ESC}\n\n{HTML}"), format!("Ann{RLO}"), "\r\n> cite"),
        ItemKind::link(format!("https://example.com/a b>\n<{HTML}"), format!("label\r\r{HTML}"), "note\n---"),
        ItemKind::colour(format!("#fff\r\r{HTML}"), format!("red{ESC}")),
        ItemKind::colour("#ff8800", "- orange"),
        ItemKind::link("https://example.com/tiles?a=1&b=<2>", "1. tiles", ""),
    ];
    for (i, kind) in kinds.into_iter().enumerate() {
        let mut item =
            Item::new(kind, Pos::new(0.0, i as f32 * 200.0), &format!("Bob{RLO}"), &format!("src\n{ESC}"), now);
        if i % 2 == 0 {
            item.theme = Some(theme_id.clone());
        }
        board.items.push(item);
    }
    board
}

fn assert_inert(what: &str, text: &str) {
    for bad in ['\u{1b}', '\u{7}', '\r', '\u{202e}'] {
        assert!(!text.contains(bad), "{what} writes {bad:?} raw:\n{text}");
    }
}

#[test]
fn every_command_shows_a_strangers_text_escaped() {
    let env = Env::new();
    storage::save(&env.path("theirs.moodboard.ron"), &hostile_board()).unwrap();
    env.ok(&["new", "ours"]);
    let runs: [&[&str]; 5] = [
        &["show", "theirs.moodboard.ron"],
        &["show", "theirs.moodboard.ron", "--ids"],
        &["check", "theirs.moodboard.ron"],
        &["merge", "ours.moodboard.ron", "theirs.moodboard.ron", "--dry-run"],
        &["lens", "theirs.moodboard.ron"],
    ];
    for args in runs {
        let out = env.run(args);
        let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert_inert(&format!("{args:?} (stdout)"), &stdout);
        assert_inert(&format!("{args:?} (stderr)"), &stderr);
        if args[0] == "show" {
            assert!(stdout.contains("Kitchen\\u{1b}]0;owned\\u{7}"), "shown as its escape:\n{stdout}");
            assert!(stdout.contains("\\u{202e}gnp.exe"), "{stdout}");
        }
    }
    // An error that names a stranger's text is inert too.
    let bad_name = format!("evil{ESC}.moodboard.ron");
    let err = env.fails(&["show", &bad_name]);
    assert_inert("an error", &err);
    assert!(err.contains("evil\\u{1b}"), "{err}");
}

/// What a CommonMark reader makes of the Markdown export.
struct Read {
    headings: Vec<(HeadingLevel, String)>,
    /// The top-level list items' texts, in order, under each level 2 heading.
    items: Vec<String>,
    html: Vec<String>,
    links: Vec<String>,
    text: String,
}

fn read(md: &str) -> Read {
    let mut r =
        Read { headings: Vec::new(), items: Vec::new(), html: Vec::new(), links: Vec::new(), text: String::new() };
    let (mut heading, mut depth, mut item) = (None::<(HeadingLevel, String)>, 0usize, None::<String>);
    for event in Parser::new(md) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level, String::new())),
            Event::End(TagEnd::Heading(_)) => r.headings.extend(heading.take()),
            Event::Start(Tag::List(_)) => depth += 1,
            Event::End(TagEnd::List(_)) => depth -= 1,
            Event::Start(Tag::Item) if depth == 1 => item = Some(String::new()),
            Event::End(TagEnd::Item) if depth == 1 => r.items.extend(item.take()),
            Event::Start(Tag::Link { dest_url, .. }) => r.links.push(dest_url.to_string()),
            Event::Html(h) | Event::InlineHtml(h) => r.html.push(h.to_string()),
            Event::Text(t) | Event::Code(t) => {
                r.text.push_str(&t);
                if let Some((_, h)) = &mut heading {
                    h.push_str(&t);
                }
                if let Some(i) = &mut item {
                    i.push_str(&t);
                }
            }
            _ => {}
        }
    }
    r
}

#[test]
fn the_markdown_export_keeps_every_field_in_its_place() {
    let board = hostile_board();
    let md = moodboard::export::to_markdown(&board);
    let r = read(&md);
    assert!(r.html.is_empty(), "no HTML gets through: {:?}\n{md}", r.html);
    assert!(r.text.contains(HTML), "shown as the text it is:\n{md}");
    // One title, one heading per group: no field made a heading of its own.
    let levels: Vec<_> = r.headings.iter().map(|(l, _)| *l).collect();
    assert_eq!(levels, [HeadingLevel::H1, HeadingLevel::H2, HeadingLevel::H2], "{:?}\n{md}", r.headings);
    assert!(r.headings[1].1.starts_with("Warmth"), "{:?}", r.headings);
    // The goal, the session recap (none) and one list item per idea: no field started one.
    let ideas = board.items.len();
    assert_eq!(r.items.len(), board.goals.len() + ideas, "{:#?}\n{md}", r.items);
    // The only link is the web address, whole; the one with a line break in it is text.
    assert_eq!(r.links, ["https://example.com/tiles?a=1&b=%3C2%3E"], "{md}");
    // The colour that is not one is text, the valid one code.
    assert!(r.items.iter().any(|i| i.contains("#fff") && i.contains(HTML)), "{:#?}", r.items);
    assert!(r.items.iter().any(|i| i.contains("#FF8800") && i.contains("- orange")), "{:#?}", r.items);
    // The description stays paragraphs of text.
    assert!(r.text.contains("- not a list") && r.text.contains("1. not a list either"), "{md}");
}
