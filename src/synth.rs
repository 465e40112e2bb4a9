//! Reproducible synthetic article pairs for benchmarks and scale tests: an "original" made of
//! pseudo-words with a natural (Zipf-like) word frequency, and a "rewrite" of it with
//! paraphrase-like word swaps, dropped, inserted and moved paragraphs.

/// A small deterministic generator (SplitMix64), so the same seed gives the same text.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * 1.0 < p
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ne", "ru", "ta", "vo", "sen", "dar", "pel", "gor", "bin", "tus", "fa", "zel", "qui",
    "ran", "mo", "li", "ber", "sha", "ton", "wex", "cy", "dro", "pha", "lem", "nor", "vik", "sta",
];

/// The vocabulary: `n` distinct pseudo-words, most frequent first.
fn vocabulary(n: usize) -> Vec<String> {
    let mut out = Vec::with_capacity(n);
    let mut k = 0usize;
    while out.len() < n {
        let mut x = k;
        let mut w = String::new();
        loop {
            w.push_str(SYLLABLES[x % SYLLABLES.len()]);
            x /= SYLLABLES.len();
            if x == 0 {
                break;
            }
        }
        out.push(w);
        k += 1;
    }
    out
}

/// A word index drawn with frequency falling off like a Zipf law.
fn zipf(rng: &mut Rng, n: usize) -> usize {
    let u = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
    ((n as f64).powf(u) as usize).saturating_sub(1).min(n - 1)
}

fn sentence(rng: &mut Rng, vocab: &[String]) -> String {
    let len = 8 + rng.below(18);
    let mut words: Vec<String> = Vec::with_capacity(len);
    for i in 0..len {
        let mut w = vocab[zipf(rng, vocab.len())].clone();
        if rng.chance(0.04) {
            w = format!("{}", rng.below(5000));
        } else if i == 0 || rng.chance(0.06) {
            let mut c = w.chars();
            w = c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or(w);
        }
        words.push(w);
    }
    let mut s = words.join(" ");
    s.push('.');
    s
}

fn paragraph(rng: &mut Rng, vocab: &[String]) -> String {
    let n = 2 + rng.below(4);
    (0..n).map(|_| sentence(rng, vocab)).collect::<Vec<_>>().join(" ")
}

/// An original of `paragraphs` paragraphs (one a line) and its rewrite.
pub fn pair(seed: u64, paragraphs: usize) -> (String, String) {
    let (a, b, _) = pair_with_truth(seed, paragraphs);
    (a, b)
}

/// Like [`pair`], with the truth: for each rewrite paragraph, the original paragraph it was
/// made from (`None` for inserted ones).
pub fn pair_with_truth(seed: u64, paragraphs: usize) -> (String, String, Vec<Option<usize>>) {
    reworded_with_truth(seed, paragraphs, LIGHT_REWORDING)
}

/// The share of words [`pair`] replaces in each paragraph it keeps: a light edit.
const LIGHT_REWORDING: f64 = 0.15;

/// Like [`pair`], with each word of a kept paragraph replaced with probability `swap`
/// (0.6: most of every paragraph reworded, as a real rewrite does).
pub fn reworded_pair(seed: u64, paragraphs: usize, swap: f64) -> (String, String) {
    let (a, b, _) = reworded_with_truth(seed, paragraphs, swap);
    (a, b)
}

fn reworded_with_truth(seed: u64, paragraphs: usize, swap: f64) -> (String, String, Vec<Option<usize>>) {
    let mut rng = Rng::new(seed);
    let vocab = vocabulary(20_000);
    let original: Vec<String> = (0..paragraphs).map(|_| paragraph(&mut rng, &vocab)).collect();
    let mut rewrite: Vec<(String, Option<usize>)> = Vec::with_capacity(paragraphs);
    let mut moved: Vec<(String, Option<usize>)> = Vec::new();
    for (i, p) in original.iter().enumerate() {
        if rng.chance(0.05) {
            continue; // dropped
        }
        let words: Vec<String> = p
            .split(' ')
            .map(
                |w| if rng.chance(swap) { vocab[zipf(&mut rng, vocab.len())].clone() } else { w.to_string() },
            )
            .collect();
        let text = words.join(" ");
        if rng.chance(0.03) {
            moved.push((text, Some(i)));
        } else {
            rewrite.push((text, Some(i)));
        }
        if rng.chance(0.05) {
            rewrite.push((paragraph(&mut rng, &vocab), None)); // inserted
        }
    }
    for m in moved {
        let at = rng.below(rewrite.len() + 1);
        rewrite.insert(at, m);
    }
    let truth = rewrite.iter().map(|(_, t)| *t).collect();
    let text: Vec<String> = rewrite.into_iter().map(|(t, _)| t).collect();
    (original.join("\n"), text.join("\n"), truth)
}

/// A reproducible history of `versions` versions of a real text, each made from the one
/// before it the way a story is edited after publication: a number changed, two words
/// swapped, now and then a sentence added to a paragraph or a paragraph dropped. Paragraphs
/// are separated by blank lines, in the input and in every version.
pub fn history(base: &str, versions: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let mut paras: Vec<String> =
        base.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(str::to_owned).collect();
    let mut out = vec![paras.join("\n\n")];
    for _ in 1..versions {
        if paras.is_empty() {
            out.push(String::new());
            continue;
        }
        // A number changed: the first digit of some paragraph that has one.
        let start = rng.below(paras.len());
        if let Some(p) = (0..paras.len())
            .map(|i| (start + i) % paras.len())
            .find(|&i| paras[i].bytes().any(|b| b.is_ascii_digit()))
        {
            let para = &mut paras[p];
            if let Some(at) = para.bytes().position(|b| b.is_ascii_digit()) {
                let d = para.as_bytes()[at] - b'0';
                para.replace_range(at..at + 1, &((d + 1) % 10).to_string());
            }
        }
        // Two neighbouring words swapped in another paragraph.
        let p = rng.below(paras.len());
        let mut words: Vec<&str> = paras[p].split(' ').collect();
        if words.len() > 3 {
            let i = 1 + rng.below(words.len() - 2);
            words.swap(i, i - 1);
        }
        paras[p] = words.join(" ");
        // Now and then a sentence added, or a paragraph dropped.
        if rng.chance(0.5) {
            let p = rng.below(paras.len());
            paras[p].push_str(" Officials said more details would be given later.");
        }
        if rng.chance(0.25) && paras.len() > 2 {
            paras.remove(rng.below(paras.len()));
        }
        out.push(paras.join("\n\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_are_reproducible_and_sized() {
        let (a, b) = pair(7, 200);
        assert_eq!(pair(7, 200), (a.clone(), b.clone()));
        assert_eq!(a.lines().count(), 200);
        assert!(b.lines().count() > 150);
        assert!(a.len() > 200 * 150, "{}", a.len());
    }
}
