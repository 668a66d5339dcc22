//! The Markdown report: snapshot of the demo dossier, escaping of hostile strings.

mod common;

use corroborate_report::to_markdown;

#[test]
fn sample_markdown_snapshot() {
    insta::assert_snapshot!("sample_markdown", to_markdown(&common::sample()));
}

#[test]
fn sample_markdown_has_every_section() {
    let md = to_markdown(&common::sample());
    for needle in [
        "## Kharivsk concert hall bombing",
        "### Summary",
        "A bomb killed at least 58 people at the Tchaikovsky Concert Hall in Kharivsk on 3 June 2023; the toll later rose to 64.[1][2]",
        "Marvania denied any involvement.[3][4][1]",
        "1. **Meridian Press Agency**, *Bomb kills 58 at Kharivsk concert hall*: “A bomb killed at least 58 people”",
        "| 2019 | *(background)* Market bombing killed 23 people | 1 |",
        "| 2023-06-04 (inferred) | NLF claims the attack | 2 |",
        "| undated | Investigation opened | 0 |",
        "| **CONTESTED** |",
        "**EVOLVING**",
        "**64** (as of 2023-06-06; Kharovsk Vestnik) — latest |",
        "## Valmora port strike\n\n1 source · 1 event · 0 claims · 0 entities · 0 quotes\n",
        "**at least 58** (as of 2023-06-04; Meridian Press Agency, Doravia Daily Herald (1 independent))<br>",
        "**the NLF is responsible** (per NLF; undated; Kharovsk Vestnik, The Northern Observer)",
        "- **State Security Bureau** (1 mention, 1 source) — also: State Statistics Bureau, SSB",
        "  - ⚠ \"State Statistics Bureau\" in mt1 is a probable mistranslation of SSB",
        "- “We will find them,” — Anna Kowal (2 sources: Meridian Press Agency, Doravia Daily Herald)",
        "- “acted alone” — unattributed (1 source: Kharovsk Vestnik)",
        "## Sources",
        "- published: 2023-06-04 – 2023-06-06 (inferred)",
        "- published: 2023-06-04 (url)",
        "  - **near\\_duplicate**: 98% shingle overlap with mpa1",
        "- copy of: Meridian Press Agency (`mpa1`)",
        "  - related\\_links ×2: “Read more: Port strike \\| Valmora”, “More: Weather”",
        "- cleaning removed 4 items:",
        "## Skipped inputs",
        "- corpus/demo/broken.pdf: unsupported format",
    ] {
        assert!(md.contains(needle), "missing {needle:?}\n---\n{md}");
    }
}

/// Number of unescaped `|` in a line.
fn cells(line: &str) -> usize {
    let mut n = 0;
    let mut prev = ' ';
    for c in line.chars() {
        if c == '|' && prev != '\\' {
            n += 1;
        }
        prev = if prev == '\\' && c == '\\' { ' ' } else { c };
    }
    n
}

/// The text outside inline code spans (whose content Markdown shows literally).
fn outside_code(md: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in md.chars() {
        if c == '`' {
            inside = !inside;
        } else if !inside {
            out.push(c);
        }
    }
    out
}

#[test]
fn hostile_markdown_is_inert() {
    let full = to_markdown(&common::hostile());
    assert!(full.contains("- id: `<b>id</b>`"));
    let md = outside_code(&full);
    assert!(!md.contains("<script>"));
    assert!(!md.contains("<img"));
    assert!(md.contains("\\<script\\>alert(1)\\</script\\>"));
    assert!(!md.contains("](javascript"));
    // Table rows keep their shape despite pipes and newlines in the strings.
    for line in md.lines().filter(|l| l.starts_with('|')) {
        let n = cells(line);
        assert!(n == 4 || n == 5, "row broken ({n} pipes): {line}");
    }
}

#[test]
fn empty_dossier_markdown() {
    let d = corroborate_model::Dossier {
        schema: corroborate_model::DOSSIER_SCHEMA.into(),
        sources: Vec::new(),
        stories: Vec::new(),
        skipped: Vec::new(),
    };
    assert_eq!(to_markdown(&d), "# Dossier\n\n0 sources, 0 stories.\n");
}

#[test]
fn entities_shared_across_stories_point_to_each_other() {
    let mut d = common::sample();
    // give one entity of each story the same cross-story id
    for st in d.stories.iter_mut() {
        if let Some(e) = st.entities.first_mut() {
            e.global = Some("g-shared".into());
        }
    }
    if d.stories.iter().any(|s| s.entities.is_empty()) {
        let Some(e) = d.stories.first().and_then(|s| s.entities.first()).cloned() else {
            panic!("sample has no entity");
        };
        if let Some(st) = d.stories.get_mut(1) {
            st.entities.push(e);
        }
    }
    let md = to_markdown(&d);
    assert!(md.contains("also in story 2"), "{md}");
    assert!(md.contains("also in story 1"), "{md}");
    let html = corroborate_report::to_html(&d);
    assert!(html.contains("also in <a href=\"#story-2\">story 2</a>"));
}
