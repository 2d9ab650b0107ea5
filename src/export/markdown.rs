//! Markdown: goals and items by theme, for wikis and chat.

use std::fmt::Write as _;

use crate::model::kinds::{Recap, Remark};
use crate::model::{Board, links};

/// The board as Markdown. Board text is escaped so that it cannot inject HTML or
/// markup into a wiki page; links are only made for http, https and mailto.
pub fn to_markdown(board: &Board) -> String {
    let mut md = String::new();
    let _ = writeln!(md, "# {}\n", esc(&board.title));
    if !board.description.trim().is_empty() {
        let _ = writeln!(md, "{}\n", esc_paragraphs(&board.description));
    }
    if !board.goals.is_empty() {
        let _ = writeln!(md, "**{}**\n", esc(&crate::tr!("recap-goals")));
        for goal in &board.goals {
            let _ = writeln!(md, "- {}", esc(goal));
        }
        md.push('\n');
    }
    let recap = super::session_recap(board);
    if !recap.is_empty() {
        let _ = writeln!(md, "**{}**\n", esc(&crate::tr!("recap-session")));
        for line in recap {
            let _ = writeln!(md, "- {}", esc(&line));
        }
        md.push('\n');
    }
    let unsorted = crate::tr!("theme-unsorted");
    for (theme, items) in super::grouped(board) {
        let _ = writeln!(md, "## {}\n", esc(theme.map_or(unsorted.as_str(), |t| t.name.as_str())));
        for item in items {
            let mut text = String::new();
            item.kind.behaviour().recap(&mut MarkdownCard(&mut text));
            let mut by = String::new();
            if !item.contributor.is_empty() {
                by.push_str(&esc(&item.contributor));
            }
            if !item.source.is_empty() {
                let _ = write!(by, "{}{}", if by.is_empty() { "" } else { ", " }, esc(&item.source));
            }
            let by = if by.is_empty() { String::new() } else { format!(" _({by})_") };
            let _ = writeln!(md, "- {text}{by}");
            let recap = super::item_recap(board, item);
            if !recap.summary().is_empty() {
                let _ = writeln!(md, "  - {}", esc(&recap.summary()));
            }
            for (who, reply) in &recap.replies {
                let _ = writeln!(md, "  - {}: {}", esc(who), esc(reply));
            }
            for line in super::connections(board, item) {
                let _ = writeln!(md, "  - {}", esc(&line));
            }
        }
        md.push('\n');
    }
    let people = super::contributors(board);
    if !people.is_empty() {
        let list: Vec<String> = people.iter().map(|(who, n)| format!("{} ({n})", esc(who))).collect();
        let _ = writeln!(md, "*{}*", crate::tr!("recap-contributors", list = list.join(", ")));
    }
    md
}

/// An idea's parts as one line of Markdown, every text escaped (see [`Recap`]).
struct MarkdownCard<'a>(&'a mut String);

impl Recap for MarkdownCard<'_> {
    fn words(&mut self, text: &str) {
        self.0.push_str(&esc(text));
    }

    fn quote(&mut self, text: &str, by: &str, citation: &str) {
        let _ = write!(self.0, "“{}”", esc(text));
        if !by.is_empty() {
            let _ = write!(self.0, " — {}", esc(by));
        }
        if !citation.is_empty() {
            let _ = write!(self.0, ", *{}*", esc(citation));
        }
    }

    fn link(&mut self, url: &str, label: &str) {
        if links::is_openable(url) {
            let _ = write!(self.0, "[{}](<{}>)", esc(label), destination(url));
        } else {
            let _ = write!(self.0, "{} ({})", esc(label), esc(url));
        }
    }

    /// A link's note, a picture's caption and where it came from; a site and description
    /// stay out of the one line.
    fn remark(&mut self, remark: Remark, text: &str) {
        if text.is_empty() {
            return;
        }
        match remark {
            Remark::Note => {
                let _ = write!(self.0, ": {}", esc(text));
            }
            Remark::Caption => {
                let _ = write!(self.0, " — {}", esc(text));
            }
            Remark::Source => {
                self.0.push_str(" (");
                self.link(text, &crate::tr!("recap-source"));
                self.0.push(')');
            }
            Remark::Site | Remark::Description => {}
        }
    }

    fn picture(&mut self, _asset: &crate::model::AssetName, _turn: crate::model::Turn, name: &str) {
        let _ = write!(self.0, "{}", esc(&crate::tr!("recap-image", name = name)));
    }

    /// A heading's words in bold (the recap's own headings are the themes').
    fn heading(&mut self, text: &str) {
        let _ = write!(self.0, "**{}**", esc(text));
    }

    /// Markdown has no pictures of its own: how much was drawn.
    fn drawing(&mut self, sketch: &crate::model::kinds::Sketch) {
        let _ = write!(self.0, "{}", crate::tr!("recap-sketch", count = sketch.strokes.len()));
    }

    /// A valid colour as code; anything else in the field as the text it is.
    fn swatch(&mut self, hex: &str, name: &str) {
        match crate::model::Rgb::parse_hex(hex) {
            Some(rgb) => {
                let hex = format!("`{}`", rgb.to_hex());
                let _ = write!(self.0, "{}", crate::tr!("recap-colour", hex = hex, name = esc(name)));
            }
            None => {
                let _ = write!(self.0, "{}", crate::tr!("recap-colour", hex = esc(hex), name = esc(name)));
            }
        }
    }
}

/// Escapes Markdown and HTML so that board text shows as written, on one line: every line
/// break and control character becomes a space, so no field can end its list item,
/// heading or paragraph and start markup of its own, and a start that would open a block
/// (a list, a heading underline) is escaped too.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.trim().chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '!' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => out.push(' '),
            _ => out.push(c),
        }
    }
    let digits = out.len() - out.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if out.starts_with(['-', '+', '=']) {
        out.insert(0, '\\');
    } else if digits > 0 && out[digits..].starts_with(['.', ')']) {
        out.insert(digits, '\\');
    }
    out
}

/// Text of several paragraphs (a description): each line escaped as [`esc`] does.
fn esc_paragraphs(s: &str) -> String {
    s.trim().split(['\n', '\r', '\u{2028}', '\u{2029}']).map(esc).collect::<Vec<_>>().join("\n")
}

/// A link's address as a Markdown destination: within `<…>`, where only `<`, `>`, line
/// breaks and spaces could end it, so those are percent-encoded.
fn destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.trim().chars() {
        match c {
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            ' ' => out.push_str("%20"),
            c if c.is_control() || c.is_whitespace() => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    let _ = write!(out, "%{b:02X}");
                }
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Item, ItemKind, Pos, Timestamp};

    #[test]
    fn text_is_escaped_and_only_web_links_are_links() {
        let now = Timestamp::now();
        let mut board = Board::new("Evil <script>", now);
        board.goals.push("*bold* [x](javascript:alert(1))".into());
        for kind in [
            ItemKind::note("<img src=x onerror=alert(1)>"),
            ItemKind::link("javascript:alert(1)", "click", ""),
            ItemKind::link("https://example.com", "ok", ""),
        ] {
            board.items.push(Item::new(kind, Pos::default(), "Ann", "customer", now));
        }
        let md = to_markdown(&board);
        assert!(!md.contains("<script>") && !md.contains("<img"), "{md}");
        assert!(md.contains("\\[x\\](javascript:alert(1))"), "{md}");
        assert!(md.contains("click (javascript:alert(1))"), "{md}");
        assert!(md.contains("[ok](<https://example.com>)"), "{md}");
        assert!(md.contains("Contributors: Ann (3)"), "{md}");
    }
}
