//! Boards for people without the app: a self-contained HTML recap, Markdown for wikis
//! and chat, a PNG picture of the board (or one theme), a PDF recap to print or send to
//! those who were not there, and JSON Canvas (`.canvas`, the open format Obsidian and
//! others read), which can also be imported.

pub mod canvas;
pub(crate) mod html;
mod markdown;
mod pdf;
mod png;

use std::path::Path;

use crate::model::{Board, Item, Theme};
use crate::storage::{self, AssetStore, SaveError};

pub use canvas::{CanvasError, CanvasNodes, read_canvas};
pub use html::to_html;
pub use markdown::to_markdown;
pub use pdf::{Paper, PdfError, PdfOptions, render_pdf};
pub use png::{PngError, render_picture, render_png};

/// What to export to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Html,
    #[value(name = "md")]
    Markdown,
    Png,
    Pdf,
    Canvas,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 5] = [Self::Html, Self::Markdown, Self::Png, Self::Pdf, Self::Canvas];

    pub fn extension(self) -> &'static str {
        match self {
            Self::Html => "html",
            Self::Markdown => "md",
            Self::Png => "png",
            Self::Pdf => "pdf",
            Self::Canvas => "canvas",
        }
    }

    /// The message id of its name: `export-html` ("Web page (HTML)").
    pub fn title_id(self) -> &'static str {
        match self {
            Self::Html => "export-html",
            Self::Markdown => "export-markdown",
            Self::Png => "export-png",
            Self::Pdf => "export-pdf",
            Self::Canvas => "export-canvas",
        }
    }
}

/// Why an export failed. Nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    NoSuchTheme(String),
    Save(#[from] SaveError),
    Png(#[from] PngError),
    Pdf(#[from] PdfError),
}

impl crate::i18n::Said for ExportError {
    fn message(&self) -> crate::i18n::Message {
        match self {
            ExportError::NoSuchTheme(name) => {
                crate::i18n::Message::new("export-no-such-theme").with("name", format!("{name:?}"))
            }
            ExportError::Save(e) => crate::i18n::Said::message(e),
            ExportError::Png(e) => crate::i18n::Said::message(e),
            ExportError::Pdf(e) => crate::i18n::Said::message(e),
        }
    }
}

crate::said_as_printed!(ExportError);

/// What an export is made with besides the board.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Only this theme's items (PNG, PDF, HTML and Markdown).
    pub theme: Option<String>,
    /// The PDF's paper.
    pub paper: Paper,
    /// The language of the words the export adds ("Goals", "Most dots", a PDF's page
    /// numbers): the interface's in the app, the environment's on the command line.
    pub lang: crate::i18n::Lang,
}

/// Writes `board` (stored at `board_path`, for its images) to `out` in `format`,
/// atomically.
pub fn export(
    board_path: &Path,
    board: &Board,
    format: ExportFormat,
    out: &Path,
    options: &ExportOptions,
) -> Result<(), ExportError> {
    let board = match options.theme.as_deref() {
        Some(name) => only_theme(board, name)?,
        None => board.clone(),
    };
    let store = AssetStore::for_board(board_path);
    // Every word an export adds is a message, said in the language asked for.
    let bytes = crate::i18n::in_language(options.lang, || -> Result<Vec<u8>, ExportError> {
        Ok(match format {
            ExportFormat::Html => to_html(&board, &store).into_bytes(),
            ExportFormat::Markdown => to_markdown(&board).into_bytes(),
            ExportFormat::Png => render_png(&board, &store)?,
            ExportFormat::Pdf => render_pdf(&board, &store, PdfOptions { paper: options.paper, lang: options.lang })?,
            ExportFormat::Canvas => canvas::export(&board, &store, out)?.into_bytes(),
        })
    })?;
    storage::replace_file(out, None, |f| std::io::Write::write_all(f, &bytes))?;
    Ok(())
}

/// The picture `asset` as a card shows it (the part `crop` keeps, turned by `turn`),
/// decoded no larger than a side of `side` pixels asks (a JPEG at a reduced size: far
/// quicker for a photo drawn small), enough for the part a crop keeps. `None` when it
/// is missing, altered or cannot be decoded.
pub(crate) fn picture_for(
    store: &AssetStore,
    asset: &crate::model::AssetName,
    crop: Option<crate::model::Crop>,
    turn: crate::model::Turn,
    side: u32,
) -> Option<image::DynamicImage> {
    let kept = crop.filter(|c| c.is_valid()).map_or(1.0, |c| c.w.min(c.h).max(0.01));
    let side = ((side as f32 / kept).ceil() as u32).max(1);
    let bytes = store.read_verified(asset).ok()?;
    let picture = crate::media::decode::decode_at_least(&bytes, side).ok()?;
    let picture = match crop {
        Some(c) if c.is_valid() => {
            let (w, h) = (picture.width() as f32, picture.height() as f32);
            picture.crop_imm((c.x * w) as u32, (c.y * h) as u32, ((c.w * w) as u32).max(1), ((c.h * h) as u32).max(1))
        }
        _ => picture,
    };
    Some(crate::media::turned(picture, turn))
}

/// A copy of the board with only the items of one theme.
fn only_theme(board: &Board, name: &str) -> Result<Board, ExportError> {
    let theme = board.theme_by_name(name).ok_or_else(|| ExportError::NoSuchTheme(name.to_owned()))?.id.clone();
    let mut b = board.clone();
    b.items.retain(|i| board.theme_of(i) == Some(&theme));
    b.themes.retain(|t| t.id == theme);
    Ok(b)
}

/// The board's themes in order, each with its items (by position, top-left first),
/// then "Unsorted" (`None`) if any item is.
pub fn grouped(board: &Board) -> Vec<(Option<&Theme>, Vec<&Item>)> {
    let mut groups: Vec<(Option<&Theme>, Vec<&Item>)> = Vec::new();
    let mut by_theme = board.items_by_theme();
    for theme in board.themes.iter().map(Some).chain(std::iter::once(None)) {
        let mut items: Vec<&Item> = by_theme.remove(&theme.map(|t| &t.id)).unwrap_or_default();
        if items.is_empty() {
            continue;
        }
        items.sort_by(|a, b| a.pos.y.total_cmp(&b.pos.y).then(a.pos.x.total_cmp(&b.pos.x)));
        groups.push((theme, items));
    }
    groups
}

/// Everyone who added something, with how many items each, most first.
pub fn contributors(board: &Board) -> Vec<(String, usize)> {
    let mut counts: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for item in &board.items {
        let who = if item.contributor.trim().is_empty() { "someone".to_owned() } else { item.contributor.clone() };
        *counts.entry(who).or_default() += 1;
    }
    let mut list: Vec<_> = counts.into_iter().collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    list
}

/// The connections a recap lists under an idea, one line each: `→ Beta “leads to”`
/// (an arrow from it), `← Alpha` (an arrow to it), `↔ Gamma` (heads at both ends),
/// `— the frame “Light”` (a plain line). Only connectors people see.
pub fn connections(board: &Board, item: &crate::model::Item) -> Vec<String> {
    use crate::model::{End, Heads};
    board
        .shown_connectors()
        .filter_map(|c| {
            let other = c.other_end(item.id.as_str())?;
            let name = match other {
                End::Card(id) => crate::model::one_line(&board.item(id)?.kind.summary(), 60),
                End::Frame(id) => crate::tr!("recap-the-frame", name = board.theme(id)?.name.as_str()),
            };
            let sign = match c.heads {
                Heads::None => "—",
                Heads::Both => "↔",
                Heads::End if c.from.is(item.id.as_str()) => "→",
                Heads::End => "←",
            };
            let label = if c.label.is_empty() { String::new() } else { format!(" “{}”", c.label) };
            Some(format!("{sign} {name}{label}"))
        })
        .collect()
}

/// What a recap says about one item: its dots (when the totals may be shown), reactions
/// and replies.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ItemRecap {
    pub dots: Option<usize>,
    /// "♥ Like 2", one per reaction given.
    pub reactions: Vec<String>,
    /// (who, reply).
    pub replies: Vec<(String, String)>,
}

impl ItemRecap {
    pub fn is_empty(&self) -> bool {
        self.dots.is_none_or(|n| n == 0) && self.reactions.is_empty() && self.replies.is_empty()
    }

    /// "3 dots · ♥ Like 2", or empty.
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        if let Some(n) = self.dots.filter(|n| *n > 0) {
            parts.push(crate::tr!("recap-dots", count = n));
        }
        parts.extend(self.reactions.iter().cloned());
        parts.join(" · ")
    }
}

pub fn item_recap(board: &Board, item: &crate::model::Item) -> ItemRecap {
    use crate::model::Answer;
    let responses = board.responses_to(&item.id);
    ItemRecap {
        // Vote totals go into a recap once revealed, or when no session is running.
        dots: board.session.totals_shown().then(|| board.vote_total(&item.id)),
        reactions: board
            .reaction_counts(&item.id)
            .into_iter()
            .map(|(r, n)| format!("{} {} {n}", r.glyph(), crate::tr!(r.message_id())))
            .collect(),
        replies: responses
            .iter()
            .filter_map(|r| match &r.answer {
                Answer::Reply(text) => Some((r.by.clone(), text.clone())),
                Answer::Reaction(_) => None,
            })
            .collect(),
    }
}

/// The session's outcome in a few lines: the ideas with most dots and how many ideas
/// are still unanswered. Empty for a board that never had a session.
pub fn session_recap(board: &Board) -> Vec<String> {
    let ideas = board.items.iter().filter(|i| !crate::model::is_prompt(i)).count();
    if board.votes.is_empty() && board.responses.is_empty() && board.session.phase == crate::model::Phase::Off {
        return Vec::new();
    }
    let mut lines = Vec::new();
    if board.session.totals_shown() {
        let top: Vec<String> = board
            .ranking()
            .iter()
            .take(5)
            .map(|(item, n)| crate::tr!("recap-idea-dots", idea = item.kind.summary(), count = *n))
            .collect();
        if !top.is_empty() {
            lines.push(crate::tr!("recap-most-dots", list = top.join("; ")));
        }
    } else {
        lines.push(crate::tr!("recap-not-revealed"));
    }
    let open = board.unanswered().len();
    lines.push(crate::tr!("recap-answered", answered = ideas.saturating_sub(open), ideas = ideas));
    lines
}

#[cfg(test)]
mod language_tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::{
        Answer, Connector, End, ItemKind, Pos, Reaction, Response, ResponseId, Timestamp, Vote, VoteId,
    };

    /// A board with everything an export adds words to: goals, a session with dots,
    /// a reaction and a reply, a frame and a card outside it, a connector to the frame,
    /// a sketch, a colour, a missing picture.
    fn busy_board() -> Board {
        let now = Timestamp::now();
        let mut board = Board::new("Keuken", now);
        board.goals = vec!["Een warmere keuken".into()];
        let mut theme = board.new_theme("Warmte", now);
        theme.frame =
            crate::model::BoardRect::from_pos_size(Pos::new(-20.0, -20.0), crate::model::Size::new(400.0, 300.0));
        board.themes.push(theme.clone());
        let mut note = Item::new(ItemKind::note("Open planken"), Pos::new(0.0, 0.0), "Ann", "eigen team", now);
        note.theme = Some(theme.id.clone());
        let id = note.id.clone();
        board.items.push(note);
        board.items.push(Item::new(
            ItemKind::colour("#E4B363", "Oker".to_owned()),
            Pos::new(400.0, 0.0),
            "Bo",
            "",
            now,
        ));
        board.items.push(Item::new(ItemKind::sketch(Vec::new()), Pos::new(800.0, 0.0), "Bo", "", now));
        let picture = crate::model::kinds::Image {
            asset: crate::model::AssetName::parse(&format!("{}.png", "ab".repeat(32))).unwrap(),
            file_name: "tegels.png".into(),
            ..Default::default()
        };
        board.items.push(Item::new(ItemKind::Image(picture), Pos::new(0.0, 400.0), "Bo", "", now));
        board.connectors.push(Connector::new(End::Card(id.clone()), End::Frame(theme.id.clone()), "Ann", now));
        board.session.phase = crate::model::Phase::React;
        board.session.votes_revealed = true;
        board.votes.push(Vote { id: VoteId::new_random(), item: id.clone(), by: "Bo".into(), at: now });
        let reply =
            |answer| Response { id: ResponseId::new_random(), item: id.clone(), by: "Kim".into(), answer, at: now };
        board.responses = vec![reply(Answer::Reaction(Reaction::Like)), reply(Answer::Reply("Mooi".into()))].into();
        board
    }

    /// Issue 31: HTML and Markdown say their own words in the language asked for, and
    /// the HTML page says which language it is in.
    #[test]
    fn html_and_markdown_speak_the_language_asked_for() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keuken.moodboard.ron");
        let board = busy_board();
        let export_in = |format, lang| {
            let out = dir.path().join(format!("out-{lang:?}.{}", ExportFormat::extension(format)));
            let options = ExportOptions { lang, ..ExportOptions::default() };
            export(&path, &board, format, &out, &options).unwrap();
            std::fs::read_to_string(out).unwrap()
        };
        let html = export_in(ExportFormat::Html, Lang::Nl);
        let md = export_in(ExportFormat::Markdown, Lang::Nl);
        for dutch in [
            "Doelen",
            "Sessieverslag",
            "Meeste stippen: Open planken (1 stip)",
            "van 4 ideeën beantwoord",
            "1 stip · ♥ Mooi 1",
            "het kader “Warmte”",
            "Inbrengers: ",
            "Ongesorteerd",
        ] {
            assert!(html.contains(dutch), "HTML lacks {dutch:?}: {html}");
            assert!(md.contains(dutch), "Markdown lacks {dutch:?}: {md}");
        }
        assert!(html.contains("<html lang=\"nl\">") && html.contains("Afbeelding ontbreekt: tegels.png"), "{html}");
        assert!(
            md.contains("Afbeelding: tegels.png")
                && md.contains("Kleur `#E4B363` Oker")
                && md.contains("Schets (0 lijnen)"),
            "{md}"
        );
        for english in [
            "Goals",
            "Session recap",
            "Most dots",
            "dot)",
            "Contributors",
            "Unsorted",
            "Image",
            "Colour",
            "Sketch",
            "the frame",
            "answered",
        ] {
            assert!(!html.contains(english) && !md.contains(english), "{english:?} is English: {html}\n{md}");
        }
        let html = export_in(ExportFormat::Html, Lang::En);
        assert!(html.contains("<html lang=\"en\">") && html.contains("Most dots: Open planken (1 dot)"), "{html}");
    }
}
