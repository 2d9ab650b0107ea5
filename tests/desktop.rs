//! The desktop files: the entry, the MIME types, the AppStream metadata and the icons are
//! valid by the freedesktop tools (`.ci/run` installs them) and agree with the app.

use std::path::Path;
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn run(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} is needed for this test (apt-get install desktop-file-utils appstream shared-mime-info; .ci/run does): {e}"));
    let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{tool} {args:?} refused it:\n{text}");
    text
}

#[test]
fn the_desktop_entry_types_metadata_and_icons_are_valid_and_agree_with_the_app() {
    let id = moodboard::app::APP_ID;
    let desktop = root().join(format!("packaging/{id}.desktop"));
    let text = std::fs::read_to_string(&desktop).unwrap();
    let warnings = run("desktop-file-validate", &[desktop.to_str().unwrap()]);
    assert!(!warnings.contains("error"), "{warnings}");
    assert!(text.contains("Exec=moodboard %f") && text.contains(&format!("Icon={id}")));
    assert!(text.contains("MimeType=application/x-moodboard;application/x-moodpack;"));

    let metainfo = root().join(format!("packaging/{id}.metainfo.xml"));
    run("appstreamcli", &["validate", "--no-net", metainfo.to_str().unwrap()]);
    assert!(std::fs::read_to_string(&metainfo).unwrap().contains(&format!("<id>{id}</id>")));

    // The MIME types compile, and claim both file endings.
    let db = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(db.path().join("packages")).unwrap();
    std::fs::copy(root().join(format!("packaging/{id}.mime.xml")), db.path().join(format!("packages/{id}.xml")))
        .unwrap();
    run("update-mime-database", &[db.path().to_str().unwrap()]);
    let globs = std::fs::read_to_string(db.path().join("globs2")).unwrap();
    assert!(globs.contains("application/x-moodboard:*.moodboard.ron"), "{globs}");
    assert!(globs.contains("application/x-moodpack:*.moodpack"), "{globs}");

    // Every icon size is there, square, and drawn from the SVG.
    for size in [16u32, 24, 32, 48, 64, 128, 256] {
        let png = root().join(format!("assets/icons/hicolor/{size}x{size}/apps/{id}.png"));
        let icon = image::open(&png).unwrap_or_else(|e| panic!("{}: {e}", png.display()));
        assert_eq!((icon.width(), icon.height()), (size, size), "{}", png.display());
    }
    let svg = std::fs::read(root().join(format!("assets/icons/{id}.svg"))).unwrap();
    let drawn = moodboard::media::decode_at_least(&svg, 64).unwrap().to_rgba8();
    let committed = image::open(root().join(format!("assets/icons/hicolor/64x64/apps/{id}.png"))).unwrap().to_rgba8();
    assert_eq!(drawn.as_raw(), committed.as_raw(), "the PNGs are the SVG drawn (run `cargo run --example icons`)");
}
