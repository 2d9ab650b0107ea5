//! The board file format: pretty RON with a `version` field (see docs/FORMAT.md).
//!
//! Reading goes: size check → UTF-8 check → read the version alone → parse the
//! version's own layout → migrate step by step to [`FORMAT_VERSION`]. Writing always
//! writes the current version.

use std::io::Read as _;
use std::path::Path;

use serde::Deserialize;

use super::LoadError;
use crate::model::{Board, FORMAT_VERSION};

/// Largest board file we read. RON has no size limit of its own, and a 10,000-item
/// board is about 6 MB, so this leaves plenty of room while refusing absurd files
/// before they are read into memory.
pub const MAX_BOARD_BYTES: u64 = 64 * 1024 * 1024;

/// Deepest nesting accepted; our format nests at most 5 levels.
const RECURSION_LIMIT: usize = 64;

/// The first line of every board file we write.
pub const HEADER: &str = "// A Moodboard board: plain RON, described in docs/FORMAT.md of the Moodboard source.\n";

fn ron_options() -> ron::Options {
    ron::Options::default().with_recursion_limit(RECURSION_LIMIT)
}

/// Reads a board file's text, refusing files that are too large, empty, binary or not
/// UTF-8 before any parsing happens.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let io = |source| LoadError::Io { path: path.to_owned(), source };
    let file = super::open_regular(path).map_err(|e| match e {
        super::OpenError::Io(source) => io(source),
        super::OpenError::NotAFile(what) => LoadError::NotAFile { path: path.to_owned(), what },
    })?;
    let meta = file.metadata().map_err(io)?;
    if meta.len() > MAX_BOARD_BYTES {
        return Err(LoadError::TooLarge { path: path.to_owned(), size: meta.len(), limit: MAX_BOARD_BYTES });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The file may grow between the size check and the read; never read past the limit.
    file.take(MAX_BOARD_BYTES + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > MAX_BOARD_BYTES {
        return Err(LoadError::TooLarge { path: path.to_owned(), size: bytes.len() as u64, limit: MAX_BOARD_BYTES });
    }
    text_from_bytes(path, bytes)
}

fn text_from_bytes(path: &Path, bytes: Vec<u8>) -> Result<String, LoadError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Empty { path: path.to_owned() });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0 || (b < 0x20 && !b"\t\n\r\x0c".contains(&b))) {
        return Err(LoadError::Binary { path: path.to_owned(), offset, byte: bytes[offset] });
    }
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let (line, column) = line_column(good);
        LoadError::NotUtf8 { path: path.to_owned(), line, column }
    })
}

/// 1-based line and column of the position just after `before`.
fn line_column(before: &[u8]) -> (usize, usize) {
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
    (line, column)
}

fn syntax(path: &Path, e: &ron::error::SpannedError) -> LoadError {
    LoadError::Syntax {
        path: path.to_owned(),
        line: e.span.start.line,
        column: e.span.start.col,
        message: describe_ron_error(&e.code),
    }
}

/// ron's messages with the jargon turned into what a person can act on.
fn describe_ron_error(code: &ron::Error) -> String {
    match code {
        ron::Error::ExceededRecursionLimit => {
            format!("nested more than {RECURSION_LIMIT} levels deep; a board never nests like this")
        }
        ron::Error::Eof => "the file ends too early: it was probably cut off".to_owned(),
        other => other.to_string(),
    }
}

/// Only the version, read first so that each version's layout can be parsed on its own.
#[derive(Deserialize)]
#[serde(rename = "Board")]
struct VersionProbe {
    // Written as a plain number (`version: 1`), which RON does not read as an Option.
    #[serde(default, deserialize_with = "some_u32")]
    version: Option<u32>,
}

fn some_u32<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    u32::deserialize(d).map(Some)
}

/// The version if the text starts the way Moodboard writes it (`// comment`s, then
/// `(` or `Board(`, then `version: N`), read without parsing the whole file; `None`
/// otherwise, and then the full probe decides. Halves the time to load a big board.
fn leading_version(text: &str) -> Option<u32> {
    let mut rest = text.trim_start();
    while let Some(comment) = rest.strip_prefix("//") {
        rest = comment.split_once('\n').map_or("", |(_, after)| after).trim_start();
    }
    let rest = rest.strip_prefix("Board").unwrap_or(rest).trim_start().strip_prefix('(')?.trim_start();
    let rest = rest.strip_prefix("version")?.trim_start().strip_prefix(':')?.trim_start();
    let digits = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
    let after = rest[digits..].trim_start();
    if digits == 0 || digits > 9 || !(after.starts_with(',') || after.starts_with(')')) {
        return None;
    }
    rest[..digits].parse().ok()
}

/// A board read from a file of any supported version, before repair.
#[derive(Debug)]
pub struct Parsed {
    pub board: Board,
    /// The file is from before frames (version 3 or older): the repair lays every
    /// theme's frame out from its cards, with no problem to report.
    pub frames_from_cards: bool,
}

impl Parsed {
    /// The board, repaired, and what was repaired.
    pub fn repaired(self) -> (Board, Vec<super::Problem>) {
        let Parsed { mut board, frames_from_cards } = self;
        let problems = super::repair::repair_with(&mut board, frames_from_cards);
        (board, problems)
    }
}

/// Parses board text of any supported version into the current model. The board still
/// needs repair before use ([`Parsed::repaired`]).
pub fn parse(path: &Path, text: &str) -> Result<Parsed, LoadError> {
    let version = match leading_version(text) {
        Some(v) => Some(v),
        None => ron_options().from_str::<VersionProbe>(text).map_err(|e| syntax(path, &e))?.version,
    };
    let version = version.ok_or_else(|| LoadError::Syntax {
        path: path.to_owned(),
        line: 1,
        column: 1,
        message: "missing field `version`: this does not look like a Moodboard board".to_owned(),
    })?;
    let board = match version {
        0 => return Err(LoadError::UnknownVersion { path: path.to_owned(), found: 0 }),
        FORMAT_VERSION => {
            // The file's own `version` field is the one read above: FORMAT_VERSION.
            ron_options().from_str::<Board>(text).map_err(|e| syntax(path, &e))?
        }
        // Older versions, each parsed with its own frozen layout (see `older.rs`) and
        // reshaped one step at a time to the next.
        9 => parse_as::<super::older::BoardV9>(path, text)?.migrate(),
        8 => parse_as::<super::older::BoardV8>(path, text)?.migrate().migrate(),
        7 => parse_as::<super::older::BoardV7>(path, text)?.migrate().migrate().migrate(),
        6 => parse_as::<super::older::BoardV6>(path, text)?.migrate().migrate().migrate().migrate(),
        5 => parse_as::<super::older::BoardV5>(path, text)?.migrate().migrate().migrate().migrate().migrate(),
        4 => parse_as::<super::older::BoardV4>(path, text)?.migrate().migrate().migrate().migrate().migrate().migrate(),
        3 => parse_as::<super::older::BoardV3>(path, text)?
            .migrate()
            .migrate()
            .migrate()
            .migrate()
            .migrate()
            .migrate()
            .migrate(),
        2 => parse_as::<super::older::BoardV2>(path, text)?
            .migrate()
            .migrate()
            .migrate()
            .migrate()
            .migrate()
            .migrate()
            .migrate()
            .migrate(),
        1 => parse_as::<super::older::BoardV1>(path, text)?
            .migrate()
            .migrate()
            .migrate()
            .migrate()
            .migrate()
            .migrate()
            .migrate()
            .migrate()
            .migrate(),
        newer => {
            return Err(LoadError::NewerVersion { path: path.to_owned(), found: newer, supported: FORMAT_VERSION });
        }
    };
    Ok(Parsed { board, frames_from_cards: version <= 3 })
}

fn parse_as<T: serde::de::DeserializeOwned>(path: &Path, text: &str) -> Result<T, LoadError> {
    ron_options().from_str(text).map_err(|e| syntax(path, &e))
}

/// The board as the text we write: a header comment, then pretty RON with four-space
/// indents and fields in the order of the model's structs.
pub fn to_text(board: &Board) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new().new_line("\n").indentor("    ").struct_names(false);
    let mut board_text = ron_options().to_string_pretty(board, config)?;
    board_text.insert_str(0, HEADER);
    board_text.push('\n');
    Ok(board_text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_is_read_early_only_where_we_write_it() {
        assert_eq!(leading_version("// header\n// more\n(\n    version: 1,\n    id: \"x\")"), Some(1));
        assert_eq!(leading_version("Board(version: 7)"), Some(7));
        // Anything else goes to the full probe, which reads fields in any order.
        assert_eq!(leading_version("(id: \"x\", version: 1)"), None);
        assert_eq!(leading_version("(version: 1x)"), None);
        assert_eq!(leading_version("(version: 99999999999)"), None);
        let later = format!("(title: \"t\", version: {FORMAT_VERSION})");
        assert!(matches!(parse(Path::new("b.ron"), &later), Err(LoadError::Syntax { .. })), "still parsed fully");
    }

    #[test]
    fn line_column_counts_characters() {
        assert_eq!(line_column(b""), (1, 1));
        assert_eq!(line_column(b"ab\ncd"), (2, 3));
        assert_eq!(line_column("é\n€x".as_bytes()), (2, 3));
    }
}
