//! Personal preferences: your name as contributor, recent boards, window layout.
//! Stored in the platform's config folder, never in boards.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::storage::{SaveError, replace_file};

/// Overrides the config folder (for tests and portable installs).
pub const CONFIG_DIR_ENV: &str = "MOODBOARD_CONFIG_DIR";

/// How many recent boards are remembered.
pub const MAX_RECENT: usize = 10;

/// Perspectives offered for an item's source until the user edits the list.
pub const DEFAULT_SOURCES: [&str; 10] = [
    "own team",
    "other team",
    "customer",
    "other department",
    "other field",
    "nature",
    "art",
    "competitor",
    "intern",
    "newcomer",
];

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Your name, written as contributor on everything you add.
    pub name: String,
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    /// The list of sources (perspectives) offered when tagging where an idea came from.
    pub sources: Vec<String>,
    /// Window size in points, restored at start.
    pub window_size: Option<(f32, f32)>,
    /// Whether the sidebar and inspector are open.
    pub show_sidebar: bool,
    pub show_inspector: bool,
    /// The language prompts are drawn in.
    pub prompt_lang: crate::prompts::Lang,
    /// The interface's language; `None` follows the system.
    pub language: Option<crate::i18n::Lang>,
    /// Light, dark, or as the system is set.
    pub appearance: Appearance,
    /// Whether moved and resized cards land on the grid.
    pub snap_to_grid: bool,
    /// Never fetch from the web: links are added without a preview, pictures are not
    /// downloaded. Live boards make no connections either.
    pub offline: bool,
    /// Live boards use no relay: direct connections only (a LAN, a VPN).
    pub live_lan_only: bool,
    /// The relay live boards use where no direct path can be made (one you run with
    /// iroh-relay), instead of n0's public relays.
    pub live_relay: Option<String>,
    /// Folders the library looks in besides the boards folder.
    pub library_folders: Vec<PathBuf>,
    /// Animated GIF and WebP pictures play on their cards (off: their first frame).
    pub moving_pictures: bool,
}

/// The app's look: light, dark, or as the system is set (the default).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Appearance {
    #[default]
    System,
    Light,
    Dark,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            name: String::new(),
            recent: Vec::new(),
            sources: DEFAULT_SOURCES.iter().map(|s| (*s).to_owned()).collect(),
            window_size: None,
            show_sidebar: true,
            show_inspector: true,
            prompt_lang: crate::prompts::Lang::En,
            language: None,
            appearance: Appearance::System,
            snap_to_grid: false,
            offline: false,
            live_lan_only: false,
            live_relay: None,
            library_folders: Vec::new(),
            moving_pictures: true,
        }
    }
}

/// The folder preferences live in.
pub fn config_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(CONFIG_DIR_ENV) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "Moodboard").map(|d| d.config_dir().to_owned())
}

fn prefs_path() -> Option<PathBuf> {
    config_dir().map(|d| d.join("prefs.ron"))
}

impl Prefs {
    /// The language the interface speaks: the chosen one, or the system's.
    pub fn interface_language(&self) -> crate::i18n::Lang {
        self.language.unwrap_or_else(crate::i18n::system_language)
    }

    /// Loads preferences; a missing file gives defaults, an unreadable one gives
    /// defaults and the reason, so the app can say so without stopping.
    pub fn load() -> (Self, Option<String>) {
        let Some(path) = prefs_path() else { return (Self::default(), None) };
        match std::fs::read_to_string(&path) {
            Ok(text) => match ron::from_str(&text) {
                Ok(prefs) => (prefs, None),
                Err(e) => (
                    Self::default(),
                    Some(format!(
                        "{}:{}:{}: preferences ignored: {}",
                        path.display(),
                        e.span.start.line,
                        e.span.start.col,
                        e.code
                    )),
                ),
            },
            // First launch: prompts are drawn in the system's language too.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                (Self { prompt_lang: crate::i18n::system_language(), ..Self::default() }, None)
            }
            Err(e) => (Self::default(), Some(format!("{}: preferences ignored: {e}", path.display()))),
        }
    }

    pub fn save(&self) -> Result<(), SaveError> {
        let Some(path) = prefs_path() else { return Ok(()) };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| SaveError::Io {
                path: path.clone(),
                action: "action-create-config-folder",
                source,
            })?;
        }
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::new())
            .map_err(|e| SaveError::Serialize { path: path.clone(), message: e.to_string() })?;
        replace_file(&path, None, |f| std::io::Write::write_all(f, text.as_bytes()))
    }

    /// Puts `path` first in the recent list.
    pub fn remember(&mut self, path: &Path) {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_owned());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }

    /// The name to write as contributor: the one set in preferences, else the login
    /// name, else "me".
    pub fn contributor(&self) -> String {
        let name = self.name.trim();
        if !name.is_empty() {
            return name.to_owned();
        }
        ["USER", "USERNAME", "LOGNAME"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
            .unwrap_or_else(|| "me".to_owned())
    }
}

/// Writes preferences on a thread of its own, so that a frame never waits for the disk:
/// each [`PrefsSaver::save`] hands over a snapshot, and only the newest one waiting is
/// written. Failures come back through [`PrefsSaver::failures`].
pub struct PrefsSaver {
    tx: Option<std::sync::mpsc::Sender<Prefs>>,
    failures: std::sync::mpsc::Receiver<String>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl PrefsSaver {
    pub fn new(waker: crate::storage::Waker) -> Self {
        let (tx, rx) = std::sync::mpsc::channel::<Prefs>();
        let (fail_tx, failures) = std::sync::mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("moodboard-prefs".to_owned())
            .spawn(move || {
                while let Ok(mut prefs) = rx.recv() {
                    // Only the newest of what is waiting matters.
                    while let Ok(newer) = rx.try_recv() {
                        prefs = newer;
                    }
                    if let Err(e) = prefs.save() {
                        let _ = fail_tx.send(format!("Preferences not saved: {e}"));
                        waker();
                    }
                }
            })
            .ok();
        Self { tx: Some(tx), failures, thread }
    }

    /// Saves `prefs` soon, in the background.
    pub fn save(&self, prefs: &Prefs) {
        if let Some(tx) = &self.tx {
            let _ = tx.send(prefs.clone());
        }
    }

    /// Why saves failed since the last call.
    pub fn failures(&self) -> Vec<String> {
        self.failures.try_iter().collect()
    }

    /// Waits until everything handed over is written (when the app quits).
    pub fn finish(&mut self) {
        self.tx = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
