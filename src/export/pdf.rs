//! PDF: the recap for those who were not there. A first page (or more, for a long one)
//! with the board's title, goals and the session's outcome (most-dotted ideas,
//! reactions, who contributed unless the session hides it, and where each frame is),
//! then one page per frame (and one for the ideas in no frame) with its cards as on the
//! canvas: real vector text in the fonts the app ships (embedded as subsets, so it can
//! be searched and copied), sketches as vector outlines, pictures at print resolution.
//! A4 or Letter, each frame's page turned to suit its shape; every word in the language
//! asked for. Written with krilla (see Cargo.toml).

use ab_glyph::{Font as _, FontRef};
use image::{DynamicImage, Rgba, imageops};
use krilla::Document;
use krilla::color::rgb;
use krilla::destination::XyzDestination;
use krilla::geom::{Path, PathBuilder, Point, Rect, Size, Transform};
use krilla::image::Image;
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, LineCap, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};

use super::png::{CONNECTOR_INK, INK, PLACEHOLDER, ink_colour, paint_colour};
use crate::i18n::{Lang, Message, say_in};
use crate::model::kinds::metrics::LINE;
use crate::model::kinds::{Align, Card, CardPainter, Fit, Paint, TextStyle};
use crate::model::{AssetName, Board, BoardRect, Crop, Item, Pos, Rgb, Turn};
use crate::storage::AssetStore;

/// The paper a PDF is laid out on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Paper {
    /// 210 × 297 mm.
    #[default]
    A4,
    /// 8.5 × 11 inches.
    Letter,
}

/// Where Letter is the paper in the shops (the rest of the world uses A4).
const LETTER_REGIONS: [&str; 13] = ["US", "CA", "MX", "PH", "CL", "CO", "VE", "PR", "GT", "CR", "PA", "DO", "SV"];

impl Paper {
    /// Width and height standing up, in points (1/72 inch).
    pub fn portrait(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }

    /// The paper of a locale's region (`en_US.UTF-8` → Letter, `nl_NL` → A4); `None`
    /// for a locale without a region (`C`, `nl`).
    pub fn for_locale(locale: &str) -> Option<Paper> {
        let locale = locale.split(['.', '@']).next().unwrap_or("");
        let region = locale.split(['_', '-']).nth(1)?;
        if region.len() != 2 {
            return None;
        }
        Some(if LETTER_REGIONS.contains(&region.to_ascii_uppercase().as_str()) { Paper::Letter } else { Paper::A4 })
    }

    /// The paper the system is set to: the environment as the C library reads it
    /// (`LC_ALL`, `LC_PAPER`, `LANG`), else the system's locale, else A4.
    pub fn of_system() -> Paper {
        Self::from_env(|name| std::env::var(name).ok())
            .or_else(|| sys_locale::get_locale().and_then(|l| Paper::for_locale(&l)))
            .unwrap_or_default()
    }

    /// [`Paper::of_system`]'s reading of the environment, through `var`.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Option<Paper> {
        let locale =
            ["LC_ALL", "LC_PAPER", "LANG"].into_iter().find_map(|n| var(n).filter(|v| !v.trim().is_empty()))?;
        Paper::for_locale(&locale)
    }
}

/// How a PDF is made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PdfOptions {
    pub paper: Paper,
    /// The language of every word the PDF adds (headings, counts, page numbers).
    pub lang: Lang,
}

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    Write(String),
}

impl crate::i18n::Said for PdfError {
    fn message(&self) -> Message {
        match self {
            PdfError::Write(detail) => Message::new("pdf-not-written").with("detail", detail),
        }
    }
}

crate::said_as_printed!(PdfError);

const MARGIN: f32 = 40.0;
const TITLE_SIZE: f32 = 24.0;
const HEADING_SIZE: f32 = 14.0;
const BODY_SIZE: f32 = 10.5;
const FOOTER_SIZE: f32 = 8.0;
/// Pictures are embedded at this many pixels an inch of the size they are printed
/// (never more than the picture has).
const PRINT_DPI: f32 = 300.0;
/// …and never more than this many pixels on their longest side.
const MAX_PICTURE_SIDE: f32 = 4_000.0;
/// The space round the cards in no frame on their page, in board units.
const PAD: f32 = 16.0;
const GREY: Rgba<u8> = Rgba([0x6B, 0x63, 0x58, 0xFF]);

/// The board as a PDF file's bytes (see the module's notes).
pub fn render_pdf(board: &Board, store: &AssetStore, options: PdfOptions) -> Result<Vec<u8>, PdfError> {
    let fonts = Fonts::load().ok_or_else(|| PdfError::Write("the app's fonts could not be read".to_owned()))?;
    let say = |message: Message| say_in(options.lang, &message);
    let frames = frame_pages(board, options.lang);
    // The contents name each frame's page, which follows the recap however long it
    // runs: set again until the recap's length holds (a page more moves every number).
    let mut recap = paginate(&recap_blocks(board, &frames, 1, options.lang), &fonts, options.paper.portrait());
    for _ in 0..3 {
        let again =
            paginate(&recap_blocks(board, &frames, recap.len(), options.lang), &fonts, options.paper.portrait());
        let settled = again.len() == recap.len();
        recap = again;
        if settled {
            break;
        }
    }
    let total = recap.len() + frames.len();
    let title = title_of(board, options.lang);

    let mut document = Document::new();
    let mut outline = Outline::new();
    for (i, lines) in recap.iter().enumerate() {
        let (w, h) = options.paper.portrait();
        let mut page = document.start_page_with(page_settings(w, h)?);
        let mut surface = page.surface();
        for line in lines {
            draw_line(&mut surface, &fonts, &line.text, line.x, line.baseline, line.size, line.colour, false);
        }
        footer(&mut surface, &fonts, (w, h), &say(page_number(&title, i + 1, total)));
        surface.finish();
        page.finish();
        if i == 0 {
            outline.push_child(OutlineNode::new(
                say(Message::new("pdf-recap")),
                XyzDestination::new(0, Point::from_xy(0.0, 0.0)),
            ));
        }
    }
    for (i, frame) in frames.iter().enumerate() {
        let number = recap.len() + i;
        let (w, h) = turned_to_suit(options.paper.portrait(), frame.region);
        let mut page = document.start_page_with(page_settings(w, h)?);
        let mut surface = page.surface();
        frame_page(&mut surface, &fonts, board, store, frame, (w, h), options.lang);
        footer(&mut surface, &fonts, (w, h), &say(page_number(&title, number + 1, total)));
        surface.finish();
        page.finish();
        outline.push_child(OutlineNode::new(frame.name.clone(), XyzDestination::new(number, Point::from_xy(0.0, 0.0))));
    }
    document.set_outline(outline);
    document.set_metadata(
        Metadata::new()
            .title(title)
            .language(options.lang.tag().to_owned())
            .creator(format!("Moodboard {}", env!("CARGO_PKG_VERSION"))),
    );
    document.finish().map_err(|e| PdfError::Write(format!("{e:?}")))
}

fn page_settings(w: f32, h: f32) -> Result<PageSettings, PdfError> {
    PageSettings::from_wh(w, h).ok_or_else(|| PdfError::Write(format!("a page of {w} × {h} points")))
}

fn title_of(board: &Board, lang: Lang) -> String {
    let title = crate::model::one_line(&board.title, 200);
    if title.trim().is_empty() { say_in(lang, &Message::new("pdf-untitled")) } else { title }
}

fn page_number(title: &str, page: usize, of: usize) -> Message {
    Message::new("pdf-page").with("title", title).with("page", page).with("pages", of)
}

/// The paper turned on its side for a frame wider than tall.
fn turned_to_suit((w, h): (f32, f32), region: BoardRect) -> (f32, f32) {
    if region.width() > region.height() { (h, w) } else { (w, h) }
}

/// One page of cards: a frame, or the ideas in none.
struct FramePage<'b> {
    name: String,
    /// The frame's colour (none for the ideas in no frame).
    tint: Option<Rgb>,
    /// What the page shows, in board units: the frame and all its cards.
    region: BoardRect,
    items: Vec<&'b Item>,
}

/// A page for each theme with a frame, in the board's order, then one for the ideas in
/// no frame if there are any.
fn frame_pages(board: &Board, lang: Lang) -> Vec<FramePage<'_>> {
    let mut by_theme = board.items_by_theme();
    let mut pages = Vec::new();
    for theme in &board.themes {
        let items = by_theme.remove(&Some(&theme.id)).unwrap_or_default();
        let frame = Some(theme.frame).filter(|f| f.is_valid() && f.width() >= 1.0 && f.height() >= 1.0);
        let region = items.iter().map(|i| card_rect(i)).chain(frame).reduce(BoardRect::union);
        let Some(region) = region.filter(|r| r.is_valid()) else { continue };
        // A colour that is not one is grey, as in the PNG: the page is still a frame's.
        let tint = Some(Rgb::parse_hex(&theme.colour).unwrap_or(Rgb(0x99, 0x99, 0x99)));
        pages.push(FramePage { name: theme.name.clone(), tint, region, items });
    }
    let loose = by_theme.remove(&None).unwrap_or_default();
    if let Some(region) = loose.iter().map(|i| card_rect(i)).reduce(BoardRect::union).filter(|r| r.is_valid()) {
        let name = say_in(lang, &Message::new("pdf-no-frame"));
        pages.push(FramePage { name, tint: None, region: padded(region), items: loose });
    }
    pages
}

/// `r` with [`PAD`] round it.
fn padded(r: BoardRect) -> BoardRect {
    BoardRect { min: Pos { x: r.min.x - PAD, y: r.min.y - PAD }, max: Pos { x: r.max.x + PAD, y: r.max.y + PAD } }
}

fn card_rect(item: &Item) -> BoardRect {
    BoardRect::from_pos_size(item.pos, item.size)
}

/// A part of the recap before it is set in lines.
enum Block {
    Title(String),
    Subtitle(String),
    Heading(String),
    Paragraph(String),
    Bullet(String),
}

/// What the first page says, in `lang`.
fn recap_blocks(board: &Board, frames: &[FramePage<'_>], recap_pages: usize, lang: Lang) -> Vec<Block> {
    let say = |message: Message| say_in(lang, &message);
    let ideas = board.items.iter().filter(|i| !crate::model::is_prompt(i)).count();
    let themed = frames.iter().filter(|f| f.tint.is_some()).count();
    let mut blocks = vec![
        Block::Title(title_of(board, lang)),
        Block::Subtitle(say(Message::new("pdf-counts").with("ideas", ideas).with("frames", themed))),
    ];
    let goals: Vec<&String> = board.goals.iter().filter(|g| !g.trim().is_empty()).collect();
    if !goals.is_empty() {
        blocks.push(Block::Heading(say(Message::new("pdf-goals"))));
        blocks.extend(goals.into_iter().map(|g| Block::Bullet(crate::model::one_line(g, 300))));
    }

    blocks.push(Block::Heading(say(Message::new("pdf-outcome"))));
    let held =
        !board.votes.is_empty() || !board.responses.is_empty() || board.session.phase != crate::model::Phase::Off;
    if !held {
        blocks.push(Block::Paragraph(say(Message::new("pdf-no-session"))));
    }
    if !board.votes.is_empty() {
        if board.session.totals_shown() {
            blocks.push(Block::Paragraph(say(Message::new("pdf-most-dots"))));
            for (item, n) in board.ranking().into_iter().filter(|(_, n)| *n > 0).take(5) {
                let line = Message::new("pdf-idea-dots").with("idea", item.kind.summary()).with("count", n);
                blocks.push(Block::Bullet(say(line)));
            }
        } else {
            blocks.push(Block::Paragraph(say(Message::new("pdf-totals-hidden"))));
        }
    }
    let mut reacted: Vec<(&Item, Vec<(crate::model::Reaction, usize)>)> = board
        .items
        .iter()
        .map(|i| (i, board.reaction_counts(&i.id)))
        .filter(|(_, counts)| counts.iter().any(|(_, n)| *n > 0))
        .collect();
    if !reacted.is_empty() {
        let mut totals = std::collections::BTreeMap::new();
        for (reaction, n) in reacted.iter().flat_map(|(_, c)| c.iter()) {
            *totals.entry(*reaction).or_insert(0) += n;
        }
        let words = |counts: &mut dyn Iterator<Item = (crate::model::Reaction, usize)>| {
            counts
                .filter(|(_, n)| *n > 0)
                .map(|(r, n)| format!("{} {} {n}", r.glyph(), say(Message::new(r.message_id()))))
                .collect::<Vec<_>>()
                .join(" · ")
        };
        let all = words(&mut totals.into_iter());
        blocks.push(Block::Paragraph(say(Message::new("pdf-reactions").with("reactions", all))));
        reacted.sort_by_key(|(_, counts)| std::cmp::Reverse(counts.iter().map(|(_, n)| n).sum::<usize>()));
        for (item, counts) in reacted.into_iter().take(5) {
            let line = format!("{} — {}", item.kind.summary(), words(&mut counts.into_iter()));
            blocks.push(Block::Bullet(line));
        }
    }
    if held {
        let answered = ideas.saturating_sub(board.unanswered().len());
        blocks
            .push(Block::Paragraph(say(Message::new("pdf-answered").with("answered", answered).with("ideas", ideas))));
    }

    if !board.session.hides_contributors() && !board.items.is_empty() {
        blocks.push(Block::Heading(say(Message::new("pdf-contributors"))));
        let someone = say(Message::new("pdf-someone"));
        let people: Vec<String> = super::contributors(board)
            .into_iter()
            .map(|(who, n)| format!("{} ({n})", if who == "someone" { someone.as_str() } else { who.as_str() }))
            .collect();
        blocks.push(Block::Paragraph(people.join(" · ")));
    }

    if !frames.is_empty() {
        blocks.push(Block::Heading(say(Message::new("pdf-contents"))));
        for (i, frame) in frames.iter().enumerate() {
            let line = Message::new("pdf-contents-line")
                .with("frame", frame.name.as_str())
                .with("ideas", frame.items.iter().filter(|i| !crate::model::is_prompt(i)).count())
                .with("page", recap_pages + i + 1);
            blocks.push(Block::Bullet(say(line)));
        }
    }
    blocks
}

/// One line of the recap, placed on its page.
struct Placed {
    text: String,
    x: f32,
    baseline: f32,
    size: f32,
    colour: Rgba<u8>,
}

/// The recap's blocks set in lines on pages of `size`, as many pages as they need.
fn paginate(blocks: &[Block], fonts: &Fonts, (w, h): (f32, f32)) -> Vec<Vec<Placed>> {
    let width = w - 2.0 * MARGIN;
    let bottom = h - MARGIN - 2.0 * FOOTER_SIZE;
    let mut pages = vec![Vec::new()];
    let mut y = MARGIN;
    for block in blocks {
        let (text, size, colour, indent, before, bullet) = match block {
            Block::Title(t) => (t, TITLE_SIZE, INK, 0.0, 0.0, false),
            Block::Subtitle(t) => (t, BODY_SIZE, GREY, 0.0, 4.0, false),
            Block::Heading(t) => (t, HEADING_SIZE, INK, 0.0, 18.0, false),
            Block::Paragraph(t) => (t, BODY_SIZE, INK, 0.0, 6.0, false),
            Block::Bullet(t) => (t, BODY_SIZE, INK, 14.0, 3.0, true),
        };
        let lines = fonts.wrap(text, size, width - indent);
        let line_height = size * LINE;
        y += before;
        // A heading keeps its first line below it on the same page.
        let keep = if matches!(block, Block::Heading(_)) { 2.0 * line_height + BODY_SIZE * LINE } else { line_height };
        if y + keep > bottom && !pages.last().is_some_and(Vec::is_empty) {
            pages.push(Vec::new());
            y = MARGIN;
        }
        for (i, line) in lines.into_iter().enumerate() {
            if y + line_height > bottom {
                pages.push(Vec::new());
                y = MARGIN;
            }
            let baseline = y + fonts.ascent(size);
            let page = pages.last_mut().expect("there is always a page");
            if bullet && i == 0 {
                page.push(Placed { text: "•".to_owned(), x: MARGIN + 3.0, baseline, size, colour });
            }
            page.push(Placed { text: line, x: MARGIN + indent, baseline, size, colour });
            y += line_height;
        }
    }
    pages
}

/// The small line at the foot of every page.
fn footer(surface: &mut Surface<'_>, fonts: &Fonts, (w, h): (f32, f32), text: &str) {
    let width = fonts.width(text, FOOTER_SIZE);
    draw_line(surface, fonts, text, (w - width) / 2.0, h - MARGIN / 2.0, FOOTER_SIZE, GREY, false);
}

/// A frame's page: its name and count on top, then the frame with its cards and
/// connectors, scaled to the paper.
fn frame_page(
    surface: &mut Surface<'_>,
    fonts: &Fonts,
    board: &Board,
    store: &AssetStore,
    frame: &FramePage<'_>,
    (w, h): (f32, f32),
    lang: Lang,
) {
    let name = crate::model::one_line(&frame.name, 120);
    let ideas = frame.items.iter().filter(|i| !crate::model::is_prompt(i)).count();
    let count = say_in(lang, &Message::new("pdf-frame-ideas").with("count", ideas));
    let count_width = fonts.width(&count, BODY_SIZE);
    let name = fonts.cut(&name, HEADING_SIZE + 4.0, w - 2.0 * MARGIN - count_width - 12.0);
    let top = MARGIN + fonts.ascent(HEADING_SIZE + 4.0);
    draw_line(surface, fonts, &name, MARGIN, top, HEADING_SIZE + 4.0, INK, false);
    draw_line(surface, fonts, &count, w - MARGIN - count_width, top, BODY_SIZE, GREY, false);

    let area = (MARGIN, MARGIN + 34.0, w - 2.0 * MARGIN, h - 2.0 * MARGIN - 34.0 - 2.0 * FOOTER_SIZE);
    let region = frame.region;
    // Never larger than the canvas at 100 % (a unit a pixel at 96 dpi): a frame of one
    // note is a note on the page, not a poster.
    let scale = (area.2 / region.width()).min(area.3 / region.height()).min(0.75);
    if !scale.is_finite() || scale <= 0.0 {
        return;
    }
    let x = area.0 + (area.2 - region.width() * scale) / 2.0;
    surface.push_transform(&Transform::from_row(
        scale,
        0.0,
        0.0,
        scale,
        x - region.min.x * scale,
        area.1 - region.min.y * scale,
    ));
    let clip = rect_path(region.min.x, region.min.y, region.width(), region.height());
    if let Some(clip) = &clip {
        surface.push_clip_path(clip, &FillRule::NonZero);
    }
    if let Some(Rgb(r, g, b)) = frame.tint {
        fill_rect(surface, (region.min.x, region.min.y, region.width(), region.height()), Rgba([r, g, b, 50]));
    }
    for connector in board.shown_connectors() {
        draw_connector(surface, fonts, board, connector);
    }
    for item in &frame.items {
        let r = (item.pos.x, item.pos.y, item.size.w, item.size.h);
        if !item.kind.behaviour().bare() {
            fill_rect(surface, (r.0, r.1 + 3.0, r.2, r.3), Rgba([0, 0, 0, 30]));
        }
        let card = Card { size: item.size, prompt: crate::model::is_prompt(item), key: 0 };
        let mut painter = PdfCard { surface, fonts, store, origin: item.pos, scale, lang };
        item.kind.behaviour().paint(&card, &mut painter);
    }
    if clip.is_some() {
        surface.pop(); // the clip
    }
    surface.pop(); // the transform
}

/// A connector as on the canvas: its line (dashed if it is), heads, and label on a plate.
fn draw_connector(surface: &mut Surface<'_>, fonts: &Fonts, board: &Board, connector: &crate::model::Connector) {
    use crate::model::Heads;
    let Some((a, b)) = board.route_of(connector) else { return };
    let mut line = PathBuilder::new();
    line.move_to(a.x, a.y);
    line.line_to(b.x, b.y);
    let Some(line) = line.finish() else { return };
    surface.set_fill(None);
    surface.set_stroke(Some(Stroke {
        paint: colour(CONNECTOR_INK).0,
        width: 2.0,
        line_cap: LineCap::Round,
        dash: connector.dashed.then(|| StrokeDash { array: vec![8.0, 6.0], offset: 0.0 }),
        ..Stroke::default()
    }));
    surface.draw_path(&line);
    surface.set_stroke(None);
    if connector.heads != Heads::None {
        head(surface, a, b);
    }
    if connector.heads == Heads::Both {
        head(surface, b, a);
    }
    if !connector.label.is_empty() {
        let size = 14.0;
        let text = fonts.cut(&connector.label, size, 400.0);
        let width = fonts.width(&text, size) + 12.0;
        let middle = ((a.x + b.x) / 2.0, (a.y + b.y) / 2.0);
        let plate = (middle.0 - width / 2.0, middle.1 - size * 0.8, width, size * 1.6);
        fill_rect(surface, plate, Rgba([0xFF, 0xFF, 0xFF, 0xE6]));
        draw_line(surface, fonts, &text, plate.0 + 6.0, plate.1 + 2.0 + fonts.ascent(size), size, INK, false);
    }
}

/// An arrow head at `tip`, pointing away from `from`.
fn head(surface: &mut Surface<'_>, from: Pos, tip: Pos) {
    let Some([tip, left, right]) = crate::model::connector::arrow_head(from, tip, 12.0) else { return };
    let mut path = PathBuilder::new();
    path.move_to(tip.x, tip.y);
    path.line_to(left.x, left.y);
    path.line_to(right.x, right.y);
    path.close();
    if let Some(path) = path.finish() {
        surface.set_fill(Some(fill(CONNECTOR_INK)));
        surface.draw_path(&path);
    }
}

/// A krilla paint and its opacity.
fn colour(c: Rgba<u8>) -> (krilla::paint::Paint, NormalizedF32) {
    let [r, g, b, a] = c.0;
    (rgb::Color::new(r, g, b).into(), NormalizedF32::new(f32::from(a) / 255.0).unwrap_or(NormalizedF32::ONE))
}

fn fill(c: Rgba<u8>) -> Fill {
    let (paint, opacity) = colour(c);
    Fill { paint, opacity, rule: FillRule::NonZero }
}

fn rect_path(x: f32, y: f32, w: f32, h: f32) -> Option<Path> {
    let mut path = PathBuilder::new();
    path.push_rect(Rect::from_xywh(x, y, w, h)?);
    path.finish()
}

fn fill_rect(surface: &mut Surface<'_>, (x, y, w, h): (f32, f32, f32, f32), c: Rgba<u8>) {
    if let Some(path) = rect_path(x, y, w, h) {
        surface.set_stroke(None);
        surface.set_fill(Some(fill(c)));
        surface.draw_path(&path);
    }
}

/// One line of text with its baseline at (`x`, `baseline`), each character in the first
/// of the app's fonts that has it (a sign none has is left out, not drawn as a box);
/// slanted for `italics` (the app's font has no italic of its own).
#[allow(clippy::too_many_arguments)]
fn draw_line(
    surface: &mut Surface<'_>,
    fonts: &Fonts,
    text: &str,
    mut x: f32,
    baseline: f32,
    size: f32,
    c: Rgba<u8>,
    italics: bool,
) {
    if italics {
        surface.push_transform(&Transform::from_row(1.0, 0.0, -0.2, 1.0, 0.2 * baseline, 0.0));
    }
    surface.set_stroke(None);
    surface.set_fill(Some(fill(c)));
    for (face, run) in fonts.runs(text) {
        let font = &fonts.faces[face];
        surface.draw_text(Point::from_xy(x, baseline), font.pdf.clone(), size, &run, false, TextDirection::Auto);
        x += fonts.run_width(face, &run, size);
    }
    if italics {
        surface.pop();
    }
}

/// The fonts the app ships: text, then emoji and symbols.
struct Fonts {
    faces: Vec<Face>,
}

struct Face {
    pdf: Font,
    glyphs: FontRef<'static>,
}

impl Fonts {
    fn load() -> Option<Fonts> {
        let faces = [
            epaint_default_fonts::UBUNTU_LIGHT,
            epaint_default_fonts::NOTO_EMOJI_REGULAR,
            epaint_default_fonts::EMOJI_ICON,
        ]
        .into_iter()
        .map(|data| Some(Face { pdf: Font::new(data.into(), 0)?, glyphs: FontRef::try_from_slice(data).ok()? }))
        .collect::<Option<Vec<_>>>()?;
        Some(Fonts { faces })
    }

    /// The first font with a glyph for `ch`.
    fn face_of(&self, ch: char) -> Option<usize> {
        self.faces.iter().position(|f| f.glyphs.glyph_id(ch).0 != 0)
    }

    /// `text` cut into runs of one font each; characters no font has are left out,
    /// spaces go with the run they are in.
    fn runs(&self, text: &str) -> Vec<(usize, String)> {
        let mut runs: Vec<(usize, String)> = Vec::new();
        for ch in text.chars() {
            let face = if ch == ' ' { runs.last().map_or(Some(0), |r| Some(r.0)) } else { self.face_of(ch) };
            let Some(face) = face else { continue };
            match runs.last_mut() {
                Some((f, run)) if *f == face => run.push(ch),
                _ => runs.push((face, ch.to_string())),
            }
        }
        runs
    }

    fn run_width(&self, face: usize, run: &str, size: f32) -> f32 {
        let glyphs = &self.faces[face].glyphs;
        let em = glyphs.units_per_em().unwrap_or(1000.0);
        run.chars().map(|ch| glyphs.h_advance_unscaled(glyphs.glyph_id(ch))).sum::<f32>() * size / em
    }

    fn width(&self, text: &str, size: f32) -> f32 {
        self.runs(text).iter().map(|(face, run)| self.run_width(*face, run, size)).sum()
    }

    /// How far the text font reaches above its baseline at `size`.
    fn ascent(&self, size: f32) -> f32 {
        let glyphs = &self.faces[0].glyphs;
        glyphs.ascent_unscaled() * size / glyphs.units_per_em().unwrap_or(1000.0)
    }

    /// `text` in lines no wider than `width`: its own lines, each broken between words
    /// (a word longer than a line between its characters).
    fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.lines() {
            let mut line = String::new();
            for word in paragraph.split_whitespace() {
                let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
                if self.width(&candidate, size) <= width || (line.is_empty() && word.chars().count() == 1) {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                // The word alone; too long for a line, it is broken where it must be.
                for ch in word.chars() {
                    line.push(ch);
                    if self.width(&line, size) > width && line.chars().count() > 1 {
                        line.pop();
                        lines.push(std::mem::replace(&mut line, ch.to_string()));
                    }
                }
            }
            lines.push(line);
        }
        lines
    }

    /// `text` on one line no wider than `width`, ending in "…" where it was cut.
    fn cut(&self, text: &str, size: f32, width: f32) -> String {
        let text = crate::model::one_line(text, 400);
        if self.width(&text, size) <= width {
            return text;
        }
        let mut kept = String::new();
        for ch in text.chars() {
            kept.push(ch);
            if self.width(&kept, size) + self.width("…", size) > width {
                kept.pop();
                break;
            }
        }
        format!("{}…", kept.trim_end())
    }
}

/// A card being drawn on a page: its kind's areas are in the card's units from `origin`,
/// the page's transform takes board units to points (`scale` points a unit).
struct PdfCard<'a, 's> {
    surface: &'a mut Surface<'s>,
    fonts: &'a Fonts,
    store: &'a AssetStore,
    origin: Pos,
    scale: f32,
    lang: Lang,
}

impl PdfCard<'_, '_> {
    fn on_board(&self, area: BoardRect) -> (f32, f32, f32, f32) {
        (self.origin.x + area.min.x, self.origin.y + area.min.y, area.width(), area.height())
    }

    /// `text` wrapped into `r`, as many lines as fit.
    fn block(&mut self, text: &str, (x, y, w, h): (f32, f32, f32, f32), style: TextStyle) {
        let line_height = style.size * LINE;
        let ascent = self.fonts.ascent(style.size);
        for (i, line) in self.fonts.wrap(text, style.size, w).iter().enumerate() {
            let top = y + i as f32 * line_height;
            if top + style.size > y + h + 0.5 {
                break;
            }
            draw_line(
                self.surface,
                self.fonts,
                line,
                x,
                top + ascent,
                style.size,
                ink_colour(style.ink),
                style.italics,
            );
        }
    }
}

/// A picture for the PDF: a JPEG when it is opaque (a photo stays small), else its
/// pixels with their transparency.
fn embedded(picture: &DynamicImage) -> Option<Image> {
    let rgba = picture.to_rgba8();
    if rgba.pixels().all(|p| p.0[3] == 255) {
        let mut jpeg = Vec::new();
        let rgb = DynamicImage::ImageRgba8(rgba).to_rgb8();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 88).encode_image(&rgb).ok()?;
        Image::from_jpeg(jpeg.into(), true).ok()
    } else {
        let (w, h) = rgba.dimensions();
        Some(Image::from_rgba8(rgba.into_raw(), w, h))
    }
}

impl CardPainter for PdfCard<'_, '_> {
    fn fill(&mut self, area: BoardRect, paint: Paint) {
        let r = self.on_board(area);
        fill_rect(self.surface, r, paint_colour(paint));
    }

    fn text(&mut self, area: BoardRect, text: &str, style: TextStyle) {
        let r = self.on_board(area);
        self.block(text, r, style);
    }

    fn line(&mut self, area: BoardRect, text: &str, style: TextStyle, align: Align) {
        let (x, y, w, h) = self.on_board(area);
        let text = self.fonts.cut(text, style.size, w);
        let width = self.fonts.width(&text, style.size);
        let line_height = style.size * LINE;
        let (x, top) = match align {
            Align::LeftTop => (x, y),
            Align::LeftBottom => (x, y + h - line_height),
            Align::RightBottom => (x + (w - width).max(0.0), y + h - line_height),
        };
        let baseline = top + self.fonts.ascent(style.size);
        draw_line(self.surface, self.fonts, &text, x, baseline, style.size, ink_colour(style.ink), style.italics);
    }

    fn mark(&mut self, at: Pos, text: &str, style: TextStyle) {
        let (x, y) = (self.origin.x + at.x, self.origin.y + at.y);
        let baseline = y + self.fonts.ascent(style.size);
        draw_line(self.surface, self.fonts, text, x, baseline, style.size, ink_colour(style.ink), style.italics);
    }

    fn picture(&mut self, area: BoardRect, asset: &AssetName, crop: Option<Crop>, turn: Turn, fit: Fit, name: &str) {
        let r = self.on_board(area);
        // The pixels the printed size asks for.
        let per_unit = self.scale * PRINT_DPI / 72.0;
        let (want_w, want_h) = ((r.2 * per_unit).max(1.0), (r.3 * per_unit).max(1.0));
        let cap = (MAX_PICTURE_SIDE / want_w.max(want_h)).min(1.0);
        let (want_w, want_h) = (want_w * cap, want_h * cap);
        let Some(picture) = super::picture_for(self.store, asset, crop, turn, want_w.max(want_h).ceil() as u32) else {
            fill_rect(self.surface, r, PLACEHOLDER);
            if fit == Fit::Contain {
                let said = self.say(&Message::new("export-missing-picture").with("name", name));
                self.block(
                    &said,
                    (r.0 + 12.0, r.1 + 12.0, r.2 - 24.0, r.3 - 24.0),
                    TextStyle::new(14.0, crate::model::kinds::Ink::Caption),
                );
            }
            return;
        };
        let (pw, ph) = (picture.width() as f32, picture.height() as f32);
        let (fitted, drawn) = match fit {
            Fit::Cover => {
                // As many pixels as asked, or as the picture has across the part kept.
                let shrink = (pw / want_w).min(ph / want_h).min(1.0);
                let (w, h) = ((want_w * shrink).round().max(1.0), (want_h * shrink).round().max(1.0));
                (picture.resize_to_fill(w as u32, h as u32, imageops::FilterType::Triangle), r)
            }
            Fit::Contain => {
                let fit_scale = (r.2 / pw).min(r.3 / ph);
                let (dw, dh) = (pw * fit_scale, ph * fit_scale);
                let shrink = (dw * per_unit * cap / pw).min(1.0);
                let (w, h) = ((pw * shrink).round().max(1.0), (ph * shrink).round().max(1.0));
                if dw < r.2 - 0.5 || dh < r.3 - 0.5 {
                    fill_rect(self.surface, r, PLACEHOLDER);
                }
                let at = (r.0 + (r.2 - dw) / 2.0, r.1 + (r.3 - dh) / 2.0, dw, dh);
                (picture.resize(w as u32, h as u32, imageops::FilterType::Triangle), at)
            }
        };
        let (Some(image), Some(size)) = (embedded(&fitted), Size::from_wh(drawn.2, drawn.3)) else { return };
        self.surface.push_transform(&Transform::from_translate(drawn.0, drawn.1));
        self.surface.draw_image(image, size);
        self.surface.pop();
    }

    /// The strokes as vector outlines, the same the canvas fills.
    fn drawing(&mut self, area: BoardRect, sketch: &crate::model::kinds::Sketch) {
        let (x, y, w, h) = self.on_board(area);
        let (sx, sy) = (w / sketch.area.w.max(1.0), h / sketch.area.h.max(1.0));
        self.surface.push_transform(&Transform::from_row(sx, 0.0, 0.0, sy, x, y));
        for stroke in &sketch.strokes {
            let outline = stroke.outline();
            let Some((first, rest)) = outline.split_first() else { continue };
            let mut path = PathBuilder::new();
            path.move_to(first.x, first.y);
            for p in rest {
                path.line_to(p.x, p.y);
            }
            path.close();
            let Some(path) = path.finish() else { continue };
            let ink = stroke.ink();
            fill_path(self.surface, &path, Rgba([ink.0, ink.1, ink.2, 255]));
        }
        self.surface.pop();
    }

    fn text_height(&self, text: &str, style: TextStyle, width: f32) -> f32 {
        self.fonts.wrap(text, style.size, width).len() as f32 * style.size * LINE
    }

    fn readable(&self, size: f32) -> bool {
        size * self.scale >= 2.5
    }

    fn say(&self, message: &Message) -> String {
        say_in(self.lang, message)
    }
}

fn fill_path(surface: &mut Surface<'_>, path: &Path, c: Rgba<u8>) {
    surface.set_stroke(None);
    surface.set_fill(Some(fill(c)));
    surface.draw_path(path);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paper_follows_the_region_of_the_locale() {
        assert_eq!(Paper::for_locale("en_US.UTF-8"), Some(Paper::Letter));
        assert_eq!(Paper::for_locale("en-CA"), Some(Paper::Letter));
        assert_eq!(Paper::for_locale("nl_NL.UTF-8"), Some(Paper::A4));
        assert_eq!(Paper::for_locale("en_GB@euro"), Some(Paper::A4));
        assert_eq!(Paper::for_locale("nl"), None);
        assert_eq!(Paper::for_locale("C"), None);
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v).to_owned())
        };
        assert_eq!(Paper::from_env(env(&[("LANG", "en_US.UTF-8")])), Some(Paper::Letter));
        // LC_PAPER says where the paper comes from, whatever the language.
        assert_eq!(Paper::from_env(env(&[("LC_PAPER", "nl_NL.UTF-8"), ("LANG", "en_US.UTF-8")])), Some(Paper::A4));
        assert_eq!(Paper::from_env(env(&[("LC_ALL", "en_US"), ("LC_PAPER", "nl_NL")])), Some(Paper::Letter));
        assert_eq!(Paper::from_env(env(&[])), None);
    }

    #[test]
    fn text_wraps_between_words_and_breaks_a_word_too_long_for_a_line() {
        let fonts = Fonts::load().unwrap();
        let lines = fonts.wrap("a few words that will not fit on one narrow line", 10.0, 80.0);
        assert!(lines.len() > 2, "{lines:?}");
        assert!(lines.iter().all(|l| fonts.width(l, 10.0) <= 80.0), "{lines:?}");
        assert_eq!(lines.join(" "), "a few words that will not fit on one narrow line");
        let long = "x".repeat(200);
        let lines = fonts.wrap(&long, 10.0, 50.0);
        assert!(lines.len() > 3 && lines.iter().all(|l| fonts.width(l, 10.0) <= 50.0));
        assert_eq!(lines.concat(), long);
        // A sign no font has is left out, not drawn as a box; an emoji has its own font.
        assert_eq!(fonts.runs("a\u{E000}b"), vec![(0, "ab".to_owned())]);
        assert!(fonts.runs("hi ♥").iter().any(|(face, _)| *face > 0));
        let cut = fonts.cut(&"word ".repeat(50), 10.0, 100.0);
        assert!(cut.ends_with('…') && fonts.width(&cut, 10.0) <= 100.0, "{cut}");
    }
}
