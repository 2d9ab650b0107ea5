//! What this computer keeps per live board, in the configuration folder
//! (`live/BOARD_ID.ron`), never beside the board: a board file travels (packs, git,
//! mail), its secrets must not. Per board: this computer's key for it (so the address in
//! a ticket stays the same across runs), the editor and guest secrets it accepts, and,
//! for a copy that joined, the ticket it joined with and where the copy is.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq as _;

use crate::model::BoardId;

/// The keys folder: `live/` in the configuration folder.
pub fn default_dir() -> anyhow::Result<PathBuf> {
    let dir = crate::prefs::config_dir()
        .ok_or_else(|| anyhow::anyhow!("this system names no configuration folder to keep the live keys in"))?;
    Ok(dir.join("live"))
}

/// A secret capability: 32 random bytes.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret([u8; 32]);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

impl Secret {
    pub fn random() -> Self {
        let mut bytes = [0; 32];
        getrandom::fill(&mut bytes).expect("the system's random numbers");
        Self(bytes)
    }

    pub fn to_bytes(&self) -> [u8; 32] {
        self.0
    }

    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    pub fn to_hex(&self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }

    pub fn from_hex(text: &str) -> Option<Self> {
        if text.len() != 64 || !text.is_ascii() {
            return None;
        }
        let mut bytes = [0; 32];
        for (i, byte) in bytes.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok()?;
        }
        Some(Self(bytes))
    }

    /// Compared in constant time: a peer cannot learn a secret by timing refusals.
    pub fn matches(&self, other: &Secret) -> bool {
        self.0.ct_eq(&other.0).into()
    }
}

/// What is kept for one live board.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Keys {
    /// This computer's iroh key for the board (hex).
    key: String,
    /// The secret that makes a peer an editor, if this copy may let editors in.
    editor: Option<String>,
    /// The secret that makes a peer a guest, if this copy may let guests in.
    guest: Option<String>,
    /// The ticket this copy joined with (a copy that joined dials it when it starts).
    #[serde(default)]
    pub joined: Option<String>,
    /// Where this computer keeps its copy of the board.
    #[serde(default)]
    pub path: Option<PathBuf>,
    /// The port this copy listened on last: taken again, so that tickets given before
    /// still reach it after a restart.
    #[serde(default)]
    pub port: Option<u16>,
    /// Other editors' copies of the board, as they told us: a copy reaches them when the
    /// peer it joined is away, so that the board does not depend on it.
    #[serde(default)]
    pub peers: Vec<super::ticket::Address>,
}

impl Keys {
    /// Keys for a board this computer shares first: a new key, new secrets.
    pub fn new_shared() -> Self {
        Self {
            key: Secret::random().to_hex(),
            editor: Some(Secret::random().to_hex()),
            guest: Some(Secret::random().to_hex()),
            joined: None,
            path: None,
            port: None,
            peers: Vec::new(),
        }
    }

    /// Keys for a copy that joined with `ticket`: an editor's copy lets in what the
    /// ticket's secret lets in (and guests, once the peer it joined says their secret).
    pub fn joined(ticket: &super::Ticket, path: &Path) -> Self {
        let editor = (ticket.role == super::Role::Editor).then(|| ticket.secret.to_hex());
        Self {
            key: Secret::random().to_hex(),
            editor,
            guest: None,
            joined: Some(ticket.to_text()),
            path: Some(path.to_owned()),
            port: None,
            peers: Vec::new(),
        }
    }

    pub fn secret_key(&self) -> iroh::SecretKey {
        let bytes = Secret::from_hex(&self.key).unwrap_or_else(Secret::random);
        iroh::SecretKey::from_bytes(&bytes.0)
    }

    pub fn editor(&self) -> Option<Secret> {
        self.editor.as_deref().and_then(Secret::from_hex)
    }

    pub fn guest(&self) -> Option<Secret> {
        self.guest.as_deref().and_then(Secret::from_hex)
    }

    pub fn set_guest(&mut self, guest: &Secret) {
        self.guest = Some(guest.to_hex());
    }

    /// New secrets: every ticket given before stops working.
    pub fn rotate(&mut self) {
        self.editor = Some(Secret::random().to_hex());
        self.guest = Some(Secret::random().to_hex());
    }

    /// Which role `secret` gives, if any.
    pub fn role_of(&self, secret: &Secret) -> Option<super::Role> {
        if self.editor().is_some_and(|e| e.matches(secret)) {
            Some(super::Role::Editor)
        } else if self.guest().is_some_and(|g| g.matches(secret)) {
            Some(super::Role::Guest)
        } else {
            None
        }
    }

    /// Where the keys of `board` are kept in the keys folder `dir`.
    pub fn file(dir: &Path, board: &BoardId) -> PathBuf {
        dir.join(format!("{}.ron", board.as_str()))
    }

    /// The keys kept for `board` in `dir`, if any.
    pub fn load(dir: &Path, board: &BoardId) -> anyhow::Result<Option<Self>> {
        let file = Self::file(dir, board);
        match std::fs::read_to_string(&file) {
            Ok(text) => ron::from_str(&text)
                .map(Some)
                .map_err(|e| anyhow::anyhow!("{}: the live keys cannot be read: {e}", file.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(anyhow::anyhow!("{}: {e}", file.display())),
        }
    }

    /// Keeps the keys (atomically; readable by this user only on Unix).
    pub fn save(&self, dir: &Path, board: &BoardId) -> anyhow::Result<()> {
        let file = Self::file(dir, board);
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())?;
        crate::storage::replace_file(&file, None, |f| {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt as _;
                f.set_permissions(std::fs::Permissions::from_mode(0o600))?;
            }
            std::io::Write::write_all(f, text.as_bytes())
        })
        .map_err(|e| anyhow::anyhow!("{e}"))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_gives_its_role_and_rotation_refuses_the_old_one() {
        let mut keys = Keys::new_shared();
        let (editor, guest) = (keys.editor().unwrap(), keys.guest().unwrap());
        assert_eq!(keys.role_of(&editor), Some(super::super::Role::Editor));
        assert_eq!(keys.role_of(&guest), Some(super::super::Role::Guest));
        assert_eq!(keys.role_of(&Secret::random()), None);
        keys.rotate();
        assert_eq!(keys.role_of(&editor), None);
        assert_eq!(keys.role_of(&guest), None);
        assert_eq!(Secret::from_hex(&editor.to_hex()), Some(editor));
        assert_eq!(Secret::from_hex("zz"), None);
    }
}
