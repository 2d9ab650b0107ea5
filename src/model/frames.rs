//! Themes as frames: each theme owns a rectangle on the board (its frame) and the cards
//! that lie in it. The rules, kept by [`tidy`] after every change:
//!
//! - a themed card lies inside its theme's frame (below the frame's name);
//! - an unsorted card lies in no frame;
//! - frames never overlap: when one grows or moves, its neighbours move aside
//!   (right or down, whichever is the shorter way), always the same way on every
//!   computer, taking their cards with them;
//! - a new card never lands on another card.
//!
//! [`arrange`] packs the frames into a layout shaped like a window (about 16:10), each
//! frame's cards in a tidy masonry of columns.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{Board, BoardRect, Edit, Item, ItemChange, ItemId, Pos, Size, Theme, ThemeId, Timestamp};

/// Space between a frame's edge and its cards.
pub const FRAME_PAD: f32 = 24.0;
/// The band at a frame's top that holds its name.
pub const FRAME_HEADER: f32 = 56.0;
/// Space kept between two frames, and between a frame and an unsorted card.
pub const FRAME_GAP: f32 = 64.0;
/// Space between cards.
pub const CARD_GAP: f32 = 24.0;
/// The size of a new, empty frame: room to drop a few cards.
pub const EMPTY_FRAME: Size = Size::new(600.0, 400.0);
/// Width of a masonry column.
pub const COLUMN: f32 = 300.0;
/// The shape arrange aims for: a window's.
pub const ASPECT: f32 = 16.0 / 10.0;

fn rect(item: &Item) -> BoardRect {
    BoardRect::from_pos_size(item.pos, item.size)
}

fn translate(r: BoardRect, dx: f32, dy: f32) -> BoardRect {
    BoardRect { min: Pos::new(r.min.x + dx, r.min.y + dy), max: Pos::new(r.max.x + dx, r.max.y + dy) }
}

/// Whether `a` and `b` come closer than `gap`.
fn too_close(a: BoardRect, b: BoardRect, gap: f32) -> bool {
    a.min.x < b.max.x + gap && b.min.x < a.max.x + gap && a.min.y < b.max.y + gap && b.min.y < a.max.y + gap
}

fn inside(inner: BoardRect, outer: BoardRect) -> bool {
    inner.min.x >= outer.min.x - 0.5
        && inner.min.y >= outer.min.y - 0.5
        && inner.max.x <= outer.max.x + 0.5
        && inner.max.y <= outer.max.y + 0.5
}

/// Where a frame's cards go: inside its padding, below its name.
pub fn content_area(frame: BoardRect) -> BoardRect {
    BoardRect {
        min: Pos::new(frame.min.x + FRAME_PAD, frame.min.y + FRAME_HEADER),
        max: Pos::new(frame.max.x - FRAME_PAD, frame.max.y - FRAME_PAD),
    }
}

/// The frame whose content area is `content`.
fn frame_for_content(content: BoardRect) -> BoardRect {
    BoardRect {
        min: Pos::new(content.min.x - FRAME_PAD, content.min.y - FRAME_HEADER),
        max: Pos::new(content.max.x + FRAME_PAD, content.max.y + FRAME_PAD),
    }
}

/// The smallest frame that holds `cards` where they are, at least as big as an empty one.
pub fn frame_around(cards: impl IntoIterator<Item = BoardRect>) -> Option<BoardRect> {
    let content = cards.into_iter().reduce(BoardRect::union)?;
    let mut frame = frame_for_content(content);
    frame.max.x = frame.max.x.max(frame.min.x + EMPTY_FRAME.w);
    frame.max.y = frame.max.y.max(frame.min.y + EMPTY_FRAME.h);
    Some(frame)
}

/// The theme whose frame is at `p` (frames never overlap, so there is at most one).
pub fn frame_at(board: &Board, p: Pos) -> Option<&Theme> {
    board.themes.iter().find(|t| t.frame.contains(p))
}

/// A free place for a card of `size` in `frame`, among `taken` cards: the first slot,
/// row by row from the top-left of its content area, that touches no card.
pub fn free_spot_in(frame: BoardRect, taken: &[BoardRect], size: Size) -> Option<Pos> {
    let area = content_area(frame);
    let step = CARD_GAP;
    let mut y = area.min.y;
    while y + size.h <= area.max.y + 0.5 {
        let mut x = area.min.x;
        while x + size.w <= area.max.x + 0.5 {
            let candidate = BoardRect::from_pos_size(Pos::new(x, y), size);
            match taken.iter().find(|t| too_close(**t, candidate, CARD_GAP / 2.0 - 0.5)) {
                None => return Some(Pos::new(x, y)),
                // Jump past the card in the way.
                Some(t) => x = (t.max.x + CARD_GAP).max(x + step),
            }
        }
        y += step;
    }
    None
}

/// A free place for a card of `size` outside every frame and off every card, as near to
/// `near` (its top-left corner) as there is room, searched ring by ring; inside `within`
/// (the part of the board the user sees) if there is room there.
pub fn free_spot_outside(board: &Board, near: Pos, size: Size, within: Option<BoardRect>) -> Pos {
    let cards: Vec<BoardRect> = board.items.iter().map(rect).collect();
    let frames: Vec<BoardRect> = board.themes.iter().map(|t| t.frame).collect();
    within
        .and_then(|w| free_spot_within(&cards, &frames, near, size, w))
        .unwrap_or_else(|| free_spot_among(&cards, &frames, near, size))
}

/// [`free_spot_among`] keeping to `within`; `None` if nothing there is free.
fn free_spot_within(
    cards: &[BoardRect],
    frames: &[BoardRect],
    near: Pos,
    size: Size,
    within: BoardRect,
) -> Option<Pos> {
    let free = |p: Pos| {
        let r = BoardRect::from_pos_size(p, size);
        inside(r, within)
            && !cards.iter().any(|c| too_close(*c, r, CARD_GAP / 2.0 - 0.5))
            && !frames.iter().any(|f| too_close(*f, r, 0.0))
    };
    // At most about 200 × 200 candidates, however far the user zoomed out.
    let step = CARD_GAP.max(within.width() / 200.0).max(within.height() / 200.0);
    let mut best: Option<(f32, Pos)> = None;
    let mut y = within.min.y;
    while y + size.h <= within.max.y {
        let mut x = within.min.x;
        while x + size.w <= within.max.x {
            let p = Pos::new(x, y);
            let d = (x - near.x).powi(2) + (y - near.y).powi(2);
            if best.is_none_or(|(b, _)| d < b) && free(p) {
                best = Some((d, p));
            }
            x += step;
        }
        y += step;
    }
    best.map(|(_, p)| p)
}

fn free_spot_among(cards: &[BoardRect], frames: &[BoardRect], near: Pos, size: Size) -> Pos {
    let is_free = |p: Pos| {
        let r = BoardRect::from_pos_size(p, size);
        !cards.iter().any(|c| too_close(*c, r, CARD_GAP / 2.0 - 0.5)) && !frames.iter().any(|f| too_close(*f, r, 0.0))
    };
    let (step_x, step_y) = (size.w / 2.0 + CARD_GAP, size.h / 2.0 + CARD_GAP);
    for ring in 0..=64 {
        let mut cells: Vec<(i32, i32)> = (-ring..=ring)
            .flat_map(|dx: i32| (-ring..=ring).map(move |dy: i32| (dx, dy)))
            .filter(|(dx, dy)| dx.abs().max(dy.abs()) == ring)
            .collect();
        cells.sort_by_key(|(dx, dy)| (dx * dx + dy * dy, *dy, *dx));
        for (dx, dy) in cells {
            let p = Pos::new(near.x + dx as f32 * step_x, near.y + dy as f32 * step_y).clamped();
            if is_free(p) {
                return p;
            }
        }
    }
    // Nothing near: below everything.
    let bottom = cards.iter().chain(frames).map(|r| r.max.y).fold(near.y, f32::max);
    Pos::new(near.x, bottom + FRAME_GAP)
}

/// A free place for a frame of `size` near `near` (its top-left), off every card and
/// frame.
pub fn free_frame_spot(board: &Board, near: Pos, size: Size) -> Pos {
    let cards: Vec<BoardRect> = board.items.iter().map(rect).collect();
    let frames: Vec<BoardRect> = board
        .themes
        .iter()
        .map(|t| BoardRect {
            min: Pos::new(t.frame.min.x - FRAME_GAP, t.frame.min.y - FRAME_GAP),
            max: Pos::new(t.frame.max.x + FRAME_GAP, t.frame.max.y + FRAME_GAP),
        })
        .collect();
    free_spot_among(&cards, &frames, near, size)
}

/// Where a new frame goes when nobody points: to the right of everything on the board.
pub fn next_frame_spot(board: &Board) -> Pos {
    let right = board
        .themes
        .iter()
        .map(|t| t.frame.max.x)
        .chain(board.items.iter().map(|i| i.pos.x + i.size.w))
        .fold(f32::MIN, f32::max);
    let top =
        board.themes.iter().map(|t| t.frame.min.y).chain(board.items.iter().map(|i| i.pos.y)).fold(f32::MAX, f32::min);
    if right == f32::MIN { Pos::new(0.0, 0.0) } else { Pos::new(right + FRAME_GAP, top) }
}

/// Where a new card of `size` goes: inside `theme`'s frame (below its other cards if it
/// is full; [`tidy`] then grows the frame), or, unsorted, outside every frame near
/// `near`, inside `within` (what the user sees) when there is room there.
pub fn place_card(board: &Board, theme: Option<&ThemeId>, near: Pos, size: Size, within: Option<BoardRect>) -> Pos {
    let Some(frame) = theme.and_then(|t| board.theme(t)).map(|t| t.frame) else {
        return free_spot_outside(board, near, size, within);
    };
    let taken: Vec<BoardRect> = board.items_in_theme(theme).map(rect).collect();
    free_spot_in(frame, &taken, size).unwrap_or_else(|| {
        let area = content_area(frame);
        let bottom = taken.iter().map(|r| r.max.y).fold(area.min.y - CARD_GAP, f32::max);
        Pos::new(area.min.x, bottom + CARD_GAP)
    })
}

/// Lays `sizes` in a masonry of columns within `width`, from `origin`: each card goes
/// under the shortest column. Returns each card's position and the height used.
pub fn masonry(sizes: &[Size], origin: Pos, width: f32) -> (Vec<Pos>, f32) {
    let column = sizes.iter().map(|s| s.w).fold(COLUMN, f32::max);
    let columns = (((width + CARD_GAP) / (column + CARD_GAP)).floor() as usize).max(1);
    let mut heights = vec![0.0_f32; columns];
    let mut out = Vec::with_capacity(sizes.len());
    for size in sizes {
        let (col, _) =
            heights.iter().enumerate().fold((0, f32::MAX), |best, (i, h)| if *h < best.1 { (i, *h) } else { best });
        out.push(Pos::new(origin.x + col as f32 * (column + CARD_GAP), origin.y + heights[col]));
        heights[col] += size.h + CARD_GAP;
    }
    let used = heights.iter().copied().fold(0.0, f32::max) - if sizes.is_empty() { 0.0 } else { CARD_GAP };
    (out, used.max(0.0))
}

/// A group laid out by arrange: its theme (`None`: the unsorted cards), where each card
/// goes relative to the group's corner, and the group's size.
type Block<'a> = (Option<&'a Theme>, Vec<(&'a Item, Pos)>, Size);

/// The frames and card positions a change leads to, before they become an edit.
struct Scratch<'a> {
    board: &'a Board,
    /// Each theme's cards, in stacking order.
    members: HashMap<ThemeId, Vec<&'a Item>>,
    frames: BTreeMap<ThemeId, BoardRect>,
    /// Rank order of the themes, for deterministic pushing.
    order: Vec<ThemeId>,
    positions: HashMap<ItemId, Pos>,
}

impl<'a> Scratch<'a> {
    fn new(board: &'a Board) -> Self {
        let mut members: HashMap<ThemeId, Vec<&'a Item>> = HashMap::new();
        for item in &board.items {
            if let Some(t) = board.theme_of(item) {
                members.entry(t.clone()).or_default().push(item);
            }
        }
        Self {
            board,
            members,
            frames: board.themes.iter().map(|t| (t.id.clone(), t.frame)).collect(),
            order: board.themes.iter().map(|t| t.id.clone()).collect(),
            positions: HashMap::new(),
        }
    }

    fn pos(&self, item: &Item) -> Pos {
        self.positions.get(&item.id).copied().unwrap_or(item.pos)
    }

    fn rect(&self, item: &Item) -> BoardRect {
        BoardRect::from_pos_size(self.pos(item), item.size)
    }

    fn cards_of(&self, theme: &ThemeId) -> impl Iterator<Item = &'a Item> + '_ {
        self.members.get(theme).into_iter().flatten().copied()
    }

    /// Moves a frame and its cards.
    fn shift(&mut self, theme: &ThemeId, dx: f32, dy: f32) {
        if let Some(f) = self.frames.get_mut(theme) {
            *f = translate(*f, dx, dy);
        }
        let moving: Vec<(ItemId, Pos)> = self.cards_of(theme).map(|i| (i.id.clone(), self.pos(i))).collect();
        for (id, p) in moving {
            self.positions.insert(id, Pos::new(p.x + dx, p.y + dy));
        }
    }

    /// Themed cards into their frames: a card over its frame grows the frame, a card
    /// elsewhere moves in. Returns the frames that grew.
    fn cards_into_frames(&mut self, new: &BTreeSet<ItemId>) -> BTreeSet<ThemeId> {
        let mut grew = BTreeSet::new();
        for theme in self.order.clone() {
            let cards: Vec<&Item> = self.cards_of(&theme).collect();
            for card in cards {
                let frame = self.frames[&theme];
                let r = self.rect(card);
                if inside(r, content_area(frame)) && !new.contains(&card.id) {
                    continue;
                }
                let others: Vec<BoardRect> =
                    self.cards_of(&theme).filter(|i| i.id != card.id).map(|i| self.rect(i)).collect();
                let fits_here =
                    inside(r, content_area(frame)) && !others.iter().any(|o| too_close(*o, r, CARD_GAP / 2.0 - 0.5));
                if fits_here {
                    continue;
                }
                if frame.contains(r.center()) && !new.contains(&card.id) {
                    // Dropped at the frame's edge: the frame grows to take it.
                    let content = content_area(frame).union(r);
                    self.frames.insert(theme.clone(), frame_for_content(content).union(frame));
                    grew.insert(theme.clone());
                    continue;
                }
                let spot = free_spot_in(frame, &others, card.size).unwrap_or_else(|| {
                    let area = content_area(frame);
                    let bottom = others.iter().map(|o| o.max.y).fold(area.min.y - CARD_GAP, f32::max);
                    Pos::new(area.min.x, bottom + CARD_GAP)
                });
                self.positions.insert(card.id.clone(), spot);
                let r = BoardRect::from_pos_size(spot, card.size);
                if !inside(r, content_area(frame)) {
                    self.frames.insert(theme.clone(), frame_for_content(content_area(frame).union(r)));
                    grew.insert(theme.clone());
                }
            }
        }
        grew
    }

    /// Moves frames apart until none is too close to another. Frames in `fixed` stay
    /// where they are as long as they can; the others move right or down, whichever is
    /// shorter, in rank order.
    fn push_apart(&mut self, fixed: &BTreeSet<ThemeId>, start: Vec<ThemeId>) {
        let rank: HashMap<ThemeId, usize> = self.order.iter().enumerate().map(|(i, t)| (t.clone(), i)).collect();
        // Which of two goes: the one not fixed, else the later in rank.
        let mover = |a: &ThemeId, b: &ThemeId| -> bool {
            match (fixed.contains(a), fixed.contains(b)) {
                (true, false) => true,
                (false, true) => false,
                _ => rank[a] < rank[b],
            }
        };
        // Only frames that moved can have come too close: they are where to look.
        let mut work: Vec<ThemeId> = start;
        let mut rounds = 0usize;
        let limit = 64 * (self.order.len() + 1).pow(2);
        while let Some(a) = work.pop() {
            rounds += 1;
            if rounds > limit {
                break;
            }
            for b in self.order.clone() {
                if a == b {
                    continue;
                }
                let (fa, fb) = (self.frames[&a], self.frames[&b]);
                if !too_close(fa, fb, FRAME_GAP - 0.5) {
                    continue;
                }
                // `stay` keeps its place, `go` moves aside.
                let (stay, go) = if mover(&a, &b) { (&a, &b) } else { (&b, &a) };
                let (fs, fg) = (self.frames[stay], self.frames[go]);
                let right = fs.max.x + FRAME_GAP - fg.min.x;
                let down = fs.max.y + FRAME_GAP - fg.min.y;
                let go = go.clone();
                if right <= down {
                    self.shift(&go, right, 0.0);
                } else {
                    self.shift(&go, 0.0, down);
                }
                work.push(go);
            }
        }
    }

    /// Unsorted cards (and cards of deleted themes) out of every frame, and `new` cards
    /// off every other card.
    fn loose_cards_out(&mut self, new: &BTreeSet<ItemId>) {
        let frames: Vec<BoardRect> = self.frames.values().copied().collect();
        let loose: Vec<&Item> = self.board.items.iter().filter(|i| self.board.theme_of(i).is_none()).collect();
        for card in loose {
            let r = self.rect(card);
            let in_frame = frames.iter().any(|f| too_close(*f, r, 0.0));
            let on_card = new.contains(&card.id)
                && self.board.items.iter().any(|o| o.id != card.id && too_close(self.rect(o), r, CARD_GAP / 2.0 - 0.5));
            if !in_frame && !on_card {
                continue;
            }
            let cards: Vec<BoardRect> =
                self.board.items.iter().filter(|o| o.id != card.id).map(|o| self.rect(o)).collect();
            let spot = free_spot_among(&cards, &frames, r.min, card.size);
            self.positions.insert(card.id.clone(), spot);
        }
    }

    /// Frames too close to another, found by one sweep along x.
    fn crowded(&self) -> Vec<ThemeId> {
        let mut by_x: Vec<(&ThemeId, BoardRect)> = self.frames.iter().map(|(t, f)| (t, *f)).collect();
        by_x.sort_by(|a, b| a.1.min.x.total_cmp(&b.1.min.x).then_with(|| a.0.cmp(b.0)));
        let mut crowded = BTreeSet::new();
        let mut active: Vec<(&ThemeId, BoardRect)> = Vec::new();
        for (t, f) in by_x {
            active.retain(|(_, a)| a.max.x + FRAME_GAP > f.min.x);
            for (u, a) in &active {
                if too_close(*a, f, FRAME_GAP - 0.5) {
                    crowded.insert((*u).clone());
                    crowded.insert(t.clone());
                }
            }
            active.push((t, f));
        }
        crowded.into_iter().collect()
    }

    fn into_edit(self, now: Timestamp) -> Edit {
        let mut edits = Vec::new();
        for theme in &self.board.themes {
            let frame = self.frames[&theme.id];
            if frame != theme.frame {
                edits.push(Edit::ReplaceTheme(Theme { frame, modified: now, ..theme.clone() }));
            }
        }
        for item in &self.board.items {
            if let Some(p) = self.positions.get(&item.id)
                && *p != item.pos
            {
                edits.push(Edit::ChangeItem { id: item.id.clone(), change: ItemChange::Pos(*p), at: now });
            }
        }
        Edit::Batch(edits)
    }
}

/// What an edit does that the frame rules care about: the frames it sets (they stay
/// put; their neighbours move) and the cards it adds (they get a free place).
pub fn touched(edit: &Edit) -> (BTreeSet<ThemeId>, BTreeSet<ItemId>) {
    let (mut frames, mut cards) = (BTreeSet::new(), BTreeSet::new());
    fn walk(edit: &Edit, frames: &mut BTreeSet<ThemeId>, cards: &mut BTreeSet<ItemId>) {
        match edit {
            Edit::InsertTheme(t) | Edit::ReplaceTheme(t) => {
                frames.insert(t.id.clone());
            }
            Edit::InsertItem(item) => {
                cards.insert(item.id.clone());
            }
            Edit::Batch(edits) => edits.iter().for_each(|e| walk(e, frames, cards)),
            _ => {}
        }
    }
    walk(edit, &mut frames, &mut cards);
    (frames, cards)
}

/// Restores the frame rules on `board` after `edit` (already applied) as a change made
/// now, stamped by `clock`; returns the edit that undoes the tidying.
pub fn tidy_after(board: &mut Board, edit: &Edit, clock: &mut super::Stamper) -> Result<Edit, super::EditError> {
    let (anchors, new) = touched(edit);
    tidy(board, &anchors, &new, Timestamp::EPOCH).apply_stamped(board, clock)
}

/// The edit that restores the frame rules (see the module) after a change. Frames in
/// `anchors` (the ones the user just moved or resized) keep their place; `new` cards
/// (just added, merged in) are found a free place. Empty when the board keeps the rules.
pub fn tidy(board: &Board, anchors: &BTreeSet<ThemeId>, new: &BTreeSet<ItemId>, now: Timestamp) -> Edit {
    let mut s = Scratch::new(board);
    let mut fixed = anchors.clone();
    fixed.extend(s.cards_into_frames(new));
    let mut start: Vec<ThemeId> = s.crowded();
    start.extend(fixed.iter().cloned());
    s.push_apart(&fixed, start);
    // Pushing moved cards with their frames; a frame may now sit on an unsorted card.
    s.loose_cards_out(new);
    s.into_edit(now)
}

/// Frames for a board that has none yet (an older file): each theme's frame around its
/// cards, then moved apart so that none overlaps another ([`tidy_in_place`]).
pub fn frames_from_cards(board: &mut Board) {
    let mut next = next_frame_spot(board);
    for index in 0..board.themes.len() {
        let id = board.themes[index].id.clone();
        let cards = board.items.iter().filter(|i| board.theme_of(i) == Some(&id)).map(rect).filter(|r| r.is_valid());
        let frame = frame_around(cards).unwrap_or_else(|| {
            let f = BoardRect::from_pos_size(next, EMPTY_FRAME);
            next = Pos::new(f.max.x + FRAME_GAP, next.y);
            f
        });
        board.themes[index].frame = frame;
    }
    tidy_in_place(board);
}

/// Makes the board keep the frame rules, changing frames and card places directly,
/// with no new stamps: for a board as it is read (an older file, a file whose frames
/// were written by someone else), not for a change someone makes.
pub fn tidy_in_place(board: &mut Board) {
    let mut s = Scratch::new(board);
    s.cards_into_frames(&BTreeSet::new());
    let crowded = s.crowded();
    s.push_apart(&BTreeSet::new(), crowded);
    s.loose_cards_out(&BTreeSet::new());
    let (frames, positions) = (s.frames, s.positions);
    for theme in board.themes.iter_mut() {
        if let Some(f) = frames.get(&theme.id) {
            theme.frame = *f;
        }
    }
    for (id, p) in positions {
        if let Some(item) = board.item_mut(&id) {
            item.pos = p;
        }
    }
}

/// Packs the frames into a layout shaped like a window (about 16:10), each frame's cards
/// in a masonry, unsorted cards in a block of their own after them. Locked cards stay
/// where they are. One edit (one undo step).
pub fn arrange(board: &Board, now: Timestamp) -> Edit {
    arrange_in(board, now, None, ASPECT)
}

/// [`arrange`] for a canvas of the shape `aspect` (width / height): what the app does,
/// so that the arranged board fills the part of the window the canvas has.
pub fn arrange_for(board: &Board, aspect: f32, now: Timestamp) -> Edit {
    arrange_in(board, now, None, sane_aspect(aspect))
}

/// An aspect to aim for: the one given if it is a usable shape, else a window's.
fn sane_aspect(aspect: f32) -> f32 {
    if aspect.is_finite() && aspect > 0.0 { aspect.clamp(0.5, 3.0) } else { ASPECT }
}

/// [`arrange`] with the frames (and each frame's cards) in the order `order` gives; used
/// by shuffle. `None` keeps sidebar and stacking order.
fn arrange_in(board: &Board, now: Timestamp, order: Option<&mut fastrand::Rng>, aspect: f32) -> Edit {
    // Each group: its theme (None: unsorted) and its movable cards.
    let mut by_theme = board.items_by_theme();
    let mut groups: Vec<(Option<&Theme>, Vec<&Item>)> = board
        .themes
        .iter()
        .map(|t| {
            (Some(t), by_theme.remove(&Some(&t.id)).unwrap_or_default().into_iter().filter(|i| !i.locked).collect())
        })
        .collect();
    let unsorted: Vec<&Item> = board.items.iter().filter(|i| board.theme_of(i).is_none() && !i.locked).collect();
    if let Some(rng) = order {
        rng.shuffle(&mut groups);
        for (_, cards) in &mut groups {
            rng.shuffle(cards);
        }
    }
    // Each group's block: a content width from its cards, then masonry.
    let mut blocks: Vec<Block<'_>> = Vec::new();
    for (theme, cards) in groups.into_iter().chain(std::iter::once((None, unsorted))) {
        if theme.is_none() && cards.is_empty() {
            continue;
        }
        let area: f32 = cards.iter().map(|i| (i.size.w + CARD_GAP) * (i.size.h + CARD_GAP)).sum();
        let widest = cards.iter().map(|i| i.size.w).fold(COLUMN, f32::max);
        let columns = ((area.sqrt() * aspect.sqrt()) / (widest + CARD_GAP)).round().max(1.0);
        let width = columns * (widest + CARD_GAP) - CARD_GAP;
        let sizes: Vec<Size> = cards.iter().map(|i| i.size).collect();
        let (positions, height) = masonry(&sizes, Pos::new(0.0, 0.0), width);
        let placed = cards.into_iter().zip(positions).collect();
        let content =
            Size::new(width.max(EMPTY_FRAME.w - 2.0 * FRAME_PAD), height.max(EMPTY_FRAME.h - FRAME_HEADER - FRAME_PAD));
        let outer = if theme.is_some() {
            Size::new(content.w + 2.0 * FRAME_PAD, content.h + FRAME_HEADER + FRAME_PAD)
        } else {
            Size::new(width, height)
        };
        blocks.push((theme, placed, outer));
    }
    // Shelves: blocks left to right, a new shelf past a width chosen so that the whole
    // comes closest to a window's shape.
    let origin = board.bounds().map_or(Pos::new(0.0, 0.0), |b| b.min);
    let sizes: Vec<Size> = blocks.iter().map(|(_, _, s)| *s).collect();
    let mut candidates: Vec<f32> = Vec::new();
    let mut run = 0.0;
    for s in &sizes {
        run += s.w + if run > 0.0 { FRAME_GAP } else { 0.0 };
        candidates.push(run);
    }
    let widest = sizes.iter().map(|s| s.w).fold(0.0, f32::max);
    let score = |width: f32| {
        let (w, h) = shelves(&sizes, width.max(widest)).1;
        ((w / h.max(1.0)) / aspect).ln().abs()
    };
    let width = candidates.into_iter().fold(widest, |best, c| if score(c) < score(best) - 1e-3 { c } else { best });
    let (places, _) = shelves(&sizes, width.max(widest));
    let mut edits = Vec::new();
    for ((theme, placed, outer), at) in blocks.into_iter().zip(places) {
        let (x, y) = (origin.x + at.x, origin.y + at.y);
        let (card_origin, frame) = match theme {
            Some(_) => {
                let frame = BoardRect::from_pos_size(Pos::new(x, y), outer);
                (content_area(frame).min, Some(frame))
            }
            None => (Pos::new(x, y), None),
        };
        if let (Some(t), Some(frame)) = (theme, frame)
            && frame != t.frame
        {
            edits.push(Edit::ReplaceTheme(Theme { frame, modified: now, ..t.clone() }));
        }
        for (item, p) in placed {
            let pos = Pos::new(card_origin.x + p.x, card_origin.y + p.y);
            if pos != item.pos {
                edits.push(Edit::ChangeItem { id: item.id.clone(), change: ItemChange::Pos(pos), at: now });
            }
        }
    }
    Edit::Batch(edits)
}

/// Blocks of `sizes` on shelves no wider than `width`: each block's top-left (from the
/// corner) and the size of the whole.
fn shelves(sizes: &[Size], width: f32) -> (Vec<Pos>, (f32, f32)) {
    let (mut x, mut y, mut shelf, mut right) = (0.0_f32, 0.0_f32, 0.0_f32, 0.0_f32);
    let mut places = Vec::with_capacity(sizes.len());
    for s in sizes {
        if x > 0.0 && x + s.w > width + 0.5 {
            x = 0.0;
            y += shelf + FRAME_GAP;
            shelf = 0.0;
        }
        places.push(Pos::new(x, y));
        right = right.max(x + s.w);
        x += s.w + FRAME_GAP;
        shelf = shelf.max(s.h);
    }
    (places, (right, y + shelf))
}

/// Re-lays the board in a random order — frames, and the cards in each — so that nobody
/// stays anchored on the first grouping. `seed` picks the order; one edit (one undo
/// step). Themes stay as they are: only places change, and the frame rules hold.
pub fn shuffle(board: &Board, seed: u64, now: Timestamp) -> Edit {
    shuffle_for(board, seed, ASPECT, now)
}

/// [`shuffle`] for a canvas of the shape `aspect` (see [`arrange_for`]).
pub fn shuffle_for(board: &Board, seed: u64, aspect: f32, now: Timestamp) -> Edit {
    if board.items.iter().filter(|i| !i.locked).count() < 2 {
        return Edit::Batch(Vec::new());
    }
    arrange_in(board, now, Some(&mut fastrand::Rng::with_seed(seed)), sane_aspect(aspect))
}

/// Where dragged cards were dropped.
#[derive(Clone, Debug, PartialEq)]
pub enum Drop {
    /// In a theme's frame on the canvas.
    Frame(ThemeId),
    /// On a theme's row in the sidebar.
    Sidebar(ThemeId),
    /// On the open canvas, outside every frame.
    OpenCanvas,
    /// Elsewhere (over a panel): only a move.
    Nowhere,
}

impl Drop {
    /// The theme the cards get: `Some(None)` unsorts, `None` leaves it.
    pub fn theme(&self) -> Option<Option<&ThemeId>> {
        match self {
            Drop::Frame(t) | Drop::Sidebar(t) => Some(Some(t)),
            Drop::OpenCanvas => Some(None),
            Drop::Nowhere => None,
        }
    }
}

/// The edit for a finished drag of the cards `ids` by (`dx`, `dy`): their new places
/// and, by where they were dropped, their theme (the frame's, the sidebar theme's, or
/// unsorted on the open canvas). Dropped on a sidebar theme, cards keep their places and
/// the frame rules move them into its frame. `None` when nothing changes. Returns the
/// edit and how many cards changed theme.
pub fn move_cards(
    board: &Board,
    ids: &[ItemId],
    dx: f32,
    dy: f32,
    drop: &Drop,
    now: Timestamp,
) -> Option<(Edit, usize)> {
    let moves = !matches!(drop, Drop::Sidebar(_)) && dx.hypot(dy) > 0.5;
    let theme = drop.theme();
    let mut edits = Vec::new();
    let mut retheme = 0;
    for id in ids {
        let Some(item) = board.item(id) else { continue };
        if moves && !item.locked {
            let pos = Pos::new(item.pos.x + dx, item.pos.y + dy);
            edits.push(Edit::ChangeItem { id: id.clone(), change: ItemChange::Pos(pos), at: now });
        }
        if let Some(theme) = theme
            && item.theme.as_ref() != theme
        {
            edits.push(Edit::ChangeItem { id: id.clone(), change: ItemChange::Theme(theme.cloned()), at: now });
            retheme += 1;
        }
    }
    (!edits.is_empty()).then_some((Edit::Batch(edits), retheme))
}

/// Moving a frame by (`dx`, `dy`) moves its cards with it: one edit.
pub fn move_frame(board: &Board, theme: &Theme, dx: f32, dy: f32, now: Timestamp) -> Edit {
    let mut edits = vec![Edit::ReplaceTheme(Theme { frame: translate(theme.frame, dx, dy), ..theme.clone() })];
    edits.extend(board.items_in_theme(Some(&theme.id)).filter(|i| !i.locked).map(|i| Edit::ChangeItem {
        id: i.id.clone(),
        change: ItemChange::Pos(Pos::new(i.pos.x + dx, i.pos.y + dy)),
        at: now,
    }));
    Edit::Batch(edits)
}

/// The theme's frame set to `frame`; if its cards no longer fit where they are (or the
/// frame is unchanged: "tidy this frame"), they are laid out again in it in reading
/// order, and the frame grows down as they need.
pub fn resize_frame(board: &Board, theme: &Theme, frame: BoardRect, now: Timestamp) -> Edit {
    let mut cards: Vec<&Item> = board.items_in_theme(Some(&theme.id)).filter(|i| !i.locked).collect();
    let area = content_area(frame);
    let fits = cards.iter().all(|i| inside(rect(i), area));
    let mut edits = vec![Edit::ReplaceTheme(Theme { frame, ..theme.clone() })];
    if !fits || frame == theme.frame {
        cards.sort_by(|a, b| a.pos.y.total_cmp(&b.pos.y).then(a.pos.x.total_cmp(&b.pos.x)));
        let sizes: Vec<Size> = cards.iter().map(|i| i.size).collect();
        let (positions, _) = masonry(&sizes, area.min, area.width().max(CARD_GAP));
        for (item, pos) in cards.iter().zip(positions) {
            if pos != item.pos {
                edits.push(Edit::ChangeItem { id: item.id.clone(), change: ItemChange::Pos(pos), at: now });
            }
        }
    }
    Edit::Batch(edits)
}

/// Whether the board keeps the frame rules: for tests and checks.
pub fn check(board: &Board) -> Result<(), String> {
    if let Some(id) = Scratch::new(board).crowded().first() {
        let name = board.theme(id).map_or("?", |t| t.name.as_str());
        return Err(format!("the frame of “{name}” overlaps another"));
    }
    for item in &board.items {
        let r = rect(item);
        match board.theme_of(item).and_then(|t| board.theme(t)) {
            Some(theme) if !inside(r, content_area(theme.frame)) => {
                return Err(format!("“{}” is outside its frame “{}”", item.kind.summary(), theme.name));
            }
            None if board.themes.iter().any(|t| too_close(t.frame, r, -0.5)) => {
                return Err(format!("the unsorted “{}” lies in a frame", item.kind.summary()));
            }
            _ => {}
        }
    }
    Ok(())
}

/// Whether any two cards overlap: for tests.
pub fn cards_overlap(board: &Board) -> Option<(String, String)> {
    let rects: Vec<(BoardRect, &Item)> = board.items.iter().map(|i| (rect(i), i)).collect();
    for (k, (a, ia)) in rects.iter().enumerate() {
        for (b, ib) in &rects[k + 1..] {
            if too_close(*a, *b, -0.5) {
                return Some((ia.kind.summary(), ib.kind.summary()));
            }
        }
    }
    None
}
