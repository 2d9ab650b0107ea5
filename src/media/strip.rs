//! A photo without what it says about the person who took it: where (GPS), with what
//! camera, when, by whom, and the camera's own preview. Used on every photo a phone
//! sends to a live session before it is stored. The pixels, their colours (an ICC
//! profile) and which way up the photo is (EXIF orientation) are kept.
//!
//! JPEG, PNG and WebP are rewritten segment by segment without their metadata; the
//! formats whose metadata is not as easily told apart (TIFF, GIF) are decoded and stored
//! as PNG; BMP carries none.

use super::ImageError;

/// `bytes` (an image already checked to be one) without its metadata.
pub fn without_metadata(bytes: &[u8]) -> Result<Vec<u8>, ImageError> {
    let damaged = |what: &str| ImageError::Damaged(format!("{what} while removing its metadata"));
    let format = super::raster::format(bytes)?;
    match format.format {
        Some(image::ImageFormat::Jpeg) => jpeg(bytes).ok_or_else(|| damaged("its segments do not add up")),
        Some(image::ImageFormat::Png) => png(bytes).ok_or_else(|| damaged("its chunks do not add up")),
        Some(image::ImageFormat::WebP) => webp(bytes).ok_or_else(|| damaged("its chunks do not add up")),
        Some(image::ImageFormat::Bmp) => Ok(bytes.to_vec()),
        _ => {
            let picture = super::decode(bytes)?;
            let mut out = std::io::Cursor::new(Vec::new());
            picture.write_to(&mut out, image::ImageFormat::Png).map_err(|e| ImageError::Damaged(e.to_string()))?;
            Ok(out.into_inner())
        }
    }
}

/// The JPEG's segments up to its scan, but for APP1 (EXIF, XMP), APP3–APP13 (IPTC and
/// makers' notes), APP15 and comments; with the orientation, if it was not upright, in
/// an EXIF segment of its own.
fn jpeg(bytes: &[u8]) -> Option<Vec<u8>> {
    let orientation = super::decode::decoder_for(bytes)
        .ok()
        .and_then(|(_, mut d)| image::ImageDecoder::orientation(&mut d).ok())
        .map_or(1, |o| o.to_exif());
    let mut out = vec![0xFF, 0xD8];
    let mut at = 2;
    loop {
        if *bytes.get(at)? != 0xFF {
            return None;
        }
        let marker = *bytes.get(at + 1)?;
        // Fill bytes before a marker.
        if marker == 0xFF {
            at += 1;
            continue;
        }
        let length = usize::from(u16::from_be_bytes([*bytes.get(at + 2)?, *bytes.get(at + 3)?]));
        let end = at.checked_add(2 + length).filter(|end| *end <= bytes.len() && length >= 2)?;
        let keep = !matches!(marker, 0xE1 | 0xE3..=0xED | 0xEF | 0xFE);
        if keep {
            out.extend_from_slice(&bytes[at..end]);
        }
        if marker == 0xDA {
            // Start of scan: the picture's data and everything after it, as it is.
            out.extend_from_slice(&bytes[end..]);
            break;
        }
        at = end;
    }
    if orientation != 1 {
        out = super::preview::with_camera_exif(&out, orientation.into(), None).ok()?;
    }
    Some(out)
}

/// The PNG's chunks that make its picture (and its colour, transparency and animation),
/// without text, EXIF, times and anything unknown.
fn png(bytes: &[u8]) -> Option<Vec<u8>> {
    const KEPT: [&[u8; 4]; 14] = [
        b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"cHRM", b"gAMA", b"iCCP", b"sBIT", b"sRGB", b"bKGD", b"pHYs",
        b"acTL", b"fcTL",
    ];
    let mut out = bytes.get(..8)?.to_vec();
    let mut at = 8;
    while at < bytes.len() {
        let length = usize::try_from(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?)).ok()?;
        let end = at.checked_add(12)?.checked_add(length).filter(|end| *end <= bytes.len())?;
        let kind = bytes.get(at + 4..at + 8)?;
        if KEPT.iter().any(|k| k.as_slice() == kind) || kind == b"fdAT" {
            out.extend_from_slice(&bytes[at..end]);
        }
        if kind == b"IEND" {
            break;
        }
        at = end;
    }
    Some(out)
}

/// The WebP's chunks without `EXIF` and `XMP `, its header's flags for them cleared.
fn webp(bytes: &[u8]) -> Option<Vec<u8>> {
    if bytes.get(..4)? != b"RIFF" || bytes.get(8..12)? != b"WEBP" {
        return None;
    }
    let mut body = b"WEBP".to_vec();
    let mut at = 12;
    while at + 8 <= bytes.len() {
        let kind = bytes.get(at..at + 4)?;
        let length = usize::try_from(u32::from_le_bytes(bytes.get(at + 4..at + 8)?.try_into().ok()?)).ok()?;
        let padded = length + (length & 1);
        let end = at.checked_add(8)?.checked_add(padded)?.min(bytes.len());
        if at + 8 + length > bytes.len() {
            return None;
        }
        match kind {
            b"EXIF" | b"XMP " => {}
            b"VP8X" => {
                let start = body.len();
                body.extend_from_slice(&bytes[at..end]);
                // Flags: bit 3 EXIF, bit 2 XMP.
                if let Some(flags) = body.get_mut(start + 8) {
                    *flags &= !0b0000_1100;
                }
            }
            _ => body.extend_from_slice(&bytes[at..end]),
        }
        at = end;
    }
    let mut out = b"RIFF".to_vec();
    out.extend_from_slice(&u32::try_from(body.len()).ok()?.to_le_bytes());
    out.extend_from_slice(&body);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::media::preview::tests::{halves, jpeg_of};

    /// A camera's EXIF: orientation, GPS, the camera and its maker.
    fn exif_with_gps(orientation: u16) -> Vec<u8> {
        use exif::experimental::Writer;
        use exif::{Field, In, Rational, Tag, Value};
        let fields = [
            Field { tag: Tag::Orientation, ifd_num: In::PRIMARY, value: Value::Short(vec![orientation]) },
            Field { tag: Tag::Make, ifd_num: In::PRIMARY, value: Value::Ascii(vec![b"SecretCam".to_vec()]) },
            Field { tag: Tag::GPSLatitudeRef, ifd_num: In::PRIMARY, value: Value::Ascii(vec![b"N".to_vec()]) },
            Field {
                tag: Tag::GPSLatitude,
                ifd_num: In::PRIMARY,
                value: Value::Rational(vec![
                    Rational { num: 52, denom: 1 },
                    Rational { num: 22, denom: 1 },
                    Rational { num: 1234, denom: 100 },
                ]),
            },
        ];
        let mut writer = Writer::new();
        for f in &fields {
            writer.push_field(f);
        }
        let mut tiff = std::io::Cursor::new(Vec::new());
        writer.write(&mut tiff, false).unwrap();
        tiff.into_inner()
    }

    fn with_segment(jpeg: &[u8], marker: u8, payload: &[u8]) -> Vec<u8> {
        let mut out = jpeg[..2].to_vec();
        out.extend_from_slice(&[0xFF, marker]);
        out.extend_from_slice(&u16::try_from(payload.len() + 2).unwrap().to_be_bytes());
        out.extend_from_slice(payload);
        out.extend_from_slice(&jpeg[2..]);
        out
    }

    fn fields(bytes: &[u8]) -> Vec<exif::Tag> {
        exif::Reader::new()
            .read_from_container(&mut std::io::Cursor::new(bytes))
            .map(|e| e.fields().map(|f| f.tag).collect())
            .unwrap_or_default()
    }

    #[test]
    fn a_jpeg_keeps_its_pixels_and_orientation_and_loses_where_and_what_camera() {
        let plain = jpeg_of(&halves(64, 32));
        let mut app1 = b"Exif\0\0".to_vec();
        app1.extend_from_slice(&exif_with_gps(6));
        let camera = with_segment(&with_segment(&plain, 0xE1, &app1), 0xFE, b"taken at home");
        assert!(fields(&camera).contains(&exif::Tag::GPSLatitude), "the test photo says where");
        let clean = without_metadata(&camera).unwrap();
        let left = fields(&clean);
        assert_eq!(left, [exif::Tag::Orientation], "only which way up is kept");
        assert!(!clean.windows(9).any(|w| w == b"SecretCam") && !clean.windows(7).any(|w| w == b"at home"));
        let (before, after) = (crate::media::decode(&camera).unwrap(), crate::media::decode(&clean).unwrap());
        assert_eq!((after.width(), after.height()), (32, 64), "still turned by its orientation");
        assert_eq!(before.to_rgb8(), after.to_rgb8(), "the same pixels");
        // Upright photos carry no EXIF at all.
        let upright = with_segment(&plain, 0xE1, &[b"Exif\0\0".as_slice(), &exif_with_gps(1)].concat());
        assert!(fields(&without_metadata(&upright).unwrap()).is_empty());
    }

    #[test]
    fn a_png_loses_its_text_and_exif_chunks() {
        let mut png = std::io::Cursor::new(Vec::new());
        image::RgbImage::from_pixel(4, 4, image::Rgb([1, 2, 3])).write_to(&mut png, image::ImageFormat::Png).unwrap();
        let png = png.into_inner();
        let chunk = |kind: &[u8; 4], data: &[u8]| {
            let mut c = u32::try_from(data.len()).unwrap().to_be_bytes().to_vec();
            c.extend_from_slice(kind);
            c.extend_from_slice(data);
            let mut crc = flate2::Crc::new();
            crc.update(kind);
            crc.update(data);
            c.extend_from_slice(&crc.sum().to_be_bytes());
            c
        };
        // After IHDR (8 + 25 bytes).
        let mut tagged = png[..33].to_vec();
        tagged.extend(chunk(b"tEXt", b"Location\0Home, Main Street 1"));
        tagged.extend(chunk(b"eXIf", &exif_with_gps(1)));
        tagged.extend_from_slice(&png[33..]);
        let clean = without_metadata(&tagged).unwrap();
        assert!(!clean.windows(4).any(|w| w == b"tEXt" || w == b"eXIf"));
        assert_eq!(crate::media::decode(&clean).unwrap().to_rgb8(), crate::media::decode(&png).unwrap().to_rgb8());
    }

    #[test]
    fn broken_segments_are_an_error_not_a_panic() {
        let plain = jpeg_of(&halves(8, 8));
        for cut in [3, 5, 20, plain.len() / 2] {
            let _ = without_metadata(&plain[..cut]);
        }
        let mut lying = plain.clone();
        lying[4] = 0xFF;
        lying[5] = 0xFF;
        let _ = without_metadata(&lying);
    }
}
