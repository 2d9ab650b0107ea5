//! What the join server knows: the board as last read or written (with what was accepted
//! since), the participants of this run, and the rate limits. Participants live in memory
//! only: the name given at join is never written to the board unless its owner posts
//! under it, and which anonymous idea is whose is forgotten when the server stops.

use std::collections::{HashMap, HashSet};
use std::net::IpAddr;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde::Serialize;

pub use super::limits::{DECODE_BUDGET_MIB, Limits, PHONE_MAX_PIXELS, QUEUED_IDEA_BYTES};
use crate::export::html::esc;
use crate::model::kinds::{Field, FieldType};
use crate::model::{Board, Edit, Item, ItemId, KindTag, Phase, is_prompt};

pub use crate::model::JOINED_TAG;

/// A token bucket: `burst` requests at once, then `per_sec` a second.
#[derive(Clone, Debug)]
pub struct Bucket {
    tokens: f64,
    last: Instant,
    burst: f64,
    per_sec: f64,
}

impl Bucket {
    pub fn new(burst: f64, per_sec: f64) -> Self {
        Self { tokens: burst, last: Instant::now(), burst, per_sec }
    }

    /// Takes one token if there is one.
    pub fn take(&mut self) -> bool {
        let now = Instant::now();
        self.tokens = (self.tokens + now.duration_since(self.last).as_secs_f64() * self.per_sec).min(self.burst);
        self.last = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

/// Requests one participant may make: a person adding ideas by hand never meets it.
pub const PARTICIPANT_BURST: f64 = 40.0;
pub const PARTICIPANT_PER_SEC: f64 = 8.0;
/// Requests from one network address (a whole room may share one behind a router).
pub const ADDRESS_BURST: f64 = 3000.0;
pub const ADDRESS_PER_SEC: f64 = 600.0;
/// Joins from one network address.
pub const JOIN_BURST: f64 = 200.0;
pub const JOIN_PER_SEC: f64 = 5.0;
pub struct Participant {
    /// The name given at join (may be empty); only ever written when posted under.
    pub name: String,
    /// Who dots and reactions are written as: `guest-XXXXXX`, never the name.
    pub shown_as: String,
    /// Ideas this participant added, anonymous ones too.
    pub mine: HashSet<ItemId>,
    pub bucket: Bucket,
    /// The participant's last request.
    pub seen: Instant,
    /// Event streams the participant's pages hold open now.
    pub streams: usize,
    /// The board's generation once this participant's last change was in: what they are
    /// shown is never older (they read what they wrote).
    pub wrote: u64,
}

impl Participant {
    pub fn new(name: String, shown_as: String) -> Self {
        Self {
            name,
            shown_as,
            mine: HashSet::new(),
            bucket: Bucket::new(PARTICIPANT_BURST, PARTICIPANT_PER_SEC),
            seen: Instant::now(),
            streams: 0,
            wrote: 0,
        }
    }

    /// Whether the participant's page is gone: no stream open and no request for `kept`.
    pub fn gone(&self, kept: Duration) -> bool {
        self.streams == 0 && self.seen.elapsed() > kept
    }
}

/// The server's state, behind one lock for the board and one for the people.
pub struct State {
    pub path: PathBuf,
    pub token: String,
    pub board: Mutex<BoardState>,
    pub people: Mutex<People>,
    /// Wakes the event streams and the writer.
    pub changed: tokio::sync::watch::Sender<u64>,
    /// The picture decodes' shared memory budget, one permit per MiB.
    pub decoding: tokio::sync::Semaphore,
    /// What the server allows.
    pub limits: Limits,
    /// The board's pictures as phones get them.
    pub pictures: super::pictures::Pictures,
    /// Set when the server is stopping: event streams say the session ended, and end.
    pub ending: std::sync::atomic::AtomicBool,
    /// What every participant sees of the board at its latest generation, made by the
    /// first who asks after a change (see [`super::views`]). Locked after `board`.
    pub common: Mutex<Option<std::sync::Arc<super::views::Common>>>,
    /// Held while the queue is written: the last write at stop waits for a round still
    /// writing (an aborted write loop's blocking write runs on), so that the process
    /// never ends with accepted ideas taken from the queue but not yet on disk.
    pub flushing: Mutex<()>,
}

pub struct BoardState {
    /// The board on disk with `queue` applied.
    pub board: Board,
    /// Accepted edits not yet on disk, in order.
    pub queue: Vec<Edit>,
    /// Bumped at every change of `board`.
    pub generation: u64,
    /// The file as last read or written (to notice changes made by others).
    pub disk_hash: Option<String>,
    /// The file's size as last read or written.
    pub file_bytes: u64,
}

impl BoardState {
    /// Whether `ideas` more would still fit in a board file a load accepts.
    pub fn has_room_for(&self, ideas: usize) -> bool {
        let waiting = (self.queue.len() + ideas) as u64 * QUEUED_IDEA_BYTES;
        self.file_bytes.saturating_add(waiting) <= crate::storage::format::MAX_BOARD_BYTES
    }
}

#[derive(Default)]
pub struct People {
    pub participants: HashMap<String, Participant>,
    pub addresses: HashMap<IpAddr, Bucket>,
    pub joins: HashMap<IpAddr, Bucket>,
    /// Ideas and replies taken in this run, and their bytes.
    pub taken: (usize, u64),
    /// What participants whose places were given back had added, and how many of them had.
    pub left: (HashSet<ItemId>, usize),
}

impl People {
    /// The participants who have added an idea.
    pub fn contributors(&self) -> usize {
        self.participants.values().filter(|p| !p.mine.is_empty()).count() + self.left.1
    }

    /// Every idea that came in this run.
    pub fn arrivals(&self) -> HashSet<ItemId> {
        self.participants.values().flat_map(|p| p.mine.iter().cloned()).chain(self.left.0.iter().cloned()).collect()
    }

    /// Gives back the places of participants whose page is gone (their ideas stay theirs
    /// on the board; which anonymous one was whose is forgotten).
    pub fn let_go(&mut self, kept: Duration) {
        let gone: Vec<String> =
            self.participants.iter().filter(|(_, p)| p.gone(kept)).map(|(k, _)| k.clone()).collect();
        for id in gone {
            if let Some(p) = self.participants.remove(&id)
                && !p.mine.is_empty()
            {
                self.left.1 += 1;
                self.left.0.extend(p.mine);
            }
        }
    }

    /// Whether `ideas` more of `bytes` in all fit this run's budget.
    pub fn has_room_for(&self, limits: &Limits, ideas: usize, bytes: u64) -> bool {
        let (taken, spent) = self.taken;
        taken + ideas <= limits.ideas && spent.saturating_add(bytes) <= limits.bytes
    }

    /// Takes one more idea of `bytes` from this run's budget, or says there is no room.
    pub fn take_in(&mut self, limits: &Limits, bytes: u64) -> bool {
        if !self.has_room_for(limits, 1, bytes) {
            return false;
        }
        self.count_in(bytes);
        true
    }

    /// Counts one more idea of `bytes` as taken in, room or not (it is in already).
    pub fn count_in(&mut self, bytes: u64) {
        self.taken = (self.taken.0 + 1, self.taken.1.saturating_add(bytes));
    }
}

/// A kind of idea phones may add, with the fields its form asks for.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct KindView {
    /// Its name in the API (`note`).
    pub name: &'static str,
    pub title: String,
    pub fields: Vec<FieldView>,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct FieldView {
    /// Its name in the body of `POST …/api/items`.
    pub api: &'static str,
    pub label: String,
    pub hint: String,
    /// The most characters it takes.
    pub max: usize,
    pub multiline: bool,
    /// A web address.
    pub address: bool,
}

/// Longest idea, in characters.
pub const MAX_TEXT: usize = 2000;
/// Longest short field (who said it, a title, a name), in characters.
pub const MAX_SHORT: usize = 200;
/// Longest address, in characters.
pub const MAX_URL: usize = 2000;

/// The most characters the join API takes in a field: its own caps, tighter than the
/// kind's (docs/JOIN.md).
pub fn phone_cap(field: &Field) -> usize {
    match field.ty {
        FieldType::Address => MAX_URL,
        _ if field.multiline => MAX_TEXT,
        _ => MAX_SHORT,
    }
    .min(field.max_chars)
}

/// Every kind phones may add ([`crate::model::kinds::KindSpec::phones`]), in menu order,
/// in English: what the join page's form offers.
pub fn phone_kinds(lang: crate::i18n::Lang) -> Vec<KindView> {
    crate::i18n::in_language(lang, || {
        KindTag::ALL
            .iter()
            .map(|tag| tag.spec())
            .filter(|spec| spec.phones)
            .map(|spec| KindView {
                name: spec.name,
                title: crate::tr!(&spec.title_id()),
                fields: spec
                    .fields
                    .iter()
                    .filter_map(|f| {
                        Some(FieldView {
                            api: f.api?,
                            label: crate::tr!(f.label),
                            hint: crate::ui::words::hint(f.form_hint),
                            max: phone_cap(f),
                            multiline: f.form_multiline,
                            address: f.ty == FieldType::Address,
                        })
                    })
                    .collect(),
            })
            .collect()
    })
}

/// The page's kind buttons: one radio button per kind, the first chosen.
pub fn kind_choices(kinds: &[KindView]) -> String {
    kinds
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let checked = if i == 0 { " checked" } else { "" };
            format!(
                r#"<label><input type="radio" name="kind" value="{}"{checked}> {}</label>"#,
                esc(k.name),
                esc(&k.title)
            )
        })
        .collect()
}

/// The page's fields: one per field name the kinds use (its id is that name), labelled
/// for the first kind that has it; the page relabels them for the kind chosen.
pub fn field_inputs(kinds: &[KindView]) -> String {
    let mut seen = HashSet::new();
    let mut html = String::new();
    for (k, kind) in kinds.iter().enumerate() {
        for f in &kind.fields {
            if !seen.insert(f.api) {
                continue;
            }
            let hidden = if k == 0 { "" } else { " hidden" };
            let (api, label, hint) = (esc(f.api), esc(&f.label), esc(&f.hint));
            let input = if f.multiline {
                format!(r#"<textarea id="{api}" rows="4" maxlength="{}" placeholder="{hint}"></textarea>"#, f.max)
            } else {
                let kind = if f.address { r#" type="url" inputmode="url""# } else { "" };
                format!(r#"<input id="{api}"{kind} maxlength="{}" placeholder="{hint}">"#, f.max)
            };
            html.push_str(&format!(
                r#"<div id="row-{api}"{hidden}><label for="{api}" id="label-{api}">{label}</label>{input}</div>"#
            ));
        }
    }
    html
}

/// The API name of a step.
pub fn phase_name(phase: Phase) -> &'static str {
    match phase {
        Phase::Off => "off",
        Phase::Collect => "collect",
        Phase::Cluster => "cluster",
        Phase::Vote => "vote",
        Phase::React => "react",
    }
}

pub fn reaction_name(r: crate::model::Reaction) -> &'static str {
    use crate::model::Reaction;
    match r {
        Reaction::BuildOn => "build",
        Reaction::Like => "like",
        Reaction::Surprise => "surprising",
        Reaction::Question => "more",
    }
}

/// Whether an idea is one a participant may see during private collect: their own, or
/// not one that came in through the join page (the facilitator's).
pub fn visible_in_private(item: &Item, mine: &HashSet<ItemId>) -> bool {
    mine.contains(&item.id) || !crate::model::is_joined(item)
}

/// Whether participant `p` may see a card that shows `asset` (private collect kept).
pub fn may_see_picture(board: &Board, p: &Participant, asset: &crate::model::AssetName) -> bool {
    let private = board.session.collects_privately();
    board
        .items
        .iter()
        .any(|i| !is_prompt(i) && i.kind.picture() == Some(asset) && (!private || visible_in_private(i, &p.mine)))
}
