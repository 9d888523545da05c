//! The what-if table under a settings form: which escalations the new config would move.

use leptos::prelude::*;

use crate::settings::WhatIfRow;

/// `applied` false: a preview, nothing saved yet.
pub fn what_if_table(id: String, applied: bool, rows: Vec<WhatIfRow>) -> impl IntoView {
    let caption = if applied {
        "Saved. Escalations that changed"
    } else {
        "Preview (not saved). Escalations that would change"
    };
    if rows.is_empty() {
        let text = if applied {
            "Saved. No escalation changes."
        } else {
            "Preview (not saved): no escalation changes."
        };
        return view! { <p id=id class="hint" role="status">{text}</p> }.into_any();
    }
    view! {
        <table id=id class="what-if">
            <caption>{caption} " (" {rows.len()} ")"</caption>
            <thead>
                <tr>
                    <th scope="col">"Escalation"</th>
                    <th scope="col">"Tier"</th>
                    <th scope="col">"SLA state"</th>
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|r| {
                        view! {
                            <tr>
                                <td>{r.escalation_id}</td>
                                <td>{r.tier}</td>
                                <td>
                                    {r.sla.into_iter().map(|l| view! { <div>{l}</div> }).collect_view()}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
