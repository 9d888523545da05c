//! How a workspace document is written into localStorage: deflated, then packed 15 bits to a
//! character. Chromium gives an origin 5,242,880 characters whatever their width (measured:
//! ASCII, Latin-1 and CJK strings all stop at the same length), so plain JSON at about
//! 4 KB per escalation filled it at about 1,200 escalations. Deflate shrinks the demo's
//! document about 8 times and 15-bit packing carries almost two bytes per character, so the
//! same quota holds over ten times as many. 15 bits, not 16: every value below 0x8000 is a
//! whole UTF-16 unit (no surrogate halves), so the text survives any string API unchanged.
//!
//! Plain JSON stays readable: what does not start with [`MARKER`] is returned as it is, so
//! documents saved before packing, and those a test or script writes by hand, still open.

/// Starts every packed value; no JSON document starts like this.
pub const MARKER: &str = "escalon:deflate15:";

/// Level 1 of 10: the demo packs to 12 % of its text at level 1 and 8 % at level 6, but
/// level 1 is several times faster, and a save of a large workspace happens on every edit.
const LEVEL: u8 = 1;

/// `MARKER`, the byte length of the deflated stream, `:`, then the stream 15 bits a char.
pub fn pack(text: &str) -> String {
    let bytes = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), LEVEL);
    let mut out = String::with_capacity(MARKER.len() + 12 + bytes.len() * 8 / 15 * 3 + 3);
    out.push_str(MARKER);
    out.push_str(&bytes.len().to_string());
    out.push(':');
    let (mut acc, mut bits) = (0u32, 0u32);
    for &b in &bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        if bits >= 15 {
            bits -= 15;
            out.push(unit((acc >> bits) & 0x7FFF));
        }
    }
    if bits > 0 {
        out.push(unit((acc << (15 - bits)) & 0x7FFF));
    }
    out
}

fn unit(v: u32) -> char {
    char::from_u32(v).expect("values below 0x8000 are characters")
}

/// Why a stored value that claims to be packed could not be read back.
#[derive(Debug, PartialEq)]
pub struct Damaged(pub &'static str);

/// The document text of a stored value: unpacked when it carries [`MARKER`], as it is
/// otherwise.
pub fn unpack(stored: &str) -> Result<std::borrow::Cow<'_, str>, Damaged> {
    let Some(rest) = stored.strip_prefix(MARKER) else {
        return Ok(std::borrow::Cow::Borrowed(stored));
    };
    let (len, units) = rest.split_once(':').ok_or(Damaged("no length"))?;
    let len: usize = len.parse().map_err(|_| Damaged("bad length"))?;
    let mut bytes = Vec::with_capacity(len);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in units.chars() {
        let v = c as u32;
        if v > 0x7FFF {
            return Err(Damaged("a character outside the packed range"));
        }
        acc = (acc << 15) | v;
        bits += 15;
        while bits >= 8 && bytes.len() < len {
            bits -= 8;
            bytes.push((acc >> bits) as u8);
        }
        acc &= (1 << bits) - 1;
    }
    if bytes.len() != len {
        return Err(Damaged("shorter than its length says"));
    }
    let text =
        miniz_oxide::inflate::decompress_to_vec(&bytes).map_err(|_| Damaged("not deflate"))?;
    String::from_utf8(text)
        .map(std::borrow::Cow::Owned)
        .map_err(|_| Damaged("not UTF-8 text"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_come_back_as_they_were() {
        for text in [
            "",
            "{}",
            "é",
            "{\"a\":\"x\\u0000y\"} 🎉",
            &"ab".repeat(10_000),
        ] {
            assert_eq!(unpack(&pack(text)).unwrap(), text);
        }
    }

    #[test]
    fn every_packed_character_is_a_whole_utf16_unit() {
        let text = escalon::demo::demo_workspace().to_json();
        let packed = pack(&text);
        assert!(packed[MARKER.len()..].chars().all(|c| (c as u32) < 0x8000));
    }

    #[test]
    fn the_demo_takes_under_a_sixth_of_the_characters() {
        let text = escalon::demo::demo_workspace().to_json();
        let packed = pack(&text);
        assert!(
            packed.encode_utf16().count() * 6 < text.encode_utf16().count(),
            "{} characters packed, {} plain",
            packed.encode_utf16().count(),
            text.len()
        );
        assert_eq!(unpack(&packed).unwrap(), text);
    }

    #[test]
    fn plain_json_is_read_as_it_is() {
        assert_eq!(
            unpack("{\"schema_version\": 2}").unwrap(),
            "{\"schema_version\": 2}"
        );
    }

    #[test]
    fn damage_is_reported_not_guessed_around() {
        let packed = pack(&"escalation ".repeat(500));
        let cut: String = packed.chars().take(packed.chars().count() - 3).collect();
        assert!(unpack(&cut).is_err());
        assert!(unpack(&format!("{MARKER}12")).is_err());
        assert!(unpack(&format!("{MARKER}x:abc")).is_err());
        let mut flipped: Vec<char> = packed.chars().collect();
        let last = flipped.len() - 2;
        flipped[last] = '\u{9000}';
        assert!(unpack(&flipped.into_iter().collect::<String>()).is_err());
    }
}
