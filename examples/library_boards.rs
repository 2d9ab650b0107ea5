//! Makes a library of many boards, for measuring the library and its search
//! (docs/PERFORMANCE.md, `benches/library.rs`):
//!
//! ```sh
//! cargo run --release --example library_boards -- /tmp/library 1000 100
//! MOODBOARD_BOARDS_DIR=/tmp/library time target/release/moodboard search "warm licht"
//! ```
//!
//! Writes N boards (default 1000) of M ideas each (default 100) into DIR: notes and
//! quotes in English and Dutch made of common words, some tags, three themes per board
//! and a handful of contributors, so that searches find some ideas on many boards.

use std::path::Path;

use moodboard::model::{Board, Item, ItemKind, Pos, Timestamp};

const WORDS: &[&str] = &[
    "warm", "light", "licht", "garden", "tuinen", "bloemen", "coffee", "koffie", "window", "raam", "wood", "hout",
    "texture", "kleur", "colour", "stone", "steen", "morning", "ochtend", "quiet", "stil", "market", "markt", "bread",
    "brood", "table", "tafel", "children", "kinderen", "music", "muziek", "corner", "hoek", "rain", "regen", "summer",
    "zomer", "bicycle", "fietsen", "harbour", "haven", "paper", "papier", "lamp", "ceiling", "plafond", "linen",
    "linnen", "ceramic", "keramiek", "river", "rivier", "bridge", "brug", "street", "straat", "smell", "geur",
];
const PEOPLE: &[&str] = &["Ann", "Bob", "Cas", "Dee", "Eva", "Fien", "Gus", "Hanna"];
const TAGS: &[&str] = &["light", "material", "mood", "budget", "customer", "later"];
const THEMES: &[&str] = &["Warmth", "Materials", "Mood"];

/// A small random generator with a fixed seed: the same library every run.
struct Dice(u64);

impl Dice {
    fn next(&mut self, below: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % below as u64) as usize
    }

    fn words(&mut self, n: usize) -> String {
        (0..n).map(|_| WORDS[self.next(WORDS.len())]).collect::<Vec<_>>().join(" ")
    }
}

/// Writes `boards` boards of `ideas` ideas each into `dir`.
pub fn generate(dir: &Path, boards: usize, ideas: usize) {
    std::fs::create_dir_all(dir).unwrap();
    let mut dice = Dice(0x2545_F491_4F6C_DD1D);
    let now = Timestamp::from_unix_millis(1_780_000_000_000);
    for b in 0..boards {
        let mut board = Board::new(&format!("Board {b}: {}", dice.words(2)), now);
        board.goals = vec![dice.words(5)];
        for name in THEMES {
            let theme = board.new_theme(name, now);
            board.themes.push(theme);
        }
        for i in 0..ideas {
            let length = 6 + dice.next(10);
            let text = dice.words(length);
            let kind = if i % 4 == 0 {
                ItemKind::quote(text, PEOPLE[dice.next(PEOPLE.len())], "")
            } else {
                ItemKind::note(text)
            };
            let at = Pos::new((i % 10) as f32 * 260.0, (i / 10) as f32 * 200.0);
            let who = PEOPLE[dice.next(PEOPLE.len())];
            let mut item = Item::new(kind, at, who, "own team", now.plus_millis((b * ideas + i) as i64));
            if dice.next(3) == 0 {
                item.tags.push(TAGS[dice.next(TAGS.len())].to_owned());
            }
            board.items.push(item);
        }
        moodboard::storage::save(&dir.join(format!("board-{b:04}.moodboard.ron")), &board).unwrap();
    }
}

#[allow(dead_code)] // the bench includes this file for `generate` alone
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: library_boards DIR [BOARDS] [IDEAS]");
        std::process::exit(2);
    };
    let boards = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(1000);
    let ideas = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(100);
    generate(Path::new(dir), boards, ideas);
    println!("{boards} boards of {ideas} ideas in {dir}");
}
