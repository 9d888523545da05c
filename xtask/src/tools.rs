//! Installing the build tools, each skipped when the right version is already there.

use crate::sh::{self, say, Result};

pub const TRUNK_VERSION: &str = "0.21.14";
/// Must equal the `wasm-bindgen` crate pinned in the root Cargo.toml.
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";

/// The wasm target and the standard library's sources: release wasm rebuilds std
/// (`steps::release_wasm`), which needs them.
pub fn wasm_target() -> Result {
    let installed = sh::output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        say("wasm32-unknown-unknown target: present");
    } else {
        say("installing the wasm32-unknown-unknown target");
        sh::run(&mut sh::cmd(
            "rustup",
            &["target", "add", "wasm32-unknown-unknown"],
        ))?;
    }
    if std_library().is_some_and(|l| l.join("Cargo.lock").is_file()) {
        say("rust-src: present");
        return Ok(());
    }
    say("installing rust-src (the standard library's sources)");
    sh::run(&mut sh::cmd("rustup", &["component", "add", "rust-src"]))
}

/// `<sysroot>/lib/rustlib/src/rust/library`, where rust-src puts the standard library.
fn std_library() -> Option<std::path::PathBuf> {
    let sysroot = sh::output("rustc", &["--print", "sysroot"])?;
    Some(std::path::Path::new(sysroot.trim()).join("lib/rustlib/src/rust/library"))
}

pub fn trunk() -> Result {
    if version_of("trunk").as_deref() == Some(TRUNK_VERSION) {
        say(&format!("trunk {TRUNK_VERSION}: present"));
        return Ok(());
    }
    say(&format!(
        "installing trunk {TRUNK_VERSION} (the longest step: ~4 minutes on 2 cores)"
    ));
    // Without default features: no TLS stack (trunk runs offline here, so it never downloads)
    // and no update check. Trunk only orchestrates cargo, wasm-bindgen and wasm-opt, so its
    // own speed hardly matters: unoptimised, it builds in a quarter of the time (12.5 minutes
    // with its own fat-LTO profile, ~3.5 without) and a release build of the app takes as long.
    let mut c = sh::cmd(
        "cargo",
        &[
            "install",
            "trunk",
            "--version",
            TRUNK_VERSION,
            "--locked",
            "--no-default-features",
        ],
    );
    light_profile(&mut c, "0");
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
    // No TLS: it only talks to a local ChromeDriver, over plain HTTP.
    let mut c = sh::cmd(
        "cargo",
        &[
            "install",
            "wasm-bindgen-cli",
            "--version",
            WASM_BINDGEN_VERSION,
            "--no-default-features",
        ],
    );
    light_profile(&mut c, "1");
    sh::run(&mut c)
}

/// A release profile that builds fast: a tool's own speed matters less than its install time.
fn light_profile(c: &mut std::process::Command, opt_level: &str) {
    c.env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", opt_level)
        .env("CARGO_PROFILE_RELEASE_DEBUG", "false");
}

/// Trunk runs offline, which makes its cargo offline too: fetch every crate first.
/// Every crate a build may need, so trunk's builds can run offline: the workspace's and
/// those of the standard library, which release wasm builds compile too.
pub fn fetch() -> Result {
    say("fetching crates");
    sh::run(&mut sh::cmd("cargo", &["fetch"]))?;
    let manifest = std_library()
        .ok_or("rustc --print sysroot failed")?
        .join("Cargo.toml");
    let mut std_crates = sh::cmd(
        "cargo",
        &[
            "fetch",
            "--manifest-path",
            manifest.to_str().unwrap_or_default(),
        ],
    );
    // The library's manifest uses unstable cargo features.
    sh::run(std_crates.env("RUSTC_BOOTSTRAP", "1"))
}

/// `trunk 0.21.14` -> `0.21.14`; `wasm-bindgen 0.2.130` -> `0.2.130`.
fn version_of(program: &str) -> Option<String> {
    let out = sh::output(program, &["--version"])?;
    out.split_whitespace().nth(1).map(str::to_string)
}
