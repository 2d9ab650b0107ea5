//! Renders the app icon (assets/icons/org.moodboard.Moodboard.svg) to the PNG sizes the
//! desktop wants, into assets/icons/hicolor/SIZE/apps/. Run after changing the SVG:
//! `cargo run --example icons`.

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/icons");
    let svg = std::fs::read(root.join("org.moodboard.Moodboard.svg")).expect("the icon's SVG");
    for size in [16u32, 24, 32, 48, 64, 128, 256] {
        let picture = moodboard::media::decode_at_least(&svg, size).expect("the icon draws");
        let dir = root.join(format!("hicolor/{size}x{size}/apps"));
        std::fs::create_dir_all(&dir).unwrap();
        picture.to_rgba8().save(dir.join("org.moodboard.Moodboard.png")).unwrap();
        println!("{size} px");
    }
}
