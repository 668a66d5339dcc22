#!/usr/bin/env python3
"""Prepares the time bench: picks N TempEval-3 training documents (TimeBank + AQUAINT,
spread evenly over the sorted file list), and writes for each its raw text (TIMEX3 and
other tags removed, entities decoded, as crates/time/examples/eval_tempeval.rs does) and
its document creation time, plus the gold TIMEX3 with character offsets.

Usage: prep.py DATA_DIR N OUT_DIR
Writes OUT_DIR/docs/<name>.txt, OUT_DIR/dct.tsv (name<TAB>YYYY-MM-DD) and
OUT_DIR/gold.tsv (name, start, end, type, value; character offsets, end exclusive).
"""
import os
import re
import sys

DATA, N, OUT = sys.argv[1], int(sys.argv[2]), sys.argv[3]


def decode(s):
    return (s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))


def attr(tag, name):
    m = re.search(name + r'="([^"]*)"', tag)
    return m.group(1) if m else ""


def parse(xml):
    dct = None
    for m in re.finditer(r"<TIMEX3[^>]*>", xml):
        if "CREATION_TIME" in m.group(0):
            dct = attr(m.group(0), "value")[:10]
            break
    s, e = xml.find("<TEXT>"), xml.find("</TEXT>")
    if s < 0 or e < 0:
        return None
    body = xml[s + len("<TEXT>"):e]
    text, gold, open_ = [], [], None
    pos = 0
    n = 0
    for m in re.finditer(r"<[^>]*>", body):
        chunk = decode(body[pos:m.start()])
        text.append(chunk)
        n += len(chunk)
        tag = m.group(0)[1:-1]
        if tag.startswith("TIMEX3"):
            open_ = (n, attr(tag, "type"), attr(tag, "value"))
        elif tag.startswith("/TIMEX3") and open_:
            gold.append((open_[0], n, open_[1], open_[2]))
            open_ = None
        pos = m.end()
    text.append(decode(body[pos:]))
    return dct, "".join(text), gold


paths = []
for root, dirs, files in os.walk(DATA):
    dirs[:] = [d for d in dirs if d != "testpipeline"]
    paths += [os.path.join(root, f) for f in files if f.endswith(".tml")]
paths.sort()
if not paths:
    sys.exit(f"no .tml files under {DATA}")
step = max(1, len(paths) // N)
picked = paths[::step][:N]
os.makedirs(os.path.join(OUT, "docs"), exist_ok=True)
with open(os.path.join(OUT, "dct.tsv"), "w") as dct_f, open(os.path.join(OUT, "gold.tsv"), "w") as gold_f:
    for p in picked:
        doc = parse(open(p, encoding="utf-8").read())
        if doc is None or not doc[0] or not re.match(r"^\d{4}-\d{2}-\d{2}$", doc[0]):
            continue
        dct, text, gold = doc
        name = os.path.basename(p)[: -len(".tml")]
        with open(os.path.join(OUT, "docs", name + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)
        dct_f.write(f"{name}\t{dct}\n")
        for s, e, t, v in gold:
            gold_f.write(f"{name}\t{s}\t{e}\t{t}\t{v}\n")
print(f"prepared {len(picked)} documents of {len(paths)}")
