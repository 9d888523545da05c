//! The storage notice above every page: an unreadable save kept aside, a failed write, and,
//! when the stored document could not be opened, the backup offered back.

use leptos::prelude::*;

use crate::store::use_store;

#[component]
pub fn StorageNotice() -> impl IntoView {
    let store = use_store();
    let restore = move |_| {
        let outcome = match store.backup() {
            Some(Ok(ws)) => store.replace(ws),
            Some(Err(e)) => Err(format!("The backup cannot be opened either ({e}).")),
            None => Err("There is no backup.".into()),
        };
        if let Err(e) = outcome {
            store.notice.set(Some(e));
        }
    };
    move || {
        store.notice.get().map(|n| {
            view! {
                <p class="notice" role="alert" id="storage-notice">
                    {n}
                    <Show when=move || store.offer_restore.get()>
                        " "
                        <button id="notice-restore" type="button" on:click=restore>
                            "Restore backup"
                        </button>
                    </Show>
                </p>
            }
        })
    }
}
