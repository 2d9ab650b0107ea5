//! Image correctness: every format Moodboard reads is shown the right way up and in the
//! right colours, at full and at reduced size; what it cannot read is named; hostile and
//! damaged files are refused without a panic.

use std::io::Cursor;

use image::{DynamicImage, ImageFormat, Rgb, RgbImage, Rgba, RgbaImage};
use moodboard::media::{ImageError, card_image, decode, decode_at_least, probe, sniff};

const RED: [u8; 3] = [220, 30, 30];
const BLUE: [u8; 3] = [30, 40, 210];

/// Left half red, right half blue.
fn halves(w: u32, h: u32) -> RgbImage {
    RgbImage::from_fn(w, h, |x, _| Rgb(if x < w / 2 { RED } else { BLUE }))
}

fn encode(image: &DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    image.write_to(&mut out, format).unwrap();
    out.into_inner()
}

fn jpeg(image: &RgbImage, quality: u8) -> Vec<u8> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality).encode_image(image).unwrap();
    out
}

fn near(got: [u8; 3], want: [u8; 3], tolerance: u8) -> bool {
    got.iter().zip(want).all(|(a, b)| a.abs_diff(b) <= tolerance)
}

fn rgb_at(image: &DynamicImage, x: u32, y: u32) -> [u8; 3] {
    let p = image.to_rgb8().get_pixel(x, y).0;
    [p[0], p[1], p[2]]
}

/// A JPEG with an EXIF block saying how to turn it (1–8, as in the EXIF standard).
fn with_orientation(jpeg: &[u8], orientation: u8) -> Vec<u8> {
    let mut tiff = b"II*\0".to_vec();
    tiff.extend(8u32.to_le_bytes()); // first IFD
    tiff.extend(1u16.to_le_bytes()); // one entry
    tiff.extend(0x0112u16.to_le_bytes()); // Orientation
    tiff.extend(3u16.to_le_bytes()); // SHORT
    tiff.extend(1u32.to_le_bytes()); // one value
    tiff.extend([orientation, 0, 0, 0]);
    tiff.extend(0u32.to_le_bytes()); // no next IFD
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend(tiff);
    let mut out = jpeg[..2].to_vec(); // SOI
    out.extend([0xFF, 0xE1]);
    out.extend(((app1.len() + 2) as u16).to_be_bytes());
    out.extend(app1);
    out.extend(&jpeg[2..]);
    out
}

fn mean_difference(a: &RgbImage, b: &RgbImage) -> f64 {
    assert_eq!(a.dimensions(), b.dimensions());
    let total: u64 = a.as_raw().iter().zip(b.as_raw()).map(|(x, y)| u64::from(x.abs_diff(*y))).sum();
    total as f64 / a.as_raw().len() as f64
}

#[test]
fn every_supported_format_shows_its_pixels() {
    let picture = DynamicImage::ImageRgb8(halves(64, 48));
    let sixteen_bit = DynamicImage::ImageRgb16(picture.to_rgb16());
    let cases = [
        ("PNG", encode(&picture, ImageFormat::Png)),
        ("PNG", encode(&sixteen_bit, ImageFormat::Png)),
        ("WebP", encode(&DynamicImage::ImageRgba8(picture.to_rgba8()), ImageFormat::WebP)),
        ("BMP", encode(&picture, ImageFormat::Bmp)),
        ("TIFF", encode(&picture, ImageFormat::Tiff)),
        ("GIF", encode(&DynamicImage::ImageRgba8(picture.to_rgba8()), ImageFormat::Gif)),
        ("JPEG", jpeg(&halves(64, 48), 95)),
    ];
    for (name, bytes) in cases {
        let probed = probe(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(probed.format.name, name);
        assert_eq!((probed.pixel_size.w, probed.pixel_size.h), (64, 48), "{name}");
        let image = decode(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(near(rgb_at(&image, 8, 24), RED, 12), "{name}: left half {:?}", rgb_at(&image, 8, 24));
        assert!(near(rgb_at(&image, 56, 24), BLUE, 12), "{name}: right half {:?}", rgb_at(&image, 56, 24));
        let card = card_image(&bytes).unwrap();
        assert_eq!(card.size, [64, 48], "{name}: small pictures keep their size");
    }
}

#[test]
fn exif_orientation_is_respected_at_full_and_reduced_size() {
    // Orientation 6: the camera was turned a quarter clockwise; shown upright, the left
    // (red) half of the stored pixels is at the top.
    let bytes = with_orientation(&jpeg(&halves(800, 400), 92), 6);
    let probed = probe(&bytes).unwrap();
    assert_eq!((probed.pixel_size.w, probed.pixel_size.h), (400, 800), "the probe reports the upright size");
    for image in [decode(&bytes).unwrap(), decode_at_least(&bytes, 100).unwrap()] {
        let (w, h) = (image.width(), image.height());
        assert!(h == 2 * w, "upright: {w} × {h}");
        assert!(near(rgb_at(&image, w / 2, h / 8), RED, 16), "top {:?}", rgb_at(&image, w / 2, h / 8));
        assert!(near(rgb_at(&image, w / 2, h * 7 / 8), BLUE, 16), "bottom {:?}", rgb_at(&image, w / 2, h * 7 / 8));
    }
    assert_eq!(decode_at_least(&bytes, 100).unwrap().height(), 100, "decoded at an eighth of its size");

    // Orientation 3: upside down, so red ends up on the right.
    let flipped = decode(&with_orientation(&jpeg(&halves(80, 40), 92), 3)).unwrap();
    assert!(near(rgb_at(&flipped, 70, 20), RED, 16));
}

#[test]
fn a_cmyk_jpeg_shows_its_colours() {
    let bytes = std::fs::read("tests/fixtures/cmyk.jpg").unwrap();
    let reference = image::open("tests/fixtures/cmyk-reference.png").unwrap().to_rgb8();
    for image in [decode(&bytes).unwrap(), decode_at_least(&bytes, 16).unwrap()] {
        let difference = mean_difference(&image.to_rgb8(), &reference);
        assert!(
            difference < 12.0,
            "a CMYK JPEG looks like the photo it was made from (mean difference {difference:.1})"
        );
    }
}

#[test]
fn a_jpeg_decoded_at_reduced_size_looks_like_the_whole_one_scaled() {
    let photo = RgbImage::from_fn(1600, 1200, |x, y| Rgb([(x / 7) as u8, (y / 5) as u8, ((x + y) / 11) as u8]));
    let bytes = jpeg(&photo, 90);
    let scaled = decode_at_least(&bytes, 1024).unwrap();
    assert_eq!((scaled.width(), scaled.height()), (1000, 750), "5/8 of 1600 is the fewest eighths near 1024");
    let whole = decode(&bytes).unwrap().resize_exact(1000, 750, image::imageops::FilterType::Triangle);
    let difference = mean_difference(&scaled.to_rgb8(), &whole.to_rgb8());
    assert!(difference < 3.0, "mean difference {difference:.2}");
    assert_eq!(card_image(&bytes).unwrap().size, [1000, 750], "the card picture needs no resize after it");
    assert_eq!(decode_at_least(&bytes, 4000).unwrap().width(), 1600, "never enlarged");

    let grey = DynamicImage::ImageLuma8(DynamicImage::ImageRgb8(photo).to_luma8());
    let grey = encode(&grey, ImageFormat::Jpeg);
    let small = decode_at_least(&grey, 200).unwrap();
    assert_eq!((small.width(), small.height()), (200, 150));
    assert!(matches!(small, DynamicImage::ImageLuma8(_)), "a grey JPEG stays grey");
}

#[test]
fn an_animated_gif_shows_its_first_frame() {
    let frame = |colour: [u8; 3]| {
        image::Frame::new(RgbaImage::from_pixel(40, 30, Rgba([colour[0], colour[1], colour[2], 255])))
    };
    let mut bytes = Vec::new();
    {
        let mut encoder = image::codecs::gif::GifEncoder::new(&mut bytes);
        encoder.encode_frames([frame(RED), frame(BLUE), frame(BLUE)]).unwrap();
    }
    let image = decode(&bytes).unwrap();
    assert_eq!((image.width(), image.height()), (40, 30));
    assert!(near(rgb_at(&image, 20, 15), RED, 12), "{:?}", rgb_at(&image, 20, 15));
}

/// A GIF of one pixel on a `w` × `h` canvas: a few dozen bytes that claim a huge picture.
fn gif_claiming(w: u16, h: u16) -> Vec<u8> {
    let mut gif = b"GIF89a".to_vec();
    gif.extend(w.to_le_bytes());
    gif.extend(h.to_le_bytes());
    gif.extend([0x80, 0, 0]); // a global colour table of two colours
    gif.extend([0, 0, 0, 255, 255, 255]);
    gif.extend([0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0]); // a 1 × 1 frame
    gif.extend([2, 2, 0x44, 0x01, 0, 0x3B]);
    gif
}

#[test]
fn pictures_that_claim_to_be_huge_are_refused_from_their_header() {
    let gif = gif_claiming(20_000, 20_000);
    assert!(gif.len() < 64);
    assert_eq!(probe(&gif).unwrap_err(), ImageError::TooLarge { w: 20_000, h: 20_000 });
    assert!(decode(&gif).is_err() && decode_at_least(&gif, 256).is_err());

    // A JPEG whose frame header claims 60000 × 60000.
    let mut big = jpeg(&halves(16, 16), 90);
    let sof = big.windows(2).position(|w| w == [0xFF, 0xC0]).expect("a baseline JPEG");
    big[sof + 5..sof + 9].copy_from_slice(&[0xEA, 0x60, 0xEA, 0x60]);
    for error in [probe(&big).unwrap_err(), decode_at_least(&big, 256).unwrap_err()] {
        assert!(matches!(error, ImageError::TooLarge { .. } | ImageError::OverLimits), "{error:?}");
        assert!(error.to_string().contains("too large"), "{error}");
    }
}

#[test]
fn formats_moodboard_cannot_show_are_named() {
    let heic = [&[0u8, 0, 0, 24][..], b"ftypheic", &[0; 12]].concat();
    let cases: [(&[u8], &str); 4] = [
        (&heic, "HEIC files are not supported"),
        (b"8BPS\x00\x01\x00\x00\x00\x00\x00\x00", "Photoshop (PSD) files are not supported"),
        (b"%PDF-1.7\n", "PDF files are not supported"),
        (b"just some words, not a picture", "not an image file"),
    ];
    for (bytes, message) in cases {
        let error = sniff(bytes).unwrap_err().to_string();
        assert!(error.contains(message), "{error}");
        assert!(error.contains("Moodboard reads JPEG, PNG, GIF, WebP, BMP, TIFF and SVG"), "{error}");
        assert_eq!(decode(bytes).unwrap_err().to_string(), error);
    }
}

#[test]
fn svg_files_are_drawn_at_the_size_asked_and_named_as_svg() {
    let svg = br##"<?xml version="1.0"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#08f"/></svg>"##;
    let probe = probe(svg).unwrap();
    assert_eq!((probe.format.ext, probe.pixel_size.w, probe.pixel_size.h), ("svg", 120, 40));
    assert_eq!(decode(svg).unwrap().to_rgba8().dimensions(), (120, 40), "a whole decode draws it at its own size");
    let card = decode_at_least(svg, 600).unwrap().to_rgba8();
    assert_eq!(card.dimensions(), (600, 200), "for a card, at the size it needs: sharp, not scaled up");
    assert_eq!(card.get_pixel(300, 100).0, [0, 136, 255, 255]);
    let empty = b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>";
    assert!(decode(empty).is_ok(), "an SVG without a size is drawn at the default size");
    let broken = b"<svg xmlns=\"http://www.w3.org/2000/svg\"><rect";
    assert!(decode(broken).unwrap_err().to_string().contains("the SVG cannot be read"));
}

#[test]
fn a_jpeg_cut_short_is_refused_with_the_reason() {
    let whole = with_orientation(&jpeg(&halves(300, 200), 90), 1);
    assert!(decode(&whole).is_ok() && probe(&whole).is_ok());
    let mut with_trailer = whole.clone();
    with_trailer.extend(b"data some cameras append after the picture");
    assert!(decode(&with_trailer).is_ok(), "bytes after the end marker are fine");
    for cut in [whole.len() / 2, whole.len() * 9 / 10, whole.len() - 2] {
        for result in [decode(&whole[..cut]).map(|_| ()), decode_at_least(&whole[..cut], 64).map(|_| ())] {
            let error = result.unwrap_err().to_string();
            assert!(error.contains("the file ends before the picture does"), "cut at {cut}: {error}");
        }
    }
}

#[test]
fn damaged_jpegs_are_refused_or_shown_but_never_panic() {
    // A progressive JPEG's later scan headers are read only by the decoder itself, so
    // damage there reaches libjpeg's fatal errors, not just the header check.
    let progressive = std::fs::read("tests/fixtures/progressive.jpg").unwrap();
    let baseline = jpeg(&halves(96, 64), 90);
    let mut seed = 0x2545_F491u32;
    let mut refused = 0;
    for round in 0..800 {
        let good = if round % 2 == 0 { &progressive } else { &baseline };
        let mut bytes = good.clone();
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let at = seed as usize % bytes.len();
        if round % 4 == 0 {
            bytes.truncate(at.max(2));
        } else {
            bytes[at] ^= (seed >> 24) as u8 | 1;
        }
        // 16 pixels asks for a scaled decode (libjpeg), a full decode goes through `image`.
        for result in [decode_at_least(&bytes, 16), decode(&bytes)] {
            match result {
                Ok(image) => assert!(image.width() > 0 && image.height() > 0),
                Err(e) => {
                    refused += 1;
                    assert!(!e.to_string().is_empty());
                }
            }
        }
    }
    assert!(refused > 100, "most damage is noticed ({refused} refusals)");
}
