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

fn encode_word(s: &str) -> String {
    let s = header(s);
    if s.is_ascii() {
        return s;
    }
    // Base64 by hand: one encoded word per header keeps the code small; mail readers
    // accept long encoded words in practice.
    format!("=?UTF-8?B?{}?=", base64(s.as_bytes()))
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

fn address(name: &str, email: &str) -> String {
    let name = encode_word(name).replace(['"', '\\'], "");
    format!(
        "\"{name}\" <{}>",
        header(email).replace(['<', '>', ',', ' '], "")
    )
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
}
