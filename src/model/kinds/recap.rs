//! How an idea is written into a recap for people without the app, in parts every
//! export understands: the HTML page, Markdown and JSON Canvas each write these their
//! own way (escaped for their format), so a kind says once what it consists of.

use crate::model::AssetName;

/// A remark on what came before it in an idea's recap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Remark {
    /// The site a link is on.
    Site,
    /// What a page says of itself.
    Description,
    /// Why it matters: a link's note.
    Note,
    /// What a picture shows.
    Caption,
    /// The web address a picture came from.
    Source,
}

/// What writes an idea into an export. Only non-empty parts are written.
pub trait Recap {
    /// The idea's own words (a note's text), kept with their line breaks.
    fn words(&mut self, text: &str);
    /// Words someone said, who said them and where.
    fn quote(&mut self, text: &str, by: &str, citation: &str);
    /// An address with its label; only a web or mail address becomes a link.
    fn link(&mut self, url: &str, label: &str);
    fn remark(&mut self, remark: Remark, text: &str);
    /// A picture from the board's assets, turned as its card shows it, with the name
    /// people know it by.
    fn picture(&mut self, asset: &AssetName, turn: crate::model::Turn, name: &str);
    /// A colour swatch: its hex as written and its name.
    fn swatch(&mut self, hex: &str, name: &str);
    /// A drawing: its strokes as vectors ([`super::Sketch::svg`]).
    fn drawing(&mut self, sketch: &super::Sketch);
    /// Words that label a part of the board; where a format has no headings, words.
    fn heading(&mut self, text: &str) {
        self.words(text);
    }
}
