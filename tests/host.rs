//! `moodboard host` driven over HTTP as phones would drive it: every route of the join
//! API and its errors, a crowd, a flood, private collect across a step changed with
//! `moodboard session`, anonymity in the file, and SIGTERM saving everything.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

mod common;
mod hosting;
use common::Env;
use hosting::{Hosting, agent, get, host, open_page, post};

fn join(h: &Hosting, name: Option<&str>) -> String {
    let body = name.map_or(json!({}), |n| json!({ "name": n }));
    let (status, answer) = post(&format!("{}/api/join", h.url), &body);
    assert_eq!(status, 200, "{answer}");
    answer["participant"].as_str().unwrap().to_owned()
}

fn idea(h: &Hosting, p: &str, text: &str, anonymous: bool) -> (u16, Value) {
    post(
        &format!("{}/api/items", h.url),
        &json!({ "participant": p, "kind": "note", "text": text, "anonymous": anonymous }),
    )
}

fn view(h: &Hosting, p: &str) -> Value {
    let (status, v, _) = get(&format!("{}/api/board?participant={p}", h.url));
    assert_eq!(status, 200, "{v}");
    v
}

fn texts(v: &Value) -> Vec<String> {
    v["items"].as_array().unwrap().iter().map(|i| i["text"].as_str().unwrap().to_owned()).collect()
}

/// Waits until the file satisfies `ok` (the host writes within a fraction of a second).
fn on_disk(path: &Path, within: Duration, ok: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + within;
    loop {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        if ok(&text) {
            return text;
        }
        assert!(Instant::now() < deadline, "not on disk in time:\n{text}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn session(env: &Env, args: &[&str]) {
    let mut all = vec!["session", "live"];
    all.extend_from_slice(args);
    env.ok(&all);
}

fn live_board(env: &Env) {
    env.ok(&["new", "live", "--title", "Live café", "--goal", "Mornings people stay for"]);
    env.ok(&["add", "live", "--note", "Seed: long tables", "--theme", "Space", "--offline"]);
}

fn item_id(v: &Value, text: &str) -> String {
    v["items"].as_array().unwrap().iter().find(|i| i["text"] == text).unwrap()["id"].as_str().unwrap().to_owned()
}

/// A frame the facilitator locked (issue 27): phones see it and its cards locked, and
/// an idea for it is refused with the reason; the board keeps no trace of the attempt.
#[test]
fn a_locked_frame_takes_no_ideas_from_phones() {
    let env = Env::new();
    live_board(&env);
    let path = env.path("live.moodboard.ron");
    let mut board = moodboard::storage::load(&path).unwrap().board;
    board.themes.iter_mut().for_each(|t| t.locked = true);
    moodboard::storage::save(&path, &board).unwrap();
    session(&env, &["--phase", "collect"]);
    let h = host(&env, "live");
    let ann = join(&h, Some("Ann"));
    let v = view(&h, &ann);
    assert_eq!(v["themes"][0]["name"], "Space");
    assert_eq!(v["themes"][0]["locked"], true);
    let seed = v["items"].as_array().unwrap().iter().find(|i| i["text"] == "Seed: long tables").unwrap();
    assert_eq!(seed["locked"], true, "a card in a locked frame is locked");
    let space = v["themes"][0]["id"].as_str().unwrap().to_owned();
    let body = json!({ "participant": ann, "kind": "note", "text": "Into the brief", "theme": space });
    let (status, answer) = post(&format!("{}/api/items", h.url), &body);
    assert_eq!(status, 409, "{answer}");
    assert!(answer["error"].as_str().unwrap().contains("“Space” is locked"), "{answer}");
    // Without a theme the idea is welcome.
    assert_eq!(idea(&h, &ann, "Beside it", false).0, 201);
    let texts = texts(&view(&h, &ann));
    assert!(texts.contains(&"Beside it".to_owned()) && !texts.contains(&"Into the brief".to_owned()), "{texts:?}");
}

#[test]
fn every_route_and_its_errors() {
    let env = Env::new();
    let err = env.fails(&["host", "nowhere"]);
    assert!(err.contains("no such board"), "{err}");
    live_board(&env);
    session(&env, &["--phase", "collect", "--dots", "2"]);
    let h = host(&env, "live");
    let base = h.url.rsplit_once("/j/").unwrap().0.to_owned();

    // The page, with a strict policy and no CORS; under another token nothing is there.
    let (status, page, csp) = get(&h.url);
    assert_eq!(status, 200);
    assert!(page.as_str().unwrap().contains("<textarea id=\"text\""));
    assert!(csp.contains("default-src 'none'") && csp.contains("script-src 'self'"), "{csp}");
    let r = agent().get(&h.url).header("Origin", "http://evil.example").call().unwrap();
    assert!(r.headers().get("access-control-allow-origin").is_none());
    let wrong = format!("{base}/j/{}", "0".repeat(32));
    assert_eq!(get(&wrong).0, 404);
    assert_eq!(post(&format!("{wrong}/api/join"), &json!({})).0, 404);
    assert_eq!(get(&format!("{base}/etc/passwd")).0, 404);
    assert_eq!(get(&format!("{base}/j/{}/../../live.moodboard.ron", h.url.rsplit('/').next().unwrap())).0, 404);

    let ann = join(&h, Some("Ann"));
    let anon = join(&h, None);
    assert_ne!(ann, anon);
    assert_eq!(post(&format!("{}/api/join", h.url), &json!({ "name": "x".repeat(61) })).0, 400);
    assert_eq!(post(&format!("{}/api/join", h.url), &json!({ "nmae": "typo" })).0, 400);

    // Board.
    let v = view(&h, &ann);
    assert_eq!(v["title"], "Live café");
    assert_eq!(v["goals"][0], "Mornings people stay for");
    assert_eq!(v["phase"], "collect");
    assert!(v["instruction"].as_str().unwrap().contains("No judging yet"));
    assert_eq!(v["themes"][0]["name"], "Space");
    assert_eq!(v["dots_left"], 2);
    assert_eq!(get(&format!("{}/api/board?participant=nobody", h.url)).0, 404);

    // Items: every kind, and what is refused.
    let space = v["themes"][0]["id"].as_str().unwrap().to_owned();
    let (status, made) = post(
        &format!("{}/api/items", h.url),
        &json!({ "participant": ann, "kind": "note", "text": "Benches by the window", "theme": space }),
    );
    assert_eq!(status, 201, "{made}");
    assert!(made["id"].is_string());
    let quote = json!({ "participant": ann, "kind": "quote", "text": "Stay as long as you like", "by": "A regular" });
    assert_eq!(post(&format!("{}/api/items", h.url), &quote).0, 201);
    let link = json!({ "participant": ann, "kind": "link", "url": "https://example.com/slow", "title": "Slow cafés" });
    assert_eq!(post(&format!("{}/api/items", h.url), &link).0, 201);
    for (body, why) in [
        (json!({ "participant": ann, "kind": "poem", "text": "x" }), "kind"),
        (json!({ "participant": ann, "kind": "note", "text": "  " }), "needs text"),
        (json!({ "participant": ann, "kind": "note", "text": "x".repeat(2001) }), "longer than 2000"),
        (json!({ "participant": ann, "kind": "link", "url": "javascript:alert(1)" }), "http or https"),
        (json!({ "participant": ann, "kind": "note", "text": "x", "theme": "nope" }), "unknown theme"),
        (json!({ "participant": ann, "kind": "note", "text": "x", "extra": 1 }), "unknown field"),
        (json!({ "kind": "note", "text": "x" }), "participant"),
    ] {
        let (status, answer) = post(&format!("{}/api/items", h.url), &body);
        assert_eq!(status, 400, "{body}: {answer}");
        assert!(answer["error"].as_str().unwrap().contains(why), "{body}: {answer}");
    }
    assert_eq!(idea(&h, "nobody", "x", false).0, 404);
    let big = agent()
        .post(&format!("{}/api/items", h.url))
        .header("Content-Type", "application/json")
        .send(format!("{{\"participant\":\"{ann}\",\"kind\":\"note\",\"text\":\"{}\"}}", "x".repeat(20_000)))
        .unwrap();
    assert_eq!(big.status().as_u16(), 413);
    assert_eq!(post(&format!("{}/api/items", h.url), &json!("not an object")).0, 400);

    // A photo: checked like a file; anything else is refused.
    let mut png = std::io::Cursor::new(Vec::new());
    image::RgbImage::from_pixel(30, 20, image::Rgb([200, 100, 0])).write_to(&mut png, image::ImageFormat::Png).unwrap();
    let photo = |bytes: Vec<u8>, content_type: &str| {
        let mut r = agent()
            .post(&format!("{}/api/images?participant={ann}", h.url))
            .header("Content-Type", content_type)
            .send(bytes)
            .unwrap();
        (r.status().as_u16(), r.body_mut().read_to_string().unwrap_or_default())
    };
    assert_eq!(photo(png.get_ref().clone(), "image/png").0, 201);
    assert_eq!(photo(png.get_ref().clone(), "text/plain").0, 400);
    let (status, why) = photo(b"<html>not a picture</html>".to_vec(), "image/jpeg");
    assert_eq!(status, 400);
    assert!(why.contains("not an image"), "{why}");

    // Dots only while voting, at most the session's number.
    let benches = item_id(&view(&h, &ann), "Benches by the window");
    let dot = json!({ "participant": ann, "item": benches });
    assert_eq!(post(&format!("{}/api/dots", h.url), &dot).0, 409, "not in Collect");
    session(&env, &["--phase", "vote"]);
    let deadline = Instant::now() + Duration::from_secs(5);
    while view(&h, &ann)["phase"] != "vote" {
        assert!(Instant::now() < deadline, "the host picks up the step changed in the file");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(idea(&h, &ann, "too late", false).0, 409, "ideas are added while collecting");
    assert_eq!(post(&format!("{}/api/dots", h.url), &dot).0, 201);
    assert_eq!(post(&format!("{}/api/dots", h.url), &dot).0, 201);
    let (status, answer) = post(&format!("{}/api/dots", h.url), &dot);
    assert_eq!(status, 409, "no dots left: {answer}");
    assert_eq!(view(&h, &ann)["dots_left"], 0);
    assert_eq!(post(&format!("{}/api/dots", h.url), &json!({ "participant": ann, "item": "0000000000000000" })).0, 404);
    assert_eq!(post(&format!("{}/api/dots/remove", h.url), &dot).0, 200);
    assert_eq!(view(&h, &ann)["dots_left"], 1);

    // Reactions and replies only while reacting.
    let react = json!({ "participant": anon, "item": benches, "reaction": "build" });
    assert_eq!(post(&format!("{}/api/reactions", h.url), &react).0, 409);
    session(&env, &["--phase", "react"]);
    let deadline = Instant::now() + Duration::from_secs(5);
    while view(&h, &ann)["phase"] != "react" {
        assert!(Instant::now() < deadline);
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(post(&format!("{}/api/reactions", h.url), &react).0, 201);
    assert_eq!(post(&format!("{}/api/reactions", h.url), &react).0, 200, "given already: nothing changes");
    let odd = json!({ "participant": anon, "item": benches, "reaction": "meh" });
    assert_eq!(post(&format!("{}/api/reactions", h.url), &odd).0, 400);
    let reply = json!({ "participant": ann, "item": benches, "text": "Yes, and cushions" });
    assert_eq!(post(&format!("{}/api/replies", h.url), &reply).0, 201);
    assert_eq!(
        post(&format!("{}/api/replies", h.url), &json!({ "participant": ann, "item": benches, "text": " " })).0,
        400
    );
    let v = view(&h, &anon);
    let card = v["items"].as_array().unwrap().iter().find(|i| i["id"] == benches.as_str()).unwrap().clone();
    assert_eq!(card["my_reactions"], json!(["build"]));
    assert_eq!(card["replies"][0]["text"], "Yes, and cushions");

    // Events: the view now, then again when it changes.
    let mut events = agent().get(&format!("{}/api/events?participant={anon}", h.url)).call().unwrap();
    assert_eq!(events.headers().get("content-type").unwrap(), "text/event-stream");
    let mut reader = BufReader::new(events.body_mut().as_reader());
    let mut first = String::new();
    while !first.contains("data:") {
        reader.read_line(&mut first).unwrap();
    }
    assert!(first.contains("event: board") && first.contains("Benches by the window"), "{first}");
    assert_eq!(get(&format!("{}/api/events?participant=nobody", h.url)).0, 404);
    // A reaction comes as what changed: that card alone, not the whole board again.
    let like = json!({ "participant": anon, "item": benches, "reaction": "like" });
    assert_eq!(post(&format!("{}/api/reactions", h.url), &like).0, 201);
    let mut next = String::new();
    while !next.contains("data:") {
        reader.read_line(&mut next).unwrap();
    }
    assert!(next.contains("event: changes"), "{next}");
    let data: Value = serde_json::from_str(next.split("data:").nth(1).unwrap().trim()).unwrap();
    assert_eq!(data["items"].as_array().unwrap().len(), 1, "{data}");
    assert_eq!(data["items"][0]["id"], benches.as_str());
    assert_eq!(data["items"][0]["my_reactions"], json!(["build", "like"]));
    assert_eq!(data["removed"], json!([]));
    assert_eq!(data["title"], "Live café", "with the board's other fields");
    let whole = view(&h, &anon);
    assert!(whole["generation"].as_u64() >= data["generation"].as_u64(), "{whole}");

    let text = on_disk(&h.board, Duration::from_secs(3), |t| t.contains("Yes, and cushions"));
    assert!(text.contains("Benches by the window") && text.contains("Stay as long as you like"));
}

#[test]
fn a_crowd_of_sixty_adds_nine_hundred_ideas_and_all_are_on_disk() {
    let env = Env::new();
    live_board(&env);
    let h = host(&env, "live");
    let people: Vec<String> = (0..60).map(|n| join(&h, Some(&format!("P{n}")))).collect();
    let started = Instant::now();
    std::thread::scope(|s| {
        for (n, p) in people.iter().enumerate() {
            let h = &h;
            s.spawn(move || {
                for k in 0..15 {
                    let (status, answer) = idea(h, p, &format!("idea {n}-{k}"), false);
                    assert_eq!(status, 201, "{answer}");
                }
            });
        }
    });
    let answered = started.elapsed();
    let text = on_disk(&h.board, Duration::from_secs(10), |t| t.matches("text: \"idea ").count() == 900);
    assert!(text.contains("idea 59-14"));
    eprintln!("900 ideas answered in {answered:?}, all on disk after {:?}", started.elapsed());
    moodboard::storage::load(&h.board).unwrap();
}

#[test]
fn a_flood_is_slowed_while_everyone_else_gets_through() {
    let env = Env::new();
    live_board(&env);
    let h = host(&env, "live");
    let flooder = join(&h, Some("Flood"));
    let other = join(&h, Some("Calm"));
    let statuses: Vec<u16> = (0..150).map(|k| idea(&h, &flooder, &format!("spam {k}"), false).0).collect();
    assert!(statuses.contains(&429), "the flood meets the limit");
    assert!(statuses.iter().take(20).all(|s| *s == 201), "a person typing never does");
    assert_eq!(idea(&h, &other, "a real idea", false).0, 201, "others still get through");
    let r = agent().get(&format!("{}/api/board?participant={flooder}", h.url)).call().unwrap();
    if r.status().as_u16() == 429 {
        assert_eq!(r.headers().get("retry-after").unwrap(), "1");
    }
}

#[test]
fn private_collect_hides_others_ideas_until_the_step_changes() {
    let env = Env::new();
    live_board(&env);
    session(&env, &["--phase", "collect", "--private", "on"]);
    let h = host(&env, "live");
    let ann = join(&h, Some("Ann"));
    let bob = join(&h, Some("Bob"));
    assert_eq!(idea(&h, &ann, "Ann's idea", false).0, 201);
    assert_eq!(idea(&h, &bob, "Bob's idea", true).0, 201);
    let a = view(&h, &ann);
    assert_eq!(a["private"], true);
    let seen = texts(&a);
    assert!(seen.contains(&"Ann's idea".to_owned()) && seen.contains(&"Seed: long tables".to_owned()), "{seen:?}");
    assert!(!seen.contains(&"Bob's idea".to_owned()), "{seen:?}");
    assert_eq!(a["hidden"], 1);
    assert!(a["items"].as_array().unwrap().iter().all(|i| i["text"] != "Bob's idea"));
    session(&env, &["--phase", "cluster"]);
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let seen = texts(&view(&h, &ann));
        if seen.contains(&"Bob's idea".to_owned()) {
            break;
        }
        assert!(Instant::now() < deadline, "all turn over once collecting is done: {seen:?}");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(view(&h, &bob)["private"], false);
}

#[test]
fn an_anonymous_idea_carries_no_name_anywhere() {
    let env = Env::new();
    live_board(&env);
    session(&env, &["--phase", "collect"]);
    let h = host(&env, "live");
    let p = join(&h, Some("Zebediah"));
    assert_eq!(idea(&h, &p, "An anonymous thought", true).0, 201);
    session(&env, &["--phase", "vote"]);
    std::thread::sleep(Duration::from_millis(600));
    let id = item_id(&view(&h, &p), "An anonymous thought");
    assert_eq!(post(&format!("{}/api/dots", h.url), &json!({ "participant": p, "item": id })).0, 201);
    let text =
        on_disk(&h.board, Duration::from_secs(3), |t| t.contains("An anonymous thought") && t.contains("votes: [\n"));
    assert!(!text.contains("Zebediah"), "the name given at join is not in the file:\n{text}");
    let v = view(&h, &p);
    let mine = v["items"].as_array().unwrap().iter().find(|i| i["text"] == "An anonymous thought").unwrap().clone();
    assert_eq!(mine["mine"], true, "its owner still knows it as theirs");
    assert_eq!(mine["contributor"], "");

    // Posted under the name, the name is written.
    session(&env, &["--phase", "collect"]);
    std::thread::sleep(Duration::from_millis(600));
    assert_eq!(idea(&h, &p, "A signed thought", false).0, 201);
    on_disk(&h.board, Duration::from_secs(3), |t| t.contains("Zebediah"));
}

#[cfg(unix)]
#[test]
fn sigterm_saves_everything_and_exits_cleanly() {
    let env = Env::new();
    live_board(&env);
    let mut h = host(&env, "live");
    let p = join(&h, Some("Ann"));
    for k in 0..40 {
        assert_eq!(idea(&h, &p, &format!("last minute {k}"), false).0, 201);
    }
    // A phone keeps its page open: the event stream does not keep the server up.
    let _page = open_page(&h.url, &p);
    // At once, before the writer's next round.
    let asked = Instant::now();
    unsafe { libc::kill(h.child.id() as i32, libc::SIGTERM) };
    let status = loop {
        if let Some(status) = h.child.try_wait().unwrap() {
            break status;
        }
        assert!(asked.elapsed() < Duration::from_secs(2), "ended within 2 s of SIGTERM with a stream open");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "{status:?}");
    let mut err = String::new();
    h.child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    assert!(err.contains("everything is saved"), "{err}");
    let text = std::fs::read_to_string(&h.board).unwrap();
    assert_eq!(text.matches("text: \"last minute ").count(), 40);
    assert!(!text.contains(".tmp"));
}

/// Phones see the board's pictures (issue 27): each card's picture, phone-sized, only
/// for a card the participant may see, and a colour as its swatch.
#[test]
fn phones_get_the_pictures_of_the_cards_they_may_see_small() {
    let env = Env::new();
    live_board(&env);
    let mut photo = std::io::Cursor::new(Vec::new());
    image::RgbImage::from_fn(2400, 1600, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, 90]))
        .write_to(&mut photo, image::ImageFormat::Png)
        .unwrap();
    std::fs::write(env.path("tiles.png"), photo.get_ref()).unwrap();
    env.ok(&["add", "live", "--image", "tiles.png"]);
    env.ok(&["add", "live", "--color", "#e4b363"]);
    session(&env, &["--phase", "collect", "--private", "on"]);
    let h = host(&env, "live");
    let ann = join(&h, Some("Ann"));
    let bob = join(&h, Some("Bob"));
    let v = view(&h, &ann);
    let items = v["items"].as_array().unwrap();
    let tiles = items.iter().find(|i| i["kind"] == "image").expect("the facilitator's picture");
    let name = tiles["picture"].as_str().expect("a picture name").to_owned();
    let swatch = items.iter().find(|i| i["kind"] == "colour").unwrap();
    assert_eq!(swatch["swatch"], "#E4B363");
    let fetch = |p: &str, name: &str| {
        let mut r = agent().get(&format!("{}/api/pictures/{name}?participant={p}", h.url)).call().unwrap();
        let status = r.status().as_u16();
        let kind = r.headers().get("content-type").map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
        let cache = r.headers().get("cache-control").map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
        (status, kind, cache, r.body_mut().read_to_vec().unwrap())
    };
    let (status, kind, cache, bytes) = fetch(&ann, &name);
    assert_eq!((status, kind.as_str()), (200, "image/jpeg"));
    assert!(cache.contains("immutable"), "{cache}");
    let small = image::load_from_memory(&bytes).unwrap();
    assert_eq!((small.width(), small.height()), (480, 320), "phone-sized, never the original");
    assert!(bytes.len() < 100_000, "a few dozen KB: {} bytes", bytes.len());
    // A photo Bob sends in private collect is his until the step changes.
    let mut png = std::io::Cursor::new(Vec::new());
    image::RgbImage::from_pixel(40, 30, image::Rgb([10, 200, 10])).write_to(&mut png, image::ImageFormat::Png).unwrap();
    let mut r = agent()
        .post(&format!("{}/api/images?participant={bob}", h.url))
        .header("Content-Type", "image/png")
        .send(png.get_ref().clone())
        .unwrap();
    assert_eq!(r.status().as_u16(), 201, "{}", r.body_mut().read_to_string().unwrap_or_default());
    let bobs = view(&h, &bob)["items"].as_array().unwrap().iter().find(|i| i["mine"] == true).unwrap()["picture"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(fetch(&bob, &bobs).0, 200);
    assert_eq!(fetch(&ann, &bobs).0, 404, "not Ann's to see yet");
    assert_eq!(fetch("nobody", &name).0, 404);
    assert_eq!(fetch(&ann, "../live.moodboard.ron").0, 404);
    assert_eq!(fetch(&ann, &format!("{}.png", "0".repeat(64))).0, 404);
}

/// A phone's photo is stored without where it was taken or with what (issue 27): its
/// EXIF, XMP and comments are gone, which way up it is stays.
#[test]
fn a_phones_photo_keeps_no_location_or_camera() {
    let env = Env::new();
    live_board(&env);
    let h = host(&env, "live");
    let ann = join(&h, Some("Ann"));
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90)
        .encode_image(&image::RgbImage::from_fn(64, 32, |x, _| image::Rgb([(x * 4) as u8, 80, 160])))
        .unwrap();
    let turned = moodboard::media::preview::with_camera_exif(&jpeg, 6, None).unwrap();
    let segment = |marker: u8, payload: &[u8]| {
        let mut s = vec![0xFF, marker];
        s.extend_from_slice(&u16::try_from(payload.len() + 2).unwrap().to_be_bytes());
        s.extend_from_slice(payload);
        s
    };
    let mut photo = turned[..2].to_vec();
    photo.extend(segment(0xE1, b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>GPSLatitude 52.37 SecretCam</x:xmpmeta>"));
    photo.extend(segment(0xFE, b"taken at Main Street 1"));
    photo.extend_from_slice(&turned[2..]);
    let mut r = agent()
        .post(&format!("{}/api/images?participant={ann}", h.url))
        .header("Content-Type", "image/jpeg")
        .send(photo)
        .unwrap();
    assert_eq!(r.status().as_u16(), 201, "{}", r.body_mut().read_to_string().unwrap_or_default());
    let stored: Vec<_> = std::fs::read_dir(env.path("live.assets")).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(stored.len(), 1, "{stored:?}");
    let bytes = std::fs::read(&stored[0]).unwrap();
    for secret in ["GPSLatitude", "SecretCam", "Main Street"] {
        assert!(!bytes.windows(secret.len()).any(|w| w == secret.as_bytes()), "{secret} was kept");
    }
    let upright = moodboard::media::decode(&bytes).unwrap();
    assert_eq!((upright.width(), upright.height()), (32, 64), "still turned the right way");
}

/// A hundred unsorted ideas from phones gather in one block in reading order, never a
/// long row, and the board stays readable zoomed to fit (issue 27).
#[test]
fn a_hundred_ideas_from_phones_land_in_one_tidy_block() {
    let env = Env::new();
    live_board(&env);
    let h = host(&env, "live");
    let people: Vec<String> = (0..3).map(|i| join(&h, Some(&format!("P{i}")))).collect();
    for n in 0..100 {
        let text =
            if n % 7 == 0 { format!("Idea {n}: {}", "a longer thought ".repeat(12)) } else { format!("Idea {n}") };
        assert_eq!(idea(&h, &people[n % 3], &text, false).0, 201);
    }
    let text = on_disk(&h.board, Duration::from_secs(10), |t| t.matches("text: \"Idea ").count() == 100);
    assert!(!text.is_empty());
    let board = moodboard::storage::load(&h.board).unwrap().board;
    let arrived: Vec<_> = board.items.iter().filter(|i| moodboard::model::is_joined(i)).collect();
    assert_eq!(arrived.len(), 100);
    let rects: Vec<_> = arrived.iter().map(|i| moodboard::model::BoardRect::from_pos_size(i.pos, i.size)).collect();
    let (min_x, max_x) = rects.iter().fold((f32::MAX, f32::MIN), |(a, b), r| (a.min(r.min.x), b.max(r.max.x)));
    let (min_y, max_y) = rects.iter().fold((f32::MAX, f32::MIN), |(a, b), r| (a.min(r.min.y), b.max(r.max.y)));
    let (w, h_) = (max_x - min_x, max_y - min_y);
    assert!(w <= 8.0 * 330.0, "eight columns at most, not a row: {w} × {h_}");
    assert!(h_ < 3.0 * w, "a block, not a column: {w} × {h_}");
    for (i, a) in rects.iter().enumerate() {
        for b in &rects[i + 1..] {
            assert!(!a.intersects(*b), "no card on another: {a:?} {b:?}");
        }
    }
    // Reading order: each idea no higher than the row of the one before it, bar a row.
    let order: Vec<f32> = (0..100)
        .map(|n| arrived.iter().find(|i| i.kind.texts()[0].starts_with(&format!("Idea {n}"))).unwrap().pos.y)
        .collect();
    assert!(order.windows(2).all(|p| p[1] + 400.0 >= p[0]), "{order:?}");
    // Zoomed to fit in a 1600 × 900 window, a card is still at least 40 % of its size.
    let (bx, by) =
        board.items.iter().fold((0.0_f32, 0.0_f32), |(x, y), i| (x.max(i.pos.x + i.size.w), y.max(i.pos.y + i.size.h)));
    let (lx, ly) = board.items.iter().fold((f32::MAX, f32::MAX), |(x, y), i| (x.min(i.pos.x), y.min(i.pos.y)));
    let fit = (1600.0 / (bx - lx)).min(900.0 / (by - ly));
    assert!(fit >= 0.35, "fit zoom {fit} for a board {} × {}", bx - lx, by - ly);
}

/// A sketch from a phone passes the bounds of a sketch or is refused, saying which bound
/// it broke; the board is never changed by a refused one, and a good one is on disk.
#[test]
fn a_sketch_from_a_phone_is_checked_against_every_bound() {
    let env = Env::new();
    live_board(&env);
    session(&env, &["--phase", "collect"]);
    let h = host(&env, "live");
    let ann = join(&h, Some("Ann"));
    let url = format!("{}/api/sketches?participant={ann}", h.url);
    let stroke = |points: Value| json!({ "colour": "#00798C", "width": 7, "pressure": false, "points": points });
    let sketch = |strokes: Value| json!({ "area": { "w": 480, "h": 360 }, "strokes": strokes });
    let refused = |body: Value, says: &str| {
        let (status, answer) = post(&url, &body);
        assert_eq!(status, 400, "{body:.200}: {answer}");
        let error = answer["error"].as_str().unwrap_or_default();
        assert!(error.contains(says), "{says:?} in {error:?}");
    };
    refused(sketch(json!([])), "at least one stroke");
    refused(sketch(json!([stroke(json!([[10, 10, 0.5], [900, 10, 0.5]]))])), "stroke 1, point 2");
    refused(sketch(json!([stroke(json!([[10, 10, 7.0]]))])), "pressure");
    refused(sketch(json!([stroke(json!([[1e39, 10, 0.5]]))])), "stroke 1, point 1");
    refused(
        sketch(json!([{ "colour": "javascript:alert(1)", "width": 7, "pressure": false, "points": [[1, 1, 0.5]] }])),
        "colour",
    );
    refused(
        sketch(json!([{ "colour": "#000000", "width": 1e9, "pressure": false, "points": [[1, 1, 0.5]] }])),
        "width",
    );
    let long: Vec<Value> = (0..2001).map(|i| json!([f64::from(i % 400), 10, 0.5])).collect();
    refused(sketch(json!([stroke(Value::Array(long))])), "2001 points");
    refused(json!({ "area": { "w": -1, "h": 360 }, "strokes": [stroke(json!([[1, 1, 0.5]]))] }), "area");
    refused(json!({ "strokes": "not strokes" }), "bad request");
    // A body said to be past 2.5 MB is refused before a byte of it is read.
    let rest = h.url.strip_prefix("http://").unwrap();
    let (addr, path) = rest.split_at(rest.find('/').unwrap());
    let mut raw = std::net::TcpStream::connect(addr).unwrap();
    let head = format!(
        "POST {path}/api/sketches?participant={ann} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: 3000000\r\n\r\n"
    );
    std::io::Write::write_all(&mut raw, head.as_bytes()).unwrap();
    raw.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let mut answer = [0u8; 12];
    raw.read_exact(&mut answer).unwrap();
    assert_eq!(&answer, b"HTTP/1.1 413", "{}", String::from_utf8_lossy(&answer));
    // An unknown participant gets nothing in.
    let nobody = format!("{}/api/sketches?participant=nobody", h.url);
    assert_eq!(post(&nobody, &sketch(json!([stroke(json!([[1, 1, 0.5]]))]))).0, 404);
    let before = view(&h, &ann)["items"].as_array().unwrap().len();

    let (status, answer) =
        post(&url, &sketch(json!([stroke(json!([[10, 10, 0.5], [200, 120, 0.5], [400, 300, 0.5]]))])));
    assert_eq!(status, 201, "{answer}");
    assert_eq!(view(&h, &ann)["items"].as_array().unwrap().len(), before + 1);
    let text = on_disk(&h.board, Duration::from_secs(10), |t| t.contains("Sketch("));
    assert!(text.contains("colour: \"#00798C\"") && text.contains("contributor: \"Ann\""), "{text}");
}
