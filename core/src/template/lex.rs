//! Splits a template into raw text and the tokens inside its tags, the way upon's lexer
//! does: a stray end delimiter in text is an error, whitespace control (`{{-`, `-%}`) trims
//! the neighbouring text, and comments leave nothing but their trimming.

use super::Fault;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    Expr,
    Block,
    Comment,
}

impl Tag {
    fn name(self) -> &'static str {
        match self {
            Tag::Expr => "expression",
            Tag::Block => "block",
            Tag::Comment => "comment",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tok {
    Raw,
    Open(Tag),
    Close,
    Dot,
    QDot,
    Pipe,
    Comma,
    Colon,
    Minus,
    Plus,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    LParen,
    RParen,
    Str,
    Num,
    Index,
    Ident,
    Keyword,
}

impl Tok {
    pub fn name(self) -> &'static str {
        match self {
            Tok::Raw => "raw template",
            Tok::Open(_) => "begin tag",
            Tok::Close => "end tag",
            Tok::Dot => "member access operator",
            Tok::QDot => "optional member access operator",
            Tok::Pipe => "pipe",
            Tok::Comma => "comma",
            Tok::Colon => "colon",
            Tok::Minus => "minus",
            Tok::Plus => "plus",
            Tok::LBracket => "open bracket",
            Tok::RBracket => "close bracket",
            Tok::LBrace => "open brace",
            Tok::RBrace => "close brace",
            Tok::LParen => "open parenthesis",
            Tok::RParen => "close parenthesis",
            Tok::Str => "string",
            Tok::Num => "number",
            Tok::Index => "index",
            Tok::Ident => "identifier",
            Tok::Keyword => "keyword",
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub tok: Tok,
    pub at: usize,
    pub end: usize,
}

pub const KEYWORDS: [&str; 13] = [
    "if", "not", "else", "endif", "for", "in", "endfor", "with", "as", "endwith", "include",
    "true", "false",
];

/// (text, tag, opens?, trims?) longest first, so `{{-` wins over `{{` at one position.
const DELIMS: [(&str, Tag, bool, bool); 12] = [
    ("{{-", Tag::Expr, true, true),
    ("{{", Tag::Expr, true, false),
    ("{%-", Tag::Block, true, true),
    ("{%", Tag::Block, true, false),
    ("{#-", Tag::Comment, true, true),
    ("{#", Tag::Comment, true, false),
    ("-}}", Tag::Expr, false, true),
    ("}}", Tag::Expr, false, false),
    ("-%}", Tag::Block, false, true),
    ("%}", Tag::Block, false, false),
    ("-#}", Tag::Comment, false, true),
    ("#}", Tag::Comment, false, false),
];

type Delim = (&'static str, Tag, bool, bool);

fn delim_at(src: &str, i: usize) -> Option<Delim> {
    DELIMS.into_iter().find(|d| src[i..].starts_with(d.0))
}

/// The next delimiter in text, found the way upon's searcher finds it: a begin delimiter at
/// its `{`, an end delimiter by its last `}`, looking back up to two bytes (even before
/// `from`, so `%}}` right after a block is a stray `}}`). Mirrored so the same texts pass.
fn find_delim(src: &str, mut from: usize) -> Option<(usize, Delim)> {
    let b = src.as_bytes();
    // (offset from the window start, text) in upon's order of preference.
    const ENDS: [(usize, &str); 9] = [
        (0, "-}}"),
        (1, "}}"),
        (0, "}}"),
        (0, "-%}"),
        (1, "%}"),
        (0, "%}"),
        (0, "-#}"),
        (1, "#}"),
        (0, "#}"),
    ];
    loop {
        let mark = from + b[from..].iter().position(|&c| c == b'{' || c == b'}')?;
        if b[mark] == b'{' {
            if let Some(d) = delim_at(src, mark).filter(|d| d.2) {
                return Some((mark, d));
            }
        } else {
            let i = (mark + 1).saturating_sub(3);
            let hit = ENDS
                .iter()
                .find(|(off, text)| b[i + off..].starts_with(text.as_bytes()));
            if let Some(&(off, text)) = hit {
                let d = DELIMS.into_iter().find(|d| d.0 == text)?;
                return Some((i + off, d));
            }
        }
        from = mark + 1;
    }
}

fn unexpected(d: Delim, at: usize) -> Fault {
    let what = if d.2 { "begin" } else { "end" };
    Fault::new(at, format!("unexpected {what} {}", d.1.name()))
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

struct Lexer<'s> {
    src: &'s str,
    out: Vec<Token>,
    left_trim: bool,
}

pub fn lex(src: &str) -> Result<Vec<Token>, Fault> {
    let mut lx = Lexer {
        src,
        out: Vec::new(),
        left_trim: false,
    };
    let mut i = 0;
    while let Some((j, d)) = find_delim(src, i) {
        if !d.2 {
            return Err(unexpected(d, j));
        }
        lx.raw(i, j, d.3);
        let after = j + d.0.len();
        i = if d.1 == Tag::Comment {
            lx.comment(j, after)?
        } else {
            lx.push(Tok::Open(d.1), j, after);
            lx.tag(d.1, j, after)?
        };
    }
    lx.raw(i, src.len(), false);
    Ok(lx.out)
}

impl Lexer<'_> {
    fn push(&mut self, tok: Tok, at: usize, end: usize) {
        self.out.push(Token { tok, at, end });
    }

    fn raw(&mut self, mut i: usize, mut j: usize, right_trim: bool) {
        if right_trim {
            j = self.src[..j].trim_end().len().max(i);
        }
        if std::mem::take(&mut self.left_trim) {
            let s = &self.src[i..j];
            i += s.len() - s.trim_start().len();
        }
        if i < j {
            self.push(Tok::Raw, i, j);
        }
    }

    fn comment(&mut self, begin: usize, from: usize) -> Result<usize, Fault> {
        match find_delim(self.src, from) {
            None => Err(Fault::new(begin, "unclosed comment")),
            Some((_, d)) if d.2 => Err(Fault::new(begin, "unclosed comment")),
            Some((j, d)) if d.1 != Tag::Comment => Err(unexpected(d, j)),
            // upon's parser wants text between the delimiters: `{##}` is refused.
            Some((j, _)) if j == from => Err(Fault::new(j, "empty comment")),
            Some((j, d)) => {
                self.left_trim = d.3;
                Ok(j + d.0.len())
            }
        }
    }

    /// The tokens of one `{{ }}` or `{% %}` up to its end delimiter; returns where text resumes.
    fn tag(&mut self, tag: Tag, begin: usize, mut i: usize) -> Result<usize, Fault> {
        let src = self.src;
        let mut brackets: Vec<(usize, Tok)> = Vec::new();
        // After a name or a dot, digits are a path index (`users.0`), not a number.
        let mut in_path = false;
        loop {
            if let Some(d) = delim_at(src, i) {
                if d.2 {
                    return Err(Fault::new(begin, format!("unclosed {}", tag.name())));
                }
                if d.1 != tag {
                    return Err(unexpected(d, i));
                }
                if let Some((open, _)) = brackets.pop() {
                    return Err(Fault::new(open, "unclosed bracket"));
                }
                self.push(Tok::Close, i, i + d.0.len());
                self.left_trim = d.3;
                return Ok(i + d.0.len());
            }
            let Some(c) = src[i..].chars().next() else {
                return Err(Fault::new(begin, format!("unclosed {}", tag.name())));
            };
            let one = i + c.len_utf8();
            let (tok, end) = match c {
                '.' => (Tok::Dot, one),
                '|' => (Tok::Pipe, one),
                ',' => (Tok::Comma, one),
                ':' => (Tok::Colon, one),
                '+' => (Tok::Plus, one),
                '-' => (Tok::Minus, one),
                '[' | '{' | '(' => {
                    let (open, close) = match c {
                        '[' => (Tok::LBracket, Tok::RBracket),
                        '{' => (Tok::LBrace, Tok::RBrace),
                        _ => (Tok::LParen, Tok::RParen),
                    };
                    brackets.push((i, close));
                    (open, one)
                }
                ']' | '}' | ')' => {
                    let tok = match c {
                        ']' => Tok::RBracket,
                        '}' => Tok::RBrace,
                        _ => Tok::RParen,
                    };
                    match brackets.pop() {
                        Some((_, want)) if want == tok => (tok, one),
                        _ => return Err(Fault::new(i, format!("unexpected {}", tok.name()))),
                    }
                }
                '?' if src[one..].starts_with('.') => (Tok::QDot, one + 1),
                '"' => (Tok::Str, string_end(src, i)?),
                c if c.is_ascii_digit() && in_path => {
                    (Tok::Index, scan(src, i, |c| c.is_ascii_digit()))
                }
                c if c.is_ascii_digit() => (Tok::Num, scan(src, i, is_number)),
                c if is_space(c) => {
                    i = scan(src, i, is_space);
                    continue;
                }
                c if c.is_ascii_alphabetic() || c == '_' => {
                    let end = scan(src, i, |c| c.is_ascii_alphanumeric() || c == '_');
                    let word = &src[i..end];
                    let tok = if KEYWORDS.contains(&word) {
                        Tok::Keyword
                    } else {
                        Tok::Ident
                    };
                    (tok, end)
                }
                _ => return Err(Fault::new(i, "unexpected character")),
            };
            match tok {
                Tok::Ident | Tok::Dot | Tok::QDot => in_path = true,
                Tok::LParen | Tok::Pipe | Tok::Comma | Tok::Colon => in_path = false,
                _ => {}
            }
            self.push(tok, i, end);
            i = end;
        }
    }
}

fn is_number(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '+' | '.')
}

fn scan(src: &str, i: usize, keep: impl Fn(char) -> bool) -> usize {
    src[i..]
        .char_indices()
        .find(|&(_, c)| !keep(c))
        .map_or(src.len(), |(n, _)| i + n)
}

/// A string ends at the next unescaped quote on the same line.
fn string_end(src: &str, i: usize) -> Result<usize, Fault> {
    let mut prev = '"';
    for (n, c) in src[i + 1..].char_indices() {
        match c {
            '\r' | '\n' => break,
            '"' if prev != '\\' => return Ok(i + 1 + n + 1),
            c => prev = c,
        }
    }
    Err(Fault::new(i, "undelimited string"))
}
