# Shared by the bench scripts (source it after setting ROOT): the peers' Python venv in
# tools/bench/.venv (kept out of version control) and one-core pinning.
VENV="$ROOT/tools/bench/.venv"
PIN=""
if command -v taskset >/dev/null 2>&1; then PIN="taskset -c 0"; fi
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1

# bench_peer CHECK PACKAGE...: creates the venv once, then installs the packages unless
# `python -c CHECK` already succeeds in it.
bench_peer() {
  local check="$1"
  shift
  if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
  fi
  [ -f "$VENV/.gitignore" ] || echo "*" > "$VENV/.gitignore"
  if ! "$VENV/bin/python" -c "$check" 2>/dev/null; then
    "$VENV/bin/pip" install --quiet "$@"
  fi
}
