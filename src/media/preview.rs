//! The small preview a camera stores in a photo's EXIF data (IFD1, usually 160×120),
//! shown on a card at once while the photo itself decodes.
//!
//! The preview is a stranger's data like the rest of the file, and it can lie: it may be
//! stale (an editor rotated or cropped the photo and left the old preview), letterboxed
//! (a 4:3 preview of a 3:2 photo, with black bars), huge, or not a picture at all. It is
//! only used when it is a small, sound JPEG whose shape, once turned by the photo's own
//! EXIF orientation, matches the photo's; black bars are cut off first. Anything else
//! gives no preview, and the card simply waits for the real decode.

use std::io::{Cursor, Read as _};
use std::path::Path;

use exif::{In, Tag};
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder as _, ImageFormat, ImageReader};

/// How much of a file is read to find its preview: the EXIF segment is at most 64 KiB
/// and comes first; the rest is room for the segments before the frame header.
pub const HEAD_BYTES: u64 = 256 * 1024;
/// Longest side a preview may have (cameras store 160 px; some phones up to 512).
const MAX_PREVIEW_SIDE: u32 = 640;
/// How far the preview's shape may differ from the photo's (as a share of its aspect).
const SHAPE_TOLERANCE: f32 = 0.03;
/// A bar this dark on average (0–255) is letterboxing, not picture.
const BAR_LUMA: f32 = 24.0;

/// The first [`HEAD_BYTES`] of a plain file (never a link or a device), if it can be
/// read: a preview that cannot be read is simply not shown.
pub fn read_head(path: &Path) -> Option<Vec<u8>> {
    let file = crate::storage::open_regular(path).ok()?;
    let mut head = Vec::with_capacity(HEAD_BYTES as usize);
    file.take(HEAD_BYTES).read_to_end(&mut head).ok()?;
    Some(head)
}

/// The upright EXIF preview of a JPEG from its first bytes, if it has a sound one of
/// the photo's shape.
pub fn exif_preview(head: &[u8]) -> Option<DynamicImage> {
    // A bug in a parser must cost the preview, never the card.
    std::panic::catch_unwind(|| preview(head)).ok().flatten()
}

fn preview(head: &[u8]) -> Option<DynamicImage> {
    if super::decode::sniff(head).ok()?.format != Some(ImageFormat::Jpeg) {
        return None;
    }
    let mut decoder = ImageReader::with_format(Cursor::new(head), ImageFormat::Jpeg).into_decoder().ok()?;
    let (w, h) = decoder.dimensions();
    let raw = decoder.exif_metadata().ok()??;
    let orientation = Orientation::from_exif_chunk(&raw).unwrap_or(Orientation::NoTransforms);
    let exif = exif::Reader::new().read_raw(raw).ok()?;
    let number = |tag| exif.get_field(tag, In::THUMBNAIL)?.value.get_uint(0).map(|n| n as usize);
    let (offset, len) = (number(Tag::JPEGInterchangeFormat)?, number(Tag::JPEGInterchangeFormatLength)?);
    let jpeg = exif.buf().get(offset..offset.checked_add(len)?)?;
    let mut picture = decode_small_jpeg(jpeg)?;
    picture = fit_shape(picture, w, h)?;
    picture.apply_orientation(orientation);
    Some(picture)
}

/// A JPEG of at most [`MAX_PREVIEW_SIDE`] a side, decoded whole.
fn decode_small_jpeg(jpeg: &[u8]) -> Option<DynamicImage> {
    let (format, decoder) = super::decode::decoder_for(jpeg).ok()?;
    let (w, h) = decoder.dimensions();
    if format.format != Some(ImageFormat::Jpeg) || w.max(h) > MAX_PREVIEW_SIDE || w.min(h) == 0 {
        return None;
    }
    DynamicImage::from_decoder(decoder).ok()
}

/// The preview cut to the photo's shape (`w` × `h`, both before orientation): as it is
/// when the shapes agree, without its bars when it is letterboxed, or `None` when it is
/// some other picture.
fn fit_shape(picture: DynamicImage, w: u32, h: u32) -> Option<DynamicImage> {
    let (pw, ph) = (picture.width(), picture.height());
    let (photo, shown) = (w as f32 / h.max(1) as f32, pw as f32 / ph as f32);
    if ((shown - photo) / photo).abs() <= SHAPE_TOLERANCE {
        return Some(picture);
    }
    // The part of the preview with the photo's shape, centred.
    let (cw, ch) = if shown > photo {
        (((ph as f32 * photo).round() as u32).clamp(1, pw), ph)
    } else {
        (pw, ((pw as f32 / photo).round() as u32).clamp(1, ph))
    };
    let (x, y) = ((pw - cw) / 2, (ph - ch) / 2);
    let luma = picture.to_luma8();
    let dark = |x0: u32, y0: u32, bw: u32, bh: u32| {
        let n = u64::from(bw) * u64::from(bh);
        let sum: u64 = (y0..y0 + bh)
            .flat_map(|y| (x0..x0 + bw).map(move |x| (x, y)))
            .map(|(x, y)| u64::from(luma.get_pixel(x, y).0[0]))
            .sum();
        n == 0 || (sum as f32 / n as f32) <= BAR_LUMA
    };
    // Both bars must be there and dark: a preview of another shape is not cut to fit.
    let bars_dark = if cw < pw {
        x > 0 && dark(0, 0, x, ph) && dark(x + cw, 0, pw - x - cw, ph)
    } else {
        y > 0 && dark(0, 0, pw, y) && dark(0, y + ch, pw, ph - y - ch)
    };
    bars_dark.then(|| picture.crop_imm(x, y, cw, ch))
}

/// `jpeg` (a JPEG without EXIF) with the EXIF segment a camera writes: `orientation`
/// (1–8, as EXIF numbers them) and `preview`, a small JPEG, as its IFD1 thumbnail. The
/// tests, benches and the `photo_board` example make camera-like photos with it.
pub fn with_camera_exif(jpeg: &[u8], orientation: u16, preview: Option<&[u8]>) -> Result<Vec<u8>, String> {
    use exif::experimental::Writer;
    if jpeg.get(..2) != Some(&[0xFF, 0xD8]) {
        return Err("not a JPEG".to_owned());
    }
    let field =
        exif::Field { tag: Tag::Orientation, ifd_num: In::PRIMARY, value: exif::Value::Short(vec![orientation]) };
    let mut writer = Writer::new();
    writer.push_field(&field);
    if let Some(preview) = preview {
        writer.set_jpeg(preview, In::THUMBNAIL);
    }
    let mut tiff = Cursor::new(Vec::new());
    writer.write(&mut tiff, false).map_err(|e| e.to_string())?;
    let tiff = tiff.into_inner();
    let length = u16::try_from(2 + 6 + tiff.len()).map_err(|_| "the EXIF segment is over 64 KiB".to_owned())?;
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&length.to_be_bytes());
    out.extend_from_slice(b"Exif\0\0");
    out.extend_from_slice(&tiff);
    out.extend_from_slice(&jpeg[2..]);
    Ok(out)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use image::{Rgb, RgbImage};

    /// A JPEG of `picture`.
    pub(crate) fn jpeg_of(picture: &RgbImage) -> Vec<u8> {
        let mut out = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90).encode_image(picture).unwrap();
        out
    }

    pub(crate) fn with_exif(jpeg: &[u8], orientation: u16, preview: Option<&[u8]>) -> Vec<u8> {
        with_camera_exif(jpeg, orientation, preview).unwrap()
    }

    /// Red in the left half, blue in the right: which way it is turned shows.
    pub(crate) fn halves(w: u32, h: u32) -> RgbImage {
        RgbImage::from_fn(w, h, |x, _| if x < w / 2 { Rgb([220, 30, 30]) } else { Rgb([30, 30, 220]) })
    }

    fn is_red(p: [u8; 3]) -> bool {
        p[0] > 150 && p[2] < 100
    }

    #[test]
    fn a_camera_preview_comes_out_upright_by_the_photos_orientation() {
        let photo = jpeg_of(&halves(400, 200));
        let preview = jpeg_of(&halves(40, 20));
        // 6: the camera was turned a quarter clockwise; shown upright, left becomes top.
        let file = with_exif(&photo, 6, Some(&preview));
        let shown = exif_preview(&file).expect("a preview").to_rgb8();
        assert_eq!(shown.dimensions(), (20, 40));
        assert!(is_red(shown.get_pixel(10, 5).0), "the photo's left is at the top");
        assert!(!is_red(shown.get_pixel(10, 35).0));
        // Unturned, it is as stored.
        let shown = exif_preview(&with_exif(&photo, 1, Some(&preview))).unwrap().to_rgb8();
        assert_eq!(shown.dimensions(), (40, 20));
        assert!(is_red(shown.get_pixel(5, 10).0) && !is_red(shown.get_pixel(35, 10).0));
    }

    #[test]
    fn a_letterboxed_preview_loses_its_bars_and_a_stale_one_is_not_shown() {
        // A 3:2 photo with a 4:3 preview: black bars above and below.
        let photo = jpeg_of(&halves(300, 200));
        let boxed = RgbImage::from_fn(40, 30, |x, y| {
            if (3..27).contains(&y) { *halves(40, 30).get_pixel(x, y) } else { Rgb([0, 0, 0]) }
        });
        let shown = exif_preview(&with_exif(&photo, 1, Some(&jpeg_of(&boxed)))).expect("bars cut off");
        assert_eq!((shown.width(), shown.height()), (40, 27));
        // The photo was turned by an editor that kept the old preview: wrong shape, and no
        // bars to cut, so nothing is shown rather than something sideways.
        let stale = jpeg_of(&halves(20, 40));
        assert!(exif_preview(&with_exif(&photo, 1, Some(&stale))).is_none());
        // A preview of another shape with light edges is not cropped to fit either.
        assert!(exif_preview(&with_exif(&photo, 1, Some(&jpeg_of(&halves(40, 30))))).is_none());
    }

    #[test]
    fn no_sound_small_preview_means_none() {
        let photo = jpeg_of(&halves(400, 200));
        assert!(exif_preview(&photo).is_none(), "no EXIF at all");
        assert!(exif_preview(&with_exif(&photo, 6, None)).is_none(), "EXIF without a preview");
        let big = jpeg_of(&halves(1000, 500));
        assert!(exif_preview(&with_exif(&photo, 1, Some(&big))).is_none(), "a preview too large to be one");
        let cut = jpeg_of(&halves(40, 20));
        assert!(exif_preview(&with_exif(&photo, 1, Some(&cut[..cut.len() / 2]))).is_none(), "cut short");
        assert!(exif_preview(&with_exif(&photo, 1, Some(b"not a picture at all"))).is_none());
        // Its offset pointing past the segment.
        let mut lying = with_exif(&photo, 1, Some(&jpeg_of(&halves(40, 20))));
        let at = lying.windows(2).skip(20).position(|w| w == [0xFF, 0xD8]).unwrap() + 20;
        lying[at] = 0;
        assert!(exif_preview(&lying).is_none(), "no picture where the offset points");
        assert!(exif_preview(b"").is_none() && exif_preview(&[0xFF, 0xD8, 0xFF]).is_none());
    }

    #[test]
    fn the_head_of_a_file_holds_its_preview() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("photo.jpg");
        let mut photo = with_exif(&jpeg_of(&halves(400, 200)), 1, Some(&jpeg_of(&halves(40, 20))));
        // Far more picture data after the head than in it.
        photo.extend(std::iter::repeat_n(0u8, 2 * HEAD_BYTES as usize));
        std::fs::write(&path, &photo).unwrap();
        let head = read_head(&path).expect("the head is read");
        assert_eq!(head.len() as u64, HEAD_BYTES);
        assert!(exif_preview(&head).is_some());
    }
}
