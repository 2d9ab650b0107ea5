//! Makes the two example boards in `examples/` from a folder holding the photos credited
//! in README.md (scikit-image's and matplotlib's public-domain and CC0 sample images,
//! under their file names there: coffee.png, brick.png, gravel.png, chelsea.png,
//! hubble_deep_field.jpg, rocket.jpg, astronaut.png, grace_hopper.jpg):
//!
//! ```sh
//! cargo run --example example_boards -- examples PHOTOS_DIR
//! ```
//!
//! - *Café refresh*: a team redesigning a corner café, in the React step of a session
//!   (votes revealed, reactions and replies, two ideas still waiting for an answer).
//! - *Space notebook*: one person's idea notebook for a planetarium poster series.
//!
//! Both are laid out by Arrange by theme, as the app would. Run it again to rebuild them
//! (ids and times change; the content does not).

use std::path::Path;

use moodboard::media::import_file;
use moodboard::media::thumbs::ThumbCache;
use moodboard::model::{
    Answer, Board, Item, ItemKind, Phase, Reaction, Response, ResponseId, Timestamp, Vote, VoteId, frames,
};
use moodboard::storage::{self, AssetStore};

/// One idea: what it is, its theme (by name), who brought it and from where.
struct Idea {
    kind: ItemKind,
    theme: Option<&'static str>,
    who: &'static str,
    source: &'static str,
}

fn note(text: &str) -> ItemKind {
    ItemKind::note(text)
}

fn quote(text: &str, by: &str) -> ItemKind {
    ItemKind::quote(text, by, String::new())
}

fn link(url: &str, title: &str, note: &str) -> ItemKind {
    ItemKind::link(url, title, note)
}

fn colour(hex: &str, name: &str) -> ItemKind {
    ItemKind::colour(hex, name)
}

/// A photo from `photos`, stored in the board's assets, with its caption.
fn photo(store: &AssetStore, photos: &Path, file: &str, caption: &str) -> anyhow::Result<ItemKind> {
    let imported = import_file(store, &ThumbCache::none(), &photos.join(file))?;
    Ok(ItemKind::Image(moodboard::model::kinds::Image {
        asset: imported.asset,
        file_name: file.into(),
        pixel_size: imported.pixel_size,
        caption: caption.into(),
        crop: None,
        turn: Default::default(),
        url: String::new(),
    }))
}

/// A board titled `title` with `goals`, its themes (name, colour) and ideas, laid out
/// by Arrange by theme.
fn board(title: &str, goals: &[&str], themes: &[(&str, &str)], ideas: Vec<Idea>) -> Board {
    let now = Timestamp::now();
    let mut board = Board::new(title, now);
    board.goals = goals.iter().map(|g| (*g).to_owned()).collect();
    for (rank, (name, colour)) in themes.iter().enumerate() {
        let mut theme = board.new_theme(name, now);
        theme.colour = (*colour).to_owned();
        theme.rank = rank as i64;
        board.themes.push(theme);
    }
    for (z, idea) in ideas.into_iter().enumerate() {
        let mut item = Item::new(idea.kind, moodboard::model::Pos::new(0.0, 0.0), idea.who, idea.source, now);
        item.z = z as i64;
        item.theme = idea.theme.and_then(|t| board.theme_by_name(t)).map(|t| t.id.clone());
        board.items.push(item);
    }
    frames::frames_from_cards(&mut board);
    let arranged = frames::arrange(&board, now);
    arranged.apply(&mut board).expect("arrange applies");
    board
}

fn find(board: &Board, text: &str) -> moodboard::model::ItemId {
    board.items.iter().find(|i| i.kind.summary().contains(text)).unwrap_or_else(|| panic!("{text}")).id.clone()
}

fn cafe(dir: &Path, photos: &Path) -> anyhow::Result<()> {
    let path = dir.join("cafe-refresh.moodboard.ron");
    let store = AssetStore::for_board(&path);
    let idea = |kind, theme, who, source| Idea { kind, theme, who, source };
    let ideas = vec![
        idea(
            photo(&store, photos, "coffee.png", "Espresso at the bar, Porto (CC0, Rachel Michetti)")?,
            Some("Warmth"),
            "Mia",
            "own team",
        ),
        idea(
            quote("I come for the coffee and stay for the window seat.", "A regular, Tuesday mornings"),
            Some("Warmth"),
            "Joost",
            "customer",
        ),
        idea(note("Warm light (2700 K) over every table, none over the bar"), Some("Warmth"), "Lena", "other field"),
        idea(colour("#6F4E37", "Roast"), Some("Warmth"), "Mia", "own team"),
        idea(
            photo(&store, photos, "brick.png", "Old brick, left bare behind the bar (CC0)")?,
            Some("Materials"),
            "Sam",
            "intern",
        ),
        idea(
            photo(&store, photos, "gravel.png", "Terrazzo from river gravel for the floor? (CC0)")?,
            Some("Materials"),
            "Lena",
            "other field",
        ),
        idea(note("Reclaimed oak for the counter: from the old school gym"), Some("Materials"), "Joost", "customer"),
        idea(colour("#C0562F", "Terracotta"), Some("Materials"), "Mia", "own team"),
        idea(
            photo(&store, photos, "chelsea.png", "A café cat? (CC0, Stefan van der Walt)")?,
            Some("Mood"),
            "Sam",
            "intern",
        ),
        idea(
            link(
                "https://en.wikipedia.org/wiki/Third_place",
                "The third place",
                "Not home, not work: where people linger",
            ),
            Some("Mood"),
            "Lena",
            "other field",
        ),
        idea(note("Board games and a long table on Sunday afternoons"), Some("Mood"), "Joost", "customer"),
        idea(note("What if the counter moved to the back and the window became seating?"), None, "Sam", "intern"),
    ];
    let mut board = board(
        "Café refresh",
        &["A corner café people linger in", "Keep the budget under 20k"],
        &[("Warmth", "#E4B363"), ("Materials", "#6BAA9B"), ("Mood", "#E07A5F")],
        ideas,
    );
    board.description = "The corner café's makeover: collected by the team, two regulars and our intern.".into();
    // The session: voted, totals revealed, now reacting. Two ideas still wait.
    let now = Timestamp::now();
    board.session.phase = Phase::React;
    board.session.votes_revealed = true;
    board.session.dots_per_person = 3;
    board.session.modified = now;
    let dots = [
        ("What if the counter", "Mia"),
        ("What if the counter", "Joost"),
        ("What if the counter", "Lena"),
        ("Espresso at the bar", "Sam"),
        ("Espresso at the bar", "Joost"),
        ("The third place", "Mia"),
        ("Warm light", "Sam"),
    ];
    for (text, by) in dots {
        board.votes.push(Vote { id: VoteId::new_random(), item: find(&board, text), by: by.into(), at: now });
    }
    let answers = [
        ("What if the counter", "Mia", Answer::Reaction(Reaction::BuildOn)),
        ("What if the counter", "Joost", Answer::Reply("Then the queue is out of the draught, too".into())),
        ("Espresso at the bar", "Lena", Answer::Reaction(Reaction::Like)),
        ("The third place", "Sam", Answer::Reaction(Reaction::Surprise)),
        ("Warm light", "Joost", Answer::Reply("Dimmable, please: mornings want more".into())),
        ("Old brick", "Mia", Answer::Reaction(Reaction::Question)),
        ("Terrazzo", "Joost", Answer::Reaction(Reaction::BuildOn)),
        ("Reclaimed oak", "Lena", Answer::Reaction(Reaction::Like)),
        ("A café cat", "Lena", Answer::Reply("Allergies: ask the regulars first".into())),
        ("Board games", "Mia", Answer::Reaction(Reaction::BuildOn)),
        ("I come for the coffee", "Sam", Answer::Reaction(Reaction::Like)),
    ];
    for (text, by, answer) in answers {
        board.responses.push(Response {
            id: ResponseId::new_random(),
            item: find(&board, text),
            by: by.into(),
            answer,
            at: now,
        });
    }
    board.votes.sort();
    board.responses.sort();
    storage::save(&path, &board)?;
    println!("wrote {}", path.display());
    Ok(())
}

fn space(dir: &Path, photos: &Path) -> anyhow::Result<()> {
    let path = dir.join("space-notebook.moodboard.ron");
    let store = AssetStore::for_board(&path);
    let mine = |kind, theme| Idea { kind, theme, who: "Noor", source: "own team" };
    let ideas = vec![
        mine(
            photo(&store, photos, "hubble_deep_field.jpg", "Hubble eXtreme Deep Field: every speck a galaxy (NASA)")?,
            Some("Deep field"),
        ),
        mine(quote("Somewhere, something incredible is waiting to be known.", "Sharon Begley"), Some("Deep field")),
        mine(colour("#0B1D3A", "Night sky"), Some("Deep field")),
        mine(note("One poster, one number: how many galaxies fit behind a grain of sand?"), Some("Deep field")),
        mine(photo(&store, photos, "rocket.jpg", "Falcon 9 on the pad at night (SpaceX)")?, Some("Launch")),
        mine(note("Countdown posters: T-10 to T-0, one per month before the opening"), Some("Launch")),
        mine(colour("#F26B21", "Exhaust orange"), Some("Launch")),
        mine(
            photo(&store, photos, "astronaut.png", "Eileen Collins, first woman to command a Shuttle (NASA)")?,
            Some("People"),
        ),
        mine(
            photo(&store, photos, "grace_hopper.jpg", "Grace Hopper, who taught computers English (US Navy)")?,
            Some("People"),
        ),
        mine(
            quote("The most dangerous phrase in the language is: we've always done it this way.", "Grace Hopper"),
            Some("People"),
        ),
        mine(
            link("https://images.nasa.gov", "NASA Image and Video Library", "Public-domain photos for the series"),
            None,
        ),
        mine(note("Posters that look like mission patches?"), None),
    ];
    let board = board(
        "Space notebook",
        &["Ideas for the planetarium poster series"],
        &[("Deep field", "#E4B363"), ("Launch", "#6BAA9B"), ("People", "#9C89B8")],
        ideas,
    );
    storage::save(&path, &board)?;
    println!("wrote {}", path.display());
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let usage = "usage: example_boards OUT_DIR PHOTOS_DIR";
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().ok_or_else(|| anyhow::anyhow!(usage))?);
    let photos = std::path::PathBuf::from(args.next().ok_or_else(|| anyhow::anyhow!(usage))?);
    for name in ["cafe-refresh", "space-notebook"] {
        // Rebuilt from scratch: the old pictures go with the old boards.
        let assets = dir.join(format!("{name}.assets"));
        if assets.exists() {
            std::fs::remove_dir_all(&assets)?;
        }
    }
    cafe(&dir, &photos)?;
    space(&dir, &photos)?;
    Ok(())
}
