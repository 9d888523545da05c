//! Typing that outlives the page showing it. Pages are built again on every visit; these
//! drafts live as long as the app, so leaving the New escalation form or an escalation's
//! progress form, de-escalation checklist or major-incident panel and coming back shows
//! what was typed. Settings sections are kept open instead (`pages::settings`) and report their unsaved typing here. While anything typed
//! is unsaved, closing or reloading the page asks first.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::detail::incident::IncidentDraft;
use crate::detail::{DeescalationDraft, ProgressDraft};
use crate::settings_model::section::Section;
use crate::triage::TriageDraft;

#[derive(Clone, Copy)]
pub struct Drafts {
    /// The New escalation form.
    pub triage: RwSignal<TriageDraft>,
    /// The line under it after the last record ("Recorded as ESC-2026-004").
    pub recorded: RwSignal<Option<String>>,
    /// The triage draft as last recorded: typing since then is unsaved.
    triage_recorded: StoredValue<TriageDraft>,
    /// Progress forms with typing, by escalation id.
    progress: StoredValue<HashMap<String, ProgressDraft>>,
    /// De-escalation checklists with ticks or typing, by escalation id.
    deescalation: StoredValue<HashMap<String, DeescalationDraft>>,
    /// Major-incident panels with typing not sent, by escalation id.
    incident: StoredValue<HashMap<String, IncidentDraft>>,
    /// Settings sections with typing not saved yet.
    settings: StoredValue<Vec<Section>>,
}

impl Drafts {
    /// Called once by the app; also asks before the page is closed with unsaved typing.
    pub fn provide() -> Self {
        let drafts = Self {
            triage: RwSignal::new(TriageDraft::default()),
            recorded: RwSignal::new(None),
            triage_recorded: StoredValue::new(TriageDraft::default()),
            progress: StoredValue::new(HashMap::new()),
            deescalation: StoredValue::new(HashMap::new()),
            incident: StoredValue::new(HashMap::new()),
            settings: StoredValue::new(Vec::new()),
        };
        #[cfg(target_arch = "wasm32")]
        {
            let handle = window_event_listener(leptos::ev::beforeunload, move |e| {
                if drafts.unsaved() {
                    e.prevent_default();
                    e.set_return_value("");
                }
            });
            on_cleanup(move || handle.remove());
        }
        provide_context(drafts);
        drafts
    }

    /// The app's drafts; a page mounted on its own (a test) gets drafts of its own.
    pub fn get() -> Self {
        use_context::<Drafts>().unwrap_or_else(Self::provide)
    }

    /// Whether anything typed has not been saved or recorded.
    pub fn unsaved(&self) -> bool {
        let triage = self.triage.with_untracked(|d| {
            *d != TriageDraft::default() && self.triage_recorded.with_value(|r| r != d)
        });
        triage
            || self.progress.with_value(|p| !p.is_empty())
            || self.deescalation.with_value(|d| !d.is_empty())
            || self.incident.with_value(|d| !d.is_empty())
            || self.settings.with_value(|s| !s.is_empty())
    }

    /// The New escalation form's draft was just recorded.
    pub fn triage_recorded(&self) {
        self.triage_recorded.set_value(self.triage.get_untracked());
    }

    /// The progress form's draft for escalation `id`, filled with what was typed there
    /// before and kept in step with it.
    pub fn progress(&self, id: &str) -> RwSignal<ProgressDraft> {
        kept_by_id(self.progress, id)
    }

    /// The de-escalation checklist's draft for escalation `id`, as [`Self::progress`].
    pub fn deescalation(&self, id: &str) -> RwSignal<DeescalationDraft> {
        kept_by_id(self.deescalation, id)
    }

    /// The major-incident panel's draft for escalation `id`, as [`Self::progress`].
    pub fn incident(&self, id: &str) -> RwSignal<IncidentDraft> {
        kept_by_id(self.incident, id)
    }

    /// Whether settings `section` holds typing not saved yet.
    pub fn settings_typed(&self, section: Section, typed: bool) {
        self.settings.update_value(|s| {
            s.retain(|x| *x != section);
            if typed {
                s.push(section);
            }
        });
    }
}

/// A form's draft for one escalation, filled from `kept` and written back on every change;
/// a draft back at its default (sent, or emptied by hand) is forgotten.
fn kept_by_id<T>(kept: StoredValue<HashMap<String, T>>, id: &str) -> RwSignal<T>
where
    T: Clone + Default + PartialEq + Send + Sync + 'static,
{
    let draft = RwSignal::new(kept.with_value(|k| k.get(id).cloned()).unwrap_or_default());
    let id = id.to_string();
    Effect::new(move |_| {
        let now = draft.get();
        kept.update_value(|k| {
            if now == T::default() {
                k.remove(&id);
            } else {
                k.insert(id.clone(), now);
            }
        });
    });
    draft
}
