//! The camera over the board: which part of it the canvas shows and how large. Not board
//! data: never saved in the board.

use egui::emath::TSTransform;
use egui::{Pos2, Rect, Vec2, vec2};

use super::style::{MAX_ZOOM, MIN_ZOOM};
use crate::model::{BoardRect, Pos};

#[derive(Clone, Debug)]
pub struct Camera {
    /// Maps board positions to screen positions.
    pub screen_from_board: TSTransform,
    /// Screen rectangle of the canvas in the last frame.
    pub canvas_rect: Rect,
    /// Fit this board rectangle into the canvas on the next frame.
    pub fit_request: Option<BoardRect>,
}

impl Default for Camera {
    fn default() -> Self {
        Self {
            screen_from_board: TSTransform::IDENTITY,
            canvas_rect: Rect::from_min_size(Pos2::ZERO, vec2(800.0, 600.0)),
            fit_request: None,
        }
    }
}

impl Camera {
    pub fn zoom(&self) -> f32 {
        self.screen_from_board.scaling
    }

    pub fn board_from_screen(&self) -> TSTransform {
        self.screen_from_board.inverse()
    }

    /// The part of the board the canvas shows.
    pub fn visible_board_rect(&self) -> Rect {
        self.board_from_screen().mul_rect(self.canvas_rect)
    }

    /// The board position at the middle of the canvas: where new items go.
    pub fn center_in_board(&self) -> Pos {
        let centre = self.board_from_screen() * self.canvas_rect.center();
        Pos::new(centre.x, centre.y)
    }

    /// Zooms by `factor` keeping the board point under `anchor_on_screen` in place.
    pub fn zoom_around(&mut self, anchor_on_screen: Pos2, factor: f32) {
        let old = self.zoom();
        let new = (old * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        if (new - old).abs() < f32::EPSILON {
            return;
        }
        let t = self.screen_from_board.translation;
        let anchor = anchor_on_screen.to_vec2();
        self.screen_from_board = TSTransform::new(anchor - (anchor - t) * (new / old), new);
    }

    pub fn pan(&mut self, delta_on_screen: Vec2) {
        self.screen_from_board.translation += delta_on_screen;
    }

    /// Brings `board_rect` to the middle of the canvas, zooming in first if the board is
    /// shown too small to read.
    pub fn centre_on(&mut self, board_rect: Rect) {
        if self.zoom() < 0.5 {
            self.zoom_around(self.canvas_rect.center(), 0.75 / self.zoom());
        }
        let on_screen = self.screen_from_board * board_rect.center();
        self.pan(self.canvas_rect.center() - on_screen);
    }

    /// Shows `board_rect` as large as fits in the canvas, with a margin, at most 100 %.
    pub fn fit(&mut self, board_rect: Rect) {
        let canvas = self.canvas_rect.shrink(40.0);
        let size = board_rect.size().max(vec2(1.0, 1.0));
        let zoom = (canvas.width() / size.x).min(canvas.height() / size.y).clamp(MIN_ZOOM, 1.0);
        let translation = canvas.center().to_vec2() - board_rect.center().to_vec2() * zoom;
        self.screen_from_board = TSTransform::new(translation, zoom);
    }

    /// Shows what someone else's canvas shows (`board_rect`, their view): the same middle,
    /// at the zoom that fits it here, without a margin and whatever the zoom.
    pub fn show_as_they_see(&mut self, board_rect: Rect) {
        let canvas = self.canvas_rect;
        let size = board_rect.size().max(vec2(1.0, 1.0));
        let zoom = (canvas.width() / size.x).min(canvas.height() / size.y).clamp(MIN_ZOOM, MAX_ZOOM);
        let translation = canvas.center().to_vec2() - board_rect.center().to_vec2() * zoom;
        self.screen_from_board = TSTransform::new(translation, zoom);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    #[test]
    fn zoom_keeps_the_anchor_still() {
        let mut camera = Camera::default();
        camera.pan(vec2(100.0, 50.0));
        let anchor = pos2(300.0, 200.0);
        let before = camera.board_from_screen() * anchor;
        camera.zoom_around(anchor, 2.5);
        let after = camera.board_from_screen() * anchor;
        assert!((before - after).length() < 1e-3, "{before:?} vs {after:?}");
        assert!((camera.zoom() - 2.5).abs() < 1e-6);
        camera.zoom_around(anchor, 1e9);
        assert_eq!(camera.zoom(), MAX_ZOOM);
    }

    #[test]
    fn fit_shows_the_whole_rect() {
        let mut camera =
            Camera { canvas_rect: Rect::from_min_size(pos2(0.0, 0.0), vec2(1000.0, 800.0)), ..Default::default() };
        let board = Rect::from_min_max(pos2(-500.0, -100.0), pos2(3000.0, 900.0));
        camera.fit(board);
        let shown = camera.visible_board_rect();
        assert!(shown.contains_rect(board), "{shown:?} should contain {board:?}");
    }

    #[test]
    fn following_shows_the_same_part_of_the_board_on_a_smaller_screen() {
        let theirs = Rect::from_min_max(pos2(100.0, 100.0), pos2(1100.0, 900.0));
        let mut small =
            Camera { canvas_rect: Rect::from_min_size(pos2(0.0, 40.0), vec2(500.0, 400.0)), ..Default::default() };
        small.show_as_they_see(theirs);
        let shown = small.visible_board_rect();
        assert!((shown.center() - theirs.center()).length() < 1e-3, "{shown:?}");
        assert!((shown.width() - theirs.width()).abs() < 1e-2 && (shown.height() - theirs.height()).abs() < 1e-2);
        assert!((small.zoom() - 0.5).abs() < 1e-6);
    }
}
