//! The layouts of older board files, frozen as they were, and the steps that migrate
//! each to the next (see the table of versions in docs/FORMAT.md). Every record of an
//! older version is a type of its own here, never one of today's model, and every step
//! is a pure reshape: no rule of today's model runs in it. Never change these: a change
//! here changes how old files read.
//!
//! The leaf values (ids, positions, sizes, rectangles, crops, times, asset names, pixel
//! sizes, phases, timers and reactions) are written alike in every version and are
//! shared with today's model. Versions 1 to 3 had no frames: a board read from them
//! gets its frames laid out from its cards by the repair after load
//! ([`super::format::Parsed::frames_from_cards`]).

use serde::Deserialize;

use crate::model::kinds::{Colour, Heading, HeadingSize, Image, Link, Note, Quote, Sketch, Stroke};
use crate::model::{
    AssetName, Board, BoardId, BoardRect, Connector, ConnectorId, Crop, End, Heads, Item, ItemId, ItemKind, Phase,
    PixelSize, Pos, Reaction, Response, ResponseId, Session, Size, Theme, ThemeId, Timer, Timestamp, Tombstone, Turn,
    Vote, VoteId,
};

/// A tombstone of versions 1 and 2: no `saw`. It deleted every version up to its `at`.
#[derive(Deserialize)]
pub struct TombstoneV2 {
    id: String,
    at: Timestamp,
    by: String,
}

/// A tombstone of versions 3 to 6.
#[derive(Deserialize)]
pub struct TombstoneV5 {
    id: String,
    at: Timestamp,
    by: String,
    saw: Timestamp,
}

/// A theme of versions 1 to 3: no frame.
#[derive(Deserialize)]
pub struct ThemeV3 {
    id: ThemeId,
    name: String,
    colour: String,
    description: String,
    rank: i64,
    modified: Timestamp,
}

/// A theme of version 7: its frame may be locked.
#[derive(Deserialize)]
pub struct ThemeV7 {
    id: ThemeId,
    name: String,
    colour: String,
    description: String,
    rank: i64,
    frame: BoardRect,
    locked: bool,
    modified: Timestamp,
}

/// A theme of versions 4 to 6: no lock.
#[derive(Deserialize)]
pub struct ThemeV5 {
    id: ThemeId,
    name: String,
    colour: String,
    description: String,
    rank: i64,
    frame: BoardRect,
    modified: Timestamp,
}

/// An item's kind in versions 1 to 3: images without a crop.
#[derive(Deserialize)]
#[serde(rename = "ItemKind")]
pub enum ItemKindV3 {
    Image { asset: AssetName, file_name: String, pixel_size: PixelSize, caption: String },
    Quote { text: String, by: String, citation: String },
    Link { url: String, title: String, note: String },
    Note { text: String },
    Colour { hex: String, name: String },
}

/// An item's kind in version 4: links without a preview.
#[derive(Deserialize)]
#[serde(rename = "ItemKind")]
pub enum ItemKindV4 {
    Image { asset: AssetName, file_name: String, pixel_size: PixelSize, caption: String, crop: Option<Crop> },
    Quote { text: String, by: String, citation: String },
    Link { url: String, title: String, note: String },
    Note { text: String },
    Colour { hex: String, name: String },
}

/// An item's kind in versions 5 and 6: links with what their page said of itself.
#[derive(Deserialize)]
#[serde(rename = "ItemKind")]
pub enum ItemKindV5 {
    Image { asset: AssetName, file_name: String, pixel_size: PixelSize, caption: String, crop: Option<Crop> },
    Quote { text: String, by: String, citation: String },
    Link { url: String, title: String, note: String, description: String, site: String, picture: Option<AssetName> },
    Note { text: String },
    Colour { hex: String, name: String },
}

/// An item's kind in version 8: turned pictures, sketches and headings.
#[derive(Deserialize)]
#[serde(rename = "ItemKind")]
pub enum ItemKindV8 {
    Image {
        asset: AssetName,
        file_name: String,
        pixel_size: PixelSize,
        caption: String,
        crop: Option<Crop>,
        #[serde(default)]
        turn: Turn,
    },
    Quote {
        text: String,
        by: String,
        citation: String,
    },
    Link {
        url: String,
        title: String,
        note: String,
        description: String,
        site: String,
        picture: Option<AssetName>,
    },
    Note {
        text: String,
    },
    Colour {
        hex: String,
        name: String,
    },
    Sketch {
        area: Size,
        strokes: Vec<StrokeV8>,
        caption: String,
    },
    Heading {
        text: String,
        size: HeadingSizeV8,
    },
}

/// A sketch's stroke in version 8.
#[derive(Deserialize)]
#[serde(rename = "Stroke")]
pub struct StrokeV8 {
    colour: String,
    width: f32,
    pressure: bool,
    points: Vec<[f32; 3]>,
}

/// A heading's size in version 8.
#[derive(Deserialize)]
#[serde(rename = "HeadingSize")]
pub enum HeadingSizeV8 {
    Large,
    Medium,
    Small,
}

/// An item: the same fields in every version, with that version's kinds.
#[derive(Deserialize)]
pub struct ItemOf<K> {
    id: ItemId,
    kind: K,
    pos: Pos,
    size: Size,
    z: i64,
    theme: Option<ThemeId>,
    tags: Vec<String>,
    contributor: String,
    source: String,
    locked: bool,
    created: Timestamp,
    modified: Timestamp,
}

impl<K> ItemOf<K> {
    /// The same item with its kind reshaped by `kind`.
    fn reshape<L>(self, kind: impl FnOnce(K) -> L) -> ItemOf<L> {
        ItemOf {
            id: self.id,
            kind: kind(self.kind),
            pos: self.pos,
            size: self.size,
            z: self.z,
            theme: self.theme,
            tags: self.tags,
            contributor: self.contributor,
            source: self.source,
            locked: self.locked,
            created: self.created,
            modified: self.modified,
        }
    }
}

/// A session of versions 2 to 5: no private collect.
#[derive(Deserialize)]
#[serde(rename = "Session")]
pub struct SessionV5 {
    phase: Phase,
    timer: Timer,
    hide_contributors: bool,
    dots_per_person: u32,
    votes_revealed: bool,
    own_prompts: Vec<String>,
    modified: Timestamp,
}

impl SessionV5 {
    /// The session of a board from before sessions (version 1): none running.
    fn none() -> Self {
        let s = Session::default();
        Self {
            phase: s.phase,
            timer: s.timer,
            hide_contributors: s.hide_contributors,
            dots_per_person: s.dots_per_person,
            votes_revealed: s.votes_revealed,
            own_prompts: s.own_prompts,
            modified: s.modified,
        }
    }
}

/// A session of version 6: with private collect.
#[derive(Deserialize)]
#[serde(rename = "Session")]
pub struct SessionV6 {
    phase: Phase,
    timer: Timer,
    hide_contributors: bool,
    private_collect: bool,
    dots_per_person: u32,
    votes_revealed: bool,
    own_prompts: Vec<String>,
    modified: Timestamp,
}

/// A dot of versions 2 to 6.
#[derive(Deserialize)]
#[serde(rename = "Vote")]
pub struct VoteV5 {
    id: VoteId,
    item: ItemId,
    by: String,
    at: Timestamp,
}

/// An answer of versions 2 to 6.
#[derive(Deserialize)]
#[serde(rename = "Answer")]
pub enum AnswerV5 {
    Reaction(Reaction),
    Reply(String),
}

/// A reaction or reply of versions 2 to 6.
#[derive(Deserialize)]
#[serde(rename = "Response")]
pub struct ResponseV5 {
    id: ResponseId,
    item: ItemId,
    by: String,
    answer: AnswerV5,
    at: Timestamp,
}

/// Version 1: a board without a session, votes or responses.
#[derive(Deserialize)]
pub struct BoardV1 {
    id: BoardId,
    title: String,
    description: String,
    goals: Vec<String>,
    themes: Vec<ThemeV3>,
    items: Vec<ItemOf<ItemKindV3>>,
    deleted: Vec<TombstoneV2>,
    created: Timestamp,
    modified: Timestamp,
}

impl BoardV1 {
    /// Version 1 → 2: no session yet, no votes, no responses.
    pub fn migrate(self) -> BoardV2 {
        BoardV2 {
            id: self.id,
            title: self.title,
            description: self.description,
            goals: self.goals,
            themes: self.themes,
            items: self.items,
            deleted: self.deleted,
            created: self.created,
            modified: self.modified,
            session: SessionV5::none(),
            votes: Vec::new(),
            responses: Vec::new(),
        }
    }
}

/// Version 2: tombstones without `saw`.
#[derive(Deserialize)]
pub struct BoardV2 {
    id: BoardId,
    title: String,
    description: String,
    goals: Vec<String>,
    themes: Vec<ThemeV3>,
    items: Vec<ItemOf<ItemKindV3>>,
    deleted: Vec<TombstoneV2>,
    created: Timestamp,
    modified: Timestamp,
    session: SessionV5,
    votes: Vec<VoteV5>,
    responses: Vec<ResponseV5>,
}

impl BoardV2 {
    /// Version 2 → 3: a tombstone saw everything up to the moment it was made, which is
    /// what version 2's merge assumed.
    pub fn migrate(self) -> BoardV3 {
        let deleted =
            self.deleted.into_iter().map(|t| TombstoneV5 { saw: t.at, id: t.id, at: t.at, by: t.by }).collect();
        BoardV3 {
            id: self.id,
            title: self.title,
            description: self.description,
            goals: self.goals,
            themes: self.themes,
            items: self.items,
            deleted,
            created: self.created,
            modified: self.modified,
            session: self.session,
            votes: self.votes,
            responses: self.responses,
        }
    }
}

/// Version 3: themes without frames, images without crops.
#[derive(Deserialize)]
pub struct BoardV3 {
    id: BoardId,
    title: String,
    description: String,
    goals: Vec<String>,
    themes: Vec<ThemeV3>,
    items: Vec<ItemOf<ItemKindV3>>,
    deleted: Vec<TombstoneV5>,
    created: Timestamp,
    modified: Timestamp,
    session: SessionV5,
    votes: Vec<VoteV5>,
    responses: Vec<ResponseV5>,
}

/// The frame a theme of version 3 or older is given by the reshape: none yet. The repair
/// after load lays every frame out from its theme's cards ([`super::format::Parsed`]).
const NO_FRAME: BoardRect = BoardRect { min: Pos::new(0.0, 0.0), max: Pos::new(0.0, 0.0) };

impl BoardV3 {
    /// Version 3 → 4: themes get frames (laid out after load, see [`NO_FRAME`]); no
    /// picture is cropped.
    pub fn migrate(self) -> BoardV4 {
        let themes = self
            .themes
            .into_iter()
            .map(|t| ThemeV5 {
                id: t.id,
                name: t.name,
                colour: t.colour,
                description: t.description,
                rank: t.rank,
                frame: NO_FRAME,
                modified: t.modified,
            })
            .collect();
        let items = self
            .items
            .into_iter()
            .map(|i| {
                i.reshape(|kind| match kind {
                    ItemKindV3::Image { asset, file_name, pixel_size, caption } => {
                        ItemKindV4::Image { asset, file_name, pixel_size, caption, crop: None }
                    }
                    ItemKindV3::Quote { text, by, citation } => ItemKindV4::Quote { text, by, citation },
                    ItemKindV3::Link { url, title, note } => ItemKindV4::Link { url, title, note },
                    ItemKindV3::Note { text } => ItemKindV4::Note { text },
                    ItemKindV3::Colour { hex, name } => ItemKindV4::Colour { hex, name },
                })
            })
            .collect();
        BoardV4 {
            id: self.id,
            title: self.title,
            description: self.description,
            goals: self.goals,
            themes,
            items,
            deleted: self.deleted,
            created: self.created,
            modified: self.modified,
            session: self.session,
            votes: self.votes,
            responses: self.responses,
        }
    }
}

/// Version 4: links without a description, site name or preview picture, and no SVG
/// pictures.
#[derive(Deserialize)]
pub struct BoardV4 {
    id: BoardId,
    title: String,
    description: String,
    goals: Vec<String>,
    themes: Vec<ThemeV5>,
    items: Vec<ItemOf<ItemKindV4>>,
    deleted: Vec<TombstoneV5>,
    created: Timestamp,
    modified: Timestamp,
    session: SessionV5,
    votes: Vec<VoteV5>,
    responses: Vec<ResponseV5>,
}

impl BoardV4 {
    /// Version 4 → 5: links have no preview; nothing else changes.
    pub fn migrate(self) -> BoardV5 {
        let items = self
            .items
            .into_iter()
            .map(|i| {
                i.reshape(|kind| match kind {
                    ItemKindV4::Image { asset, file_name, pixel_size, caption, crop } => {
                        ItemKindV5::Image { asset, file_name, pixel_size, caption, crop }
                    }
                    ItemKindV4::Quote { text, by, citation } => ItemKindV5::Quote { text, by, citation },
                    ItemKindV4::Link { url, title, note } => ItemKindV5::Link {
                        url,
                        title,
                        note,
                        description: String::new(),
                        site: String::new(),
                        picture: None,
                    },
                    ItemKindV4::Note { text } => ItemKindV5::Note { text },
                    ItemKindV4::Colour { hex, name } => ItemKindV5::Colour { hex, name },
                })
            })
            .collect();
        BoardV5 {
            id: self.id,
            title: self.title,
            description: self.description,
            goals: self.goals,
            themes: self.themes,
            items,
            deleted: self.deleted,
            created: self.created,
            modified: self.modified,
            session: self.session,
            votes: self.votes,
            responses: self.responses,
        }
    }
}

/// Version 5: sessions without private collect.
#[derive(Deserialize)]
pub struct BoardV5 {
    id: BoardId,
    title: String,
    description: String,
    goals: Vec<String>,
    themes: Vec<ThemeV5>,
    items: Vec<ItemOf<ItemKindV5>>,
    deleted: Vec<TombstoneV5>,
    created: Timestamp,
    modified: Timestamp,
    session: SessionV5,
    votes: Vec<VoteV5>,
    responses: Vec<ResponseV5>,
}

impl BoardV5 {
    /// Version 5 → 6: ideas were always collected in the open.
    pub fn migrate(self) -> BoardV6 {
        let s = self.session;
        BoardV6 {
            id: self.id,
            title: self.title,
            description: self.description,
            goals: self.goals,
            themes: self.themes,
            items: self.items,
            deleted: self.deleted,
            created: self.created,
            modified: self.modified,
            session: SessionV6 {
                phase: s.phase,
                timer: s.timer,
                hide_contributors: s.hide_contributors,
                private_collect: false,
                dots_per_person: s.dots_per_person,
                votes_revealed: s.votes_revealed,
                own_prompts: s.own_prompts,
                modified: s.modified,
            },
            votes: self.votes,
            responses: self.responses,
        }
    }
}

/// Version 6: frames without locks.
#[derive(Deserialize)]
pub struct BoardV6 {
    id: BoardId,
    title: String,
    description: String,
    goals: Vec<String>,
    themes: Vec<ThemeV5>,
    items: Vec<ItemOf<ItemKindV5>>,
    deleted: Vec<TombstoneV5>,
    created: Timestamp,
    modified: Timestamp,
    session: SessionV6,
    votes: Vec<VoteV5>,
    responses: Vec<ResponseV5>,
}

impl BoardV6 {
    /// Version 6 → 7: no frame was locked.
    pub fn migrate(self) -> BoardV7 {
        BoardV7 {
            id: self.id,
            title: self.title,
            description: self.description,
            goals: self.goals,
            themes: self
                .themes
                .into_iter()
                .map(|t| ThemeV7 {
                    id: t.id,
                    name: t.name,
                    colour: t.colour,
                    description: t.description,
                    rank: t.rank,
                    frame: t.frame,
                    locked: false,
                    modified: t.modified,
                })
                .collect(),
            items: self.items,
            deleted: self.deleted,
            created: self.created,
            modified: self.modified,
            session: self.session,
            votes: self.votes,
            responses: self.responses,
        }
    }
}

/// Version 7: the kinds of version 5 (no sketches), frames that may be locked.
#[derive(Deserialize)]
pub struct BoardV7 {
    id: BoardId,
    title: String,
    description: String,
    goals: Vec<String>,
    themes: Vec<ThemeV7>,
    items: Vec<ItemOf<ItemKindV5>>,
    deleted: Vec<TombstoneV5>,
    created: Timestamp,
    modified: Timestamp,
    session: SessionV6,
    votes: Vec<VoteV5>,
    responses: Vec<ResponseV5>,
}

impl BoardV7 {
    /// Version 7 → 8: the same board; version 8 added sketches, headings and turned
    /// pictures.
    pub fn migrate(self) -> BoardV8 {
        BoardV8 {
            id: self.id,
            title: self.title,
            description: self.description,
            goals: self.goals,
            themes: self.themes,
            items: self.items.into_iter().map(|i| i.reshape(ItemKindV5::into_v8)).collect(),
            deleted: self.deleted,
            created: self.created,
            modified: self.modified,
            session: self.session,
            votes: self.votes,
            responses: self.responses,
        }
    }
}

impl ItemKindV5 {
    /// Version 5's kinds as version 8 writes them: pictures not turned.
    fn into_v8(self) -> ItemKindV8 {
        match self {
            ItemKindV5::Image { asset, file_name, pixel_size, caption, crop } => {
                ItemKindV8::Image { asset, file_name, pixel_size, caption, crop, turn: Turn::default() }
            }
            ItemKindV5::Quote { text, by, citation } => ItemKindV8::Quote { text, by, citation },
            ItemKindV5::Link { url, title, note, description, site, picture } => {
                ItemKindV8::Link { url, title, note, description, site, picture }
            }
            ItemKindV5::Note { text } => ItemKindV8::Note { text },
            ItemKindV5::Colour { hex, name } => ItemKindV8::Colour { hex, name },
        }
    }
}

/// Version 8: the kinds of version 7 with sketches and headings, pictures that turn.
#[derive(Deserialize)]
pub struct BoardV8 {
    id: BoardId,
    title: String,
    description: String,
    goals: Vec<String>,
    themes: Vec<ThemeV7>,
    items: Vec<ItemOf<ItemKindV8>>,
    deleted: Vec<TombstoneV5>,
    created: Timestamp,
    modified: Timestamp,
    session: SessionV6,
    votes: Vec<VoteV5>,
    responses: Vec<ResponseV5>,
}

impl BoardV8 {
    /// Version 8 → 9: the same board; version 9 added connectors.
    pub fn migrate(self) -> BoardV9 {
        BoardV9 {
            id: self.id,
            title: self.title,
            description: self.description,
            goals: self.goals,
            themes: self.themes,
            items: self.items,
            deleted: self.deleted,
            created: self.created,
            modified: self.modified,
            session: self.session,
            votes: self.votes,
            responses: self.responses,
            connectors: Vec::new(),
        }
    }
}

/// A connector in version 9, as today's.
#[derive(Deserialize)]
#[serde(rename = "Connector")]
pub struct ConnectorV9 {
    id: ConnectorId,
    from: End,
    to: End,
    label: String,
    heads: Heads,
    dashed: bool,
    by: String,
    modified: Timestamp,
}

/// Version 9: version 8's board with connectors (its kinds are version 8's: a picture
/// has no web address yet).
#[derive(Deserialize)]
pub struct BoardV9 {
    id: BoardId,
    title: String,
    description: String,
    goals: Vec<String>,
    themes: Vec<ThemeV7>,
    items: Vec<ItemOf<ItemKindV8>>,
    deleted: Vec<TombstoneV5>,
    created: Timestamp,
    modified: Timestamp,
    session: SessionV6,
    votes: Vec<VoteV5>,
    responses: Vec<ResponseV5>,
    connectors: Vec<ConnectorV9>,
}

impl BoardV9 {
    /// Version 9 → 10 (today's model): the same board; version 10 keeps the web address
    /// a picture came from, which an older picture does not know (empty).
    pub fn migrate(self) -> Board {
        let s = self.session;
        let deleted = self.deleted.into_iter().map(|t| Tombstone { id: t.id, at: t.at, by: t.by, saw: t.saw });
        let mut board = Board::restored(self.id, self.created, self.modified, deleted.collect());
        board.title = self.title;
        board.description = self.description;
        board.goals = self.goals;
        board.themes = self
            .themes
            .into_iter()
            .map(|t| Theme {
                id: t.id,
                name: t.name,
                colour: t.colour,
                description: t.description,
                rank: t.rank,
                frame: t.frame,
                locked: t.locked,
                modified: t.modified,
            })
            .collect::<Vec<_>>()
            .into();
        board.items = self.items.into_iter().map(ItemOf::<ItemKindV8>::current).collect::<Vec<_>>().into();
        board.session = Session {
            phase: s.phase,
            timer: s.timer,
            hide_contributors: s.hide_contributors,
            private_collect: s.private_collect,
            dots_per_person: s.dots_per_person,
            votes_revealed: s.votes_revealed,
            own_prompts: s.own_prompts,
            modified: s.modified,
        };
        board.votes = self
            .votes
            .into_iter()
            .map(|v| Vote { id: v.id, item: v.item, by: v.by, at: v.at })
            .collect::<Vec<_>>()
            .into();
        board.responses = self
            .responses
            .into_iter()
            .map(|r| Response {
                id: r.id,
                item: r.item,
                by: r.by,
                answer: match r.answer {
                    AnswerV5::Reaction(reaction) => crate::model::Answer::Reaction(reaction),
                    AnswerV5::Reply(text) => crate::model::Answer::Reply(text),
                },
                at: r.at,
            })
            .collect::<Vec<_>>()
            .into();
        board.connectors = self
            .connectors
            .into_iter()
            .map(|c| Connector {
                id: c.id,
                from: c.from,
                to: c.to,
                label: c.label,
                heads: c.heads,
                dashed: c.dashed,
                by: c.by,
                modified: c.modified,
            })
            .collect::<Vec<_>>()
            .into();
        board
    }
}

impl ItemOf<ItemKindV8> {
    /// Version 8's item as today's: the same fields, the kinds in their own structs.
    fn current(self) -> Item {
        let item = self.reshape(|kind| -> ItemKind {
            match kind {
                ItemKindV8::Image { asset, file_name, pixel_size, caption, crop, turn } => {
                    Image { asset, file_name, pixel_size, caption, crop, turn, url: String::new() }.into()
                }
                ItemKindV8::Quote { text, by, citation } => Quote { text, by, citation }.into(),
                ItemKindV8::Link { url, title, note, description, site, picture } => {
                    Link { url, title, note, description, site, picture }.into()
                }
                ItemKindV8::Note { text } => Note { text }.into(),
                ItemKindV8::Colour { hex, name } => Colour { hex, name }.into(),
                ItemKindV8::Sketch { area, strokes, caption } => Sketch {
                    area,
                    strokes: strokes
                        .into_iter()
                        .map(|s| Stroke { colour: s.colour, width: s.width, pressure: s.pressure, points: s.points })
                        .collect(),
                    caption,
                }
                .into(),
                ItemKindV8::Heading { text, size } => Heading {
                    text,
                    size: match size {
                        HeadingSizeV8::Large => HeadingSize::Large,
                        HeadingSizeV8::Medium => HeadingSize::Medium,
                        HeadingSizeV8::Small => HeadingSize::Small,
                    },
                }
                .into(),
            }
        });
        Item {
            id: item.id,
            kind: item.kind,
            pos: item.pos,
            size: item.size,
            z: item.z,
            theme: item.theme,
            tags: item.tags,
            contributor: item.contributor,
            source: item.source,
            locked: item.locked,
            created: item.created,
            modified: item.modified,
        }
    }
}
