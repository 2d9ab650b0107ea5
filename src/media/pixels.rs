//! Pictures in memory: scaled down to the size they are needed at, and turned into
//! texture images.

use egui::ColorImage;

/// The picture scaled down (never up) to fit `side`, as 8-bit RGB (every JPEG stays
/// RGB) or else 8-bit RGBA.
pub fn fit_within(image: image::DynamicImage, side: u32) -> Result<image::DynamicImage, String> {
    let image = match image {
        image::DynamicImage::ImageRgb8(_) | image::DynamicImage::ImageRgba8(_) => image,
        other => image::DynamicImage::ImageRgba8(other.to_rgba8()),
    };
    let (w, h) = (image.width(), image.height());
    let scale = (side as f32 / w.max(h) as f32).min(1.0);
    let (tw, th) = (((w as f32 * scale).round() as u32).max(1), ((h as f32 * scale).round() as u32).max(1));
    if (tw, th) == (w, h) {
        return Ok(image);
    }
    // fast_image_resize: SIMD, 10–17× faster than `image`'s resize for the same filter.
    use fast_image_resize::{IntoImageView as _, Resizer, images::Image};
    let pixel_type = image.pixel_type().ok_or("unsupported pixel layout")?;
    let mut dst = Image::new(tw, th, pixel_type);
    Resizer::new().resize(&image, &mut dst, None).map_err(|e| e.to_string())?;
    let buffer = dst.into_vec();
    match image {
        image::DynamicImage::ImageRgb8(_) => image::RgbImage::from_raw(tw, th, buffer).map(image::DynamicImage::from),
        _ => image::RgbaImage::from_raw(tw, th, buffer).map(image::DynamicImage::from),
    }
    .ok_or_else(|| "resize produced the wrong size".to_owned())
}

/// A decoded picture as a texture image.
pub fn to_color_image(image: image::DynamicImage) -> ColorImage {
    let size = [image.width() as usize, image.height() as usize];
    match image {
        image::DynamicImage::ImageRgb8(rgb) => ColorImage::from_rgb(size, rgb.as_raw()),
        other => ColorImage::from_rgba_unmultiplied(size, other.to_rgba8().as_raw()),
    }
}

/// The picture in `bytes` as a JPEG of at most `side` pixels (for a page or a phone):
/// decoded at reduced size where the format allows, scaled down, transparency laid on
/// white.
pub fn small_jpeg(bytes: &[u8], side: u32, quality: u8) -> Result<Vec<u8>, String> {
    small_jpeg_turned(bytes, side, quality, crate::model::Turn::default())
}

/// [`small_jpeg`] of the picture turned as a card shows it.
pub fn small_jpeg_turned(bytes: &[u8], side: u32, quality: u8, turn: crate::model::Turn) -> Result<Vec<u8>, String> {
    let decoded = super::decode_at_least(bytes, side).map_err(|e| e.to_string())?;
    let small = turned(fit_within(decoded, side)?, turn);
    let rgb = match small {
        image::DynamicImage::ImageRgb8(rgb) => rgb,
        other => {
            let rgba = other.to_rgba8();
            let mut rgb = image::RgbImage::new(rgba.width(), rgba.height());
            for (to, from) in rgb.pixels_mut().zip(rgba.pixels()) {
                let [r, g, b, a] = from.0;
                let over = |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
                *to = image::Rgb([over(r), over(g), over(b)]);
            }
            rgb
        }
    };
    encoded(&rgb, quality)
}

/// `picture` as a card turned by `turn` shows it: mirrored first, then turned clockwise.
pub fn turned(picture: image::DynamicImage, turn: crate::model::Turn) -> image::DynamicImage {
    let picture = if turn.mirrored { picture.fliph() } else { picture };
    match turn.quarters % 4 {
        1 => picture.rotate90(),
        2 => picture.rotate180(),
        3 => picture.rotate270(),
        _ => picture,
    }
}

/// `rgb` as a JPEG of `quality`, encoded by libjpeg (mozjpeg, already built for the
/// decoder) as a progressive JPEG with Huffman tables made for it: about a fifth smaller
/// than the `image` crate's baseline encoder at the same quality, at twice its (small)
/// time. mozjpeg's own profile (trellis quantisation, scans searched) would save a
/// fifth more but takes four times as long again: too slow for a room of phones
/// opening a board of photos at once (docs/PERFORMANCE.md).
fn encoded(rgb: &image::RgbImage, quality: u8) -> Result<Vec<u8>, String> {
    // libjpeg reports fatal errors by unwinding through its own frames; they end here.
    std::panic::catch_unwind(|| -> std::io::Result<Vec<u8>> {
        let mut jpeg = mozjpeg::Compress::new(mozjpeg::ColorSpace::JCS_RGB);
        jpeg.set_fastest_defaults();
        jpeg.set_size(rgb.width() as usize, rgb.height() as usize);
        jpeg.set_quality(f32::from(quality));
        jpeg.set_optimize_coding(true);
        jpeg.set_progressive_mode();
        let mut started = jpeg.start_compress(Vec::new())?;
        started.write_scanlines(rgb.as_raw())?;
        started.finish()
    })
    .map_err(|_| "the picture could not be encoded".to_owned())?
    .map_err(|e| e.to_string())
}
