//! One escalation: its header, the audit trail, the progress form, SLA clocks, notifications,
//! the handoff brief, the major-incident bridge and the de-escalation checklist, one concern
//! a file. Views read the
//! fold of the event log; every change is a door request through the store.

mod deescalation;
mod handoff;
mod header;
mod major_incident;
mod notifications;
mod progress;
mod sla_clocks;
mod timeline;

use escalon::scales::Status;
use escalon::state::fold;
use leptos::prelude::*;

use crate::nav::use_selected;
use crate::store::use_store;
use deescalation::Deescalation;
use handoff::Handoff;
use header::Header;
use major_incident::MajorIncident;
use notifications::Notifications;
use progress::ProgressForm;
use sla_clocks::SlaClocks;
use timeline::Timeline;

#[component]
pub fn EscalationDetail(id: String) -> impl IntoView {
    let store = use_store();
    let selected = use_selected();
    let exists = {
        let id = id.clone();
        Memo::new(move |_| store.with(|ws| ws.escalation(&id).is_some()))
    };
    let read_only = {
        let id = id.clone();
        Memo::new(move |_| {
            store.with(|ws| {
                ws.escalation(&id)
                    .is_some_and(|e| fold(e).status == Status::Archived)
            })
        })
    };
    let back = move |_| selected.set(None);
    view! {
        <article class="detail" aria-labelledby="detail-id">
            <button type="button" id="back-to-list" class="secondary" on:click=back>
                "← Back to list"
            </button>
            {move || {
                if !exists.get() {
                    return view! {
                        <p class="error" role="alert" id="detail-missing">
                            {format!("There is no escalation {id} in this workspace.")}
                        </p>
                    }
                    .into_any();
                }
                let id = id.clone();
                view! {
                    <Header id=id.clone() />
                    <Show when=move || read_only.get()>
                        <p class="notice" role="status" id="read-only-notice">
                            "This escalation is archived: it is kept for the record and metrics, \
                             and can no longer be changed."
                        </p>
                    </Show>
                    <div class="detail-grid">
                        <div class="detail-main">
                            <ProgressForm id=id.clone() read_only />
                            <MajorIncident id=id.clone() read_only />
                            <Timeline id=id.clone() />
                        </div>
                        <div class="detail-side">
                            <SlaClocks id=id.clone() />
                            <Handoff id=id.clone() />
                        </div>
                    </div>
                    <Notifications id=id.clone() read_only />
                    <Deescalation id=id read_only />
                }
                .into_any()
            }}
        </article>
    }
}
