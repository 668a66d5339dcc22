#!/usr/bin/env bash
# Near-duplicate bench: corroborate's DupIndex (bench_dedup example, release) against
# datasketch MinHash(num_perm=128) + MinHashLSH(threshold=0.8), side by side on the
# same generated corpus, both pinned to one core (taskset -c 0). Both use word
# 5-shingles (lowercase alphanumeric runs, apostrophes dropped). Truth: every pair
# with exact Jaccard >= 0.8 of the shingle sets (exact all-pairs join in bench_dedup).
# Prints docs/s (wall clock, best of 3 runs for corroborate, one run for datasketch),
# docs per CPU-second (process CPU time: robust when other jobs share the core),
# precision, recall and the speed ratios.
#
# Usage: tools/bench/dedup/run.sh [N] [SEED]   (default N=20000, SEED=1)
# The corpus mixes ECB+ development sentences (/work/shared/data/stories/ecbplus-dev,
# read only; a synthetic vocabulary when absent) with planted near-copies; it is
# written to a temporary directory, never into the repository.
# Needs: python3 and PyPI access for the first `pip install datasketch`.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
N="${1:-20000}"
SEED="${2:-1}"
source "$ROOT/tools/bench/lib.sh"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/corroborate-dedup.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

bench_peer "import datasketch" "datasketch==2.0.0"

(cd "$ROOT" && cargo build --quiet --release -p corroborate-link --example bench_dedup)
BIN="$ROOT/target/release/examples/bench_dedup"

"$BIN" --generate "$WORK/corpus.jsonl" --n "$N" --seed "$SEED"
OURS="$($PIN "$BIN" --input "$WORK/corpus.jsonl" --truth-out "$WORK/truth.tsv")"
PEER="$($PIN "$VENV/bin/python" "$HERE/peer.py" "$WORK/corpus.jsonl" "$WORK/truth.tsv")"

"$VENV/bin/python" - "$OURS" "$PEER" <<'PY'
import json, sys
a, b = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"{a['docs']} documents ({a['mb']} MB), {a['truth_pairs']} true pairs (exact Jaccard >= 0.8, word 5-shingles)")
print(f"{'tool':<34}{'docs/s':>10}{'docs/CPU-s':>12}{'precision':>11}{'recall':>9}{'found':>8}")
print(f"{'corroborate DupIndex (' + a['verify'] + ')':<34}{a['docs_per_s']:>10}{a['cpu_docs_per_s']:>12}{a['precision']:>11.4f}{a['recall']:>9.4f}{a['found']:>8}")
print(f"{'datasketch MinHashLSH 128/0.8':<34}{b['docs_per_s']:>10}{b['cpu_docs_per_s']:>12}{b['precision']:>11.4f}{b['recall']:>9.4f}{b['found']:>8}")
print(f"speed ratio: {a['docs_per_s'] / max(b['docs_per_s'], 1):.1f}x wall clock, {a['cpu_docs_per_s'] / max(b['cpu_docs_per_s'], 1):.1f}x CPU time")
PY
