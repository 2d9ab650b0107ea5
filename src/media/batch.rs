//! Importing many files (or a pasted picture) in the background, with progress and
//! cancel. Each file is checked and copied into the board's assets folder on a worker;
//! the app turns what comes back into items.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

use super::thumbs::ThumbCache;
use super::{Imported, WorkerPool, import_bytes, import_file};
use crate::storage::{AssetStore, Waker, read_capped};

/// Text files bigger than this are refused as notes.
pub const MAX_NOTE_BYTES: u64 = 256 * 1024;

/// File endings read as text notes rather than images.
pub const TEXT_EXTENSIONS: [&str; 3] = ["txt", "md", "text"];

/// Something to import.
#[derive(Clone, Debug)]
pub enum Source {
    File(PathBuf),
    /// A picture from the clipboard, as RGBA pixels.
    Pixels {
        width: usize,
        height: usize,
        rgba: Vec<u8>,
    },
}

/// What one source became.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Image(Imported),
    Text { text: String, file_name: String },
}

/// Why one source was not imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportFailure {
    /// The batch was cancelled before this source's turn.
    Cancelled,
    Image(#[from] super::ImportError),
    /// A text file that cannot become a note.
    Note {
        path: PathBuf,
        reason: crate::i18n::Message,
    },
    /// A pasted picture that could not be stored.
    Pasted(crate::i18n::Message),
    /// The import itself died (a bug), and said so instead of hanging.
    Crashed(String),
}

impl crate::i18n::Said for ImportFailure {
    fn message(&self) -> crate::i18n::Message {
        use crate::i18n::Message;
        match self {
            ImportFailure::Cancelled => Message::new("import-cancelled"),
            ImportFailure::Image(e) => e.message(),
            ImportFailure::Note { path, reason } => {
                Message::new("error-with-path").with("path", path).with("reason", reason.clone())
            }
            ImportFailure::Pasted(reason) => Message::new("import-pasted-failed").with("reason", reason.clone()),
            ImportFailure::Crashed(name) => Message::new("import-crashed").with("name", name),
        }
    }
}

crate::said_as_printed!(ImportFailure);

/// One finished source: its place in the batch and what it became (or why not).
#[derive(Debug)]
pub struct Finished {
    pub index: usize,
    pub result: Result<Outcome, ImportFailure>,
}

struct Message {
    batch: u64,
    finished: Finished,
}

/// The imports of the open board.
pub struct Importer {
    pool: Arc<WorkerPool>,
    /// Where each image's card picture goes as it is imported.
    thumbs: Arc<ThumbCache>,
    tx: Sender<Message>,
    rx: Receiver<Message>,
    batch: u64,
    cancel: Arc<AtomicBool>,
    total: usize,
    done: usize,
    /// Set when a batch has just finished, until [`Importer::batch_ended`] is asked.
    ended: bool,
}

impl Importer {
    pub fn new(pool: Arc<WorkerPool>, thumbs: Arc<ThumbCache>) -> Self {
        let (tx, rx) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        Self { pool, thumbs, tx, rx, batch: 0, cancel, total: 0, done: 0, ended: false }
    }

    /// Queues `sources` for import into `store`. Returns the index the first of them has
    /// in the running batch, so that the caller can lay out what comes back.
    pub fn start(&mut self, store: &AssetStore, sources: Vec<Source>, waker: Waker) -> usize {
        let first = self.total;
        self.total += sources.len();
        for (offset, source) in sources.into_iter().enumerate() {
            let (cancel, batch, store, thumbs) = (self.cancel.clone(), self.batch, store.clone(), self.thumbs.clone());
            let index = first + offset;
            let lost =
                Message { batch, finished: Finished { index, result: Err(ImportFailure::Crashed(source.name())) } };
            let reply = super::Reply::new(self.tx.clone(), lost, Some(waker.clone()));
            self.pool.spawn(move || {
                let result = if cancel.load(Ordering::Relaxed) {
                    Err(ImportFailure::Cancelled)
                } else {
                    import(&store, &thumbs, source)
                };
                reply.send(Message { batch, finished: Finished { index, result } });
            });
        }
        first
    }

    /// Stops the running batch: what is not yet imported is skipped, and results still
    /// on their way are dropped.
    pub fn cancel(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
        self.cancel = Arc::new(AtomicBool::new(false));
        self.batch += 1;
        self.total = 0;
        self.done = 0;
    }

    /// Imports that finished since the last call.
    pub fn poll(&mut self) -> Vec<Finished> {
        let mut out = Vec::new();
        while let Ok(message) = self.rx.try_recv() {
            if message.batch == self.batch {
                self.done += 1;
                out.push(message.finished);
            }
        }
        if self.total > 0 && self.done >= self.total {
            self.done = 0;
            self.total = 0;
            self.ended = true;
        }
        out
    }

    /// Whether a batch finished since the last ask (to tell its failures at once).
    pub fn batch_ended(&mut self) -> bool {
        std::mem::take(&mut self.ended)
    }

    /// `(done, total)` while a batch runs.
    pub fn progress(&self) -> Option<(usize, usize)> {
        (self.total > 0).then_some((self.done, self.total))
    }
}

impl Drop for Importer {
    fn drop(&mut self) {
        // The board it imported for is closed: what has not started never will.
        self.cancel.store(true, Ordering::Relaxed);
    }
}

impl Source {
    /// What it is, for messages: the file's name, or "the pasted picture".
    pub fn name(&self) -> String {
        match self {
            Source::File(path) => {
                path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
            }
            Source::Pixels { .. } => "the pasted picture".to_owned(),
        }
    }
}

/// One source imported into `store`: a picture checked and stored, or a text file read
/// for a note.
pub fn import(store: &AssetStore, thumbs: &ThumbCache, source: Source) -> Result<Outcome, ImportFailure> {
    match source {
        Source::File(path) => {
            let is_text = path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| TEXT_EXTENSIONS.iter().any(|t| t.eq_ignore_ascii_case(e)));
            let file_name = path.file_name().map_or_else(|| "file".to_owned(), |n| n.to_string_lossy().into_owned());
            if is_text {
                use crate::i18n::{Message, Said};
                let note = |reason: Message| ImportFailure::Note { path: path.clone(), reason };
                let size = std::fs::metadata(&path).map_err(|e| note(crate::i18n::Said::message(&e)))?.len();
                if size > MAX_NOTE_BYTES {
                    let (kib, max) = (size / 1024, MAX_NOTE_BYTES / 1024);
                    return Err(note(Message::new("import-note-too-long").with("kib", kib).with("max", max)));
                }
                let bytes = read_capped(&path).map_err(|e| note(e.message()))?;
                let text = String::from_utf8(bytes).map_err(|_| note(Message::new("import-note-not-utf8")))?;
                Ok(Outcome::Text { text: text.trim().to_owned(), file_name })
            } else {
                Ok(Outcome::Image(import_file(store, thumbs, &path)?))
            }
        }
        Source::Pixels { width, height, rgba } => {
            let image = image::RgbaImage::from_raw(width as u32, height as u32, rgba)
                .ok_or_else(|| ImportFailure::Pasted(crate::i18n::Message::new("import-pasted-wrong-size")))?;
            let mut png = std::io::Cursor::new(Vec::new());
            image.write_to(&mut png, image::ImageFormat::Png).map_err(|e| {
                ImportFailure::Pasted(
                    crate::i18n::Message::new("import-pasted-not-encoded").with("detail", e.to_string()),
                )
            })?;
            Ok(Outcome::Image(import_bytes(
                store,
                thumbs,
                png.get_ref(),
                "pasted image.png",
                std::path::Path::new("clipboard"),
            )?))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait(importer: &mut Importer, n: usize) -> Vec<Finished> {
        let mut all = Vec::new();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while all.len() < n && std::time::Instant::now() < deadline {
            all.extend(importer.poll());
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        all.sort_by_key(|f| f.index);
        all
    }

    #[test]
    fn text_files_become_notes_and_bad_files_say_why() {
        let dir = tempfile::tempdir().unwrap();
        let board = dir.path().join("b.moodboard.ron");
        let store = AssetStore::for_board(&board);
        std::fs::write(dir.path().join("idea.txt"), "  paper textures \n").unwrap();
        std::fs::write(dir.path().join("fake.png"), "not a picture").unwrap();
        let thumbs = Arc::new(ThumbCache::new(Some(dir.path().join("thumbs")), u64::MAX));
        let mut importer = Importer::new(Arc::new(WorkerPool::new("test", 2)), thumbs.clone());
        let sources = vec![
            Source::File(dir.path().join("idea.txt")),
            Source::File(dir.path().join("fake.png")),
            Source::Pixels { width: 2, height: 1, rgba: vec![255, 0, 0, 255, 0, 255, 0, 255] },
        ];
        importer.start(&store, sources, Arc::new(|| {}));
        let done = wait(&mut importer, 3);
        assert_eq!(done.len(), 3);
        assert!(
            matches!(&done[0].result, Ok(Outcome::Text { text, file_name }) if text == "paper textures" && file_name == "idea.txt")
        );
        let error = done[1].result.as_ref().unwrap_err().to_string();
        assert!(error.contains("fake.png"), "{error}");
        let Ok(Outcome::Image(pasted)) = &done[2].result else { panic!("{:?}", done[2].result) };
        assert_eq!((pasted.pixel_size.w, pasted.pixel_size.h), (2, 1));
        assert!(store.resolve(&pasted.asset).unwrap().exists());
        let card = thumbs.get(&pasted.asset, super::super::TEXTURE_MAX_SIDE).expect("its card picture is cached");
        assert_eq!(card.size, [2, 1]);
        assert_eq!(importer.progress(), None);
    }
}
