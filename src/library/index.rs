//! The library on disk: the catalog of boards and a tantivy index with one document per
//! idea, both in the library's cache folder. [`Library::refresh`] compares each board
//! file's size and time with the catalog's and reads only the boards that changed,
//! replacing their ideas in the index in one commit; a board gone from the folders
//! takes its ideas with it. A missing, damaged or older index is made again from the
//! boards. The index writer's lock (a file tantivy keeps) lets one program at a time
//! update it: the app in the background and `moodboard search` in front wait their turn.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use tantivy::schema::{FAST, INDEXED, STORED, STRING, Schema, TextFieldIndexing, TextOptions};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, TantivyError, Term};

use super::catalog::{self, BoardEntry, FileStamp, Stored};
use crate::i18n::{Message, Said};
use crate::model::Board;

/// The index's layout; an index or catalog of another one is built again.
pub(super) const SCHEMA: u32 = 1;
/// How long an update waits for another program's to finish.
const LOCK_WAIT: Duration = Duration::from_secs(10);
/// Memory the index writer may use before it writes what it holds (tantivy's minimum
/// is 15 MB).
const WRITER_MEMORY: usize = 24 * 1024 * 1024;

/// Words: split at anything not a letter or digit, case and accents left out.
pub(super) const PLAIN: &str = "moodboard_plain";
/// … and each word to its English stem ("gardens" → "garden").
pub(super) const ENGLISH: &str = "moodboard_en";
/// … or to its Dutch stem ("bloemen" → "bloem").
pub(super) const DUTCH: &str = "moodboard_nl";

/// The index's fields.
#[derive(Clone, Copy, Debug)]
pub(super) struct Fields {
    /// The board file's path: which documents a board's refresh replaces.
    pub board: tantivy::schema::Field,
    pub board_title: tantivy::schema::Field,
    pub id: tantivy::schema::Field,
    /// The kind's name (`note`).
    pub kind: tantivy::schema::Field,
    /// Each tag in lower case, for the tag filter …
    pub tag: tantivy::schema::Field,
    /// … and as written, to show.
    pub tag_shown: tantivy::schema::Field,
    /// The contributor in lower case, for the filter …
    pub who: tantivy::schema::Field,
    /// … and as written, to show.
    pub who_shown: tantivy::schema::Field,
    /// When the idea was added, in ms since 1970.
    pub created: tantivy::schema::Field,
    pub theme: tantivy::schema::Field,
    /// The idea in one line.
    pub summary: tantivy::schema::Field,
    /// Every word of the idea, its tags, theme and contributor: as they are, and by their
    /// English and Dutch stems.
    pub plain: tantivy::schema::Field,
    pub english: tantivy::schema::Field,
    pub dutch: tantivy::schema::Field,
}

impl Fields {
    fn schema() -> (Schema, Fields) {
        let mut s = Schema::builder();
        let text = |tokenizer: &str| {
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(tokenizer)
                    .set_index_option(tantivy::schema::IndexRecordOption::WithFreqs),
            )
        };
        let fields = Fields {
            board: s.add_text_field("board", STRING | STORED),
            board_title: s.add_text_field("board_title", STORED),
            id: s.add_text_field("id", STRING | STORED),
            kind: s.add_text_field("kind", STRING | STORED),
            tag: s.add_text_field("tag", STRING),
            tag_shown: s.add_text_field("tag_shown", STORED),
            who: s.add_text_field("who", STRING),
            who_shown: s.add_text_field("who_shown", STORED),
            created: s.add_i64_field("created", INDEXED | FAST | STORED),
            theme: s.add_text_field("theme", STORED),
            summary: s.add_text_field("summary", STORED),
            plain: s.add_text_field("plain", text(PLAIN)),
            english: s.add_text_field("english", text(ENGLISH)),
            dutch: s.add_text_field("dutch", text(DUTCH)),
        };
        (s.build(), fields)
    }
}

fn analyzer(stem: Option<Language>) -> TextAnalyzer {
    let words =
        TextAnalyzer::builder(SimpleTokenizer::default()).filter(RemoveLongFilter::limit(48)).filter(LowerCaser);
    match stem {
        // Stemmed before the accents go: the Dutch stemmer knows "ë" and "é".
        Some(language) => words.filter(Stemmer::new(language)).filter(AsciiFoldingFilter).build(),
        None => words.filter(AsciiFoldingFilter).build(),
    }
}

/// An open index with its reader, shared by refreshes and searches.
#[derive(Clone)]
pub(super) struct Open {
    pub index: Index,
    pub reader: IndexReader,
    pub fields: Fields,
}

impl Open {
    /// Opens the index in `dir`, or makes a new one there when there is none or it
    /// cannot be read (damaged, another layout).
    fn at(dir: &Path) -> Result<Open, LibraryError> {
        let (schema, fields) = Fields::schema();
        let fail = |source| LibraryError::Index { path: dir.to_owned(), source };
        std::fs::create_dir_all(dir).map_err(|source| LibraryError::Folder { path: dir.to_owned(), source })?;
        let opened = tantivy::directory::MmapDirectory::open(dir)
            .map_err(TantivyError::from)
            .and_then(|d| Index::open_or_create(d, schema.clone()));
        let index = match opened {
            Ok(index) => index,
            Err(_) => {
                // Only the index is in this folder: what cannot be read is made again.
                let _ = std::fs::remove_dir_all(dir);
                std::fs::create_dir_all(dir).map_err(|source| LibraryError::Folder { path: dir.to_owned(), source })?;
                Index::create_in_dir(dir, schema).map_err(fail)?
            }
        };
        let tokenizers = index.tokenizers();
        tokenizers.register(PLAIN, analyzer(None));
        tokenizers.register(ENGLISH, analyzer(Some(Language::English)));
        tokenizers.register(DUTCH, analyzer(Some(Language::Dutch)));
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into().map_err(fail)?;
        Ok(Open { index, reader, fields })
    }
}

/// How far a refresh has come: boards read of those that changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// What a refresh did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Refreshed {
    /// Boards read again (new or changed), in path order.
    pub read: Vec<PathBuf>,
    /// Boards gone from the folders, their ideas gone from the index.
    pub removed: Vec<PathBuf>,
    /// Boards whose files had not changed.
    pub unchanged: usize,
    /// The index was missing or damaged and was made again from every board.
    pub rebuilt: bool,
}

/// Why the library could not be read or brought up to date.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    Index {
        path: PathBuf,
        source: TantivyError,
    },
    /// Another program held the index for longer than [`LOCK_WAIT`].
    Busy {
        path: PathBuf,
    },
    Catalog(#[from] crate::storage::SaveError),
}

impl Said for LibraryError {
    fn message(&self) -> Message {
        match self {
            LibraryError::Folder { path, source } => {
                Message::new("library-error-folder").with("path", path).with("reason", source.message())
            }
            LibraryError::Index { path, source } => {
                Message::new("library-error-index").with("path", path).with("reason", source.to_string())
            }
            LibraryError::Busy { path } => Message::new("library-error-busy").with("path", path),
            LibraryError::Catalog(e) => Message::new("library-error-catalog").with("reason", e.message()),
        }
    }
}

crate::said_as_printed!(LibraryError);

/// The library's catalog and index in one cache folder. Cheap to clone and to share
/// between threads: a search never waits for a refresh.
#[derive(Clone)]
pub struct Library {
    dir: PathBuf,
    open: Arc<Mutex<Open>>,
}

impl std::fmt::Debug for Library {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Library").field("dir", &self.dir).finish_non_exhaustive()
    }
}

impl Library {
    /// Opens the library kept in `dir` (made if missing).
    pub fn open(dir: &Path) -> Result<Self, LibraryError> {
        let open = Open::at(&dir.join("index"))?;
        Ok(Self { dir: dir.to_owned(), open: Arc::new(Mutex::new(open)) })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn catalog_file(&self) -> PathBuf {
        self.dir.join("catalog.json")
    }

    pub(super) fn current(&self) -> Open {
        self.open.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }

    /// The boards as the last refresh saw them, in path order.
    pub fn boards(&self) -> Vec<BoardEntry> {
        Stored::load(&self.catalog_file(), SCHEMA).boards
    }

    /// Brings the catalog and the index up to date with the boards in `folders`: reads
    /// the boards that are new or whose files changed, drops those that are gone. An
    /// index deleted meanwhile is made again from every board. Reports each board read.
    pub fn refresh(&self, folders: &[PathBuf], progress: &mut dyn FnMut(Progress)) -> Result<Refreshed, LibraryError> {
        let index_dir = self.dir.join("index");
        let mut rebuilt = false;
        if !index_dir.join("meta.json").is_file() {
            *self.open.lock().unwrap_or_else(PoisonError::into_inner) = Open::at(&index_dir)?;
            rebuilt = true;
        }
        let files = catalog::board_files(folders);
        let plan = |stored: &Stored| Plan::new(stored, &files);
        let open = self.current();
        // An index that does not hold what the catalog says (made again after damage,
        // emptied by hand) is filled again from every board.
        let holds = |stored: &Stored| {
            let ideas: usize = stored.boards.iter().filter_map(|b| b.summary.as_ref()).map(|s| s.ideas).sum();
            open.reader.reload().is_ok() && open.reader.searcher().num_docs() == ideas as u64
        };
        let stored = Stored::load(&self.catalog_file(), SCHEMA);
        if !rebuilt && holds(&stored) && plan(&stored).is_empty() {
            return Ok(Refreshed { unchanged: files.len(), ..Refreshed::default() });
        }
        let mut writer = self.writer(&open, &index_dir)?;
        // Another program may have brought it up to date while we waited.
        let mut stored = Stored::load(&self.catalog_file(), SCHEMA);
        if rebuilt || stored.boards.is_empty() || !holds(&stored) {
            stored.boards.clear();
            // A catalog lost or of another layout: nothing in the index can be trusted.
            writer.delete_all_documents().map_err(|source| LibraryError::Index { path: index_dir.clone(), source })?;
            rebuilt = true;
        }
        let plan = plan(&stored);
        let mut known: HashMap<PathBuf, BoardEntry> = stored.boards.drain(..).map(|e| (e.path.clone(), e)).collect();
        let f = open.fields;
        let total = plan.read.len();
        let mut report = Refreshed { rebuilt, ..Refreshed::default() };
        for (done, (path, stamp)) in plan.read.iter().enumerate() {
            progress(Progress { done, total });
            writer.delete_term(Term::from_field_text(f.board, &path.to_string_lossy()));
            let entry = match stamp {
                Err(why) => BoardEntry::unreadable(path.clone(), None, why),
                Ok(stamp) => match catalog::read(path) {
                    Err(why) => BoardEntry::unreadable(path.clone(), Some(*stamp), &why),
                    Ok(board) => {
                        for doc in documents(&f, path, &board) {
                            writer
                                .add_document(doc)
                                .map_err(|source| LibraryError::Index { path: index_dir.clone(), source })?;
                        }
                        BoardEntry {
                            path: path.clone(),
                            stamp: Some(*stamp),
                            summary: Some(catalog::summarise(&board)),
                            problem: None,
                        }
                    }
                },
            };
            known.insert(path.clone(), entry);
            report.read.push(path.clone());
        }
        progress(Progress { done: total, total });
        for path in &plan.removed {
            writer.delete_term(Term::from_field_text(f.board, &path.to_string_lossy()));
            known.remove(path);
            report.removed.push(path.clone());
        }
        writer.commit().map_err(|source| LibraryError::Index { path: index_dir.clone(), source })?;
        let mut boards: Vec<BoardEntry> = known.into_values().collect();
        boards.sort_by(|a, b| a.path.cmp(&b.path));
        report.unchanged = boards.len().saturating_sub(report.read.len());
        let stored = Stored { schema: SCHEMA, boards };
        stored.save(&self.catalog_file())?;
        super::picture::prune(&self.dir, &stored.boards);
        drop(writer);
        open.reader.reload().map_err(|source| LibraryError::Index { path: index_dir, source })?;
        Ok(report)
    }

    /// The index's writer, waiting while another program holds it.
    fn writer(&self, open: &Open, index_dir: &Path) -> Result<IndexWriter<TantivyDocument>, LibraryError> {
        let start = Instant::now();
        loop {
            match open.index.writer_with_num_threads(1, WRITER_MEMORY) {
                Ok(writer) => return Ok(writer),
                Err(TantivyError::LockFailure(..)) if start.elapsed() < LOCK_WAIT => {
                    std::thread::sleep(Duration::from_millis(50));
                }
                Err(TantivyError::LockFailure(..)) => return Err(LibraryError::Busy { path: index_dir.to_owned() }),
                Err(source) => return Err(LibraryError::Index { path: index_dir.to_owned(), source }),
            }
        }
    }
}

/// What a refresh has to do: the boards to read (with their stamps, or why they cannot
/// be looked at) and those gone.
struct Plan<'a> {
    read: Vec<(PathBuf, &'a Result<FileStamp, crate::storage::OpenError>)>,
    removed: Vec<PathBuf>,
}

impl<'a> Plan<'a> {
    fn new(stored: &Stored, files: &'a [(PathBuf, Result<FileStamp, crate::storage::OpenError>)]) -> Self {
        let known: HashMap<&Path, Option<FileStamp>> =
            stored.boards.iter().map(|e| (e.path.as_path(), e.stamp)).collect();
        let read = files
            .iter()
            .filter(|(path, stamp)| match (known.get(path.as_path()), stamp) {
                (Some(Some(was)), Ok(now)) => was != now,
                // Not a plain file, or newly one: looked at again (no reading needed).
                (Some(None), Err(_)) => false,
                _ => true,
            })
            .map(|(path, stamp)| (path.clone(), stamp))
            .collect();
        let here: std::collections::HashSet<&Path> = files.iter().map(|(p, _)| p.as_path()).collect();
        let removed = known.keys().filter(|p| !here.contains(*p)).map(|p| p.to_path_buf()).collect();
        Plan { read, removed }
    }

    fn is_empty(&self) -> bool {
        self.read.is_empty() && self.removed.is_empty()
    }
}

/// One document per idea of `board`.
fn documents(f: &Fields, path: &Path, board: &Board) -> Vec<TantivyDocument> {
    let path = path.to_string_lossy();
    board
        .items
        .iter()
        .map(|item| {
            let theme = item.theme.as_ref().and_then(|t| board.theme(t)).map(|t| t.name.as_str()).unwrap_or_default();
            let mut doc = TantivyDocument::default();
            doc.add_text(f.board, &path);
            doc.add_text(f.board_title, &board.title);
            doc.add_text(f.id, item.id.as_str());
            doc.add_text(f.kind, item.kind.spec().name);
            for tag in &item.tags {
                doc.add_text(f.tag, tag.to_lowercase());
                doc.add_text(f.tag_shown, tag);
            }
            doc.add_text(f.who, item.contributor.to_lowercase());
            doc.add_text(f.who_shown, &item.contributor);
            doc.add_i64(f.created, item.created.unix_millis());
            doc.add_text(f.theme, theme);
            doc.add_text(f.summary, item.kind.summary());
            let mut words: Vec<&str> = item.kind.texts();
            words.extend(item.tags.iter().map(String::as_str));
            words.push(theme);
            words.push(&item.contributor);
            let words = words.join("\n");
            for field in [f.plain, f.english, f.dutch] {
                doc.add_text(field, &words);
            }
            doc
        })
        .collect()
}
