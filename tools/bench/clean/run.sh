#!/usr/bin/env bash
# Cleaning bench: corroborate-clean (eval_clean example, release) against Python
# trafilatura 2.3.1 (default settings) on the trafilatura evaluation set, same snippet
# metric, both pinned to one core. Prints a side-by-side table.
#
# Usage: tools/bench/clean/run.sh [DATA_DIR]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
DATA="${1:-${CLEAN_EVAL_DIR:-/work/shared/data/cleaning/trafilatura-eval}}"
source "$ROOT/tools/bench/lib.sh"

if [ ! -f "$DATA/evaldata.json" ]; then
  echo "bench/clean: data absent ($DATA/evaldata.json not found); nothing to run."
  exit 0
fi

# trafilatura imports justext, which needs lxml's html cleaner (a separate package
# since lxml 5.2).
bench_peer "import trafilatura, sys; sys.exit(0 if trafilatura.__version__ == '2.3.1' else 1)" "trafilatura==2.3.1" lxml_html_clean

echo "building eval_clean (release)..."
(cd "$ROOT" && cargo build --quiet --release -p corroborate-clean --example eval_clean)

echo "running corroborate-clean..."
OURS="$(cd "$ROOT" && $PIN ./target/release/examples/eval_clean "$DATA")"
echo "$OURS"
echo "running trafilatura $("$VENV/bin/python" -c 'import trafilatura; print(trafilatura.__version__)')..."
PEER="$($PIN "$VENV/bin/python" "$HERE/peer.py" "$DATA")"
echo "$PEER"

our_f1="$(echo "$OURS" | sed -n 's/.* f1 \([0-9.]*\).*/\1/p')"
our_p="$(echo "$OURS" | sed -n 's/^precision \([0-9.]*\).*/\1/p')"
our_r="$(echo "$OURS" | sed -n 's/.* recall \([0-9.]*\).*/\1/p')"
our_pps="$(echo "$OURS" | sed -n 's/.*pages\/s \([0-9.]*\).*/\1/p')"
peer_f1="$(echo "$PEER" | sed -n 's/^f1=//p')"
peer_p="$(echo "$PEER" | sed -n 's/^precision=//p')"
peer_r="$(echo "$PEER" | sed -n 's/^recall=//p')"
peer_pps="$(echo "$PEER" | sed -n 's/^pages_per_s=//p')"

echo
printf "%-24s %9s %9s %9s %10s\n" "extractor" "precision" "recall" "F1" "pages/s"
printf "%-24s %9s %9s %9s %10s\n" "corroborate-clean" "$our_p" "$our_r" "$our_f1" "$our_pps"
printf "%-24s %9s %9s %9s %10s\n" "trafilatura 2.3.1" "$peer_p" "$peer_r" "$peer_f1" "$peer_pps"
python3 - "$our_f1" "$peer_f1" "$our_pps" "$peer_pps" <<'PY'
import sys
of, pf, os_, ps = (float(x) for x in sys.argv[1:5])
print(f"{'ratio (ours/peer)':<24} {'':>9} {'':>9} {of / pf:9.3f} {os_ / ps:10.1f}x")
PY
