//! Collecting from the web: an image from its address, a link with its page's preview.
//!
//! Nothing here runs unless the user adds something: opening, checking, showing,
//! exporting or screenshotting a board never calls it. What a server sends is hostile:
//! every download is bounded (see [`fetch`]), an image passes the same checks as a file,
//! and a page's words are kept as plain text.

pub mod fetch;
pub mod page;
pub mod reach;

pub use fetch::{FetchError, Limits, Want, parse_address};
pub use reach::Reach;

use crate::media::thumbs::ThumbCache;
use crate::media::{ImportError, Imported, import_bytes};
use crate::storage::AssetStore;

/// What a link card shows of its page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LinkInfo {
    pub title: String,
    pub description: String,
    pub site: String,
    /// The page's preview picture, stored in the board's assets.
    pub picture: Option<Imported>,
    /// Why some or all of the preview is missing, for people.
    pub warning: Option<crate::i18n::Message>,
}

impl LinkInfo {
    /// What the page says of itself, for the idea it previews
    /// ([`crate::model::kinds::Behaviour::take_preview`]).
    pub fn preview(&self) -> crate::model::kinds::Preview {
        crate::model::kinds::Preview {
            title: self.title.clone(),
            description: self.description.clone(),
            site: self.site.clone(),
            picture: self.picture.as_ref().map(|p| p.asset.clone()),
        }
    }
}

/// What a pasted address turned out to be.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    Image(Imported),
    Link(LinkInfo),
}

/// Why an address gave no image.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    Fetch { address: String, reason: FetchError },
    Image { address: String, reason: crate::media::ImageError },
    Store(#[from] crate::storage::AssetError),
}

impl crate::i18n::Said for WebError {
    fn message(&self) -> crate::i18n::Message {
        use crate::i18n::Message;
        match self {
            WebError::Fetch { address, reason } => {
                Message::new("error-with-path").with("path", address).with("reason", reason.message())
            }
            WebError::Image { address, reason } => {
                Message::new("error-with-path").with("path", address).with("reason", reason.message())
            }
            WebError::Store(e) => e.message(),
        }
    }
}

crate::said_as_printed!(WebError);

/// The part of an address people know a download by: its file's name, else its host.
pub fn file_name(url: &url::Url) -> String {
    let last = url.path_segments().and_then(|mut s| s.next_back()).unwrap_or("");
    let decoded = percent_encoding::percent_decode_str(last).decode_utf8_lossy();
    let name = crate::model::one_line(decoded.trim(), 120);
    if name.is_empty() { url.host_str().unwrap_or("image").to_owned() } else { name }
}

fn store_image(
    store: &AssetStore,
    thumbs: &ThumbCache,
    bytes: &[u8],
    url: &url::Url,
    address: &str,
) -> Result<Imported, WebError> {
    let imported =
        import_bytes(store, thumbs, bytes, &file_name(url), std::path::Path::new(address)).map_err(|e| match e {
            ImportError::Image { reason, .. } => WebError::Image { address: address.to_owned(), reason },
            ImportError::Read(e) => WebError::Store(e),
        })?;
    // Where it came from, as the person gave it (the address they pasted or dropped).
    Ok(Imported { url: address.trim().to_owned(), ..imported })
}

/// Downloads the image at `address`, as a person typed it, into `store` (and its card
/// picture into `thumbs`).
pub fn image(
    address: &str,
    store: &AssetStore,
    thumbs: &ThumbCache,
    limits: &Limits,
    progress: &dyn Fn(u64, Option<u64>),
) -> Result<Imported, WebError> {
    let fail = |reason| WebError::Fetch { address: address.to_owned(), reason };
    let typed = Reach::typed(&fetch::parse_address(address).map_err(fail)?);
    image_within(address, &typed, store, thumbs, limits, progress)
}

/// [`image`] of an address a page named, within where that page may lead.
fn image_within(
    address: &str,
    reach: &Reach,
    store: &AssetStore,
    thumbs: &ThumbCache,
    limits: &Limits,
    progress: &dyn Fn(u64, Option<u64>),
) -> Result<Imported, WebError> {
    let fail = |reason| WebError::Fetch { address: address.to_owned(), reason };
    let fetched = fetch::fetch_within(address, reach, Want::Image, limits, progress).map_err(fail)?;
    match fetched.body {
        fetch::Body::Image(bytes) => store_image(store, thumbs, &bytes, &fetched.url, address),
        fetch::Body::Page { .. } => Err(fail(FetchError::NotAnImage("a web page".to_owned()))),
    }
}

/// Fetches the page at `address` once for its card: title, description, site name and
/// preview picture. Never fails: what could not be read is said in the warning.
pub fn link(
    address: &str,
    store: &AssetStore,
    thumbs: &ThumbCache,
    limits: &Limits,
    progress: &dyn Fn(u64, Option<u64>),
) -> LinkInfo {
    match fetch::fetch(address, Want::Page, limits, progress) {
        Ok(fetched) => from_page(fetched, address, store, thumbs, limits),
        Err(e) => LinkInfo { warning: Some(no_preview(&e)), ..LinkInfo::default() },
    }
}

/// A pasted address: an image if it gives one, else a link with its page's preview.
/// Fails only when it is an image that cannot be taken (too large, damaged…); an
/// address that cannot be reached still gives a link.
pub fn pasted(
    address: &str,
    store: &AssetStore,
    thumbs: &ThumbCache,
    limits: &Limits,
    progress: &dyn Fn(u64, Option<u64>),
) -> Result<Found, WebError> {
    match fetch::fetch(address, Want::Page, limits, progress) {
        Ok(fetch::Fetched { url, body: fetch::Body::Image(bytes), .. }) => {
            store_image(store, thumbs, &bytes, &url, address).map(Found::Image)
        }
        Ok(fetched) => Ok(Found::Link(from_page(fetched, address, store, thumbs, limits))),
        // Too large is only ever said of an image.
        Err(reason @ (FetchError::TooLarge(_) | FetchError::Announced(..))) => {
            Err(WebError::Fetch { address: address.to_owned(), reason })
        }
        Err(e) => Ok(Found::Link(LinkInfo { warning: Some(no_preview(&e)), ..LinkInfo::default() })),
    }
}

/// "no preview: …": why a page gave no preview.
fn no_preview(why: &dyn crate::i18n::Said) -> crate::i18n::Message {
    crate::i18n::Message::new("web-no-preview").with("reason", why.message())
}

/// "no preview picture: …": why a page's picture was not taken.
fn no_preview_picture(why: &dyn crate::i18n::Said) -> crate::i18n::Message {
    crate::i18n::Message::new("web-no-preview-picture").with("reason", why.message())
}

fn from_page(
    fetched: fetch::Fetched,
    address: &str,
    store: &AssetStore,
    thumbs: &ThumbCache,
    limits: &Limits,
) -> LinkInfo {
    match fetched.body {
        // A link straight to a picture: the picture is its preview.
        fetch::Body::Image(bytes) => match store_image(store, thumbs, &bytes, &fetched.url, address) {
            Ok(picture) => LinkInfo { picture: Some(picture), ..LinkInfo::default() },
            Err(e) => LinkInfo { warning: Some(no_preview_picture(&e)), ..LinkInfo::default() },
        },
        fetch::Body::Page { bytes, charset } => {
            let head = page::read(&bytes, charset.as_deref(), &fetched.url);
            let mut info =
                LinkInfo { title: head.title, description: head.description, site: head.site, ..LinkInfo::default() };
            if let Some(picture) = head.image {
                match image_within(picture.as_str(), &fetched.reach, store, thumbs, limits, &|_, _| {}) {
                    Ok(imported) => info.picture = Some(imported),
                    Err(e) => info.warning = Some(no_preview_picture(&e)),
                }
            }
            if info.title.is_empty() && info.description.is_empty() && info.picture.is_none() && info.warning.is_none()
            {
                info.warning = Some(crate::i18n::Message::new("web-no-title"));
            }
            info
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn downloads_are_named_by_their_file_else_their_host() {
        let name = |u: &str| file_name(&url::Url::parse(u).unwrap());
        assert_eq!(name("https://example.com/photos/blue%20tiles.jpg?w=800"), "blue tiles.jpg");
        assert_eq!(name("https://example.com/"), "example.com");
    }
}
