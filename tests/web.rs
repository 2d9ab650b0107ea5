//! Collecting from the web, against servers on this machine started by the tests: image
//! addresses, link previews, redirects, `--offline`, every kind of hostile server (each
//! refused with its own error, the board untouched), and boards with web items that are
//! opened, checked, shown and exported without a single request.

use std::io::Write as _;

mod common;
mod server;
use common::Env;
use moodboard::model::ItemKind;
use server::{Answer, Server};

fn png(w: u32, h: u32, rgb: [u8; 3]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    image::RgbImage::from_pixel(w, h, image::Rgb(rgb)).write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

fn board(env: &Env) -> std::path::PathBuf {
    env.ok(&["new", "web", "--title", "From the web"]);
    env.path("web.moodboard.ron")
}

fn items(path: &std::path::Path) -> Vec<moodboard::model::Item> {
    moodboard::storage::load(path).unwrap().board.items.into_iter().collect()
}

/// Runs `add` expecting it to fail, and checks that the board file did not change.
fn refused(env: &Env, board: &std::path::Path, args: &[&str]) -> String {
    let before = std::fs::read(board).unwrap();
    let mut all = vec!["add", "web"];
    all.extend_from_slice(args);
    let err = env.fails(&all);
    assert_eq!(std::fs::read(board).unwrap(), before, "{args:?} changed the board");
    err
}

const PAGE: &str = r#"<!doctype html><html><head><title>Tiles — fallback</title>
<meta property="og:title" content="Azulejos of Porto">
<meta property="og:description" content="Blue and white tiles, street by street.">
<meta property="og:site_name" content="Tile Notes">
<meta property="og:image" content="/pictures/tiles.png">
</head><body><p>Long article…</p></body></html>"#;

#[test]
fn an_image_address_is_downloaded_like_a_file_and_several_are_added_at_once() {
    let server = Server::start(vec![
        ("/tiles.png", Answer::ok("image/png", png(40, 20, [20, 60, 200]))),
        ("/old-tiles", Answer::redirect("/tiles.png")),
        ("/drawing.svg", Answer::ok("image/svg+xml", br##"<svg xmlns="http://www.w3.org/2000/svg" width="30" height="60"><rect width="30" height="60" fill="#c00"/><image href="/tracker.png" width="1" height="1"/></svg>"##.to_vec())),
    ]);
    let env = Env::new();
    let path = board(&env);
    let file = env.path("local.png");
    std::fs::write(&file, png(10, 10, [200, 0, 0])).unwrap();
    let out = env.ok(&[
        "add",
        "web",
        "--image",
        &server.url("/tiles.png"),
        file.to_str().unwrap(),
        &server.url("/old-tiles"),
        &server.url("/drawing.svg"),
    ]);
    assert_eq!(out.matches("added image").count(), 4, "{out}");
    let items = items(&path);
    let images: Vec<_> = items
        .iter()
        .filter_map(|i| match &i.kind {
            ItemKind::Image(moodboard::model::kinds::Image { asset, file_name, pixel_size, .. }) => {
                Some((asset.clone(), file_name.clone(), *pixel_size))
            }
            _ => None,
        })
        .collect();
    assert_eq!(images.len(), 4);
    let tiles: Vec<_> = images.iter().filter(|(_, name, _)| name == "tiles.png").collect();
    assert_eq!(tiles.len(), 2, "the redirect ends at the same picture: {images:?}");
    assert_eq!(tiles[0].0, tiles[1].0, "stored once, by content");
    assert_eq!((tiles[0].2.w, tiles[0].2.h), (40, 20));
    let svg = images.iter().find(|(name, ..)| name.extension() == "svg").expect("the SVG is kept as an SVG");
    assert_eq!((svg.2.w, svg.2.h), (30, 60));
    // Each downloaded picture keeps the address it was given as (issue 31); the file
    // from disk has none.
    let urls: Vec<&str> = items
        .iter()
        .filter_map(|i| match &i.kind {
            ItemKind::Image(image) => Some(image.url.as_str()),
            _ => None,
        })
        .collect();
    let (tiles_url, old_url) = (server.url("/tiles.png"), server.url("/old-tiles"));
    assert_eq!(urls, [tiles_url.as_str(), "", old_url.as_str(), server.url("/drawing.svg").as_str()]);
    let assets = env.path("web.assets");
    assert!(assets.join(tiles[0].0.as_str()).exists());
    assert!(!server.seen().iter().any(|s| s.target.contains("tracker")), "an SVG's references are never followed");
    env.ok(&["check", "web"]);

    // One bad address among good ones: the good are added, the bad one said.
    let out = env.run(&["add", "web", "--image", &server.url("/tiles.png"), &server.url("/gone.png")]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("gone.png: the server answered 404 Not Found") && err.contains("1 of 2"), "{err}");
    assert_eq!(self::items(&path).len(), 5);
}

#[test]
fn a_page_with_open_graph_tags_fills_the_link_card_and_show_prints_it() {
    let server = Server::start(vec![
        ("/article", Answer::ok("text/html; charset=utf-8", PAGE)),
        ("/pictures/tiles.png", Answer::ok("image/png", png(120, 60, [20, 60, 200]))),
        ("/plain", Answer::ok("text/html", "<html><head><title>Just a title</title></head></html>")),
        ("/moved", Answer::Redirect { status: 301, location: "/article".into(), headers: vec![] }),
    ]);
    let env = Env::new();
    let path = board(&env);
    env.ok(&["add", "web", "--link", &server.url("/moved")]);
    env.ok(&["add", "web", "--link", &server.url("/plain")]);
    env.ok(&["add", "web", "--link", &server.url("/article"), "--title", "My own title"]);
    let items = items(&path);
    let links: Vec<_> = items
        .iter()
        .filter_map(|i| match &i.kind {
            ItemKind::Link(moodboard::model::kinds::Link { url, title, description, site, picture, .. }) => {
                Some((url.clone(), title.clone(), description.clone(), site.clone(), picture.clone()))
            }
            _ => None,
        })
        .collect();
    let og = links.iter().find(|l| l.0.ends_with("/moved")).unwrap();
    assert_eq!(og.0, server.url("/moved"), "the card keeps the address as given");
    assert_eq!(
        (og.1.as_str(), og.2.as_str(), og.3.as_str()),
        ("Azulejos of Porto", "Blue and white tiles, street by street.", "Tile Notes")
    );
    let picture = og.4.as_ref().expect("the og:image is the card's picture");
    assert!(env.path("web.assets").join(picture.as_str()).exists());
    let plain = links.iter().find(|l| l.0.ends_with("/plain")).unwrap();
    assert_eq!((plain.1.as_str(), plain.2.as_str(), plain.4.as_ref()), ("Just a title", "", None));
    let own = links.iter().find(|l| l.1 == "My own title").expect("--title wins over the page's");
    assert_eq!(own.2, "Blue and white tiles, street by street.");

    let shown = env.ok(&["show", "web"]);
    assert!(
        shown.contains("Azulejos of Porto") && shown.contains("Blue and white tiles, street by street."),
        "{shown}"
    );
    env.ok(&["check", "web"]);
    // The preview picture travels with the board.
    env.ok(&["pack", "web"]);
    let pack = std::fs::read(env.path("web.moodpack")).unwrap();
    let zip = zip::ZipArchive::new(std::io::Cursor::new(pack)).unwrap();
    let names: Vec<String> = zip.file_names().map(|n| n.unwrap().into_owned()).collect();
    assert!(names.iter().any(|n| n.ends_with(picture.as_str())), "{names:?}");
}

#[test]
fn a_page_that_cannot_be_read_still_gives_a_link_with_a_warning() {
    let server = Server::start(vec![("/broken", Answer::Status(500))]);
    let env = Env::new();
    let path = board(&env);
    let out = env.run(&["add", "web", "--link", &server.url("/broken")]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no preview: the server answered 500 Internal Server Error"), "{err}");
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let out = env.run(&["add", "web", "--link", &format!("http://127.0.0.1:{closed}/page")]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("could not connect to 127.0.0.1"), "{out:?}");
    assert_eq!(items(&path).len(), 2);
}

#[test]
fn offline_makes_no_request() {
    let server = Server::start(vec![("/article", Answer::ok("text/html", PAGE))]);
    let env = Env::new();
    let path = board(&env);
    env.ok(&["add", "web", "--link", &server.url("/article"), "--offline"]);
    let err = refused(&env, &path, &["--image", &server.url("/tiles.png"), "--offline"]);
    assert!(err.contains("not downloaded (--offline)"), "{err}");
    let items = items(&path);
    assert!(
        matches!(&items[0].kind, ItemKind::Link(moodboard::model::kinds::Link { title, picture: None, .. }) if title.is_empty())
    );
    assert_eq!(server.connections(), 0);
}

#[test]
fn redirects_are_checked_and_bounded() {
    let mut routes = vec![
        ("/to-file", Answer::redirect("file:///etc/passwd")),
        ("/to-ftp", Answer::redirect("ftp://127.0.0.1/x.png")),
        ("/to-nowhere", Answer::Redirect { status: 302, location: String::new(), headers: vec![] }),
        ("/with-password", Answer::redirect("http://ann:secret@127.0.0.1/x.png")),
    ];
    let hops: Vec<String> = (0..7).map(|i| format!("/hop{i}")).collect();
    for i in 0..6 {
        routes.push((hops[i].as_str(), Answer::redirect(&hops[i + 1])));
    }
    let server = Server::start(routes);
    let env = Env::new();
    let path = board(&env);
    for (route, message) in [
        ("/to-file", "redirected to a file: address, which is not followed"),
        ("/to-ftp", "redirected to a ftp: address"),
        ("/hop0", "redirected more than 5 times"),
        ("/with-password", "user name or password"),
    ] {
        let err = refused(&env, &path, &["--image", &server.url(route)]);
        assert!(err.contains(message), "{route}: {err}");
    }
    let err = refused(&env, &path, &["--image", "http://ann:secret@127.0.0.1:9/x.png"]);
    assert!(err.contains("user name or password, which Moodboard never sends"), "{err}");
    let err = refused(&env, &path, &["--image", "file:///etc/hostname"]);
    assert!(err.contains("file:///etc/hostname"), "a file: address is not a web address, nor a file name: {err}");
}

#[test]
fn hostile_servers_are_refused_each_with_its_reason_and_the_board_untouched() {
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gzip.write_all(&png(4, 4, [0, 0, 0])[..16]).unwrap();
    gzip.write_all(&vec![0u8; 60_000_000]).unwrap();
    let bomb = gzip.finish().unwrap();
    assert!(bomb.len() < 1_000_000, "a small body that decodes to 60 MB");
    let mut huge_header = png(4, 4, [0, 0, 0]);
    huge_header[16..20].copy_from_slice(&40_000u32.to_be_bytes());
    huge_header[20..24].copy_from_slice(&40_000u32.to_be_bytes());
    let mut crc = flate2::Crc::new();
    crc.update(&huge_header[12..29]);
    huge_header[29..33].copy_from_slice(&crc.sum().to_be_bytes());
    let server = Server::start(vec![
        (
            "/endless.png",
            Answer::Endless { content_type: "image/png".into(), head: png(4, 4, [0, 0, 0])[..16].to_vec() },
        ),
        ("/bomb.png", Answer::Gzip { content_type: "image/png".into(), compressed: bomb }),
        (
            "/announced.png",
            Answer::Announce { content_type: "image/png".into(), announced: 80_000_000, body: png(4, 4, [0, 0, 0]) },
        ),
        ("/page.jpg", Answer::ok("image/jpeg", PAGE)),
        ("/silent.png", Answer::Silent),
        ("/drip.png", Answer::Drip { content_type: "image/png".into() }),
        ("/huge.png", Answer::ok("image/png", huge_header)),
        ("/error.png", Answer::Status(500)),
        ("/damaged.png", Answer::ok("image/png", png(64, 64, [1, 2, 3])[..60].to_vec())),
    ]);
    let env = Env::new();
    let path = board(&env);
    for (route, message, timeout) in [
        ("/endless.png", "the server kept sending past 50 MB", "30"),
        ("/bomb.png", "the server kept sending past 50 MB", "30"),
        ("/announced.png", "the server said it would send 80 MB", "30"),
        ("/page.jpg", "the address gave a web page (served as image/jpeg), not an image", "30"),
        ("/silent.png", "took longer than 2 s", "2"),
        ("/drip.png", "took longer than 2 s", "2"),
        ("/huge.png", "the image is too large to open safely", "30"),
        ("/error.png", "the server answered 500 Internal Server Error", "30"),
        ("/damaged.png", "damaged", "30"),
    ] {
        let started = std::time::Instant::now();
        let err = refused(&env, &path, &["--image", &server.url(route), "--timeout", timeout]);
        assert!(err.contains(message), "{route}: {err}");
        assert!(started.elapsed() < std::time::Duration::from_secs(25), "{route} took {:?}", started.elapsed());
    }
    assert!(items(&path).is_empty());
}

#[test]
fn no_cookies_or_credentials_are_sent_and_the_proxy_setting_is_used() {
    let server = Server::start(vec![
        (
            "/cookie",
            Answer::Redirect {
                status: 302,
                location: "/tiles.png".into(),
                headers: vec!["Set-Cookie: session=abc".into()],
            },
        ),
        ("/tiles.png", Answer::ok("image/png", png(4, 4, [9, 9, 9]))),
    ]);
    let env = Env::new();
    board(&env);
    env.ok(&["add", "web", "--image", &server.url("/cookie")]);
    let second = server.seen().into_iter().find(|s| s.target == "/tiles.png").unwrap();
    assert_eq!(second.header("cookie"), None);
    assert_eq!(second.header("authorization"), None);

    // Through a proxy (this server plays it): the request goes to the proxy.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_moodboard"))
        .args(["add", "web", "--image", "http://pictures.example/tiles.png"])
        .current_dir(env.dir.path())
        .env("MOODBOARD_CONFIG_DIR", env.path("config"))
        .env("MOODBOARD_CACHE_DIR", env.path("cache"))
        .env("HTTP_PROXY", server.url(""))
        .env_remove("NO_PROXY")
        .env_remove("no_proxy")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let seen = server.seen();
    assert!(seen.iter().any(|s| s.target == "CONNECT pictures.example:80"), "{seen:?}");
    assert_eq!(seen.last().unwrap().target, "/tiles.png");
}

#[test]
fn opening_checking_showing_and_exporting_a_board_with_web_items_makes_no_request() {
    let server = Server::start(vec![
        ("/article", Answer::ok("text/html", PAGE)),
        ("/pictures/tiles.png", Answer::ok("image/png", png(120, 60, [20, 60, 200]))),
        ("/tiles.png", Answer::ok("image/png", png(40, 20, [20, 60, 200]))),
    ]);
    let env = Env::new();
    board(&env);
    env.ok(&["add", "web", "--link", &server.url("/article")]);
    env.ok(&["add", "web", "--image", &server.url("/tiles.png")]);
    // A stranger's board can name any address: one more link, typed in.
    env.ok(&["add", "web", "--link", &server.url("/tracker"), "--offline"]);
    let before = server.connections();
    env.ok(&["show", "web"]);
    env.ok(&["check", "web"]);
    env.ok(&["lens", "web"]);
    for format in ["html", "md", "png", "canvas"] {
        env.ok(&["export", "web", "--format", format]);
    }
    env.ok(&["pack", "web"]);
    assert!(
        std::env::var_os("DISPLAY").is_some() || std::env::var_os("WAYLAND_DISPLAY").is_some(),
        "the screenshot opens a real window and needs a display; run `xvfb-run -a cargo test`"
    );
    env.ok(&["web.moodboard.ron", "--screenshot", "shot.png"]);
    assert!(env.path("shot.png").exists());
    assert_eq!(server.connections(), before, "{:?}", server.seen());
}

/// A server cannot lead a fetch into this computer or its network (issue 26, finding 9):
/// the address typed may be anywhere (here, loopback), but a redirect or a page's preview
/// picture leads only back to that very origin or to a public address. The "inside"
/// server plays a router's admin page on another port of this computer.
#[test]
fn redirects_and_preview_pictures_stay_where_the_person_pointed() {
    let inside = Server::start(vec![
        ("/admin", Answer::ok("text/html", "<html><head><title>WAN password: hunter2</title></head></html>")),
        ("/cam.png", Answer::ok("image/png", png(8, 8, [200, 0, 0]))),
    ]);
    let port = inside.url("").rsplit(':').next().unwrap().to_owned();
    let og = |picture: &str| {
        format!("<html><head><title>Outside</title><meta property=\"og:image\" content=\"{picture}\"></head></html>")
    };
    let outside = Server::start(vec![
        ("/to-admin", Answer::redirect(&inside.url("/admin"))),
        ("/decimal", Answer::redirect(&format!("http://2130706433:{port}/admin"))),
        ("/octal", Answer::redirect(&format!("http://0177.0.0.01:{port}/admin"))),
        ("/mapped", Answer::redirect(&format!("http://[::ffff:127.0.0.1]:{port}/admin"))),
        ("/named", Answer::redirect(&format!("http://localhost:{port}/admin"))),
        ("/to-cam", Answer::redirect(&inside.url("/cam.png"))),
        ("/peek", Answer::ok("text/html", og(&inside.url("/cam.png")))),
        ("/own", Answer::ok("text/html", og("/mine.png"))),
        ("/same", Answer::redirect("/own")),
        ("/mine.png", Answer::ok("image/png", png(8, 8, [0, 0, 200]))),
    ]);
    let env = Env::new();
    let path = board(&env);
    for route in ["/to-admin", "/decimal", "/octal", "/mapped", "/named"] {
        let out = env.run(&["add", "web", "--link", &outside.url(route)]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("on this computer or a private network"), "{route}: {err}");
    }
    let err = refused(&env, &path, &["--image", &outside.url("/to-cam")]);
    assert!(err.contains("on this computer or a private network"), "{err}");
    // A page may not name a picture inside either: the link comes without it.
    let out = env.run(&["add", "web", "--link", &outside.url("/peek")]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("no preview picture"), "{out:?}");
    assert!(inside.seen().is_empty(), "nothing reached the inside server: {:?}", inside.seen());
    // Back to the origin typed is fine, for a redirect and a picture alike.
    env.ok(&["add", "web", "--link", &outside.url("/same")]);
    let board = std::fs::read_to_string(&path).unwrap();
    assert!(!board.contains("hunter2"), "{board}");
    let pictures = items(&path)
        .iter()
        .filter_map(|i| match &i.kind {
            ItemKind::Link(l) => l.picture.clone(),
            _ => None,
        })
        .count();
    assert_eq!(pictures, 1, "only the picture at the typed origin");
    // The typed address itself may be on this computer.
    env.ok(&["add", "web", "--link", &inside.url("/admin")]);
}
