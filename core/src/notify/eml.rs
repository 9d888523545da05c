//! A downloadable `.eml`: RFC 5322 headers and a multipart/alternative body (text, then
//! HTML) in quoted-printable, so long lines and non-ASCII text survive any mail client.
//! Header values have CR/LF removed and non-ASCII words encoded (RFC 2047).

use super::escape::header;

pub struct Mail<'a> {
    pub from: (&'a str, &'a str),
    pub to: Vec<(String, String)>,
    pub subject: &'a str,
    /// RFC 2822 date, e.g. `Wed, 22 Jan 2025 10:00:00 +0000`.
    pub date: String,
    /// Unique per notification (the event id), also used for the MIME boundary.
    pub id: &'a str,
    pub text: &'a str,
    pub html: &'a str,
}

/// ASCII text as it is (CR/LF removed); other text as RFC 2047 encoded words of at most 75
/// characters each (45 bytes of UTF-8, never splitting a character), folded onto lines of
/// their own: the whitespace between two encoded words is not part of the text.
fn encode_word(s: &str) -> String {
    let s = header(s);
    if s.is_ascii() {
        return s;
    }
    let mut words = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if i + c.len_utf8() - start > 45 {
            words.push(&s[start..i]);
            start = i;
        }
    }
    words.push(&s[start..]);
    words
        .iter()
        .map(|w| format!("=?UTF-8?B?{}?=", base64(w.as_bytes())))
        .collect::<Vec<_>>()
        .join("\r\n ")
}

fn base64(bytes: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(T[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// `"Name" <a@b.c>`; a non-ASCII name as bare encoded words, since RFC 2047 does not allow
/// them inside quotes (mail readers would show `=?UTF-8?B?...?=` as it is).
fn address(name: &str, email: &str) -> String {
    let email = header(email).replace(['<', '>', ',', ' '], "");
    let name = header(name).replace(['"', '\\'], "");
    if name.trim().is_empty() {
        format!("<{email}>")
    } else if name.is_ascii() {
        format!("\"{name}\" <{email}>")
    } else {
        format!("{} <{email}>", encode_word(&name))
    }
}

/// Quoted-printable (RFC 2045): lines at most 76 characters, CRLF line ends.
pub fn quoted_printable(text: &str) -> String {
    let mut out = String::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("\r\n");
        }
        let line = line.strip_suffix('\r').unwrap_or(line);
        let mut width = 0;
        let bytes = line.as_bytes();
        for (j, &b) in bytes.iter().enumerate() {
            let last = j + 1 == bytes.len();
            let literal =
                (b == b' ' || b == b'\t') && !last || (33..=126).contains(&b) && b != b'=';
            let piece = if literal {
                (b as char).to_string()
            } else {
                format!("={b:02X}")
            };
            if width + piece.len() > 75 {
                out.push_str("=\r\n");
                width = 0;
            }
            width += piece.len();
            out.push_str(&piece);
        }
    }
    out
}

pub fn build(m: &Mail) -> String {
    let boundary = format!(
        "escalon-{}",
        m.id.replace(|c: char| !c.is_ascii_alphanumeric(), "")
    );
    let to: Vec<String> = m.to.iter().map(|(n, e)| address(n, e)).collect();
    let mut out = String::new();
    let mut h = |k: &str, v: &str| {
        out.push_str(k);
        out.push_str(": ");
        out.push_str(v);
        out.push_str("\r\n");
    };
    h("From", &address(m.from.0, m.from.1));
    h("To", &to.join(",\r\n "));
    h("Subject", &encode_word(m.subject));
    h("Date", &m.date);
    h(
        "Message-ID",
        &format!("<{}@escalon>", header(m.id).replace(['<', '>', ' '], "")),
    );
    h("MIME-Version", "1.0");
    h(
        "Content-Type",
        &format!("multipart/alternative; boundary=\"{boundary}\""),
    );
    out.push_str("\r\n");
    for (kind, body) in [("plain", m.text), ("html", m.html)] {
        out.push_str(&format!(
            "--{boundary}\r\nContent-Type: text/{kind}; charset=utf-8\r\n\
             Content-Transfer-Encoding: quoted-printable\r\n\r\n{}\r\n",
            quoted_printable(body)
        ));
    }
    out.push_str(&format!("--{boundary}--\r\n"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qp_wraps_and_escapes() {
        let long = "x".repeat(100);
        let qp = quoted_printable(&format!("{long}\né = ok "));
        assert!(qp.lines().all(|l| l.len() <= 76));
        assert!(qp.contains("=C3=A9 =3D ok=20"));
        assert_eq!(base64(b"Ma"), "TWE=");
        assert_eq!(encode_word("a\r\nBcc: x"), "a  Bcc: x");
    }

    /// Regression (audit of 2026-11-29): a non-ASCII name was an encoded word inside quotes,
    /// and a long subject one encoded word of over 75 characters.
    #[test]
    fn encoded_words_are_bare_and_short() {
        assert_eq!(address("Zoë", "a@b.c"), "=?UTF-8?B?Wm/Dqw==?= <a@b.c>");
        assert_eq!(address("Ann \"A\"", "a@b.c"), "\"Ann A\" <a@b.c>");
        assert_eq!(address("", "a@b.c"), "<a@b.c>");
        let subject = "Überfällige Eskalation für Kunde Müller GmbH – bitte sofort prüfen";
        let encoded = encode_word(subject);
        let words: Vec<&str> = encoded.split("\r\n ").collect();
        assert!(words.len() > 1);
        assert!(words.iter().all(|w| w.len() <= 75), "{encoded}");
        let decoded: Vec<u8> = words
            .iter()
            .flat_map(|w| decode64(&w["=?UTF-8?B?".len()..w.len() - 2]))
            .collect();
        assert_eq!(String::from_utf8(decoded).unwrap(), subject);
    }

    fn decode64(s: &str) -> Vec<u8> {
        const T: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let bits: Vec<u32> = s
            .bytes()
            .filter(|&b| b != b'=')
            .map(|b| T.find(b as char).unwrap() as u32)
            .collect();
        let mut out = Vec::new();
        for chunk in bits.chunks(4) {
            let n = chunk.iter().fold(0u32, |n, &v| (n << 6) | v) << (6 * (4 - chunk.len()));
            for k in 0..chunk.len() - 1 {
                out.push((n >> (16 - 8 * k)) as u8);
            }
        }
        out
    }
}
