//! The layouts of older board files, frozen as they were, and the steps that migrate
//! each to the next (see the table of versions in docs/FORMAT.md). Never change these:
//! a change here changes how old files read.

use serde::Deserialize;

use crate::model::{
    AssetName, Board, BoardId, BoardRect, Crop, FORMAT_VERSION, Item, ItemId, ItemKind, Phase, PixelSize, Pos,
    Response, Session, Size, Theme, ThemeId, Timer, Timestamp, Tombstone, Vote,
};

/// A tombstone of versions 1 and 2: no `saw`. It deleted every version up to its `at`.
#[derive(Deserialize)]
pub struct TombstoneV2 {
    id: String,
    at: Timestamp,
    by: String,
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

/// An item of versions 1 to 3.
#[derive(Deserialize)]
pub struct ItemV3 {
    id: ItemId,
    kind: ItemKindV3,
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

/// Version 1: a board without a session, votes or responses.
#[derive(Deserialize)]
pub struct BoardV1 {
    id: BoardId,
    title: String,
    description: String,
    goals: Vec<String>,
    themes: Vec<ThemeV3>,
    items: Vec<ItemV3>,
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
            session: SessionV5::from_current(Session::default()),
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
    items: Vec<ItemV3>,
    deleted: Vec<TombstoneV2>,
    created: Timestamp,
    modified: Timestamp,
    session: SessionV5,
    votes: Vec<Vote>,
    responses: Vec<Response>,
}

impl BoardV2 {
    /// Version 2 → 3: a tombstone saw everything up to the moment it was made, which is
    /// what version 2's merge assumed.
    pub fn migrate(self) -> BoardV3 {
        let deleted = self.deleted.into_iter().map(|t| Tombstone { saw: t.at, id: t.id, at: t.at, by: t.by }).collect();
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
    items: Vec<ItemV3>,
    deleted: Vec<Tombstone>,
    created: Timestamp,
    modified: Timestamp,
    session: SessionV5,
    votes: Vec<Vote>,
    responses: Vec<Response>,
}

impl BoardV3 {
    /// Version 3 → 4: every theme gets a frame around its cards, moved apart from the
    /// others so that none overlaps (taking its cards along); unsorted cards that sat in
    /// a theme's box move out of it; no picture is cropped.
    pub fn migrate(self) -> BoardV4 {
        let placeholder = BoardRect::from_pos_size(Pos::new(0.0, 0.0), Size::new(1.0, 1.0));
        let themes: Vec<Theme> = self
            .themes
            .into_iter()
            .map(|t| Theme {
                id: t.id,
                name: t.name,
                colour: t.colour,
                description: t.description,
                rank: t.rank,
                frame: placeholder,
                modified: t.modified,
            })
            .collect();
        let items: Vec<Item> = self.items.into_iter().map(ItemV3::migrate).collect();
        let mut board = Board {
            version: FORMAT_VERSION,
            id: self.id,
            title: self.title,
            description: self.description,
            goals: self.goals,
            themes: themes.into(),
            items: items.into(),
            deleted: self.deleted.into(),
            created: self.created,
            modified: self.modified,
            session: self.session.current(),
            votes: self.votes.into(),
            responses: self.responses.into(),
        };
        // Sorted as a loaded board is, so that the frames come out the same every time.
        crate::model::sort_themes(&mut board);
        board.sort_items();
        crate::model::frames::frames_from_cards(&mut board);
        BoardV4::from_current(board)
    }
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

/// An item of version 4.
#[derive(Deserialize)]
pub struct ItemV4 {
    id: ItemId,
    kind: ItemKindV4,
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

/// Version 5: sessions without private collect.
#[derive(Deserialize)]
pub struct BoardV5 {
    id: BoardId,
    title: String,
    description: String,
    goals: Vec<String>,
    themes: Vec<Theme>,
    items: Vec<Item>,
    deleted: Vec<Tombstone>,
    created: Timestamp,
    modified: Timestamp,
    session: SessionV5,
    votes: Vec<Vote>,
    responses: Vec<Response>,
}

impl SessionV5 {
    /// Version 5 → 6: ideas were always collected in the open.
    fn current(self) -> Session {
        Session {
            phase: self.phase,
            timer: self.timer,
            hide_contributors: self.hide_contributors,
            private_collect: false,
            dots_per_person: self.dots_per_person,
            votes_revealed: self.votes_revealed,
            own_prompts: self.own_prompts,
            modified: self.modified,
        }
    }

    /// A current session as version 5 held it (for the steps that work on the current
    /// model); only ever given sessions without private collect.
    fn from_current(s: Session) -> Self {
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

impl BoardV5 {
    /// Version 5 → 6: ideas were always collected in the open.
    pub fn migrate(self) -> Board {
        Board {
            version: FORMAT_VERSION,
            id: self.id,
            title: self.title,
            description: self.description,
            goals: self.goals,
            themes: self.themes.into(),
            items: self.items.into(),
            deleted: self.deleted.into(),
            created: self.created,
            modified: self.modified,
            session: self.session.current(),
            votes: self.votes.into(),
            responses: self.responses.into(),
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
    themes: Vec<Theme>,
    items: Vec<ItemV4>,
    deleted: Vec<Tombstone>,
    created: Timestamp,
    modified: Timestamp,
    session: SessionV5,
    votes: Vec<Vote>,
    responses: Vec<Response>,
}

impl BoardV4 {
    /// Version 4 → 5: links have no preview; nothing else changes.
    pub fn migrate(self) -> BoardV5 {
        BoardV5 {
            id: self.id,
            title: self.title,
            description: self.description,
            goals: self.goals,
            themes: self.themes,
            items: self.items.into_iter().map(ItemV4::migrate).collect(),
            deleted: self.deleted,
            created: self.created,
            modified: self.modified,
            session: self.session,
            votes: self.votes,
            responses: self.responses,
        }
    }

    /// The version 3 → 4 step works on the current model (its frames are the model's
    /// rules); this takes its result back to version 4's shape, which it fits exactly
    /// (no link has a preview yet).
    fn from_current(board: Board) -> Self {
        let items = board
            .items
            .into_iter()
            .map(|i| ItemV4 {
                kind: match i.kind {
                    ItemKind::Image(crate::model::kinds::Image { asset, file_name, pixel_size, caption, crop }) => {
                        ItemKindV4::Image { asset, file_name, pixel_size, caption, crop }
                    }
                    ItemKind::Quote(crate::model::kinds::Quote { text, by, citation }) => {
                        ItemKindV4::Quote { text, by, citation }
                    }
                    ItemKind::Link(crate::model::kinds::Link { url, title, note, .. }) => {
                        ItemKindV4::Link { url, title, note }
                    }
                    ItemKind::Note(crate::model::kinds::Note { text }) => ItemKindV4::Note { text },
                    ItemKind::Colour(crate::model::kinds::Colour { hex, name }) => ItemKindV4::Colour { hex, name },
                },
                id: i.id,
                pos: i.pos,
                size: i.size,
                z: i.z,
                theme: i.theme,
                tags: i.tags,
                contributor: i.contributor,
                source: i.source,
                locked: i.locked,
                created: i.created,
                modified: i.modified,
            })
            .collect();
        Self {
            id: board.id,
            title: board.title,
            description: board.description,
            goals: board.goals,
            themes: board.themes.into_iter().collect(),
            items,
            deleted: board.deleted.into_iter().collect(),
            created: board.created,
            modified: board.modified,
            session: SessionV5::from_current(board.session),
            votes: board.votes.into_iter().collect(),
            responses: board.responses.into_iter().collect(),
        }
    }
}

impl ItemV4 {
    fn migrate(self) -> Item {
        let kind = match self.kind {
            ItemKindV4::Image { asset, file_name, pixel_size, caption, crop } => {
                ItemKind::Image(crate::model::kinds::Image { asset, file_name, pixel_size, caption, crop })
            }
            ItemKindV4::Quote { text, by, citation } => ItemKind::quote(text, by, citation),
            ItemKindV4::Link { url, title, note } => ItemKind::link(url, title, note),
            ItemKindV4::Note { text } => ItemKind::note(text),
            ItemKindV4::Colour { hex, name } => ItemKind::colour(hex, name),
        };
        Item {
            id: self.id,
            kind,
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

impl ItemV3 {
    fn migrate(self) -> Item {
        let kind = match self.kind {
            ItemKindV3::Image { asset, file_name, pixel_size, caption } => {
                ItemKind::Image(crate::model::kinds::Image { asset, file_name, pixel_size, caption, crop: None })
            }
            ItemKindV3::Quote { text, by, citation } => ItemKind::quote(text, by, citation),
            ItemKindV3::Link { url, title, note } => ItemKind::link(url, title, note),
            ItemKindV3::Note { text } => ItemKind::note(text),
            ItemKindV3::Colour { hex, name } => ItemKind::colour(hex, name),
        };
        Item {
            id: self.id,
            kind,
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
