//! The lens window: where the board's ideas come from (by source, contributor and theme),
//! a warning when one lens dominates with where to look next, the perspectives to look
//! for, and the colour lens (the board's palette, and a flag when its images look alike).

use egui::{Color32, ProgressBar, RichText, Sense, Ui, vec2};

use super::widgets::committed_text;
use super::{Action, style};
use crate::media::ImageCache;
use crate::media::palette::{PaletteState, Swatch, all_alike, board_palette};
use crate::model::Board;
use crate::model::lens::{LensReport, Share, lens_report};

/// Draws the lens window while `open`.
pub fn lenses_ui(
    ctx: &egui::Context,
    open: &mut bool,
    board: &Board,
    perspectives: &[String],
    images: &mut ImageCache,
    actions: &mut Vec<Action>,
) {
    let report = lens_report(board, perspectives);
    // Beside the inspector, clear of the toolbar.
    let at = ctx.content_rect().right_top() + egui::vec2(-700.0, 140.0);
    egui::Window::new("Lenses").open(open).default_pos(at).default_width(360.0).vscroll(true).show(ctx, |ui| {
        mix_ui(ui, &report);
        ui.separator();
        colour_lens_ui(ui, board, images);
        ui.separator();
        perspectives_ui(ui, perspectives, actions);
    });
}

fn mix_ui(ui: &mut Ui, report: &LensReport) {
    let summary = format!(
        "{} idea{} · {}% from outside the own team",
        report.ideas,
        if report.ideas == 1 { "" } else { "s" },
        report.outside_in_percent
    );
    let response = ui.label(RichText::new(&summary).strong());
    let label = format!("Lens summary: {summary}");
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
    for warning in &report.warnings {
        let response = ui.colored_label(style::warn_text(ui.visuals()), format!("⚠ {warning}"));
        let label = format!("Lens warning: {warning}");
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
    }
    if !report.missing.is_empty() {
        ui.label(RichText::new("Where to look next").strong());
        for missing in report.missing.iter().take(4) {
            ui.label(format!("• {missing}"));
        }
    }
    shares_ui(ui, "By source", "source", &report.by_source);
    if report.contributors_hidden {
        ui.label(RichText::new("By contributor: hidden during this session").weak());
    } else {
        shares_ui(ui, "By contributor", "contributor", &report.by_contributor);
    }
    shares_ui(ui, "By theme", "theme", &report.by_theme);
}

fn shares_ui(ui: &mut Ui, heading: &str, kind: &str, shares: &[Share]) {
    ui.add_space(6.0);
    ui.label(RichText::new(heading).strong());
    if shares.is_empty() {
        ui.label(RichText::new("No ideas yet.").weak());
    }
    egui::Grid::new(("lens", kind)).num_columns(2).show(ui, |ui| {
        for share in shares {
            ui.label(&share.name);
            let bar = ProgressBar::new(share.percent as f32 / 100.0)
                .desired_width(160.0)
                .text(format!("{}% ({})", share.percent, share.count));
            let response = ui.add(bar);
            let label = format!("{kind} {}: {}% ({})", share.name, share.percent, share.count);
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ProgressIndicator, true, &label));
            ui.end_row();
        }
    });
}

fn colour_lens_ui(ui: &mut Ui, board: &Board, images: &mut ImageCache) {
    ui.label(RichText::new("Colour lens").strong());
    let assets = board.image_assets();
    if assets.is_empty() {
        ui.label(RichText::new("No images on this board yet.").weak());
        return;
    }
    let mut ready: Vec<Vec<Swatch>> = Vec::new();
    let (mut pending, mut failed) = (0, 0);
    for asset in &assets {
        match images.palette(asset) {
            PaletteState::Ready(swatches) => ready.push(swatches),
            PaletteState::Pending => pending += 1,
            PaletteState::Failed(_) => failed += 1,
        }
    }
    if pending > 0 {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(format!("Finding the colours of {pending} of {} images…", assets.len()));
        });
    }
    if failed > 0 {
        ui.colored_label(style::warn_text(ui.visuals()), format!("{failed} image(s) could not be read."));
    }
    let palette = board_palette(&ready);
    ui.horizontal_wrapped(|ui| {
        for swatch in &palette {
            let (rect, response) = ui.allocate_exact_size(vec2(36.0, 36.0), Sense::hover());
            let [r, g, b] = swatch.rgb;
            ui.painter().rect_filled(rect, 4.0, Color32::from_rgb(r, g, b));
            let label = format!("Palette colour {} ({:.0}%)", swatch.hex(), swatch.share * 100.0);
            response.on_hover_text(&label).widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
        }
    });
    if let Some(rgb) = all_alike(&ready) {
        let hex = Swatch { rgb, share: 1.0 }.hex();
        let response = ui.colored_label(
            style::warn_text(ui.visuals()),
            format!("⚠ The images are all alike in colour (around {hex}): look for one that breaks the pattern."),
        );
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, "Images all alike"));
    }
}

fn perspectives_ui(ui: &mut Ui, perspectives: &[String], actions: &mut Vec<Action>) {
    ui.label(RichText::new("Perspectives to look for").strong());
    ui.label(RichText::new("Offered as an item's source; kept in your preferences.").weak());
    ui.horizontal_wrapped(|ui| {
        for (index, p) in perspectives.iter().enumerate() {
            if ui.small_button(format!("{p} ✖")).on_hover_text("Remove from the list").clicked() {
                let mut list = perspectives.to_vec();
                list.remove(index);
                actions.push(Action::SetSources(list));
            }
        }
    });
    if let Some(new) =
        committed_text(ui, ("new-perspective", perspectives.len()), "New perspective", "", false, "e.g. suppliers")
        && !new.trim().is_empty()
        && !perspectives.iter().any(|p| p.eq_ignore_ascii_case(new.trim()))
    {
        let mut list = perspectives.to_vec();
        list.push(new.trim().to_owned());
        actions.push(Action::SetSources(list));
    }
}
