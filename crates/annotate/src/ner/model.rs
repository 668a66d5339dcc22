//! The averaged structured perceptron: BIO labels, first-order Viterbi decoding,
//! training, and a compact binary format (i16-quantised weights, deflate-compressed).

use super::features::DocFeatures;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::{Read, Write};

/// Number of labels: `O` and `B-`/`I-` of PER, ORG, LOC, MISC.
pub const N_LABELS: usize = 9;
/// The labels, in index order.
pub const LABELS: [&str; N_LABELS] = [
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
];
/// Row of the transition matrix used for the sentence start.
const START: usize = N_LABELS;
const MAGIC: &[u8; 6] = b"CNER01";

/// Index of a BIO label name (`"O"` for anything unknown).
pub fn label_index(name: &str) -> usize {
    LABELS.iter().position(|l| *l == name).unwrap_or(0)
}

/// Whether label `cur` may follow label `prev` (or the sentence start): an `I-X` only
/// after `B-X` or `I-X`.
pub fn allowed(prev: usize, cur: usize) -> bool {
    if cur == 0 || cur % 2 == 1 {
        return true;
    }
    prev < N_LABELS && prev != 0 && prev.div_ceil(2) == cur / 2
}

/// Identity hasher: the keys are already well-mixed 64-bit hashes.
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// A trained tagger: feature weights and label transitions.
#[derive(Debug, Clone, Default)]
pub struct Model {
    index: IdMap<u32>,
    weights: Vec<[i16; N_LABELS]>,
    scale: f32,
    trans: [[f32; N_LABELS]; N_LABELS + 1],
}

/// Viterbi over per-token emission scores and transitions, honouring [`allowed`].
fn viterbi(
    emissions: &[[f32; N_LABELS]],
    trans: &[[f32; N_LABELS]; N_LABELS + 1],
    out: &mut Vec<usize>,
) {
    out.clear();
    let n = emissions.len();
    if n == 0 {
        return;
    }
    let mut back: Vec<[u8; N_LABELS]> = vec![[0; N_LABELS]; n];
    let mut score = [f32::NEG_INFINITY; N_LABELS];
    if let Some(e0) = emissions.first() {
        for c in 0..N_LABELS {
            if allowed(START, c) {
                score[c] = e0[c] + trans[START][c];
            }
        }
    }
    for (t, e) in emissions.iter().enumerate().skip(1) {
        let mut next = [f32::NEG_INFINITY; N_LABELS];
        let mut bp = [0u8; N_LABELS];
        for c in 0..N_LABELS {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            for p in 0..N_LABELS {
                if !allowed(p, c) {
                    continue;
                }
                let s = score[p] + trans[p][c];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            next[c] = best + e[c];
            bp[c] = arg;
        }
        score = next;
        if let Some(b) = back.get_mut(t) {
            *b = bp;
        }
    }
    let mut best = 0;
    for c in 1..N_LABELS {
        if score[c] > score[best] {
            best = c;
        }
    }
    out.resize(n, 0);
    let mut cur = best;
    for t in (0..n).rev() {
        if let Some(o) = out.get_mut(t) {
            *o = cur;
        }
        if t > 0 {
            cur = back.get(t).map_or(0, |b| usize::from(b[cur]));
        }
    }
}

impl Model {
    /// Number of weight rows (distinct features kept).
    pub fn n_features(&self) -> usize {
        self.weights.len()
    }

    /// Best label sequence for tokens `range` of the document's features.
    pub fn tag(&self, feats: &DocFeatures, range: std::ops::Range<usize>) -> Vec<usize> {
        self.tag_parts(&[feats], range)
    }

    /// Like [`Model::tag`], with each token's features split over several feature sets
    /// of the same tokens (summed).
    pub fn tag_parts(&self, parts: &[&DocFeatures], range: std::ops::Range<usize>) -> Vec<usize> {
        let mut em: Vec<[f32; N_LABELS]> = Vec::with_capacity(range.len());
        for i in range {
            let mut acc = [0i32; N_LABELS];
            for f in parts.iter().flat_map(|p| p.of(i)) {
                if let Some(w) = self
                    .index
                    .get(f)
                    .and_then(|&r| self.weights.get(r as usize))
                {
                    for (a, x) in acc.iter_mut().zip(w.iter()) {
                        *a += i32::from(*x);
                    }
                }
            }
            let mut e = [0f32; N_LABELS];
            for (o, a) in e.iter_mut().zip(acc.iter()) {
                *o = *a as f32 * self.scale;
            }
            em.push(e);
        }
        let mut out = Vec::new();
        viterbi(&em, &self.trans, &mut out);
        out
    }

    /// Serialises the model (deflate-compressed).
    pub fn to_bytes(&self) -> std::io::Result<Vec<u8>> {
        let mut raw = Vec::with_capacity(self.weights.len() * 26 + 1024);
        raw.extend_from_slice(MAGIC);
        raw.extend_from_slice(&self.scale.to_le_bytes());
        for row in &self.trans {
            for v in row {
                raw.extend_from_slice(&v.to_le_bytes());
            }
        }
        let mut rows: Vec<(u64, u32)> = self.index.iter().map(|(k, v)| (*k, *v)).collect();
        rows.sort_unstable();
        raw.extend_from_slice(&(rows.len() as u64).to_le_bytes());
        // keys as deltas of the sorted list (compress better), then weights column-wise
        let mut prev = 0u64;
        for (k, _) in &rows {
            raw.extend_from_slice(&(k - prev).to_le_bytes());
            prev = *k;
        }
        for l in 0..N_LABELS {
            for (_, r) in &rows {
                let w = self.weights.get(*r as usize).map_or(0, |w| w[l]);
                raw.extend_from_slice(&w.to_le_bytes());
            }
        }
        let mut enc = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(&raw)?;
        enc.finish()
    }

    /// Reads a model written by [`Model::to_bytes`]; `None` when the bytes are not one.
    pub fn from_bytes(bytes: &[u8]) -> Option<Model> {
        let mut raw = Vec::new();
        flate2::read::DeflateDecoder::new(bytes)
            .read_to_end(&mut raw)
            .ok()?;
        let mut pos = 0usize;
        let mut take = |n: usize| -> Option<&[u8]> {
            let s = raw.get(pos..pos + n)?;
            pos += n;
            Some(s)
        };
        if take(MAGIC.len())? != MAGIC {
            return None;
        }
        let f32_of = |b: &[u8]| -> Option<f32> { Some(f32::from_le_bytes(b.try_into().ok()?)) };
        let scale = f32_of(take(4)?)?;
        let mut trans = [[0f32; N_LABELS]; N_LABELS + 1];
        for row in trans.iter_mut() {
            for v in row.iter_mut() {
                *v = f32_of(take(4)?)?;
            }
        }
        let n = u64::from_le_bytes(take(8)?.try_into().ok()?) as usize;
        if n > 50_000_000 {
            return None;
        }
        let mut index: IdMap<u32> = IdMap::with_capacity_and_hasher(n, Default::default());
        let mut key = 0u64;
        for r in 0..n {
            key = key.wrapping_add(u64::from_le_bytes(take(8)?.try_into().ok()?));
            index.insert(key, r as u32);
        }
        let mut weights = vec![[0i16; N_LABELS]; n];
        for l in 0..N_LABELS {
            let col = take(2 * n)?;
            for (w, c) in weights.iter_mut().zip(col.chunks_exact(2)) {
                w[l] = i16::from_le_bytes([c[0], c[1]]);
            }
        }
        Some(Model {
            index,
            weights,
            scale,
            trans,
        })
    }
}

/// One training sentence: the token range in its document's features and gold labels.
#[derive(Debug, Clone)]
pub struct TrainSentence {
    /// Index of the document (into the `DocFeatures` list given to the trainer).
    pub doc: usize,
    /// First token of the sentence in the document.
    pub start: usize,
    /// Gold label index of each token (see [`LABELS`]).
    pub gold: Vec<usize>,
}

/// Averaged structured perceptron trainer.
#[derive(Debug, Default)]
pub struct Trainer {
    index: IdMap<u32>,
    w: Vec<[f32; N_LABELS]>,
    u: Vec<[f32; N_LABELS]>,
    tw: [[f32; N_LABELS]; N_LABELS + 1],
    tu: [[f32; N_LABELS]; N_LABELS + 1],
    c: f32,
    rows: Vec<Vec<Vec<u32>>>,
    dropout: f64,
    rng: u64,
}

/// Number of word-identity features after the bias feature (see [`Trainer::set_dropout`]).
const IDENTITY_FEATURES: usize = 6;

impl Trainer {
    /// A trainer over the features of the training documents (features are interned
    /// once here).
    pub fn new(docs: &[&DocFeatures]) -> Self {
        let mut t = Trainer {
            c: 1.0,
            ..Default::default()
        };
        for d in docs {
            let mut doc_rows = Vec::with_capacity(d.len());
            for i in 0..d.len() {
                let mut r = Vec::with_capacity(d.of(i).len());
                for f in d.of(i) {
                    let next = t.index.len() as u32;
                    let id = *t.index.entry(*f).or_insert(next);
                    if id == next {
                        t.w.push([0.0; N_LABELS]);
                        t.u.push([0.0; N_LABELS]);
                    }
                    r.push(id);
                }
                doc_rows.push(r);
            }
            t.rows.push(doc_rows);
        }
        t
    }

    /// Number of distinct features seen in training.
    pub fn n_features(&self) -> usize {
        self.w.len()
    }

    fn predict(&self, s: &TrainSentence, drop: &[bool], out: &mut Vec<usize>) {
        let rows = self.rows.get(s.doc).map_or(&[][..], Vec::as_slice);
        let mut em = Vec::with_capacity(s.gold.len());
        for (t, i) in (s.start..s.start + s.gold.len()).enumerate() {
            let mut e = [0f32; N_LABELS];
            let skip = usize::from(drop.get(t).copied().unwrap_or(false)) * IDENTITY_FEATURES;
            let feats = rows.get(i).map_or(&[][..], Vec::as_slice);
            for (pos, &r) in feats.iter().enumerate() {
                if (1..=skip).contains(&pos) {
                    continue;
                }
                if let Some(w) = self.w.get(r as usize) {
                    for (a, x) in e.iter_mut().zip(w.iter()) {
                        *a += x;
                    }
                }
            }
            em.push(e);
        }
        viterbi(&em, &self.tw, out);
    }

    /// Word dropout: the probability (0 to 1) that a training token hides its word
    /// identity features (form, lowercase form, 3- and 4-char prefixes, word bigrams:
    /// the 2nd to 7th features of [`super::features::extract`]) for one update, so that the model also learns to
    /// type unseen names from their shape, affixes and context.
    pub fn set_dropout(&mut self, p: f64, seed: u64) {
        self.dropout = p;
        self.rng = seed.max(1);
    }

    fn draw(&mut self) -> f64 {
        self.rng ^= self.rng << 13;
        self.rng ^= self.rng >> 7;
        self.rng ^= self.rng << 17;
        (self.rng >> 11) as f64 / (1u64 << 53) as f64
    }

    /// One pass over `sentences` in the given order; returns the number of token errors.
    pub fn epoch(&mut self, sentences: &[TrainSentence], order: &[usize]) -> usize {
        let mut errors = 0;
        let mut pred = Vec::new();
        let mut drop = Vec::new();
        for &k in order {
            let Some(s) = sentences.get(k) else { continue };
            drop.clear();
            for _ in 0..s.gold.len() {
                let d = self.dropout > 0.0 && self.draw() < self.dropout;
                drop.push(d);
            }
            self.predict(s, &drop, &mut pred);
            if pred != s.gold {
                let c = self.c;
                let rows = self.rows.get(s.doc).map_or(&[][..], Vec::as_slice);
                let mut pg = START;
                let mut pp = START;
                for (t, (&g, &p)) in s.gold.iter().zip(pred.iter()).enumerate() {
                    if g != p {
                        errors += 1;
                        let skip =
                            usize::from(drop.get(t).copied().unwrap_or(false)) * IDENTITY_FEATURES;
                        let feats = rows.get(s.start + t).map_or(&[][..], Vec::as_slice);
                        for (pos, &r) in feats.iter().enumerate() {
                            if (1..=skip).contains(&pos) {
                                continue;
                            }
                            let r = r as usize;
                            if let (Some(w), Some(u)) = (self.w.get_mut(r), self.u.get_mut(r)) {
                                w[g] += 1.0;
                                w[p] -= 1.0;
                                u[g] += c;
                                u[p] -= c;
                            }
                        }
                    }
                    if g != p || pg != pp {
                        self.tw[pg][g] += 1.0;
                        self.tw[pp][p] -= 1.0;
                        self.tu[pg][g] += c;
                        self.tu[pp][p] -= c;
                    }
                    pg = g;
                    pp = p;
                }
            }
            self.c += 1.0;
        }
        errors
    }

    /// The averaged model so far, with weights quantised to i16; features whose
    /// quantised weights are all zero are dropped.
    pub fn averaged(&self) -> Model {
        let c = self.c;
        let avg = |w: f32, u: f32| w - u / c;
        let mut max = 0f32;
        for (w, u) in self.w.iter().zip(self.u.iter()) {
            for (a, b) in w.iter().zip(u.iter()) {
                max = max.max(avg(*a, *b).abs());
            }
        }
        let scale = if max > 0.0 { max / 32000.0 } else { 1.0 };
        let mut index: IdMap<u32> = IdMap::default();
        let mut weights = Vec::new();
        for (key, &r) in &self.index {
            let (Some(w), Some(u)) = (self.w.get(r as usize), self.u.get(r as usize)) else {
                continue;
            };
            let mut q = [0i16; N_LABELS];
            for l in 0..N_LABELS {
                q[l] = (avg(w[l], u[l]) / scale).round() as i16;
            }
            // drop rows whose weights are negligible (|w| below 1% of one update)
            let tiny = (0.01 / scale).max(1.0) as i16;
            if q.iter().all(|x| x.abs() < tiny) {
                continue;
            }
            index.insert(*key, weights.len() as u32);
            weights.push(q);
        }
        let mut trans = [[0f32; N_LABELS]; N_LABELS + 1];
        for (row, (w, u)) in trans.iter_mut().zip(self.tw.iter().zip(self.tu.iter())) {
            for (o, (a, b)) in row.iter_mut().zip(w.iter().zip(u.iter())) {
                *o = avg(*a, *b);
            }
        }
        Model {
            index,
            weights,
            scale,
            trans,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bio_constraints() {
        assert!(allowed(START, 0));
        assert!(allowed(START, 1));
        assert!(!allowed(START, 2));
        assert!(allowed(1, 2));
        assert!(allowed(2, 2));
        assert!(!allowed(3, 2));
        assert!(!allowed(0, 4));
        assert_eq!(label_index("I-LOC"), 6);
        assert_eq!(label_index("bogus"), 0);
    }

    #[test]
    fn viterbi_respects_constraints() {
        // token 1 prefers I-ORG but token 0 is B-PER: I-ORG is not allowed there
        let mut e = [[0f32; N_LABELS]; 2];
        e[0][1] = 5.0;
        e[1][4] = 3.0;
        e[1][2] = 2.0;
        let trans = [[0f32; N_LABELS]; N_LABELS + 1];
        let mut out = Vec::new();
        viterbi(&e, &trans, &mut out);
        assert_eq!(out, vec![1, 2]);
        viterbi(&[], &trans, &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn learns_and_round_trips() {
        let mut d = DocFeatures {
            feats: vec![1, 2, 3, 4],
            offsets: vec![0, 1, 2, 3, 4],
        };
        d.feats = vec![10, 20, 30, 10];
        let sents = vec![TrainSentence {
            doc: 0,
            start: 0,
            gold: vec![1, 2, 0, 1],
        }];
        let mut t = Trainer::new(&[&d]);
        for _ in 0..5 {
            t.epoch(&sents, &[0]);
        }
        let m = t.averaged();
        assert_eq!(m.tag(&d, 0..4), vec![1, 2, 0, 1]);
        let bytes = m.to_bytes().unwrap_or_default();
        let m2 = Model::from_bytes(&bytes);
        assert_eq!(m2.map(|m| m.tag(&d, 0..4)), Some(vec![1, 2, 0, 1]));
        assert!(Model::from_bytes(b"nonsense").is_none());
        assert!(Model::from_bytes(&[]).is_none());
    }
}
