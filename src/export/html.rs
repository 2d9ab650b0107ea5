//! HTML: one self-contained page, the recap for people who were not in the room.
//! Images are embedded at screen size; every piece of board text is escaped; links are
//! only active for http, https and mailto.

use std::fmt::Write as _;

use base64::Engine as _;

use crate::media;
use crate::model::kinds::{Recap, Remark};
use crate::model::{AssetName, Board, Item, Rgb, links};
use crate::storage::AssetStore;

/// Longest side of an embedded image, in pixels.
pub const EMBED_MAX_SIDE: u32 = 640;

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;\
color:#222;background:#faf8f5}h1{margin-bottom:.2rem}.goals{background:#fff3cd;padding:.6rem 1rem;\
border-radius:8px}section{margin:2rem 0;border-left:6px solid var(--c);padding-left:1rem}\
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:1rem}\
.card{background:#fff;border-radius:8px;padding:.8rem;box-shadow:0 1px 3px #0002;overflow-wrap:anywhere}\
.card img{max-width:100%;border-radius:4px}.who{color:#777;font-size:.8rem;margin-top:.5rem}\
.swatch{height:4rem;border-radius:4px}.sketch svg{width:100%;height:auto;background:#fcfbf8;border-radius:4px}blockquote{margin:0;font-style:italic}.note{white-space:pre-wrap}";

/// The board as one HTML page.
pub fn to_html(board: &Board, store: &AssetStore) -> String {
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width\"><title>{}</title><style>{STYLE}</style></head><body>\n",
        crate::i18n::language().tag(),
        esc(&board.title)
    );
    let _ = writeln!(h, "<h1>{}</h1>", esc(&board.title));
    if !board.description.trim().is_empty() {
        let _ = writeln!(h, "<p>{}</p>", esc(&board.description));
    }
    if !board.goals.is_empty() {
        let _ = write!(h, "<div class=\"goals\"><strong>{}</strong><ul>", esc(&crate::tr!("recap-goals")));
        for goal in &board.goals {
            let _ = write!(h, "<li>{}</li>", esc(goal));
        }
        h.push_str("</ul></div>\n");
    }
    let recap = super::session_recap(board);
    if !recap.is_empty() {
        let _ = write!(h, "<div class=\"goals\"><strong>{}</strong><ul>", esc(&crate::tr!("recap-session")));
        for line in recap {
            let _ = write!(h, "<li>{}</li>", esc(&line));
        }
        h.push_str("</ul></div>\n");
    }
    let unsorted = crate::tr!("theme-unsorted");
    for (theme, items) in super::grouped(board) {
        let colour = theme.and_then(|t| Rgb::parse_hex(&t.colour)).map_or("#999999".to_owned(), Rgb::to_hex);
        let name = theme.map_or(unsorted.as_str(), |t| t.name.as_str());
        let _ = writeln!(h, "<section style=\"--c:{colour}\"><h2>{}</h2><div class=\"cards\">", esc(name));
        for item in items {
            card(&mut h, board, item, store);
        }
        h.push_str("</div></section>\n");
    }
    let people = super::contributors(board);
    if !people.is_empty() {
        let list: Vec<String> = people.iter().map(|(who, n)| format!("{} ({n})", esc(who))).collect();
        let _ = writeln!(h, "<footer><p>{}</p></footer>", crate::tr!("recap-contributors", list = list.join(", ")));
    }
    h.push_str("</body></html>\n");
    h
}

fn card(h: &mut String, board: &Board, item: &Item, store: &AssetStore) {
    h.push_str("<div class=\"card\">");
    item.kind.behaviour().recap(&mut HtmlCard { h, store });
    let mut who = esc(&item.contributor);
    if !item.source.is_empty() {
        let _ = write!(who, "{}{}", if who.is_empty() { "" } else { " · " }, esc(&item.source));
    }
    if !who.is_empty() {
        let _ = write!(h, "<div class=\"who\">{who}</div>");
    }
    let recap = super::item_recap(board, item);
    if !recap.summary().is_empty() {
        let _ = write!(h, "<div class=\"who\">{}</div>", esc(&recap.summary()));
    }
    if !recap.replies.is_empty() {
        h.push_str("<ul class=\"replies\">");
        for (who, reply) in &recap.replies {
            let _ = write!(h, "<li><b>{}</b>: {}</li>", esc(who), esc(reply));
        }
        h.push_str("</ul>");
    }
    let connections = super::connections(board, item);
    if !connections.is_empty() {
        h.push_str("<ul class=\"connections\">");
        for line in connections {
            let _ = write!(h, "<li>{}</li>", esc(&line));
        }
        h.push_str("</ul>");
    }
    h.push_str("</div>\n");
}

/// An idea's parts as HTML, every text escaped (see [`Recap`]).
struct HtmlCard<'a> {
    h: &'a mut String,
    store: &'a AssetStore,
}

impl Recap for HtmlCard<'_> {
    fn words(&mut self, text: &str) {
        let _ = write!(self.h, "<div class=\"note\">{}</div>", esc(text));
    }

    fn quote(&mut self, text: &str, by: &str, citation: &str) {
        let _ = write!(self.h, "<blockquote>“{}”</blockquote>", esc(text));
        if !by.is_empty() || !citation.is_empty() {
            let sep = if by.is_empty() || citation.is_empty() { "" } else { ", " };
            let _ = write!(self.h, "<p>— {}{sep}<cite>{}</cite></p>", esc(by), esc(citation));
        }
    }

    fn link(&mut self, url: &str, label: &str) {
        if links::is_openable(url) {
            let _ = write!(self.h, "<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>", esc(url.trim()), esc(label));
        } else {
            let _ = write!(self.h, "<span>{}</span> <code>{}</code>", esc(label), esc(url));
        }
    }

    fn remark(&mut self, remark: Remark, text: &str) {
        if text.is_empty() {
            return;
        }
        let _ = match remark {
            Remark::Site => write!(self.h, " <small>{}</small>", esc(text)),
            Remark::Description => write!(self.h, "<p class=\"description\">{}</p>", esc(text)),
            Remark::Note | Remark::Caption => write!(self.h, "<p>{}</p>", esc(text)),
            Remark::Source => {
                self.h.push_str("<p class=\"who\">");
                self.link(text, &crate::tr!("recap-source"));
                write!(self.h, "</p>")
            }
        };
    }

    fn picture(&mut self, asset: &AssetName, turn: crate::model::Turn, name: &str) {
        let _ = match embed(self.store, asset, turn) {
            Some(data) => write!(self.h, "<img src=\"data:image/jpeg;base64,{data}\" alt=\"{}\">", esc(name)),
            None => {
                let said = crate::tr!("export-missing-picture", name = name);
                write!(self.h, "<p><em>{}</em></p>", esc(&said))
            }
        };
    }

    fn swatch(&mut self, hex: &str, name: &str) {
        let shown = Rgb::parse_hex(hex).map_or("#cccccc".to_owned(), Rgb::to_hex);
        let _ = write!(
            self.h,
            "<div class=\"swatch\" style=\"background:{shown}\"></div><p>{} {}</p>",
            esc(hex),
            esc(name)
        );
    }

    fn heading(&mut self, text: &str) {
        let _ = write!(self.h, "<h3 class=\"heading\">{}</h3>", esc(text));
    }

    /// The strokes as vectors in the page: only numbers and checked colours, nothing to
    /// escape.
    fn drawing(&mut self, sketch: &crate::model::kinds::Sketch) {
        let _ = write!(self.h, "<div class=\"sketch\">{}</div>", sketch.svg(sketch.area.w, sketch.area.h));
    }
}

/// The image as a base64 JPEG at most [`EMBED_MAX_SIDE`] pixels wide or high.
fn embed(store: &AssetStore, asset: &AssetName, turn: crate::model::Turn) -> Option<String> {
    let bytes = store.read_verified(asset).ok()?;
    let jpeg = media::small_jpeg_turned(&bytes, EMBED_MAX_SIDE, 85, turn).ok()?;
    Some(base64::engine::general_purpose::STANDARD.encode(jpeg))
}

/// Escapes text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}
