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

/// An axis-aligned rectangle on the board (a theme's frame is one).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
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

    /// Whether the two share more than an edge (by at least half a point each way).
    pub fn intersects(self, other: Self) -> bool {
        self.min.x < other.max.x - 0.5
            && other.min.x < self.max.x - 0.5
            && self.min.y < other.max.y - 0.5
            && other.min.y < self.max.y - 0.5
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

    /// The same rectangle moved (not resized) to lie within the board, as far as its size
    /// allows; one that is not finite is left as it is.
    pub fn moved_onto_board(self) -> Self {
        let shift = |lo: f32, hi: f32| {
            if lo < -MAX_COORD {
                -MAX_COORD - lo
            } else if hi > MAX_COORD {
                (MAX_COORD - hi).max(-MAX_COORD - lo)
            } else {
                0.0
            }
        };
        let (dx, dy) = (shift(self.min.x, self.max.x), shift(self.min.y, self.max.y));
        if !(dx.is_finite() && dy.is_finite()) {
            return self;
        }
        Self { min: Pos::new(self.min.x + dx, self.min.y + dy), max: Pos::new(self.max.x + dx, self.max.y + dy) }
    }

    /// Finite, within the board, not inverted, and no larger than the board allows.
    pub fn is_valid(self) -> bool {
        self.min.is_valid()
            && self.max.is_valid()
            && self.max.x >= self.min.x
            && self.max.y >= self.min.y
            && self.width() <= MAX_COORD
            && self.height() <= MAX_COORD
    }
}

/// The part of a picture shown on its card, as fractions of the whole picture (after
/// EXIF orientation): `x` and `y` of the top-left corner, `w` and `h`, each in 0..=1.
/// The original file is never changed.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Crop {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Crop {
    /// The smallest part of a picture a crop keeps, on each side.
    pub const MIN: f32 = 0.02;

    /// A crop that stays inside the picture and keeps at least [`Crop::MIN`] of it.
    pub fn is_valid(self) -> bool {
        let ok = |v: f32| v.is_finite() && (0.0..=1.0).contains(&v);
        ok(self.x)
            && ok(self.y)
            && ok(self.w)
            && ok(self.h)
            && self.w >= Self::MIN
            && self.h >= Self::MIN
            && self.x + self.w <= 1.0 + 1e-4
            && self.y + self.h <= 1.0 + 1e-4
    }

    /// The whole picture.
    pub fn is_whole(self) -> bool {
        self.x <= 1e-4 && self.y <= 1e-4 && self.w >= 1.0 - 1e-4 && self.h >= 1.0 - 1e-4
    }
}

/// How a picture is turned on its card, after its crop (since version 8): first mirrored
/// left to right if `mirrored`, then turned `quarters` quarter turns clockwise. The file
/// is never changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Turn {
    /// 0 to 3.
    pub quarters: u8,
    pub mirrored: bool,
}

impl Turn {
    /// Whether it shows the picture on its side (its width and height swap).
    pub fn sideways(self) -> bool {
        self.quarters % 2 == 1
    }

    /// This turn and then a quarter turn clockwise (`1`) or anticlockwise (`-1`).
    pub fn turned(self, quarters: i8) -> Self {
        Self { quarters: (i16::from(self.quarters) + i16::from(quarters)).rem_euclid(4) as u8, ..self }
    }

    /// This turn and then mirrored left to right (M R M = R⁻¹).
    pub fn mirrored_across(self) -> Self {
        Self { quarters: (4 - self.quarters % 4) % 4, mirrored: !self.mirrored }
    }

    /// This turn and then upside down (a half turn after a mirror).
    pub fn mirrored_down(self) -> Self {
        self.mirrored_across().turned(2)
    }

    /// Which corner of the picture (0 top-left, 1 top-right, 2 bottom-right, 3
    /// bottom-left) shows at corner `shown` of the card.
    pub fn source_corner(self, shown: usize) -> usize {
        let before_turn = (shown + 4 - usize::from(self.quarters % 4)) % 4;
        if self.mirrored { [1, 0, 3, 2][before_turn] } else { before_turn }
    }
}

#[cfg(test)]
mod turn_tests {
    use super::Turn;

    #[test]
    fn four_quarter_turns_and_two_mirrors_are_no_turn() {
        let t = Turn::default();
        assert_eq!(t.turned(1).turned(1).turned(1).turned(1), t);
        assert_eq!(t.turned(-1), Turn { quarters: 3, mirrored: false });
        assert_eq!(t.mirrored_across().mirrored_across(), t);
        assert_eq!(t.mirrored_down().mirrored_down(), t);
        assert_eq!(t.turned(1).mirrored_across().mirrored_across(), t.turned(1));
        // Mirrored across and then down is a half turn.
        assert_eq!(t.mirrored_across().mirrored_down(), t.turned(2));
    }

    #[test]
    fn corners_follow_the_turn() {
        let t = Turn::default();
        assert_eq!((0..4).map(|c| t.source_corner(c)).collect::<Vec<_>>(), [0, 1, 2, 3]);
        // A quarter turn clockwise: the top-left shows what was bottom-left.
        assert_eq!(t.turned(1).source_corner(0), 3);
        // Mirrored: the top-left shows the top-right.
        assert_eq!(t.mirrored_across().source_corner(0), 1);
        // Mirrored then turned: the top-left shows the bottom-right… turned from the mirror.
        assert_eq!(t.mirrored_across().turned(1).source_corner(0), 2);
    }
}
