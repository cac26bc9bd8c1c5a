#!/usr/bin/env bash
# Times the newsfacts cleaner and trafilatura on the same generated corpus,
# one core each, in process (files read before the clock starts).
# Not part of CI: it creates a venv and installs trafilatura from PyPI.
#
#   bash bench/cleaner/vs_trafilatura.sh [CORPUS_DIR] [VENV_DIR]
#
# Defaults: CORPUS_DIR=target/cleaner-corpus, VENV_DIR=target/trafilatura-venv.
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=${1:-target/cleaner-corpus}
venv=${2:-target/trafilatura-venv}

cargo build --release -q -p newsfacts-cleaner --example corpus
ex=${CARGO_TARGET_DIR:-target}/release/examples/corpus
rm -rf "$corpus"
"$ex" write "$corpus" 24

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q trafilatura lxml_html_clean
fi

ours=$(taskset -c 0 "$ex" time "$corpus" 2>/dev/null || "$ex" time "$corpus")
echo "$ours"
theirs=$(taskset -c 0 "$venv/bin/python" bench/cleaner/time_trafilatura.py "$corpus" 2>/dev/null \
  || "$venv/bin/python" bench/cleaner/time_trafilatura.py "$corpus")
echo "$theirs"
python3 - "$ours" "$theirs" <<'PY'
import re, sys
def cpu(s):
    return float(re.search(r"cpu ([0-9.]+) s", s).group(1))
a, b = cpu(sys.argv[1]), cpu(sys.argv[2])
print(f"newsfacts is {b / a:.1f}x faster than trafilatura (cpu time, same corpus)")
PY
