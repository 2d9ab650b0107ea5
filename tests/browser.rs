//! The join page in a real browser: headless Chromium driven through chromedriver (the
//! Debian packages `.ci/run` installs) joins, adds an idea through the page's own text
//! area and button, and the idea is in the board; a posted `<img onerror>` stays text;
//! the board's picture loads phone-sized. Two phones, one Dutch and one English, go
//! through every state the page has, to the session's end.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{ClientBuilder, Locator};

mod common;
mod hosting;
use common::Env;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn chromedriver() -> (Driver, u16) {
    assert!(
        std::path::Path::new(CHROMIUM).exists() && std::path::Path::new(CHROMEDRIVER).exists(),
        "this test needs Chromium and chromedriver (apt-get install chromium chromium-driver; .ci/run does)"
    );
    let port = free_port();
    let child = Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "chromedriver did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    (Driver(child), port)
}

/// A headless Chromium session with its own profile, as a phone of 420 × 900, whose
/// language is `lang` (its `Accept-Language`).
async fn phone(port: u16, profile: &std::path::Path, lang: &str) -> fantoccini::Client {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": CHROMIUM,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=420,900", format!("--user-data-dir={}", profile.display()), format!("--lang={lang}"),
            ],
            "prefs": { "intl.accept_languages": lang },
        }),
    );
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("a Chromium session")
}

/// Waits until `script` (returning a string) gives something `ok` accepts.
async fn until(client: &fantoccini::Client, script: &str, what: &str, ok: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let got = client.execute(script, vec![]).await.unwrap();
        let got = got.as_str().unwrap_or_default().to_owned();
        if ok(&got) {
            return got;
        }
        if Instant::now() > deadline {
            let page = client.execute("return document.body.innerText;", vec![]).await.unwrap();
            panic!("{what}: got {got:?}; the page says: {page}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Two phones, one Dutch and one English (issue 27): each page speaks its browser's
/// language, counts right, refuses a dot it has no room for visibly, shows a locked
/// card and a locked frame locked (and does not offer the locked theme for new ideas),
/// shows the themes as sections, and says the session ended when the facilitator stops
/// inviting.
#[test]
fn phones_in_dutch_and_english_see_every_state() {
    let env = Env::new();
    env.ok(&["new", "live", "--title", "Live café", "--goal", "Mornings people stay for"]);
    env.ok(&["add", "live", "--note", "Long tables", "--theme", "Space"]);
    env.ok(&["add", "live", "--note", "Fixed by the facilitator"]);
    env.ok(&["add", "live", "--note", "Our brief", "--theme", "Brief"]);
    let path = env.path("live.moodboard.ron");
    let mut board = moodboard::storage::load(&path).unwrap().board;
    board.items.iter_mut().find(|i| i.kind.texts().contains(&"Fixed by the facilitator")).unwrap().locked = true;
    board.themes.iter_mut().find(|t| t.name == "Brief").unwrap().locked = true;
    moodboard::storage::save(&path, &board).unwrap();
    env.ok(&["session", "live", "--phase", "collect"]);
    let mut h = hosting::host(&env, "live");
    let (_driver, port) = chromedriver();

    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let nl = phone(port, &env.path("nl-profile"), "nl-NL,nl").await;
        let en = phone(port, &env.path("en-profile"), "en-GB,en").await;
        for (client, join, joined) in [(&nl, "Meedoen", "Jouw idee"), (&en, "Join", "Your idea")] {
            client.goto(&h.url).await.unwrap();
            let button = until(client, "return document.getElementById('join-button').textContent;", "the join button", |t| !t.is_empty()).await;
            assert_eq!(button, join);
            client.find(Locator::Css("#join-button")).await.unwrap().click().await.unwrap();
            until(client, "return document.getElementById('add-heading').textContent;", "joined", |t| t == joined).await;
            until(client, "return document.getElementById('board-title').textContent;", "the board", |t| t == "Live café").await;
        }
        // The Dutch phone adds an idea in a theme; the English one sees it.
        until(&nl, "return document.getElementById('status').textContent;", "the step", |t| t.starts_with("Stap: Verzamelen")).await;
        nl.find(Locator::Css("#text")).await.unwrap().send_keys("Koffie aan de bar").await.unwrap();
        nl.execute("const s = document.getElementById('theme'); s.value = s.options[1].value;", vec![]).await.unwrap();
        nl.find(Locator::Css("#add-button")).await.unwrap().click().await.unwrap();
        until(&nl, "return document.getElementById('message').textContent;", "added", |t| t == "Toegevoegd. Volgende?").await;
        until(&en, "return document.getElementById('ideas').innerText;", "the Dutch idea", |t| t.contains("Koffie aan de bar")).await;
        // A locked card shows it, in each language.
        until(&en, "return document.getElementById('ideas').innerText;", "locked", |t| t.contains("Locked by the facilitator")).await;
        until(&nl, "return document.getElementById('ideas').innerText;", "vastgezet", |t| t.contains("Vastgezet door de facilitator")).await;
        // The themes are sections; the locked frame's heading says so, its card is locked,
        // and its theme is shown but not offered for a new idea.
        for (client, locked) in [(&en, "Brief (🔒 locked)"), (&nl, "Brief (🔒 vastgezet)")] {
            let sections = client
                .execute("return Array.from(document.querySelectorAll('#ideas li.theme')).map(h => h.textContent);", vec![])
                .await
                .unwrap();
            let sections: Vec<String> = serde_json::from_value(sections).unwrap();
            assert!(sections.contains(&"Space".to_owned()) && sections.contains(&locked.to_owned()), "{sections:?}");
            let option = client
                .execute("return Array.from(document.getElementById('theme').options).filter(o => o.disabled).map(o => o.textContent);", vec![])
                .await
                .unwrap();
            assert_eq!(option, serde_json::json!([locked]), "the locked theme is shown, not offered");
            let brief = client
                .execute("const li = Array.from(document.querySelectorAll('#ideas li')).find(l => l.textContent.startsWith('Our brief')); return li.querySelector('.meta').textContent;", vec![])
                .await
                .unwrap();
            assert!(brief.as_str().unwrap().starts_with("🔒"), "a card in a locked frame shows it: {brief}");
        }

        // Voting with one dot: after it, giving another is refused on the page, with why.
        env.ok(&["session", "live", "--phase", "vote", "--dots", "1"]);
        until(&nl, "return document.getElementById('dots-left').textContent;", "one dot", |t| t.starts_with("nog 1 stip")).await;
        until(&en, "return document.getElementById('dots-left').textContent;", "one dot", |t| t.starts_with("1 dot left")).await;
        nl.find(Locator::Css("#ideas li .actions button")).await.unwrap().click().await.unwrap();
        let why = until(&nl, "return document.getElementById('dots-left').textContent;", "no dots", |t| t.starts_with("Geen stippen")).await;
        let disabled = nl
            .execute("return Array.from(document.querySelectorAll('#ideas li .actions button')).filter(b => b.textContent.startsWith('● Geef')).every(b => b.disabled && b.title.length > 0);", vec![])
            .await
            .unwrap();
        assert_eq!(disabled, serde_json::Value::Bool(true), "Give a dot is disabled, saying why: {why}");

        // Stop inviting: both pages say the session ended, and keep what they showed.
        unsafe { libc::kill(h.child.id() as i32, libc::SIGTERM) };
        assert!(h.child.wait().unwrap().success());
        until(&nl, "return document.getElementById('message').textContent;", "ended", |t| t.starts_with("De sessie is afgelopen")).await;
        until(&en, "return document.getElementById('message').textContent;", "ended", |t| t.starts_with("The session has ended")).await;
        let kept = en.execute("return document.getElementById('ideas').innerText;", vec![]).await.unwrap();
        assert!(kept.as_str().unwrap().contains("Koffie aan de bar"), "{kept}");
        if let Ok(png) = nl.screenshot().await {
            let _ = std::fs::write(std::env::temp_dir().join("moodboard-join-page-nl.png"), png);
        }
        nl.close().await.unwrap();
        en.close().await.unwrap();
    });
}

#[test]
fn a_phone_adds_an_idea_through_the_join_page_and_markup_stays_text() {
    let env = Env::new();
    env.ok(&["new", "live", "--title", "Live café", "--goal", "Mornings people stay for"]);
    let mut photo = std::io::Cursor::new(Vec::new());
    image::RgbImage::from_fn(1600, 1200, |x, y| image::Rgb([(x / 7) as u8, (y / 5) as u8, 120]))
        .write_to(&mut photo, image::ImageFormat::Png)
        .unwrap();
    std::fs::write(env.path("tiles.png"), photo.get_ref()).unwrap();
    env.ok(&["add", "live", "--image", "tiles.png"]);
    env.ok(&["session", "live", "--phase", "collect"]);
    let h = hosting::host(&env, "live");
    let (_driver, port) = chromedriver();
    let profile = env.path("chromium-profile");

    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let client = phone(port, &profile, "en").await;
        client.goto(&h.url).await.unwrap();
        assert_eq!(client.find(Locator::Css("#board-title")).await.unwrap().text().await.unwrap(), "Moodboard");
        client.find(Locator::Css("#name")).await.unwrap().send_keys("Ann").await.unwrap();
        client.find(Locator::Css("#join-button")).await.unwrap().click().await.unwrap();
        let text = client.find(Locator::Css("#text")).await.unwrap();
        let deadline = Instant::now() + Duration::from_secs(20);
        while client.find(Locator::Css("#board-title")).await.unwrap().text().await.unwrap() != "Live café" {
            if Instant::now() > deadline {
                let _ = std::fs::write("/tmp/join-page-failed.png", client.screenshot().await.unwrap_or_default());
                let log = client.execute("return document.body.innerText;", vec![]).await.unwrap();
                panic!("the page did not show the board after joining: {log}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let goal = client.find(Locator::Css("#goals li")).await.unwrap().text().await.unwrap();
        assert_eq!(goal, "Mornings people stay for");

        text.send_keys("Benches by the window").await.unwrap();
        client.find(Locator::Css("#add-button")).await.unwrap().click().await.unwrap();
        let hostile = "<img src=x onerror=\"document.title='pwned';window.pwned=1\">";
        client.find(Locator::Css("#text")).await.unwrap().send_keys(hostile).await.unwrap();
        client.find(Locator::Css("#add-button")).await.unwrap().click().await.unwrap();

        // Both come back in the list, as text.
        let deadline = Instant::now() + Duration::from_secs(20);
        while client.find_all(Locator::Css("#ideas li")).await.unwrap().len() != 3 {
            let log = client.execute("return document.body.innerText;", vec![]).await.unwrap();
            assert!(Instant::now() < deadline, "both ideas come back in the list: {log}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        // Read in one script: the page may redraw the list between finding an item and
        // reading it (a stale element).
        let texts = "return Array.from(document.querySelectorAll('#ideas li')).map(li => li.innerText);";
        let shown: Vec<String> = match client.execute(texts, vec![]).await.unwrap() {
            serde_json::Value::Array(items) => items.iter().filter_map(|t| t.as_str().map(str::to_owned)).collect(),
            other => panic!("the list's texts: {other:?}"),
        };
        assert!(shown.iter().any(|t| t.contains("Benches by the window")), "{shown:?}");
        assert!(shown.iter().any(|t| t.contains(hostile)), "the markup is shown as the words it is: {shown:?}");
        // The board's picture is on the page, loaded, phone-sized; the markup made no element.
        let pictures = "return Array.from(document.querySelectorAll('#ideas img')).map(i => [i.className, i.complete, i.naturalWidth, i.naturalHeight]);";
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let seen = client.execute(pictures, vec![]).await.unwrap();
            if seen == serde_json::json!([["picture", true, 480, 360]]) {
                break;
            }
            assert!(Instant::now() < deadline, "one picture, loaded at 480 × 360: {seen}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let pwned =
            client.execute("return window.pwned === undefined && document.title !== 'pwned';", vec![]).await.unwrap();
        assert_eq!(pwned, serde_json::Value::Bool(true), "no script ran");
        if let Ok(png) = client.screenshot().await {
            // For people to look at (not a test result): the page as a phone shows it.
            let _ = std::fs::write(std::env::temp_dir().join("moodboard-join-page.png"), png);
        }
        client.close().await.unwrap();
    });

    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let text = std::fs::read_to_string(&h.board).unwrap();
        if text.contains("Benches by the window") && text.contains("onerror") {
            assert!(text.contains("contributor: \"Ann\""), "posted under the name given");
            break;
        }
        assert!(Instant::now() < deadline, "the ideas are in the board:\n{text}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A participant draws with a finger on the join page (touch events through WebDriver):
/// two strokes, one taken back, another in a second ink; *Send sketch* puts the sketch
/// on the board with the strokes as drawn, under the name given.
#[test]
fn a_phone_draws_a_sketch_with_a_finger_and_it_arrives_on_the_board() {
    use fantoccini::actions::{InputSource, MOUSE_BUTTON_LEFT, PointerAction, TouchActions};
    let env = Env::new();
    env.ok(&["new", "live", "--title", "Live café", "--goal", "Mornings people stay for"]);
    env.ok(&["session", "live", "--phase", "collect"]);
    let h = hosting::host(&env, "live");
    let (_driver, port) = chromedriver();
    let profile = env.path("chromium-profile");

    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let client = phone(port, &profile, "en").await;
        client.goto(&h.url).await.unwrap();
        client.find(Locator::Css("#name")).await.unwrap().send_keys("Bo").await.unwrap();
        client.find(Locator::Css("#join-button")).await.unwrap().click().await.unwrap();
        until(&client, "return document.getElementById('board-title').textContent;", "the board", |t| t == "Live café")
            .await;
        client.find(Locator::Css("#sketch-open")).await.unwrap().click().await.unwrap();
        // A finger across the paper, relative to its middle.
        let stroke = |paper: fantoccini::elements::Element, id: &str, from: (f64, f64), to: (f64, f64)| {
            let mut touch = TouchActions::new(id.into()).then(PointerAction::MoveToElement {
                element: paper.clone(),
                duration: None,
                x: from.0,
                y: from.1,
            });
            touch = touch.then(PointerAction::Down { button: MOUSE_BUTTON_LEFT });
            for step in 1..=12 {
                let t = f64::from(step) / 12.0;
                touch = touch.then(PointerAction::MoveToElement {
                    element: paper.clone(),
                    duration: Some(Duration::from_millis(15)),
                    x: from.0 + (to.0 - from.0) * t,
                    y: from.1 + (to.1 - from.1) * t + (t * std::f64::consts::PI).sin() * 20.0,
                });
            }
            touch.then(PointerAction::Up { button: MOUSE_BUTTON_LEFT })
        };
        let paper = client.find(Locator::Css("#sketch-paper")).await.unwrap();
        client.perform_actions(stroke(paper, "finger-1", (-150.0, -60.0), (150.0, -60.0))).await.unwrap();
        let paper = client.find(Locator::Css("#sketch-paper")).await.unwrap();
        client.perform_actions(stroke(paper, "finger-2", (-150.0, 0.0), (150.0, 0.0))).await.unwrap();
        let undo = client.find(Locator::Css("#sketch-undo")).await.unwrap();
        undo.click().await.unwrap();
        client.find(Locator::Css(".ink[aria-label='Ink 2']")).await.unwrap().click().await.unwrap();
        let paper = client.find(Locator::Css("#sketch-paper")).await.unwrap();
        client.perform_actions(stroke(paper, "finger-3", (-100.0, 60.0), (100.0, 80.0))).await.unwrap();
        if let Ok(png) = client.screenshot().await {
            // For people to look at (not a test result): the sketch as the phone drew it.
            let _ = std::fs::write(std::env::temp_dir().join("moodboard-join-sketch.png"), png);
        }
        client.find(Locator::Css("#sketch-send")).await.unwrap().click().await.unwrap();
        until(&client, "return document.getElementById('message').textContent;", "the page says it was sent", |t| {
            t == "Sketch added."
        })
        .await;
        client.close().await.unwrap();
    });

    // It arrives on the board: two strokes, as drawn, in their inks, by Bo.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let board = moodboard::storage::load(&h.board).unwrap().board;
        let sketch = board.items.iter().find_map(|i| match &i.kind {
            moodboard::model::ItemKind::Sketch(s) => Some((i.contributor.clone(), s.clone())),
            _ => None,
        });
        if let Some((by, sketch)) = sketch {
            assert_eq!(by, "Bo");
            assert_eq!(sketch.strokes.len(), 2, "the stroke taken back is not sent: {:?}", sketch.strokes);
            assert_eq!(sketch.strokes[0].colour, "#262626");
            assert_eq!(sketch.strokes[1].colour, "#D1495B");
            assert!(sketch.strokes.iter().all(|s| s.pressure), "a finger's strokes carry its pressure");
            let first = &sketch.strokes[0].points;
            assert!(first.len() >= 6, "the finger's path, point by point: {first:?}");
            let (min_x, max_x) = first.iter().fold((f32::MAX, f32::MIN), |(a, b), p| (a.min(p[0]), b.max(p[0])));
            assert!(max_x - min_x > 200.0, "across most of the 480-wide paper: {min_x}..{max_x}");
            assert!(sketch.check().is_ok());
            break;
        }
        assert!(Instant::now() < deadline, "the sketch is on the board");
        std::thread::sleep(Duration::from_millis(100));
    }
}
