//! WARC files (ISO 28500, versions 1.0 and 1.1), as written by crawlers and Common Crawl's
//! CC-NEWS: a sequence of records, each a block of `Name: value` header lines, a blank line and
//! `Content-Length` bytes of content. `response` records hold an HTTP response; those whose
//! payload is HTML become pages. Everything else (`warcinfo`, `request`, `metadata`, redirects,
//! images, ...) is passed over.
//!
//! The reader streams: one record's content at a time, never the file. A record that cannot be
//! read (a header block that does not parse, a missing or absurd `Content-Length`, a truncated
//! block) is reported with the byte offset where the record starts (in the decompressed stream),
//! and the reader looks for the next line starting with `WARC/1.` to go on.

use std::io::{self, BufRead, Read};

/// A WARC record header block: at most this many bytes.
const MAX_HEADER: usize = 64 * 1024;

/// One HTML response found in a WARC file.
#[derive(Debug)]
pub struct WarcPage {
    /// Byte offset of the record in the (decompressed) stream.
    pub offset: u64,
    /// `WARC-Record-ID` without `<urn:uuid:` and `>`.
    pub record_id: Option<String>,
    /// `WARC-Target-URI`.
    pub target_uri: Option<String>,
    /// `WARC-Date` as written (an RFC 3339 timestamp).
    pub date: Option<String>,
    /// The HTTP payload (de-chunked and decompressed when the HTTP headers said so).
    pub body: Vec<u8>,
    /// The `charset` parameter of the HTTP `Content-Type`, if any.
    pub charset: Option<String>,
}

/// A record that could not be read.
#[derive(Debug)]
pub struct WarcError {
    pub offset: u64,
    pub reason: String,
    /// The stream itself failed (I/O, decompression): nothing more can be read.
    pub fatal: Option<io::Error>,
}

/// Streaming reader of WARC records.
pub struct WarcReader<R> {
    reader: R,
    /// Bytes consumed from `reader` so far.
    pos: u64,
    max_record: usize,
    done: bool,
    line: Vec<u8>,
}

impl<R: BufRead> WarcReader<R> {
    /// Read records from `reader`; records whose content is longer than `max_record` bytes are
    /// skipped (and reported).
    pub fn new(reader: R, max_record: usize) -> WarcReader<R> {
        WarcReader { reader, pos: 0, max_record, done: false, line: Vec::new() }
    }

    /// The next HTML page or error; `None` at the end of the stream.
    pub fn next_page(&mut self) -> Option<Result<WarcPage, WarcError>> {
        while !self.done {
            match self.next_record() {
                Ok(Some(page)) => return Some(Ok(page)),
                Ok(None) => continue,
                Err(e) => {
                    if e.fatal.is_some() {
                        self.done = true;
                    }
                    return Some(Err(e));
                }
            }
        }
        None
    }

    /// Read one line (up to `\n`, at most `limit` bytes kept) into `self.line`; returns bytes
    /// consumed (0 at the end).
    fn read_line(&mut self, limit: usize) -> io::Result<usize> {
        self.line.clear();
        let mut total = 0;
        loop {
            let buf = self.reader.fill_buf()?;
            if buf.is_empty() {
                return Ok(total);
            }
            let (take, end) = match buf.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (buf.len(), false),
            };
            let room = limit.saturating_sub(self.line.len());
            self.line.extend_from_slice(&buf[..take.min(room)]);
            self.reader.consume(take);
            total += take;
            self.pos += take as u64;
            if end {
                return Ok(total);
            }
        }
    }

    fn fatal(&mut self, offset: u64, e: io::Error) -> WarcError {
        self.done = true;
        WarcError { offset, reason: format!("cannot read: {e}"), fatal: Some(e) }
    }

    /// One record: `Ok(Some)` for an HTML page, `Ok(None)` for a record passed over (or the
    /// end, which sets `done`).
    fn next_record(&mut self) -> Result<Option<WarcPage>, WarcError> {
        // Skip blank lines between records.
        let offset = loop {
            let at = self.pos;
            match self.read_line(MAX_HEADER) {
                Ok(0) => {
                    self.done = true;
                    return Ok(None);
                }
                Ok(_) => {}
                Err(e) => return Err(self.fatal(at, e)),
            }
            if !self.line.iter().all(u8::is_ascii_whitespace) {
                break at;
            }
        };
        if !self.line.starts_with(b"WARC/") {
            let reason = "not a WARC record (no WARC/1.x version line); looking for the next record".to_string();
            self.resync()?;
            return Err(WarcError { offset, reason, fatal: None });
        }
        // Header lines.
        let mut length: Option<u64> = None;
        let mut kind = None;
        let mut record_id = None;
        let mut target_uri = None;
        let mut date = None;
        let mut content_type = None;
        let mut header_bytes = 0usize;
        loop {
            let at = self.pos;
            let n = match self.read_line(MAX_HEADER) {
                Ok(n) => n,
                Err(e) => return Err(self.fatal(at, e)),
            };
            if n == 0 {
                self.done = true;
                return Err(WarcError { offset, reason: "truncated record header".into(), fatal: None });
            }
            header_bytes += n;
            if header_bytes > MAX_HEADER {
                self.resync()?;
                return Err(WarcError { offset, reason: "record header too long".into(), fatal: None });
            }
            let line = String::from_utf8_lossy(&self.line);
            let line = line.trim_end_matches(['\r', '\n']);
            if line.is_empty() {
                break;
            }
            let Some((name, value)) = line.split_once(':') else { continue };
            let value = value.trim();
            match name.trim().to_ascii_lowercase().as_str() {
                "content-length" => length = value.parse().ok(),
                "warc-type" => kind = Some(value.to_ascii_lowercase()),
                "warc-record-id" => {
                    record_id = Some(value.trim_start_matches('<').trim_end_matches('>').trim_start_matches("urn:uuid:").to_string())
                }
                "warc-target-uri" => target_uri = Some(value.trim_start_matches('<').trim_end_matches('>').to_string()),
                "warc-date" => date = Some(value.to_string()),
                "content-type" => content_type = Some(value.to_ascii_lowercase()),
                _ => {}
            }
        }
        let Some(length) = length else {
            self.resync()?;
            return Err(WarcError { offset, reason: "record without a valid Content-Length".into(), fatal: None });
        };
        let wanted = kind.as_deref() == Some("response")
            && content_type.as_deref().is_none_or(|t| t.starts_with("application/http"));
        if !wanted {
            return self.skip(length, offset).map(|()| None);
        }
        if length > self.max_record as u64 {
            self.skip(length, offset)?;
            return Err(WarcError {
                offset,
                reason: format!("record of {length} bytes is over the limit of {} bytes", self.max_record),
                fatal: None,
            });
        }
        let mut block = Vec::with_capacity(length as usize);
        let at = self.pos;
        match self.reader.by_ref().take(length).read_to_end(&mut block) {
            Ok(n) => self.pos += n as u64,
            Err(e) => return Err(self.fatal(at, e)),
        }
        if (block.len() as u64) < length {
            self.done = true;
            return Err(WarcError {
                offset,
                reason: format!("truncated record: {} of {length} content bytes", block.len()),
                fatal: None,
            });
        }
        match http_html(&block) {
            Ok(Some((body, charset))) => Ok(Some(WarcPage { offset, record_id, target_uri, date, body, charset })),
            Ok(None) => Ok(None),
            Err(reason) => Err(WarcError { offset, reason, fatal: None }),
        }
    }

    /// Pass over `length` content bytes.
    fn skip(&mut self, length: u64, offset: u64) -> Result<(), WarcError> {
        let at = self.pos;
        match io::copy(&mut self.reader.by_ref().take(length), &mut io::sink()) {
            Ok(n) => {
                self.pos += n;
                if n < length {
                    self.done = true;
                    return Err(WarcError {
                        offset,
                        reason: format!("truncated record: {n} of {length} content bytes"),
                        fatal: None,
                    });
                }
                Ok(())
            }
            Err(e) => Err(self.fatal(at, e)),
        }
    }

    /// Consume lines until the next one that starts a record (`WARC/1.`), leaving it unread.
    fn resync(&mut self) -> Result<(), WarcError> {
        loop {
            let buf = match self.reader.fill_buf() {
                Ok(buf) => buf,
                Err(e) => {
                    let at = self.pos;
                    return Err(self.fatal(at, e));
                }
            };
            if buf.is_empty() {
                self.done = true;
                return Ok(());
            }
            if buf.len() >= 7 && buf.starts_with(b"WARC/1.") {
                return Ok(());
            }
            // Consume through the next newline (or the whole buffer).
            let n = buf.iter().position(|&b| b == b'\n').map_or(buf.len(), |i| i + 1);
            self.reader.consume(n);
            self.pos += n as u64;
        }
    }
}

/// An HTML payload and the charset its headers name.
type Payload = (Vec<u8>, Option<String>);

/// The HTML payload of an HTTP response block: `Ok(None)` when it is not a 2xx HTML response.
fn http_html(block: &[u8]) -> Result<Option<Payload>, String> {
    let Some(split) = find(block, b"\r\n\r\n").map(|i| (i, i + 4)).or_else(|| find(block, b"\n\n").map(|i| (i, i + 2)))
    else {
        return Err("HTTP response without a header end".into());
    };
    let head = String::from_utf8_lossy(&block[..split.0]);
    let mut lines = head.lines();
    let status = lines.next().unwrap_or("");
    if !status.starts_with("HTTP/") {
        return Err("response record without an HTTP status line".into());
    }
    let code: u16 = status.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    if !(200..300).contains(&code) {
        return Ok(None);
    }
    let mut content_type = None;
    let mut chunked = false;
    let mut encoding = None;
    for line in lines {
        let Some((name, value)) = line.split_once(':') else { continue };
        let value = value.trim().to_ascii_lowercase();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => content_type = Some(value),
            "transfer-encoding" => chunked = value.contains("chunked"),
            "content-encoding" => encoding = Some(value),
            _ => {}
        }
    }
    let payload = &block[split.1..];
    let is_html = match &content_type {
        Some(t) => t.starts_with("text/html") || t.starts_with("application/xhtml"),
        // No type: look at the payload.
        None => crate::sniff::looks_like_html(payload),
    };
    if !is_html {
        return Ok(None);
    }
    let charset = content_type.as_deref().and_then(|t| {
        t.split(';').find_map(|p| p.trim().strip_prefix("charset=").map(|c| c.trim_matches('"').to_string()))
    });
    let mut body = if chunked { dechunk(payload).ok_or("malformed chunked transfer encoding")? } else { payload.to_vec() };
    match encoding.as_deref() {
        None | Some("identity" | "") => {}
        Some("gzip" | "x-gzip") => {
            let mut out = Vec::new();
            flate2::read::MultiGzDecoder::new(&body[..])
                .take(crate::DECODED_LIMIT)
                .read_to_end(&mut out)
                .map_err(|e| format!("gzip content encoding: {e}"))?;
            body = out;
        }
        Some("deflate") => {
            let mut out = Vec::new();
            flate2::read::ZlibDecoder::new(&body[..])
                .take(crate::DECODED_LIMIT)
                .read_to_end(&mut out)
                .map_err(|e| format!("deflate content encoding: {e}"))?;
            body = out;
        }
        Some(other) => return Err(format!("unsupported content encoding {other:?}")),
    }
    Ok(Some((body, charset)))
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Undo HTTP chunked transfer encoding.
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    loop {
        let eol = find(data, b"\r\n")?;
        let size_text = std::str::from_utf8(&data[..eol]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        data = &data[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        if data.len() < size {
            // A truncated last chunk: keep what is there.
            out.extend_from_slice(data);
            return Some(out);
        }
        out.extend_from_slice(&data[..size]);
        data = data.get(size..)?;
        data = data.strip_prefix(b"\r\n").unwrap_or(data);
        if data.is_empty() {
            return Some(out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, payload: &str) -> Vec<u8> {
        let block = payload.as_bytes();
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Date: 2023-09-15T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{uri}>\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn pages(data: &[u8]) -> Vec<Result<WarcPage, WarcError>> {
        let mut r = WarcReader::new(data, 1 << 20);
        std::iter::from_fn(|| r.next_page()).collect()
    }

    #[test]
    fn html_responses_only() {
        let mut data = b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n".to_vec();
        data.extend(record("response", "http://a.example/1", "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n<html><p>One</p></html>"));
        data.extend(record("request", "http://a.example/1", "GET / HTTP/1.1\r\n\r\n"));
        data.extend(record("response", "http://a.example/img", "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG"));
        data.extend(record("response", "http://a.example/r", "HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n"));
        data.extend(record("response", "http://a.example/2", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html\r\n\r\n5\r\n<html\r\n3\r\n><p\r\n0\r\n\r\n"));
        let got = pages(&data);
        assert_eq!(got.len(), 2);
        let a = got[0].as_ref().unwrap();
        assert_eq!(a.target_uri.as_deref(), Some("http://a.example/1"));
        assert_eq!(a.charset.as_deref(), Some("utf-8"));
        assert_eq!(a.body, b"<html><p>One</p></html>");
        assert_eq!(got[1].as_ref().unwrap().body, b"<html><p");
    }

    #[test]
    fn broken_record_is_reported_and_the_next_one_read() {
        let mut data = record("response", "http://a.example/1", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>1</p>");
        let second_at = data.len();
        data.extend(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\ngarbage\r\nmore garbage\r\n");
        data.extend(record("response", "http://a.example/3", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>3</p>"));
        let got = pages(&data);
        assert_eq!(got.len(), 3);
        let e = got[1].as_ref().unwrap_err();
        assert_eq!(e.offset, second_at as u64);
        assert!(e.reason.contains("Content-Length"), "{}", e.reason);
        assert_eq!(got[2].as_ref().unwrap().target_uri.as_deref(), Some("http://a.example/3"));
    }

    #[test]
    fn truncated_record_ends_the_stream_with_an_error() {
        let data = record("response", "http://a.example/1", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>1</p>");
        let got = pages(&data[..data.len() - 10]);
        assert_eq!(got.len(), 1);
        assert!(got[0].as_ref().unwrap_err().reason.contains("truncated"));
    }
}
