//! Web pages written to reproduce how real sites broke the old hand-written extractor: the
//! article body inside containers whose class names hold chrome words, an unclosed related-posts
//! article, a page without <article> or <main>, bylines and dates; and the page's metadata.

use redline::extract::article;

/// Six paragraphs of an article, each a sentence or two of news prose.
const BODY: [&str; 6] = [
    "The city council voted on Tuesday to close the old harbour bridge to heavy lorries after engineers found cracks in two of its steel supports.",
    "The bridge, built in 1931, carries about 14,000 vehicles a day between the port and the motorway, and its closure will divert freight through the town centre.",
    "Engineers said the cracks were not an immediate danger to cars and pedestrians, but that the weight of lorries could widen them over the coming winter.",
    "Haulage firms warned that the diversion would add forty minutes to every trip and asked the council to build a temporary crossing within the year.",
    "The mayor said repairs would cost at least 12 million euros and that the council would ask the national government to pay half of the bill.",
    "Work on the supports is expected to begin in March, and the council will publish a timetable for the reopening once contractors have been chosen.",
];

fn paragraphs(text: &str) -> Vec<&str> {
    text.split("\n\n").collect()
}

fn body_html() -> String {
    BODY.iter().map(|p| format!("<p>{p}</p>\n")).collect()
}

/// Every body paragraph is extracted, in order, and nothing else but the listed extras.
fn assert_body(text: &str, extras: &[&str]) {
    let got = paragraphs(text);
    let body: Vec<&str> = got.iter().copied().filter(|p| !extras.contains(p)).collect();
    assert_eq!(body, BODY, "whole text: {text}");
}

const NAV: &str = r#"<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>"#;

#[test]
fn a_body_inside_classes_that_hold_chrome_words_is_kept() {
    for class in [
        "l-sidebar-fixed l-article-body-segment",
        "content-with-sidebar-wrp",
        "entry-content entry-content-read-more",
        "ad_body",
        "breadcrumb-free story-body",
    ] {
        let page = format!(
            "<!DOCTYPE html><html><head><title>Harbour bridge closed to lorries | Gazette</title></head><body>{NAV}\
             <div class=\"{class}\"><h1>Harbour bridge closed to lorries</h1>{}</div>\
             <footer><p>© 2026 Gazette</p></footer></body></html>",
            body_html()
        );
        let a = article(&page);
        assert_body(&a.text, &["Harbour bridge closed to lorries"]);
    }
    // Billboard's case: the article element itself has a chrome word in its class.
    let page = format!(
        "<html><head><title>Bridge</title></head><body>{NAV}<article class=\"url-breadcrumb\"><h1>Harbour bridge closed to lorries</h1>{}</article></body></html>",
        body_html()
    );
    assert_body(&article(&page).text, &["Harbour bridge closed to lorries"]);
}

#[test]
fn an_unclosed_related_posts_article_is_not_taken_for_the_story() {
    let teasers: String = (1..=6)
        .map(|i| format!("<article class=\"teaser\"><h3><a href=\"/s{i}\">Another story number {i} about the town</a></h3><p><a href=\"/s{i}\">Read the story</a></p>"))
        .collect();
    let page = format!(
        "<html><head><title>Harbour bridge closed to lorries</title></head><body>{NAV}\
         <main><article class=\"story\"><h1>Harbour bridge closed to lorries</h1>{}</article>\
         <section class=\"related\"><h2>More from the Gazette</h2>{teasers}</section></main></body></html>",
        body_html()
    );
    let a = article(&page);
    assert_body(&a.text, &["Harbour bridge closed to lorries"]);
    assert!(!a.text.contains("Another story"), "{}", a.text);
}

#[test]
fn a_page_without_article_or_main_gives_its_story_not_its_menus() {
    let menu: String = (1..=30).map(|i| format!("<li><a href=\"/m{i}\">Section {i}</a></li>")).collect();
    let page = format!(
        "<html><head><title>Harbour bridge closed to lorries</title></head><body>\
         <div class=\"top\"><ul>{menu}</ul></div><div class=\"alert\"><p>Something went wrong with the connection!</p></div>\
         <div class=\"wrapper\"><div class=\"col\"><h1>Harbour bridge closed to lorries</h1>{}</div></div>\
         <div class=\"bottom\"><ul>{menu}</ul></div></body></html>",
        body_html()
    );
    let a = article(&page);
    assert_body(&a.text, &["Harbour bridge closed to lorries"]);
    assert!(!a.text.contains("Section 1") && !a.text.contains("Something went wrong"), "{}", a.text);
}

#[test]
fn bylines_and_dates_are_metadata_not_headings() {
    let page = format!(
        "<html><head><title>Harbour bridge closed to lorries | The Gazette</title>\
         <meta property=\"og:site_name\" content=\"The Gazette\">\
         <meta name=\"author\" content=\"Maria Lopez\">\
         <meta property=\"article:published_time\" content=\"2026-11-24T08:30:00Z\"></head><body>{NAV}\
         <article><h1>Harbour bridge closed to lorries</h1><div class=\"byline\"><span>By</span> <a href=\"/maria\">Maria Lopez</a></div>\
         <time datetime=\"2026-11-24\">24 November 2026</time>{}</article></body></html>",
        body_html()
    );
    let a = article(&page);
    assert_body(&a.text, &["Harbour bridge closed to lorries"]);
    assert_eq!(a.meta.author.as_deref(), Some("Maria Lopez"));
    assert_eq!(a.meta.date.as_deref(), Some("2026-11-24"));
    assert_eq!(a.meta.site.as_deref(), Some("The Gazette"));
    assert!(
        a.meta.title.as_deref().is_some_and(|t| t.starts_with("Harbour bridge closed to lorries")),
        "{:?}",
        a.meta
    );
}

/// Broken pages (cut anywhere, tags left open or closed twice, stray entities) never panic,
/// and whatever comes out holds no control character.
#[test]
fn broken_pages_never_panic() {
    let page = include_str!("fixtures/article.html");
    let cuts = (0..page.len()).step_by(37).filter(|&i| page.is_char_boundary(i));
    for cut in cuts {
        let a = article(&page[..cut]);
        assert!(!a.text.chars().any(|c| c.is_control() && c != '\n'), "cut at {cut}");
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    #[test]
    fn tag_soup_never_panics(pieces in proptest::collection::vec(proptest::sample::select(vec![
        "<html>", "<body>", "<article>", "</article>", "<main>", "<div class=\"l-sidebar ad\">", "</div>",
        "<p>", "</p>", "<h1>", "</h1>", "<h2>Sub</h2>", "<ul><li>", "</li>", "<a href=x>", "</a>", "<script>",
        "</script>", "<!--", "-->", "&amp;", "&#0;", "&#x1b;", "<time datetime=\"2026-13-45\">", "<meta name=author content=\"\">",
        "The council voted on Tuesday to close the bridge to lorries after cracks were found.", " ", "\u{202e}", "\u{9b}",
    ]), 0..80)) {
        let html: String = pieces.concat();
        let _ = article(&html);
    }
}

#[test]
fn a_date_written_only_in_a_time_element_is_found() {
    let page = |time: &str| {
        format!(
            "<html><head><title>Harbour bridge closed to lorries</title></head><body>{NAV}\
             <article><h1>Harbour bridge closed to lorries</h1>{time}{}</article></body></html>",
            body_html()
        )
    };
    let a = article(&page(
        "<p class=\"dateline\"><time datetime=\"2026-11-24T08:30:00Z\">24 November</time></p>",
    ));
    assert_eq!(a.meta.date.as_deref(), Some("2026-11-24"));
    // Not a date: no date is made up.
    let a =
        article(&page("<time datetime=\"2026-13-45\">soon</time><time datetime=\"PT5M\">5 min read</time>"));
    assert_eq!(a.meta.date, None);
}
