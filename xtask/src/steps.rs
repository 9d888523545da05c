//! The commands themselves: each a list of steps, tools first.

use std::path::PathBuf;
use std::time::Instant;

use crate::browser::{self, Browser};
use crate::sh::{self, say, Result};
use crate::{node, single, tools};

const WASM: &str = "wasm32-unknown-unknown";

/// Flags for the release wasm builds (web and embed): `.cargo/config.toml`'s (this variable
/// replaces them, so they are repeated) plus two that shrink the module without changing
/// what it does. `-Zfmt-debug=shallow`: derived `Debug` prints a type's name only, and no
/// runtime text uses `{:?}` of a derived type (jiff's messages print field-less enums,
/// which are unchanged). `-Zlocation-detail=none`: a panic message loses its file and line
/// (release builds abort on panic anyway). Measured: web -26 KB gzip, embed -23 KB.
/// `-Cpanic=immediate-abort`, with std rebuilt for it (`CARGO_UNSTABLE_BUILD_STD`): a panic
/// is a trap at once, so no panic message is formatted and the formatting machinery it
/// kept alive goes (embed -21 KB gzip); a host saw a trap either way. They are unstable
/// flags, so `RUSTC_BOOTSTRAP=1` lets the stable toolchain take them; kept out of the
/// config so clippy, tests and `trunk serve` build as usual.
const RELEASE_WASM_FLAGS: &str = "--cfg erase_components -Zfmt-debug=shallow \
     -Zlocation-detail=none -Zunstable-options -Cpanic=immediate-abort";

/// `c` set up to build release wasm with [`RELEASE_WASM_FLAGS`].
pub fn release_wasm(mut c: std::process::Command) -> std::process::Command {
    c.env("RUSTC_BOOTSTRAP", "1")
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
            RELEASE_WASM_FLAGS,
        )
        .env("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort");
    c
}

/// Tools for building the web app (everything but the browser).
fn build_tools() -> Result {
    tools::wasm_target()?;
    node::ensure_packages()?;
    tools::wasm_bindgen()?;
    tools::trunk()?;
    tools::fetch()
}

pub fn setup() -> Result {
    let pending = browser::start_install()?;
    build_tools()?;
    browser::finish(pending).map(|_| ())
}

pub fn serve() -> Result {
    build_tools()?;
    say("serving the app on http://127.0.0.1:8080 (Ctrl-C to stop)");
    sh::run(&mut sh::cmd("trunk", &["serve"]))
}

pub fn dist() -> Result {
    build_tools()?;
    trunk_release()?;
    say(&format!(
        "the app is in dist/ and, as one file, in {}",
        single_file()?.display()
    ));
    Ok(())
}

fn trunk_release() -> Result {
    sh::run(&mut release_wasm(sh::cmd("trunk", &["build", "--release"])))
}

/// Only the single file, from the release build already in `dist/`.
pub fn single() -> Result {
    say(&format!("wrote {}", single_file()?.display()));
    Ok(())
}

/// `dist-single/escalon.html`, from the release build in `dist/`.
fn single_file() -> Result<PathBuf> {
    single::write(&sh::root().join("dist"), &sh::root().join("dist-single"))
}

pub fn embed() -> Result {
    tools::wasm_target()?;
    node::ensure_packages()?;
    tools::wasm_bindgen()?;
    let pkg = build_embed()?;
    say(&format!("the escalon package is in {}", pkg.display()));
    Ok(())
}

/// Builds the ES module package (glue, .wasm, typed wrapper, .d.ts, package.json) into one
/// folder a host can copy or `npm install`; returns it. The package holds two builds of the
/// engine behind one glue: `escalon_embed_bg.wasm` (optimised for size, what `init()` loads)
/// and `escalon_embed_speed_bg.wasm` (for speed, for bulk triage where bytes matter less).
fn build_embed() -> Result<PathBuf> {
    let out = sh::target_dir().join("embed").join("pkg");
    let speed = sh::target_dir().join("embed").join("speed");
    // `--converge` repeats the size passes until the module stops shrinking (-2 KB gzip).
    let builds: [(&str, &PathBuf, &[&str]); 2] = [
        ("release", &out, &["-Oz", "--converge"]),
        ("speed", &speed, &["-O3"]),
    ];
    for (profile, dir, opt) in builds {
        sh::run(&mut release_wasm(sh::cmd(
            "cargo",
            &[
                "build",
                "--profile",
                profile,
                "--package",
                "escalon-embed",
                "--target",
                WASM,
            ],
        )))?;
        let wasm = sh::target_dir()
            .join(WASM)
            .join(profile)
            .join("escalon_embed.wasm");
        sh::run(&mut sh::cmd(
            "wasm-bindgen",
            &[
                "--target",
                "web",
                "--out-dir",
                dir.to_str().unwrap(),
                wasm.to_str().unwrap(),
            ],
        ))?;
        let bg = dir.join("escalon_embed_bg.wasm");
        let bg = bg.to_str().unwrap();
        sh::run(&mut sh::cmd("wasm-opt", &[opt, &[bg, "-o", bg]].concat()))?;
    }
    // One glue serves both only if wasm-bindgen wrote the same glue for both.
    let glue = |dir: &PathBuf| std::fs::read(dir.join("escalon_embed.js")).unwrap_or_default();
    if glue(&out) != glue(&speed) {
        return Err("the speed build's wasm-bindgen glue differs from the size build's".into());
    }
    std::fs::copy(
        speed.join("escalon_embed_bg.wasm"),
        out.join("escalon_embed_speed_bg.wasm"),
    )
    .map_err(|e| format!("cannot copy the speed build: {e}"))?;
    for file in ["escalon.js", "escalon.d.ts", "package.json"] {
        let from = sh::root().join("embed").join("js").join(file);
        std::fs::copy(&from, out.join(file))
            .map_err(|e| format!("cannot copy {}: {e}", from.display()))?;
    }
    Ok(out)
}

pub fn test() -> Result {
    let started = Instant::now();
    let pending = browser::start_install()?;
    build_tools()?;
    let browser = browser::finish(pending)?;
    say(&format!(
        "tools ready after {}s",
        started.elapsed().as_secs()
    ));

    sh::run(&mut sh::cmd("cargo", &["fmt", "--all", "--check"]))?;
    sh::run(&mut sh::cmd(
        "cargo",
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    ))?;
    sh::run(&mut sh::cmd(
        "cargo",
        &[
            "clippy",
            "--package",
            "escalon-web",
            "--package",
            "escalon-embed",
            "--all-targets",
            "--target",
            WASM,
            "--",
            "-D",
            "warnings",
        ],
    ))?;
    sh::run(&mut sh::cmd("cargo", &["test", "--workspace"]))?;
    wasm_tests(&browser)?;

    let pkg = build_embed()?;
    sh::run(sh::cmd("node", &["--test", "tests/embed/"]).env("ESCALON_EMBED_PKG", &pkg))?;

    trunk_release()?;
    let single = single_file()?;
    let shots = sh::target_dir().join("e2e");
    sh::run(
        sh::cmd("node", &["--test", "--test-concurrency=1", "tests/e2e/"])
            .env("ESCALON_DIST", sh::root().join("dist"))
            .env("ESCALON_SINGLE", &single)
            .env("ESCALON_SCREENSHOTS", &shots)
            .env("ESCALON_EMBED_PKG", &pkg)
            .env("CHROMIUM", &browser.chromium),
    )?;
    say(&format!(
        "all tests passed in {}s; screenshots in {}",
        started.elapsed().as_secs(),
        shots.display()
    ));
    Ok(())
}

/// wasm-bindgen tests of the web crate in headless Chromium (web/webdriver.json sets its flags).
fn wasm_tests(browser: &Browser) -> Result {
    sh::run(
        sh::cmd(
            "cargo",
            &["test", "--package", "escalon-web", "--target", WASM],
        )
        .env("CHROMEDRIVER", &browser.chromedriver)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120"),
    )
}
