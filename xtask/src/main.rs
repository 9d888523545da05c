//! `cargo xtask <command>`: the project's two-command setup and everything around it.
//! Every command installs what it needs first and skips what is already in place.

mod bench;
mod browser;
mod fuzz;
mod node;
mod sh;
mod single;
mod steps;
mod tools;

use std::process::ExitCode;

const HELP: &str = "\
cargo xtask <command>

  serve   install what is missing, build the web app and serve it on http://127.0.0.1:8080
  test    install what tests need, then run every test (fmt, clippy, native, wasm, embed, e2e)
  dist    release build of the web app into dist/, and the same app as one HTML file
          (dist-single/escalon.html) that opens from file://
  single  only the one-file build, from the release build already in dist/
  embed   build the embed ES module into target/embed/pkg
  bench   triage vs json-rules-engine and json-logic-js, metrics in WASM, native benches;
          writes BENCHMARKS.md
  fuzz [seconds] [target...]
          run each cargo-fuzz target (door, workspace_import, template) for a bounded
          time, 60 s each by default; installs cargo-fuzz; not part of `test`
  setup   only install the tools (wasm target, trunk, wasm-bindgen-cli, node tools, chromium)
";

fn main() -> ExitCode {
    let cmd = std::env::args().nth(1).unwrap_or_default();
    let result = match cmd.as_str() {
        "serve" => steps::serve(),
        "test" => steps::test(),
        "dist" => steps::dist(),
        "single" => steps::single(),
        "embed" => steps::embed(),
        "setup" => steps::setup(),
        "bench" => bench::bench(),
        "fuzz" => fuzz::fuzz(&std::env::args().skip(2).collect::<Vec<_>>()),
        "" | "help" | "--help" | "-h" => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        other => Err(format!("unknown command '{other}'\n\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}
