//! Installing the build tools, each skipped when the right version is already there.

use crate::sh::{self, say, Result};

pub const TRUNK_VERSION: &str = "0.21.14";
/// Must equal the `wasm-bindgen` crate pinned in the root Cargo.toml.
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";

pub fn wasm_target() -> Result {
    let installed = sh::output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        say("wasm32-unknown-unknown target: present");
        return Ok(());
    }
    say("installing the wasm32-unknown-unknown target");
    sh::run(&mut sh::cmd(
        "rustup",
        &["target", "add", "wasm32-unknown-unknown"],
    ))
}

pub fn trunk() -> Result {
    if version_of("trunk").as_deref() == Some(TRUNK_VERSION) {
        say(&format!("trunk {TRUNK_VERSION}: present"));
        return Ok(());
    }
    say(&format!(
        "installing trunk {TRUNK_VERSION} (the longest step: ~10 minutes on 2 cores)"
    ));
    let mut c = sh::cmd(
        "cargo",
        &["install", "trunk", "--version", TRUNK_VERSION, "--locked"],
    );
    // Trunk's own speed hardly matters here; a lighter release profile builds it much faster.
    c.env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "1")
        .env("CARGO_PROFILE_RELEASE_DEBUG", "false");
    sh::run(&mut c)
}

pub fn wasm_bindgen() -> Result {
    if version_of("wasm-bindgen").as_deref() == Some(WASM_BINDGEN_VERSION) {
        say(&format!("wasm-bindgen-cli {WASM_BINDGEN_VERSION}: present"));
        return Ok(());
    }
    say(&format!(
        "installing wasm-bindgen-cli {WASM_BINDGEN_VERSION}"
    ));
    // Not --locked: the CLI's lock file names a crate version the registry no longer has.
    sh::run(&mut sh::cmd(
        "cargo",
        &[
            "install",
            "wasm-bindgen-cli",
            "--version",
            WASM_BINDGEN_VERSION,
        ],
    ))
}

/// Trunk runs offline, which makes its cargo offline too: fetch every crate first.
pub fn fetch() -> Result {
    say("fetching crates");
    sh::run(&mut sh::cmd("cargo", &["fetch"]))
}

/// `trunk 0.21.14` -> `0.21.14`; `wasm-bindgen 0.2.130` -> `0.2.130`.
fn version_of(program: &str) -> Option<String> {
    let out = sh::output(program, &["--version"])?;
    out.split_whitespace().nth(1).map(str::to_string)
}
