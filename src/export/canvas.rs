//! JSON Canvas (<https://jsoncanvas.org>, version 1.0), the open format Obsidian and
//! others read: export a board as a canvas, and import a canvas into a board.
//!
//! Export: themes become groups around their items; notes, quotes and colours become
//! text nodes, links link nodes, images file nodes whose files are copied into
//! `NAME-images/` beside the `.canvas` file.
//!
//! Import: text nodes become notes, link nodes links, file nodes images (only image
//! files inside the canvas's own folder; anything else becomes a note naming the file),
//! and groups become themes holding the nodes inside them.
//!
//! Edges are connectors both ways: `fromEnd`/`toEnd` arrows are the connector's heads,
//! `label` its label; a connector to a frame is an edge to its group. What the format
//! cannot say (a dashed line) is left out on export; what the board cannot (an edge's
//! colour and the sides it leaves from) on import. An edge to a node the canvas does not
//! have, or from a node to itself, is left out and named.

use std::path::{Component, Path};

use serde::{Deserialize, Serialize};

use crate::media::import_file;
use crate::media::thumbs::ThumbCache;
use crate::model::kinds::{Recap, Remark};
use crate::model::operations::{NewConnector, NewEnd, NewIdea, Place};
use crate::model::{AssetName, Board, ItemKind, Pos, Rgb, Size, ThemeId, Timestamp, links};
use crate::storage::{AssetStore, SaveError};

/// The largest canvas file read.
pub const MAX_CANVAS_BYTES: u64 = 64 * 1024 * 1024;
/// The most nodes imported.
pub const MAX_NODES: usize = 50_000;
/// The most edges imported.
pub const MAX_EDGES: usize = 50_000;

#[derive(Debug, Default, Serialize, Deserialize)]
struct Canvas {
    #[serde(default)]
    nodes: Vec<Node>,
    #[serde(default)]
    edges: Vec<Edge>,
}

/// A JSON Canvas edge. Only `id`, `fromNode` and `toNode` are required by the format.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Edge {
    #[serde(default)]
    id: String,
    #[serde(default)]
    from_node: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    from_side: Option<String>,
    /// `"none"` (the default) or `"arrow"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    from_end: Option<String>,
    #[serde(default)]
    to_node: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    to_side: Option<String>,
    /// `"arrow"` (the default) or `"none"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    to_end: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    color: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    label: Option<String>,
}

impl Edge {
    /// Where its heads are, and whether it runs the other way (only `fromEnd` an arrow).
    fn heads(&self) -> (crate::model::Heads, bool) {
        use crate::model::Heads;
        let from = self.from_end.as_deref() == Some("arrow");
        let to = self.to_end.as_deref() != Some("none");
        match (from, to) {
            (true, true) => (Heads::Both, false),
            (false, true) => (Heads::End, false),
            (true, false) => (Heads::End, true),
            (false, false) => (Heads::None, false),
        }
    }
}

/// The side of `from` an edge leaves towards `to`: `"right"`, `"left"`, `"top"`, `"bottom"`.
fn side(from: crate::model::BoardRect, to: crate::model::BoardRect) -> &'static str {
    let (a, b) = (from.center(), to.center());
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    if dx.abs() * from.height() >= dy.abs() * from.width() {
        if dx >= 0.0 { "right" } else { "left" }
    } else if dy >= 0.0 {
        "bottom"
    } else {
        "top"
    }
}

/// The board's connectors as edges (those shown: both ends on the board).
fn edges_of(board: &Board) -> Vec<Edge> {
    use crate::model::Heads;
    board
        .shown_connectors()
        .filter_map(|c| {
            let (from, to) = (board.end_rect(&c.from)?, board.end_rect(&c.to)?);
            Some(Edge {
                id: c.id.to_string(),
                from_node: c.from.id().to_owned(),
                from_side: Some(side(from, to).to_owned()),
                from_end: (c.heads == Heads::Both).then(|| "arrow".to_owned()),
                to_node: c.to.id().to_owned(),
                to_side: Some(side(to, from).to_owned()),
                to_end: (c.heads == Heads::None).then(|| "none".to_owned()),
                color: None,
                label: (!c.label.is_empty()).then(|| c.label.clone()),
            })
        })
        .collect()
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Node {
    #[serde(default)]
    id: String,
    #[serde(rename = "type", default)]
    kind: String,
    #[serde(default)]
    x: f64,
    #[serde(default)]
    y: f64,
    #[serde(default)]
    width: f64,
    #[serde(default)]
    height: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    color: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    file: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    label: Option<String>,
}

/// The board as a JSON Canvas document. Images are copied next to `out`.
pub fn export(board: &Board, store: &AssetStore, out: &Path) -> Result<String, SaveError> {
    let stem = out.file_stem().map_or_else(|| "board".to_owned(), |s| s.to_string_lossy().into_owned());
    let images_dir_name = format!("{stem}-images");
    let images = crate::storage::paths::board_folder(out).join(&images_dir_name);
    let mut nodes = Vec::new();
    let mut groups = Vec::new();
    // Each theme's group is exactly its frame.
    for theme in &board.themes {
        let r = theme.frame;
        groups.push(Node {
            id: theme.id.to_string(),
            kind: "group".into(),
            x: f64::from(r.min.x).round(),
            y: f64::from(r.min.y).round(),
            width: f64::from(r.width()).round(),
            height: f64::from(r.height()).round(),
            color: Rgb::parse_hex(&theme.colour).map(Rgb::to_hex),
            label: Some(theme.name.clone()),
            ..Node::default()
        });
    }
    for item in &board.items {
        let mut node = Node {
            id: item.id.to_string(),
            x: f64::from(item.pos.x).round(),
            y: f64::from(item.pos.y).round(),
            width: f64::from(item.size.w).round(),
            height: f64::from(item.size.h).round(),
            ..Node::default()
        };
        let mut writer = CanvasCard {
            node: &mut node,
            images: &images,
            images_dir_name: &images_dir_name,
            store,
            error: None,
            link: None,
            note: String::new(),
        };
        item.kind.behaviour().recap(&mut writer);
        writer.finish()?;
        nodes.push(node);
    }
    groups.extend(nodes);
    let canvas = Canvas { nodes: groups, edges: edges_of(board) };
    Ok(serde_json::to_string_pretty(&canvas).unwrap_or_default())
}

/// An idea's parts as one canvas node (see [`Recap`]): words, quotes and colours become
/// text nodes, a bare web address a link node, a picture a file node whose file is
/// copied into the images folder.
struct CanvasCard<'a> {
    node: &'a mut Node,
    images: &'a Path,
    images_dir_name: &'a str,
    store: &'a AssetStore,
    /// The first file that could not be written.
    error: Option<SaveError>,
    /// A link's address and label, and its note, put together at the end.
    link: Option<(String, String)>,
    note: String,
}

impl CanvasCard<'_> {
    /// Writes `bytes` as `name` into the images folder and makes the node a file node
    /// showing it.
    fn file(&mut self, name: &str, bytes: &[u8]) {
        let written = std::fs::create_dir_all(self.images)
            .map_err(|source| SaveError::Io {
                path: self.images.to_owned(),
                action: "action-create-images-folder",
                source,
            })
            // Like every file we write: whole, or not at all.
            .and_then(|()| {
                let path = self.images.join(name);
                crate::storage::replace_file(&path, None, |f| std::io::Write::write_all(f, bytes))
            });
        match written {
            Ok(()) => {
                self.node.kind = "file".into();
                self.node.file = Some(format!("{}/{}", self.images_dir_name, name));
            }
            Err(e) => {
                self.error.get_or_insert(e);
            }
        }
    }

    fn text(&mut self, text: String) {
        self.node.kind = "text".into();
        self.node.text = Some(text);
    }

    fn finish(mut self) -> Result<(), SaveError> {
        if let Some((url, label)) = self.link.take() {
            if links::is_openable(&url) && label == url && self.note.is_empty() {
                self.node.kind = "link".into();
                self.node.url = Some(url);
            } else {
                self.text(format!("[{label}]({url})\n\n{}", self.note).trim_end().to_owned());
            }
        }
        self.error.map_or(Ok(()), Err)
    }
}

impl Recap for CanvasCard<'_> {
    fn words(&mut self, text: &str) {
        self.text(text.to_owned());
    }

    fn quote(&mut self, text: &str, by: &str, citation: &str) {
        let mut t = format!("> {}", text.replace('\n', "\n> "));
        if !by.is_empty() || !citation.is_empty() {
            let sep = if by.is_empty() || citation.is_empty() { "" } else { ", " };
            t.push_str(&format!("\n\n— {by}{sep}{citation}"));
        }
        self.text(t);
    }

    fn link(&mut self, url: &str, label: &str) {
        self.link = Some((url.to_owned(), label.to_owned()));
    }

    fn remark(&mut self, remark: Remark, text: &str) {
        if remark == Remark::Note {
            self.note = text.to_owned();
        }
    }

    /// The file as it is: JSON Canvas has no way to turn a picture.
    fn picture(&mut self, asset: &AssetName, _turn: crate::model::Turn, name: &str) {
        let Ok(bytes) = self.store.read_verified(asset) else {
            self.text(format!("(missing image {name})"));
            return;
        };
        self.file(asset.as_str(), &bytes);
    }

    /// A sketch as a picture: an SVG file of its strokes, named after its content.
    fn drawing(&mut self, sketch: &crate::model::kinds::Sketch) {
        let svg = sketch.svg(sketch.area.w, sketch.area.h);
        let name = format!("sketch-{}.svg", &blake3::hash(svg.as_bytes()).to_hex()[..32]);
        self.file(&name, svg.as_bytes());
    }

    fn swatch(&mut self, hex: &str, name: &str) {
        self.text(format!("{hex} {name}").trim_end().to_owned());
        self.node.color = Rgb::parse_hex(hex).map(Rgb::to_hex);
    }
}

/// Why a canvas file could not be imported. The board is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum CanvasError {
    Read { path: std::path::PathBuf, reason: crate::i18n::Message },
    Parse { path: std::path::PathBuf, line: usize, column: usize, message: String },
}

impl crate::i18n::Said for CanvasError {
    fn message(&self) -> crate::i18n::Message {
        use crate::i18n::Message;
        match self {
            CanvasError::Read { path, reason } => {
                Message::new("error-with-path").with("path", path).with("reason", reason.clone())
            }
            CanvasError::Parse { path, line, column, message } => Message::new("canvas-not-json-canvas")
                .with("path", path)
                .with("line", *line)
                .with("column", *column)
                .with("message", message),
        }
    }
}

crate::said_as_printed!(CanvasError);

/// What an import added.
#[derive(Debug, Default)]
pub struct CanvasImport {
    pub items: usize,
    pub themes: usize,
    /// Edges that became connectors.
    pub connectors: usize,
    /// Files the canvas named that were not imported, and why.
    pub skipped: Vec<String>,
    /// Edges left out, and why.
    pub edges_left_out: Vec<String>,
}

/// A canvas read from disk, its images already stored in the board's assets folder,
/// ready to be added to a board. Reading (which touches files the canvas names) is
/// done by [`read_canvas`] before any board lock is taken; adding is pure.
#[derive(Debug)]
pub struct CanvasNodes {
    /// Groups, smallest first: (canvas id, name, colour, rectangle as x, y, w, h).
    groups: Vec<(String, String, Option<String>, [f64; 4])>,
    /// Nodes in canvas order: their canvas id, what they became and their rectangle.
    nodes: Vec<(String, ItemKind, [f64; 4])>,
    /// Edges between nodes or groups the canvas has, each between two of them.
    edges: Vec<Edge>,
    skipped: Vec<String>,
    edges_left_out: Vec<String>,
}

/// Reads the canvas at `path`: parses it, and stores the images its file nodes name
/// (only image files inside the canvas's own folder) in `store`. Never touches a board.
pub fn read_canvas(path: &Path, store: &AssetStore) -> Result<CanvasNodes, CanvasError> {
    use crate::i18n::{Message, Said};
    let read = |reason: Message| CanvasError::Read { path: path.to_owned(), reason };
    let bytes = crate::storage::read_capped(path).map_err(|e| read(e.message()))?;
    if bytes.len() as u64 > MAX_CANVAS_BYTES {
        return Err(read(Message::new("canvas-too-large")));
    }
    let canvas: Canvas = serde_json::from_slice(&bytes).map_err(|e| CanvasError::Parse {
        path: path.to_owned(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    if canvas.nodes.len() > MAX_NODES {
        return Err(read(
            Message::new("canvas-too-many-nodes").with("count", canvas.nodes.len()).with("max", MAX_NODES),
        ));
    }
    if canvas.edges.len() > MAX_EDGES {
        return Err(read(
            Message::new("canvas-too-many-edges").with("count", canvas.edges.len()).with("max", MAX_EDGES),
        ));
    }
    let folder = crate::storage::paths::board_folder(path);
    let rect = |n: &Node| [n.x, n.y, n.width, n.height];
    let mut group_nodes: Vec<&Node> = canvas.nodes.iter().filter(|n| n.kind == "group").collect();
    // Smallest first, so that a node goes into the innermost group.
    group_nodes.sort_by(|a, b| (a.width * a.height).total_cmp(&(b.width * b.height)));
    let groups = group_nodes
        .into_iter()
        .map(|n| {
            let name = n.label.clone().filter(|l| !l.trim().is_empty()).unwrap_or_else(|| "Group".to_owned());
            (n.id.clone(), name, n.color.clone(), rect(n))
        })
        .collect();
    let mut skipped = Vec::new();
    let mut nodes = Vec::new();
    for node in canvas.nodes.iter().filter(|n| n.kind != "group") {
        let kind = match node.kind.as_str() {
            "text" => ItemKind::note(node.text.clone().unwrap_or_default()),
            "link" => ItemKind::link(node.url.clone().unwrap_or_default(), "", ""),
            "file" => {
                let file = node.file.clone().unwrap_or_default();
                match image_in_folder(&folder, &file)
                    .and_then(|p| import_file(store, &ThumbCache::none(), &p).map_err(|e| e.to_string()))
                {
                    Ok(imported) => imported.into_kind(),
                    Err(why) => {
                        skipped.push(format!("{file}: {why}"));
                        ItemKind::note(format!("File: {file}"))
                    }
                }
            }
            _ => continue,
        };
        nodes.push((node.id.clone(), kind, rect(node)));
    }
    let mut edges = Vec::new();
    let mut edges_left_out = Vec::new();
    let known: std::collections::HashSet<&str> = canvas
        .nodes
        .iter()
        .filter(|n| matches!(n.kind.as_str(), "group" | "text" | "link" | "file") && !n.id.is_empty())
        .map(|n| n.id.as_str())
        .collect();
    for edge in canvas.edges {
        let name = crate::model::one_line(&edge.id, 40);
        let missing = [&edge.from_node, &edge.to_node].into_iter().find(|end| !known.contains(end.as_str()));
        if let Some(end) = missing {
            edges_left_out.push(format!("edge {name}: it joins {:?}, which is not a node of this canvas", one(end)));
        } else if edge.from_node == edge.to_node {
            edges_left_out.push(format!("edge {name}: it goes from {:?} to itself", one(&edge.from_node)));
        } else {
            edges.push(edge);
        }
    }
    Ok(CanvasNodes { groups, nodes, edges, skipped, edges_left_out })
}

/// What a canvas adds to a board: new themes for its groups, its nodes as new ideas
/// where the canvas has them, and what it left out.
#[derive(Debug)]
pub struct CanvasIdeas {
    pub themes: Vec<crate::model::Theme>,
    pub ideas: Vec<NewIdea>,
    /// The canvas's edges between the ideas and themes.
    pub connectors: Vec<crate::model::operations::NewConnector>,
    pub report: CanvasImport,
}

impl CanvasNodes {
    /// The nodes as new ideas for `board`, each where the canvas has it and as large;
    /// groups become themes (an existing theme of the same name is reused) holding the
    /// nodes whose centre lies inside them. Added with [`crate::model::operations::add_with_themes`].
    pub fn ideas(&self, board: &Board) -> CanvasIdeas {
        let now = Timestamp::now();
        let mut report = CanvasImport {
            skipped: self.skipped.clone(),
            edges_left_out: self.edges_left_out.clone(),
            ..CanvasImport::default()
        };
        let mut by_name: std::collections::HashMap<String, ThemeId> =
            board.themes.iter().map(|t| (t.name.trim().to_lowercase(), t.id.clone())).collect();
        let mut rank = board.themes.iter().map(|t| t.rank).max().map_or(0, |r| r.saturating_add(1));
        let mut themes = Vec::new();
        let mut groups: Vec<([f64; 4], ThemeId)> = Vec::with_capacity(self.groups.len());
        let mut ends: std::collections::HashMap<&str, NewEnd> = std::collections::HashMap::new();
        for (canvas_id, name, colour, rect) in &self.groups {
            let id = by_name.entry(name.trim().to_lowercase()).or_insert_with(|| {
                let mut theme = board.new_theme(name, now);
                // The group's rectangle is the frame (moved aside later if it overlaps).
                let [x, y, w, h] = *rect;
                let group = crate::model::BoardRect::from_pos_size(
                    Pos::new(x as f32, y as f32).clamped(),
                    Size::new(w as f32, h as f32).clamped(),
                );
                if group.is_valid() {
                    theme.frame = group;
                }
                theme.rank = rank;
                rank = rank.saturating_add(1);
                let palette = crate::model::THEME_PALETTE;
                theme.colour = colour.as_deref().and_then(Rgb::parse_hex).map_or_else(
                    || palette[(board.themes.len() + themes.len()) % palette.len()].to_owned(),
                    Rgb::to_hex,
                );
                let id = theme.id.clone();
                themes.push(theme);
                report.themes += 1;
                id
            });
            groups.push((*rect, id.clone()));
            ends.insert(canvas_id.as_str(), NewEnd::Theme(id.clone()));
        }
        for (index, (canvas_id, ..)) in self.nodes.iter().enumerate() {
            ends.insert(canvas_id.as_str(), NewEnd::Idea(index));
        }
        let connectors = self
            .edges
            .iter()
            .filter_map(|edge| {
                let (from, to) = (ends.get(edge.from_node.as_str())?, ends.get(edge.to_node.as_str())?);
                let (heads, backwards) = edge.heads();
                let (from, to) = if backwards { (to, from) } else { (from, to) };
                report.connectors += 1;
                Some(NewConnector {
                    from: from.clone(),
                    to: to.clone(),
                    label: edge.label.clone().unwrap_or_default(),
                    heads,
                    dashed: false,
                })
            })
            .collect();
        let ideas = self
            .nodes
            .iter()
            .map(|(_, kind, [x, y, w, h])| {
                let centre = (x + w / 2.0, y + h / 2.0);
                let theme = groups
                    .iter()
                    .find(|([gx, gy, gw, gh], _)| {
                        centre.0 >= *gx && centre.0 <= gx + gw && centre.1 >= *gy && centre.1 <= gy + gh
                    })
                    .map(|(_, id)| id.clone());
                report.items += 1;
                NewIdea::new(kind.clone())
                    .in_theme(theme)
                    .placed(Place::At(Pos::new(*x as f32, *y as f32).clamped()))
                    .sized(Size::new(*w as f32, *h as f32).clamped())
            })
            .collect();
        CanvasIdeas { themes, ideas, connectors, report }
    }
}

/// A canvas's id as said in a message: one line, not too long.
fn one(id: &str) -> String {
    crate::model::one_line(id, 40)
}

/// The path of `file` (as the canvas names it) if it is a relative path to a file
/// inside `folder`, through no `..` and no link out of it.
fn image_in_folder(folder: &Path, file: &str) -> Result<std::path::PathBuf, String> {
    let rel = Path::new(file);
    if file.is_empty() || rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return Err("only files inside the canvas's folder are imported".into());
    }
    let full = folder.join(rel);
    let (Ok(real), Ok(base)) = (full.canonicalize(), folder.canonicalize()) else {
        return Err("not found".into());
    };
    if !real.starts_with(&base) {
        return Err("it links outside the canvas's folder".into());
    }
    Ok(real)
}
