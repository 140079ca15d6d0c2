//! Undo and redo: every change the clerk makes (typing, a paste, filling with 0, an import, a
//! change of edition or of 照录模式, last year's report, a new or deleted draft) can be taken
//! back. Typing into one field is one step until the clerk pauses or moves on.

use leptos::prelude::*;
use report_core::edit::SetAside;
use report_core::Report;

use super::state::State;

/// How many steps are kept.
const DEPTH: usize = 200;
/// Typing into the same field within this many milliseconds is one step.
const PAUSE_MS: f64 = 1500.0;

/// Everything an undo puts back.
#[derive(Clone)]
pub(super) struct Snapshot {
    draft: String,
    name: String,
    report: Report,
    aside: SetAside,
    computed: bool,
    previous: Option<Report>,
}

/// The steps back and forward.
#[derive(Default)]
pub(super) struct History {
    back: Vec<Snapshot>,
    forward: Vec<Snapshot>,
    typing: Option<(String, f64)>,
}

fn now() -> f64 {
    web_sys::js_sys::Date::now()
}

fn snapshot(state: State) -> Snapshot {
    Snapshot {
        draft: state.draft.get_untracked(),
        name: state.name.get_untracked(),
        report: state.report.get_untracked(),
        aside: state.aside.get_untracked(),
        computed: state.computed.get_untracked(),
        previous: state.previous.get_untracked(),
    }
}

fn restore(state: State, s: Snapshot) {
    state.aside.set(s.aside);
    state.computed.set(s.computed);
    state.previous.set(s.previous);
    state.name.set(s.name);
    state.draft.set(s.draft);
    state.report.set(s.report);
}

fn publish(state: State) {
    let steps = state
        .history
        .with_value(|h| (h.back.len(), h.forward.len()));
    state.steps.set(steps);
}

/// Remembers the page as it is, before a change. `typing` names the field typed into: further
/// typing there, without a pause, joins the same step.
pub(super) fn record(state: State, typing: Option<&str>) {
    let at = now();
    let joins = state.history.with_value(|h| {
        matches!((&h.typing, typing), (Some((field, last)), Some(t)) if field == t && at - last < PAUSE_MS)
    });
    let current = (!joins).then(|| snapshot(state));
    state.history.update_value(|h| {
        if let Some(s) = current {
            h.back.push(s);
            if h.back.len() > DEPTH {
                h.back.remove(0);
            }
        }
        h.forward.clear();
        h.typing = typing.map(|t| (t.to_owned(), at));
    });
    publish(state);
}

/// Moves one step back (`back`) or forward: the page as it is goes onto the other stack.
fn step(state: State, back: bool) {
    let current = snapshot(state);
    let mut target = None;
    state.history.update_value(|h| {
        h.typing = None;
        let History {
            back: b,
            forward: f,
            ..
        } = h;
        let (from, to) = if back { (b, f) } else { (f, b) };
        if let Some(s) = from.pop() {
            to.push(current);
            target = Some(s);
        }
    });
    if let Some(s) = target {
        restore(state, s);
        publish(state);
    }
}

/// Takes back the last change.
pub(super) fn undo(state: State) {
    step(state, true);
}

/// Makes the last undone change again.
pub(super) fn redo(state: State) {
    step(state, false);
}

/// Ctrl+Z (⌘Z) undoes, Ctrl+Y or Ctrl+Shift+Z redoes, anywhere but the paste box (which has
/// its own).
pub(super) fn keyboard(state: State) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() {
            return;
        }
        let in_paste_box = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .and_then(|e| e.get_attribute("data-action"))
            .is_some_and(|a| a == "paste-text");
        if in_paste_box {
            return;
        }
        match ev.key().to_lowercase().as_str() {
            "z" if ev.shift_key() => redo(state),
            "z" => undo(state),
            "y" => redo(state),
            _ => return,
        }
        ev.prevent_default();
    });
    // The page lives as long as the tab.
    std::mem::forget(handle);
}

/// The 撤销 and 重做 buttons.
pub(super) fn buttons(state: State) -> impl IntoView {
    view! {
        <div class="history">
            <button data-action="undo" title="撤销（Ctrl+Z）" prop:disabled=move || state.steps.get().0 == 0 on:click=move |_| undo(state)>"撤销"</button>
            <button data-action="redo" title="重做（Ctrl+Y）" prop:disabled=move || state.steps.get().1 == 0 on:click=move |_| redo(state)>"重做"</button>
        </div>
    }
}
