//! Loading and saving the workspace file. Saving writes a temporary file beside the target
//! and renames it over, so a crash or a full disk leaves either the old file or the new one,
//! never a truncated mix.

use std::fs;
use std::io::Write;
use std::path::Path;

use escalon::Workspace;

pub fn load(path: &str) -> Result<Workspace, String> {
    let text = fs::read_to_string(path).map_err(|e| {
        format!("cannot read workspace {path}: {e} (create one with `escalon demo > {path}`)")
    })?;
    Workspace::from_json(&text).map_err(|e| format!("workspace {path}: {e}"))
}

pub fn save(path: &str, ws: &Workspace) -> Result<(), String> {
    let target = Path::new(path);
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = target
        .file_name()
        .ok_or_else(|| format!("{path} is not a file name"))?
        .to_string_lossy();
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = write_then_rename(&tmp, target, ws.to_json_pretty().as_bytes());
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map_err(|e| format!("cannot save workspace {path}: {e}"))
}

fn write_then_rename(tmp: &Path, target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = fs::File::create(tmp)?;
    f.write_all(bytes)?;
    f.write_all(b"\n")?;
    // Data must be on disk before the rename makes it the file of record.
    f.sync_all()?;
    drop(f);
    fs::rename(tmp, target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn save_replaces_the_file_and_leaves_no_temp() {
        let dir = std::env::temp_dir().join(format!("escalon-ws-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("ws.json");
        fs::write(&path, "old").unwrap();
        let p = path.to_str().unwrap();
        save(p, &Workspace::default()).unwrap();
        assert_eq!(load(p).unwrap(), Workspace::default());
        let leftovers: Vec<_> = fs::read_dir(&dir).unwrap().collect();
        assert_eq!(leftovers.len(), 1);
        fs::remove_dir_all(&dir).unwrap();
    }
}
