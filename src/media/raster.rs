//! Decoding raster image files (everything but SVG) safely.
//!
//! Every decode goes through [`checked_decoder`], which refuses absurd dimensions from
//! the header and reserves the output size against an allocation limit *before* any
//! pixel buffer exists, so a decompression bomb costs nothing. (`DynamicImage::from_decoder`
//! on its own skips that reservation.) The limits and the refusals ([`ImageError`]) hold
//! for SVG drawings too (see `svg.rs`), which is why they live here, below both.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

use crate::model::PixelSize;

/// Longest side accepted, in pixels.
pub const MAX_SIDE: u32 = 30_000;
/// Most pixels accepted in one image (120 megapixels).
pub const MAX_PIXELS: u64 = 120_000_000;
/// Most memory one decode may allocate.
pub const MAX_DECODE_ALLOC: u64 = 1024 * 1024 * 1024;

/// Why an image cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImageError {
    NotAnImage,
    Unsupported(&'static str),
    TooLarge { w: u32, h: u32 },
    OverLimits,
    Damaged(String),
}

impl crate::i18n::Said for ImageError {
    fn message(&self) -> crate::i18n::Message {
        use crate::i18n::Message;
        let limits = |m: Message| m.with("side", MAX_SIDE).with("megapixels", MAX_PIXELS / 1_000_000);
        match self {
            ImageError::NotAnImage => Message::new("error-image-not-an-image"),
            ImageError::Unsupported(format) => Message::new("error-image-unsupported").with("format", *format),
            ImageError::TooLarge { w, h } => limits(Message::new("error-image-too-large").with("w", *w).with("h", *h)),
            ImageError::OverLimits => limits(Message::new("error-image-over-limits")),
            ImageError::Damaged(detail) => Message::new("error-image-damaged").with("detail", detail),
        }
    }
}

crate::said_as_printed!(ImageError);

/// A recognised image format, with the extension its asset is stored under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Format {
    /// The raster format, or `None` for an SVG drawing.
    pub format: Option<ImageFormat>,
    pub ext: &'static str,
    pub name: &'static str,
}

/// What an image file holds, read from its header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Probe {
    pub format: Format,
    /// Size as shown, after EXIF orientation.
    pub pixel_size: PixelSize,
}

/// The raster format of `bytes`, from their first bytes, or why it cannot be shown.
pub fn format(bytes: &[u8]) -> Result<Format, ImageError> {
    let supported = |format, ext, name| Ok(Format { format: Some(format), ext, name });
    match image::guess_format(bytes) {
        Ok(ImageFormat::Jpeg) => supported(ImageFormat::Jpeg, "jpg", "JPEG"),
        Ok(ImageFormat::Png) => supported(ImageFormat::Png, "png", "PNG"),
        Ok(ImageFormat::Gif) => supported(ImageFormat::Gif, "gif", "GIF"),
        Ok(ImageFormat::WebP) => supported(ImageFormat::WebP, "webp", "WebP"),
        Ok(ImageFormat::Bmp) => supported(ImageFormat::Bmp, "bmp", "BMP"),
        Ok(ImageFormat::Tiff) => supported(ImageFormat::Tiff, "tiff", "TIFF"),
        Ok(other) => Err(ImageError::Unsupported(match other {
            ImageFormat::Avif => "AVIF",
            ImageFormat::Ico => "ICO",
            ImageFormat::Tga => "TGA",
            ImageFormat::Dds => "DDS",
            ImageFormat::OpenExr => "OpenEXR",
            ImageFormat::Hdr => "Radiance HDR",
            ImageFormat::Pnm => "PNM",
            ImageFormat::Qoi => "QOI",
            _ => "Image",
        })),
        Err(_) => Err(unsupported_kind(bytes).map_or(ImageError::NotAnImage, ImageError::Unsupported)),
    }
}

/// Names well-known image formats we cannot show, so the placeholder can say what it is.
fn unsupported_kind(bytes: &[u8]) -> Option<&'static str> {
    let head = &bytes[..bytes.len().min(1024)];
    if head.len() >= 12 && &head[4..8] == b"ftyp" {
        return match &head[8..12] {
            b"heic" | b"heix" | b"hevc" | b"hevx" | b"mif1" | b"msf1" | b"heim" | b"heis" => Some("HEIC"),
            b"avif" | b"avis" => Some("AVIF"),
            _ => None,
        };
    }
    if head.starts_with(b"8BPS") {
        return Some("Photoshop (PSD)");
    }
    if head.starts_with(b"%PDF") {
        return Some("PDF");
    }
    None
}

/// The limits every decoder of a received image works within.
pub(crate) fn limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_ALLOC);
    limits
}

fn damaged(e: image::ImageError) -> ImageError {
    match e {
        image::ImageError::Limits(_) => ImageError::Damaged("it asks for more memory than an image may use".to_owned()),
        other => ImageError::Damaged(other.to_string()),
    }
}

fn check_size(w: u32, h: u32) -> Result<(), ImageError> {
    if w == 0 || h == 0 {
        return Err(ImageError::Damaged(format!("{w} × {h} pixels is not an image size")));
    }
    if w > MAX_SIDE || h > MAX_SIDE || u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(ImageError::TooLarge { w, h });
    }
    Ok(())
}

/// A decoder for the raster image in `bytes` whose dimensions have been checked, with the
/// allocation limit already charged for the output image.
pub fn checked_decoder(bytes: &[u8]) -> Result<(Format, impl ImageDecoder + '_), ImageError> {
    let format = format(bytes)?;
    let raster = format.format.ok_or(ImageError::Unsupported("SVG"))?;
    let mut reader = ImageReader::with_format(Cursor::new(bytes), raster);
    reader.limits(limits());
    let mut decoder = reader.into_decoder().map_err(|e| match e {
        image::ImageError::Limits(_) => ImageError::OverLimits,
        other => damaged(other),
    })?;
    let (w, h) = decoder.dimensions();
    check_size(w, h)?;
    if raster == ImageFormat::Jpeg && !jpeg_is_complete(bytes) {
        return Err(ImageError::Damaged(
            "the file ends before the picture does (cut short while copying or downloading?)".to_owned(),
        ));
    }
    let mut charged = limits();
    charged.reserve(decoder.total_bytes()).map_err(damaged)?;
    decoder.set_limits(charged).map_err(damaged)?;
    Ok((format, decoder))
}

/// Whether a JPEG's picture data runs to its end marker. A JPEG cut short still decodes,
/// with grey where the rest should be; this tells. The segments before the picture are
/// walked by their lengths (an EXIF preview inside them has an end marker of its own).
fn jpeg_is_complete(bytes: &[u8]) -> bool {
    let mut i = 2;
    while i + 4 <= bytes.len() {
        if bytes[i] != 0xFF {
            return false;
        }
        match bytes[i + 1] {
            0xFF => i += 1, // fill byte
            0xD0..=0xD8 | 0x01 => i += 2,
            // From the back: the end marker is nearly always the last two bytes.
            0xDA => return bytes[i..].windows(2).rev().any(|w| w == [0xFF, 0xD9]),
            _ => i += 2 + usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]])),
        }
    }
    false
}

fn oriented(w: u32, h: u32, orientation: image::metadata::Orientation) -> PixelSize {
    use image::metadata::Orientation::{Rotate90, Rotate90FlipH, Rotate270, Rotate270FlipH};
    if matches!(orientation, Rotate90 | Rotate270 | Rotate90FlipH | Rotate270FlipH) {
        PixelSize { w: h, h: w }
    } else {
        PixelSize { w, h }
    }
}

/// Decodes a raster image at about `side` pixels on its longest side, or larger, turned
/// upright, with its probe (see [`super::decode_at_least`]).
pub fn decode_probed(bytes: &[u8], side: u32) -> Result<(Probe, DynamicImage), ImageError> {
    let (format, mut decoder) = checked_decoder(bytes)?;
    let orientation = decoder.orientation().unwrap_or(image::metadata::Orientation::NoTransforms);
    let (w, h) = decoder.dimensions();
    let probe = Probe { format, pixel_size: oriented(w, h, orientation) };
    let eighths = jpeg_eighths(w.max(h), side);
    let mut image = if format.format == Some(ImageFormat::Jpeg) && eighths < 8 {
        match jpeg_scaled(bytes, eighths, (w, h))? {
            Some(image) => image,
            None => DynamicImage::from_decoder(decoder).map_err(damaged)?,
        }
    } else {
        DynamicImage::from_decoder(decoder).map_err(damaged)?
    };
    image.apply_orientation(orientation);
    Ok((probe, image))
}

/// Decodes a whole raster image (the first frame of an animation), turned upright.
pub fn decode(bytes: &[u8]) -> Result<DynamicImage, ImageError> {
    let (_, mut decoder) = checked_decoder(bytes)?;
    let orientation = decoder.orientation().unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(damaged)?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// Format and shown size of a raster image, from its header only.
pub fn probe(bytes: &[u8]) -> Result<Probe, ImageError> {
    let (format, mut decoder) = checked_decoder(bytes)?;
    let (w, h) = decoder.dimensions();
    let orientation = decoder.orientation().unwrap_or(image::metadata::Orientation::NoTransforms);
    Ok(Probe { format, pixel_size: oriented(w, h, orientation) })
}

/// The fewest eighths of `longest` that still give at least 7/8 of `side` pixels.
fn jpeg_eighths(longest: u32, side: u32) -> u8 {
    (1..8u8).find(|&n| u64::from(longest) * u64::from(n) >= u64::from(side) * 7).unwrap_or(8)
}

/// A JPEG decoded at `eighths`/8 of its size with libjpeg (mozjpeg), or `None` when its
/// colour space is one left to the full decoder (CMYK, YCCK). `size` is the size its
/// header gave, which the decode must agree with.
fn jpeg_scaled(bytes: &[u8], eighths: u8, size: (u32, u32)) -> Result<Option<DynamicImage>, ImageError> {
    use mozjpeg::ColorSpace;
    // libjpeg reports fatal errors by unwinding through its own frames (mozjpeg builds
    // it with -fexceptions for that); they end here as a message, not as a panic.
    let decoded = std::panic::catch_unwind(|| -> std::io::Result<Option<DynamicImage>> {
        let mut jpeg = mozjpeg::Decompress::new_mem(bytes)?;
        if (jpeg.width() as u32, jpeg.height() as u32) != size {
            return Err(std::io::Error::other("the image's headers disagree about its size"));
        }
        let grey = match jpeg.color_space() {
            ColorSpace::JCS_GRAYSCALE => true,
            ColorSpace::JCS_YCbCr | ColorSpace::JCS_RGB => false,
            _ => return Ok(None),
        };
        jpeg.scale(eighths);
        let picture = if grey {
            let mut started = jpeg.grayscale()?;
            let (w, h) = (started.width() as u32, started.height() as u32);
            let pixels = started.read_scanlines::<u8>()?;
            started.finish()?;
            image::GrayImage::from_raw(w, h, pixels).map(DynamicImage::ImageLuma8)
        } else {
            let mut started = jpeg.rgb()?;
            let (w, h) = (started.width() as u32, started.height() as u32);
            let pixels = started.read_scanlines::<[u8; 3]>()?;
            started.finish()?;
            image::RgbImage::from_raw(w, h, pixels.into_flattened()).map(DynamicImage::ImageRgb8)
        };
        picture.map(Some).ok_or_else(|| std::io::Error::other("the decoder returned too few pixels"))
    });
    match decoded {
        Ok(Ok(picture)) => Ok(picture),
        Ok(Err(e)) => Err(ImageError::Damaged(e.to_string())),
        Err(panic) => {
            let message = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("the JPEG decoder stopped");
            Err(ImageError::Damaged(message.trim_start_matches("libjpeg fatal error: ").to_owned()))
        }
    }
}
