#!/usr/bin/env python3
"""Peer run for the cleaning bench: trafilatura.extract (default settings) on the
trafilatura evaluation set, with the same snippet metric as
crates/clean/examples/eval_clean.rs. Times extraction only, single thread.

Usage: peer.py [DATA_DIR]   (default /work/shared/data/cleaning/trafilatura-eval)
Prints key=value lines: pages, tp, fn, fp, tn, precision, recall, f1, seconds, pages_per_s.
"""
import json
import os
import re
import sys
import time

import trafilatura

DATA = sys.argv[1] if len(sys.argv) > 1 else os.environ.get(
    "CLEAN_EVAL_DIR", "/work/shared/data/cleaning/trafilatura-eval")


def norm(s):
    return " ".join(s.split())


def decode(b):
    """Same rule as eval_clean.rs: BOM, else a declared legacy charset when the bytes
    are not valid UTF-8, else UTF-8 (lossy)."""
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if b.startswith(bom):
            return b[len(bom):].decode(enc, errors="replace")
    try:
        return b.decode("utf-8")
    except UnicodeDecodeError:
        pass
    head = b[:4096].decode("ascii", errors="replace").lower()
    m = re.search(r"charset=[\"']?([a-z0-9_-]+)", head)
    if m:
        try:
            return b.decode(m.group(1), errors="replace")
        except LookupError:
            pass
    return b.decode("utf-8", errors="replace")


def main():
    path = os.path.join(DATA, "evaldata.json")
    if not os.path.exists(path):
        print(f"peer: data absent ({path} not found)")
        return 0
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    tp = fn = fp = tn = pages = 0
    elapsed = 0.0
    for url in sorted(data):
        entry = data[url]
        fname = entry.get("file")
        page = None
        for sub in ("cache", "eval"):
            p = os.path.join(DATA, sub, fname)
            if os.path.exists(p):
                page = p
                break
        if page is None:
            continue
        with open(page, "rb") as f:
            html = decode(f.read())
        t0 = time.perf_counter()
        text = trafilatura.extract(html)
        elapsed += time.perf_counter() - t0
        pages += 1
        text = norm(text or "")
        for s in entry.get("with", []):
            s = norm(s)
            if not s:
                continue
            if s in text:
                tp += 1
            else:
                fn += 1
        for s in entry.get("without", []):
            s = norm(s)
            if not s:
                continue
            if s in text:
                fp += 1
            else:
                tn += 1
    p = tp / max(tp + fp, 1)
    r = tp / max(tp + fn, 1)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"pages={pages}")
    print(f"tp={tp} fn={fn} fp={fp} tn={tn}")
    print(f"precision={p:.4f}")
    print(f"recall={r:.4f}")
    print(f"f1={f1:.4f}")
    print(f"seconds={elapsed:.3f}")
    print(f"pages_per_s={pages / max(elapsed, 1e-9):.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
