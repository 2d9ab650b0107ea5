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
    let decoded = super::decode_at_least(bytes, side).map_err(|e| e.to_string())?;
    let small = fit_within(decoded, side)?;
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
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(std::io::Cursor::new(&mut jpeg), quality)
        .encode_image(&rgb)
        .map_err(|e| e.to_string())?;
    Ok(jpeg)
}
