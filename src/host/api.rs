//! The join API's routes (the contract is docs/JOIN.md). Every request is hostile: the
//! token is compared in constant time and anything under another is 404, bodies are
//! capped and parsed by hand into typed values (a wrong field is 400, saying which),
//! texts are length-capped, and rate limits answer 429 per participant and per address.
//! Nothing but the page itself and this API is ever served.

// A refusal is the HTTP response itself, as axum handlers answer; it is built once per
// refused request, never on a hot path.
#![allow(clippy::result_large_err)]

use std::collections::HashSet;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Path, Query, State as Shared};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use serde_json::json;

use super::state::{
    ADDRESS_BURST, ADDRESS_PER_SEC, Bucket, JOIN_BURST, JOIN_PER_SEC, JOINED_TAG, PHONE_MAX_PIXELS, Participant, State,
};
use super::views::{BoardView, Common, Sent};
use crate::model::kinds::{FieldType, Fields};
use crate::model::operations::{self, Contributor, NewIdea};
use crate::model::{Board, Edit, Item, ItemId, ItemKind, KindTag, Phase, Reaction, Timestamp, rules};

/// Least time between two makings of the view every participant shares.
const BUILD_GAP: Duration = Duration::from_millis(40);

/// Least time between two events on one page's stream.
const EVENT_GAP: Duration = Duration::from_millis(100);

/// Largest JSON body, in bytes.
pub const MAX_JSON_BYTES: usize = 8 * 1024;
/// Largest photo from a phone, in bytes.
pub const MAX_IMAGE_BYTES: usize = 50 * 1_000_000;
/// The largest sketch a phone may send, as JSON: room for a sketch's 100,000 points.
pub const MAX_SKETCH_BYTES: usize = 2_500_000;

const PAGE: &str = include_str!("page.html");
const SCRIPT: &str = include_str!("page.js");
const STYLE: &str = include_str!("page.css");

/// What every answer carries: no caching, no sniffing, no framing, no referrer, and a
/// policy that lets the page load nothing but itself.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; \
                   connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

pub fn router(state: Arc<State>) -> Router {
    let api = Router::new()
        .route("/j/{token}", get(page))
        .route("/j/{token}/app.js", get(script))
        .route("/j/{token}/app.css", get(style))
        .route("/j/{token}/api/join", post(join))
        .route("/j/{token}/api/board", get(board))
        .route("/j/{token}/api/items", post(add_item))
        .route("/j/{token}/api/dots", post(give_dot))
        .route("/j/{token}/api/dots/remove", post(take_dot))
        .route("/j/{token}/api/reactions", post(react))
        .route("/j/{token}/api/replies", post(reply))
        .route("/j/{token}/api/events", get(events))
        .route("/j/{token}/api/pictures/{name}", get(picture))
        .layer(DefaultBodyLimit::max(MAX_JSON_BYTES));
    let images =
        Router::new().route("/j/{token}/api/images", post(add_image)).layer(DefaultBodyLimit::max(MAX_IMAGE_BYTES));
    let sketches =
        Router::new().route("/j/{token}/api/sketches", post(add_sketch)).layer(DefaultBodyLimit::max(MAX_SKETCH_BYTES));
    api.merge(images)
        .merge(sketches)
        .route_layer(axum::middleware::from_fn_with_state(state.clone(), token_first))
        .fallback(|| async { error(StatusCode::NOT_FOUND, "not found") })
        .layer(axum::middleware::map_response(secure))
        .with_state(state)
}

async fn secure(mut response: Response) -> Response {
    let h = response.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

fn error(status: StatusCode, message: impl Into<String>) -> Response {
    (status, axum::Json(json!({ "error": message.into() }))).into_response()
}

type Answer = Result<Response, Response>;

/// Every route's token, checked before its handler reads a byte of the body: a request
/// under any other token is answered 404 whatever it sends.
async fn token_first(
    Shared(state): Shared<Arc<State>>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let token = request.uri().path().strip_prefix("/j/").and_then(|rest| rest.split('/').next()).unwrap_or("");
    match check_token(&state, token) {
        Ok(()) => next.run(request).await,
        Err(refused) => refused,
    }
}

/// The token in constant time: anything else is 404, as if nothing were here.
fn check_token(state: &State, token: &str) -> Result<(), Response> {
    use subtle::ConstantTimeEq as _;
    let ok = token.len() == state.token.len() && bool::from(token.as_bytes().ct_eq(state.token.as_bytes()));
    if ok { Ok(()) } else { Err(error(StatusCode::NOT_FOUND, "not found")) }
}

fn too_many() -> Response {
    let mut r = error(StatusCode::TOO_MANY_REQUESTS, "too many requests; slow down a little");
    r.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    r
}

/// The address's own limit, for every request.
fn check_address(state: &State, addr: &SocketAddr) -> Result<(), Response> {
    let mut people = state.people.lock().unwrap_or_else(|e| e.into_inner());
    let bucket = people.addresses.entry(addr.ip()).or_insert_with(|| Bucket::new(ADDRESS_BURST, ADDRESS_PER_SEC));
    if bucket.take() { Ok(()) } else { Err(too_many()) }
}

/// Token, address limit, then the participant (404 if unknown) and their limit.
fn gate(state: &State, token: &str, addr: &SocketAddr, participant: &str) -> Result<(), Response> {
    check_token(state, token)?;
    check_address(state, addr)?;
    let mut people = state.people.lock().unwrap_or_else(|e| e.into_inner());
    let p =
        people.participants.get_mut(participant).ok_or_else(|| error(StatusCode::NOT_FOUND, "unknown participant"))?;
    p.seen = std::time::Instant::now();
    if p.bucket.take() { Ok(()) } else { Err(too_many()) }
}

fn board_full() -> Response {
    error(StatusCode::INSUFFICIENT_STORAGE, "the board is full: this session takes no more ideas")
}

/// Whether `ideas` more of `bytes` in all would fit the session's budget and the board's
/// file, or 507 saying the board is full.
fn room_for(state: &State, ideas: usize, bytes: u64) -> Result<(), Response> {
    if !state.people.lock().unwrap_or_else(|e| e.into_inner()).has_room_for(&state.limits, ideas, bytes) {
        return Err(board_full());
    }
    let b = state.board.lock().unwrap_or_else(|e| e.into_inner());
    if b.has_room_for(ideas) { Ok(()) } else { Err(board_full()) }
}

/// Takes one idea of `bytes` from the session's budget, if the board still has room.
fn spend(state: &State, bytes: u64) -> Result<(), Response> {
    room_for(state, 1, bytes)?;
    let mut people = state.people.lock().unwrap_or_else(|e| e.into_inner());
    if people.take_in(&state.limits, bytes) { Ok(()) } else { Err(board_full()) }
}

fn parse<T: serde::de::DeserializeOwned>(body: &Bytes) -> Result<T, Response> {
    serde_json::from_slice(body).map_err(|e| error(StatusCode::BAD_REQUEST, format!("bad request: {e}")))
}

/// A text field trimmed and within `max` characters, or 400 naming it.
fn capped(field: &str, text: &str, max: usize) -> Result<String, Response> {
    let text = text.trim();
    if text.chars().count() > max {
        return Err(error(StatusCode::BAD_REQUEST, format!("{field} is longer than {max} characters")));
    }
    Ok(text.to_owned())
}

fn item_id(raw: &str, board: &Board) -> Result<ItemId, Response> {
    ItemId::parse(raw)
        .ok()
        .filter(|id| board.item(id).is_some_and(|i| !crate::model::is_prompt(i)))
        .ok_or_else(|| error(StatusCode::NOT_FOUND, "unknown item"))
}

#[derive(Deserialize)]
struct PageQuery {
    #[serde(default)]
    lang: Option<String>,
}

async fn page(
    Shared(state): Shared<Arc<State>>,
    Path(token): Path<String>,
    Query(q): Query<PageQuery>,
    headers: HeaderMap,
) -> Answer {
    check_token(&state, &token)?;
    let accept = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
    let lang = super::words::language(q.lang.as_deref(), accept);
    // The token is ours (checked above: hex digits only), so it can go into the page; the
    // kinds of idea and the words go in as JSON data (never run), `<` escaped so no tag
    // can end early.
    let kinds = super::state::phone_kinds(lang);
    let data = serde_json::to_string(&kinds).unwrap_or_else(|_| "[]".into());
    let words = super::words::for_script(lang).to_string();
    let page = super::words::fill(PAGE, lang)
        .replace("{{LANG}}", lang.tag())
        .replace("{{SWITCH}}", &super::words::switch(lang))
        .replace("{{BASE}}", &format!("/j/{token}/"))
        .replace("{{KINDS}}", &data.replace('<', "\\u003c"))
        .replace("{{WORDS}}", &words.replace('<', "\\u003c"))
        .replace("{{KIND_CHOICES}}", &super::state::kind_choices(&kinds))
        .replace("{{FIELDS}}", &super::state::field_inputs(&kinds));
    let mut response = ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], page).into_response();
    response.headers_mut().insert(header::VARY, HeaderValue::from_static("Accept-Language"));
    response.headers_mut().insert(header::CONTENT_LANGUAGE, HeaderValue::from_static(lang.tag()));
    Ok(response)
}

async fn script(Shared(state): Shared<Arc<State>>, Path(token): Path<String>) -> Answer {
    check_token(&state, &token)?;
    Ok(([(header::CONTENT_TYPE, "text/javascript; charset=utf-8")], SCRIPT).into_response())
}

async fn style(Shared(state): Shared<Arc<State>>, Path(token): Path<String>) -> Answer {
    check_token(&state, &token)?;
    Ok(([(header::CONTENT_TYPE, "text/css; charset=utf-8")], STYLE).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JoinBody {
    #[serde(default)]
    name: String,
}

async fn join(
    Shared(state): Shared<Arc<State>>,
    Path(token): Path<String>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    body: Bytes,
) -> Answer {
    check_token(&state, &token)?;
    check_address(&state, &addr)?;
    let body: JoinBody =
        if body.iter().all(u8::is_ascii_whitespace) { JoinBody { name: String::new() } } else { parse(&body)? };
    let name = capped("name", &body.name, 60)?;
    let id = super::new_token();
    let mut people = state.people.lock().unwrap_or_else(|e| e.into_inner());
    let joins = people.joins.entry(addr.ip()).or_insert_with(|| Bucket::new(JOIN_BURST, JOIN_PER_SEC));
    if !joins.take() {
        return Err(too_many());
    }
    if people.participants.len() >= state.limits.participants {
        people.let_go(state.limits.place_kept);
    }
    if people.participants.len() >= state.limits.participants {
        return Err(error(StatusCode::TOO_MANY_REQUESTS, "this session is full"));
    }
    // Dots and reactions are written under a pseudonym: the name is only ever written
    // on what its owner posts under it (an idea not marked anonymous, a reply).
    let shown_as = format!("guest-{}", &id[..6]);
    people.participants.insert(id.clone(), Participant::new(name, shown_as));
    Ok((StatusCode::OK, axum::Json(json!({ "participant": id }))).into_response())
}

#[derive(Deserialize)]
struct Who {
    participant: String,
}

/// What every participant sees of the board: made by the first who asks after a change,
/// and shared (see [`super::views`]). Made at most every [`BUILD_GAP`]: in a burst of
/// ideas it may be a little behind the board (never behind `at_least`, the generation
/// of the asker's own last change), and an event stream that gets it so comes back for
/// the rest ([`events`]).
fn common(state: &State, at_least: u64) -> Arc<Common> {
    let b = state.board.lock().unwrap_or_else(|e| e.into_inner());
    let mut cache = state.common.lock().unwrap_or_else(|e| e.into_inner());
    match cache.as_ref() {
        Some(common)
            if common.generation == b.generation
                || (common.generation >= at_least && common.made.elapsed() < BUILD_GAP) =>
        {
            Arc::clone(common)
        }
        before => {
            let common = Arc::new(Common::new(&b.board, b.generation, before.map(|c| &**c)));
            *cache = Some(Arc::clone(&common));
            common
        }
    }
}

/// Who `participant` votes as, the ideas they added, and the generation of their last
/// change; `None` for no such participant.
fn watcher(state: &State, participant: &str) -> Option<(String, HashSet<ItemId>, u64)> {
    let people = state.people.lock().unwrap_or_else(|e| e.into_inner());
    people.participants.get(participant).map(|p| (p.shown_as.clone(), p.mine.clone(), p.wrote))
}

fn current_view(state: &State, participant: &str) -> Option<BoardView> {
    let (shown_as, mine, wrote) = watcher(state, participant)?;
    Some(common(state, wrote).view(&shown_as, &mine))
}

async fn board(
    Shared(state): Shared<Arc<State>>,
    Path(token): Path<String>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    Query(who): Query<Who>,
) -> Answer {
    gate(&state, &token, &addr, &who.participant)?;
    let view =
        current_view(&state, &who.participant).ok_or_else(|| error(StatusCode::NOT_FOUND, "unknown participant"))?;
    Ok(axum::Json(view).into_response())
}

/// Applies an accepted edit of `participant`'s to the board in memory and queues it for
/// the file.
fn accept(state: &State, edit: Edit, participant: &str) -> Result<Edit, Response> {
    let mut b = state.board.lock().unwrap_or_else(|e| e.into_inner());
    let mut clock = crate::model::Stamper::now(&b.board, "live session");
    // An edit that cannot be made leaves the board as it was.
    operations::commit(&mut b.board, edit.clone(), &mut clock)
        .map_err(|e| error(StatusCode::CONFLICT, e.to_string()))?;
    // Stamped again when written, against the file as it is then.
    b.queue.push(edit.clone());
    b.generation += 1;
    let generation = b.generation;
    drop(b);
    let mut people = state.people.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(p) = people.participants.get_mut(participant) {
        p.wrote = p.wrote.max(generation);
    }
    drop(people);
    state.changed.send_replace(generation);
    Ok(edit)
}

/// Whether an edit accepted earlier may still be made to `board` (the file as it is
/// when the edit is written).
pub fn still_allowed(board: &Board, edit: &Edit) -> bool {
    match edit {
        Edit::AddVote(v) => {
            board.item(&v.item).is_some() && board.session.phase == Phase::Vote && board.dots_left(&v.by) > 0
        }
        Edit::AddResponse(r) => board.item(&r.item).is_some(),
        Edit::Batch(edits) => edits.iter().all(|e| still_allowed(board, e)),
        _ => true,
    }
}

fn may_add_ideas(board: &Board) -> Result<(), Response> {
    match board.session.phase {
        Phase::Off | Phase::Collect => Ok(()),
        other => {
            Err(error(StatusCode::CONFLICT, format!("ideas are added in the Collect step; this is {}", other.name())))
        }
    }
}

/// A new idea from a phone: in its theme's frame, or in the block where unsorted ideas
/// from phones gather, never on another card; tagged as come from the join page.
fn new_idea(board: &Board, kind: ItemKind, theme: Option<crate::model::ThemeId>, contributor: &str) -> Item {
    let idea =
        NewIdea::new(kind).in_theme(theme).tagged(vec![JOINED_TAG.to_owned()]).placed(operations::Place::WithArrivals);
    operations::new_item(board, idea, Contributor::own_team(contributor), Timestamp::now())
}

/// Who an idea is written as: nobody when anonymous, else the name given at join.
fn author(state: &State, participant: &str, anonymous: bool) -> String {
    if anonymous {
        return String::new();
    }
    let people = state.people.lock().unwrap_or_else(|e| e.into_inner());
    people.participants.get(participant).map(|p| p.name.clone()).unwrap_or_default()
}

fn remember(state: &State, participant: &str, id: &ItemId) {
    let mut people = state.people.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(p) = people.participants.get_mut(participant) {
        p.mine.insert(id.clone());
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemBody {
    participant: String,
    kind: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    by: String,
    #[serde(default)]
    url: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    theme: Option<String>,
    #[serde(default)]
    anonymous: bool,
}

/// The body's words as the fields of the kind it names: each field a phone may set
/// (`Field::api`), capped, then made by the kind's own parser. Addresses must be web
/// addresses; the server never fetches them.
fn phone_idea(body: &ItemBody) -> Result<ItemKind, Response> {
    let on_phones = || KindTag::ALL.iter().filter(|k| k.spec().phones).map(|k| k.name()).collect::<Vec<_>>();
    let Some(tag) = KindTag::named(&body.kind).filter(|k| k.spec().phones) else {
        let shown: String = body.kind.chars().take(40).collect();
        let names = on_phones();
        let listed = match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
            _ => names.join(""),
        };
        return Err(error(StatusCode::BAD_REQUEST, format!("kind must be {listed}, not {shown:?}")));
    };
    let spec = tag.spec();
    let mut fields = Fields::new();
    for field in spec.fields {
        let Some(name) = field.api else { continue };
        let sent = match name {
            "text" => &body.text,
            "by" => &body.by,
            "url" => &body.url,
            "title" => &body.title,
            _ => continue,
        };
        let value = capped(name, sent, super::state::phone_cap(field))?;
        if field.ty == FieldType::Address
            && crate::web::parse_address(&crate::model::links::normalise_url(&value)).is_err()
        {
            return Err(error(StatusCode::BAD_REQUEST, format!("{name} must be an http or https address")));
        }
        if field.required && value.is_empty() {
            return Err(error(StatusCode::BAD_REQUEST, format!("a {} needs {name}", spec.name)));
        }
        fields.set(field.key, value);
    }
    tag.build(&fields).map_err(|e| error(StatusCode::BAD_REQUEST, crate::i18n::in_english(|| crate::i18n::said(&e))))
}

async fn add_item(
    Shared(state): Shared<Arc<State>>,
    Path(token): Path<String>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    body: Bytes,
) -> Answer {
    check_token(&state, &token)?;
    let raw_len = body.len() as u64;
    let body: ItemBody = parse(&body)?;
    gate(&state, &token, &addr, &body.participant)?;
    let kind = phone_idea(&body)?;
    add_idea(&state, &body.participant, body.anonymous, body.theme.as_deref(), kind, raw_len)
}

/// Adds `kind` from `participant` (under their name unless `anonymous`) in `theme`, as
/// a request of `raw_len` bytes: what every route that adds an idea ends with.
fn add_idea(
    state: &State,
    participant: &str,
    anonymous: bool,
    theme: Option<&str>,
    kind: ItemKind,
    raw_len: u64,
) -> Answer {
    let contributor = author(state, participant, anonymous);
    let item = {
        let b = state.board.lock().unwrap_or_else(|e| e.into_inner());
        may_add_ideas(&b.board)?;
        let theme = chosen_theme(&b.board, theme)?;
        new_idea(&b.board, kind, theme, &contributor)
    };
    let id = item.id.clone();
    spend(state, raw_len)?;
    accept(state, Edit::InsertItem(Box::new(item)), participant)?;
    remember(state, participant, &id);
    Ok((StatusCode::CREATED, axum::Json(json!({ "id": id.as_str() }))).into_response())
}

#[derive(Deserialize)]
struct SketchBody {
    area: crate::model::Size,
    strokes: Vec<crate::model::kinds::Stroke>,
    #[serde(default)]
    caption: String,
    #[serde(default)]
    theme: Option<String>,
}

/// A sketch drawn with a finger on the join page: who sends it is checked before a byte
/// of it is read (it may be large); then it is checked against every bound a sketch has
/// (nothing is mended: what breaks one is refused, saying which) and added like a typed
/// idea.
async fn add_sketch(
    Shared(state): Shared<Arc<State>>,
    Path(token): Path<String>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    Query(q): Query<ImageQuery>,
    headers: HeaderMap,
    body: axum::body::Body,
) -> Answer {
    gate(&state, &token, &addr, &q.participant)?;
    let too_big = || {
        error(StatusCode::PAYLOAD_TOO_LARGE, format!("a sketch may be at most {} MB", MAX_SKETCH_BYTES as f64 / 1e6))
    };
    let declared = declared_length(&headers);
    if declared.is_some_and(|n| n > MAX_SKETCH_BYTES as u64) {
        return Err(too_big());
    }
    let body = axum::body::to_bytes(body, MAX_SKETCH_BYTES).await.map_err(|_| too_big())?;
    let raw_len = body.len() as u64;
    let body: SketchBody = parse(&body)?;
    let sketch = crate::model::kinds::Sketch { area: body.area, strokes: body.strokes, caption: body.caption };
    sketch.check().map_err(|why| error(StatusCode::BAD_REQUEST, why))?;
    add_idea(&state, &q.participant, q.anonymous, body.theme.as_deref(), ItemKind::Sketch(sketch), raw_len)
}

/// The body's length as its `Content-Length` says, if it says one.
fn declared_length(headers: &HeaderMap) -> Option<u64> {
    headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok())
}

/// The theme a phone chose for its idea: none, or one on the board whose frame is not locked.
fn chosen_theme(board: &Board, raw: Option<&str>) -> Result<Option<crate::model::ThemeId>, Response> {
    let Some(raw) = raw.filter(|t| !t.is_empty()) else { return Ok(None) };
    let theme = crate::model::ThemeId::parse(raw)
        .ok()
        .and_then(|t| board.theme(&t))
        .ok_or_else(|| error(StatusCode::BAD_REQUEST, "unknown theme"))?;
    if theme.locked {
        return Err(rule(rules::RuleError::FrameLocked(theme.name.clone())));
    }
    Ok(Some(theme.id.clone()))
}

/// Who sends a photo or a sketch, in the address: checked before the body is read.
#[derive(Deserialize)]
struct ImageQuery {
    participant: String,
    #[serde(default)]
    anonymous: bool,
}

async fn add_image(
    Shared(state): Shared<Arc<State>>,
    Path(token): Path<String>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    Query(q): Query<ImageQuery>,
    headers: HeaderMap,
    body: axum::body::Body,
) -> Answer {
    // Who is asking, and whether they may, before a byte of the picture is read.
    gate(&state, &token, &addr, &q.participant)?;
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    if !content_type.starts_with("image/") {
        return Err(error(StatusCode::BAD_REQUEST, "send the picture's bytes with Content-Type image/…"));
    }
    may_add_ideas(&state.board.lock().unwrap_or_else(|e| e.into_inner()).board)?;
    let declared = declared_length(&headers);
    let too_big =
        || error(StatusCode::PAYLOAD_TOO_LARGE, format!("a photo may be at most {} MB", MAX_IMAGE_BYTES / 1_000_000));
    if declared.is_some_and(|n| n > MAX_IMAGE_BYTES as u64) {
        return Err(too_big());
    }
    room_for(&state, 1, declared.unwrap_or(0))?;
    let body = axum::body::to_bytes(body, MAX_IMAGE_BYTES).await.map_err(|_| too_big())?;
    room_for(&state, 1, body.len() as u64)?;
    // The size from the header decides what the decode may cost, before any pixel exists;
    // decodes wait their turn within one budget shared by every request.
    let probe = crate::media::probe(&body).map_err(|e| error(StatusCode::BAD_REQUEST, e.to_string()))?;
    let cost = decode_cost(probe.pixel_size)?;
    let _permit = state
        .decoding
        .acquire_many(cost)
        .await
        .map_err(|_| error(StatusCode::SERVICE_UNAVAILABLE, "the session is ending"))?;
    let store = crate::storage::AssetStore::for_board(&state.path);
    let imported = tokio::task::spawn_blocking(move || {
        let thumbs = crate::media::thumbs::ThumbCache::standard();
        let origin = std::path::Path::new("the photo");
        // Where it was taken, with what, by whom: none of it is kept (orientation is).
        let image_error = |reason| crate::media::ImportError::Image { path: origin.to_owned(), reason };
        let clean = crate::media::strip::without_metadata(&body).map_err(image_error)?;
        crate::media::import_bytes(&store, &thumbs, &clean, "photo", origin)
            .map(|imported| (imported, body.len() as u64))
    })
    .await
    .map_err(|_| error(StatusCode::INTERNAL_SERVER_ERROR, "the picture could not be read"))?
    .map_err(|e| error(StatusCode::BAD_REQUEST, e.to_string()))?;
    let (imported, bytes) = imported;
    let contributor = author(&state, &q.participant, q.anonymous);
    let kind = crate::media::Imported { file_name: "photo from a phone".to_owned(), ..imported }.into_kind();
    let item = {
        let b = state.board.lock().unwrap_or_else(|e| e.into_inner());
        may_add_ideas(&b.board)?;
        new_idea(&b.board, kind, None, &contributor)
    };
    let id = item.id.clone();
    spend(&state, bytes)?;
    accept(&state, Edit::InsertItem(Box::new(item)), &q.participant)?;
    remember(&state, &q.participant, &id);
    Ok((StatusCode::CREATED, axum::Json(json!({ "id": id.as_str() }))).into_response())
}

/// What decoding a picture of `size` may take from the shared budget, in MiB (the
/// decoded pixels and one copy of them), or 413 when a phone's photo may not be that large.
fn decode_cost(size: crate::model::PixelSize) -> Result<u32, Response> {
    let pixels = u64::from(size.w) * u64::from(size.h);
    if pixels > PHONE_MAX_PIXELS {
        return Err(error(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "the picture is {} × {} pixels; a photo from a phone may have at most {} megapixels",
                size.w,
                size.h,
                PHONE_MAX_PIXELS / 1_000_000
            ),
        ));
    }
    // The decoded pixels and one copy of them.
    Ok(super::limits::decode_share(size, 2))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OnItem {
    participant: String,
    item: String,
    #[serde(default)]
    reaction: Option<String>,
    #[serde(default)]
    text: Option<String>,
}

/// Who a participant's dots, reactions and replies are written as.
struct Author {
    /// Dots and reactions: the pseudonym.
    shown_as: String,
    /// Replies: the name given at join, else the pseudonym.
    replies_as: String,
}

fn author_of(state: &State, participant: &str) -> Author {
    let people = state.people.lock().unwrap_or_else(|e| e.into_inner());
    let p = people.participants.get(participant);
    let shown_as = p.map(|p| p.shown_as.clone()).unwrap_or_default();
    let replies_as = p.map(|p| p.name.clone()).filter(|n| !n.is_empty()).unwrap_or_else(|| shown_as.clone());
    Author { shown_as, replies_as }
}

/// Checks the request and builds the edit on the board as it is, or says why not.
async fn on_item(
    state: &State,
    token: &str,
    addr: &SocketAddr,
    body: &Bytes,
    step: Phase,
    build: impl FnOnce(&Board, &ItemId, &Author, &OnItem) -> Result<Option<Edit>, Response>,
) -> Result<bool, Response> {
    check_token(state, token)?;
    let body: OnItem = parse(body)?;
    gate(state, token, addr, &body.participant)?;
    // Looked up before the board's lock is taken (the people's lock is never taken
    // inside it).
    let you = author_of(state, &body.participant);
    let edit = {
        let b = state.board.lock().unwrap_or_else(|e| e.into_inner());
        let item = item_id(&body.item, &b.board)?;
        if b.board.session.phase != step {
            let now = b.board.session.phase.name();
            return Err(error(
                StatusCode::CONFLICT,
                format!("that is done in the {} step; this is {now}", step.name()),
            ));
        }
        build(&b.board, &item, &you, &body)?
    };
    match edit {
        Some(edit) => accept(state, edit, &body.participant).map(|_| true),
        None => Ok(false),
    }
}

fn rule(e: rules::RuleError) -> Response {
    error(StatusCode::CONFLICT, e.to_string())
}

async fn give_dot(
    Shared(state): Shared<Arc<State>>,
    Path(token): Path<String>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    body: Bytes,
) -> Answer {
    on_item(&state, &token, &addr, &body, Phase::Vote, |board, item, you, _| {
        rules::give_dots(board, std::slice::from_ref(item), &you.shown_as).map(Some).map_err(rule)
    })
    .await?;
    Ok((StatusCode::CREATED, axum::Json(json!({}))).into_response())
}

async fn take_dot(
    Shared(state): Shared<Arc<State>>,
    Path(token): Path<String>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    body: Bytes,
) -> Answer {
    on_item(&state, &token, &addr, &body, Phase::Vote, |board, item, you, _| {
        rules::take_dots(board, std::slice::from_ref(item), &you.shown_as).map(Some).map_err(rule)
    })
    .await?;
    Ok((StatusCode::OK, axum::Json(json!({}))).into_response())
}

fn reaction(name: &str) -> Option<Reaction> {
    Reaction::ALL.into_iter().find(|r| super::state::reaction_name(*r) == name)
}

async fn react(
    Shared(state): Shared<Arc<State>>,
    Path(token): Path<String>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    body: Bytes,
) -> Answer {
    let added = on_item(&state, &token, &addr, &body, Phase::React, |board, item, you, body| {
        let r = body
            .reaction
            .as_deref()
            .and_then(reaction)
            .ok_or_else(|| error(StatusCode::BAD_REQUEST, "reaction must be build, like, surprising or more"))?;
        if board.reaction_by(&you.shown_as, item, r).is_some() {
            return Ok(None);
        }
        rules::toggle_reaction(board, item, &you.shown_as, r).map(Some).map_err(rule)
    })
    .await?;
    let status = if added { StatusCode::CREATED } else { StatusCode::OK };
    Ok((status, axum::Json(json!({}))).into_response())
}

async fn reply(
    Shared(state): Shared<Arc<State>>,
    Path(token): Path<String>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    body: Bytes,
) -> Answer {
    check_token(&state, &token)?;
    // A reply grows the board like an idea, so it comes from the same budget: checked
    // first, taken once the reply is in.
    room_for(&state, 1, body.len() as u64)?;
    let made = on_item(&state, &token, &addr, &body, Phase::React, |board, item, you, body| {
        let text = capped("text", body.text.as_deref().unwrap_or(""), crate::model::MAX_REPLY_CHARS)?;
        // A reply is posted under the name given at join, if one was.
        rules::reply(board, item, &you.replies_as, &text).map(Some).map_err(|e| match e {
            rules::RuleError::EmptyReply => error(StatusCode::BAD_REQUEST, e.to_string()),
            other => rule(other),
        })
    })
    .await?;
    if made {
        let mut people = state.people.lock().unwrap_or_else(|e| e.into_inner());
        // Room was checked above; a reply that squeezed in beside another still counts.
        people.count_in(body.len() as u64);
    }
    Ok((StatusCode::CREATED, axum::Json(json!({}))).into_response())
}

/// A participant's open event stream: their place is kept while it is open.
struct Watching {
    state: Arc<State>,
    participant: String,
}

impl Watching {
    fn new(state: Arc<State>, participant: String) -> Self {
        let mut people = state.people.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(p) = people.participants.get_mut(&participant) {
            p.streams += 1;
        }
        drop(people);
        Self { state, participant }
    }
}

impl Drop for Watching {
    fn drop(&mut self) {
        let mut people = self.state.people.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(p) = people.participants.get_mut(&self.participant) {
            p.streams = p.streams.saturating_sub(1);
            // The place is kept from the moment the page went.
            p.seen = std::time::Instant::now();
        }
    }
}

#[derive(Deserialize)]
struct PicturePath {
    token: String,
    name: String,
}

/// A card's picture, phone-sized, for a participant who may see that card. Pictures are
/// named by their content, so the answer never changes: phones may keep it.
async fn picture(
    Shared(state): Shared<Arc<State>>,
    Path(PicturePath { token, name }): Path<PicturePath>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    Query(who): Query<Who>,
) -> Answer {
    check_token(&state, &token)?;
    // A page asks for all its pictures at once: the address's limit only, not the
    // participant's (which is for ideas and votes).
    check_address(&state, &addr)?;
    let asset = crate::model::AssetName::parse(&name).map_err(|_| error(StatusCode::NOT_FOUND, "unknown picture"))?;
    let allowed = {
        let people = state.people.lock().unwrap_or_else(|e| e.into_inner());
        let p = people
            .participants
            .get(&who.participant)
            .ok_or_else(|| error(StatusCode::NOT_FOUND, "unknown participant"))?;
        let board = state.board.lock().unwrap_or_else(|e| e.into_inner());
        super::state::may_see_picture(&board.board, p, &asset)
    };
    if !allowed {
        return Err(error(StatusCode::NOT_FOUND, "unknown picture"));
    }
    let store = crate::storage::AssetStore::for_board(&state.path);
    let jpeg = state
        .pictures
        .get(&store, &asset, &state.decoding)
        .await
        .map_err(|why| error(StatusCode::NOT_FOUND, format!("the picture cannot be shown: {why}")))?;
    let mut response = (StatusCode::OK, jpeg).into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("image/jpeg"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, max-age=86400, immutable"));
    Ok(response)
}

async fn events(
    Shared(state): Shared<Arc<State>>,
    Path(token): Path<String>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    Query(who): Query<Who>,
) -> Answer {
    gate(&state, &token, &addr, &who.participant)?;
    let mut changed = state.changed.subscribe();
    let (shown_as, mine, wrote) =
        watcher(&state, &who.participant).ok_or_else(|| error(StatusCode::NOT_FOUND, "unknown participant"))?;
    let shared = common(&state, wrote);
    // A view a little behind the board (see `common`): what it lacks comes next.
    if shared.generation < *changed.borrow() {
        changed.mark_changed();
    }
    let (last, first) = Sent::first(&shared, &shown_as, &mine);
    drop(shared);
    let participant = Watching::new(state.clone(), who.participant.clone());
    // One event with the whole view now, then one with what changed whenever what this
    // participant sees changes. One page's events come at most every EVENT_GAP: a burst
    // of ideas from a room of phones is sent as what the burst changed rather than as
    // each step of it. Every page shares one view of the board per change (`common`).
    let first = Event::default()
        .event("board")
        .json_data(&first)
        .map_err(|e| error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    let stream = futures_util::stream::unfold(
        (state, changed, participant, Some(last), Some(first), std::time::Instant::now()),
        |(state, mut changed, participant, last, first, sent)| async move {
            if let Some(event) = first {
                let now = std::time::Instant::now();
                return Some((Ok::<_, Infallible>(event), (state, changed, participant, last, None, now)));
            }
            let mut last = last?;
            loop {
                if state.ending.load(std::sync::atomic::Ordering::Relaxed) {
                    // The last event: the page says the session has ended, and the stream
                    // ends here rather than waiting to be cut.
                    let event = Event::default().event("ended").data("{}");
                    return Some((Ok(event), (state, changed, participant, None, None, sent)));
                }
                changed.changed().await.ok()?;
                let wait = EVENT_GAP.saturating_sub(sent.elapsed());
                if !wait.is_zero() {
                    tokio::time::sleep(wait).await;
                }
                // What changed while waiting is in the view made now.
                let latest = *changed.borrow_and_update();
                if state.ending.load(std::sync::atomic::Ordering::Relaxed) {
                    continue;
                }
                // Whatever the view is behind by, this participant's own changes too, comes
                // after it (`behind`).
                let (shown_as, mine, _) = watcher(&state, &participant.participant)?;
                let common = common(&state, 0);
                // The shared view was a little behind the board: come back for the rest
                // once the next one may be made.
                let behind = common.generation < latest;
                if behind {
                    changed.mark_changed();
                }
                if let Some(changes) = last.changes(&common, &shown_as, &mine) {
                    let event = Event::default().event("changes").data(changes.json()?);
                    let now = std::time::Instant::now();
                    return Some((Ok(event), (state, changed, participant, Some(last), None, now)));
                }
                if behind {
                    tokio::time::sleep(BUILD_GAP.saturating_sub(common.made.elapsed())).await;
                }
            }
        },
    );
    Ok(Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))).into_response())
}
