//! Drafts kept in the browser's localStorage: every change is written at once, several drafts can
//! be kept, and a stored draft that cannot be read is set aside and reported, never overwritten.

use report_core::{js, Report};
use serde::{Deserialize, Serialize};

const INDEX: &str = "nianbao.v1.drafts";
const CURRENT: &str = "nianbao.v1.current";

fn draft_key(id: &str) -> String {
    format!("nianbao.v1.draft.{id}")
}

/// One stored draft, as listed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftInfo {
    /// The storage id.
    pub id: String,
    /// The name the clerk gave it (by default agency and year).
    pub name: String,
    /// Whether the clerk transcribes its totals (照录模式) rather than having them computed.
    #[serde(default)]
    pub transcribed: bool,
    /// When it was last changed, in milliseconds since 1970.
    #[serde(default)]
    pub saved_at: Option<u64>,
}

fn raw() -> Option<web_sys::Storage> {
    // Storage can be missing (private mode in some browsers); the page then works unsaved.
    web_sys::window()?.local_storage().ok().flatten()
}

fn get(key: &str) -> Option<String> {
    raw()?.get_item(key).ok().flatten()
}

fn set(key: &str, value: &str) -> bool {
    raw().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// The list of drafts.
pub fn drafts() -> Vec<DraftInfo> {
    get(INDEX)
        .and_then(|t| js::parse_json(&t).ok())
        .and_then(|v| js::from_js(v).ok())
        .unwrap_or_default()
}

fn save_index(list: &[DraftInfo]) {
    set(INDEX, &js::to_json_text(list, 0));
}

/// The id of the draft open last time.
pub fn current() -> Option<String> {
    get(CURRENT)
}

/// Remembers which draft is open.
pub fn set_current(id: &str) {
    set(CURRENT, id);
}

/// A new id, unlike any stored one.
pub fn new_id() -> String {
    let now = js_now();
    let mut id = format!("{now:x}");
    while get(&draft_key(&id)).is_some() {
        id.push('x');
    }
    id
}

fn js_now() -> u64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.time_origin() + p.now()) as u64
}

/// What loading a draft gave.
pub enum Loaded {
    /// The draft.
    Report(Box<Report>),
    /// Nothing stored under that id.
    Missing,
    /// The stored text could not be read; it was kept under `kept_as`.
    Broken {
        /// Why it could not be read.
        reason: String,
        /// The storage key it was copied to.
        kept_as: String,
    },
}

/// Loads a draft. One that cannot be read is copied aside (never overwritten) and reported.
pub fn load(id: &str) -> Loaded {
    let Some(text) = get(&draft_key(id)) else {
        return Loaded::Missing;
    };
    match js::report_from_json_text(&text) {
        Ok(report) => Loaded::Report(Box::new(report)),
        Err(err) => {
            let kept_as = format!("nianbao.v1.broken.{id}.{}", js_now());
            set(&kept_as, &text);
            // The broken draft leaves the list so it is never written over; its text stays kept.
            let list: Vec<DraftInfo> = drafts().into_iter().filter(|d| d.id != id).collect();
            save_index(&list);
            if let Some(s) = raw() {
                let _ = s.remove_item(&draft_key(id));
            }
            Loaded::Broken {
                reason: err.describe(report_core::Lang::Zh),
                kept_as,
            }
        }
    }
}

/// The stored text of draft `id`, as it is (to tell whether it changed since it was written).
pub fn text(id: &str) -> Option<String> {
    get(&draft_key(id))
}

/// Whether `key` is the storage key of draft `id` (for another tab's saves).
pub fn is_draft_key(key: &str, id: &str) -> bool {
    key == draft_key(id)
}

/// Whether `key` is the key of the draft list.
pub fn is_index_key(key: &str) -> bool {
    key == INDEX
}

/// What saving did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveOutcome {
    /// Written.
    Written,
    /// The stored draft already was this one; nothing was written.
    Unchanged,
    /// The browser refused (storage full or disabled).
    Refused,
}

/// Saves a draft under `id`, adding it to the list when new. A draft stored exactly so is not
/// written again (so that tabs showing one draft do not answer each other's saves forever).
/// `stored` is the draft's text in storage now, when the caller has read it. Returns what it did
/// and the text the draft has in storage after.
pub fn save(
    id: &str,
    name: &str,
    transcribed: bool,
    report: &Report,
    stored: Option<&str>,
) -> (SaveOutcome, String) {
    let text = js::to_json_text(report, 2);
    let key = draft_key(id);
    let unchanged = match stored {
        Some(stored) => stored == text,
        None => get(&key).as_deref() == Some(text.as_str()),
    };
    let outcome = if unchanged {
        SaveOutcome::Unchanged
    } else if set(&key, &text) {
        SaveOutcome::Written
    } else {
        SaveOutcome::Refused
    };
    let mut list = drafts();
    let before = list.clone();
    let at = (outcome == SaveOutcome::Written).then(js_now);
    match list.iter_mut().find(|d| d.id == id) {
        Some(d) => {
            d.name = name.to_owned();
            d.transcribed = transcribed;
            if at.is_some() {
                d.saved_at = at;
            }
        }
        None => list.push(DraftInfo {
            id: id.to_owned(),
            name: name.to_owned(),
            transcribed,
            saved_at: at.or(Some(js_now())),
        }),
    }
    if list != before {
        save_index(&list);
    }
    (outcome, text)
}

/// Deletes a draft.
pub fn delete(id: &str) {
    if let Some(s) = raw() {
        let _ = s.remove_item(&draft_key(id));
    }
    let list: Vec<DraftInfo> = drafts().into_iter().filter(|d| d.id != id).collect();
    save_index(&list);
}
