//! KPI tiles over the open workspace.

use escalon::state::fold;
use leptos::prelude::*;

use crate::store::use_store;

#[derive(Default)]
struct Kpis {
    total: usize,
    open_by_tier: [usize; 4],
    resolved: usize,
}

#[component]
pub fn Dashboard() -> impl IntoView {
    let store = use_store();
    let kpis = Memo::new(move |_| {
        store.with(|ws| {
            let mut k = Kpis::default();
            for s in ws.escalations.iter().map(fold) {
                k.total += 1;
                if s.status.is_done() {
                    k.resolved += 1;
                } else if let Some(slot) =
                    k.open_by_tier.get_mut(usize::from(s.tier.clamp(1, 4)) - 1)
                {
                    *slot += 1;
                }
            }
            (k.total, k.open_by_tier, k.resolved)
        })
    });
    view! {
        <section class="tiles" aria-label="Key figures">
            <div class="tile">
                <span class="label">"Escalations"</span>
                <span class="value" data-testid="kpi-total">{move || kpis.get().0}</span>
            </div>
            {(0..4)
                .map(|i| {
                    view! {
                        <div class=format!("tile tier{}", i + 1)>
                            <span class="label">{format!("Open at tier {}", i + 1)}</span>
                            <span class="value" data-testid=format!("kpi-open-tier{}", i + 1)>
                                {move || kpis.get().1[i]}
                            </span>
                        </div>
                    }
                })
                .collect_view()}
            <div class="tile">
                <span class="label">"Resolved or closed"</span>
                <span class="value" data-testid="kpi-resolved">{move || kpis.get().2}</span>
            </div>
        </section>
    }
}
