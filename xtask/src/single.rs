//! The single-file build: Trunk's `dist/` folded into one HTML file (CSS, JS glue and wasm
//! inlined) that opens from `file://`, for offline demos sent as one attachment.
//!
//! Browsers refuse to load a module or fetch a `.wasm` next to a `file://` page, so both
//! travel as base64: the glue is imported from a `blob:` URL and the wasm bytes are handed to
//! its init (`module_or_path` accepts bytes).

use std::path::{Path, PathBuf};

use crate::sh::Result;

/// Writes `out/escalon.html` from the release build in `dist`; returns its path.
pub fn write(dist: &Path, out: &Path) -> Result<PathBuf> {
    let glue = only(dist, |n| n.ends_with(".js"))?;
    let wasm = only(dist, |n| n.ends_with("_bg.wasm"))?;
    let css = only(dist, |n| n.ends_with(".css"))?;
    let read = |p: &Path| std::fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()));
    let css = String::from_utf8(read(&css)?).map_err(|_| "the CSS is not UTF-8".to_string())?;
    let html = page(&css, &read(&glue)?, &read(&wasm)?);
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let file = out.join("escalon.html");
    std::fs::write(&file, html).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
    Ok(file)
}

/// The one file in `dir` whose name matches; Trunk writes exactly one of each.
fn only(dir: &Path, matches: impl Fn(&str) -> bool) -> Result<PathBuf> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        format!(
            "cannot list {} (run the release build first): {e}",
            dir.display()
        )
    })?;
    let found: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(&matches))
        .collect();
    match found.as_slice() {
        [one] => Ok(one.clone()),
        _ => Err(format!(
            "expected one matching file in {}, found {found:?}",
            dir.display()
        )),
    }
}

fn page(css: &str, glue: &[u8], wasm: &[u8]) -> String {
    // `</style` would end the element early; `\/` is the same character to CSS.
    let css = css.replace("</style", "<\\/style");
    format!(
        r#"<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Escalon</title>
    <link rel="icon" href="data:," />
    <style>
{css}
    </style>
  </head>
  <body>
    <script type="module">
const bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
const glue = URL.createObjectURL(new Blob([bytes("{glue}")], {{ type: "text/javascript" }}));
const {{ default: init }} = await import(glue);
await init({{ module_or_path: bytes("{wasm}") }});
    </script>
  </body>
</html>
"#,
        glue = base64(glue),
        wasm = base64(wasm),
    )
}

/// Standard base64 with padding (RFC 4648), as `atob` reads it.
fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in cases {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
        assert_eq!(base64(&[0xff, 0xfe, 0x00]), "//4A");
    }

    #[test]
    fn the_page_inlines_everything_and_keeps_css_inside_its_element() {
        let html = page("a::after { content: '</style>' }", b"js", b"\0asm");
        assert!(html.contains(&base64(b"js")) && html.contains(&base64(b"\0asm")));
        assert_eq!(html.matches("</style").count(), 1);
        assert!(!html.contains("src=") && !html.contains("href=\"./"));
    }
}
