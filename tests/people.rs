//! People detection: the bundled pair against the gold file, and many small news sentences
//! written for these tests (tests/data/people_cases.txt).

mod common;

use redline::document::Document;
use redline::input::Source;
use redline::people::People;

fn doc(text: &str) -> Document {
    Document::parse(Source::from_text("case", text))
}

struct Case {
    text: String,
    expected: Vec<String>,
}

fn cases(file: &str) -> Vec<Case> {
    file.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (text, want) = l.split_once("||").expect("a case has `||`");
            Case {
                text: text.trim().replace("\\n", "\n"),
                expected: want.split(" ; ").map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect(),
            }
        })
        .collect()
}

/// Mentions found in one text, as written, in reading order.
fn found(text: &str) -> Vec<String> {
    let d = doc(text);
    People::find(&d, None).left.iter().map(|m| d.slice(m.span).to_string()).collect()
}

/// Precision, recall and F1 over a case file's mentions (matched as written, as multisets),
/// and a line for each case that was not exactly right.
fn score(file: &str) -> (f64, f64, f64, Vec<String>) {
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    for case in &cases(file) {
        let got = found(&case.text);
        let mut want = case.expected.clone();
        let mut extra = Vec::new();
        for g in got {
            match want.iter().position(|w| *w == g) {
                Some(i) => {
                    want.remove(i);
                    tp += 1;
                }
                None => extra.push(g),
            }
        }
        fp += extra.len();
        fn_ += want.len();
        if !extra.is_empty() || !want.is_empty() {
            misses.push(format!("{:?}\n    missed {want:?}, extra {extra:?}", case.text));
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::EPSILON);
    (precision, recall, f1, misses)
}

#[test]
fn varied_news_sentences_score_high_and_every_miss_is_listed() {
    let file = include_str!("data/people_cases.txt");
    let n = cases(file).len();
    assert!(n >= 100, "the case file has {n} cases");
    let (p, r, f1, misses) = score(file);
    println!("{n} cases: precision {p:.3}, recall {r:.3}, F1 {f1:.3}");
    for m in &misses {
        println!("  {m}");
    }
    assert!(f1 >= 0.9, "F1 {f1:.3} below 0.9; misses:\n{}", misses.join("\n"));
}

#[test]
fn bundled_pair_names_exactly_the_gold_people_with_their_counts() {
    let c = common::bundled_pair();
    let gold = common::gold();
    let people = &c.people;
    let want = gold["people"].as_object().expect("gold people");
    let mut names: Vec<&str> = people.persons.iter().map(|p| p.name.as_str()).collect();
    names.sort_unstable();
    let mut gold_names: Vec<&str> = want.keys().map(String::as_str).collect();
    gold_names.sort_unstable();
    assert_eq!(names, gold_names);
    for p in &people.persons {
        let g = &want[&p.name];
        assert_eq!(p.left.len() as u64, g["left"].as_u64().unwrap(), "{} left", p.name);
        assert_eq!(p.right.len() as u64, g["right"].as_u64().unwrap(), "{} right", p.name);
        assert!(!p.one_sided(), "{} is in both", p.name);
    }
    // Every mention is a name, never one of the gold's places or organisations, and surname
    // mentions are the surname itself (no title, no possessive).
    let places: Vec<&str> = gold["places_and_organisations_not_people"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    let right = c.right.as_ref().unwrap();
    for (doc, ms) in [(&c.left, &people.left), (right, &people.right)] {
        for m in ms {
            let written = doc.slice(m.span);
            assert!(!places.iter().any(|p| written.contains(p)), "{written:?} names a place");
            let name = &people.persons[m.person].name;
            assert!(name.ends_with(written) || written == name, "{written:?} is not a form of {name:?}");
        }
    }
}

#[test]
fn json_lists_people_with_spans_that_slice_to_their_names() {
    let c = common::bundled_pair();
    let json: serde_json::Value = serde_json::from_str(&redline::report::to_json(&c)).unwrap();
    let people = json["people"].as_array().unwrap();
    assert_eq!(people.len(), 7);
    let putin = people.iter().find(|p| p["name"] == "Vladimir Putin").unwrap();
    let right = c.right.as_ref().unwrap();
    let spans = |side: &str| -> Vec<(usize, usize)> {
        putin[side]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| (s[0].as_u64().unwrap() as usize, s[1].as_u64().unwrap() as usize))
            .collect()
    };
    let left_texts: Vec<&str> = spans("left").iter().map(|&(a, b)| &c.left.text[a..b]).collect();
    assert_eq!(left_texts, ["Vladimir Putin", "Putin", "Putin", "Putin"]);
    let right_texts: Vec<&str> = spans("right").iter().map(|&(a, b)| &right.text[a..b]).collect();
    assert_eq!(right_texts, ["Vladimir Putin", "Putin", "Putin"]);
    // One document: people still listed, `right` null.
    let one = redline::comparison::Comparison::new((*c.left).clone(), None);
    let json: serde_json::Value = serde_json::from_str(&redline::report::to_json(&one)).unwrap();
    assert_eq!(json["people"].as_array().unwrap().len(), 7);
    assert!(json["people"][0]["right"].is_null());
}

#[test]
fn a_surname_in_one_version_ties_to_the_full_name_in_the_other() {
    let left = doc("Kushner arrived in Moscow on Monday.");
    let right = doc("Jared Kushner arrived in Moscow. Kushner met officials.");
    let people = People::find(&left, Some(&right));
    assert_eq!(people.persons.len(), 1);
    assert_eq!(people.persons[0].name, "Jared Kushner");
    assert_eq!((people.persons[0].left.len(), people.persons[0].right.len()), (1, 2));
}

#[test]
fn people_only_one_version_names_are_one_sided() {
    let left = doc("Angela Merkel said the plan would fail. Olaf Scholz agreed.");
    let right = doc("Angela Merkel said the plan would fail.");
    let people = People::find(&left, Some(&right));
    let scholz = people.persons.iter().find(|p| p.name == "Olaf Scholz").unwrap();
    assert!(scholz.one_sided() && scholz.right.is_empty());
    assert!(!people.persons.iter().find(|p| p.name == "Angela Merkel").unwrap().one_sided());
}

#[test]
fn shared_surnames_go_to_the_nearest_full_name_before() {
    let d =
        doc("Donald Trump spoke first. Trump was brief. Melania Trump spoke next. Trump thanked the crowd.");
    let people = People::find(&d, None);
    let names: Vec<&str> = people.left.iter().map(|m| people.persons[m.person].name.as_str()).collect();
    assert_eq!(names, ["Donald Trump", "Donald Trump", "Melania Trump", "Melania Trump"]);
}

#[test]
fn lower_case_place_names_and_title_words_alone_are_not_people() {
    for text in [
        "Talks in kyiv and Kyiv ended. The President said kyiv would decide.",
        "The Prime Minister met the King at Buckingham Palace.",
        "NATO, the EU and the UN met in Brussels on Friday.",
        "",
    ] {
        assert_eq!(found(text), Vec::<String>::new(), "{text:?}");
    }
}

/// Sentences written after the detector was tuned, so their score is a fair estimate.
#[test]
fn held_out_sentences_score_well() {
    let (p, r, f1, misses) = score(include_str!("data/people_heldout.txt"));
    println!("held out: precision {p:.3}, recall {r:.3}, F1 {f1:.3}");
    for m in &misses {
        println!("  {m}");
    }
    assert!(f1 >= 0.85, "F1 {f1:.3} below 0.85");
}
