//! Development aid: prints, for every snippet of the evaluation set, whether it is a
//! `with` or `without` snippet and the class chain of its text node.
use std::path::PathBuf;

fn main() {
    let dir = PathBuf::from("/work/shared/data/cleaning/trafilatura-eval");
    let Ok(raw) = std::fs::read_to_string(dir.join("evaldata.json")) else {
        println!("data absent");
        return;
    };
    let Ok(serde_json::Value::Object(data)) = serde_json::from_str::<serde_json::Value>(&raw)
    else {
        return;
    };
    for (_, e) in data.iter() {
        let Some(file) = e.get("file").and_then(|f| f.as_str()) else {
            continue;
        };
        let Some(bytes) = ["cache", "eval"]
            .iter()
            .map(|d| dir.join(d).join(file))
            .find_map(|p| std::fs::read(p).ok())
        else {
            continue;
        };
        let html = String::from_utf8_lossy(&bytes);
        for kind in ["with", "without"] {
            for s in e
                .get(kind)
                .and_then(|v| v.as_array())
                .into_iter()
                .flatten()
                .filter_map(|s| s.as_str())
            {
                if let Some(c) = corroborate_clean::debug_ancestors(&html, s) {
                    println!(
                        "{kind}\t{file}\t{c}\t{}",
                        s.split_whitespace().collect::<Vec<_>>().join(" ")
                    );
                }
            }
        }
    }
}
