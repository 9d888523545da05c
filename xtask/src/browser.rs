//! Chromium and ChromeDriver for the browser tests. Installed through apt when running as
//! root on Debian, in the background while the Rust tools compile.

use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};

use crate::sh::{self, say, Result};

pub struct Browser {
    pub chromium: PathBuf,
    pub chromedriver: PathBuf,
}

/// A browser that is already installed, honouring `CHROMIUM` and `CHROMEDRIVER`.
pub fn find() -> Option<Browser> {
    let chromium = pick(
        "CHROMIUM",
        &[
            "/usr/bin/chromium",
            "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome",
        ],
    )?;
    let chromedriver = pick("CHROMEDRIVER", &["/usr/bin/chromedriver"])?;
    Some(Browser {
        chromium,
        chromedriver,
    })
}

fn pick(var: &str, candidates: &[&str]) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(var) {
        return Some(PathBuf::from(p)).filter(|p| p.exists());
    }
    candidates.iter().map(PathBuf::from).find(|p| p.exists())
}

/// A running apt install, to be waited on with [`finish`].
pub struct Pending {
    child: Child,
    log: PathBuf,
}

/// Starts installing Chromium when it is missing; `Ok(None)` when nothing is needed.
pub fn start_install() -> Result<Option<Pending>> {
    if find().is_some() {
        say("chromium and chromedriver: present");
        return Ok(None);
    }
    if !(sh::is_root() && Path::new("/usr/bin/apt-get").exists()) {
        return Err(
            "browser tests need Chromium and ChromeDriver: install the packages \
                    `chromium` and `chromium-driver` (or set CHROMIUM and CHROMEDRIVER to their \
                    paths) and run again"
                .into(),
        );
    }
    let log = sh::target_dir().join("xtask-apt.log");
    std::fs::create_dir_all(log.parent().unwrap()).map_err(|e| e.to_string())?;
    say(&format!(
        "installing chromium and chromium-driver through apt in the background (log: {})",
        log.display()
    ));
    let out = std::fs::File::create(&log).map_err(|e| e.to_string())?;
    let err = out.try_clone().map_err(|e| e.to_string())?;
    let child = sh::cmd(
        "sh",
        &[
            "-c",
            "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver",
        ],
    )
    .stdin(Stdio::null())
    .stdout(out)
    .stderr(err)
    .spawn()
    .map_err(|e| format!("cannot start apt-get: {e}"))?;
    Ok(Some(Pending { child, log }))
}

pub fn finish(pending: Option<Pending>) -> Result<Browser> {
    if let Some(mut p) = pending {
        let status = p.child.wait().map_err(|e| e.to_string())?;
        if !status.success() {
            let log = std::fs::read_to_string(&p.log).unwrap_or_default();
            let tail: Vec<&str> = log.lines().rev().take(20).collect();
            let tail: Vec<&str> = tail.into_iter().rev().collect();
            return Err(format!("installing chromium failed:\n{}", tail.join("\n")));
        }
        say("chromium and chromedriver: installed");
    }
    find().ok_or_else(|| "chromium was installed but /usr/bin/chromium is not there".into())
}
