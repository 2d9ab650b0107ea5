//! The `moodboard` command run as a real process in a temporary folder, for the
//! integration tests that drive the command line.

use std::path::PathBuf;
use std::process::{Command, Output};

pub struct Env {
    pub dir: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Self {
        Self { dir: tempfile::tempdir().unwrap() }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }

    /// The `moodboard` command with `args`, in this folder, with its own preferences,
    /// boards and cache, and no proxy: to run, or to spawn and watch.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_moodboard"));
        command
            .args(args)
            .current_dir(self.dir.path())
            .env("MOODBOARD_CONFIG_DIR", self.dir.path().join("config"))
            .env("MOODBOARD_BOARDS_DIR", self.dir.path().join("boards"))
            .env("MOODBOARD_CACHE_DIR", self.dir.path().join("cache"))
            // Tests talk to their own servers on this machine, never through a proxy.
            .env_remove("HTTP_PROXY")
            .env_remove("http_proxy")
            .env_remove("HTTPS_PROXY")
            .env_remove("https_proxy")
            .env_remove("ALL_PROXY")
            .env_remove("all_proxy")
            // English, whatever the machine's language: the command line speaks the
            // environment's (tests of Dutch set their own).
            .env_remove("LANGUAGE")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C.UTF-8");
        command
    }

    /// Runs and expects success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs and expects failure; returns stderr.
    #[allow(dead_code)] // not every test file runs a command that should fail
    pub fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(!out.status.success(), "{args:?} should fail; stdout: {}", String::from_utf8_lossy(&out.stdout));
        assert!(!err.contains("panicked") && !err.contains("internal error"), "{args:?} crashed: {err}");
        err
    }
}
