//! The real window: `moodboard BOARD --screenshot OUT.png` opens the app on the
//! display (Xvfb in CI), waits for the images, writes a PNG and exits 0.
//! Needs a display: run the tests under `xvfb-run -a` as README.md says.

use std::path::Path;
use std::process::Command;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

#[test]
fn the_real_window_renders_an_example_board() {
    assert!(
        std::env::var_os("DISPLAY").is_some() || std::env::var_os("WAYLAND_DISPLAY").is_some(),
        "this test opens a real window and needs a display; run `xvfb-run -a cargo test`"
    );
    let dir = tempfile::tempdir().unwrap();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    std::fs::copy(examples.join("cafe-refresh.moodboard.ron"), dir.path().join("cafe-refresh.moodboard.ron")).unwrap();
    copy_dir(&examples.join("cafe-refresh.assets"), &dir.path().join("cafe-refresh.assets"));
    let board = dir.path().join("cafe-refresh.moodboard.ron");
    let before = std::fs::read(&board).unwrap();
    let out = dir.path().join("shot.png");
    let result = Command::new(env!("CARGO_BIN_EXE_moodboard"))
        .arg(&board)
        .arg("--screenshot")
        .arg(&out)
        .env("MOODBOARD_CONFIG_DIR", dir.path().join("config"))
        .env("MOODBOARD_BOARDS_DIR", dir.path().join("boards"))
        .env("MOODBOARD_CACHE_DIR", dir.path().join("cache"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(result.status.success(), "the app failed: {stderr}");
    let shot = image::open(&out).unwrap_or_else(|e| panic!("no PNG at {}: {e}; {stderr}", out.display())).to_rgba8();
    assert!(shot.width() >= 640 && shot.height() >= 480, "{}×{}", shot.width(), shot.height());
    // A rendered board has many colours: photos, swatches, text. A blank or failed window has few.
    let mut colours: Vec<[u8; 4]> = shot.pixels().map(|p| p.0).collect();
    colours.sort_unstable();
    colours.dedup();
    assert!(colours.len() > 2000, "only {} distinct colours: the window looks empty", colours.len());
    // The coffee photo's warm reds must be on screen, which they are only once decoded.
    let warm = shot.pixels().filter(|p| p.0[0] > 150 && p.0[1] < 90 && p.0[2] < 70).count();
    assert!(warm > 500, "the photos did not load ({warm} warm pixels)");
    assert_eq!(std::fs::read(&board).unwrap(), before, "taking a screenshot does not write the board");
}
