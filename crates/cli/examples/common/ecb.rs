//! Reading ECB+ CAT XML for the evaluation examples: a document's text rebuilt from
//! its tokens (joined by spaces, one sentence a line) and where each token went.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// The value of attribute `key` in the start of an XML tag.
pub fn attr<'a>(s: &'a str, key: &str) -> Option<&'a str> {
    let k = format!("{key}=\"");
    let at = s.find(&k)? + k.len();
    let rest = s.get(at..)?;
    rest.get(..rest.find('"')?)
}

/// XML character entities decoded.
pub fn decode(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The lines of one document (a sentence each) and the line of every token id.
pub fn rebuild(xml: &str) -> (Vec<String>, HashMap<String, usize>) {
    let mut lines: Vec<String> = Vec::new();
    let mut line_of_sentence: HashMap<String, usize> = HashMap::new();
    let mut line_of_token: HashMap<String, usize> = HashMap::new();
    for part in xml.split("<token ").skip(1) {
        let (Some(t_id), Some(sentence)) = (attr(part, "t_id"), attr(part, "sentence")) else {
            continue;
        };
        let Some(word) = part
            .split_once('>')
            .and_then(|(_, r)| r.split_once("</token>"))
            .map(|(w, _)| decode(w))
        else {
            continue;
        };
        let li = *line_of_sentence
            .entry(sentence.to_string())
            .or_insert_with(|| {
                lines.push(String::new());
                lines.len() - 1
            });
        line_of_token.insert(t_id.to_string(), li);
        if let Some(l) = lines.get_mut(li) {
            if !l.is_empty() {
                l.push(' ');
            }
            l.push_str(&word);
        }
    }
    (lines, line_of_token)
}

/// The development documents of ECB+ under `dir` by topic (1-35; topics 36-45, the test
/// split, are never read), each topic's XML files sorted.
#[allow(dead_code)]
pub fn dev_topics(dir: &Path) -> BTreeMap<u32, Vec<PathBuf>> {
    let mut out: BTreeMap<u32, Vec<PathBuf>> = BTreeMap::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for t in entries.flatten() {
        let Some(n) = t.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) else {
            continue;
        };
        if !(1..=35).contains(&n) {
            continue; // topics 36-45 are the test split
        }
        let Ok(files) = std::fs::read_dir(t.path()) else {
            continue;
        };
        let mut v: Vec<PathBuf> = files
            .flatten()
            .map(|f| f.path())
            .filter(|p| p.extension().is_some_and(|e| e == "xml"))
            .collect();
        v.sort();
        out.insert(n, v);
    }
    out
}
