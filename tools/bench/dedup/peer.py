"""datasketch peer of the near-duplicate bench.

MinHash(num_perm=128) over word 5-shingles + MinHashLSH(threshold=0.8), one
document at a time (query, then insert), like corroborate's online DupIndex.
Words: lowercase alphanumeric runs with apostrophes dropped (diacritics folded with
NFKD), the same shingling as corroborate. Times shingling + MinHash + LSH with the
texts already in memory (wall clock and process CPU time); scores the returned pairs against the exact-Jaccard
truth pairs written by `bench_dedup --truth-out`. Prints one JSON line.

Usage: peer.py CORPUS.jsonl TRUTH.tsv
"""
import json
import sys
import time
import unicodedata

from datasketch import MinHash, MinHashLSH


def words(text):
    out, cur = [], []
    for ch in text:
        if not ch.isascii():
            ch = unicodedata.normalize("NFKD", ch)[:1] or ch
        c = ch.lower()
        if c.isalnum():
            cur.append(c)
        elif c in "'`\u2019\u2018":
            pass
        elif cur:
            out.append("".join(cur))
            cur = []
    if cur:
        out.append("".join(cur))
    return out


def shingles(text):
    w = words(text)
    if len(w) < 5:
        return [" ".join(w)] if w else []
    return [" ".join(w[i : i + 5]) for i in range(len(w) - 4)]


def main():
    corpus, truth_path = sys.argv[1], sys.argv[2]
    docs = []
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            docs.append((d["id"], d["text"]))
    truth = set()
    with open(truth_path, encoding="utf-8") as f:
        for line in f:
            a, b = line.rstrip("\n").split("\t")
            truth.add(frozenset((a, b)))
    start = time.perf_counter()
    cpu0 = time.process_time()
    lsh = MinHashLSH(threshold=0.8, num_perm=128)
    found = set()
    for doc_id, text in docs:
        m = MinHash(num_perm=128)
        sh = shingles(text)
        if sh:
            m.update_batch([s.encode("utf-8") for s in sh])
        for other in lsh.query(m):
            found.add(frozenset((other, doc_id)))
        lsh.insert(doc_id, m)
    secs = time.perf_counter() - start
    cpu = time.process_time() - cpu0
    tp = len(found & truth)
    print(
        json.dumps(
            {
                "tool": "datasketch",
                "docs": len(docs),
                "secs": round(secs, 3),
                "docs_per_s": round(len(docs) / secs),
                "cpu_docs_per_s": round(len(docs) / cpu),
                "truth_pairs": len(truth),
                "found": len(found),
                "tp": tp,
                "precision": round(tp / len(found), 4) if found else 1.0,
                "recall": round(tp / len(truth), 4) if truth else 1.0,
            }
        )
    )


if __name__ == "__main__":
    main()
