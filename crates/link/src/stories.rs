//! Online, incremental story clustering.
//!
//! Each new document joins the most similar live story or starts a new one; when a
//! document is similar enough to two stories, they merge. Similarity is the TF-IDF
//! cosine (document frequencies kept incrementally) of content words plus boosted
//! name terms (entity names folded for spelling and transliteration, years and
//! numbers), optionally a shared-names and a shared rare-content (numbers, quotes)
//! score, times a time factor (a boost within a few days, decay beyond). Story centroids are pruned to the top-k terms, so memory is bounded by the
//! number of live stories. Batch linking adds a few rounds of k-means-style
//! refinement ([`StoryIndex::refine`]) after the online pass.
//!
//! Measured on ECB+ topics 1-35 (development split, 772 documents, 66 gold
//! sub-topic stories, word features only; `cargo run --release -p corroborate-link
//! --example eval_ecb`): online pass B³ P 0.895 R 0.921 F1 0.908; with refinement
//! B³ F1 0.929; batch as [`cluster`] does it (document frequencies of the whole
//! pile, online pass, refinement) B³ P 0.932 R 0.941 F1 0.936, pairwise F1 0.911.
//! The remaining errors are the two sub-topics of one topic that share their main
//! names (two DUI arrests of players of one club, two Internet Explorer patches).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use corroborate_model::Annotations;

use crate::text;

/// A story's id in a [`StoryIndex`] (stable: merged stories keep the smaller id).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StoryId(pub usize);

/// Tuning of the clustering.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryConfig {
    /// Similarity from which a document joins a story.
    pub threshold: f64,
    /// Similarity from which a document bridges (merges) a second story.
    pub merge_threshold: f64,
    /// Terms kept per story centroid.
    pub top_k: usize,
    /// Weight of the shared-names score.
    pub name_weight: f64,
    /// Weight of the shared rare content (numbers, quotes) score.
    pub rare_weight: f64,
    /// Days over which the time-proximity factor halves.
    pub half_life_days: f64,
    /// Weight of name (`@`) and number/year (`#`) terms relative to content words.
    pub name_boost: f64,
    /// Dated documents this many days or fewer from a story's dates count as recent.
    pub recent_days: i64,
    /// Similarity multiplier for recent documents (a pile of breaking news is
    /// mostly about few stories); untuned on ECB+, which has no dates.
    pub recent_boost: f64,
}

impl Default for StoryConfig {
    fn default() -> Self {
        StoryConfig {
            threshold: 0.25,
            merge_threshold: 0.5,
            top_k: 300,
            name_weight: 0.0,
            rare_weight: 0.1,
            half_life_days: 10.0,
            name_boost: 3.0,
            recent_days: 3,
            recent_boost: 2.0,
        }
    }
}

/// The features of one document used for story clustering.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocFeatures {
    /// Document id.
    pub id: String,
    /// Relative term frequencies of content words.
    pub terms: BTreeMap<String, f64>,
    /// Normalised names (entity mentions, or capitalised words when there is no
    /// entity layer).
    pub names: BTreeSet<String>,
    /// Rare content: numbers and direct quotes.
    pub rare: BTreeSet<String>,
    /// Publication day number, when known.
    pub day: Option<i64>,
}

impl DocFeatures {
    /// Features of an annotated source (words, entity names, numbers, quotes, date).
    pub fn of(doc: &Annotations) -> Self {
        let mut f = DocFeatures::from_text(&doc.source.id, &doc.source.text, None);
        f.rare.clear();
        if let Some(t) = &doc.source.title {
            for w in text::content_words(t) {
                *f.terms.entry(w).or_default() += 0.5;
            }
        }
        if !doc.entities.is_empty() {
            f.names = BTreeSet::new();
            for e in &doc.entities {
                let name = e.canonical.as_deref().unwrap_or(&e.text);
                let key = crate::entities::fold_key(name);
                if key.is_empty() {
                    continue;
                }
                for tok in key.split(' ') {
                    if tok.chars().count() >= 4 {
                        f.names.insert(format!("~{}", skeleton(tok)));
                        // Transliteration-proof name terms join the TF-IDF vector.
                        *f.terms.entry(format!("@~{}", skeleton(tok))).or_default() += 1.0;
                    }
                }
                f.names.insert(key);
            }
        }
        for q in &doc.quantities {
            f.rare.insert(format!("n:{}", q.value));
        }
        for q in &doc.quotes {
            let w = text::words(&q.text);
            if w.len() >= 3 {
                f.rare.insert(format!("q:{}", w.join(" ")));
            }
        }
        f.day = doc
            .source
            .published
            .as_ref()
            .and_then(|d| text::day_number(&d.value));
        f
    }

    /// Word-only features of a plain text (names = capitalised words not starting
    /// a sentence; rare = numbers).
    pub fn from_text(id: &str, body: &str, day: Option<i64>) -> Self {
        let words = text::content_words(body);
        let mut counts: BTreeMap<String, f64> = BTreeMap::new();
        for w in &words {
            *counts.entry(w.clone()).or_default() += 1.0;
        }
        let mut names = BTreeSet::new();
        let mut rare = BTreeSet::new();
        let mut sentence_start = true;
        for tok in body.split_whitespace() {
            let clean: String = tok.chars().filter(|c| c.is_alphanumeric()).collect();
            if let Some(first) = clean.chars().next() {
                if first.is_uppercase() && !sentence_start && clean.chars().count() > 1 {
                    let low: String = clean.chars().map(text::fold_char).collect();
                    if !text::is_stopword(&low) {
                        let key = crate::entities::fold_token(&low);
                        if key.chars().count() >= 4 {
                            names.insert(format!("~{}", skeleton(&key)));
                        }
                        names.insert(key);
                    }
                }
                let is_num = clean.chars().all(|c| c.is_ascii_digit()) && clean.len() <= 7;
                let small_or_year = clean
                    .parse::<u32>()
                    .is_ok_and(|n| n <= 31 || (1900..=2100).contains(&n));
                if is_num && !small_or_year {
                    rare.insert(format!("n:{clean}"));
                }
            }
            sentence_start = tok.ends_with(['.', '!', '?', '"', '\'']) && !clean.is_empty()
                || tok == "''"
                || tok == "``"
                || tok == ".";
        }
        for n in names.iter().filter(|n| !n.starts_with('~')) {
            *counts.entry(format!("@{n}")).or_default() += 1.0;
        }
        for r in &rare {
            *counts.entry(format!("#{r}")).or_default() += 1.0;
        }
        for w in &words {
            if w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y)) {
                *counts.entry(format!("#y{w}")).or_default() += 1.0;
            }
        }
        let terms = counts.into_iter().map(|(t, c)| (t, 1.0 + c.ln())).collect();
        DocFeatures {
            id: id.to_string(),
            terms,
            names,
            rare,
            day,
        }
    }
}

#[derive(Debug, Clone, Default)]
struct StoryState {
    centroid: HashMap<String, f64>,
    norm: f64,
    names: HashMap<String, u32>,
    rare: HashMap<String, u32>,
    first_day: Option<i64>,
    last_day: Option<i64>,
    docs: Vec<String>,
}

/// Incremental story clustering.
#[derive(Debug, Clone, Default)]
pub struct StoryIndex {
    cfg: StoryConfig,
    df: HashMap<String, u32>,
    n_docs: u32,
    primed: u32,
    stories: BTreeMap<usize, StoryState>,
    next_id: usize,
    doc_story: HashMap<String, usize>,
}

impl StoryIndex {
    /// An empty index with the default configuration.
    pub fn new() -> Self {
        Self::with_config(StoryConfig::default())
    }

    /// An empty index with a configuration.
    pub fn with_config(cfg: StoryConfig) -> Self {
        StoryIndex {
            cfg,
            ..Default::default()
        }
    }

    /// Adds an annotated document; returns the story it joined or started.
    pub fn add(&mut self, doc: &Annotations) -> StoryId {
        self.add_features(DocFeatures::of(doc))
    }

    /// Adds a document given by its features.
    pub fn add_features(&mut self, f: DocFeatures) -> StoryId {
        if let Some(&s) = self.doc_story.get(&f.id) {
            return StoryId(s);
        }
        if self.primed == 0 {
            self.n_docs += 1;
            for t in f.terms.keys() {
                *self.df.entry(t.clone()).or_default() += 1;
            }
        }
        let vec = self.weigh(&f);
        let mut scored: Vec<(f64, usize)> = self
            .stories
            .iter()
            .map(|(&id, st)| (self.similarity(&vec, &f, st), id))
            .filter(|(s, _)| *s >= self.cfg.threshold)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let target = match scored.first() {
            Some(&(_, id)) => id,
            None => {
                let id = self.next_id;
                self.next_id += 1;
                self.stories.insert(id, StoryState::default());
                id
            }
        };
        // Bridges: merge every other story the document is close enough to.
        let bridged: Vec<usize> = scored
            .iter()
            .skip(1)
            .filter(|(s, _)| *s >= self.cfg.merge_threshold)
            .map(|&(_, id)| id)
            .collect();
        let mut keep = target;
        for other in bridged {
            keep = self.merge(keep, other);
        }
        self.absorb(keep, &f, &vec);
        StoryId(keep)
    }

    fn merge(&mut self, a: usize, b: usize) -> usize {
        let (keep, gone) = (a.min(b), a.max(b));
        let Some(g) = self.stories.remove(&gone) else {
            return keep;
        };
        for d in &g.docs {
            self.doc_story.insert(d.clone(), keep);
        }
        if let Some(k) = self.stories.get_mut(&keep) {
            for (t, w) in g.centroid {
                *k.centroid.entry(t).or_default() += w;
            }
            for (t, w) in g.names {
                *k.names.entry(t).or_default() += w;
            }
            for (t, w) in g.rare {
                *k.rare.entry(t).or_default() += w;
            }
            k.first_day = min_opt(k.first_day, g.first_day);
            k.last_day = max_opt(k.last_day, g.last_day);
            k.docs.extend(g.docs);
            k.docs.sort();
            prune(&mut k.centroid, self.cfg.top_k);
            k.norm = k.centroid.values().map(|x| x * x).sum::<f64>().sqrt();
        }
        keep
    }

    /// Counts a document's terms in the document frequencies without clustering it
    /// (batch mode: prime the frequencies with the whole collection first). Once
    /// primed, [`StoryIndex::add_features`] no longer updates the frequencies.
    pub fn observe(&mut self, f: &DocFeatures) {
        self.n_docs += 1;
        for t in f.terms.keys() {
            *self.df.entry(t.clone()).or_default() += 1;
        }
        self.primed += 1;
    }

    /// The L2-normalised TF-IDF vector of a document (current frequencies).
    fn weigh(&self, f: &DocFeatures) -> HashMap<String, f64> {
        let mut v: HashMap<String, f64> = f
            .terms
            .iter()
            .map(|(t, w)| {
                let boost = if t.starts_with(['@', '#']) {
                    self.cfg.name_boost
                } else {
                    1.0
                };
                (t.clone(), boost * w * self.idf(t))
            })
            .collect();
        let n = v.values().map(|x| x * x).sum::<f64>().sqrt();
        if n > 0.0 {
            for x in v.values_mut() {
                *x /= n;
            }
        }
        v
    }

    fn absorb(&mut self, id: usize, f: &DocFeatures, vec: &HashMap<String, f64>) {
        self.doc_story.insert(f.id.clone(), id);
        let top_k = self.cfg.top_k;
        let Some(st) = self.stories.get_mut(&id) else {
            return;
        };
        for (t, w) in vec {
            *st.centroid.entry(t.clone()).or_default() += w;
        }
        for n in &f.names {
            *st.names.entry(n.clone()).or_default() += 1;
        }
        for n in &f.rare {
            *st.rare.entry(n.clone()).or_default() += 1;
        }
        st.first_day = min_opt(st.first_day, f.day);
        st.last_day = max_opt(st.last_day, f.day);
        st.docs.push(f.id.clone());
        prune(&mut st.centroid, top_k);
        st.norm = st.centroid.values().map(|x| x * x).sum::<f64>().sqrt();
        if st.names.len() > top_k {
            let mut v: Vec<(String, u32)> = st.names.drain().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            v.truncate(top_k);
            st.names = v.into_iter().collect();
        }
        if st.rare.len() > top_k {
            let mut v: Vec<(String, u32)> = st.rare.drain().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            v.truncate(top_k);
            st.rare = v.into_iter().collect();
        }
    }

    fn idf(&self, t: &str) -> f64 {
        let df = self.df.get(t).copied().unwrap_or(0) as f64;
        ((1.0 + self.n_docs as f64) / (1.0 + df)).ln() + 1.0
    }

    fn similarity(&self, vec: &HashMap<String, f64>, f: &DocFeatures, st: &StoryState) -> f64 {
        let dot: f64 = vec
            .iter()
            .filter_map(|(t, w)| st.centroid.get(t).map(|c| c * w))
            .sum();
        let cos = if st.norm > 0.0 { dot / st.norm } else { 0.0 };
        let names = if f.names.is_empty() {
            0.0
        } else {
            let shared = f.names.iter().filter(|n| st.names.contains_key(*n)).count();
            shared as f64 / f.names.len().min(st.names.len().max(1)) as f64
        };
        let rare = if f.rare.is_empty() {
            0.0
        } else {
            let shared = f.rare.iter().filter(|n| st.rare.contains_key(*n)).count();
            (shared as f64 / f.rare.len() as f64).min(1.0)
        };
        let mut sim = cos + self.cfg.name_weight * names + self.cfg.rare_weight * rare;
        if let (Some(d), Some(lo), Some(hi)) = (f.day, st.first_day, st.last_day) {
            let gap = if d < lo {
                lo - d
            } else if d > hi {
                d - hi
            } else {
                0
            };
            sim *= self.time_factor(gap);
        }
        sim
    }

    /// Merges live stories whose centroids are at least `threshold` similar
    /// (cosine of the centroids plus the weighted share of names), most similar
    /// pair first; returns the number of merges. Use after a batch to undo the
    /// fragmentation a single pass leaves.
    pub fn consolidate(&mut self, threshold: f64) -> usize {
        let mut merges = 0;
        loop {
            let ids: Vec<usize> = self.stories.keys().copied().collect();
            let mut best: Option<(f64, usize, usize)> = None;
            for (i, &a) in ids.iter().enumerate() {
                for &b in ids.iter().skip(i + 1) {
                    let (Some(sa), Some(sb)) = (self.stories.get(&a), self.stories.get(&b)) else {
                        continue;
                    };
                    let sim = self.story_similarity(sa, sb);
                    if sim >= threshold && best.is_none_or(|(s, _, _)| sim > s) {
                        best = Some((sim, a, b));
                    }
                }
            }
            match best {
                Some((_, a, b)) => {
                    self.merge(a, b);
                    merges += 1;
                }
                None => return merges,
            }
        }
    }

    fn story_similarity(&self, a: &StoryState, b: &StoryState) -> f64 {
        let (small, large) = if a.centroid.len() <= b.centroid.len() {
            (a, b)
        } else {
            (b, a)
        };
        let dot: f64 = small
            .centroid
            .iter()
            .filter_map(|(t, w)| large.centroid.get(t).map(|c| c * w))
            .sum();
        let cos = if a.norm > 0.0 && b.norm > 0.0 {
            dot / (a.norm * b.norm)
        } else {
            0.0
        };
        let names = {
            let shared = a.names.keys().filter(|n| b.names.contains_key(*n)).count();
            let denom = a.names.len().min(b.names.len());
            if denom == 0 {
                0.0
            } else {
                shared as f64 / denom as f64
            }
        };
        let mut sim = cos + self.cfg.name_weight * names;
        if let (Some(a0), Some(a1), Some(b0), Some(b1)) =
            (a.first_day, a.last_day, b.first_day, b.last_day)
        {
            let gap = if a1 < b0 {
                b0 - a1
            } else if b1 < a0 {
                a0 - b1
            } else {
                0
            };
            sim *= self.time_factor(gap);
        }
        sim
    }

    /// Boost for documents published within [`StoryConfig::recent_days`] of a
    /// story, decay beyond.
    fn time_factor(&self, gap: i64) -> f64 {
        if gap <= self.cfg.recent_days {
            self.cfg.recent_boost
        } else {
            0.5f64.powf((gap - self.cfg.recent_days) as f64 / self.cfg.half_life_days.max(0.1))
        }
    }

    /// Batch refinement (k-means style): with the final document frequencies,
    /// moves each of `feats` to the story whose centroid (rebuilt from the current
    /// members) is most similar, for `rounds` rounds. Needs the documents' features,
    /// so it is for batch use; returns the number of moves.
    pub fn refine(&mut self, feats: &[DocFeatures], rounds: usize) -> usize {
        let vecs: Vec<HashMap<String, f64>> = feats.iter().map(|f| self.weigh(f)).collect();
        let mut moves = 0;
        for _ in 0..rounds {
            // Rebuild centroids from the current assignment.
            let mut cents: BTreeMap<usize, HashMap<String, f64>> = BTreeMap::new();
            for (f, v) in feats.iter().zip(&vecs) {
                if let Some(&s) = self.doc_story.get(&f.id) {
                    let c = cents.entry(s).or_default();
                    for (t, w) in v {
                        *c.entry(t.clone()).or_default() += w;
                    }
                }
            }
            let mut ranges: BTreeMap<usize, (Option<i64>, Option<i64>)> = BTreeMap::new();
            for f in feats {
                if let Some(&s) = self.doc_story.get(&f.id) {
                    let r = ranges.entry(s).or_insert((None, None));
                    r.0 = min_opt(r.0, f.day);
                    r.1 = max_opt(r.1, f.day);
                }
            }
            let norms: BTreeMap<usize, f64> = cents
                .iter()
                .map(|(&s, c)| (s, c.values().map(|x| x * x).sum::<f64>().sqrt()))
                .collect();
            let mut changed = 0;
            for (f, v) in feats.iter().zip(&vecs) {
                let Some(&cur) = self.doc_story.get(&f.id) else {
                    continue;
                };
                let score = |s: usize| -> f64 {
                    let (Some(c), Some(n)) = (cents.get(&s), norms.get(&s)) else {
                        return 0.0;
                    };
                    let mut dot = 0.0;
                    for (t, w) in v {
                        if let Some(x) = c.get(t) {
                            // Leave the document out of its own story's centroid.
                            let x = if s == cur { x - w } else { *x };
                            dot += x * w;
                        }
                    }
                    let n = if s == cur {
                        let self_dot: f64 =
                            v.iter().filter_map(|(t, w)| c.get(t).map(|x| x * w)).sum();
                        (n * n - 2.0 * self_dot + 1.0).max(0.0).sqrt()
                    } else {
                        *n
                    };
                    let cos = if n > 0.0 { dot / n } else { 0.0 };
                    match (f.day, ranges.get(&s)) {
                        (Some(d), Some(&(Some(lo), Some(hi)))) => {
                            let gap = if d < lo {
                                lo - d
                            } else if d > hi {
                                d - hi
                            } else {
                                0
                            };
                            cos * self.time_factor(gap)
                        }
                        _ => cos,
                    }
                };
                let here = score(cur);
                let best = cents
                    .keys()
                    .copied()
                    .filter(|&s| s != cur)
                    .map(|s| (score(s), s))
                    .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
                if let Some((sc, s)) = best
                    && sc > here
                    && sc >= self.cfg.threshold
                {
                    self.doc_story.insert(f.id.clone(), s);
                    changed += 1;
                }
            }
            moves += changed;
            if changed == 0 {
                break;
            }
        }
        // Rebuild the story states from the final assignment.
        let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (i, f) in feats.iter().enumerate() {
            if let Some(&s) = self.doc_story.get(&f.id) {
                members.entry(s).or_default().push(i);
            }
        }
        let keep: BTreeSet<usize> = members.keys().copied().collect();
        self.stories.retain(|k, _| keep.contains(k));
        for (s, idx) in members {
            let mut st = StoryState::default();
            for i in idx {
                if let (Some(f), Some(v)) = (feats.get(i), vecs.get(i)) {
                    for (t, w) in v {
                        *st.centroid.entry(t.clone()).or_default() += w;
                    }
                    for n in &f.names {
                        *st.names.entry(n.clone()).or_default() += 1;
                    }
                    for n in &f.rare {
                        *st.rare.entry(n.clone()).or_default() += 1;
                    }
                    st.first_day = min_opt(st.first_day, f.day);
                    st.last_day = max_opt(st.last_day, f.day);
                    st.docs.push(f.id.clone());
                }
            }
            prune(&mut st.centroid, self.cfg.top_k);
            st.norm = st.centroid.values().map(|x| x * x).sum::<f64>().sqrt();
            self.stories.insert(s, st);
        }
        moves
    }

    /// The story a document belongs to.
    pub fn story_of(&self, doc_id: &str) -> Option<StoryId> {
        self.doc_story.get(doc_id).map(|&s| StoryId(s))
    }

    /// The live stories with their document ids (in order of addition), by id.
    pub fn stories(&self) -> Vec<(StoryId, Vec<String>)> {
        self.stories
            .iter()
            .map(|(&id, st)| (StoryId(id), st.docs.clone()))
            .collect()
    }

    /// The heaviest centroid terms of a story (for titles and inspection).
    pub fn top_terms(&self, id: StoryId, n: usize) -> Vec<String> {
        let Some(st) = self.stories.get(&id.0) else {
            return Vec::new();
        };
        let mut v: Vec<(f64, &String)> = st
            .centroid
            .iter()
            .map(|(t, w)| (w * self.idf(t), t))
            .collect();
        v.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        v.into_iter().take(n).map(|(_, t)| t.clone()).collect()
    }
}

/// Consonant skeleton of a folded token (vowels dropped after the first letter),
/// so that transliteration variants of a name share a feature.
fn skeleton(tok: &str) -> String {
    tok.chars()
        .enumerate()
        .filter(|(i, c)| *i == 0 || !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u'))
        .map(|(_, c)| c)
        .collect()
}

fn prune(c: &mut HashMap<String, f64>, k: usize) {
    if c.len() <= k {
        return;
    }
    let mut v: Vec<(String, f64)> = c.drain().collect();
    v.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v.truncate(k);
    *c = v.into_iter().collect();
}

fn min_opt(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, None) => x,
        (None, y) => y,
    }
}

fn max_opt(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, None) => x,
        (None, y) => y,
    }
}

/// Refinement rounds of the batch clustering (see [`StoryIndex::refine`]).
pub const REFINE_ROUNDS: usize = 6;

/// Clusters documents in the deterministic batch order (published date, then id);
/// returns groups of indices into `docs`, ordered by their earliest member.
pub fn cluster(docs: &[Annotations]) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by(|&a, &b| {
        let key = |i: usize| {
            docs.get(i).map(|d| {
                (
                    d.source.published.is_none(),
                    d.source.published.as_ref().map(|p| p.value.clone()),
                    d.source.id.clone(),
                )
            })
        };
        key(a).cmp(&key(b))
    });
    let mut index = StoryIndex::new();
    let feats: Vec<DocFeatures> = order
        .iter()
        .filter_map(|&i| docs.get(i))
        .map(DocFeatures::of)
        .collect();
    // Batch: the whole collection is known, so its document frequencies are too.
    for f in &feats {
        index.observe(f);
    }
    for f in &feats {
        index.add_features(f.clone());
    }
    index.refine(&feats, REFINE_ROUNDS);
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &i in &order {
        if let Some(s) = docs.get(i).and_then(|d| index.story_of(&d.source.id)) {
            groups.entry(s.0).or_default().push(i);
        }
    }
    let mut out: Vec<Vec<usize>> = groups.into_values().collect();
    out.sort_by_key(|g| {
        g.first()
            .and_then(|&i| order.iter().position(|&o| o == i))
            .unwrap_or(usize::MAX)
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::demo_docs;

    #[test]
    fn demo_story_and_strike_apart() {
        let docs = demo_docs();
        let groups = cluster(&docs);
        let ids: Vec<Vec<&str>> = groups
            .iter()
            .map(|g| {
                let mut v: Vec<&str> = g
                    .iter()
                    .filter_map(|&i| docs.get(i).map(|d| d.source.id.as_str()))
                    .collect();
                v.sort();
                v
            })
            .collect();
        assert_eq!(ids.len(), 2, "{ids:?}");
        assert!(ids.contains(&vec!["strike"]), "{ids:?}");
    }

    #[test]
    fn incremental_add_and_bridge() {
        let mut idx = StoryIndex::new();
        let a = idx.add_features(DocFeatures::from_text(
            "a",
            "Earthquake strikes Lorca in Spain, killing nine people in Lorca.",
            None,
        ));
        let b = idx.add_features(DocFeatures::from_text(
            "b",
            "Footballer Messi scores twice as Barcelona beat Madrid.",
            None,
        ));
        assert_ne!(a, b);
        let c = idx.add_features(DocFeatures::from_text(
            "c",
            "The Lorca earthquake in Spain killed nine; rescuers searched Lorca.",
            None,
        ));
        assert_eq!(a, c);
        assert_eq!(idx.story_of("c"), Some(a));
        assert_eq!(idx.stories().len(), 2);
        // Re-adding a known id is a no-op.
        assert_eq!(idx.add_features(DocFeatures::from_text("c", "x", None)), a);
        assert!(idx.top_terms(a, 3).contains(&"lorca".to_string()));
    }
}
