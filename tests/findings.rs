//! The fact-check lens: the bundled pair's known findings, small texts for each kind, the
//! JSON shape, and the findings panel.

mod common;

use common::{bundled_pair, draw, pair, screen_text};
use redline::app::{Action, App, Panel};
use redline::comparison::Comparison;
use redline::findings::{Finding, FindingKind};

fn texts(c: &Comparison, f: &Finding) -> (Option<String>, Option<String>) {
    (
        f.left.map(|s| c.left.slice(s).to_string()),
        f.right.map(|s| c.right.as_ref().unwrap().slice(s).to_string()),
    )
}

/// Every finding's text, both sides.
fn all_texts(c: &Comparison) -> Vec<String> {
    c.findings
        .iter()
        .flat_map(|f| {
            let (l, r) = texts(c, f);
            [l, r]
        })
        .flatten()
        .collect()
}

fn of_kind(c: &Comparison, kind: FindingKind) -> Vec<(Option<String>, Option<String>)> {
    c.findings.iter().filter(|f| f.kind == kind).map(|f| texts(c, f)).collect()
}

/// The texts of a one-sided kind's findings, from the side that has them.
fn one_sided(c: &Comparison, kind: FindingKind) -> Vec<String> {
    of_kind(c, kind).into_iter().filter_map(|(l, r)| l.or(r)).collect()
}

#[test]
fn putins_quotation_is_altered_in_exactly_its_changed_phrases() {
    let c = bundled_pair();
    let f = c
        .findings
        .iter()
        .find(|f| {
            f.kind == FindingKind::QuoteAltered && texts(&c, f).0.unwrap().starts_with("Ukrainian troops")
        })
        .expect("Putin's quotation is altered");
    assert_eq!(f.speaker.as_deref(), Some("Vladimir Putin"));
    let right = c.right.as_ref().unwrap();
    let changes: Vec<(&str, &str)> = f
        .changes
        .iter()
        .map(|&(l, r)| (l.map_or("", |s| c.left.slice(s)), r.map_or("", |s| right.slice(s))))
        .collect();
    assert_eq!(
        changes,
        [
            ("control", "hold,"),
            ("stop", "cease"),
            ("we will achieve it", "then we shall achieve this"),
            ("all", "it")
        ]
    );
    // The quotation is the words inside the marks, as the gold file gives them.
    let gold = common::gold();
    assert_eq!(texts(&c, f).0.unwrap(), gold["quotes_changed"][0]["left"].as_str().unwrap());
    assert_eq!(texts(&c, f).1.unwrap(), gold["quotes_changed"][0]["right"].as_str().unwrap());
}

#[test]
fn bundled_pair_findings_match_what_a_fact_checker_expects() {
    let c = bundled_pair();
    let altered = of_kind(&c, FindingKind::QuoteAltered);
    assert!(altered.contains(&(Some("seems better".into()), Some("looking better".into()))), "{altered:?}");
    let paraphrased: Vec<_> = c.findings.iter().filter(|f| f.kind == FindingKind::QuoteParaphrased).collect();
    let macron = paraphrased
        .iter()
        .find(|f| {
            texts(&c, f).0.as_deref()
                == Some("Ukraine must be the one to decide its own territorial boundaries.")
        })
        .expect("Macron's quotation is paraphrased");
    assert_eq!(macron.speaker.as_deref(), Some("Emmanuel Macron"));
    assert!(texts(&c, macron).1.unwrap().contains("Ukraine must ultimately determine its own borders"));
    // Every weekday the source names (outside page furniture) is reported only-left, each day
    // once, with every occurrence reachable from it.
    let only_left: Vec<&Finding> =
        c.findings.iter().filter(|f| f.kind == FindingKind::NumberOnlyLeft).collect();
    let weekdays = ["Monday", "Tuesday", "Sunday"];
    for day in weekdays {
        let entries: Vec<&&Finding> =
            only_left.iter().filter(|f| texts(&c, f).0.is_some_and(|t| t.starts_with(day))).collect();
        assert_eq!(entries.len(), 1, "{day}: {entries:?}");
        let places: Vec<&str> = entries[0].occurrences().iter().map(|&(_, s)| c.left.slice(s)).collect();
        assert_eq!(places.len(), c.left.text.matches(day).count(), "{day}: {places:?}");
        assert!(places.iter().all(|t| t.starts_with(day)), "{places:?}");
        assert!(entries[0].occurrences().windows(2).all(|w| w[0].1.end <= w[1].1.start), "reading order");
    }
    let described: Vec<String> =
        only_left.iter().map(|f| redline::describe::describe_finding(&c, f)).collect();
    assert!(
        described.contains(&"Monday ×5".to_string()) && described.contains(&"Sunday ×2".to_string()),
        "{described:?}"
    );
    // Number words count with what they count, not alone.
    let only_left = one_sided(&c, FindingKind::NumberOnlyLeft);
    assert!(
        only_left.contains(&"two years".to_string()) && !only_left.contains(&"one".to_string()),
        "{only_left:?}"
    );
    let only_right = of_kind(&c, FindingKind::NumberOnlyRight);
    assert!(only_right.contains(&(None, Some("2025".into()))), "{only_right:?}");
    // Same values in other words are not changes.
    for (l, r) in of_kind(&c, FindingKind::NumberChanged) {
        for t in [l, r].into_iter().flatten() {
            assert!(!t.contains("19") && !t.contains("1.2"), "{t} reported as changed");
        }
    }
    let all = all_texts(&c);
    assert!(!all.iter().any(|t| t.contains("19 percent") || t.contains("1.2 million")), "{all:?}");
    assert_eq!(
        of_kind(&c, FindingKind::NumberChanged),
        [(Some("last week".into()), Some("recently".into()))]
    );
}

#[test]
fn straight_and_nested_quotes_and_a_quotation_split_by_its_attribution() {
    let c = pair(
        "Mayor Anne Hidalgo spoke on Friday. \"We will win,\" she said, \"whatever it takes.\"\n\nShe called it \"the 'best' plan\" for Paris.",
        "Mayor Anne Hidalgo spoke on Friday. \"We will win,\" she said.\n\nShe called it 'the best plan' for Paris.",
    );
    let only_left = of_kind(&c, FindingKind::QuoteOnlyLeft);
    assert_eq!(only_left, [(Some("whatever it takes.".into()), None)]);
    let f = c.findings.iter().find(|f| f.kind == FindingKind::QuoteOnlyLeft).unwrap();
    assert_eq!(f.speaker.as_deref(), Some("Anne Hidalgo"));
    // "We will win," is verbatim: no finding.
    assert!(c.findings.iter().all(|f| texts(&c, f).0.as_deref() != Some("We will win,")));
}

#[test]
fn curly_single_quotes_inside_double_quotes_belong_to_the_outer_quotation() {
    let c = pair(
        "“They told us ‘leave now’ and we left,” Maria Ionova said on Monday.",
        "“They told us ‘go now’ and we left,” Maria Ionova said on Monday.",
    );
    let altered: Vec<&Finding> = c.findings.iter().filter(|f| f.kind == FindingKind::QuoteAltered).collect();
    assert_eq!(altered.len(), 1);
    assert_eq!(texts(&c, altered[0]).0.unwrap(), "They told us ‘leave now’ and we left,");
    assert_eq!(altered[0].speaker.as_deref(), Some("Maria Ionova"));
}

#[test]
fn a_quotation_running_over_a_paragraph_break_is_one_quotation() {
    let c = pair(
        "Officials met in Geneva.\n\n“We are close to a deal.\n\n“But nothing is agreed,” Sergei Lavrov said.",
        "Officials met in Geneva.\n\nSergei Lavrov said talks continued.",
    );
    let q = of_kind(&c, FindingKind::QuoteOnlyLeft);
    assert_eq!(q.len(), 1, "{q:?}");
    let t = q[0].0.as_deref().unwrap();
    assert!(t.starts_with("We are close to a deal.") && t.ends_with("But nothing is agreed,"), "{t}");
}

#[test]
fn quotations_turned_into_paraphrase_and_added_quotations() {
    let c = pair(
        "The minister said the reform was “a historic step for every worker in the country.”",
        "The minister said the reform was a historic step for workers. “We are proud,” she added.",
    );
    assert_eq!(of_kind(&c, FindingKind::QuoteParaphrased).len(), 1);
    assert_eq!(of_kind(&c, FindingKind::QuoteOnlyRight), [(None, Some("We are proud,".into()))]);
}

#[test]
fn numbers_and_dates_changed_dropped_and_added() {
    let c = pair(
        "The storm killed 12 people on Tuesday and left 40,000 homes without power, up 5% from 2023.",
        "The storm killed 14 people and left 40,000 homes without power in March 2024, up 5 percent.",
    );
    let changed = of_kind(&c, FindingKind::NumberChanged);
    assert!(
        changed.contains(&(Some("12 people".into()), Some("14 people".into())))
            || changed.contains(&(Some("12".into()), Some("14".into()))),
        "{changed:?}"
    );
    assert!(
        changed
            .iter()
            .any(|(l, r)| l.as_deref() == Some("2023") && r.as_deref().is_some_and(|r| r.contains("2024")))
            || of_kind(&c, FindingKind::NumberOnlyLeft).iter().any(|(l, _)| l.as_deref() == Some("2023")),
        "{:?}",
        c.findings
    );
    let only_left = one_sided(&c, FindingKind::NumberOnlyLeft);
    assert!(only_left.iter().any(|t| t.starts_with("Tuesday")), "{only_left:?}");
    let only_right = one_sided(&c, FindingKind::NumberOnlyRight);
    assert!(only_right.iter().any(|t| t.starts_with("March")), "{only_right:?}");
    // 40,000 and 5% = 5 percent are the same facts.
    let all = all_texts(&c);
    assert!(!all.iter().any(|t| t.contains("40,000") || t.starts_with('5')), "{all:?}");
}

#[test]
fn number_words_alone_are_not_facts() {
    let c = pair(
        "The two leaders met for three hours. One of them spoke first; the other one waited.",
        "The leaders met. The first to speak was the president, and he spoke alone.",
    );
    let only_left = one_sided(&c, FindingKind::NumberOnlyLeft);
    assert_eq!(only_left, ["two leaders", "three hours"]);
    // Spelled and written in digits, the same count is the same fact.
    let c = pair("Rescuers worked for two days in the rubble.", "Rescuers worked for 2 days in the rubble.");
    assert!(c.findings.is_empty(), "{:?}", c.findings);
}

#[test]
fn names_only_one_version_has() {
    let c = pair(
        "Olaf Scholz met officials in Warsaw and Berlin on trade.",
        "Officials met in berlin to discuss trade with Ursula von der Leyen.",
    );
    let left = one_sided(&c, FindingKind::NameOnlyLeft);
    assert_eq!(left, ["Olaf Scholz", "Warsaw"], "Berlin is named in lower case on the right");
    let right = one_sided(&c, FindingKind::NameOnlyRight);
    assert_eq!(right, ["Ursula von der Leyen"]);
    // Aliases are one name.
    let c = pair("US officials met in Kiev.", "United States officials met in Kyiv.");
    assert!(
        of_kind(&c, FindingKind::NameOnlyLeft).is_empty()
            && of_kind(&c, FindingKind::NameOnlyRight).is_empty()
    );
}

#[test]
fn json_findings_have_the_documented_shape() {
    let c = bundled_pair();
    let json: serde_json::Value = serde_json::from_str(&redline::report::to_json(&c)).unwrap();
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings.len(), c.findings.len());
    let kinds = [
        "quote_altered", "quote_paraphrased", "quote_only_left", "quote_only_right", "number_changed",
        "number_only_left", "number_only_right", "name_only_left", "name_only_right",
    ];
    let right = c.right.as_ref().unwrap();
    for f in findings {
        assert!(kinds.contains(&f["kind"].as_str().unwrap()), "{f}");
        for (side, doc) in [("left", &c.left), ("right", right)] {
            match f[side].as_array() {
                Some(s) => {
                    let (a, b) = (s[0].as_u64().unwrap() as usize, s[1].as_u64().unwrap() as usize);
                    assert_eq!(f[format!("{side}_text")].as_str().unwrap(), &doc.text[a..b]);
                }
                None => assert!(f[side].is_null() && f[format!("{side}_text")].is_null()),
            }
        }
        assert!(f["speaker"].is_null() || f["speaker"].is_string());
    }
    let putin =
        findings.iter().find(|f| f["speaker"] == "Vladimir Putin" && f["kind"] == "quote_altered").unwrap();
    assert_eq!(putin["changes"][0]["left_text"], "control");
    assert_eq!(putin["changes"][0]["right_text"], "hold,");
}

#[test]
fn the_findings_panel_lists_by_kind_and_enter_shows_both_sides() {
    let mut app = App::new(bundled_pair(), 130, 40);
    let status = screen_text(&draw(&app)).pop().unwrap();
    assert!(status.contains(&format!("{} findings", app.comparison.findings.len())), "{status}");
    app.update(Action::FindingsPanel);
    assert_eq!(app.panel, Some(Panel::Findings));
    let screen = screen_text(&draw(&app));
    assert!(
        screen.iter().any(|l| l.contains("quotation altered") && l.contains("Vladimir Putin:")),
        "{screen:#?}"
    );
    // The second finding: "seems better", whose sides stand in different rows.
    app.update(Action::SelectNext);
    app.update(Action::Open);
    assert_eq!(app.shown_finding, Some(1));
    let buf = draw(&app);
    let highlighted = |x0: u16| -> String {
        (0..40)
            .flat_map(|y| (x0..x0 + 65).map(move |x| (x, y)))
            .filter(|&(x, y)| buf[(x, y)].bg == ratatui::style::Color::Yellow)
            .map(|(x, y)| buf[(x, y)].symbol().to_string())
            .collect()
    };
    assert_eq!(highlighted(0), "seems better");
    assert_eq!(highlighted(65), "looking better");
    app.update(Action::Resync);
    assert_eq!(app.scroll, app.scroll_right);
}

/// A finding longer than the panel is wide is shown in full while it is chosen (wrapped under
/// its column), and cut to one line otherwise.
#[test]
fn the_chosen_finding_is_shown_in_full() {
    let mut app = App::new(bundled_pair(), 100, 40);
    app.update(Action::FindingsPanel);
    let panel = |app: &App| -> String {
        let screen = screen_text(&draw(app));
        let top = screen.iter().position(|l| l.contains("Findings ·")).expect("the panel");
        screen[top..]
            .iter()
            .map(|l| l.trim_matches(|c| c == '│' || c == ' ').to_string())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    // Putin's quotation and its last change, "all → it", all on screen.
    let chosen = words(&panel(&app));
    assert!(chosen.contains("That’s all,”") && chosen.contains("all → it)"), "{chosen}");
    app.update(Action::SelectNext);
    let other = words(&panel(&app));
    assert!(!other.contains("all → it)"), "no longer chosen, Putin's finding is one line: {other}");
    assert!(other.contains("“seems better” (seems → looking)"), "{other}");
}

/// A repeated one-sided fact is one entry, and Enter goes through its occurrences in turn,
/// each shown highlighted on screen, and round to the first again.
#[test]
fn enter_steps_through_a_repeated_facts_occurrences() {
    let c = bundled_pair();
    let at = c
        .findings
        .iter()
        .position(|f| redline::describe::describe_finding(&c, f) == "Monday ×5")
        .expect("Monday is one entry");
    let places: Vec<redline::document::Span> = c.findings[at].occurrences().iter().map(|o| o.1).collect();
    let mut app = App::new(c, 100, 40);
    app.update(Action::FindingsPanel);
    for _ in 0..at {
        app.update(Action::SelectNext);
    }
    for round in 0..places.len() + 1 {
        let k = round % places.len();
        app.update(Action::Open);
        let message = app.message.clone().unwrap_or_default();
        assert!(message.contains(&format!("{} of 5", k + 1)), "{message}");
        // The highlighted cells in the left pane spell the occurrence Enter went to, on the
        // screen line that holds the words beside it in the text.
        let buf = draw(&app);
        let area = buf.area;
        let lit = |cell: &ratatui::buffer::Cell| {
            cell.bg == ratatui::style::Color::Yellow && cell.fg == ratatui::style::Color::Black
        };
        let y = (0..area.height.saturating_sub(2))
            .find(|&y| (0..area.width / 2).any(|x| lit(&buf[(x, y)])))
            .expect("a highlighted occurrence in the left pane");
        let row: String = (0..area.width / 2).map(|x| buf[(x, y)].symbol()).collect();
        let spelled: String =
            (0..area.width / 2).filter(|&x| lit(&buf[(x, y)])).map(|x| buf[(x, y)].symbol()).collect();
        let text = &app.comparison.left.text;
        let want = &text[places[k].start..places[k].end];
        assert_eq!(spelled.trim(), want, "occurrence {k}");
        let before = text[..places[k].start].split_whitespace().last().unwrap_or("");
        let after = text[places[k].end..].split_whitespace().next().unwrap_or("");
        assert!(
            row.contains(&format!("{before} {want}"))
                || row.contains(&format!("{want}{after}"))
                || row.contains(&format!("{want} {after}")),
            "occurrence {k}: {row:?} lacks {before:?} {want:?} {after:?}"
        );
        assert_eq!(app.occurrence, k);
    }
}
