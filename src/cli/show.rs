//! `moodboard show` and `moodboard check`: a board as text, and whether it loads clean.

use std::io::Write;
use std::path::Path;

use anyhow::bail;

use super::{existing_board, load, warn_problems};
use crate::model::{Board, Item, ItemKind};
use crate::storage;
use crate::tr;

pub(super) fn show(board: &Path, with_ids: bool, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<()> {
    let path = existing_board(board);
    let storage::Loaded { board, problems, .. } = load(&path)?;
    warn_problems(err, &problems)?;
    write!(out, "{}", render_board(&board, with_ids))?;
    Ok(())
}

/// The board as plain text: title, goals, then items grouped by theme.
pub fn render_board(board: &Board, with_ids: bool) -> String {
    let mut s = String::new();
    s.push_str(&board.title);
    s.push('\n');
    if !board.description.trim().is_empty() {
        s.push_str(board.description.trim());
        s.push('\n');
    }
    s.push('\n');
    if board.goals.is_empty() {
        s.push_str(&tr!("cli-show-no-goals"));
        s.push('\n');
    } else {
        s.push_str(&tr!("recap-goals"));
        s.push('\n');
        for (i, goal) in board.goals.iter().enumerate() {
            s.push_str(&format!("  {}. {}\n", i + 1, crate::model::one_line(goal, 200)));
        }
    }
    let mut by_theme = board.items_by_theme();
    let groups = board.themes.iter().map(|t| (Some(&t.id), t.name.as_str()));
    let unsorted = tr!("theme-unsorted");
    for (theme, name) in groups.chain(std::iter::once((None, unsorted.as_str()))) {
        let items: Vec<&Item> = by_theme.remove(&theme).unwrap_or_default();
        if theme.is_none() && items.is_empty() {
            continue;
        }
        let count = tr!("cli-show-items", count = items.len());
        s.push_str(&format!("\n{name} ({count})\n"));
        for item in items {
            s.push_str("  ");
            if with_ids {
                s.push_str(&format!("{}  ", item.id));
            }
            s.push_str(&format!("{:<6}  {}", tr!(&item.kind.spec().name_id()), item.kind.summary()));
            let description = crate::model::one_line(&described(&item.kind), 200);
            let mut about = vec![item.contributor.clone(), item.source.clone()];
            about.retain(|a| !a.trim().is_empty());
            if !item.tags.is_empty() {
                about.push(item.tags.iter().map(|t| format!("#{t}")).collect::<Vec<_>>().join(" "));
            }
            if !about.is_empty() {
                s.push_str(&format!("  [{}]", about.join(" · ")));
            }
            s.push('\n');
            if !description.is_empty() {
                s.push_str(&format!("      {description}\n"));
            }
            let recap = crate::export::item_recap(board, item);
            if !recap.summary().is_empty() {
                s.push_str(&format!("      {}\n", recap.summary()));
            }
            for (who, reply) in &recap.replies {
                s.push_str(&format!("      {who}: {}\n", crate::model::one_line(reply, 200)));
            }
        }
    }
    let recap = crate::export::session_recap(board);
    if !recap.is_empty() {
        s.push_str(&format!("\n{}\n", tr!("cli-show-session")));
        for line in recap {
            s.push_str(&format!("  {line}\n"));
        }
    }
    s
}

/// What an idea says of itself besides its summary (a link's page description), for
/// `show`: the description remark of its recap.
fn described(kind: &ItemKind) -> String {
    use crate::model::kinds::{Recap, Remark};
    struct Description(String);
    impl Recap for Description {
        fn words(&mut self, _: &str) {}
        fn quote(&mut self, _: &str, _: &str, _: &str) {}
        fn link(&mut self, _: &str, _: &str) {}
        fn remark(&mut self, remark: Remark, text: &str) {
            if remark == Remark::Description {
                self.0 = text.to_owned();
            }
        }
        fn picture(&mut self, _: &crate::model::AssetName, _: crate::model::Turn, _: &str) {}
        fn swatch(&mut self, _: &str, _: &str) {}
        fn drawing(&mut self, _: &crate::model::kinds::Sketch) {}
    }
    let mut description = Description(String::new());
    kind.behaviour().recap(&mut description);
    description.0
}

pub(super) fn check(board: &Path, out: &mut dyn Write) -> anyhow::Result<()> {
    let path = existing_board(board);
    let storage::Loaded { board, mut problems, .. } = load(&path)?;
    // Replace the quick asset check of `load` with one that verifies every file's content.
    problems.retain(|p| p.field != "asset" && p.field != "assets");
    problems.extend(storage::check_assets(&path, &board, true));
    let images = board.items.iter().filter(|i| matches!(i.kind, ItemKind::Image(_))).count();
    if problems.is_empty() {
        let said = tr!(
            "cli-check-ok",
            path = path.as_path(),
            title = board.title.as_str(),
            items = board.items.len(),
            themes = board.themes.len(),
            images = images
        );
        writeln!(out, "{said}")?;
        return Ok(());
    }
    for p in &problems {
        writeln!(out, "{}: {p}", path.display())?;
    }
    bail!(tr!("cli-check-problems", path = path.as_path(), count = problems.len()))
}

#[cfg(test)]
mod tests {
    use crate::i18n::{Lang, lookup};

    /// What the command line says counts things in whole words, in both languages:
    /// "1 image", "3 images", "1 afbeelding", "3 afbeeldingen" (issue 31), never "image(s)".
    #[test]
    fn the_command_line_counts_in_words_in_both_languages() {
        let said = |lang: Lang, id: &str, args: &[(&str, i64)]| {
            let mut fluent = fluent_bundle::FluentArgs::new();
            for (name, value) in args {
                fluent.set(*name, *value);
            }
            for name in ["path", "board", "target", "file", "title", "width", "height", "folder"] {
                fluent.set(name, "X");
            }
            lookup(lang, id, Some(&fluent)).unwrap_or_else(|| panic!("{id} in {lang:?}"))
        };
        let packed = |lang, n| said(lang, "cli-packed", &[("images", n)]);
        assert_eq!(packed(Lang::En, 1), "packed X with 1 image into X");
        assert_eq!(packed(Lang::En, 3), "packed X with 3 images into X");
        assert_eq!(packed(Lang::En, 0), "packed X with no images into X");
        assert_eq!(packed(Lang::Nl, 1), "X ingepakt met 1 afbeelding in X");
        assert_eq!(packed(Lang::Nl, 3), "X ingepakt met 3 afbeeldingen in X");
        let arranged = |lang, f, m| said(lang, "cli-arranged", &[("frames", f), ("moved", m)]);
        assert_eq!(arranged(Lang::En, 1, 1), "arranged 1 frame and moved 1 card; the board is now X × X");
        assert_eq!(arranged(Lang::Nl, 2, 5), "2 kaders geordend en 5 kaarten verplaatst; het bord is nu X × X");
        let stopped = |lang, j, i| said(lang, "cli-host-stopped", &[("joined", j), ("ideas", i)]);
        assert_eq!(stopped(Lang::En, 1, 1), "stopped: 1 person joined, 1 idea added; everything is saved in X");
        assert_eq!(stopped(Lang::En, 12, 40), "stopped: 12 people joined, 40 ideas added; everything is saved in X");
        let check = |lang, n| said(lang, "cli-check-problems", &[("count", n)]);
        assert_eq!(
            (check(Lang::En, 1), check(Lang::Nl, 2)),
            ("X: 1 problem found".into(), "X: 2 problemen gevonden".into())
        );
        let imported = |lang, c| said(lang, "cli-imported", &[("items", 3), ("themes", 0), ("connectors", c)]);
        assert_eq!(imported(Lang::En, 0), "imported X: 3 ideas, no new themes");
        assert_eq!(imported(Lang::En, 1), "imported X: 3 ideas, no new themes, 1 connector");
        assert_eq!(imported(Lang::Nl, 4), "X geïmporteerd: 3 ideeën, geen nieuwe thema's, 4 verbindingen");
        let missing = |lang, n| said(lang, "problem-assets-missing", &[("count", n)]);
        assert_eq!(missing(Lang::En, 1), "the assets folder X is missing; its image is shown as a placeholder");
        let ids = ["cli-created", "cli-imported", "cli-check-ok", "cli-sync-failed", "problem-assets-missing"];
        for lang in Lang::ALL {
            for id in ids {
                let args = [
                    ("goals", 2),
                    ("items", 2),
                    ("themes", 2),
                    ("images", 2),
                    ("count", 2),
                    ("version", 7),
                    ("connectors", 2),
                ];
                let text = said(lang, id, &args);
                assert!(!text.contains("(s)") && text.contains('2'), "{id} in {lang:?}: {text}");
            }
        }
    }
}
