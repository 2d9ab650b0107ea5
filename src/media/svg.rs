//! SVG pictures, drawn with resvg at the size the card needs.
//!
//! An SVG is drawn from its own bytes alone: references to other files or to the network
//! (`<image href="photo.jpg">`, `href="https://…"`) are never followed. Pictures embedded
//! in it as `data:` addresses are decoded by our own checked decoder (the same pixel
//! limits as files) and handed to resvg small. Text is set in the fonts the app ships
//! with, so a drawing looks the same on every machine and no font file is read.

use std::sync::{Arc, OnceLock};

use image::{DynamicImage, RgbaImage};
use resvg::{tiny_skia, usvg};

use super::pixels::fit_within;
use super::raster::{self, ImageError, MAX_SIDE};
use crate::model::PixelSize;

/// Largest SVG accepted, in bytes: a drawing, not a data dump.
pub const MAX_SVG_BYTES: usize = 16 * 1024 * 1024;
/// Longest side an SVG is ever rasterised at.
pub const MAX_RENDER_SIDE: u32 = 4096;
/// Longest side of a picture embedded in an SVG, as handed to resvg.
const EMBEDDED_SIDE: u32 = 2048;

/// Whether `bytes` are an SVG document (by content, not by name).
pub fn is_svg(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let text = String::from_utf8_lossy(head);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    (text.starts_with("<?xml")
        || text.starts_with("<svg")
        || text.starts_with("<!DOCTYPE svg")
        || text.starts_with("<!--"))
        && text.contains("<svg")
}

fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            db.load_font_data(epaint_default_fonts::UBUNTU_LIGHT.to_vec());
            db.load_font_data(epaint_default_fonts::HACK_REGULAR.to_vec());
            db.load_font_data(epaint_default_fonts::NOTO_EMOJI_REGULAR.to_vec());
            db.set_sans_serif_family("Ubuntu");
            db.set_serif_family("Ubuntu");
            db.set_cursive_family("Ubuntu");
            db.set_fantasy_family("Ubuntu");
            db.set_monospace_family("Hack");
            Arc::new(db)
        })
        .clone()
}

/// A picture embedded in the SVG, checked and made small; nested SVGs are parsed with
/// the same rules (usvg hands them these options again).
fn embedded(mime: &str, data: Arc<Vec<u8>>, options: &usvg::Options) -> Option<usvg::ImageKind> {
    if mime == "image/svg+xml" || (mime == "text/plain" && is_svg(&data)) {
        return usvg::Tree::from_data_nested(&data, options).ok().map(usvg::ImageKind::SVG);
    }
    let picture = raster::decode_probed(&data, EMBEDDED_SIDE).ok()?.1;
    let picture = fit_within(picture, EMBEDDED_SIDE).ok()?;
    let mut png = std::io::Cursor::new(Vec::new());
    picture.to_rgba8().write_to(&mut png, image::ImageFormat::Png).ok()?;
    Some(usvg::ImageKind::PNG(Arc::new(png.into_inner())))
}

fn options() -> usvg::Options<'static> {
    usvg::Options {
        resources_dir: None,
        font_family: "Ubuntu".to_owned(),
        fontdb: fonts(),
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: Box::new(embedded),
            // A file name or web address: never followed.
            resolve_string: Box::new(|_, _| None),
        },
        ..usvg::Options::default()
    }
}

/// Parses an SVG document.
pub fn parse(bytes: &[u8]) -> Result<usvg::Tree, ImageError> {
    if bytes.len() > MAX_SVG_BYTES {
        return Err(ImageError::Damaged(format!(
            "an SVG of {} MB is too large (at most {} MB)",
            bytes.len() / 1_000_000,
            MAX_SVG_BYTES / 1_000_000
        )));
    }
    if bytes.starts_with(&[0x1f, 0x8b]) {
        return Err(ImageError::Unsupported("Compressed SVG (SVGZ)"));
    }
    usvg::Tree::from_data(bytes, &options()).map_err(|e| ImageError::Damaged(format!("the SVG cannot be read: {e}")))
}

/// The drawing's own size in pixels, brought within [`MAX_SIDE`] in its shape.
pub fn pixel_size(tree: &usvg::Tree) -> Result<PixelSize, ImageError> {
    let size = tree.size();
    let (w, h) = (size.width(), size.height());
    if !(w.is_finite() && h.is_finite() && w > 0.0 && h > 0.0) {
        return Err(ImageError::Damaged("the SVG has no size".to_owned()));
    }
    let scale = (MAX_SIDE as f32 / w.max(h)).min(1.0);
    let side = |v: f32| ((v * scale).round() as u32).clamp(1, MAX_SIDE);
    Ok(PixelSize { w: side(w), h: side(h) })
}

/// The drawing rasterised with its longest side `side` pixels (at most
/// [`MAX_RENDER_SIDE`]), in its shape.
pub fn render(tree: &usvg::Tree, side: u32) -> Result<DynamicImage, ImageError> {
    let size = tree.size();
    let longest = size.width().max(size.height());
    if !(longest.is_finite() && longest > 0.0) {
        return Err(ImageError::Damaged("the SVG has no size".to_owned()));
    }
    let scale = side.clamp(1, MAX_RENDER_SIDE) as f32 / longest;
    let px = |v: f32| ((v * scale).round() as u32).clamp(1, MAX_RENDER_SIDE);
    let (w, h) = (px(size.width()), px(size.height()));
    let mut pixmap = tiny_skia::Pixmap::new(w, h)
        .ok_or_else(|| ImageError::Damaged(format!("cannot draw the SVG at {w} × {h} pixels")))?;
    resvg::render(tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    // tiny-skia's pixels are premultiplied; images' are not.
    let mut rgba = pixmap.take();
    for px in rgba.chunks_exact_mut(4) {
        let a = px[3];
        if a != 0 && a != 255 {
            for c in &mut px[..3] {
                *c = ((u16::from(*c) * 255 + u16::from(a) / 2) / u16::from(a)).min(255) as u8;
            }
        }
    }
    RgbaImage::from_raw(w, h, rgba)
        .map(DynamicImage::ImageRgba8)
        .ok_or_else(|| ImageError::Damaged("the SVG drew the wrong number of pixels".to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CIRCLE: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100">
        <rect width="200" height="100" fill="#ff0000"/><circle cx="100" cy="50" r="40" fill="#0000ff"/></svg>"##;

    #[test]
    fn an_svg_is_drawn_at_the_size_asked_in_its_shape() {
        assert!(is_svg(CIRCLE.as_bytes()));
        let tree = parse(CIRCLE.as_bytes()).unwrap();
        assert_eq!(pixel_size(&tree).unwrap(), PixelSize { w: 200, h: 100 });
        let small = render(&tree, 64).unwrap().to_rgba8();
        assert_eq!(small.dimensions(), (64, 32));
        let large = render(&tree, 1024).unwrap().to_rgba8();
        assert_eq!(large.dimensions(), (1024, 512));
        assert_eq!(large.get_pixel(10, 10).0, [255, 0, 0, 255], "the red background");
        assert_eq!(large.get_pixel(512, 256).0, [0, 0, 255, 255], "the blue circle");
    }

    #[test]
    fn references_to_files_and_the_network_are_never_followed() {
        let dir = tempfile::tempdir().unwrap();
        let photo = dir.path().join("photo.png");
        image::RgbaImage::from_pixel(8, 8, image::Rgba([0, 255, 0, 255])).save(&photo).unwrap();
        let svg = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="100">
            <image width="100" height="100" xlink:href="{}"/>
            <image width="100" height="100" href="http://127.0.0.1:9/x.png"/></svg>"#,
            photo.display()
        );
        let picture = render(&parse(svg.as_bytes()).unwrap(), 100).unwrap().to_rgba8();
        assert!(picture.pixels().all(|p| p.0[3] == 0), "nothing drawn from outside the file");
    }

    #[test]
    fn embedded_pictures_are_drawn_and_bombs_are_not() {
        use base64::Engine as _;
        let mut png = std::io::Cursor::new(Vec::new());
        image::RgbaImage::from_pixel(8, 8, image::Rgba([0, 255, 0, 255]))
            .write_to(&mut png, image::ImageFormat::Png)
            .unwrap();
        let data = base64::engine::general_purpose::STANDARD.encode(png.get_ref());
        let svg = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">
            <image width="100" height="100" href="data:image/png;base64,{data}"/></svg>"#
        );
        let picture = render(&parse(svg.as_bytes()).unwrap(), 100).unwrap().to_rgba8();
        assert_eq!(picture.get_pixel(50, 50).0, [0, 255, 0, 255]);

        // A PNG header claiming 100,000 × 100,000 pixels: refused by the checked decoder.
        let mut bomb = png.get_ref().clone();
        bomb[16..20].copy_from_slice(&100_000u32.to_be_bytes());
        bomb[20..24].copy_from_slice(&100_000u32.to_be_bytes());
        let data = base64::engine::general_purpose::STANDARD.encode(&bomb);
        let svg = svg.replace(&svg[svg.find("base64,").unwrap() + 7..svg.rfind('"').unwrap()], &data);
        let picture = render(&parse(svg.as_bytes()).unwrap(), 100).unwrap().to_rgba8();
        assert!(picture.pixels().all(|p| p.0[3] == 0));
    }

    #[test]
    fn entity_bombs_and_sizeless_drawings_are_refused_quickly() {
        let mut laughs = String::from("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY a0 \"lol\">");
        for i in 1..12 {
            let prev = format!("&a{};", i - 1);
            laughs.push_str(&format!("<!ENTITY a{i} \"{}\">", prev.repeat(10)));
        }
        laughs.push_str(
            "]><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><text>&a11;</text></svg>",
        );
        assert!(parse(laughs.as_bytes()).is_err(), "a billion laughs is refused, not expanded");
        let sizeless = r#"<svg xmlns="http://www.w3.org/2000/svg" width="0" height="0"></svg>"#;
        assert!(parse(sizeless.as_bytes()).and_then(|t| pixel_size(&t)).is_err());
        assert!(matches!(parse(&[0x1f, 0x8b, 8, 0]), Err(ImageError::Unsupported(_))));
    }
}
