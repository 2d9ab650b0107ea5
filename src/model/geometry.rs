//! Positions and sizes on the board, in board units (one unit is one logical pixel
//! at 100 % zoom).

use serde::{Deserialize, Serialize};

/// Largest coordinate an item may have; anything further out is pulled back in when a
/// board loads, so that a hostile file cannot make zoom-to-fit meaningless.
pub const MAX_COORD: f32 = 10_000_000.0;
/// Largest width or height an item may have.
pub const MAX_SIZE: f32 = 100_000.0;
/// Smallest width or height an item may have.
pub const MIN_SIZE: f32 = 8.0;

/// Top-left corner of an item on the board.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct Pos {
    pub x: f32,
    pub y: f32,
}

impl Pos {
    pub const fn new(x: f32, y: f32) -> Self {
        Self { x, y }
    }

    pub fn is_valid(self) -> bool {
        self.x.is_finite() && self.y.is_finite() && self.x.abs() <= MAX_COORD && self.y.abs() <= MAX_COORD
    }

    /// The same position limited to the board; NaN becomes 0.
    pub fn clamped(self) -> Self {
        let clamp = |v: f32| if v.is_nan() { 0.0 } else { v.clamp(-MAX_COORD, MAX_COORD) };
        Self::new(clamp(self.x), clamp(self.y))
    }
}

/// Width and height of an item on the board.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Size {
    pub w: f32,
    pub h: f32,
}

impl Size {
    pub const fn new(w: f32, h: f32) -> Self {
        Self { w, h }
    }

    pub fn is_valid(self) -> bool {
        (MIN_SIZE..=MAX_SIZE).contains(&self.w) && (MIN_SIZE..=MAX_SIZE).contains(&self.h)
    }

    /// The same size limited to what the board accepts; NaN becomes the minimum.
    pub fn clamped(self) -> Self {
        let clamp = |v: f32| if v.is_nan() { MIN_SIZE } else { v.clamp(MIN_SIZE, MAX_SIZE) };
        Self::new(clamp(self.w), clamp(self.h))
    }
}

/// An axis-aligned rectangle on the board.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BoardRect {
    pub min: Pos,
    pub max: Pos,
}

impl BoardRect {
    pub fn from_pos_size(pos: Pos, size: Size) -> Self {
        Self { min: pos, max: Pos::new(pos.x + size.w, pos.y + size.h) }
    }

    pub fn union(self, other: Self) -> Self {
        Self {
            min: Pos::new(self.min.x.min(other.min.x), self.min.y.min(other.min.y)),
            max: Pos::new(self.max.x.max(other.max.x), self.max.y.max(other.max.y)),
        }
    }

    pub fn contains(self, p: Pos) -> bool {
        p.x >= self.min.x && p.x <= self.max.x && p.y >= self.min.y && p.y <= self.max.y
    }

    pub fn width(self) -> f32 {
        self.max.x - self.min.x
    }

    pub fn height(self) -> f32 {
        self.max.y - self.min.y
    }

    pub fn center(self) -> Pos {
        Pos::new((self.min.x + self.max.x) / 2.0, (self.min.y + self.max.y) / 2.0)
    }
}
