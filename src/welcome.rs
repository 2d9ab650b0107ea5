//! The welcome board: made on first launch from pictures built into the app, it shows
//! every kind of item and explains how the app is meant to be used.

use crate::tr;
use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::media::import_bytes;
use crate::media::thumbs::ThumbCache;
use crate::model::operations::OWN_TEAM;
use crate::model::{Board, Edit, Item, ItemKind, Pos, ThemeId, Timestamp};
use crate::storage::{self, AssetStore, paths};

/// Overrides the folder boards are created in (tests, portable installs).
pub const BOARDS_DIR_ENV: &str = "MOODBOARD_BOARDS_DIR";

/// File name of the welcome board inside the boards folder.
pub const WELCOME_FILE: &str = "Welcome.moodboard.ron";

/// The pictures, with the message of each one's caption (its credit).
const PICTURES: [(&str, &[u8], &str); 3] = [
    ("rocket.jpg", include_bytes!("../assets/welcome/rocket.jpg"), "welcome-caption-rocket"),
    ("chelsea.png", include_bytes!("../assets/welcome/chelsea.png"), "welcome-caption-cat"),
    ("coffee.png", include_bytes!("../assets/welcome/coffee.png"), "welcome-caption-coffee"),
];

/// Who the welcome board's items are from.
const WELCOME_CONTRIBUTOR: &str = "Moodboard";

/// The welcome board in `dir`, created if it is not there yet. An existing welcome
/// board is opened as it is, with whatever the user changed.
pub fn ensure(dir: &Path) -> anyhow::Result<PathBuf> {
    let path = dir.join(WELCOME_FILE);
    if path.exists() {
        return Ok(path);
    }
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let board = build(&path)?;
    storage::create(&path, &board)?;
    Ok(path)
}

/// Builds the welcome board for `path`, storing its pictures in the assets folder.
pub fn build(path: &Path) -> anyhow::Result<Board> {
    let now = Timestamp::now();
    let mut board = Board::new(&tr!("welcome-board-title"), now);
    board.description = tr!("welcome-board-description");
    board.goals = vec![tr!("welcome-goal-collect"), tr!("welcome-goal-outside")];
    let theme = |name: &str, board: &mut Board| -> anyhow::Result<ThemeId> {
        let theme = board.new_theme(name, now);
        let id = theme.id.clone();
        Edit::InsertTheme(theme).apply(board)?;
        Ok(id)
    };
    let start = theme(&tr!("welcome-theme-start"), &mut board)?;
    let kinds = theme(&tr!("welcome-theme-kinds"), &mut board)?;
    let calm = theme(&tr!("welcome-theme-calm"), &mut board)?;

    let store = AssetStore::for_board(path);
    let mut images = Vec::new();
    for (name, bytes, caption) in PICTURES {
        let imported = import_bytes(&store, &ThumbCache::none(), bytes, name, Path::new(name)).with_context(|| {
            format!("cannot store the welcome picture {name} in {}", paths::assets_dir(path).display())
        })?;
        images.push(ItemKind::Image(crate::model::kinds::Image {
            asset: imported.asset,
            file_name: imported.file_name,
            pixel_size: imported.pixel_size,
            caption: crate::i18n::tr(caption),
            crop: None,
            turn: Default::default(),
            url: String::new(),
        }));
    }
    let [rocket, cat, coffee]: [ItemKind; 3] =
        images.try_into().map_err(|_| anyhow::anyhow!("the welcome pictures are missing"))?;

    let note = |text: &str| ItemKind::Note(crate::model::kinds::Note { text: text.to_owned() });
    // Few cards, each saying one thing, so the board reads at a glance when it opens.
    let entries: Vec<(ItemKind, Option<&ThemeId>, &'static str)> = vec![
        (note(&tr!("welcome-note-add")), Some(&start), OWN_TEAM),
        (note(&tr!("welcome-note-sort")), Some(&start), OWN_TEAM),
        (note(&tr!("welcome-note-undo")), Some(&start), OWN_TEAM),
        (rocket, Some(&kinds), "other field"),
        (ItemKind::quote(tr!("welcome-quote"), "Grace Hopper".to_owned(), String::new()), Some(&kinds), "other field"),
        (ItemKind::link(tr!("welcome-link-url"), tr!("welcome-link-title"), ""), Some(&kinds), "other field"),
        (ItemKind::colour("#E07A5F".to_owned(), tr!("welcome-colour-ignition")), Some(&kinds), OWN_TEAM),
        (light_bulb(), Some(&kinds), OWN_TEAM),
        (cat, Some(&calm), "nature"),
        (coffee, Some(&calm), "customer"),
        (ItemKind::colour("#6F4E37".to_owned(), tr!("welcome-colour-coffee")), Some(&calm), "customer"),
        (note(&tr!("welcome-note-unsorted")), None, OWN_TEAM),
        (ItemKind::heading(tr!("welcome-heading"), crate::model::kinds::HeadingSize::Medium), None, OWN_TEAM),
    ];
    for (z, (kind, theme, source)) in entries.into_iter().enumerate() {
        let mut item = Item::new(kind, Pos::new(0.0, 0.0), WELCOME_CONTRIBUTOR, source, now);
        item.theme = theme.cloned();
        item.z = z as i64;
        Edit::InsertItem(Box::new(item)).apply(&mut board)?;
    }
    // Laid out as Arrange lays a board out: frames in a window's shape, cards in columns.
    crate::model::frames::arrange(&board, now).apply(&mut board)?;
    crate::model::frames::tidy_in_place(&mut board);
    Ok(board)
}

/// A sketch of a light bulb with rays, drawn from a few strokes as a hand would.
fn light_bulb() -> ItemKind {
    use crate::model::kinds::{INKS, Sketch, Stroke};
    let stroke = |colour: &str, width: f32, points: Vec<(f32, f32)>| Stroke {
        colour: colour.to_owned(),
        width,
        pressure: false,
        points: points.into_iter().map(|(x, y)| [x, y, 0.5]).collect(),
    };
    let line = |(x0, y0): (f32, f32), (x1, y1): (f32, f32)| {
        (0..=12).map(|i| i as f32 / 12.0).map(|t| (x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)).collect::<Vec<_>>()
    };
    let (cx, cy, r) = (240.0_f32, 140.0_f32, 78.0_f32);
    let bulb = (0..=48)
        .map(|i| (130.0_f32 + 280.0 * i as f32 / 48.0).to_radians())
        .map(|a| (cx + r * a.cos(), cy + r * a.sin()))
        .collect();
    let filament = vec![
        (215.0, 215.0),
        (222.0, 170.0),
        (232.0, 190.0),
        (240.0, 165.0),
        (248.0, 190.0),
        (258.0, 170.0),
        (265.0, 215.0),
    ];
    let mut strokes = vec![
        stroke(INKS[0], 7.0, bulb),
        stroke(INKS[0], 7.0, line((190.0, 200.0), (205.0, 262.0))),
        stroke(INKS[0], 7.0, line((290.0, 200.0), (275.0, 262.0))),
        stroke(INKS[0], 7.0, line((203.0, 268.0), (277.0, 268.0))),
        stroke(INKS[0], 7.0, line((208.0, 290.0), (272.0, 290.0))),
        stroke(INKS[0], 7.0, line((222.0, 312.0), (258.0, 312.0))),
        stroke(INKS[2], 3.0, filament),
    ];
    for degrees in [200.0_f32, 235.0, 270.0, 305.0, 340.0] {
        let a = degrees.to_radians();
        let at = |d: f32| (cx + d * a.cos(), cy + d * a.sin());
        strokes.push(stroke(INKS[2], 7.0, line(at(100.0), at(130.0))));
    }
    Sketch { strokes, caption: tr!("welcome-sketch-caption"), ..Sketch::default() }.into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::KindTag;

    #[test]
    fn the_welcome_board_shows_every_kind_and_loads_cleanly() {
        let dir = tempfile::tempdir().unwrap();
        let path = ensure(dir.path()).unwrap();
        let loaded = storage::load(&path).unwrap();
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        for &kind in KindTag::ALL {
            assert!(loaded.board.items.iter().any(|i| i.kind.tag() == kind), "no {kind:?} on the welcome board");
        }
        assert_eq!(loaded.board.goals.len(), 2);
        // A second launch opens the same board and does not rebuild it.
        std::fs::write(&path, std::fs::read_to_string(&path).unwrap().replace("Welcome to Moodboard", "Mine")).unwrap();
        assert_eq!(ensure(dir.path()).unwrap(), path);
        assert_eq!(storage::load(&path).unwrap().board.title, "Mine");
    }

    #[test]
    fn a_dutch_first_launch_gets_a_dutch_welcome_board() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().to_owned();
        let board = std::thread::spawn(move || {
            crate::i18n::set_language(crate::i18n::Lang::Nl);
            storage::load(&ensure(&path).unwrap()).unwrap().board
        })
        .join()
        .unwrap();
        assert_eq!(board.title, "Welkom bij Moodboard");
        assert!(board.themes.iter().any(|t| t.name == "Begin hier"));
        assert!(
            board
                .items
                .iter()
                .any(|i| matches!(&i.kind, ItemKind::Note(crate::model::kinds::Note { text }) if text.starts_with("Voeg een idee toe")))
        );
        assert!(
            board
                .items
                .iter()
                .any(|i| matches!(&i.kind, ItemKind::Image(crate::model::kinds::Image { caption, .. }) if caption.starts_with("Chelsea de kat")))
        );
        // Sources stay the perspective names the lens knows.
        assert!(board.items.iter().any(|i| i.source == "own team"));
    }
}
