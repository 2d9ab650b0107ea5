//! The lens window: where the board's ideas come from (by source, contributor and theme),
//! a warning when one lens dominates with where to look next, the perspectives to look
//! for, and the colour lens (the board's palette, and a flag when its images look alike).

use crate::tr;
use egui::{Color32, ProgressBar, RichText, Sense, Ui, vec2};

use super::derived::Derived;
use super::widgets::committed_text;
use super::{Action, style};
use crate::media::ImageCache;
use crate::media::palette::{PaletteState, Swatch};
use crate::model::Board;
use crate::model::lens::{LensReport, Share};

/// Draws the lens window while `open`; `derived` keeps its figures between frames.
pub fn lenses_ui(
    ctx: &egui::Context,
    open: &mut bool,
    (board, derived): (&Board, &Derived),
    perspectives: &[String],
    images: &mut ImageCache,
    actions: &mut Vec<Action>,
) {
    let report = derived.lens(board, perspectives);
    // Beside the inspector, clear of the toolbar.
    let at = ctx.content_rect().right_top() + egui::vec2(-700.0, 140.0);
    egui::Window::new(super::Command::ShowLenses.text())
        .id(egui::Id::unique("lenses-window"))
        .open(open)
        .default_pos(at)
        .default_width(360.0)
        .vscroll(true)
        .show(ctx, |ui| {
            mix_ui(ui, &report);
            ui.separator();
            colour_lens_ui(ui, board, derived, images);
            ui.separator();
            perspectives_ui(ui, perspectives, actions);
        });
}

fn mix_ui(ui: &mut Ui, report: &LensReport) {
    let summary = tr!("lens-summary", count = report.ideas, percent = report.outside_in_percent);
    let response = ui.label(RichText::new(&summary).strong());
    let label = tr!("lens-summary-label", summary = summary.as_str());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
    for warning in &report.warnings {
        let warning = crate::i18n::said(warning);
        let response = ui.colored_label(style::warn_text(ui.visuals()), format!("⚠ {warning}"));
        let label = tr!("lens-warning-label", warning = warning);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
    }
    if !report.missing.is_empty() {
        ui.label(RichText::new(tr!("lens-where-next")).strong());
        for missing in report.missing.iter().take(4) {
            ui.label(format!("• {}", tr!("lens-nothing-from", perspective = missing)));
        }
    }
    shares_ui(ui, &tr!("lens-by-source"), "source", &report.by_source);
    if report.contributors_hidden {
        ui.label(RichText::new(tr!("lens-contributors-hidden")).weak());
    } else {
        shares_ui(ui, &tr!("lens-by-contributor"), "contributor", &report.by_contributor);
    }
    shares_ui(ui, &tr!("lens-by-theme"), "theme", &report.by_theme);
}

fn shares_ui(ui: &mut Ui, heading: &str, kind: &str, shares: &[Share]) {
    ui.add_space(6.0);
    ui.label(RichText::new(heading).strong());
    if shares.is_empty() {
        ui.label(RichText::new(tr!("lens-no-ideas")).weak());
    }
    egui::Grid::new(("lens", kind)).num_columns(2).show(ui, |ui| {
        for share in shares {
            // The model's names for no source and no theme, in the interface's language.
            let name = match share.name.as_str() {
                crate::model::lens::NOT_GIVEN if kind == "theme" => tr!("theme-unsorted"),
                crate::model::lens::NOT_GIVEN => tr!("lens-not-given"),
                name => name.to_owned(),
            };
            ui.label(&name);
            let bar = ProgressBar::new(share.percent as f32 / 100.0)
                .desired_width(160.0)
                .text(format!("{}% ({})", share.percent, share.count));
            let response = ui.add(bar);
            let label = format!("{heading}, {name}: {}% ({})", share.percent, share.count);
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ProgressIndicator, true, &label));
            ui.end_row();
        }
    });
}

fn colour_lens_ui(ui: &mut Ui, board: &Board, derived: &Derived, images: &mut ImageCache) {
    ui.label(RichText::new(tr!("lens-colour")).strong());
    let assets = derived.image_assets(board);
    if assets.is_empty() {
        ui.label(RichText::new(tr!("lens-no-images")).weak());
        return;
    }
    let mut ready: Vec<Vec<Swatch>> = Vec::new();
    let (mut pending, mut failed) = (0, 0);
    for asset in assets.iter() {
        match images.palette(asset) {
            PaletteState::Ready(swatches) => ready.push(swatches),
            PaletteState::Pending => pending += 1,
            PaletteState::Failed(_) => failed += 1,
        }
    }
    if pending > 0 {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(tr!("lens-finding-colours", pending = pending, total = assets.len()));
        });
    }
    if failed > 0 {
        ui.colored_label(style::warn_text(ui.visuals()), tr!("lens-unreadable", count = failed));
    }
    let colours = derived.colours(&ready, failed);
    ui.horizontal_wrapped(|ui| {
        for swatch in &colours.palette {
            let (rect, response) = ui.allocate_exact_size(vec2(36.0, 36.0), Sense::hover());
            let [r, g, b] = swatch.rgb;
            ui.painter().rect_filled(rect, 4.0, Color32::from_rgb(r, g, b));
            let label = tr!("lens-palette-colour", hex = swatch.hex(), percent = (swatch.share * 100.0).round());
            response.on_hover_text(&label).widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
        }
    });
    if let Some(rgb) = colours.alike {
        let hex = Swatch { rgb, share: 1.0 }.hex();
        let response = ui.colored_label(style::warn_text(ui.visuals()), tr!("lens-all-alike", hex = hex));
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, tr!("lens-all-alike-label")));
    }
}

fn perspectives_ui(ui: &mut Ui, perspectives: &[String], actions: &mut Vec<Action>) {
    ui.label(RichText::new(tr!("lens-perspectives")).strong());
    ui.label(RichText::new(tr!("lens-perspectives-help")).weak());
    ui.horizontal_wrapped(|ui| {
        for (index, p) in perspectives.iter().enumerate() {
            if ui.small_button(format!("{p} ✖")).on_hover_text(tr!("lens-remove-perspective")).clicked() {
                let mut list = perspectives.to_vec();
                list.remove(index);
                actions.push(Action::SetSources(list));
            }
        }
    });
    if let Some(new) = committed_text(
        ui,
        ("new-perspective", perspectives.len()),
        tr!("lens-new-perspective"),
        "",
        false,
        tr!("lens-new-perspective-hint"),
    ) && !new.trim().is_empty()
        && !perspectives.iter().any(|p| p.eq_ignore_ascii_case(new.trim()))
    {
        let mut list = perspectives.to_vec();
        list.push(new.trim().to_owned());
        actions.push(Action::SetSources(list));
    }
}
