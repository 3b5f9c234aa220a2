//! RSS 2.0 (also 0.9x and RSS 1.0/RDF) and Atom feeds, read as a stream of XML events: one item
//! at a time, whatever the size of the file.
//!
//! Each `<item>` / `<entry>` with content (`content:encoded`, Atom `<content>`) or a description
//! (`<description>`, Atom `<summary>`) becomes an item; the content is preferred, being the
//! whole story where a description is often a teaser. Title, link, id (`guid` / Atom `id`) and
//! date (`pubDate`, `dc:date`, Atom `published`, else `updated`) are kept as written. The
//! channel or feed title names the source.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::io::BufRead;

/// One feed item.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct FeedItem {
    /// Byte offset of the item's start tag.
    pub offset: u64,
    pub title: Option<String>,
    pub link: Option<String>,
    pub id: Option<String>,
    pub date: Option<String>,
    /// The item's HTML (or plain text): content if present, else the description.
    pub html: String,
    /// Title of the channel or feed.
    pub source: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Link,
    Id,
    Date,
    Updated,
    Content,
    Description,
    ChannelTitle,
}

/// A streaming feed reader.
pub struct FeedReader<R: BufRead> {
    reader: Reader<R>,
    buf: Vec<u8>,
    max_item: usize,
    channel_title: Option<String>,
    /// The item being read: (item, content, description, updated).
    item: Option<(FeedItem, String, String, Option<String>)>,
    /// Field being collected, and the element depth at which it started.
    field: Option<(Field, usize)>,
    text: String,
    depth: usize,
    item_depth: usize,
    /// Depth of the `<channel>` / `<feed>` element whose `<title>` names the source.
    channel_depth: Option<usize>,
    done: bool,
    too_long: bool,
}

/// A feed that cannot be read further: offset and reason.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedError {
    pub offset: u64,
    pub reason: String,
    /// The stream cannot go on after this error.
    pub fatal: bool,
}

fn local(name: &[u8]) -> &[u8] {
    match name.iter().rposition(|&b| b == b':') {
        Some(i) => &name[i + 1..],
        None => name,
    }
}

impl<R: BufRead> FeedReader<R> {
    pub fn new(reader: R, max_item: usize) -> FeedReader<R> {
        let mut reader = Reader::from_reader(reader);
        reader.config_mut().check_end_names = false;
        FeedReader {
            reader,
            buf: Vec::new(),
            max_item,
            channel_title: None,
            item: None,
            field: None,
            text: String::new(),
            depth: 0,
            item_depth: 0,
            channel_depth: None,
            done: false,
            too_long: false,
        }
    }

    fn start(&mut self, e: &BytesStart, empty: bool) {
        let name = e.name();
        let full = name.as_ref();
        let l = local(full);
        if self.field.is_some() {
            // Markup inside a field (Atom xhtml content): block elements break lines.
            if matches!(l, b"p" | b"div" | b"br" | b"li" | b"h1" | b"h2" | b"h3" | b"h4" | b"blockquote") {
                self.text.push('\n');
            }
            return;
        }
        if self.item.is_none() {
            match l {
                b"item" | b"entry" => {
                    let item = FeedItem { offset: self.reader.buffer_position(), ..FeedItem::default() };
                    self.item = Some((item, String::new(), String::new(), None));
                    self.item_depth = self.depth;
                }
                b"channel" | b"feed" if self.channel_depth.is_none() => self.channel_depth = Some(self.depth),
                b"title" if self.channel_depth.is_some_and(|d| d + 1 == self.depth) && self.channel_title.is_none() => {
                    self.begin(Field::ChannelTitle)
                }
                _ => {}
            }
            return;
        }
        // Direct children of the item only.
        if self.depth != self.item_depth + 1 {
            return;
        }
        let field = match (full, l) {
            (_, b"title") => Field::Title,
            (b"link", _) | (b"atom:link", _) => {
                // Atom: <link href="..." rel="alternate"/>; RSS: <link>text</link>.
                let attr = |k: &[u8]| {
                    e.try_get_attribute(k).ok().flatten().and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
                };
                if let Some(href) = attr(b"href") {
                    let rel = attr(b"rel");
                    if matches!(rel.as_deref(), None | Some("alternate")) {
                        if let Some((item, ..)) = &mut self.item {
                            if item.link.is_none() {
                                item.link = Some(href);
                            }
                        }
                    }
                    return;
                }
                Field::Link
            }
            (_, b"guid") | (b"id", _) => Field::Id,
            (_, b"pubDate") | (_, b"published") | (b"dc:date", _) | (_, b"issued") => Field::Date,
            (_, b"updated") | (_, b"modified") => Field::Updated,
            (b"content:encoded", _) | (b"content", _) => Field::Content,
            (_, b"description") | (_, b"summary") => Field::Description,
            _ => return,
        };
        if !empty {
            self.begin(field);
        }
    }

    fn begin(&mut self, field: Field) {
        self.field = Some((field, self.depth));
        self.text.clear();
        self.too_long = false;
    }

    fn push_text(&mut self, s: &str) {
        if self.field.is_none() {
            return;
        }
        if self.text.len() + s.len() > self.max_item {
            self.too_long = true;
            return;
        }
        self.text.push_str(s);
    }

    /// End of a field: store its text in the item.
    fn end_field(&mut self) {
        let Some((field, _)) = self.field.take() else { return };
        let text = std::mem::take(&mut self.text);
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return;
        }
        if field == Field::ChannelTitle {
            self.channel_title = Some(trimmed.to_string());
            return;
        }
        let Some((item, content, description, updated)) = &mut self.item else { return };
        let set = |slot: &mut Option<String>| {
            if slot.is_none() {
                *slot = Some(trimmed.to_string());
            }
        };
        match field {
            Field::Title => set(&mut item.title),
            Field::Link => set(&mut item.link),
            Field::Id => set(&mut item.id),
            Field::Date => set(&mut item.date),
            Field::Updated => set(updated),
            Field::Content if content.is_empty() => *content = text,
            Field::Description if description.is_empty() => *description = text,
            _ => {}
        }
    }

    /// The next item with text; `None` at the end of the feed.
    pub fn next_item(&mut self) -> Option<Result<FeedItem, FeedError>> {
        while !self.done {
            self.buf.clear();
            let event = match self.reader.read_event_into(&mut self.buf) {
                Ok(ev) => ev.into_owned(),
                Err(e) => {
                    self.done = true;
                    let offset = self.reader.error_position();
                    return Some(Err(FeedError { offset, reason: format!("malformed XML: {e}"), fatal: true }));
                }
            };
            match event {
                Event::Start(e) => {
                    self.depth += 1;
                    self.start(&e, false);
                }
                Event::Empty(e) => {
                    self.depth += 1;
                    self.start(&e, true);
                    self.depth -= 1;
                }
                Event::Text(t) => {
                    let s = match t.unescape() {
                        Ok(s) => s.into_owned(),
                        // Feeds often carry HTML entities XML does not know (&nbsp;): keep the
                        // raw text; the HTML stage decodes it.
                        Err(_) => String::from_utf8_lossy(t.as_ref()).into_owned(),
                    };
                    self.push_text(&s);
                }
                Event::CData(c) => {
                    let s = String::from_utf8_lossy(c.as_ref()).into_owned();
                    self.push_text(&s);
                }
                Event::End(_) => {
                    if let Some((_, d)) = self.field {
                        if d == self.depth {
                            self.end_field();
                        }
                    }
                    if self.item.is_some() && self.depth == self.item_depth {
                        // Closing the item.
                        let (mut item, content, description, updated) = self.item.take().expect("checked");
                        self.depth -= 1;
                        item.html = if !content.trim().is_empty() { content } else { description };
                        item.date = item.date.or(updated);
                        item.source = self.channel_title.clone();
                        if item.html.trim().is_empty() {
                            continue;
                        }
                        if self.too_long {
                            self.too_long = false;
                            return Some(Err(FeedError {
                                offset: item.offset,
                                reason: format!("item text over the limit of {} bytes", self.max_item),
                                fatal: false,
                            }));
                        }
                        return Some(Ok(item));
                    }
                    if self.channel_depth == Some(self.depth) {
                        self.channel_depth = None;
                    }
                    self.depth = self.depth.saturating_sub(1);
                }
                Event::Eof => {
                    self.done = true;
                }
                _ => {}
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(xml: &str) -> Vec<Result<FeedItem, FeedError>> {
        let mut r = FeedReader::new(xml.as_bytes(), 1 << 20);
        std::iter::from_fn(|| r.next_item()).collect()
    }

    #[test]
    fn rss_items_with_content_or_description() {
        let xml = r#"<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>The Daily Example</title><link>https://daily.example/</link>
<image><title>logo</title></image>
<item><title>First &amp; foremost</title><link>https://daily.example/1</link><guid>id-1</guid>
<pubDate>Fri, 15 Sep 2023 10:00:00 +0300</pubDate><description>Teaser.</description>
<content:encoded><![CDATA[<p>Full story.</p><p>Second paragraph.</p>]]></content:encoded></item>
<item><title>Only a title</title></item>
<item><title>Second</title><description>&lt;p&gt;Escaped &amp;amp; HTML.&lt;/p&gt;</description></item>
</channel></rss>"#;
        let got: Vec<FeedItem> = items(xml).into_iter().map(Result::unwrap).collect();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].title.as_deref(), Some("First & foremost"));
        assert_eq!(got[0].link.as_deref(), Some("https://daily.example/1"));
        assert_eq!(got[0].id.as_deref(), Some("id-1"));
        assert_eq!(got[0].date.as_deref(), Some("Fri, 15 Sep 2023 10:00:00 +0300"));
        assert_eq!(got[0].html, "<p>Full story.</p><p>Second paragraph.</p>");
        assert_eq!(got[0].source.as_deref(), Some("The Daily Example"));
        assert_eq!(got[1].html, "<p>Escaped &amp; HTML.</p>");
    }

    #[test]
    fn atom_entries() {
        let xml = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>
<entry><title type="html">A</title><link rel="self" href="https://x.example/self"/><link href="https://x.example/a"/>
<id>tag:x,2023:a</id><updated>2023-09-16T00:00:00Z</updated><published>2023-09-15T08:00:00Z</published>
<summary>Short.</summary><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Para one.</p><p>Para two.</p></div></content></entry>
</feed>"#;
        let got: Vec<FeedItem> = items(xml).into_iter().map(Result::unwrap).collect();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].link.as_deref(), Some("https://x.example/a"));
        assert_eq!(got[0].date.as_deref(), Some("2023-09-15T08:00:00Z"));
        assert!(got[0].html.contains("Para one.") && got[0].html.contains("Para two."));
        assert_eq!(got[0].source.as_deref(), Some("Atom News"));
    }

    #[test]
    fn malformed_xml_keeps_items_before_it() {
        let xml = "<rss><channel><item><description>Good one.</description></item><item><description>x</descr";
        let got = items(xml);
        assert!(got[0].is_ok());
        assert!(got.last().unwrap().is_err());
    }
}
