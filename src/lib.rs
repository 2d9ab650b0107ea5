//! Moodboard: collect images, quotes, links, notes and colours onto boards grouped by
//! theme, and exchange those boards as plain RON files.

pub mod app;
pub mod cli;
pub mod document;
pub mod export;
pub mod host;
pub mod i18n;
pub mod library;
pub mod live;
pub mod media;
pub mod model;
pub mod prefs;
pub mod prompts;
pub mod storage;
pub mod ui;
pub mod web;
pub mod welcome;
