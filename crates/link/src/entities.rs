//! Canonical entities of a story: mentions merged across documents.
//!
//! Names are compared on folded keys (lowercase, diacritics stripped, common
//! transliteration variants folded: `tsch/tch/cz -> ch`, `kh -> h`, `y/j -> i`,
//! `w -> v`, `ph -> f`, `ks -> x`, initial `q/g -> k`, doubled letters collapsed),
//! token by token with a small edit-distance allowance. Acronyms join the expansion
//! most sources give; a differing expansion in a security context joins too, with a
//! "probable mistranslation" note. Surname-only person mentions join a full name
//! only when that is unambiguous in the document (or, failing that, the story).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use corroborate_model::{Annotations, Entity, EntityType, Evidence, Span};

use crate::text;

/// A curated alias knowledge base: `canonical<TAB>type<TAB>alias|alias|...` lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AliasKb {
    entries: Vec<KbEntry>,
    by_key: HashMap<String, usize>,
    problems: Vec<String>,
}

/// One entry of an [`AliasKb`].
#[derive(Debug, Clone, PartialEq)]
pub struct KbEntry {
    /// The canonical name.
    pub canonical: String,
    /// The entity type.
    pub kind: EntityType,
    /// Other names of the entity.
    pub aliases: Vec<String>,
}

impl AliasKb {
    /// Parses the TSV format; blank lines and `#` comments are skipped, malformed
    /// lines are reported by [`AliasKb::problems`]. When several lines name the same
    /// key (as canonical name or alias), the first one wins.
    pub fn parse(input: &str) -> Self {
        let mut kb = AliasKb::default();
        for (n, line) in input.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let (Some(canonical), Some(kind)) = (cols.first(), cols.get(1)) else {
                kb.problems
                    .push(format!("line {}: expected 3 tab-separated columns", n + 1));
                continue;
            };
            let kind = match kind.trim() {
                "PER" => EntityType::PER,
                "ORG" => EntityType::ORG,
                "LOC" => EntityType::LOC,
                "FAC" => EntityType::FAC,
                "MISC" => EntityType::MISC,
                other => {
                    kb.problems
                        .push(format!("line {}: unknown entity type {other:?}", n + 1));
                    continue;
                }
            };
            let canonical = canonical.trim().to_string();
            if canonical.is_empty() {
                kb.problems
                    .push(format!("line {}: empty canonical name", n + 1));
                continue;
            }
            let aliases: Vec<String> = cols
                .get(2)
                .map(|a| {
                    a.split('|')
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty())
                        .collect()
                })
                .unwrap_or_default();
            // the first line that names a key wins (a user's file is read first)
            let idx = kb.entries.len();
            kb.by_key.entry(fold_key(&canonical)).or_insert(idx);
            for a in &aliases {
                kb.by_key.entry(fold_key(a)).or_insert(idx);
            }
            kb.entries.push(KbEntry {
                canonical,
                kind,
                aliases,
            });
        }
        kb
    }

    /// The entry a name belongs to, if any.
    pub fn lookup(&self, name: &str) -> Option<&KbEntry> {
        self.by_key
            .get(&fold_key(name))
            .and_then(|&i| self.entries.get(i))
    }

    /// The entries.
    pub fn entries(&self) -> &[KbEntry] {
        &self.entries
    }

    /// Lines that could not be read.
    pub fn problems(&self) -> &[String] {
        &self.problems
    }
}

/// Folds one word for comparison across spellings and transliterations.
pub fn fold_token(word: &str) -> String {
    let s: String = word
        .chars()
        .map(text::fold_char)
        .filter(|c| c.is_alphanumeric())
        .collect();
    let mut s = s
        .replace("tsch", "ch")
        .replace("tch", "ch")
        .replace("cz", "ch")
        .replace("kh", "h")
        .replace("ph", "f")
        .replace("ks", "x")
        .replace("dh", "d")
        .replace('w', "v")
        .replace(['y', 'j'], "i");
    if let Some(rest) = s.strip_prefix('q').or_else(|| s.strip_prefix('g')) {
        s = format!("k{rest}");
    }
    // c before a/o/u/consonant sounds as k (but keep "ch").
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let c = if c == 'c' && next != Some('h') && !matches!(next, Some('e' | 'i')) {
            'k'
        } else {
            c
        };
        if out.ends_with(c) && c.is_alphabetic() {
            continue;
        }
        out.push(c);
    }
    out
}

/// Words that open a mention without being a given name ("Sheriff Ada Brenn", "Go
/// Brenn"): such a form does not name the person.
const NOT_GIVEN: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "sheriff",
    "president",
    "gov",
    "governor",
    "sen",
    "senator",
    "rep",
    "judge",
    "justice",
    "coach",
    "officer",
    "sgt",
    "lt",
    "capt",
    "gen",
    "col",
    "chief",
    "mayor",
    "minister",
    "secretary",
    "prof",
    "professor",
    "rev",
    "father",
    "saint",
    "st",
    "hire",
    "go",
    "fire",
    "free",
    "meet",
    "dear",
    "former",
    "late",
    "the",
    "undersheriff",
    "deputy",
    "detective",
    "sergeant",
    "lieutenant",
    "captain",
    "general",
    "colonel",
    "commissioner",
    "attorney",
    "prosecutor",
    "agent",
    "trooper",
    "dependable",
];

/// The full name a person entity goes by when its mentions are mostly a bare surname
/// ("Teixeira" 86 times, "Mark Teixeira" 22): the most used form of two words or more
/// that ends with that surname and opens with a given name, the fuller one when two are
/// used about as much ("Richard M. Nixon" 4, "Richard Nixon" 6), the longer given name
/// on a tie ("Maurice", not "Mo"). None when the most used form has several words
/// already, or no form qualifies.
fn full_person_name(forms: &BTreeMap<String, usize>) -> Option<String> {
    let (top, _) = forms
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))?;
    if top.split_whitespace().count() != 1 {
        return None;
    }
    let surname = top.to_lowercase();
    let full: Vec<(&String, usize)> = forms
        .iter()
        .filter(|(f, c)| {
            let words: Vec<&str> = f.split_whitespace().collect();
            **c > 0
                && words.len() >= 2
                && words.len() <= 4
                && words.last().is_some_and(|w| w.to_lowercase() == surname)
                && words.iter().all(|w| w.starts_with(char::is_uppercase))
                && !f
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
                && words.first().is_some_and(|w| {
                    let w = w.trim_end_matches('.').to_lowercase();
                    // ("J. Edgar Hoover": an initial opens a name of three words)
                    !NOT_GIVEN.contains(&w.as_str()) && (w.len() >= 2 || words.len() >= 3)
                })
        })
        .map(|(f, c)| (f, *c))
        .collect();
    let most = full.iter().map(|(_, c)| *c).max()?;
    full.into_iter()
        .filter(|(_, c)| c * 4 >= most)
        .max_by(|a, b| {
            let key = |(f, c): &(&String, usize)| {
                (
                    f.split_whitespace().count(),
                    f.split_whitespace().next().map_or(0, str::len),
                    *c,
                )
            };
            key(a).cmp(&key(b)).then(b.0.cmp(a.0))
        })
        .map(|(f, _)| f.clone())
}

/// Folded key of a name: folded tokens joined by spaces, a leading "the" and a
/// possessive `'s` dropped.
pub fn fold_key(name: &str) -> String {
    name_tokens(name).join(" ")
}

fn name_tokens(name: &str) -> Vec<String> {
    let mut toks: Vec<String> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .map(|w| {
            let w = w.trim_end_matches("'s").trim_end_matches("’s");
            fold_token(w)
        })
        .filter(|w| !w.is_empty())
        .collect();
    if toks.first().is_some_and(|t| t == "the") && toks.len() > 1 {
        toks.remove(0);
    }
    toks
}

/// Levenshtein distance over chars.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        if let Some(c0) = cur.first_mut() {
            *c0 = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let sub = prev.get(j).copied().unwrap_or(0) + usize::from(ca != cb);
            let del = prev.get(j + 1).copied().unwrap_or(0) + 1;
            let ins = cur.get(j).copied().unwrap_or(0) + 1;
            if let Some(slot) = cur.get_mut(j + 1) {
                *slot = sub.min(del).min(ins);
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.get(b.len()).copied().unwrap_or(0)
}

/// Whether two folded tokens are spelling variants of one word.
pub fn tokens_match(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    let n = la.min(lb);
    // the edit distance is at least the length difference: most pairs stop here
    let allowed = match n {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    };
    if allowed == 0 || la.abs_diff(lb) > allowed {
        return false;
    }
    if a.chars().all(|c| c.is_ascii_digit()) || b.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let d = edit_distance(a, b);
    (n >= 5 && d <= 1) || (n >= 9 && d <= 2)
}

fn tokens_all_match(a: &[String], b: &[String]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| tokens_match(x, y))
}

/// Common English short forms of first names (each short form stands for one full name
/// only, so that union-find cannot join two people through it: no "Pat", "Sandy").
const HYPOCORISMS: &[(&str, &str)] = &[
    ("bill", "william"),
    ("billy", "william"),
    ("will", "william"),
    ("bob", "robert"),
    ("bobby", "robert"),
    ("rob", "robert"),
    ("jim", "james"),
    ("jimmy", "james"),
    ("mike", "michael"),
    ("dick", "richard"),
    ("rick", "richard"),
    ("tony", "anthony"),
    ("ted", "edward"),
    ("ed", "edward"),
    ("chuck", "charles"),
    ("charlie", "charles"),
    ("jack", "john"),
    ("johnny", "john"),
    ("peggy", "margaret"),
    ("maggie", "margaret"),
    ("betty", "elizabeth"),
    ("beth", "elizabeth"),
    ("liz", "elizabeth"),
    ("kate", "katherine"),
    ("kathy", "katherine"),
    ("steve", "stephen"),
    ("steve", "steven"),
    ("joe", "joseph"),
    ("tom", "thomas"),
    ("larry", "lawrence"),
    ("larry", "laurence"),
    ("harry", "henry"),
    ("hank", "henry"),
    ("jerry", "gerald"),
    ("andy", "andrew"),
    ("drew", "andrew"),
    ("matt", "matthew"),
    ("sue", "susan"),
    ("nick", "nicholas"),
    ("dave", "david"),
    ("ben", "benjamin"),
    ("sam", "samuel"),
    ("alex", "alexander"),
    ("alexis", "alexandros"),
    ("fred", "frederick"),
    ("freddie", "frederick"),
    ("chris", "christopher"),
    ("dan", "daniel"),
    ("danny", "daniel"),
    ("don", "donald"),
    ("ron", "ronald"),
    ("ken", "kenneth"),
    ("stan", "stanley"),
    ("ray", "raymond"),
    ("lou", "louis"),
    ("greg", "gregory"),
    ("jeff", "jeffrey"),
    ("tim", "timothy"),
    ("phil", "philip"),
    ("phil", "phillip"),
    ("pete", "peter"),
    ("vince", "vincent"),
    ("gene", "eugene"),
    ("walt", "walter"),
    ("bert", "albert"),
    ("frank", "francis"),
    ("jon", "jonathan"),
    ("josh", "joshua"),
    ("zach", "zachary"),
    ("doug", "douglas"),
    ("mo", "maurice"),
];

/// `HYPOCORISMS` folded as name tokens are.
static FOLDED_HYPOCORISMS: std::sync::LazyLock<Vec<(String, String)>> =
    std::sync::LazyLock::new(|| {
        HYPOCORISMS
            .iter()
            .map(|(s, f)| (fold_token(s), fold_token(f)))
            .collect()
    });

/// Two forms of one person's full name: the same surname, a first name and its short
/// form from [`HYPOCORISMS`] ("Fred" for "Frederick"; not any prefix: "Eric" is not
/// "Erica"),
/// and middle names that agree or are an initial of each other ("Frederick C. Larsen",
/// "Frederick Carl Larsen"). Suffixes ("Sr", "III") stand last, so a father and a son
/// stay apart.
fn person_variant(a: &[String], b: &[String]) -> bool {
    let n = a.len();
    // the surname first: most pairs differ there, before the short-form table is read
    if n < 2
        || b.len() != n
        || !matches!((a.last(), b.last()), (Some(x), Some(y)) if tokens_match(x, y))
    {
        return false;
    }
    let first = |x: &str, y: &str| {
        tokens_match(x, y)
            || FOLDED_HYPOCORISMS
                .iter()
                .any(|(fs, ff)| (fs == x && ff == y) || (fs == y && ff == x))
    };
    let middle = |x: &str, y: &str| {
        // tokens are folded ("C." -> "k", "Cheney" -> "cheni"): fold the first letter too
        let initial = |i: &str, w: &str| {
            i.chars().count() == 1
                && w.chars().count() > 1
                && w.chars()
                    .next()
                    .is_some_and(|c| fold_token(&c.to_string()) == i)
        };
        tokens_match(x, y) || initial(x, y) || initial(y, x)
    };
    a.iter().zip(b).enumerate().take(n - 1).all(
        |(k, (x, y))| {
            if k == 0 { first(x, y) } else { middle(x, y) }
        },
    )
}

/// Words that do not identify a name on their own.
const GENERIC: &[&str] = &[
    "the",
    "of",
    "and",
    "for",
    "hal",
    "konsert",
    "koncert",
    "kity",
    "city",
    "ministri",
    "foreign",
    "state",
    "national",
    "bureau",
    "polise",
    "police",
    "servise",
    "service",
    "department",
    "office",
    "kounsil",
    "council",
    "komitee",
    "kommittee",
    "agensi",
    "agency",
    "front",
    "party",
    "minister",
    "president",
    "kentral",
    "sentral",
    "central",
    "market",
    "international",
    "north",
    "northern",
    "south",
    "southern",
    "east",
    "eastern",
    "west",
    "western",
    "new",
    "nev",
    "saint",
    "st",
    "mr",
    "mrs",
    "ms",
    "dr",
];

fn is_generic(t: &str) -> bool {
    GENERIC.contains(&t)
}

/// Head words that make a name a facility whatever the tagger said.
const FAC_HEADS: &[&str] = &[
    "hall",
    "stadium",
    "airport",
    "bridge",
    "theatre",
    "theater",
    "arena",
    "station",
    "hospital",
    "cathedral",
    "church",
    "museum",
    "square",
    "tower",
    "mosque",
    "synagogue",
    "temple",
    "palace",
];

fn effective_type(name: &str, kind: EntityType) -> EntityType {
    let last = name
        .split_whitespace()
        .last()
        .map(|w| w.to_lowercase())
        .unwrap_or_default();
    if matches!(kind, EntityType::ORG | EntityType::LOC | EntityType::MISC)
        && FAC_HEADS.contains(&last.as_str())
    {
        EntityType::FAC
    } else {
        kind
    }
}

/// Whether a surface form is an acronym (2 to 6 capitals, optional dots).
pub fn is_acronym(s: &str) -> bool {
    let letters: String = s.chars().filter(|c| *c != '.').collect();
    let n = letters.chars().count();
    (2..=6).contains(&n) && letters.chars().all(|c| c.is_uppercase())
}

/// The lowercase letters of an acronym ("S.S.B." -> "ssb").
pub fn acronym_letters(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Time words a tagger may glue onto a name, besides weekdays and months.
const TIME_WORDS: &[&str] = &["today", "yesterday", "tonight"];

/// A name with a trailing time phrase a tagger glued on removed
/// ("Tchaikovsky Concert Hall on Saturday" -> "Tchaikovsky Concert Hall").
pub fn clean_name(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    for (i, w) in words.iter().enumerate().skip(1) {
        let next = words.get(i + 1).map(|n| {
            n.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        });
        if matches!(*w, "on" | "in" | "at" | "last" | "this")
            && next.as_deref().is_some_and(|n| {
                TIME_WORDS.contains(&n)
                    || corroborate_time::month_number(n).is_some()
                    || text::WEEKDAYS.contains(&n)
            })
        {
            return words.get(..i).map(|w| w.join(" ")).unwrap_or_default();
        }
    }
    name.trim().to_string()
}

/// Initials of the capitalised words of a name ("State Security Bureau" -> "ssb").
pub fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect()
}

const SECURITY_WORDS: &[&str] = &[
    "security",
    "investigation",
    "investigators",
    "intelligence",
    "police",
    "suspects",
    "suspect",
    "arrested",
    "bomb",
    "bombing",
    "attack",
    "terror",
    "terrorist",
    "agents",
    "counterterrorism",
    "spokesman",
    "spokeswoman",
];

/// `(source id, start, end)` of a mention.
type MentionKey = (String, usize, usize);

/// One mention as seen by the merger.
#[derive(Debug, Clone)]
struct Mention {
    doc: usize,
    span: Span,
    surface: String,
    kind: EntityType,
    node: usize,
}

#[derive(Debug, Clone, Default)]
struct Node {
    tokens: Vec<String>,
    name: String,
    votes: BTreeMap<EntityType, usize>,
    mentions: usize,
    acronym: bool,
    docs: BTreeSet<usize>,
}

impl Node {
    fn kind(&self) -> EntityType {
        self.votes
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(k, _)| *k)
            .unwrap_or(EntityType::MISC)
    }
}

/// The canonical entities of a story with a lookup from mentions to entity ids.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EntityTable {
    /// The entities, sorted by mention count (descending), then name.
    pub entities: Vec<Entity>,
    by_mention: BTreeMap<(String, usize, usize), usize>,
}

impl EntityTable {
    /// The id of the entity whose mention in `source` overlaps `span` most.
    pub fn entity_at(&self, source: &str, span: Span) -> Option<&str> {
        self.by_mention
            .range((source.to_string(), 0, 0)..(source.to_string(), usize::MAX, usize::MAX))
            .filter(|((_, s, e), _)| Span::new(*s, *e).overlaps(&span))
            .max_by_key(|((_, s, e), _)| (*e).min(span.end).saturating_sub((*s).max(span.start)))
            .and_then(|(_, &i)| self.entities.get(i))
            .map(|e| e.id.as_str())
    }

    /// Ids of the entities mentioned inside `span` of `source`, in text order, once each.
    pub fn entities_in(&self, source: &str, span: Span) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for ((_, s, e), &i) in self
            .by_mention
            .range((source.to_string(), span.start, 0)..(source.to_string(), span.end, 0))
        {
            if *e <= span.end
                && let Some(ent) = self.entities.get(i)
                && !out.contains(&ent.id)
            {
                out.push(ent.id.clone());
            }
            let _ = s;
        }
        out
    }

    /// The entity mentions inside `span` of `source`, in text order:
    /// `(start, end, entity id)`.
    pub fn mentions_in(&self, source: &str, span: Span) -> Vec<(usize, usize, &str)> {
        self.by_mention
            .range((source.to_string(), span.start, 0)..(source.to_string(), span.end, 0))
            .filter(|((_, _, e), _)| *e <= span.end)
            .filter_map(|((_, s, e), &i)| self.entities.get(i).map(|ent| (*s, *e, ent.id.as_str())))
            .collect()
    }

    /// The entity with this id. Ids end in the entity's place (`<prefix>e<n>`), so the
    /// lookup is direct; a table changed by hand falls back to a scan.
    pub fn get(&self, id: &str) -> Option<&Entity> {
        let digits = id.len() - id.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        id.get(id.len() - digits..)
            .and_then(|n| n.parse::<usize>().ok())
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| self.entities.get(i))
            .filter(|e| e.id == id)
            .or_else(|| self.entities.iter().find(|e| e.id == id))
    }

    /// The entity whose name or an alias matches `name` (folded; surnames match a
    /// unique full name).
    pub fn find_by_name(&self, name: &str) -> Option<&str> {
        let key = name_tokens(name);
        if key.is_empty() {
            return None;
        }
        for e in &self.entities {
            if std::iter::once(&e.name)
                .chain(e.aliases.iter())
                .any(|a| tokens_all_match(&name_tokens(a), &key))
            {
                return Some(e.id.as_str());
            }
        }
        if key.len() == 1 {
            let hits: Vec<&Entity> = self
                .entities
                .iter()
                .filter(|e| {
                    e.kind == EntityType::PER
                        && name_tokens(&e.name)
                            .last()
                            .zip(key.first())
                            .is_some_and(|(a, b)| tokens_match(a, b))
                })
                .collect();
            if let [one] = hits.as_slice() {
                return Some(one.id.as_str());
            }
        }
        None
    }
}

/// How often the story's texts write each word in lowercase ("health",
/// "intelligence"), and how often each one-word entity mention is written.
struct WordCounts {
    lower: HashMap<String, usize>,
    named: HashMap<String, usize>,
}

fn word_counts(docs: &[&Annotations]) -> WordCounts {
    let mut lower: HashMap<String, usize> = HashMap::new();
    let mut named: HashMap<String, usize> = HashMap::new();
    for d in docs {
        let t = &d.source.text;
        for (a, b) in text::word_spans(t) {
            if let Some(w) = t.get(a..b)
                && w.chars().next().is_some_and(char::is_lowercase)
            {
                match lower.get_mut(w) {
                    Some(n) => *n += 1,
                    None => {
                        lower.insert(w.to_string(), 1);
                    }
                }
            }
        }
        for m in &d.entities {
            if let Some(w) = t.get(m.start..m.end).map(str::trim)
                && !w.contains(char::is_whitespace)
            {
                *named.entry(w.to_string()).or_default() += 1;
            }
        }
    }
    WordCounts { lower, named }
}

/// A one-word organisation, person or other name that the story's texts write more
/// often in lowercase ("Health" in a machine-translated "the city Health department",
/// "Musicians" opening a sentence): a common noun, not an entity. Places, acronyms
/// and names the alias knowledge base knows are kept.
fn is_capitalised_common_noun(
    surface: &str,
    kind: EntityType,
    common: &WordCounts,
    kb: &AliasKb,
) -> bool {
    let w = surface.trim();
    if w.contains(char::is_whitespace)
        || !matches!(kind, EntityType::ORG | EntityType::PER | EntityType::MISC)
        || is_acronym(w)
        || kb.lookup(w).is_some()
    {
        return false;
    }
    let lower = w.to_lowercase();
    let written_lower = common.lower.get(&lower).copied().unwrap_or(0);
    let named = common.named.get(w).copied().unwrap_or(0);
    lower != w && written_lower > named
}

/// Gives the entities of all `stories` their cross-story [`Entity::global`] ids
/// (`g1`, `g2`, ... in order of first appearance): entities of one type that share a
/// folded name or alias join; one-word person names ("Kowal") never join on their
/// own, since a surname alone names different people in different stories.
pub fn assign_global_ids(stories: &mut [corroborate_model::Story]) {
    let mut owner: HashMap<(EntityType, String), usize> = HashMap::new();
    let mut flat: Vec<(usize, usize)> = Vec::new();
    let mut uf = UnionFind::new(stories.iter().map(|s| s.entities.len()).sum());
    for (si, st) in stories.iter().enumerate() {
        for (ei, e) in st.entities.iter().enumerate() {
            let me = flat.len();
            flat.push((si, ei));
            for name in std::iter::once(&e.name).chain(&e.aliases) {
                let key = fold_key(name);
                if key.is_empty() || (e.kind == EntityType::PER && !key.contains(' ')) {
                    continue;
                }
                match owner.get(&(e.kind, key.clone())) {
                    Some(&o) => uf.union(o, me),
                    None => {
                        owner.insert((e.kind, key), me);
                    }
                }
            }
        }
    }
    let mut ids: HashMap<usize, String> = HashMap::new();
    for (k, &(si, ei)) in flat.iter().enumerate() {
        let root = uf.find(k);
        let n = ids.len();
        let id = ids
            .entry(root)
            .or_insert_with(|| format!("g{}", n + 1))
            .clone();
        if let Some(e) = stories.get_mut(si).and_then(|s| s.entities.get_mut(ei)) {
            e.global = Some(id);
        }
    }
}

/// Builds the canonical entities of the documents of one story; entity ids are
/// `<prefix>e1`, `<prefix>e2`, ...
pub fn canonical_entities(docs: &[&Annotations], kb: &AliasKb, prefix: &str) -> EntityTable {
    let mut nodes: Vec<Node> = Vec::new();
    let mut node_of: HashMap<String, usize> = HashMap::new();
    let mut mentions: Vec<Mention> = Vec::new();
    // (acronym letters, expansion node, document) for acronyms resolved in a document.
    let mut acr_support: Vec<(String, usize, usize)> = Vec::new();
    let common = word_counts(docs);
    for (di, doc) in docs.iter().enumerate() {
        for m in &doc.entities {
            let span = Span::new(m.start, m.end);
            let surface = span.slice(&doc.source.text).to_string();
            if surface.trim().is_empty() {
                continue;
            }
            if is_capitalised_common_noun(&surface, m.kind, &common, kb) {
                continue;
            }
            let surface_acronym = is_acronym(surface.trim());
            let letters = acronym_letters(&surface);
            // A document-level canonical form of an acronym must fit its letters.
            let canonical = m
                .canonical
                .as_deref()
                .filter(|c| !c.trim().is_empty())
                .filter(|c| !surface_acronym || initials(c) == letters);
            let mut name = clean_name(canonical.unwrap_or(&surface));
            if let Some(e) = kb.lookup(&name).or_else(|| kb.lookup(&surface)) {
                name = e.canonical.clone();
            }
            let kind = kb
                .lookup(&name)
                .map(|e| e.kind)
                .unwrap_or_else(|| effective_type(&name, m.kind));
            let key = fold_key(&name);
            if key.is_empty() {
                continue;
            }
            let idx = *node_of.entry(key.clone()).or_insert_with(|| {
                nodes.push(Node {
                    tokens: name_tokens(&name),
                    name: name.clone(),
                    acronym: is_acronym(name.trim()),
                    ..Default::default()
                });
                nodes.len() - 1
            });
            if let Some(n) = nodes.get_mut(idx) {
                *n.votes.entry(kind).or_default() += 1;
                n.mentions += 1;
                n.docs.insert(di);
            }
            if surface_acronym && canonical.is_some() {
                acr_support.push((letters.clone(), idx, di));
            }
            mentions.push(Mention {
                doc: di,
                span,
                surface,
                kind,
                node: idx,
            });
        }
    }
    let mut uf = UnionFind::new(nodes.len());
    let kinds: Vec<EntityType> = nodes.iter().map(Node::kind).collect();
    let is_surname = |i: usize| -> bool {
        nodes
            .get(i)
            .is_some_and(|n| n.tokens.len() == 1 && !n.acronym)
            && kinds.get(i) == Some(&EntityType::PER)
    };
    // Phase A: spelling variants and shortened forms of multiword / non-person names.
    // Only names of one type and one length can match token by token: compare within
    // those buckets.
    let mut buckets: BTreeMap<(EntityType, usize), Vec<usize>> = BTreeMap::new();
    for (i, n) in nodes.iter().enumerate() {
        if let Some(&k) = kinds.get(i)
            && !n.acronym
            && !is_surname(i)
        {
            buckets.entry((k, n.tokens.len())).or_default().push(i);
        }
    }
    for members in buckets.values() {
        for (x, &i) in members.iter().enumerate() {
            for &j in members.iter().skip(x + 1) {
                let (Some(a), Some(b)) = (nodes.get(i), nodes.get(j)) else {
                    continue;
                };
                let person = kinds.get(i) == Some(&EntityType::PER);
                if tokens_all_match(&a.tokens, &b.tokens)
                    || (person && person_variant(&a.tokens, &b.tokens))
                {
                    uf.union(i, j);
                }
            }
        }
    }
    // Shortened forms: a name whose tokens all occur in exactly one longer cluster.
    let mut by_kind: BTreeMap<EntityType, Vec<usize>> = BTreeMap::new();
    for i in 0..nodes.len() {
        if let Some(&k) = kinds.get(i) {
            by_kind.entry(k).or_default().push(i);
        }
    }
    for i in 0..nodes.len() {
        if is_surname(i) {
            continue;
        }
        let Some(a) = nodes.get(i) else { continue };
        if a.acronym || !a.tokens.iter().any(|t| !is_generic(t)) {
            continue;
        }
        let mut supers: BTreeSet<usize> = BTreeSet::new();
        let longer = kinds
            .get(i)
            .and_then(|k| by_kind.get(k))
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        for &j in longer {
            let Some(b) = nodes.get(j) else { continue };
            if j == i || b.acronym || b.tokens.len() <= a.tokens.len() {
                continue;
            }
            // The shorter name must keep the head word ("Chaikovsky Hall" for
            // "Tchaikovsky Concert Hall"; not "Valmora" for "Valmora Harbour
            // Authority").
            let same_head = match (a.tokens.last(), b.tokens.last()) {
                (Some(x), Some(y)) => tokens_match(x, y),
                _ => false,
            };
            if same_head
                && a.tokens
                    .iter()
                    .all(|t| b.tokens.iter().any(|u| tokens_match(t, u)))
            {
                supers.insert(uf.find(j));
            }
        }
        if supers.len() == 1
            && let Some(&s) = supers.first()
        {
            uf.union(i, s);
        }
    }
    // Acronyms: the expansion most documents give joins the acronym; another
    // expansion with the same initials in a security context (or given for the same
    // acronym) joins too, noted as a probable mistranslation.
    let mut notes: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    let mut mistranslated: BTreeSet<String> = BTreeSet::new();
    let mut all_letters: BTreeSet<String> = acr_support.iter().map(|x| x.0.clone()).collect();
    for n in nodes.iter().filter(|n| n.acronym) {
        all_letters.insert(acronym_letters(&n.name));
    }
    for letters in &all_letters {
        let acr_nodes: Vec<usize> = (0..nodes.len())
            .filter(|&i| {
                nodes
                    .get(i)
                    .is_some_and(|n| n.acronym && acronym_letters(&n.name) == *letters)
            })
            .collect();
        let acr_docs: BTreeSet<usize> = acr_nodes
            .iter()
            .filter_map(|&i| nodes.get(i))
            .flat_map(|n| n.docs.iter().copied())
            .collect();
        let mut cands: Vec<(usize, usize, usize)> = Vec::new();
        for (j, n) in nodes.iter().enumerate() {
            if n.acronym || n.tokens.len() < 2 || initials(&n.name) != *letters {
                continue;
            }
            let resolved: BTreeSet<usize> = acr_support
                .iter()
                .filter(|(l, node, _)| l == letters && *node == j)
                .map(|x| x.2)
                .collect();
            let support = n.docs.intersection(&acr_docs).count() + resolved.len();
            cands.push((j, support, n.mentions));
        }
        cands.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
        let Some(&(consensus, _, _)) = cands.first() else {
            continue;
        };
        for &i in &acr_nodes {
            uf.union(i, consensus);
        }
        let acr_text = acr_nodes
            .first()
            .and_then(|&i| nodes.get(i))
            .map(|n| n.name.trim().to_string())
            .unwrap_or_else(|| letters.to_uppercase());
        let cons_name = nodes
            .get(consensus)
            .map(|n| n.name.clone())
            .unwrap_or_default();
        let cons_tokens: Vec<String> = nodes
            .get(consensus)
            .map(|n| n.tokens.clone())
            .unwrap_or_default();
        for &(j, support, _) in cands.iter().skip(1) {
            if uf.find(j) == uf.find(consensus) {
                continue;
            }
            let Some(n) = nodes.get(j) else { continue };
            // "D. A" is the acronym written letter by letter, not another expansion
            if n.tokens.iter().all(|t| t.chars().count() == 1) {
                uf.union(j, consensus);
                continue;
            }
            // a name that holds the acronym ("RB Bush", "U.S. Senate") is no other
            // expansion of it: no note (and no merge: the Senate is not the country)
            if n.tokens.iter().any(|t| *t == fold_token(letters)) {
                continue;
            }
            // "Internet Explorer 11" holds the expansion: a longer name, no other one
            if cons_tokens.iter().all(|t| n.tokens.contains(t)) {
                continue;
            }
            let mut security = false;
            let mut sources: BTreeSet<String> = BTreeSet::new();
            for m in mentions.iter().filter(|m| m.node == j) {
                let Some(doc) = docs.get(m.doc) else { continue };
                sources.insert(doc.source.id.clone());
                let sent = text::sentence_at(doc, m.span.start);
                let words = text::words(sent.slice(&doc.source.text));
                if words.iter().any(|w| {
                    SECURITY_WORDS.contains(&w.as_str())
                        || cons_tokens
                            .iter()
                            .any(|t| !is_generic(t) && fold_token(w) == *t)
                }) {
                    security = true;
                }
            }
            if support > 0 || security {
                uf.union(j, consensus);
                let note = format!(
                    "probable mistranslation: \"{}\" in source {} (other sources expand {} as \"{}\")",
                    n.name,
                    sources.into_iter().collect::<Vec<_>>().join(", "),
                    acr_text,
                    cons_name
                );
                notes.entry(j).or_default().push(note);
                mistranslated.insert(n.name.clone());
            }
        }
    }
    // Alias KB: nodes whose KB entry is the same.
    let mut kb_root: HashMap<String, usize> = HashMap::new();
    for (i, n) in nodes.iter().enumerate() {
        if let Some(e) = kb.lookup(&n.name) {
            match kb_root.get(&e.canonical) {
                Some(&r) => uf.union(i, r),
                None => {
                    kb_root.insert(e.canonical.clone(), i);
                }
            }
        }
    }
    // Phase B: surname-only person mentions, resolved per mention.
    let full_person = |i: usize| -> bool {
        nodes.get(i).is_some_and(|n| n.tokens.len() >= 2) && kinds.get(i) == Some(&EntityType::PER)
    };
    let mut assign: Vec<usize> = mentions.iter().map(|m| uf.find(m.node)).collect();
    for (mi, m) in mentions.iter().enumerate() {
        if !is_surname(m.node) {
            continue;
        }
        let Some(tok) = nodes.get(m.node).and_then(|n| n.tokens.first()) else {
            continue;
        };
        let candidates = |in_doc: Option<usize>, uf: &mut UnionFind| -> BTreeSet<usize> {
            let mut out = BTreeSet::new();
            for (j, n) in nodes.iter().enumerate() {
                if !full_person(j) {
                    continue;
                }
                if let Some(d) = in_doc
                    && !n.docs.contains(&d)
                {
                    continue;
                }
                if n.tokens.last().is_some_and(|l| tokens_match(l, tok)) {
                    out.insert(uf.find(j));
                }
            }
            out
        };
        let local = candidates(Some(m.doc), &mut uf);
        let chosen = if local.len() == 1 {
            local.first().copied()
        } else if local.is_empty() {
            let story = candidates(None, &mut uf);
            if story.len() == 1 {
                story.first().copied()
            } else {
                None
            }
        } else {
            None
        };
        if let (Some(c), Some(slot)) = (chosen, assign.get_mut(mi)) {
            *slot = c;
        }
    }
    // Surname-only mentions left alone: fuzzy variants of one surname group together.
    let mut surname_group: BTreeMap<usize, usize> = BTreeMap::new();
    for (mi, m) in mentions.iter().enumerate() {
        if !is_surname(m.node) || assign.get(mi) != Some(&uf.find(m.node)) {
            continue;
        }
        let tok = nodes
            .get(m.node)
            .and_then(|n| n.tokens.first())
            .cloned()
            .unwrap_or_default();
        let root = uf.find(m.node);
        let existing = surname_group.keys().copied().find(|&r| {
            nodes
                .get(r)
                .and_then(|n| n.tokens.first())
                .is_some_and(|t| tokens_match(t, &tok))
        });
        let g = *surname_group
            .entry(existing.unwrap_or(root))
            .or_insert(root);
        if let Some(slot) = assign.get_mut(mi) {
            *slot = g;
        }
    }
    // Build the entities.
    let mut clusters: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (mi, &root) in assign.iter().enumerate() {
        clusters.entry(root).or_default().push(mi);
    }
    let mut built: Vec<(Entity, Vec<MentionKey>)> = Vec::new();
    // entities named by a full name found among mostly bare-surname mentions, with that
    // surname (`full_person_name`)
    let mut by_surname: Vec<(usize, String, String)> = Vec::new();
    for members in clusters.values() {
        let mut forms: BTreeMap<String, usize> = BTreeMap::new();
        let mut first_seen: BTreeMap<String, usize> = BTreeMap::new();
        let mut votes: BTreeMap<EntityType, usize> = BTreeMap::new();
        let mut evidence = Vec::new();
        let mut keys = Vec::new();
        let mut node_set: BTreeSet<usize> = BTreeSet::new();
        let mut kb_name: Option<String> = None;
        for &mi in members {
            let Some(m) = mentions.get(mi) else { continue };
            let Some(doc) = docs.get(m.doc) else { continue };
            *forms.entry(m.surface.trim().to_string()).or_default() += 1;
            first_seen.entry(m.surface.trim().to_string()).or_insert(mi);
            *votes.entry(m.kind).or_default() += 1;
            evidence.push(Evidence::of(&doc.source, m.span));
            keys.push((doc.source.id.clone(), m.span.start, m.span.end));
            node_set.insert(m.node);
            if let Some(n) = nodes.get(m.node) {
                if let Some(e) = kb.lookup(&n.name) {
                    kb_name = Some(e.canonical.clone());
                }
                // Document-level canonical forms count as forms too.
                if n.name != m.surface && !n.acronym {
                    forms.entry(n.name.clone()).or_insert(0);
                }
            }
        }
        let kind = votes
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(k, _)| *k)
            .unwrap_or(EntityType::MISC);
        let max_freq = forms.values().copied().max().unwrap_or(0);
        let full = (kb_name.is_none() && kind == EntityType::PER)
            .then(|| full_person_name(&forms))
            .flatten();
        let by_forms = kb_name.unwrap_or_else(|| {
            forms
                .iter()
                .max_by(|a, b| {
                    let score = |(f, c): (&String, &usize)| {
                        (
                            !is_acronym(f),
                            !mistranslated.contains(f.as_str()),
                            *c * 3 >= max_freq,
                            f.split_whitespace().count(),
                            f.chars().next().is_some_and(char::is_uppercase),
                            *c,
                        )
                    };
                    let seen = |f: &String| first_seen.get(f).copied().unwrap_or(usize::MAX);
                    score(*a)
                        .cmp(&score(*b))
                        .then_with(|| seen(b.0).cmp(&seen(a.0)))
                        .then_with(|| b.0.cmp(a.0))
                })
                .map(|(f, _)| f.clone())
                .unwrap_or_default()
        });
        let surname_named = full.is_some();
        let name = full.unwrap_or_else(|| by_forms.clone());
        let aliases: Vec<String> = forms
            .keys()
            .filter(|f| forms.get(*f) != Some(&0))
            .cloned()
            .collect();
        let mut ent_notes: Vec<String> = node_set
            .iter()
            .filter_map(|n| notes.get(n))
            .flatten()
            .cloned()
            .collect();
        ent_notes.sort();
        ent_notes.dedup();
        evidence.sort_by(|a, b| (&a.source, a.start).cmp(&(&b.source, b.start)));
        if surname_named && let Some(last) = name.split_whitespace().last() {
            by_surname.push((built.len(), last.to_lowercase(), by_forms.clone()));
        }
        built.push((
            Entity {
                id: String::new(),
                name,
                kind,
                aliases,
                mentions: evidence,
                notes: ent_notes,
                global: None,
            },
            keys,
        ));
    }
    // A surname that other people of the story also bear ("Anthony LaCalamita", and
    // "Michele LaCalamita" among the bare "LaCalamita"s) does not tell whose it is: such
    // an entity keeps the name its forms give.
    for (i, surname, by_forms) in &by_surname {
        let other_full = built.iter().enumerate().any(|(j, (e, _))| {
            j != *i
                && e.kind == EntityType::PER
                && e.aliases.iter().chain(std::iter::once(&e.name)).any(|a| {
                    let words: Vec<&str> = a.split_whitespace().collect();
                    words.len() >= 2 && words.last().is_some_and(|w| w.to_lowercase() == *surname)
                })
        });
        if other_full && let Some((e, _)) = built.get_mut(*i) {
            e.name = by_forms.clone();
        }
    }
    built.sort_by(|a, b| {
        b.0.mentions
            .len()
            .cmp(&a.0.mentions.len())
            .then_with(|| a.0.name.cmp(&b.0.name))
            .then_with(|| a.1.cmp(&b.1))
    });
    let mut table = EntityTable::default();
    for (i, (mut e, keys)) in built.into_iter().enumerate() {
        e.id = format!("{prefix}e{}", i + 1);
        for k in keys {
            table.by_mention.insert(k, i);
        }
        table.entities.push(e);
    }
    table
}

#[derive(Debug, Clone)]
struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while let Some(&p) = self.parent.get(x) {
            if p == x {
                break;
            }
            let gp = self.parent.get(p).copied().unwrap_or(p);
            if let Some(slot) = self.parent.get_mut(x) {
                *slot = gp;
            }
            x = p;
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let ra = self.find(a);
        let rb = self.find(b);
        if ra != rb {
            let (lo, hi) = (ra.min(rb), ra.max(rb));
            if let Some(slot) = self.parent.get_mut(hi) {
                *slot = lo;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_mostly_named_by_surname_goes_by_the_full_name() {
        let forms = |pairs: &[(&str, usize)]| -> BTreeMap<String, usize> {
            pairs.iter().map(|(f, c)| (f.to_string(), *c)).collect()
        };
        let name = |pairs: &[(&str, usize)]| full_person_name(&forms(pairs));
        assert_eq!(
            name(&[("Brenn", 40), ("Ada Brenn", 9)]).as_deref(),
            Some("Ada Brenn")
        );
        // the longer given name on a tie of word counts, the fuller form when used about
        // as much, never a title
        assert_eq!(
            name(&[("Ruse", 30), ("Tom Ruse", 6), ("Thomas Ruse", 5)]).as_deref(),
            Some("Thomas Ruse")
        );
        assert_eq!(
            name(&[("Varga", 18), ("Olek Varga", 2), ("Olek J. Varga", 1)]).as_deref(),
            Some("Olek J. Varga")
        );
        assert_eq!(
            name(&[("Larsen", 9), ("Sheriff Larsen", 3)]).as_deref(),
            None
        );
        assert_eq!(
            name(&[("Varga", 9), ("J. Olek Varga", 2)]).as_deref(),
            Some("J. Olek Varga")
        );
        // a full name already the most used: nothing to do here
        assert_eq!(name(&[("Ada Brenn", 9), ("Brenn", 4)]), None);
        // through the table: the entity goes by the full name
        let text = "Mayor Ada Brenn spoke. Brenn said the port would reopen. Brenn smiled. \
                    Brenn left. Brenn returned.";
        let d = crate::fixtures::Doc::new("a", None, "t", text)
            .ent("Ada Brenn", EntityType::PER)
            .ent("Brenn", EntityType::PER)
            .done();
        let refs = vec![&d];
        let table = canonical_entities(&refs, &AliasKb::default(), "s1-");
        assert!(
            table.entities.iter().any(|e| e.name == "Ada Brenn"),
            "{:?}",
            table.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
        );
    }

    #[test]
    fn capitalised_common_nouns_are_not_entities() {
        let text = "The city Health department said the health minister and the health \
                    service were ready. Kowal said the bureau was ready.";
        let mut a = crate::fixtures::Doc::new("a", None, "t", text).done();
        for (w, kind) in [("Health", EntityType::ORG), ("Kowal", EntityType::PER)] {
            if let Some(p) = text.find(w) {
                a.entities.push(corroborate_model::EntityMention {
                    start: p,
                    end: p + w.len(),
                    text: w.into(),
                    kind,
                    title: None,
                    canonical: None,
                });
            }
        }
        let counts = word_counts(&[&a]);
        let kb = AliasKb::default();
        assert!(is_capitalised_common_noun(
            "Health",
            EntityType::ORG,
            &counts,
            &kb
        ));
        assert!(!is_capitalised_common_noun(
            "Kowal",
            EntityType::PER,
            &counts,
            &kb
        ));
        assert!(!is_capitalised_common_noun(
            "Health",
            EntityType::LOC,
            &counts,
            &kb
        ));
        let table = canonical_entities(&[&a], &kb, "s1-");
        let names: Vec<&str> = table.entities.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, vec!["Kowal"]);
    }

    use crate::fixtures::{Doc, demo_docs};

    fn table() -> EntityTable {
        let docs = demo_docs();
        let refs: Vec<&Annotations> = docs.iter().filter(|d| d.source.id != "strike").collect();
        canonical_entities(&refs, &AliasKb::default(), "s1-")
    }

    fn entity_of<'a>(t: &'a EntityTable, alias: &str) -> Option<&'a Entity> {
        t.entities
            .iter()
            .find(|e| e.aliases.iter().any(|a| a == alias))
    }

    #[test]
    fn every_entity_is_found_by_its_id() {
        let mut t = table();
        assert!(t.entities.len() > 3);
        for e in &t.entities {
            assert_eq!(t.get(&e.id).map(|x| x.id.as_str()), Some(e.id.as_str()));
        }
        assert!(t.get("s1-e999").is_none());
        assert!(t.get("nothing").is_none());
        // a table reordered by hand is still searched
        t.entities.reverse();
        let first = t.entities.first().map(|e| e.id.clone()).unwrap_or_default();
        assert_eq!(t.get(&first).map(|e| e.id.clone()), Some(first));
    }

    #[test]
    fn folding_variants() {
        assert_eq!(fold_token("Tchaikovsky"), fold_token("Chaikovsky"));
        assert_eq!(fold_token("Tschaikowsky"), fold_token("Tchaikovski"));
        assert!(tokens_match(
            &fold_token("Kharivsk"),
            &fold_token("Kharovsk")
        ));
        assert!(tokens_match(&fold_token("Gaddafi"), &fold_token("Qadhafi")));
        assert!(tokens_match(&fold_token("Kadhafi"), &fold_token("Qadhafi")));
        assert!(tokens_match(
            &fold_token("Hrytsenko"),
            &fold_token("Gritsenko")
        ));
        assert!(!tokens_match(&fold_token("Anna"), &fold_token("Marek")));
        assert_eq!(initials("State Security Bureau"), "ssb");
        assert!(is_acronym("SSB") && !is_acronym("Kowal"));
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn venue_and_city_spellings_merge() {
        let t = table();
        let hall = entity_of(&t, "Tchaikovsky Concert Hall");
        assert!(
            hall.is_some_and(|h| h.aliases.contains(&"Chaikovsky Hall".to_string())
                && h.aliases.contains(&"Tschaikowsky concert hall".to_string())
                && h.kind == EntityType::FAC
                && h.name == "Tchaikovsky Concert Hall")
        );
        let city = entity_of(&t, "Kharivsk");
        assert!(city.is_some_and(|c| c.aliases.contains(&"Kharovsk".to_string())));
    }

    #[test]
    fn short_first_names_and_middle_initials_are_one_person() {
        let v = |a: &str, b: &str| person_variant(&name_tokens(a), &name_tokens(b));
        assert!(v("Fred Larsen", "Frederick Larsen"));
        assert!(v("Frederick C. Larsen", "Frederick Cheney Larsen"));
        assert!(v("Fred C. Larsen", "Frederick Cheney Larsen"));
        assert!(v("Bill Ingmar", "William Ingmar"));
        assert!(!v("Bill Ingmar", "Robert Ingmar"));
        assert!(!v("Anna Kowal", "Marek Kowal"));
        assert!(!v("Ike Larsen III", "Ike Larsen Sr"));
        assert!(!v("Frederick C. Larsen", "Frederick D. Larsen"));
        assert!(
            !v("Eric Larsen", "Erica Larsen"),
            "a prefix is no short form"
        );
        assert!(!v("Max Larsen", "Maxine Larsen"));
        assert!(v("Chris Larsen", "Christopher Larsen"));
        assert!(!v("Chris Larsen", "Christina Larsen"));
        assert!(
            !v("Larsen", "Larsen"),
            "a surname alone is resolved elsewhere"
        );
    }

    #[test]
    fn kowals_stay_apart_and_surname_resolves_in_document() {
        let t = table();
        let anna = entity_of(&t, "Anna Kowal");
        let marek = entity_of(&t, "Marek Kowal");
        assert!(anna.is_some() && marek.is_some());
        assert_ne!(anna.map(|e| &e.id), marek.map(|e| &e.id));
        // "Kowal cancelled the next concert" is in the gazette, where only Marek appears.
        assert!(marek.is_some_and(|m| m.aliases.contains(&"Kowal".to_string())));
        assert!(anna.is_some_and(|a| !a.aliases.contains(&"Kowal".to_string())));
    }

    #[test]
    fn transliterated_people_and_acronyms() {
        let t = table();
        let spokesman = entity_of(&t, "Dmytro Hrytsenko");
        assert!(spokesman.is_some_and(|e| e.aliases.contains(&"Dmitry Gritsenko".to_string())));
        let minister = entity_of(&t, "Irina Voloshyna");
        assert!(
            minister.is_some_and(|e| e.aliases.contains(&"Irina Volosina".to_string())
                && e.aliases.contains(&"Voloshyna".to_string()))
        );
        let nlf = entity_of(&t, "NLF");
        assert!(nlf.is_some_and(|e| e.name == "Northern Liberation Front"));
        let ssb = entity_of(&t, "SSB");
        assert!(ssb.is_some_and(|e| {
            e.name == "State Security Bureau"
                && e.aliases.contains(&"State Statistics Bureau".to_string())
                && e.notes
                    .iter()
                    .any(|n| n.starts_with("probable mistranslation") && n.contains("bulletin"))
        }));
        // Lookup helpers.
        let id = t.find_by_name("Dmitry Gritsenko");
        assert_eq!(id, spokesman.map(|e| e.id.as_str()));
        for e in &t.entities {
            for m in &e.mentions {
                assert!(!m.text.is_empty());
            }
        }
    }

    #[test]
    fn place_name_does_not_join_an_organisation_named_after_it() {
        let d = Doc::new(
            "a",
            Some("2023-06-05"),
            "t",
            "Dockers in Valmora struck. The Valmora Harbour Authority said Valmora would cope.",
        )
        .ent("Valmora Harbour Authority", EntityType::ORG)
        .ent("Valmora", EntityType::ORG)
        .done();
        let t = canonical_entities(&[&d], &AliasKb::default(), "");
        assert_eq!(t.entities.len(), 2);
    }

    #[test]
    fn an_acronym_spelled_letter_by_letter_is_no_mistranslation() {
        let a = Doc::new(
            "a",
            Some("2031-06-04"),
            "t",
            "The District Attorney filed charges. The DA said the police attack was planned.",
        )
        .ent("District Attorney", EntityType::ORG)
        .ent("DA", EntityType::ORG)
        .done();
        let b = Doc::new(
            "b",
            Some("2031-06-05"),
            "t",
            "The D. A said the gunman shot the officer. The District Attorney agreed. \
             DA Alvarez said the attack was planned.",
        )
        .ent("D. A", EntityType::ORG)
        .ent("DA Alvarez", EntityType::ORG)
        .ent("District Attorney", EntityType::ORG)
        .done();
        let t = canonical_entities(&[&a, &b], &AliasKb::default(), "");
        let da = entity_of(&t, "District Attorney");
        assert!(t.entities.iter().all(|e| e.notes.is_empty()), "{t:?}");
        assert!(
            da.is_some_and(|e| e.aliases.contains(&"D. A".to_string())),
            "{t:?}"
        );
        assert!(da.is_some_and(|e| e.notes.is_empty()), "{da:?}");
        // a name that holds the acronym is another entity, not an alias
        assert!(
            da.is_some_and(|e| !e.aliases.contains(&"DA Alvarez".to_string())),
            "{da:?}"
        );
    }

    #[test]
    fn kb_aliases_merge() {
        let kb = AliasKb::parse(
            "# comment\nDoravian Railways\tORG\tDR|Doravia Rail\nbad line\nX\tWHAT\ty\n",
        );
        assert_eq!(kb.entries().len(), 1);
        assert_eq!(kb.problems().len(), 2);
        let d = Doc::new(
            "a",
            Some("2023-06-04"),
            "t",
            "Doravia Rail said trains ran. Doravian Railways confirmed it.",
        )
        .ent("Doravia Rail", EntityType::ORG)
        .ent("Doravian Railways", EntityType::ORG)
        .done();
        let t = canonical_entities(&[&d], &kb, "");
        assert_eq!(t.entities.len(), 1);
        assert_eq!(
            t.entities.first().map(|e| e.name.as_str()),
            Some("Doravian Railways")
        );
    }
}
