//! Keeping the frame rules (see the module): after a change ([`tidy`]), and on a board
//! as it is read ([`tidy_in_place`]).
//!
//! Every search here looks cards and frames up by where they are ([`Index`]) and spends
//! from one budget of places tried ([`PLACEMENT_BUDGET`]); when it runs out, what is
//! still to be placed goes in rows below its frame's cards, or below everything, and
//! frames still too close to another go on shelves below everything. The rules hold
//! either way, and a board of any size from anyone is tidied in about n log n.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::*;
use crate::model::{Edit, EditError, ItemChange, ItemId};

/// The frames and card positions a change leads to, before they become an edit.
struct Scratch<'a> {
    board: &'a Board,
    /// Each theme's cards, in stacking order.
    members: HashMap<ThemeId, Vec<&'a Item>>,
    frames: BTreeMap<ThemeId, BoardRect>,
    /// Rank order of the themes, for deterministic pushing.
    order: Vec<ThemeId>,
    positions: HashMap<ItemId, Pos>,
    /// Places still to try before the quick answers (see the module).
    budget: usize,
}

/// Cards laid in rows from a corner, left to right, a new row below the tallest card of
/// the last when the next does not fit in `width`: the quick place for many cards.
struct Rows {
    left: f32,
    width: f32,
    x: f32,
    y: f32,
    row_bottom: f32,
}

impl Rows {
    fn from(corner: Pos, width: f32) -> Self {
        Self { left: corner.x, width: width.max(0.0), x: corner.x, y: corner.y, row_bottom: corner.y }
    }

    fn next(&mut self, size: Size) -> Pos {
        if self.x > self.left && self.x + size.w > self.left + self.width {
            self.x = self.left;
            self.y = self.row_bottom + CARD_GAP;
        }
        let at = Pos::new(self.x, self.y);
        self.x += size.w + CARD_GAP;
        self.row_bottom = self.row_bottom.max(self.y + size.h);
        at
    }
}

/// New cards checked by a walk over the others rather than through an index.
const WALK_AT_MOST: usize = 8;

/// Width of the rows cards go in below everything when there is no room near them.
const ROWS_WIDTH: f32 = 16.0 * (COLUMN + CARD_GAP);

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
            budget: PLACEMENT_BUDGET,
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

    /// Spends `n` of the budget; whether there was any left.
    fn spend(&mut self, n: usize) -> bool {
        let had = self.budget > 0;
        self.budget = self.budget.saturating_sub(n);
        had
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
            // The theme's cards by where they are, keyed by stacking order; made when a
            // card first needs a look at the others.
            let mut others: Option<Index> = None;
            let mut rows: Option<Rows> = None;
            for (key, card) in cards.iter().enumerate() {
                let key = u32::try_from(key).unwrap_or(u32::MAX);
                let frame = self.frames[&theme];
                let r = self.rect(card);
                if inside(r, content_area(frame)) && !new.contains(&card.id) {
                    continue;
                }
                let index = others.get_or_insert_with(|| Index::new(cards.iter().map(|i| self.rect(i))));
                index.remove(key, r);
                let fits_here = inside(r, content_area(frame)) && !index.any_near(r, CARD_GAP / 2.0 - 0.5, None);
                if fits_here {
                    index.insert(key, r);
                    continue;
                }
                if frame.contains(r.center()) && !new.contains(&card.id) {
                    // Dropped at the frame's edge: the frame grows to take it.
                    let content = content_area(frame).union(r);
                    self.frames.insert(theme.clone(), frame_for_content(content).union(frame));
                    grew.insert(theme.clone());
                    index.insert(key, r);
                    continue;
                }
                let searched = if self.budget > 0 { spot_in(frame, index, card.size, &mut self.budget) } else { None };
                let spot = match searched {
                    Some(spot) => spot,
                    // No room, and places to try left: below the other cards, exactly.
                    None if rows.is_none() && self.spend(cards.len()) => {
                        let area = content_area(frame);
                        let bottom = cards
                            .iter()
                            .filter(|i| i.id != card.id)
                            .map(|i| self.rect(i).max.y)
                            .fold(area.min.y - CARD_GAP, f32::max);
                        Pos::new(area.min.x, bottom + CARD_GAP)
                    }
                    // Out of places to try: rows below all the theme's cards.
                    None => rows
                        .get_or_insert_with(|| {
                            let area = content_area(frame);
                            let bottom = cards.iter().map(|i| self.rect(i).max.y).fold(area.min.y - CARD_GAP, f32::max);
                            Rows::from(Pos::new(area.min.x, bottom + CARD_GAP), area.width())
                        })
                        .next(card.size),
                };
                self.positions.insert(card.id.clone(), spot);
                let r = BoardRect::from_pos_size(spot, card.size);
                index.insert(key, r);
                if !inside(r, content_area(frame)) {
                    self.frames.insert(theme.clone(), frame_for_content(content_area(frame).union(r)));
                    grew.insert(theme.clone());
                }
            }
        }
        grew
    }

    /// Moves frames apart until none is too close to another. Locked frames, then frames
    /// in `fixed`, stay where they are as long as they can; the others move right or
    /// down, whichever is shorter, in rank order. Stops when the budget runs out (see
    /// [`Self::shelve`]).
    fn push_apart(&mut self, fixed: &BTreeSet<ThemeId>, start: Vec<ThemeId>) {
        let rank: HashMap<ThemeId, usize> = self.order.iter().enumerate().map(|(i, t)| (t.clone(), i)).collect();
        let locked: BTreeSet<&ThemeId> = self.board.themes.iter().filter(|t| t.locked).map(|t| &t.id).collect();
        // Which of two stays: the locked one, else the fixed one, else the earlier in rank.
        let weight = |t: &ThemeId| (locked.contains(t), fixed.contains(t));
        let mover = |a: &ThemeId, b: &ThemeId| -> bool {
            match weight(a).cmp(&weight(b)) {
                std::cmp::Ordering::Greater => true,
                std::cmp::Ordering::Less => false,
                std::cmp::Ordering::Equal => rank[a] < rank[b],
            }
        };
        let mut index = Index::new(self.order.iter().map(|t| self.frames[t]));
        let key = |t: &ThemeId| u32::try_from(rank[t]).unwrap_or(u32::MAX);
        // Only frames that moved can have come too close: they are where to look.
        let mut work: Vec<ThemeId> = start;
        let mut rounds = 0usize;
        let limit = 64 * (self.order.len() + 1).pow(2);
        while let Some(a) = work.pop() {
            rounds += 1;
            if rounds > limit || self.budget == 0 {
                break;
            }
            // The frames too close to `a`, in rank order, each looked at with `a` where
            // it is by then (it may have been the one to move).
            let mut after: Option<u32> = None;
            loop {
                let fa = self.frames[&a];
                let mut seen = 0;
                let next = index
                    .near(fa, FRAME_GAP - 0.5)
                    .inspect(|_| seen += 1)
                    .filter(|(k, _)| *k != key(&a) && after.is_none_or(|after| *k > after))
                    .min_by_key(|(k, _)| *k);
                if !self.spend(seen.max(1)) {
                    break;
                }
                let Some((k, _)) = next else { break };
                after = Some(k);
                let b = self.order[k as usize].clone();
                // `stay` keeps its place, `go` moves aside.
                let (stay, go) = if mover(&a, &b) { (&a, &b) } else { (&b, &a) };
                let (fs, fg) = (self.frames[stay], self.frames[go]);
                let right = fs.max.x + FRAME_GAP - fg.min.x;
                let down = fs.max.y + FRAME_GAP - fg.min.y;
                let go = go.clone();
                index.remove(key(&go), fg);
                if right <= down {
                    self.shift(&go, right, 0.0);
                } else {
                    self.shift(&go, 0.0, down);
                }
                index.insert(key(&go), self.frames[&go]);
                work.push(go);
            }
        }
    }

    /// The frames in `crowded` (too close to another still) on shelves below everything
    /// else, with their cards, in rank order: where the pushing gave up (a board from a
    /// stranger with thousands of frames on one spot), the rules hold all the same.
    fn shelve(&mut self, crowded: &[ThemeId]) {
        let going: BTreeSet<&ThemeId> = crowded.iter().collect();
        let staying = self.order.iter().filter(|t| !going.contains(t)).map(|t| self.frames[t]);
        let cards = self.board.items.iter().filter(|i| self.board.theme_of(i).is_none_or(|t| !going.contains(t)));
        let rest: Vec<BoardRect> = staying.chain(cards.map(|i| self.rect(i))).filter(|r| r.is_valid()).collect();
        let left = rest.iter().map(|r| r.min.x).fold(f32::MAX, f32::min);
        let bottom = rest.iter().map(|r| r.max.y).fold(f32::MIN, f32::max);
        let corner = if rest.is_empty() { Pos::new(0.0, 0.0) } else { Pos::new(left, bottom + FRAME_GAP) };
        let moving: Vec<ThemeId> = self.order.iter().filter(|t| going.contains(t)).cloned().collect();
        let sizes: Vec<Size> =
            moving.iter().map(|t| self.frames[t]).map(|f| Size::new(f.width().max(0.0), f.height().max(0.0))).collect();
        let area: f32 = sizes.iter().map(|s| (s.w + FRAME_GAP) * (s.h + FRAME_GAP)).sum();
        let (places, _) = super::arrange::shelves(&sizes, (area * ASPECT).sqrt());
        for (theme, at) in moving.iter().zip(places) {
            let f = self.frames[theme];
            self.shift(theme, corner.x + at.x - f.min.x, corner.y + at.y - f.min.y);
        }
    }

    /// Every frame on shelves from the origin, with its cards, and the loose cards in
    /// rows below them (see [`keep_on_board`]).
    fn pack_from_origin(&mut self) {
        let themes = self.order.clone();
        let sizes: Vec<Size> =
            themes.iter().map(|t| self.frames[t]).map(|f| Size::new(f.width().max(0.0), f.height().max(0.0))).collect();
        let area: f32 = sizes.iter().map(|s| (s.w + FRAME_GAP) * (s.h + FRAME_GAP)).sum();
        let (places, (_, height)) = super::arrange::shelves(&sizes, (area * ASPECT).sqrt());
        for (theme, at) in themes.iter().zip(places) {
            let f = self.frames[theme];
            self.shift(theme, at.x - f.min.x, at.y - f.min.y);
        }
        let below = if themes.is_empty() { 0.0 } else { height + FRAME_GAP };
        let mut rows = Rows::from(Pos::new(0.0, below), ROWS_WIDTH);
        for card in self.board.items.iter().filter(|i| self.board.theme_of(i).is_none()) {
            self.positions.insert(card.id.clone(), rows.next(card.size));
        }
    }

    /// Unsorted cards (and cards of deleted themes) out of every frame, and `new` cards
    /// off every other card.
    fn loose_cards_out(&mut self, new: &BTreeSet<ItemId>) {
        let frames = Index::new(self.frames.values().copied());
        let items = &self.board.items;
        // The cards' index is made once a card has to move, or at once for many new
        // cards; until then a few new ones are checked by a walk over the others (a new
        // idea that landed where it was placed costs no index).
        let index = |s: &Self| Index::new(items.iter().map(|i| s.rect(i)));
        let mut cards: Option<Index> = (new.len() > WALK_AT_MOST).then(|| index(self));
        let mut rows: Option<Rows> = None;
        for (key, card) in items.iter().enumerate() {
            if self.board.theme_of(card).is_some() {
                continue;
            }
            let key = u32::try_from(key).unwrap_or(u32::MAX);
            let r = self.rect(card);
            let in_frame = frames.any_near(r, 0.0, None);
            let gap = CARD_GAP / 2.0 - 0.5;
            let on_card = new.contains(&card.id)
                && match &cards {
                    Some(cards) => cards.any_near(r, gap, Some(key)),
                    None => super::index::any_near_by_walk(items.iter().map(|i| self.rect(i)), r, gap, Some(key)),
                };
            if !in_frame && !on_card {
                continue;
            }
            let cards = cards.get_or_insert_with(|| index(self));
            cards.remove(key, r);
            let found =
                if self.budget > 0 { spot_among(cards, &frames, r.min, card.size, &mut self.budget) } else { None };
            let spot = found.unwrap_or_else(|| {
                rows.get_or_insert_with(|| {
                    let everything = self.frames.values().copied().chain(items.iter().map(|i| self.rect(i)));
                    let bottom = everything.map(|r| r.max.y).filter(|y| y.is_finite()).fold(r.min.y, f32::max);
                    Rows::from(Pos::new(r.min.x, bottom + FRAME_GAP).clamped(), ROWS_WIDTH)
                })
                .next(card.size)
            });
            self.positions.insert(card.id.clone(), spot);
            cards.insert(key, BoardRect::from_pos_size(spot, card.size));
        }
    }

    /// Frames too close to another, in id order.
    fn crowded(&self) -> Vec<ThemeId> {
        let frames: Vec<(&ThemeId, BoardRect)> = self.frames.iter().map(|(t, f)| (t, *f)).collect();
        let index = Index::new(frames.iter().map(|(_, f)| *f));
        frames
            .iter()
            .enumerate()
            .filter(|(key, (_, f))| index.any_near(*f, FRAME_GAP - 0.5, Some(*key as u32)))
            .map(|(_, (t, _))| (*t).clone())
            .collect()
    }

    /// Frames apart (pushed, or shelved where pushing gave up), then loose cards out of
    /// them.
    fn frames_apart_and_cards_out(&mut self, fixed: &BTreeSet<ThemeId>, new: &BTreeSet<ItemId>) {
        let mut start: Vec<ThemeId> = self.crowded();
        start.extend(fixed.iter().cloned());
        self.push_apart(fixed, start);
        let still = self.crowded();
        if !still.is_empty() {
            self.shelve(&still);
        }
        // Pushing moved cards with their frames; a frame may now sit on an unsorted card.
        self.loose_cards_out(new);
    }

    /// The frames and places worked out, as an edit that keeps every stamp: where the
    /// rules put a card or frame is not a new version of it (see [`tidy`]).
    fn into_edit(self) -> Edit {
        let mut edits = Vec::new();
        for theme in &self.board.themes {
            let frame = self.frames[&theme.id];
            if frame != theme.frame {
                edits.push(Edit::ReplaceTheme(Theme { frame, ..theme.clone() }));
            }
        }
        for item in &self.board.items {
            if let Some(p) = self.positions.get(&item.id)
                && *p != item.pos
            {
                edits.push(Edit::ChangeItem { id: item.id.clone(), change: ItemChange::Pos(*p), at: item.modified });
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

/// Restores the frame rules on `board` after `edit` (already applied); returns the edit
/// that undoes the tidying. The tidy keeps every stamp (see [`tidy`]).
pub fn tidy_after(board: &mut Board, edit: &Edit) -> Result<Edit, EditError> {
    let (anchors, new) = touched(edit);
    tidy(board, &anchors, &new).apply(board)
}

/// The edit that restores the frame rules (see the module) after a change. Frames in
/// `anchors` (the ones the user just moved or resized) keep their place; `new` cards
/// (just added, merged in) are found a free place. Empty when the board keeps the rules.
///
/// **A tidy is not an edit of the idea**: the cards and frames it moves keep the stamps
/// they had, so a move the app made to keep the rules never makes a new version of a
/// card, and never outlives a deletion by someone who had not seen it (merging such a
/// copy cannot bring the card back). Every computer tidies a merged board the same way.
pub fn tidy(board: &Board, anchors: &BTreeSet<ThemeId>, new: &BTreeSet<ItemId>) -> Edit {
    let mut s = Scratch::new(board);
    let mut fixed = anchors.clone();
    // Locked frames stay where the facilitator put them as long as they can.
    fixed.extend(board.themes.iter().filter(|t| t.locked).map(|t| t.id.clone()));
    fixed.extend(s.cards_into_frames(new));
    s.frames_apart_and_cards_out(&fixed, new);
    s.into_edit()
}

/// Frames for a board that has none yet (an older file): each theme's frame around its
/// cards, then moved apart so that none overlaps another ([`tidy_in_place`]).
pub fn frames_from_cards(board: &mut Board) {
    frames_for(board, &board.themes.iter().map(|t| t.id.clone()).collect());
}

/// New frames for the themes in `themes` (a file's that were not on the board, or that
/// it had none for): each round its cards, or an empty one to the right of what is on
/// the board, never taking its bearings from the frames being replaced. Then the rules
/// are kept ([`tidy_in_place`]).
pub fn frames_for(board: &mut Board, themes: &BTreeSet<ThemeId>) {
    let mut cards: HashMap<ThemeId, Vec<BoardRect>> = HashMap::new();
    for item in &board.items {
        if let Some(t) = board.theme_of(item).filter(|t| themes.contains(*t)) {
            cards.entry(t.clone()).or_default().push(rect(item));
        }
    }
    let spare = |t: &Theme| !themes.contains(&t.id);
    let landmarks = board.themes.iter().filter(|t| spare(t)).map(|t| t.frame);
    let landmarks = landmarks.chain(board.items.iter().map(rect)).filter(|r| r.is_valid());
    let (right, top) = landmarks.fold((f32::MIN, f32::MAX), |(right, top), r| (right.max(r.max.x), top.min(r.min.y)));
    let mut next = if right == f32::MIN { Pos::new(0.0, 0.0) } else { Pos::new(right + FRAME_GAP, top) };
    for theme in board.themes.iter_mut().filter(|t| themes.contains(&t.id)) {
        let cards: Vec<BoardRect> =
            cards.remove(&theme.id).unwrap_or_default().into_iter().filter(|r| r.is_valid()).collect();
        // Round its cards; if they are spread wider than a frame may be, round the first
        // of them (the others are brought in by the tidy).
        let around = frame_around(cards.iter().copied())
            .filter(|f| f.moved_onto_board().is_valid())
            .or_else(|| cards.first().and_then(|c| frame_around([*c])));
        theme.frame = around
            .unwrap_or_else(|| {
                let f = BoardRect::from_pos_size(next, EMPTY_FRAME);
                next = Pos::new(f.max.x + FRAME_GAP, next.y);
                f
            })
            .moved_onto_board();
    }
    tidy_in_place(board);
}

/// Makes the board keep the frame rules, changing frames and card places directly,
/// with no new stamps: for a board as it is read (an older file, a file whose frames
/// were written by someone else), not for a change someone makes.
pub fn tidy_in_place(board: &mut Board) {
    let mut s = Scratch::new(board);
    s.cards_into_frames(&BTreeSet::new());
    s.frames_apart_and_cards_out(&BTreeSet::new(), &BTreeSet::new());
    let (frames, positions) = (s.frames, s.positions);
    put(board, frames, positions);
}

/// Brings a board as read back within the board's edges (±[`crate::model::MAX_COORD`])
/// when tidying pushed part of it over one: the whole moved as one if it fits, else its
/// frames on shelves from the origin and its loose cards in rows below them. The frame
/// rules hold either way.
pub fn keep_on_board(board: &mut Board) {
    let on_board = |b: &Board| b.themes.iter().all(|t| t.frame.is_valid()) && b.items.iter().all(|i| i.pos.is_valid());
    if on_board(board) {
        return;
    }
    let everything = board.themes.iter().map(|t| t.frame).chain(board.items.iter().map(rect));
    let bounds = everything.filter(|r| r.min.x.is_finite() && r.max.y.is_finite()).reduce(BoardRect::union);
    if let Some(b) = bounds {
        let (dx, dy) = (-(b.min.x + b.max.x) / 2.0, -(b.min.y + b.max.y) / 2.0);
        let mut moved = board.clone();
        for theme in moved.themes.iter_mut() {
            theme.frame = translate(theme.frame, dx, dy);
        }
        for item in moved.items.iter_mut() {
            item.pos = Pos::new(item.pos.x + dx, item.pos.y + dy);
        }
        if on_board(&moved) {
            *board = moved;
            return;
        }
    }
    let mut s = Scratch::new(board);
    s.pack_from_origin();
    let (frames, positions) = (s.frames, s.positions);
    put(board, frames, positions);
    // A frame larger than the board itself (one round cards strewn across it, found by
    // the hostile-file property test): every frame laid out afresh round its own cards.
    if !on_board(board) || super::check(board).is_err() {
        let arranged = super::arrange(board, board.modified);
        let _ = arranged.apply(board);
    }
}

/// Sets the frames and card places a [`Scratch`] worked out, with no new stamps.
fn put(board: &mut Board, frames: BTreeMap<ThemeId, BoardRect>, positions: HashMap<ItemId, Pos>) {
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

/// Whether the board keeps the frame rules: for tests and checks.
pub fn check(board: &Board) -> Result<(), String> {
    if let Some(id) = Scratch::new(board).crowded().first() {
        let name = board.theme(id).map_or("?", |t| t.name.as_str());
        return Err(format!("the frame of “{name}” overlaps another"));
    }
    let frames = Index::new(board.themes.iter().map(|t| t.frame));
    for item in &board.items {
        let r = rect(item);
        match board.theme_of(item).and_then(|t| board.theme(t)) {
            Some(theme) if !inside(r, content_area(theme.frame)) => {
                return Err(format!("“{}” is outside its frame “{}”", item.kind.summary(), theme.name));
            }
            None if frames.any_near(r, -0.5, None) => {
                return Err(format!("the unsorted “{}” lies in a frame", item.kind.summary()));
            }
            _ => {}
        }
    }
    Ok(())
}

/// Whether any two cards overlap: for tests.
pub fn cards_overlap(board: &Board) -> Option<(String, String)> {
    let index = Index::new(board.items.iter().map(rect));
    board.items.iter().enumerate().find_map(|(k, a)| {
        let (other, _) = index.near(rect(a), -0.5).find(|(o, _)| *o as usize != k)?;
        Some((a.kind.summary(), board.items[other as usize].kind.summary()))
    })
}
