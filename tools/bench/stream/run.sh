#!/usr/bin/env bash
# Stream bench: 1,000,000 synthetic articles (deterministic seed; 20,000 stories over
# 365 days, about 10% planted near-copies) through the online StoryIndex and the
# DupIndex copy detection with a 7-day window that retires old stories and documents.
# Prints articles/s, peak RSS (VmHWM), live stories, copies flagged and B3 against the
# planted stories. Pinned to one core. Needs nothing outside the repository.
#
# Usage: tools/bench/stream/run.sh [N] [STORIES] [DAYS] [WINDOW]
#        (defaults 1000000 20000 365 7; takes about 5 to 7 minutes on one core)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
N="${1:-1000000}"
STORIES="${2:-20000}"
DAYS="${3:-365}"
WINDOW="${4:-7}"
source "$ROOT/tools/bench/lib.sh"
(cd "$ROOT" && cargo build --quiet --release -p corroborate-link --example stream)
$PIN "$ROOT/target/release/examples/stream" --n "$N" --stories "$STORIES" --days "$DAYS" --window "$WINDOW" --seed 42
