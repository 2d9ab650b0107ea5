//! What a page says of itself in its head: Open Graph tags, else `<title>` and the
//! description. Read with a real HTML parser; every text is folded to one line, cut to a
//! sane length and kept as text (it is never shown as markup).

use scraper::{Html, Selector};
use url::Url;

/// Longest title kept, in characters.
pub const MAX_TITLE: usize = 300;
/// Longest description kept, in characters.
pub const MAX_DESCRIPTION: usize = 600;
/// Longest site name kept, in characters.
pub const MAX_SITE: usize = 100;

/// A page's own account of itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Head {
    pub title: String,
    pub description: String,
    pub site: String,
    /// The preview picture's address, made absolute against the page's; http(s) only.
    pub image: Option<Url>,
}

/// Reads the head of a page fetched from `base` (its address after redirects). `charset`
/// is what the server's Content-Type named; a `<meta charset>` in the page is used when
/// it names none.
pub fn read(bytes: &[u8], charset: Option<&str>, base: &Url) -> Head {
    let declared = charset.and_then(|c| encoding_rs::Encoding::for_label(c.as_bytes()));
    let first = decode(bytes, declared.unwrap_or(encoding_rs::UTF_8));
    let mut html = Html::parse_document(&first);
    if declared.is_none()
        && let Some(meta) = meta_charset(&html)
        && meta != encoding_rs::UTF_8
    {
        html = Html::parse_document(&decode(bytes, meta));
    }
    let meta = |keys: &[&str]| -> String {
        keys.iter()
            .find_map(|key| {
                let selector = Selector::parse(&format!("meta[property=\"{key}\"], meta[name=\"{key}\"]")).ok()?;
                html.select(&selector).find_map(|m| m.value().attr("content")).filter(|c| !c.trim().is_empty())
            })
            .unwrap_or("")
            .to_owned()
    };
    let mut title = meta(&["og:title", "twitter:title"]);
    if title.trim().is_empty()
        && let Ok(selector) = Selector::parse("title")
        && let Some(t) = html.select(&selector).next()
    {
        title = t.text().collect();
    }
    let image = meta(&["og:image:secure_url", "og:image", "og:image:url", "twitter:image"]);
    let image =
        base.join(image.trim()).ok().filter(|u| !image.trim().is_empty() && matches!(u.scheme(), "http" | "https"));
    Head {
        title: clean(&title, MAX_TITLE),
        description: clean(&meta(&["og:description", "description", "twitter:description"]), MAX_DESCRIPTION),
        site: clean(&meta(&["og:site_name", "application-name"]), MAX_SITE),
        image,
    }
}

fn decode(bytes: &[u8], encoding: &'static encoding_rs::Encoding) -> String {
    encoding.decode(bytes).0.into_owned()
}

/// The charset a page declares in its own head (`<meta charset>` or the http-equiv form).
fn meta_charset(html: &Html) -> Option<&'static encoding_rs::Encoding> {
    let selector = Selector::parse("meta[charset], meta[http-equiv]").ok()?;
    html.select(&selector).find_map(|m| {
        let label = match m.value().attr("charset") {
            Some(c) => c.to_owned(),
            None if m.value().attr("http-equiv").is_some_and(|h| h.eq_ignore_ascii_case("content-type")) => {
                let content = m.value().attr("content")?;
                let at = content.to_ascii_lowercase().find("charset=")?;
                content[at + 8..].trim().trim_matches('"').to_owned()
            }
            None => return None,
        };
        encoding_rs::Encoding::for_label(label.trim().as_bytes())
    })
}

/// One line of plain text: whitespace folded, control characters dropped, at most `max`
/// characters.
fn clean(text: &str, max: usize) -> String {
    let text: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    crate::model::one_line(text.trim(), max)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("https://example.com/articles/tiles").unwrap()
    }

    #[test]
    fn open_graph_tags_come_first() {
        let page = r#"<html><head><title>Fallback</title>
            <meta property="og:title" content="Azulejos of Porto">
            <meta property="og:description" content="  Blue and
              white tiles, street by street. ">
            <meta property="og:site_name" content="Tile Notes">
            <meta property="og:image" content="/img/tiles.jpg"></head><body></body></html>"#;
        let head = read(page.as_bytes(), None, &base());
        assert_eq!(head.title, "Azulejos of Porto");
        assert_eq!(head.description, "Blue and white tiles, street by street.");
        assert_eq!(head.site, "Tile Notes");
        assert_eq!(head.image.unwrap().as_str(), "https://example.com/img/tiles.jpg");
    }

    #[test]
    fn the_title_and_description_without_open_graph_and_markup_stays_text() {
        let page = "<title>A &lt;b&gt;bold&lt;/b&gt; idea\n</title><meta name=description content='Why <i>this</i>'>\
                    <meta property=og:image content='javascript:alert(1)'>";
        let head = read(page.as_bytes(), None, &base());
        assert_eq!(head.title, "A <b>bold</b> idea");
        assert_eq!(head.description, "Why <i>this</i>");
        assert_eq!(head.image, None, "only http and https pictures");
        assert_eq!(read(b"", None, &base()), Head::default());
    }

    #[test]
    fn pages_are_read_in_the_charset_they_declare() {
        let mut page = b"<meta charset=\"iso-8859-1\"><title>Caf".to_vec();
        page.push(0xE9); // é in Latin-1
        page.extend_from_slice(b"</title>");
        assert_eq!(read(&page, None, &base()).title, "Café");
        assert_eq!(read(&page, Some("windows-1252"), &base()).title, "Café");
        let long = format!("<title>{}</title>", "x".repeat(5000));
        assert_eq!(read(long.as_bytes(), None, &base()).title.chars().count(), MAX_TITLE);
    }
}
