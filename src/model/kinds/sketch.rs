//! A sketch: strokes drawn with the mouse, a pen or a finger, kept as vector strokes (the
//! points a hand went through, with the pen's pressure) and drawn smoothed, each stroke
//! a filled outline of varying width in the manner of perfect-freehand (the `freedraw`
//! crate, a port of it). Drawn sharp at every zoom, written into exports as SVG.
//!
//! Points are in the sketch's own units: `area` is the drawing's extent, which the card
//! shows scaled to its size (a sketch keeps its shape when resized).

use serde::{Deserialize, Serialize};

use super::metrics::SMALL_FONT;
use super::paint::{Card, CardPainter, Ink, Paint, TextStyle, caption_band};
use super::{Behaviour, Field, Hint, ItemKind, Kind, KindSpec, KindTag, Paste, PhoneCard, Recap, Remark, Repair};
use crate::model::{Message, Pos, Rgb, Size};

/// The most points one stroke keeps; a longer stroke is cut there.
pub const MAX_POINTS_PER_STROKE: usize = 2_000;
/// The most strokes one sketch keeps.
pub const MAX_STROKES: usize = 1_000;
/// The most points of all its strokes together.
pub const MAX_POINTS: usize = 100_000;
/// A stroke's width in the sketch's units: the thinnest and the widest.
pub const MIN_WIDTH: f32 = 0.5;
pub const MAX_WIDTH: f32 = 80.0;
/// The largest drawing area, in the sketch's units, on either side.
pub const MAX_AREA: f32 = 4_000.0;
/// A new sketch's drawing area.
pub const NEW_AREA: Size = Size::new(480.0, 360.0);
/// The ink a stroke gets when its file holds no colour.
pub const DEFAULT_INK: &str = "#262626";
/// The inks and widths the pen offers.
pub const INKS: [&str; 6] = ["#262626", "#D1495B", "#EDAE49", "#00798C", "#30638E", "#66A182"];
pub const WIDTHS: [f32; 3] = [3.0, 7.0, 16.0];

/// Strokes drawn by hand on a card of their own.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sketch {
    /// The drawing's extent in its own units; points lie within `0..w`, `0..h`.
    pub area: Size,
    /// Bottom to top.
    pub strokes: Vec<Stroke>,
    pub caption: String,
}

/// One stroke: where the pen went, as drawn.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stroke {
    /// `#RRGGBB`.
    pub colour: String,
    /// Its width where the pressure is middling, in the sketch's units.
    pub width: f32,
    /// The points carry a pen's pressure; otherwise the width follows the speed.
    pub pressure: bool,
    /// `(x, y, pressure)`, pressure from 0 to 1.
    pub points: Vec<[f32; 3]>,
}

impl Default for Sketch {
    fn default() -> Self {
        Self { area: NEW_AREA, strokes: Vec::new(), caption: String::new() }
    }
}

const FIELDS: [Field; 1] = [Field::text("caption", "inspector-caption")
    .long()
    .hint(Hint::Said("inspector-caption-hint"))
    .step("step-change-caption")
    .not_in_form()];

impl Kind for Sketch {
    const SPEC: KindSpec = KindSpec {
        tag: KindTag::Sketch,
        name: "sketch",
        icon: "✏",
        key: Some("K"),
        fields: &FIELDS,
        typed: false,
        drawn: true,
        flag: None,
        phones: false,
        paste: Paste::Never,
    };
}

impl ItemKind {
    /// A sketch of these strokes on the usual drawing area.
    pub fn sketch(strokes: Vec<Stroke>) -> Self {
        Sketch { strokes, ..Sketch::default() }.into()
    }
}

impl Stroke {
    /// The stroke's outline in the sketch's units: a closed polygon to fill (non-zero).
    pub fn outline(&self) -> Vec<Pos> {
        let input: Vec<freedraw::InputPoint> = self
            .points
            .iter()
            .map(|[x, y, p]| freedraw::InputPoint::Array([*x as f64, *y as f64], self.pressure.then_some(*p as f64)))
            .collect();
        let options = freedraw::StrokeOptions {
            size: Some(self.width as f64),
            thinning: Some(0.5),
            smoothing: Some(0.5),
            streamline: Some(0.4),
            simulate_pressure: Some(!self.pressure),
            last: Some(true),
            ..Default::default()
        };
        freedraw::get_stroke(&input, &options)
            .into_iter()
            .filter(|[x, y]| x.is_finite() && y.is_finite())
            .map(|[x, y]| Pos::new(x as f32, y as f32))
            .collect()
    }

    /// Its ink, or the default where the file holds no colour.
    pub fn ink(&self) -> Rgb {
        Rgb::parse_hex(&self.colour).unwrap_or(Rgb(0x26, 0x26, 0x26))
    }

    /// Whether any of its points is within `reach` of `at` (the eraser).
    pub fn touches(&self, at: Pos, reach: f32) -> bool {
        let reach = reach + self.width / 2.0;
        let near = |a: [f32; 3], b: [f32; 3]| {
            // Distance from `at` to the segment a–b.
            let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
            let len2 = dx * dx + dy * dy;
            let t = if len2 > 0.0 { (((at.x - a[0]) * dx + (at.y - a[1]) * dy) / len2).clamp(0.0, 1.0) } else { 0.0 };
            let (px, py) = (a[0] + t * dx - at.x, a[1] + t * dy - at.y);
            px * px + py * py <= reach * reach
        };
        match self.points.as_slice() {
            [] => false,
            [only] => near(*only, *only),
            points => points.windows(2).any(|w| near(w[0], w[1])),
        }
    }
}

impl Sketch {
    /// How many points all its strokes hold.
    pub fn points(&self) -> usize {
        self.strokes.iter().map(|s| s.points.len()).sum()
    }

    /// Whether one more stroke of `points` points fits within the bounds.
    pub fn has_room_for(&self, points: usize) -> bool {
        self.strokes.len() < MAX_STROKES && self.points() + points.min(MAX_POINTS_PER_STROKE) <= MAX_POINTS
    }

    /// Whether it keeps every bound as it is, or the first it breaks, in words: what the
    /// join server says to a phone that sends one (it repairs nothing it was sent).
    pub fn check(&self) -> Result<(), String> {
        let Size { w, h } = self.area;
        if !(w.is_finite() && h.is_finite() && (1.0..=MAX_AREA).contains(&w) && (1.0..=MAX_AREA).contains(&h)) {
            return Err(format!("the area must be 1 to {MAX_AREA} units each way"));
        }
        if self.strokes.is_empty() {
            return Err("a sketch needs at least one stroke".into());
        }
        if self.strokes.len() > MAX_STROKES {
            return Err(format!("a sketch has at most {MAX_STROKES} strokes, not {}", self.strokes.len()));
        }
        if self.points() > MAX_POINTS {
            return Err(format!("a sketch has at most {MAX_POINTS} points, not {}", self.points()));
        }
        for (n, stroke) in self.strokes.iter().enumerate() {
            let n = n + 1;
            if stroke.points.is_empty() || stroke.points.len() > MAX_POINTS_PER_STROKE {
                return Err(format!("stroke {n} has {} points; 1 to {MAX_POINTS_PER_STROKE}", stroke.points.len()));
            }
            if !(MIN_WIDTH..=MAX_WIDTH).contains(&stroke.width) {
                return Err(format!("stroke {n}'s width must be {MIN_WIDTH} to {MAX_WIDTH}"));
            }
            if Rgb::parse_hex(&stroke.colour).is_none() {
                return Err(format!("stroke {n}'s colour must be #RRGGBB"));
            }
            let inside = |[x, y, p]: [f32; 3]| (0.0..=w).contains(&x) && (0.0..=h).contains(&y) && (0.0..=1.0).contains(&p);
            if let Some(at) = stroke.points.iter().position(|p| !inside(*p)) {
                return Err(format!("stroke {n}, point {}: outside the area, or its pressure outside 0 to 1", at + 1));
            }
        }
        if self.caption.chars().count() > super::fields::LONG {
            return Err(format!("the caption is longer than {} characters", super::fields::LONG));
        }
        Ok(())
    }

    /// The same sketch with `stroke` on top.
    pub fn with_stroke(&self, stroke: Stroke) -> Self {
        let mut next = self.clone();
        next.strokes.push(stroke);
        next
    }

    /// The drawing as an SVG document, `width` × `height` wide (its own units are the
    /// view box). Only numbers and checked colours are written: safe to put in a page.
    pub fn svg(&self, width: f32, height: f32) -> String {
        use std::fmt::Write as _;
        let mut svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\">",
            num(self.area.w),
            num(self.area.h),
            num(width),
            num(height)
        );
        for stroke in &self.strokes {
            let outline = stroke.outline();
            let Some((first, rest)) = outline.split_first() else { continue };
            let _ = write!(svg, "<path fill=\"{}\" d=\"M{} {}", stroke.ink().to_hex(), num(first.x), num(first.y));
            for p in rest {
                let _ = write!(svg, "L{} {}", num(p.x), num(p.y));
            }
            svg.push_str("Z\"/>");
        }
        svg.push_str("</svg>");
        svg
    }
}

/// A coordinate as SVG writes it: two decimals at most, never NaN.
fn num(v: f32) -> String {
    let v = if v.is_finite() { (v * 100.0).round() / 100.0 } else { 0.0 };
    format!("{v}")
}

impl Behaviour for Sketch {
    fn field(&self, key: &str) -> Option<&str> {
        (key == "caption").then_some(self.caption.as_str())
    }

    fn field_mut(&mut self, key: &str) -> Option<&mut String> {
        (key == "caption").then_some(&mut self.caption)
    }

    fn default_size(&self) -> Size {
        self.area
    }

    fn texts(&self) -> Vec<&str> {
        vec![&self.caption]
    }

    /// Its caption; without one, how much was drawn (a pencil and the strokes' count).
    fn summary(&self) -> String {
        if self.caption.trim().is_empty() { format!("✏ × {}", self.strokes.len()) } else { self.caption.clone() }
    }

    fn keeps_shape(&self) -> bool {
        true
    }

    fn paint(&self, card: &Card, p: &mut dyn CardPainter) {
        p.fill(card.rect(), Paint::Sketch);
        p.drawing(card.rect(), self);
        if self.strokes.is_empty() && p.readable(SMALL_FONT) {
            let hint = p.say(&Message::new("card-empty-sketch"));
            p.text(card.inner(), &hint, TextStyle::new(SMALL_FONT, Ink::Attribution));
        }
        caption_band(card, &self.caption, p);
    }

    fn recap(&self, recap: &mut dyn Recap) {
        recap.drawing(self);
        recap.remark(Remark::Caption, &self.caption);
    }

    /// Everything a file may hold out of bounds is dropped or brought within them, each
    /// kind of repair said once.
    fn repair(&mut self) -> Vec<Repair> {
        let mut repairs = Vec::new();
        let mut say = |field: &'static str, id: &'static str, n: usize| {
            repairs.push(Repair { field, what: Message::new(id).with("count", n) })
        };
        if !(self.area.w.is_finite() && self.area.h.is_finite())
            || self.area.w < 1.0
            || self.area.h < 1.0
            || self.area.w > MAX_AREA
            || self.area.h > MAX_AREA
        {
            self.area = NEW_AREA;
            say("area", "problem-sketch-area", 1);
        }
        let Size { w, h } = self.area;
        let (mut bad_points, mut cut, mut restyled) = (0, 0, 0);
        for stroke in &mut self.strokes {
            let before = stroke.points.len();
            stroke.points.retain(|[x, y, p]| x.is_finite() && y.is_finite() && p.is_finite());
            bad_points += before - stroke.points.len();
            for point in &mut stroke.points {
                *point = [point[0].clamp(0.0, w), point[1].clamp(0.0, h), point[2].clamp(0.0, 1.0)];
            }
            if stroke.points.len() > MAX_POINTS_PER_STROKE {
                stroke.points.truncate(MAX_POINTS_PER_STROKE);
                cut += 1;
            }
            if !(MIN_WIDTH..=MAX_WIDTH).contains(&stroke.width) {
                stroke.width = if stroke.width.is_finite() { stroke.width.clamp(MIN_WIDTH, MAX_WIDTH) } else { WIDTHS[0] };
                restyled += 1;
            }
            if Rgb::parse_hex(&stroke.colour).is_none() {
                stroke.colour = DEFAULT_INK.to_owned();
                restyled += 1;
            }
        }
        let before = self.strokes.len();
        self.strokes.retain(|s| !s.points.is_empty());
        let empty = before - self.strokes.len();
        let mut total = 0;
        let before = self.strokes.len();
        self.strokes.truncate(MAX_STROKES);
        self.strokes.retain(|s| {
            total += s.points.len();
            total <= MAX_POINTS
        });
        let dropped = before - self.strokes.len();
        if bad_points > 0 {
            say("strokes", "problem-sketch-points", bad_points);
        }
        if empty > 0 {
            say("strokes", "problem-sketch-empty", empty);
        }
        if cut > 0 {
            say("strokes", "problem-sketch-long", cut);
        }
        if dropped > 0 {
            say("strokes", "problem-sketch-many", dropped);
        }
        if restyled > 0 {
            say("strokes", "problem-sketch-style", restyled);
        }
        repairs
    }

    fn on_phone(&self) -> PhoneCard {
        PhoneCard { text: self.summary(), ..PhoneCard::default() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stroke(points: &[(f32, f32)]) -> Stroke {
        Stroke {
            colour: INKS[1].into(),
            width: 7.0,
            pressure: false,
            points: points.iter().map(|(x, y)| [*x, *y, 0.5]).collect(),
        }
    }

    #[test]
    fn a_stroke_is_drawn_as_a_closed_outline_around_its_points() {
        let s = stroke(&[(10.0, 10.0), (60.0, 20.0), (120.0, 40.0), (200.0, 40.0)]);
        let outline = s.outline();
        assert!(outline.len() > 8, "{outline:?}");
        let (min_x, max_x) = outline.iter().fold((f32::MAX, f32::MIN), |(a, b), p| (a.min(p.x), b.max(p.x)));
        assert!(min_x < 12.0 && max_x > 198.0, "{min_x}..{max_x}");
        // Never wider than the stroke is thick around its points.
        assert!(outline.iter().all(|p| p.y > 10.0 - 7.0 && p.y < 40.0 + 7.0), "{outline:?}");
        let dot = stroke(&[(50.0, 50.0)]).outline();
        assert!(!dot.is_empty(), "a single point is a dot");
    }

    #[test]
    fn a_sketch_sent_out_of_bounds_is_refused_with_the_bound_it_broke() {
        let good = Sketch { strokes: vec![stroke(&[(1.0, 1.0), (40.0, 40.0)])], ..Sketch::default() };
        assert_eq!(good.check(), Ok(()));
        let refused = |s: Sketch| s.check().unwrap_err();
        assert!(refused(Sketch::default()).contains("at least one stroke"));
        assert!(refused(Sketch { area: Size::new(f32::INFINITY, 10.0), ..good.clone() }).contains("area"));
        let mut far = good.clone();
        far.strokes[0].points[1] = [500.0, 1.0, 0.5];
        assert!(refused(far).contains("stroke 1, point 2"));
        let mut wide = good.clone();
        wide.strokes[0].width = 500.0;
        assert!(refused(wide).contains("width"));
        let mut long = good.clone();
        long.strokes[0].points = vec![[1.0, 1.0, 0.5]; MAX_POINTS_PER_STROKE + 1];
        assert!(refused(long).contains("2001 points"));
        let many = Sketch { strokes: vec![stroke(&[(1.0, 1.0)]); MAX_STROKES + 1], ..Sketch::default() };
        assert!(refused(many).contains("at most 1000 strokes"));
    }

    #[test]
    fn the_eraser_finds_the_strokes_it_touches() {
        let s = stroke(&[(0.0, 0.0), (100.0, 0.0)]);
        assert!(s.touches(Pos::new(50.0, 4.0), 2.0));
        assert!(!s.touches(Pos::new(50.0, 30.0), 2.0));
        assert!(s.touches(Pos::new(100.0, 1.0), 0.0));
    }

    #[test]
    fn the_svg_has_a_path_per_stroke_in_its_colour() {
        let sketch = Sketch { strokes: vec![stroke(&[(1.0, 1.0), (40.0, 40.0)]), stroke(&[(5.0, 5.0)])], ..Sketch::default() };
        let svg = sketch.svg(240.0, 180.0);
        assert_eq!(svg.matches("<path").count(), 2, "{svg}");
        assert!(svg.contains("fill=\"#D1495B\""), "{svg}");
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
    }

    #[test]
    fn hostile_strokes_are_dropped_cut_or_mended_with_a_note() {
        let mut long = stroke(&[]);
        long.points = (0..MAX_POINTS_PER_STROKE + 50).map(|i| [i as f32 % 400.0, 10.0, 0.5]).collect();
        let mut sketch = Sketch {
            area: Size::new(f32::NAN, 10.0),
            strokes: vec![
                stroke(&[(f32::NAN, 1.0), (f32::INFINITY, 2.0)]),
                Stroke { colour: "red".into(), width: f32::INFINITY, ..stroke(&[(1e9, -5.0)]) },
                long,
            ],
            caption: String::new(),
        };
        let repairs = sketch.repair();
        let ids: Vec<&str> = repairs.iter().map(|r| r.what.id.as_ref()).collect();
        assert_eq!(
            ids,
            ["problem-sketch-area", "problem-sketch-points", "problem-sketch-empty", "problem-sketch-long", "problem-sketch-style"]
        );
        assert_eq!(sketch.area, NEW_AREA);
        assert_eq!(sketch.strokes.len(), 2);
        assert_eq!(sketch.strokes[0].points, vec![[NEW_AREA.w, 0.0, 0.5]], "clamped into the area");
        assert_eq!(sketch.strokes[0].colour, DEFAULT_INK);
        assert_eq!(sketch.strokes[1].points.len(), MAX_POINTS_PER_STROKE);
        assert!(sketch.repair().is_empty(), "a mended sketch needs no more mending");

        let mut many = Sketch { strokes: vec![stroke(&[(1.0, 1.0)]); MAX_STROKES + 3], ..Sketch::default() };
        let repairs = many.repair();
        assert_eq!(many.strokes.len(), MAX_STROKES);
        assert_eq!(repairs[0].what.id, "problem-sketch-many");
    }
}
