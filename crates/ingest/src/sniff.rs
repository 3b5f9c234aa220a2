//! Telling formats apart: by extension (after any compression suffix), or by the first bytes of a
//! stream; and undoing gzip / zstd compression as a stream.

use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

/// What a stream of bytes holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One plain-text article.
    Text,
    /// One article per line.
    JsonLines,
    /// One HTML page.
    Html,
    /// WARC records.
    Warc,
    /// RSS or Atom.
    Feed,
}

/// Compression of a stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    None,
    Gzip,
    Zstd,
}

/// Format and compression named by a file's extensions: `crawl.warc.gz` is gzip-compressed WARC.
/// The format is `None` when the name does not tell (no known extension); the compression is
/// only a hint, the stream's magic bytes decide.
pub fn by_extension(path: &Path) -> (Option<Format>, Compression) {
    let name = path.file_name().map(|n| n.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    let (stem, compression) = if let Some(s) = name.strip_suffix(".gz").or_else(|| name.strip_suffix(".gzip")) {
        (s, Compression::Gzip)
    } else if let Some(s) = name.strip_suffix(".zst").or_else(|| name.strip_suffix(".zstd")) {
        (s, Compression::Zstd)
    } else {
        (name.as_str(), Compression::None)
    };
    let ext = Path::new(stem).extension().map(|e| e.to_string_lossy().into_owned());
    let format = match ext.as_deref() {
        None if compression == Compression::None => Some(Format::Text),
        None => None,
        Some("txt" | "text") => Some(Format::Text),
        Some("jsonl" | "ndjson" | "json") => Some(Format::JsonLines),
        Some("html" | "htm" | "xhtml" | "shtml") => Some(Format::Html),
        Some("warc") => Some(Format::Warc),
        Some("rss" | "atom" | "xml" | "rdf" | "feed") => Some(Format::Feed),
        Some(_) => None,
    };
    (format, compression)
}

/// Compression told by magic bytes.
pub fn by_magic(head: &[u8]) -> Compression {
    if head.starts_with(&[0x1f, 0x8b]) {
        Compression::Gzip
    } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        Compression::Zstd
    } else {
        Compression::None
    }
}

/// Format told by the first bytes of an (uncompressed) stream.
pub fn by_content(head: &[u8]) -> Format {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
    let t = &head[start..];
    if t.starts_with(b"{") {
        return Format::JsonLines;
    }
    if t.starts_with(b"WARC/") {
        return Format::Warc;
    }
    if t.starts_with(b"<") {
        let lower = String::from_utf8_lossy(&t[..t.len().min(2048)]).to_ascii_lowercase();
        // The first element that is not a declaration, comment or processing instruction.
        let mut rest = lower.as_str();
        loop {
            rest = rest.trim_start();
            if rest.starts_with("<?") || rest.starts_with("<!--") || rest.starts_with("<!doctype") {
                let close = if rest.starts_with("<!--") { "-->" } else { ">" };
                match rest.find(close) {
                    Some(i) => rest = &rest[i + close.len()..],
                    None => break,
                }
            } else {
                break;
            }
        }
        if rest.starts_with("<rss") || rest.starts_with("<feed") || rest.starts_with("<rdf:rdf") {
            return Format::Feed;
        }
        if looks_like_html(t) || rest.starts_with("<html") || rest.starts_with("<head") || rest.starts_with("<body") {
            return Format::Html;
        }
    }
    Format::Text
}

pub fn looks_like_html(bytes: &[u8]) -> bool {
    dyad_html::looks_like_html(bytes)
}

/// Undo the stream's compression, told by its magic bytes.
pub fn decompress(reader: Box<dyn Read + Send>) -> io::Result<(Compression, Box<dyn BufRead + Send>)> {
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    let compression = by_magic(reader.fill_buf()?);
    Ok(match compression {
        Compression::None => (compression, Box::new(reader)),
        Compression::Gzip => {
            (compression, Box::new(BufReader::with_capacity(1 << 16, Labelled::new(flate2::bufread::MultiGzDecoder::new(reader), "gzip"))))
        }
        Compression::Zstd => (compression, Box::new(BufReader::with_capacity(1 << 16, Labelled::new(Zstd::new(reader), "zstd")))),
    })
}

/// A decoder whose errors say what failed and after how many decoded bytes, so a truncated
/// archive is reported as such.
struct Labelled<R> {
    inner: R,
    what: &'static str,
    out: u64,
}

impl<R> Labelled<R> {
    fn new(inner: R, what: &'static str) -> Self {
        Labelled { inner, what, out: 0 }
    }
}

impl<R: Read> Read for Labelled<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self.inner.read(buf) {
            Ok(n) => {
                self.out += n as u64;
                Ok(n)
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => Err(e),
            Err(e) => Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("truncated or corrupt {} data after {} decompressed bytes ({e})", self.what, self.out),
            )),
        }
    }
}

/// zstd, frame after frame (files made by concatenating compressed parts hold several).
struct Zstd<R: BufRead> {
    state: ZstdState<R>,
}

enum ZstdState<R: BufRead> {
    Start(R),
    Frame(Box<ruzstd::decoding::StreamingDecoder<R, ruzstd::decoding::FrameDecoder>>),
    Done,
}

impl<R: BufRead> Zstd<R> {
    fn new(r: R) -> Self {
        Zstd { state: ZstdState::Start(r) }
    }
}

impl<R: BufRead> Read for Zstd<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            match std::mem::replace(&mut self.state, ZstdState::Done) {
                ZstdState::Done => return Ok(0),
                ZstdState::Start(mut r) => {
                    if r.fill_buf()?.is_empty() {
                        return Ok(0);
                    }
                    let dec = ruzstd::decoding::StreamingDecoder::new(r).map_err(io::Error::other)?;
                    self.state = ZstdState::Frame(Box::new(dec));
                }
                ZstdState::Frame(mut dec) => {
                    if buf.is_empty() {
                        self.state = ZstdState::Frame(dec);
                        return Ok(0);
                    }
                    let n = dec.read(buf)?;
                    if n > 0 {
                        self.state = ZstdState::Frame(dec);
                        return Ok(n);
                    }
                    self.state = ZstdState::Start((*dec).into_inner());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions() {
        let f = |p: &str| by_extension(Path::new(p));
        assert_eq!(f("a/crawl.warc.gz"), (Some(Format::Warc), Compression::Gzip));
        assert_eq!(f("feed.rss"), (Some(Format::Feed), Compression::None));
        assert_eq!(f("x.jsonl.zst"), (Some(Format::JsonLines), Compression::Zstd));
        assert_eq!(f("page.HTML"), (Some(Format::Html), Compression::None));
        assert_eq!(f("README"), (Some(Format::Text), Compression::None));
        assert_eq!(f("data.gz"), (None, Compression::Gzip));
        assert_eq!(f("image.png"), (None, Compression::None));
    }

    #[test]
    fn content() {
        assert_eq!(by_content(b"  {\"id\":1}"), Format::JsonLines);
        assert_eq!(by_content(b"WARC/1.1\r\n"), Format::Warc);
        assert_eq!(by_content(b"<?xml version=\"1.0\"?>\n<!-- c --><rss version=\"2.0\">"), Format::Feed);
        assert_eq!(by_content(b"<?xml version='1.0'?><feed xmlns=\"http://www.w3.org/2005/Atom\">"), Format::Feed);
        assert_eq!(by_content(b"<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(by_content(b"Russia attacked Ukraine."), Format::Text);
        assert_eq!(by_content(b""), Format::Text);
    }
}
