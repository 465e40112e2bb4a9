//! Article text out of a web page: the title, headings, paragraphs and list items of the
//! article, without navigation, scripts, styles, related-story lists, share bars or comment
//! forms, and the page's metadata (title, author, date, site). A pure function from HTML to
//! plain text (paragraphs separated by blank lines), which is then compared like any other
//! text.
//!
//! The article is found by the `trafilatura` crate (a port of the trafilatura extractor, which
//! scores a page's blocks by text and link density and falls back to readability), whose
//! cleaned HTML is then walked here into redline's blocks: headings, paragraphs, list items
//! (written "- item"), block quotes. A page too short for it to accept (a fragment, a test
//! page of two lines) is read by the rules below instead: the `<article>` or `<main>` with the
//! most paragraph text, without furniture.

use scraper::{ElementRef, Html, Node, Selector};
use serde::Serialize;

/// What a page says about itself, where it says it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Meta {
    pub title: Option<String>,
    pub author: Option<String>,
    /// The publication date, as YYYY-MM-DD.
    pub date: Option<String>,
    pub site: Option<String>,
}

/// A page's article: its text and its metadata.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    pub text: String,
    pub meta: Meta,
}

/// Whether a text is an HTML page (or fragment) rather than prose that mentions a tag.
/// Decided by content: a doctype or `<html>` at the start, or markup that opens with a tag
/// and holds the elements a page is made of.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text.trim_start_matches('\u{FEFF}').trim_start().chars().take(4096).collect();
    let head = head.to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return true;
    }
    let opens_with_markup = head.starts_with('<');
    let page_parts = ["<head", "<body", "<article", "<p>", "<p ", "<div", "<meta ", "<title"];
    opens_with_markup && page_parts.iter().filter(|p| head.contains(*p)).count() >= 2
}

/// Advertisement slots the extractor may keep as text.
const AD_SLOTS: &str = ".ad, .ads, .advert, .advertisement, .ad-slot, .ad-container, [aria-label=Advertisement], [aria-label=advertisement]";

/// Elements whose content is never article text.
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "nav", "aside", "form", "footer", "iframe", "svg", "button", "template",
    "select", "textarea", "figure", "object", "embed", "canvas", "video", "audio", "head", "menu", "dialog",
    "input", "label",
];

/// Words in a class, id or role that mark page furniture rather than the article.
const FURNITURE_WORDS: &[&str] = &[
    "related", "comment", "comments", "share", "sharing", "social", "newsletter", "promo", "advert",
    "advertisement", "ad", "ads", "sidebar", "breadcrumb", "breadcrumbs", "cookie", "cookies", "subscribe",
    "subscription", "footer", "nav", "navbar", "navigation", "menu", "signup", "recommended",
    "recommendations", "trending", "popular", "outbrain", "taboola", "banner", "complementary",
    "contentinfo", "masthead", "paywall", "teaser", "teasers", "more", "readmore", "sponsored", "toolbar",
    "skip",
];

/// Elements that start and end a block of text.
const BLOCK_TAGS: &[&str] = &[
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div", "section", "article", "main",
    "header", "ul", "ol", "dl", "dt", "dd", "pre", "table", "tr", "td", "th", "body", "address", "hr",
    "figcaption", "details", "summary",
];

/// Extracts the article's text: one paragraph per block, blank lines between them. Empty
/// when the page holds no article text.
pub fn article_text(html: &str) -> String {
    article(html).text
}

/// Extracts the article and the page's metadata.
pub fn article(html: &str) -> Article {
    let page = Html::parse_document(html);
    let mut opts = trafilatura::Options::default();
    opts.exclude_comments = true;
    // Links are kept so that blocks made mostly of links can be told apart.
    opts.include_links = true;
    // Advertisement slots, by exact class tokens and labels only: a word inside a longer class
    // name ("ad_body", "l-sidebar-fixed", "entry-content-read-more") says nothing.
    opts.prune_selector = Some(AD_SLOTS.to_string());
    // Dates from meta tags and JSON-LD only: its extensive search compiles dozens of regular
    // expressions (a third of a short page's run); the fast one still reads `<time>`.
    opts.html_date_mode = trafilatura::HtmlDateMode::Fast;
    let found = trafilatura::extract(html, &opts).ok();
    let some = |s: &str| {
        let s = collapse(s);
        (!s.is_empty()).then_some(s)
    };
    let meta = match &found {
        Some(r) => {
            let m = &r.metadata;
            Meta {
                title: some(&m.title).or_else(|| page_title(&page)),
                author: some(&m.author),
                // Only a date the page writes (meta tags, JSON-LD and <time> write ISO dates): a
                // year alone ("© 2026") is not made into the first of January.
                date: m.date.map(|d| d.format("%Y-%m-%d").to_string()).filter(|d| html.contains(d.as_str())),
                site: some(&m.sitename),
            }
        }
        None => Meta { title: page_title(&page), ..Meta::default() },
    };
    let mut walk = Walk::default();
    if let Some(r) = &found {
        walk.element(Html::parse_fragment(&r.content_html).root_element());
        walk.flush();
    }
    // On a page too short for its scoring, the extractor falls back to the page's text run
    // together as one block (words of different blocks glued): read such a page by the rules.
    if walk.blocks.len() <= 1 {
        walk = Walk::default();
        walk.element(article_root(&page));
    }
    walk.flush();
    let mut blocks = walk.blocks;
    // The headline often sits above the article element, in the page header.
    // (The metadata's title already falls back to the page's <title>.)
    let headline = first_text(&page, "h1").or_else(|| meta.title.clone());
    // The article starts at its headline: what the extractor kept from above it is a page's
    // alert or label ("Something went wrong with the connection!").
    let above = text_above_headline(&page);
    let lead = blocks.iter().take_while(|b| !above.is_empty() && above.contains(&b.text)).count();
    blocks.drain(..lead);
    if let Some(h) = headline {
        if !blocks.iter().any(|b| b.text == h) {
            blocks.insert(0, Block { text: h, link_chars: 0 });
        }
    }
    let kept: Vec<String> = blocks.into_iter().filter(Block::is_content).map(|b| b.text).collect();
    Article { text: kept.join("\n\n"), meta }
}

/// The element that holds the article: the `<article>` (or schema.org `articleBody`) with the
/// most paragraph text, else `<main>`, else the body.
fn article_root(page: &Html) -> ElementRef<'_> {
    for query in ["[itemprop=articleBody]", "article", "main, [role=main]"] {
        let Ok(sel) = Selector::parse(query) else { continue };
        let best = page
            .select(&sel)
            .filter(|e| !is_furniture(e))
            .map(|e| (paragraph_chars(e), e))
            .filter(|(n, _)| *n > 0)
            .max_by_key(|(n, _)| *n);
        if let Some((_, e)) = best {
            return e;
        }
    }
    Selector::parse("body").ok().and_then(|s| page.select(&s).next()).unwrap_or(page.root_element())
}

/// Characters of text in an element's `<p>` descendants.
fn paragraph_chars(e: ElementRef<'_>) -> usize {
    let Ok(p) = Selector::parse("p") else { return 0 };
    e.select(&p).map(|p| p.text().map(str::len).sum::<usize>()).sum()
}

fn first_text(page: &Html, query: &str) -> Option<String> {
    let sel = Selector::parse(query).ok()?;
    page.select(&sel).map(|e| collapse(&e.text().collect::<String>())).find(|t| !t.is_empty())
}

/// The page's text before its first `<h1>`, whitespace collapsed (empty without an `<h1>`).
fn text_above_headline(page: &Html) -> String {
    let mut out = String::new();
    for node in page.root_element().descendants() {
        match node.value() {
            Node::Element(e) if e.name() == "h1" => return collapse(&out),
            Node::Text(t)
                if node
                    .parent()
                    .and_then(|p| p.value().as_element())
                    .is_none_or(|p| !matches!(p.name(), "script" | "style" | "title")) =>
            {
                out.push(' ');
                out.push_str(t);
            }
            _ => {}
        }
    }
    String::new()
}

/// The `<title>`, without a trailing " | Site name".
fn page_title(page: &Html) -> Option<String> {
    let t = first_text(page, "title")?;
    let t = match t.rfind(" | ") {
        Some(i) if i > 0 => t[..i].trim().to_string(),
        _ => t,
    };
    (!t.is_empty()).then_some(t)
}

/// Whether an element is navigation, a share bar, a related-story list and the like, by its
/// tag, its class, id or role words, or by being hidden.
fn is_furniture(e: &ElementRef<'_>) -> bool {
    let el = e.value();
    if SKIP_TAGS.contains(&el.name()) || el.attr("hidden").is_some() {
        return true;
    }
    if el.attr("aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true")) {
        return true;
    }
    let names = [el.attr("class"), el.id(), el.attr("role")];
    names.into_iter().flatten().any(|v| {
        v.split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| FURNITURE_WORDS.iter().any(|f| f.eq_ignore_ascii_case(w)))
    })
}

/// One block of text found in the page.
#[derive(Debug)]
struct Block {
    text: String,
    /// Characters of the text inside links.
    link_chars: usize,
}

impl Block {
    /// A block that is mostly links (a list of related stories, "Read more: …", a headline
    /// that only links elsewhere) is not article text.
    fn is_content(&self) -> bool {
        let total = self.text.chars().count().max(1);
        self.link_chars * 4 < total * 3
    }
}

/// A depth-first walk that gathers inline text into blocks.
#[derive(Default)]
struct Walk {
    blocks: Vec<Block>,
    text: String,
    link_chars: usize,
    in_link: usize,
    in_pre: usize,
}

impl Walk {
    fn element(&mut self, e: ElementRef<'_>) {
        let name = e.value().name();
        let block = BLOCK_TAGS.contains(&name);
        if block {
            self.flush();
        }
        let is_link = name == "a";
        self.in_link += usize::from(is_link);
        self.in_pre += usize::from(name == "pre");
        if name == "br" {
            self.push_text(" ");
        }
        if name == "li" {
            // Written as a text list item, as plain-text versions of an article write them.
            self.text.push_str("- ");
        }
        for child in e.children() {
            match child.value() {
                Node::Text(t) => self.push_text(t),
                Node::Element(_) => {
                    if let Some(c) = ElementRef::wrap(child) {
                        if !is_furniture(&c) {
                            self.element(c);
                        }
                    }
                }
                _ => {}
            }
        }
        self.in_link -= usize::from(is_link);
        self.in_pre -= usize::from(name == "pre");
        if block {
            self.flush();
        }
    }

    fn push_text(&mut self, t: &str) {
        let before = self.text.chars().count();
        if self.in_pre > 0 {
            self.text.push_str(t);
        } else {
            if t.starts_with(char::is_whitespace) {
                self.space();
            }
            for (i, word) in t.split_whitespace().enumerate() {
                if i > 0 {
                    self.space();
                }
                self.text.push_str(word);
            }
            if t.ends_with(char::is_whitespace) {
                self.space();
            }
        }
        if self.in_link > 0 {
            self.link_chars += self.text.chars().count() - before;
        }
    }

    fn space(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with(' ') {
            self.text.push(' ');
        }
    }

    fn flush(&mut self) {
        let text = collapse(&std::mem::take(&mut self.text));
        if !text.is_empty() {
            self.blocks.push(Block { text, link_chars: self.link_chars });
        }
        self.link_chars = 0;
    }
}

/// Whitespace runs as single spaces, trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_pages_by_content() {
        assert!(looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>"));
        assert!(looks_like_html("\u{FEFF}\n  <html lang=en><p>Hi</p>"));
        assert!(looks_like_html("<div class=a><p>One</p><p>Two</p></div>"));
        assert!(!looks_like_html("The <p> tag starts a paragraph in HTML."));
        assert!(!looks_like_html("Plain prose.\n\nAnother paragraph <b>bold</b>."));
    }

    #[test]
    fn keeps_article_blocks_and_drops_furniture() {
        let page = r##"<html><head><title>Talks resume | Daily</title><style>p{color:red}</style>
            <script>alert("x")</script></head><body>
            <nav><ul><li><a href="/">Home</a></li><li><a href="/w">World</a></li></ul></nav>
            <article><h1>Talks resume in Geneva</h1>
            <p>Delegates met on <b>Monday</b> for &ldquo;frank&rdquo; talks.</p>
            <div class="share-bar"><a href="#">Share on X</a></div>
            <h2>What comes next</h2><p>A second round is due in May.<br>Officials agreed.</p>
            <ul><li>Ceasefire terms</li><li>Prisoner swaps</li></ul>
            <ul class="list"><li><a href="/a">Story one about something</a></li></ul>
            </article><aside><p>Most read</p></aside>
            <form class="comment-form"><p>Leave a comment</p></form></body></html>"##;
        assert_eq!(
            article_text(page),
            "Talks resume in Geneva\n\nDelegates met on Monday for “frank” talks.\n\nWhat comes next\n\n\
             A second round is due in May. Officials agreed.\n\n- Ceasefire terms\n\n- Prisoner swaps"
        );
    }

    #[test]
    fn headline_outside_the_article_and_title_fallback() {
        let page = "<html><body><header><h1>Big news</h1></header><article><p>Body text here.</p></article></body></html>";
        assert_eq!(article_text(page), "Big news\n\nBody text here.");
        let page = "<html><head><title>Only a title | Site</title></head><body><p>Text.</p></body></html>";
        assert_eq!(article_text(page), "Only a title\n\nText.");
    }
}
