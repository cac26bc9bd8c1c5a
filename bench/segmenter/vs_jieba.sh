#!/usr/bin/env bash
# Segmentation speed of `newsfacts segment` against Python jieba, in the same
# run, on the same text. Not part of CI. Usage:
#   bench/segmenter/vs_jieba.sh CORPUS.txt [REPEAT]
# CORPUS is any UTF-8 text (e.g. a SIGHAN test file); it is repeated REPEAT
# times (default 20) so that dictionary loading does not dominate.
# Python jieba is installed into bench/segmenter/.venv on first use.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
corpus="${1:?usage: vs_jieba.sh CORPUS.txt [REPEAT]}"
repeat="${2:-20}"
venv="$here/.venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet jieba
fi
(cd "$root" && cargo build --release -q -p newsfacts-cli)
big="$(mktemp)"; trap 'rm -f "$big"' EXIT
for _ in $(seq "$repeat"); do cat "$corpus"; done > "$big"
chars=$(python3 -c 'import sys; print(len(open(sys.argv[1], encoding="utf-8").read()))' "$big")

t0=$(date +%s.%N)
"$root/target/release/newsfacts" segment "$big" > /dev/null
t1=$(date +%s.%N)
"$venv/bin/python" - "$big" <<'PY'
import sys, jieba
jieba.initialize()
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        " ".join(jieba.cut(line.rstrip("\n")))
PY
t2=$(date +%s.%N)
python3 - "$chars" "$t0" "$t1" "$t2" <<'PY'
import sys
chars, t0, t1, t2 = int(sys.argv[1]), *map(float, sys.argv[2:])
ours, theirs = t1 - t0, t2 - t1
print(f"chars {chars}")
print(f"newsfacts segment  {ours:7.2f} s  {chars / ours / 1e6:6.2f} M chars/s (dictionary load included)")
print(f"python jieba       {theirs:7.2f} s  {chars / theirs / 1e6:6.2f} M chars/s (dictionary load included)")
print(f"ratio              {theirs / ours:6.1f}x")
PY
