//! Node and the npm tools (wasm-opt from binaryen, playwright-core, typescript), kept in
//! tests/node_modules.

use crate::sh::{self, say, Result};

pub fn ensure_node() -> Result {
    if sh::output("node", &["--version"]).is_some() && sh::output("npm", &["--version"]).is_some() {
        return Ok(());
    }
    if sh::is_root() && sh::output("apt-get", &["--version"]).is_some() {
        say("installing Node.js and npm through apt");
        sh::run(&mut sh::cmd("apt-get", &["update"]))?;
        return sh::run(&mut sh::cmd("apt-get", &["install", "-y", "nodejs", "npm"]));
    }
    Err("Node.js 18+ and npm are needed: install them and run again".into())
}

/// Installs the pinned packages of tests/package.json unless they are already there.
pub fn ensure_packages() -> Result {
    ensure_node()?;
    let modules = sh::root().join("tests").join("node_modules");
    let wanted = ["binaryen", "playwright-core", "yaml", "typescript"];
    let have_all = wanted
        .iter()
        .all(|p| modules.join(p).join("package.json").exists())
        && sh::output("wasm-opt", &["--version"]).is_some_and(|v| v.contains("132"));
    if have_all {
        say("node tools (binaryen 132, playwright-core, yaml, typescript): present");
        return Ok(());
    }
    say("installing node tools into tests/node_modules");
    sh::run(&mut sh::cmd(
        "npm",
        &[
            "install",
            "--prefix",
            "tests",
            "--no-package-lock",
            "--no-audit",
            "--no-fund",
        ],
    ))
}
