//! The language a document is written in, and what the analysis does differently for it:
//! its Snowball stemmer, its function words, how it writes numbers and ordinals, and whether
//! capitals mark names. Detected with `whatlang` (trigram statistics); text whose language is
//! unknown or mixed gets no stemming and no function-word list, only weights from rarity.

use rust_stemmers::Algorithm;
use whatlang::Lang;

/// A detected language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Language {
    lang: Lang,
}

/// Bytes of text the detector reads from each of three places (start, middle, end): enough for
/// a reliable answer, little enough to cost under a millisecond on a 4 MB document.
const SAMPLE: usize = 16 * 1024;

/// Function words the NLTK lists leave out, by language: verbs of saying and modal or
/// connective words a rewrite adds or drops freely, so they are grammar, not content.
const EXTRA_FUNCTION_WORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "also", "although", "among", "could", "however", "may", "might", "must", "said", "say", "says",
            "shall", "still", "though", "upon", "whether", "within", "without", "would", "yet",
        ],
    ),
    ("de", &["sagte", "sagt", "sagten", "dass", "daß", "wurde", "wurden", "worden", "bereits", "sowie"]),
    ("fr", &["dit", "a", "selon", "cette", "cet", "lors", "ainsi", "aussi", "alors"]),
    ("es", &["dijo", "según", "también"]),
    ("it", &["ha", "detto", "secondo", "anche"]),
];

impl Language {
    /// The language of a text, when the detector is sure of it and the text's parts agree
    /// (start, middle and end of a long text); `None` for unknown or mixed text.
    pub fn detect(text: &str) -> Option<Language> {
        let mut found = None;
        for part in sample(text) {
            let info = whatlang::detect(part)?;
            if !info.is_reliable() || found.is_some_and(|l| l != info.lang()) {
                return None;
            }
            found = Some(info.lang());
        }
        found.map(|lang| Language { lang })
    }

    /// English, whose words some English-only rules (spelled numbers) need to tell apart.
    pub const ENGLISH: Language = Language { lang: Lang::Eng };

    /// The language of a pair of texts read together: for a text too short to tell on its
    /// own, its partner's language when the two agree.
    pub fn detect_pair(a: &str, b: &str) -> Option<Language> {
        let (sa, sb) = (sample(a), sample(b));
        let joined: Vec<&str> = sa.into_iter().chain(sb).collect();
        Language::detect(&joined.join("\n"))
    }

    /// The ISO 639-1 code ("en", "de").
    pub fn code(self) -> &'static str {
        iso_639_1(self.lang)
    }

    /// The language's name in English ("German").
    pub fn name(self) -> &'static str {
        self.lang.eng_name()
    }

    /// The Snowball stemmer for the language, if there is one.
    pub fn stemmer(self) -> Option<Algorithm> {
        Some(match self.lang {
            Lang::Ara => Algorithm::Arabic,
            Lang::Dan => Algorithm::Danish,
            Lang::Nld => Algorithm::Dutch,
            Lang::Eng => Algorithm::English,
            Lang::Fin => Algorithm::Finnish,
            Lang::Fra => Algorithm::French,
            Lang::Deu => Algorithm::German,
            Lang::Ell => Algorithm::Greek,
            Lang::Hun => Algorithm::Hungarian,
            Lang::Ita => Algorithm::Italian,
            Lang::Nob => Algorithm::Norwegian,
            Lang::Por => Algorithm::Portuguese,
            Lang::Ron => Algorithm::Romanian,
            Lang::Rus => Algorithm::Russian,
            Lang::Spa => Algorithm::Spanish,
            Lang::Swe => Algorithm::Swedish,
            Lang::Tam => Algorithm::Tamil,
            Lang::Tur => Algorithm::Turkish,
            _ => return None,
        })
    }

    /// Whether a lower-cased word is a function word of the language.
    pub fn is_function_word(self, word: &str) -> bool {
        let code = self.code();
        stop_words::lookup(code).is_some_and(|list| list.contains(&word))
            || EXTRA_FUNCTION_WORDS.iter().any(|(c, extra)| *c == code && extra.contains(&word))
    }

    /// Whether the language writes the decimal separator as a comma ("1.234,5").
    pub fn decimal_comma(self) -> bool {
        !matches!(
            self.lang,
            Lang::Eng | Lang::Heb | Lang::Jpn | Lang::Kor | Lang::Cmn | Lang::Tha | Lang::Hin
        )
    }

    /// Whether a number followed by a full stop is an ordinal ("am 3. Oktober").
    pub fn ordinal_dot(self) -> bool {
        matches!(
            self.lang,
            Lang::Deu
                | Lang::Dan
                | Lang::Nob
                | Lang::Fin
                | Lang::Ces
                | Lang::Slk
                | Lang::Slv
                | Lang::Hrv
                | Lang::Srp
                | Lang::Hun
                | Lang::Pol
                | Lang::Lav
                | Lang::Est
                | Lang::Tur
        )
    }

    /// Whether capitals tell names from other words (German capitalises every noun).
    pub fn capitals_mark_names(self) -> bool {
        self.lang != Lang::Deu
    }

    /// Whether the language elides articles and pronouns onto the next word ("l'homme").
    pub fn elides(self) -> bool {
        matches!(self.lang, Lang::Fra | Lang::Ita | Lang::Cat)
    }
}

/// Up to three windows of the text to detect on, cut at character boundaries.
fn sample(text: &str) -> Vec<&str> {
    if text.len() <= 3 * SAMPLE {
        return vec![text];
    }
    let window = |from: usize| {
        let start = (from..text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len());
        let end = (start + SAMPLE..text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len());
        &text[start..end]
    };
    vec![window(0), window(text.len() / 2 - SAMPLE / 2), window(text.len() - SAMPLE)]
}

/// ISO 639-1 codes of the languages the detector knows.
fn iso_639_1(lang: Lang) -> &'static str {
    match lang {
        Lang::Epo => "eo",
        Lang::Eng => "en",
        Lang::Rus => "ru",
        Lang::Cmn => "zh",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Ita => "it",
        Lang::Ben => "bn",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Ukr => "uk",
        Lang::Kat => "ka",
        Lang::Ara => "ar",
        Lang::Hin => "hi",
        Lang::Jpn => "ja",
        Lang::Heb => "he",
        Lang::Yid => "yi",
        Lang::Pol => "pl",
        Lang::Amh => "am",
        Lang::Jav => "jv",
        Lang::Kor => "ko",
        Lang::Nob => "nb",
        Lang::Dan => "da",
        Lang::Swe => "sv",
        Lang::Fin => "fi",
        Lang::Tur => "tr",
        Lang::Nld => "nl",
        Lang::Hun => "hu",
        Lang::Ces => "cs",
        Lang::Ell => "el",
        Lang::Bul => "bg",
        Lang::Bel => "be",
        Lang::Mar => "mr",
        Lang::Kan => "kn",
        Lang::Ron => "ro",
        Lang::Slv => "sl",
        Lang::Hrv => "hr",
        Lang::Srp => "sr",
        Lang::Mkd => "mk",
        Lang::Lit => "lt",
        Lang::Lav => "lv",
        Lang::Est => "et",
        Lang::Tam => "ta",
        Lang::Vie => "vi",
        Lang::Urd => "ur",
        Lang::Tha => "th",
        Lang::Guj => "gu",
        Lang::Uzb => "uz",
        Lang::Pan => "pa",
        Lang::Aze => "az",
        Lang::Ind => "id",
        Lang::Tel => "te",
        Lang::Pes => "fa",
        Lang::Mal => "ml",
        Lang::Ori => "or",
        Lang::Mya => "my",
        Lang::Nep => "ne",
        Lang::Sin => "si",
        Lang::Khm => "km",
        Lang::Tuk => "tk",
        Lang::Aka => "ak",
        Lang::Zul => "zu",
        Lang::Sna => "sn",
        Lang::Afr => "af",
        Lang::Lat => "la",
        Lang::Slk => "sk",
        Lang::Cat => "ca",
        Lang::Tgl => "tl",
        Lang::Hye => "hy",
        Lang::Cym => "cy",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_english_german_and_french_and_refuses_to_guess() {
        let en = "The city council approved a budget for road repairs on Thursday, ending months of debate.";
        let de = "Der Stadtrat hat am Donnerstag einen Haushalt für die Reparatur der Straßen beschlossen.";
        let fr = "Le conseil municipal a approuvé jeudi un budget pour la réparation des routes.";
        assert_eq!(Language::detect(en).map(Language::code), Some("en"));
        assert_eq!(Language::detect(de).map(Language::code), Some("de"));
        assert_eq!(Language::detect(fr).map(Language::code), Some("fr"));
        assert_eq!(Language::detect("Putin Trump Kushner"), None);
        assert_eq!(Language::detect("12 34 56"), None);
    }

    #[test]
    fn function_words_and_stemmers_follow_the_language() {
        let de =
            Language::detect("Der Stadtrat hat am Donnerstag einen Haushalt für die Straßen beschlossen.")
                .unwrap();
        assert!(de.is_function_word("und") && de.is_function_word("sagte") && !de.is_function_word("haus"));
        assert_eq!(de.stemmer(), Some(Algorithm::German));
        assert!(de.decimal_comma() && de.ordinal_dot() && !de.capitals_mark_names());
        let en =
            Language::detect("The council approved the budget for repairs on Thursday after a long debate.")
                .unwrap();
        assert!(en.is_function_word("the") && en.is_function_word("said") && !en.is_function_word("council"));
        assert!(!en.decimal_comma() && !en.ordinal_dot() && en.capitals_mark_names());
    }

    #[test]
    fn a_text_of_two_languages_is_mixed() {
        let en = "The city council approved a budget for road repairs on Thursday, ending months of debate. "
            .repeat(300);
        let de = "Der Stadtrat hat am Donnerstag einen Haushalt für die Reparatur der Straßen beschlossen. "
            .repeat(300);
        assert_eq!(Language::detect(&format!("{en}{de}")), None);
    }
}
