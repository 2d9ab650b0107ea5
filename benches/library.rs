//! The library at scale (issue 29; figures in docs/PERFORMANCE.md): 1,000 boards of 100
//! ideas (examples/library_boards.rs):
//!
//! - the first index build (done in the background in the app, with progress), beside
//!   a plain read of every board with `storage::load`;
//! - the library opened with a warm cache (catalog and index there, nothing changed):
//!   open, look at every file's stamp, list the boards (target under 300 ms);
//! - one board changed: the refresh reads that board alone;
//! - searches (one to three words, Dutch and English forms, an unfinished last word, a
//!   tag): p50 and p99 over 1,000 (target p99 under 30 ms), beside the plain scan the
//!   open board's Ctrl+F does (every idea's text compared), over all boards in memory;
//! - this process's memory with the library open and searched.
//!
//! The one-off figures are printed; criterion times one search.

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use moodboard::library::{Filters, Library};
use moodboard::model::Board;

mod common;
#[path = "../examples/library_boards.rs"]
mod generator;

const QUERIES: &[&str] = &[
    "warm",
    "licht",
    "tuin",
    "bloem",
    "garden",
    "koffie window",
    "warm licht",
    "fiets",
    "kinderen spelen",
    "steen hout",
    "morn",
    "ceram",
    "quiet market",
    "rivier brug straat",
    "lamp",
    "zomer regen",
    "bread",
    "hoek",
    "music",
    "linnen",
];

fn percentile(times: &mut [Duration], p: f64) -> Duration {
    times.sort();
    times[((times.len() as f64 - 1.0) * p).round() as usize]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn library(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let (boards_dir, cache) = (tmp.path().join("boards"), tmp.path().join("cache"));
    let (boards, ideas) = (1000, 100);
    let start = Instant::now();
    generator::generate(&boards_dir, boards, ideas);
    println!("library: generated {boards} boards of {ideas} ideas in {:.1} s", start.elapsed().as_secs_f64());
    let folders = [boards_dir.clone()];

    // A plain read of every board: what any index build must at least do.
    let start = Instant::now();
    let loaded: Vec<Board> = moodboard::library::board_files(&folders)
        .iter()
        .map(|(path, _)| moodboard::storage::load(path).unwrap().board)
        .collect();
    let plain_read = start.elapsed();

    let rss_before = common::memory_mib(std::process::id(), "VmRSS:");
    let library = Library::open(&cache).unwrap();
    let start = Instant::now();
    let mut reported = 0;
    let first = library.refresh(&folders, &mut |_| reported += 1).unwrap();
    let build = start.elapsed();
    assert_eq!(first.read.len(), boards);
    println!(
        "library: first build {:.2} s ({} progress reports) vs a plain read of every board {:.2} s ({:.2}x)",
        build.as_secs_f64(),
        reported,
        plain_read.as_secs_f64(),
        build.as_secs_f64() / plain_read.as_secs_f64()
    );

    // Warm: another program opening the same library, nothing changed.
    let mut warm: Vec<Duration> = (0..20)
        .map(|_| {
            let start = Instant::now();
            let library = Library::open(&cache).unwrap();
            let report = library.refresh(&folders, &mut |_| {}).unwrap();
            assert!(report.read.is_empty());
            assert_eq!(library.boards().len(), boards);
            start.elapsed()
        })
        .collect();
    println!(
        "library: opened warm (open, every file's stamp, list the boards): median {}, worst {} (target under 300 ms)",
        ms(percentile(&mut warm, 0.5)),
        ms(percentile(&mut warm, 1.0))
    );

    // One board changed: read alone.
    let changed = boards_dir.join("board-0500.moodboard.ron");
    let mut board = moodboard::storage::load(&changed).unwrap().board;
    board.title.push_str(" (changed)");
    moodboard::storage::save(&changed, &board).unwrap();
    let start = Instant::now();
    let report = library.refresh(&folders, &mut |_| {}).unwrap();
    println!(
        "library: one board changed: refresh read {} board(s) of {boards} in {}",
        report.read.len(),
        ms(start.elapsed())
    );
    assert_eq!(report.read, vec![changed]);

    // Searches, and the plain scan of every idea's text for the same words.
    let none = Filters::default();
    let tag = Filters { tag: Some("light".into()), ..Filters::default() };
    let mut times = Vec::new();
    let mut found = 0;
    for round in 0..50 {
        for (i, query) in QUERIES.iter().enumerate() {
            let filters = if (round + i) % 5 == 0 { &tag } else { &none };
            let start = Instant::now();
            found += library.search(query, filters, 200).unwrap().len();
            times.push(start.elapsed());
        }
    }
    let mut scans = Vec::new();
    for query in QUERIES.iter().cycle().take(100) {
        let start = Instant::now();
        let words: Vec<&str> = query.split_whitespace().collect();
        let n = loaded.iter().flat_map(|b| b.items.iter()).filter(|i| words.iter().all(|w| i.matches(w))).count();
        std::hint::black_box(n);
        scans.push(start.elapsed());
    }
    println!(
        "library: {} searches ({} hits in all): p50 {}, p99 {} (target p99 under 30 ms); a plain scan of all {} ideas in memory: p50 {}, p99 {}",
        times.len(),
        found,
        ms(percentile(&mut times, 0.5)),
        ms(percentile(&mut times, 0.99)),
        boards * ideas,
        ms(percentile(&mut scans, 0.5)),
        ms(percentile(&mut scans, 0.99))
    );
    drop(loaded);
    println!(
        "library: this process's memory with the library open and searched: {:.0} MiB (before opening it: {:.0} MiB)",
        common::memory_mib(std::process::id(), "VmRSS:"),
        rss_before
    );

    library_view_memory(tmp.path(), &boards_dir);

    c.bench_function("library search 'warm licht' in 100,000 ideas", |b| {
        b.iter(|| library.search("warm licht", &none, 200).unwrap())
    });
}

/// The app with its library window open on the 1,000 boards (listed, the pictures of
/// the boards in view drawn, a search made): what that adds to this process's memory.
fn library_view_memory(dir: &std::path::Path, boards_dir: &std::path::Path) {
    use egui::{Key, Modifiers};
    use egui_kittest::kittest::Queryable as _;
    let before = common::memory_mib(std::process::id(), "VmRSS:");
    // The app's own folders: boards in `boards/` (the generated ones), its cache beside.
    let app_dir = dir.join("app");
    std::fs::create_dir_all(&app_dir).unwrap();
    std::os::unix::fs::symlink(boards_dir, app_dir.join("boards")).unwrap();
    let board = app_dir.join("boards/board-0001.moodboard.ron");
    let mut h = common::headless_app(board, &app_dir, moodboard::prefs::Prefs::default());
    h.run_steps(4);
    let start = Instant::now();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::O);
    while h.query_by_label_contains("1000 boards").is_none() {
        assert!(start.elapsed() < Duration::from_secs(120), "the library did not list the boards");
        h.run_steps(2);
        std::thread::sleep(Duration::from_millis(20));
    }
    let listed = start.elapsed();
    // The pictures of the boards in view.
    let drawn = Instant::now();
    while h.query_all_by_label_contains("looks like").count() < 6 && drawn.elapsed() < Duration::from_secs(60) {
        h.run_steps(2);
        std::thread::sleep(Duration::from_millis(20));
    }
    let pictures = h.query_all_by_label_contains("looks like").count();
    h.get_by_label("Search the library").type_text("warm licht");
    h.run_steps(20);
    println!(
        "library: the app's library window on 1000 boards (first build in the background, listed after {:.1} s, {} pictures in view): the process's memory grew by {:.0} MiB (target under 200 MiB)",
        listed.as_secs_f64(),
        pictures,
        common::memory_mib(std::process::id(), "VmRSS:") - before
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(Duration::from_secs(5));
    targets = library
}
criterion_main!(benches);
