//! Line-level boilerplate removal shared by [`crate::clean_text`] and [`crate::clean_html`].
//!
//! The input is a list of blocks (paragraphs); each block is a list of lines. Every
//! rule looks at one line (or a run of lines) and, when it fires, the line is dropped
//! and recorded with its reason.

use std::sync::LazyLock;

use corroborate_model::Removed;
use regex::Regex;

/// Longest removed text kept in [`Removed::text`], in bytes (cut on a char boundary).
pub(crate) const MAX_REMOVED: usize = 300;

/// Truncates `s` to about [`MAX_REMOVED`] bytes on a char boundary, collapsing whitespace.
pub(crate) fn removed_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len().min(MAX_REMOVED + 4));
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
        if out.len() >= MAX_REMOVED {
            break;
        }
    }
    if out.len() > MAX_REMOVED {
        let mut cut = MAX_REMOVED;
        while cut > 0 && !out.is_char_boundary(cut) {
            cut -= 1;
        }
        out.truncate(cut);
        out.push('…');
    }
    out
}

/// Pushes a removal record when the text is not blank.
pub(crate) fn push_removed(removed: &mut Vec<Removed>, text: &str, reason: &str) {
    let t = removed_text(text);
    if !t.is_empty() {
        removed.push(Removed {
            text: t,
            reason: reason.to_string(),
        });
    }
}

macro_rules! re {
    ($name:ident, $pat:expr) => {
        static $name: LazyLock<Option<Regex>> = LazyLock::new(|| {
            regex::RegexBuilder::new($pat)
                .dfa_size_limit(8 << 20)
                .build()
                .ok()
        });
    };
}

fn is_match(re: &LazyLock<Option<Regex>>, s: &str) -> bool {
    re.as_ref().is_some_and(|r| r.is_match(s))
}

/// Longest line end (in chars) that the end-anchored credit patterns can match.
const TAIL_CHARS: usize = 120;

/// The last [`TAIL_CHARS`] characters of `s` (all of it when shorter), for
/// end-anchored patterns: scanning a whole paragraph for them is slow.
fn line_end(s: &str) -> &str {
    match s.char_indices().rev().nth(TAIL_CHARS) {
        Some((i, _)) => s.get(i..).unwrap_or(s),
        None => s,
    }
}

re!(
    RELATED,
    r"(?i)^(related( articles?| stories| story| coverage| content| posts?| links?| news| topics?| reading)?|read more|read next|read also|also read|see also|more on (this|that)( story| topic)?|more from|recommended( for you| stories| reading)?|you (may|might) also (like|be interested)|lesen sie (auch|mehr)|mehr zum thema|auch lesen|weiterlesen|das könnte sie auch interessieren|weitere artikel|zum thema|lire aussi|à lire aussi|leggi anche|czytaj (też|także|również)|lea (también|más|además)|lee también|vea (también|además)|mire|mira|puedes ver|le puede interesar|te puede interesar|también te puede interesar|notas relacionadas|noticias relacionadas|artículos relacionados|schon gelesen|verwandte (themen|artikel|beiträge)\w*|sie könnten auch|das könnte (dich|sie) auch|passend zum thema|weitere (beiträge|themen|nachrichten|informationen)$|vorschau auf den nächsten artikel|nächster artikel|vorheriger artikel|next (article|post|story)|previous (article|post|story)|zum weiterlesen|more (articles|stories|posts)( from| about| on)?)((?-u:\b)|:|$)"
);
re!(
    SOURCE_FOOTER,
    r"(?i)^((source|sources|quelle|quellen|fuente|źródło)\s*:|originally published (at|on|in|by)(?-u:\b)|this (article|story|post) (was )?(originally|first) (appeared|published)|(the|this) (article|story) first appeared)"
);
re!(
    BYLINE,
    r"^(?:[Bb]y|BY)\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|van|von|de|da|del|der|di|le|la|bin|al)){0,4}(?:\s*(?:,|and|&|und)\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,4})*(?:\s*[,|–—-]\s*[\p{L} .'’-]{0,60})?$"
);
re!(
    BYLINE_CREDITS,
    r"(?i)^\(?\s*(additional )?(reporting|writing|editing|research|compiled|graphics) by(?-u:\b)"
);
re!(
    META_LINE,
    r"(?i)^((über den autor|über die autorin|about the author)\s*:?|this (entry|article) was posted(?-u:\b).{0,200}|(posted|published|updated|erstellt|veröffentlicht|aktualisiert|last modified|release date|datum|stand)( am| on| at)?\s*:?\s*[\d\p{L} ,.:/-]{0,40})$"
);
re!(
    AUTHOR_BIO,
    r"^\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3}\s+(?:is|was|has been|works as)\s+(?:a|an|the|our)(?-u:\b)[^.]{0,160}(?-u:\b)(?:reporter|correspondent|journalist|writer|editor|columnist|contributor|author|freelancer|producer|analyst|blogger)s?(?-u:\b)"
);
re!(
    CREDIT,
    r"(?i)^(\(\s*)?(photo|photos|image|images|picture|pictures|photograph|foto|fotos|bild|bilder|credit|credits|photo credit|image credit|illustration|video|quelle foto)\s*(\([^)]{0,30}\))?\s*:[^\n]{0,200}$"
);
re!(
    CREDIT_BY,
    r"(?i)^(photo|image|picture|photograph|foto)s?\s+(by|courtesy of|von)\s+[^\n]{1,120}$"
);
re!(
    CREDIT_AGENCY,
    r"(?:^|\s)/\s*(?:AFP|Reuters|REUTERS|AP|Getty Images|Getty|dpa|EPA|EPA-EFE|Shutterstock|picture alliance|imago|Xinhua|ANP|PA|PA Images|Anadolu)(?:\s*(?:/|via)\s*[\p{L} .-]{1,40})*\s*\)?$"
);
re!(
    SHARE,
    r"(?i)^(share( this| on| via| the| article| story| post| page)?|sharing is caring|tweet( this)?|follow (us|me)( on [\p{L} ]{1,40})?|click to (share|tweet|print|email)|pin it|email this|teilen|jetzt teilen|artikel teilen|partager|compartir|udostępnij|síguenos|siguenos|folge uns|folgen sie uns|suivez-nous|if you (enjoyed|liked) (reading )?this (post|article|story)|you can (keep up|follow) (with )?(me|us) on|(find|follow|join) us on (facebook|twitter|instagram|telegram|youtube|linkedin))(?-u:\b)"
);
re!(
    SHARE_ARTICLE,
    r"(?i)^((diesen |den )?(artikel|beitrag|seite) (mit anderen )?(teilen|empfehlen|drucken)\S*|möchten sie (den|diesen) (artikel|beitrag) teilen\??|war (der|dieser) (artikel|beitrag) (nützlich|hilfreich)\??|was this (article|page|post) (helpful|useful)\??|share (this|the) (article|story|post|page)\S*|\d+ min(ute)?s? read|lesezeit:? \d+ min\w*)$"
);
re!(
    SHARE_WORD,
    r"(?i)^(facebook|twitter|x|whatsapp|telegram|email|e-mail|mail|pinterest|linkedin|reddit|xing|flipboard|print|drucken|copy link|link kopieren|messenger|threads|bluesky|mastodon|tumblr)$"
);
re!(
    NEWSLETTER,
    r"(?i)(^(sign up|signup|subscribe|subscribing|get (our|the) [\p{L} ]{0,30}newsletter|jetzt abonnieren|newsletter abonnieren|zum newsletter|abonnieren sie)(?-u:\b)|(?-u:\b)(sign up|subscribe)(?-u:\b).{0,80}(?-u:\b)(newsletter|inbox|email|e-mail|updates|alerts)(?-u:\b)|^newsletter$)"
);
re!(
    MEMBERSHIP,
    r"(?i)^(become an? (member|subscriber|supporter|patron)|support (our|independent|quality|local) (journalism|reporting|work)|already an? (member|subscriber)|donate (now|today)|make a (donation|contribution)|join (now|today)|unterstütze[n]? (sie )?(uns|unsere arbeit)|jetzt unterstützen|this (content|article) is (for|available to) (members|subscribers)|subscribe to (continue|read)|hazte (miembro|socio)|suscríbete|únete|unterstütze\S* \p{L}+|werde (mitglied|unterstützer\S*)|to (view|read|continue reading) the full (story|article).{0,120}|if you('|’)re (seeing this message|already a subscriber).{0,200}|already have an account\??.{0,60}|(log|sign) in to (read|continue|view).{0,80})"
);
re!(
    COMMENTS,
    r"(?i)(comments are (closed|disabled)|your comment will appear|leave a (comment|reply)|post a comment|add a comment|be the first to comment|log ?in to (comment|reply)|^\d+\s+(comments?|kommentare?|responses?|replies)$|^(comments?|kommentare?|kommentieren|no comments( yet)?|keine kommentare|join the discussion|show comments|view comments|reply|antworten)$|kommentar (schreiben|verfassen)|schreibe einen kommentar|you must be logged in to post)"
);
re!(
    NAVIGATION,
    r"^(?:[^›»>|/\n]{1,40}\s*[›»>|]\s*){2,}[^›»>|\n]{1,60}$"
);
re!(
    BOILERPLATE,
    r"(?i)^(advertisement|anzeige|werbung|publicité|sponsored( content)?|skip to (main )?content|zum inhalt springen|back to top|nach oben|print this (page|article)|all rights reserved\.?|copyright(?-u:\b).{0,120}|.{0,80}(copyrighted (property|material)|all rights reserved|alle rechte vorbehalten|todos los derechos reservados|tous droits réservés|written permission must be obtained).{0,150}|©.{0,120}|we use cookies.{0,300}|this (website|site) uses cookies.{0,300}|(accept|allow) (all )?cookies|cookie (settings|policy|einstellungen)|diese (website|seite) verwendet cookies.{0,300}|loading\.*|wird geladen\.*|please enable javascript.{0,100})$"
);
re!(
    DATE_ONLY,
    r"(?i)^(?:(?:posted|published|updated|erstellt|veröffentlicht|aktualisiert|opublikowano|publicado|publié)(?: am| on| le| el)?\s*:?\s*)?(?:\p{L}{2,12},?\s+)?(?:\d{1,2}\.?\s*(?:\d{1,2}\.|\p{L}{3,10}\.?)\s*\d{2,4}|\p{L}{3,10}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2})(?:\s*[,|–-]?\s*(?:um\s+)?\d{1,2}[:.]\d{2}(?:\s*(?:uhr|am|pm|h))?)?$|^\d{1,2}[:.]\d{2}\s*(?:uhr|am|pm|h)?$"
);
re!(
    TAGS_LINE,
    r"(?i)^(kategorie|kategorien|category|categories|tags?|schlagwörter|schlagworte?|stichwörter|themen|rubrik|filed under|posted in|veröffentlicht in|abgelegt unter)\s*:"
);
re!(
    NAV_LINE,
    r"(?i)^(inhaltsverzeichnis|table of contents|contents|inhalt|zurück( zu[rm]?)?( \p{L}+){0,3}|back to( \p{L}+){1,3}|zur übersicht|previous|next|vorherige[rs]?|nächste[rs]?|weiter|zurück|seite \d+( von \d+)?|page \d+( of \d+)?)$"
);
re!(
    AD_DISCLOSURE,
    r"(?i)^(\*?werbung(?-u:\b).{0,120}|anzeige(?-u:\b).{0,80}|(dieser|der) (beitrag|artikel) enthält (werbung|affiliate).{0,120}|this (post|article) contains (affiliate|references to products).{0,200}|(als|as) pdf (herunterladen|download)|download (as )?pdf|pdf herunterladen|drucken|print)$"
);
re!(
    CAPTION_CREDIT,
    r"(?i)\((?:foto|photo|bild|image|picture|quelle|credit|crédito|fuente|source)s?\s*:[^)]{1,80}\)\s*$"
);
re!(
    RELATED_MORE,
    r"(?i)^((das (ist|war) )?auch interessant|ebenfalls interessant|ähnliche (beiträge|artikel|themen|posts)|weitere (beiträge|artikel|texte|folgen|rezepte)(\s+\p{L}+){0,4}|mehr (zu|zum|zur|über)(\s+[\p{L}&-]+){1,4}|lea|léase|lee|leia|lire|lesen sie hier|lies auch|czytaj|zobacz( (też|także|również))?|więcej|see more|mehr dazu|dazu passend|passend dazu|dowiedz się więcej|empfohlene (artikel|beiträge))\s*(:.{0,200}|…|\.\.\.)?$"
);
re!(
    BOILER_MORE,
    r"(?i)^(.{0,60}(?-u:\b))?\d+\s*(min|mins|minutes?|minuten|minut|minuty)\.?\s*(read|czytania|lesezeit|lesen|de lecture|de lectura|di lettura)$|^(lesezeit|reading time|czas czytania|temps de lecture|tiempo de lectura)\s*:?\s*\d+.{0,20}$|^ten tekst przeczytasz.{0,40}$|^(permalink|permalien|kurz-url|short ?url|shortlink)(?-u:\b).{0,80}$|^.{0,40}(?-u:\b)\d+\s*(bis|to|-|–)\s*\d+\s*(von|of|de|z)\s*(insgesamt\s*)?\d+(?-u:\b).{0,40}$|^(externer inhalt|advertisement\s*:|anzeige\s*:|sie müssen (sich )?(einloggen|angemeldet sein|registriert sein).{0,120}|sie sind (aktuell |derzeit |nicht )?(nicht )?(eingeloggt|angemeldet)\.?|keine kommentare.{0,100}|bild (anzeigen|vergrößern)( bild schließen)?|vergrößern|rezept (drucken|speichern).{0,60}|(dieses?|den|diesen) (skript|artikel|beitrag|rezept|text) als pdf (herunterladen|drucken)|\(?alle angaben ohne gewähr\)?\.?|les opinions exprimées.{0,160}|the views expressed.{0,200}|die meinung des autors.{0,160}|bei (diesem beitrag|diesem text) handelt es sich um.{0,160})$"
);
re!(
    DISCLOSURE_PAY,
    r"(?i)(provision|commission|compensation|vergütung|affiliate|werbelinks?|partnerlinks?)(?-u:\b)"
);
re!(
    DISCLOSURE_LINK,
    r"(?i)(?-u:\b)(links?|click\w*|klick\w*|kauf\w*|purchase\w*|händler|partners?)(?-u:\b)"
);
re!(
    DISCLOSURE,
    r"(?i)(?-u:\b)((gibt|spiegelt) (nur )?die (persönliche )?meinung (des|der) (autors|autorin|verfassers)|do(es)? not (necessarily )?reflect the (views|opinions?)|n'engagent que|not responsible for the (opinions|content|views)|ohne (dein|ihr) einverständnis|einwilligung widerrufen|datenschutzerklärung|reportar errores|(der|dieser) (beitrag|eintrag|artikel) wurde am .{0,80}(veröffentlicht|erstellt))"
);
re!(
    FIGURE_LABEL,
    r"(?i)^(abbildung|abb\.|figure|fig\.|grafik|bild|foto|photo|illustration|ilustración|imagen|zdjęcie)\s*\d{0,3}\s*:\s*\S"
);
re!(
    CAPTION_TAIL,
    r"(?i)(?:(?:^|[\s,.;(|])(?:foto|fot|photo|photos|bild|image|zdjęcie|źródło|quelle|credit|crédito|imagen|photographie)s?\.?\s*:\s*[^.:!?]{1,60}|©\s*[^.!?]{1,60}|\s/\s?\p{L}[\p{L}. -]{0,40}\p{L}|\([^()]{1,40}\s/\s[^()]{1,40}\))$"
);
re!(
    COPYRIGHT,
    r"(?i)(^(©|\(c\)|copyright)\s|copyrighted (property|material)|all rights reserved|alle rechte vorbehalten|todos los derechos reservados|tous droits réservés|written permission|materiał chroniony prawem|without (written )?permission|^(was sind|über) cookies|cookies? (settings|policy|richtlinie)|(artikel|beitrag) gefallen\?|vergiss nicht zu teilen|^beitragsbild(?-u:\b))"
);
re!(
    LIST_LABEL,
    r"(?i)^(most (read|popular|viewed|shared)|popular( now| stories| posts)?|trending( now| stories)?|top stories|more stories|more news|latest( news| stories)?|recommended|read next|don'?t miss|editor'?s picks|meistgelesen|am meisten gelesen|beliebt|neueste artikel|weitere meldungen|top-themen)\s*:?$"
);

/// Classifies one line (already trimmed). `bio_ok` allows the trailing author-bio rule.
pub(crate) fn classify_line(line: &str, bio_ok: bool) -> Option<&'static str> {
    let len = line.len();
    if len == 0 {
        return None;
    }
    let short = len <= 220;
    if short && is_match(&COMMENTS, line) {
        return Some("comments");
    }
    if short && (is_match(&RELATED, line) || (is_match(&RELATED_MORE, line))) {
        return Some("related_links");
    }
    if short && is_match(&SOURCE_FOOTER, line) {
        return Some("source_footer");
    }
    if len <= 90 && is_match(&BYLINE, line) {
        return Some("byline");
    }
    if len <= 300 && is_match(&BYLINE_CREDITS, line) {
        return Some("byline");
    }
    if len <= 220 && is_match(&META_LINE, line) {
        return Some("byline");
    }
    if bio_ok && len <= 400 && is_match(&AUTHOR_BIO, line) {
        return Some("author_bio");
    }
    if short && (is_match(&CREDIT, line) || is_match(&CREDIT_BY, line)) {
        return Some("credit");
    }
    if len <= 160 && is_match(&CREDIT_AGENCY, line_end(line)) && !ends_sentence(line) {
        return Some("credit");
    }
    if len <= 120
        && (is_match(&SHARE, line) || is_match(&SHARE_WORD, line) || is_match(&SHARE_ARTICLE, line))
    {
        return Some("share_prompt");
    }
    if short && is_match(&NEWSLETTER, line) {
        return Some("newsletter");
    }
    if short && is_match(&MEMBERSHIP, line) {
        return Some("membership");
    }
    if len <= 80 && is_match(&DATE_ONLY, line) {
        return Some("dateline");
    }
    if len <= 200 && is_match(&TAGS_LINE, line) {
        return Some("tags");
    }
    if len <= 60 && is_match(&NAV_LINE, line) {
        return Some("navigation");
    }
    if short && is_match(&AD_DISCLOSURE, line) {
        return Some("boilerplate");
    }
    if len <= 250 && is_match(&FIGURE_LABEL, line) {
        return Some("caption");
    }
    if len <= 200 && (is_match(&CAPTION_CREDIT, line) || is_match(&CAPTION_TAIL, line_end(line))) {
        return Some("credit");
    }
    if len <= 160 && is_match(&NAVIGATION, line) && !ends_sentence(line) {
        return Some("navigation");
    }
    if len <= 400 && is_match(&COPYRIGHT, line) {
        return Some("boilerplate");
    }
    if len <= 400
        && (is_match(&DISCLOSURE, line)
            || (is_match(&DISCLOSURE_PAY, line) && is_match(&DISCLOSURE_LINK, line)))
    {
        return Some("boilerplate");
    }
    if short && (is_match(&BOILERPLATE, line) || is_match(&BOILER_MORE, line)) {
        return Some("boilerplate");
    }
    None
}

/// Whether a line ends like a sentence (final punctuation or closing quote).
pub(crate) fn ends_sentence(line: &str) -> bool {
    matches!(
        line.trim_end().chars().next_back(),
        Some(
            '.' | '!'
                | '?'
                | '"'
                | '”'
                | '“'
                | '’'
                | '‘'
                | '»'
                | '«'
                | '…'
                | ')'
                | ':'
                | ';'
                | '。'
                | '\''
        )
    )
}

/// Whether a line looks like a headline in a list: short, several words, no final
/// punctuation, starting with an upper-case letter or a digit.
fn title_like(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (2..=16).contains(&words)
        && line.len() <= 140
        && !ends_sentence(line)
        && line
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '"' || c == '„')
}

/// Normalises a line for headline comparison.
pub(crate) fn norm_title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in w.chars() {
            out.extend(c.to_lowercase());
        }
    }
    out.trim_end_matches(['.', '!', ':', ' ']).to_string()
}

/// Filters `blocks` (each a list of lines) in place order, returning kept blocks.
///
/// `title` enables the repeated-headline rule; returns whether it fired.
pub(crate) fn filter_blocks(
    blocks: Vec<Vec<String>>,
    title: Option<&str>,
    removed: &mut Vec<Removed>,
) -> (Vec<Vec<String>>, bool) {
    let (kept, _, repeated) = filter_blocks_src(blocks, title, &[], removed);
    (kept, repeated)
}

/// [`filter_blocks`] that also returns, for each kept block, the index of the input
/// block it comes from. Blocks marked in `listed` (list items and table cells of an
/// HTML page, aligned with `blocks`, may be shorter) are never taken for an unlabelled
/// trailing headline list; with a non-empty `listed` (HTML), neither are runs of
/// numbered lines.
pub(crate) fn filter_blocks_src(
    blocks: Vec<Vec<String>>,
    title: Option<&str>,
    listed: &[bool],
    removed: &mut Vec<Removed>,
) -> (Vec<Vec<String>>, Vec<usize>, bool) {
    // Flatten to (block index, line) to find runs across blocks.
    let mut lines: Vec<(usize, String, bool)> = Vec::new();
    for (bi, b) in blocks.into_iter().enumerate() {
        for l in b {
            let t = l.trim();
            if !t.is_empty() {
                let is_listed = listed.get(bi).copied().unwrap_or(false);
                lines.push((bi, t.to_string(), is_listed));
            }
        }
    }
    let n = lines.len();
    let mut reason: Vec<Option<&'static str>> = vec![None; n];
    let mut repeated = false;

    // Repeated headline: the first body line equals the title.
    if let (Some(t), Some(first)) = (title, lines.first()) {
        let nt = norm_title(t);
        if !nt.is_empty() && norm_title(&first.1) == nt {
            reason[0] = Some("repeated_headline");
            repeated = true;
        }
    }

    // Position of the last line that reads like body text, for trailing rules.
    let last_body = lines
        .iter()
        .rposition(|(_, l, _)| ends_sentence(l) && l.split_whitespace().count() >= 8)
        .unwrap_or(0);

    for (i, (_, l, _)) in lines.iter().enumerate() {
        if reason[i].is_some() {
            continue;
        }
        let bio_ok = i + 3 >= n || i > last_body;
        reason[i] = classify_line(l, bio_ok);
    }

    // Headline lists: a label followed by title-like lines, or a trailing run of 3+.
    let mut i = 0;
    while i < n {
        let labelled =
            is_match(&LIST_LABEL, &lines[i].1) && reason[i].is_none_or(|r| r == "related_links");
        let start = if labelled { i + 1 } else { i };
        let mut j = start;
        while j < n && reason[j].is_none() && title_like(&lines[j].1) {
            j += 1;
        }
        let run = j - start;
        let trailing = start > last_body
            && (j == n
                || lines[j..]
                    .iter()
                    .enumerate()
                    .all(|(k, _)| reason[j + k].is_some()));
        let listed_run = run > 0
            && lines[start..j].iter().all(|(_, t, l)| {
                // HTML only: numbered lines are list content (rankings, steps).
                *l || (!listed.is_empty() && t.chars().next().is_some_and(|c| c.is_ascii_digit()))
            });
        if (labelled && run >= 1) || (run >= 3 && trailing && !listed_run) {
            if labelled {
                reason[i] = Some("headline_list");
            }
            for r in reason.iter_mut().take(j).skip(start) {
                *r = Some("headline_list");
            }
            i = j.max(i + 1);
        } else if labelled {
            reason[i] = Some("headline_list");
            i += 1;
        } else {
            i = j.max(i + 1);
        }
    }

    let mut out: Vec<Vec<String>> = Vec::new();
    let mut src: Vec<usize> = Vec::new();
    let mut cur_block = usize::MAX;
    for (k, (bi, l, _)) in lines.into_iter().enumerate() {
        if let Some(r) = reason[k] {
            push_removed(removed, &l, r);
            continue;
        }
        if bi != cur_block || out.is_empty() {
            out.push(Vec::new());
            src.push(bi);
            cur_block = bi;
        }
        if let Some(b) = out.last_mut() {
            b.push(l);
        }
    }
    (out, src, repeated)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(s: &str) -> Option<&'static str> {
        classify_line(s, true)
    }

    #[test]
    fn every_regex_compiles() {
        for (name, re) in [
            ("RELATED", &RELATED),
            ("SOURCE_FOOTER", &SOURCE_FOOTER),
            ("BYLINE", &BYLINE),
            ("BYLINE_CREDITS", &BYLINE_CREDITS),
            ("META_LINE", &META_LINE),
            ("AUTHOR_BIO", &AUTHOR_BIO),
            ("CREDIT", &CREDIT),
            ("CREDIT_BY", &CREDIT_BY),
            ("CREDIT_AGENCY", &CREDIT_AGENCY),
            ("SHARE", &SHARE),
            ("SHARE_ARTICLE", &SHARE_ARTICLE),
            ("SHARE_WORD", &SHARE_WORD),
            ("NEWSLETTER", &NEWSLETTER),
            ("MEMBERSHIP", &MEMBERSHIP),
            ("COMMENTS", &COMMENTS),
            ("NAVIGATION", &NAVIGATION),
            ("BOILERPLATE", &BOILERPLATE),
            ("DATE_ONLY", &DATE_ONLY),
            ("TAGS_LINE", &TAGS_LINE),
            ("NAV_LINE", &NAV_LINE),
            ("AD_DISCLOSURE", &AD_DISCLOSURE),
            ("CAPTION_CREDIT", &CAPTION_CREDIT),
            ("COPYRIGHT", &COPYRIGHT),
            ("CAPTION_TAIL", &CAPTION_TAIL),
            ("FIGURE_LABEL", &FIGURE_LABEL),
            ("DISCLOSURE", &DISCLOSURE),
            ("DISCLOSURE_PAY", &DISCLOSURE_PAY),
            ("DISCLOSURE_LINK", &DISCLOSURE_LINK),
            ("RELATED_MORE", &RELATED_MORE),
            ("BOILER_MORE", &BOILER_MORE),
            ("LIST_LABEL", &LIST_LABEL),
        ] {
            assert!(re.is_some(), "regex {name} does not compile");
        }
    }

    #[test]
    fn each_reason_fires() {
        assert_eq!(
            reason("Related: Council approves new bridge"),
            Some("related_links")
        );
        assert_eq!(
            reason("Read more: The quiet town by the lake"),
            Some("related_links")
        );
        assert_eq!(reason("See also"), Some("related_links"));
        assert_eq!(reason("ALSO READ: Storm hits coast"), Some("related_links"));
        assert_eq!(reason("Source: Example Wire"), Some("source_footer"));
        assert_eq!(
            reason("Originally published at example.org on 2 May"),
            Some("source_footer")
        );
        assert_eq!(reason("By Jane Doe"), Some("byline"));
        assert_eq!(
            reason("By Jane Doe and Omar Ruiz, Staff writers"),
            Some("byline")
        );
        assert_eq!(
            reason("Reporting by Ana Pop; Editing by Tom Lee"),
            Some("byline")
        );
        assert_eq!(
            reason("Lena Park is a reporter covering city hall for the paper."),
            Some("author_bio")
        );
        assert_eq!(reason("Photo: Lena Park"), Some("credit"));
        assert_eq!(reason("(Image: Town council)"), Some("credit"));
        assert_eq!(reason("Firefighters at the scene / AFP"), Some("credit"));
        assert_eq!(reason("Share this article"), Some("share_prompt"));
        assert_eq!(reason("Follow us on Twitter"), Some("share_prompt"));
        assert_eq!(
            reason("Sign up for our daily newsletter"),
            Some("newsletter")
        );
        assert_eq!(reason("Become a member"), Some("membership"));
        assert_eq!(reason("Support our journalism"), Some("membership"));
        assert_eq!(reason("Comments are closed."), Some("comments"));
        assert_eq!(
            reason("Your comment will appear after review."),
            Some("comments")
        );
        assert_eq!(reason("Leave a comment"), Some("comments"));
        assert_eq!(reason("Home › News › World"), Some("navigation"));
        assert_eq!(reason("5 June 2023"), Some("dateline"));
        assert_eq!(reason("Tags: bridge, council"), Some("tags"));
        assert_eq!(reason("Back to top"), Some("navigation"));
        assert_eq!(
            reason(
                "© 2023 Valley Post. This article is the copyrighted property of Valley Post. Written permission must be obtained before reprint."
            ),
            Some("boilerplate")
        );
        assert_eq!(reason("Most read"), None);
    }

    #[test]
    fn body_sentences_survive() {
        for s in [
            "The council met on Monday to discuss the bridge.",
            "By noon, the crowd had grown to several hundred people.",
            "Police said the source of the fire was not yet known.",
            "She shared the prize with two colleagues from the institute.",
            "Officials will follow the recommendations of the report.",
        ] {
            assert_eq!(reason(s), None, "{s}");
        }
        // The author-bio rule needs the trailing position.
        assert_eq!(
            classify_line("Lena Park is a reporter covering city hall.", false),
            None
        );
    }

    #[test]
    fn headline_list_and_repeated_headline() {
        let blocks = vec![
            vec!["Bridge reopens after repairs".to_string()],
            vec![
                "The bridge reopened on Monday after three months of repairs, officials said."
                    .to_string(),
            ],
            vec!["Most read".to_string()],
            vec!["Storm hits the coast".to_string()],
            vec!["Mayor opens new library".to_string()],
            vec!["Local team wins the cup".to_string()],
        ];
        let mut removed = Vec::new();
        let (kept, repeated) =
            filter_blocks(blocks, Some("Bridge reopens after repairs"), &mut removed);
        assert!(repeated);
        assert_eq!(kept.len(), 1);
        assert!(removed.iter().any(|r| r.reason == "repeated_headline"));
        assert_eq!(
            removed
                .iter()
                .filter(|r| r.reason == "headline_list")
                .count(),
            4
        );
    }

    #[test]
    fn trailing_unlabelled_headline_run() {
        let blocks = vec![
            vec![
                "The bridge reopened on Monday after three months of repairs, officials said."
                    .to_string(),
            ],
            vec!["Storm hits the coast".to_string()],
            vec!["Mayor opens new library".to_string()],
            vec!["Local team wins the cup".to_string()],
        ];
        let mut removed = Vec::new();
        let (kept, _) = filter_blocks(blocks, None, &mut removed);
        assert_eq!(kept.len(), 1);
        assert_eq!(removed.len(), 3);
    }

    #[test]
    fn line_end_cuts_on_char_boundaries() {
        let s = "é".repeat(300);
        let e = line_end(&s);
        assert_eq!(e.chars().count(), TAIL_CHARS + 1);
        assert!(s.ends_with(e));
        assert_eq!(line_end("short"), "short");
        let mixed = format!("{}a😀b", "ü".repeat(130));
        assert!(mixed.ends_with(line_end(&mixed)));
    }

    #[test]
    fn removed_text_is_bounded() {
        let long = "word ".repeat(200);
        let t = removed_text(&long);
        assert!(t.len() <= MAX_REMOVED + '…'.len_utf8());
        let multi = "é".repeat(400);
        let t = removed_text(&multi);
        assert!(t.ends_with('…'));
    }
}
