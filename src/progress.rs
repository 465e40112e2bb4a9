//! How far an analysis has got, for the reader's gauge.

use std::sync::atomic::{AtomicBool, AtomicU32, AtomicUsize, Ordering};

/// How far an analysis running elsewhere has got, for a progress gauge: shared counters
/// the analysis bumps and a reader polls. No terminal types; nothing here blocks.
#[derive(Debug, Default)]
pub struct Progress {
    /// Sentences whose alignment candidates are scored, out of `sentences`.
    pub scored: AtomicUsize,
    pub sentences: AtomicUsize,
    /// Stages finished, one bit each (see [`Stage`]).
    finished: AtomicU32,
    /// The whole texts are still being read and parsed: the reader shows their beginnings.
    reading: AtomicBool,
    /// The text width the reader lays out at. What the analysis hands over is laid out at it
    /// first, so the reader never wraps a long text on its own thread; zero until it is set.
    width: AtomicUsize,
}

/// The parts of an analysis after the candidate search, with their share of the time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Alignment,
    People,
    Words,
    Findings,
}

impl Stage {
    /// Every stage.
    pub const ALL: [Stage; 4] = [Stage::Alignment, Stage::People, Stage::Words, Stage::Findings];

    /// The share of a typical analysis's time each stage takes (the candidate search, which
    /// reports sentence by sentence, takes the other 40%).
    fn share(self) -> f32 {
        match self {
            Stage::Alignment => 0.15,
            Stage::People => 0.15,
            Stage::Words => 0.12,
            Stage::Findings => 0.18,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Stage::Alignment => "aligning paragraphs",
            Stage::People => "finding people",
            Stage::Words => "word differences",
            Stage::Findings => "fact-check lens",
        }
    }
}

impl Progress {
    pub fn finish(&self, stage: Stage) {
        self.finished.fetch_or(1 << stage as u32, Ordering::Relaxed);
    }

    pub fn is_finished(&self, stage: Stage) -> bool {
        self.finished.load(Ordering::Relaxed) & (1 << stage as u32) != 0
    }

    /// Says whether the whole texts are still being read (see [`Progress::reading`]).
    pub fn set_reading(&self, on: bool) {
        self.reading.store(on, Ordering::Relaxed);
    }

    /// The whole texts are still being read and parsed; what is shown is their beginnings.
    pub fn reading(&self) -> bool {
        self.reading.load(Ordering::Relaxed)
    }

    /// Says the text width the reader lays out at (see [`Progress::width`]).
    pub fn set_width(&self, width: usize) {
        self.width.store(width, Ordering::Relaxed);
    }

    /// The text width the reader lays out at now (zero when it has not said).
    pub fn width(&self) -> usize {
        self.width.load(Ordering::Relaxed)
    }

    /// Done so far, 0..=1.
    pub fn fraction(&self) -> f32 {
        let total = self.sentences.load(Ordering::Relaxed).max(1);
        let scored = self.scored.load(Ordering::Relaxed).min(total);
        let search = 0.4 * scored as f32 / total as f32;
        let search = if self.is_finished(Stage::Alignment) { 0.4 } else { search };
        let stages: f32 = Stage::ALL.iter().filter(|s| self.is_finished(**s)).map(|s| s.share()).sum();
        (search + stages).min(1.0)
    }

    /// The first stage not finished yet, to name what is running.
    pub fn running(&self) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| !self.is_finished(*s))
    }
}
