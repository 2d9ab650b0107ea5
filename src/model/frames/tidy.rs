//! Keeping the frame rules (see the module): after a change ([`tidy`]), and on a board
//! as it is read ([`tidy_in_place`]).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::*;
use crate::model::{Edit, EditError, ItemChange, ItemId, Stamper};

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
pub fn tidy_after(board: &mut Board, edit: &Edit, clock: &mut Stamper) -> Result<Edit, EditError> {
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
