//! Moodboard: collect images, quotes, links, notes and colours onto boards grouped by
//! theme, and exchange those boards as plain RON files.

pub mod model;
pub mod media;
pub mod storage;
pub mod cli;
pub mod document;
pub mod prefs;
pub mod ui;
pub mod app;
pub mod welcome;
