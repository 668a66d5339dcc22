//! Near-duplicate and spun-rewrite detection.
//!
//! MinHash (xxh3, [`PERMUTATIONS`] seeds) over word 5-shingles of the normalised
//! text, LSH banding for candidates, verification by estimated Jaccard. Spun
//! rewrites are found separately: lower word overlap but the same rare content
//! (numbers, direct quotes, multiword names).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use corroborate_model::{Annotations, Source, flags};
use xxhash_rust::xxh3::xxh3_64_with_seed;

use crate::text;

/// Number of MinHash permutations.
pub const PERMUTATIONS: usize = 128;
/// Rows per LSH band.
const ROWS: usize = 4;
/// Shingle width in words.
const SHINGLE: usize = 5;
/// Estimated Jaccard from which two texts are near-duplicates.
pub const DUPLICATE_JACCARD: f64 = 0.8;

/// How one source copies another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyKind {
    /// Word-for-word (near-duplicate text).
    NearDuplicate,
    /// Rewritten text carrying the same numbers, quotes and names.
    SpunRewrite,
}

/// One copy relation: `copy` is a copy of `original`.
#[derive(Debug, Clone, PartialEq)]
pub struct CopyEdge {
    /// The copy's source id.
    pub copy: String,
    /// The probable original's source id.
    pub original: String,
    /// The kind of copy.
    pub kind: CopyKind,
    /// Jaccard estimate of shingles (near-duplicates) or of content words (spun).
    pub jaccard: f64,
    /// Share of the rarer source's quotes and numbers found in the other (spun only).
    pub shared: f64,
}

/// A MinHash signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(pub Vec<u64>);

impl Signature {
    /// Signature of a text.
    pub fn of(text: &str) -> Self {
        let words = text::words(text);
        let mut sig = vec![u64::MAX; PERMUTATIONS];
        let mut any = false;
        let mut feed = |bytes: &[u8]| {
            any = true;
            for (i, slot) in sig.iter_mut().enumerate() {
                let h = xxh3_64_with_seed(bytes, i as u64);
                if h < *slot {
                    *slot = h;
                }
            }
        };
        if words.len() < SHINGLE {
            if !words.is_empty() {
                feed(words.join(" ").as_bytes());
            }
        } else {
            for w in words.windows(SHINGLE) {
                feed(w.join(" ").as_bytes());
            }
        }
        if !any {
            sig.clear();
        }
        Signature(sig)
    }

    /// Estimated Jaccard similarity of the two shingle sets.
    pub fn jaccard(&self, other: &Signature) -> f64 {
        if self.0.is_empty() || other.0.len() != self.0.len() {
            return 0.0;
        }
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f64 / self.0.len() as f64
    }
}

/// The copy graph of a set of sources: each source mapped to its probable original.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CopyGraph {
    root: BTreeMap<String, String>,
    edges: Vec<CopyEdge>,
}

impl CopyGraph {
    /// Finds copies among `docs`.
    pub fn build(docs: &[Annotations]) -> Self {
        let sigs: Vec<Signature> = docs.iter().map(|d| Signature::of(&d.source.text)).collect();
        let mut pairs: BTreeMap<(usize, usize), (CopyKind, f64, f64)> = BTreeMap::new();
        // LSH banding.
        let mut buckets: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
        for (i, sig) in sigs.iter().enumerate() {
            if sig.0.is_empty() {
                continue;
            }
            for (b, band) in sig.0.chunks(ROWS).enumerate() {
                let mut bytes = Vec::with_capacity(ROWS * 8);
                for v in band {
                    bytes.extend_from_slice(&v.to_le_bytes());
                }
                buckets
                    .entry((b, xxh3_64_with_seed(&bytes, 7)))
                    .or_default()
                    .push(i);
            }
        }
        let mut candidates: BTreeSet<(usize, usize)> = BTreeSet::new();
        for members in buckets.values() {
            if members.len() > 1 && members.len() < 500 {
                for (k, &a) in members.iter().enumerate() {
                    for &b in members.iter().skip(k + 1) {
                        if a != b {
                            candidates.insert((a.min(b), a.max(b)));
                        }
                    }
                }
            }
        }
        for (a, b) in candidates {
            let (Some(sa), Some(sb)) = (sigs.get(a), sigs.get(b)) else {
                continue;
            };
            let j = sa.jaccard(sb);
            if j >= DUPLICATE_JACCARD {
                pairs.insert((a, b), (CopyKind::NearDuplicate, j, 1.0));
            }
        }
        // Spun rewrites: candidates share rare features.
        let feats: Vec<RareFeatures> = docs.iter().map(RareFeatures::of).collect();
        let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, f) in feats.iter().enumerate() {
            for k in f.quotes_numbers.iter().chain(f.names.iter()) {
                index.entry(k.as_str()).or_default().push(i);
            }
        }
        let mut shared_count: BTreeMap<(usize, usize), usize> = BTreeMap::new();
        for members in index.values() {
            if members.len() > 1 && members.len() < 200 {
                for (k, &a) in members.iter().enumerate() {
                    for &b in members.iter().skip(k + 1) {
                        if a != b {
                            *shared_count.entry((a.min(b), a.max(b))).or_default() += 1;
                        }
                    }
                }
            }
        }
        for ((a, b), n) in shared_count {
            if n < 3 || pairs.contains_key(&(a, b)) {
                continue;
            }
            let (Some(fa), Some(fb)) = (feats.get(a), feats.get(b)) else {
                continue;
            };
            if let Some((shared, jw)) = spun_score(fa, fb) {
                pairs.insert((a, b), (CopyKind::SpunRewrite, jw, shared));
            }
        }
        // Components and their originals.
        let n = docs.len();
        let mut parent: Vec<usize> = (0..n).collect();
        for &(a, b) in pairs.keys() {
            union(&mut parent, a, b);
        }
        let mut comps: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..n {
            let r = find(&mut parent, i);
            comps.entry(r).or_default().push(i);
        }
        let mut root = BTreeMap::new();
        let mut edges = Vec::new();
        for members in comps.values() {
            let Some(orig) = members
                .iter()
                .copied()
                .min_by(|&x, &y| original_order(docs, x, y))
            else {
                continue;
            };
            let orig_id = docs
                .get(orig)
                .map(|d| d.source.id.clone())
                .unwrap_or_default();
            for &m in members {
                let Some(d) = docs.get(m) else { continue };
                root.insert(d.source.id.clone(), orig_id.clone());
                if m == orig {
                    continue;
                }
                let key = (m.min(orig), m.max(orig));
                let (kind, jaccard, shared) = match pairs.get(&key) {
                    Some(&p) => p,
                    None => {
                        let j = match (sigs.get(m), sigs.get(orig)) {
                            (Some(x), Some(y)) => x.jaccard(y),
                            _ => 0.0,
                        };
                        let kind = if j >= DUPLICATE_JACCARD {
                            CopyKind::NearDuplicate
                        } else {
                            CopyKind::SpunRewrite
                        };
                        (kind, j, 1.0)
                    }
                };
                edges.push(CopyEdge {
                    copy: d.source.id.clone(),
                    original: orig_id.clone(),
                    kind,
                    jaccard,
                    shared,
                });
            }
        }
        edges.sort_by(|a, b| a.copy.cmp(&b.copy));
        CopyGraph { root, edges }
    }

    /// The id of the independent group (the probable original) of source `id`;
    /// `id` itself when it copies nothing or is unknown.
    pub fn independent_group<'a>(&'a self, id: &'a str) -> &'a str {
        self.root.get(id).map(String::as_str).unwrap_or(id)
    }

    /// The original `id` copies, if it is a copy.
    pub fn original_of(&self, id: &str) -> Option<&str> {
        self.root.get(id).map(String::as_str).filter(|o| *o != id)
    }

    /// Every copy relation, sorted by copy id.
    pub fn edges(&self) -> &[CopyEdge] {
        &self.edges
    }

    /// Number of independent groups among the given source ids.
    pub fn independent_count<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> usize {
        ids.into_iter()
            .map(|id| self.independent_group(id))
            .collect::<BTreeSet<_>>()
            .len()
    }

    /// Sets `copy_of` and the `near_duplicate` flag with its detail on the copies.
    pub fn apply(&self, sources: &mut [Source]) {
        for e in &self.edges {
            let Some(s) = sources.iter_mut().find(|s| s.id == e.copy) else {
                continue;
            };
            s.copy_of = Some(e.original.clone());
            let detail = match e.kind {
                CopyKind::NearDuplicate => {
                    format!("copy of {}, Jaccard ~{:.2}", e.original, e.jaccard)
                }
                CopyKind::SpunRewrite => format!(
                    "spun rewrite of {}, {:.0}% of quotes and numbers shared, word Jaccard ~{:.2}",
                    e.original,
                    e.shared * 100.0,
                    e.jaccard
                ),
            };
            if !s
                .flag_evidence
                .iter()
                .any(|f| f.flag == flags::NEAR_DUPLICATE && f.detail == detail)
            {
                s.add_flag(flags::NEAR_DUPLICATE, detail, Vec::new());
            }
        }
    }
}

/// Order of preference for the original: earliest published, then longest text,
/// then smallest id. Sources without a date come after dated ones.
fn original_order(docs: &[Annotations], x: usize, y: usize) -> std::cmp::Ordering {
    let (Some(a), Some(b)) = (docs.get(x), docs.get(y)) else {
        return x.cmp(&y);
    };
    let da = a.source.published.as_ref().map(|d| d.value.as_str());
    let db = b.source.published.as_ref().map(|d| d.value.as_str());
    let date_cmp = match (da, db) {
        (Some(p), Some(q)) => p.cmp(q),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    };
    date_cmp
        .then_with(|| b.source.text.len().cmp(&a.source.text.len()))
        .then_with(|| a.source.id.cmp(&b.source.id))
}

/// Rare content of a source used to detect spun rewrites.
#[derive(Debug, Clone, Default)]
struct RareFeatures {
    /// `q:<normalised quote>` and `n:<number>` keys.
    quotes_numbers: BTreeSet<String>,
    /// `m:<normalised multiword name>` keys.
    names: BTreeSet<String>,
    /// Content words.
    words: BTreeSet<String>,
}

impl RareFeatures {
    fn of(doc: &Annotations) -> Self {
        let mut f = RareFeatures::default();
        let t = &doc.source.text;
        for q in &doc.quotes {
            if q.kind.as_deref() == Some("reported") {
                continue;
            }
            let w = text::words(&q.text);
            if w.len() >= 3 {
                f.quotes_numbers.insert(format!("q:{}", w.join(" ")));
            }
        }
        for q in &doc.quantities {
            f.quotes_numbers.insert(format!("n:{}", q.value));
        }
        if doc.quantities.is_empty() {
            for w in text::words(t) {
                if w.chars().all(|c| c.is_ascii_digit())
                    && w.len() <= 6
                    && let Ok(v) = w.parse::<f64>()
                {
                    f.quotes_numbers.insert(format!("n:{v}"));
                }
            }
        }
        for e in &doc.entities {
            let w = text::words(&e.text);
            if w.len() >= 2 {
                f.names.insert(format!("m:{}", w.join(" ")));
            }
        }
        f.words = text::content_words(t).into_iter().collect();
        f
    }
}

/// Share of the rarer source's quotes+numbers shared, and word Jaccard, when the
/// pair looks like a spun rewrite.
fn spun_score(a: &RareFeatures, b: &RareFeatures) -> Option<(f64, f64)> {
    let (small, large) = if a.quotes_numbers.len() <= b.quotes_numbers.len() {
        (a, b)
    } else {
        (b, a)
    };
    if small.quotes_numbers.len() < 3 {
        return None;
    }
    let shared_qn = small
        .quotes_numbers
        .intersection(&large.quotes_numbers)
        .count();
    let has_quote = small
        .quotes_numbers
        .intersection(&large.quotes_numbers)
        .any(|k| k.starts_with("q:"));
    let share = shared_qn as f64 / small.quotes_numbers.len() as f64;
    let names_small = a.names.len().min(b.names.len());
    let names_shared = a.names.intersection(&b.names).count();
    let inter = a.words.intersection(&b.words).count();
    let uni = a.words.union(&b.words).count();
    let jw = if uni == 0 {
        0.0
    } else {
        inter as f64 / uni as f64
    };
    let names_ok = names_small == 0 || names_shared * 2 >= names_small;
    (share >= 0.7 && jw >= 0.3 && has_quote && names_ok).then_some((share, jw))
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while let Some(&p) = parent.get(x) {
        if p == x {
            break;
        }
        let gp = parent.get(p).copied().unwrap_or(p);
        if let Some(slot) = parent.get_mut(x) {
            *slot = gp;
        }
        x = p;
    }
    x
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let ra = find(parent, a);
    let rb = find(parent, b);
    if ra != rb {
        let (lo, hi) = (ra.min(rb), ra.max(rb));
        if let Some(slot) = parent.get_mut(hi) {
            *slot = lo;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::*;

    #[test]
    fn signature_jaccard_of_identical_and_different() {
        let a = Signature::of("one two three four five six seven eight nine ten");
        let b = Signature::of("one two three four five six seven eight nine ten");
        let c = Signature::of("alpha beta gamma delta epsilon zeta eta theta iota kappa");
        assert!((a.jaccard(&b) - 1.0).abs() < 1e-9);
        assert!(a.jaccard(&c) < 0.2);
        assert_eq!(Signature::of("").0.len(), 0);
    }

    #[test]
    fn syndicated_and_spun_copies_found() {
        let docs = demo_docs();
        let g = CopyGraph::build(&docs);
        assert_eq!(g.independent_group("herald"), "mpa");
        assert_eq!(g.original_of("herald"), Some("mpa"));
        assert_eq!(g.independent_group("observer"), "mpa");
        assert_eq!(g.original_of("mpa"), None);
        assert_eq!(g.independent_group("gazette"), "gazette");
        assert_eq!(g.independent_group("strike"), "strike");
        let mut sources: Vec<Source> = docs.iter().map(|d| d.source.clone()).collect();
        g.apply(&mut sources);
        let herald = sources.iter().find(|s| s.id == "herald");
        assert!(herald.is_some_and(|h| {
            h.has_flag(flags::NEAR_DUPLICATE)
                && h.copy_of.as_deref() == Some("mpa")
                && h.flag_evidence
                    .iter()
                    .any(|f| f.detail.starts_with("copy of mpa, Jaccard ~"))
        }));
        let obs = sources.iter().find(|s| s.id == "observer");
        assert!(obs.is_some_and(|h| {
            h.flag_evidence
                .iter()
                .any(|f| f.detail.starts_with("spun rewrite of mpa"))
        }));
        assert_eq!(
            g.independent_count(["mpa", "herald", "observer", "gazette"]),
            2
        );
    }
}
