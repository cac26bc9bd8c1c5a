#!/usr/bin/env bash
# Fetch benchmark (not run in CI): N generated pages from a local server
# across H hosts (127.0.0.1 .. 127.0.0.H), politeness delay 0, end to end
# into a fresh store. Prints pages/s and peak RSS of `newsfacts ingest`.
#
#   bench/fetch.sh [PAGES=10000] [HOSTS=50] [CONCURRENCY=32]
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-10000}
hosts=${2:-50}
concurrency=${3:-32}
cargo build --release -q -p newsfacts-cli
cargo build --release -q -p newsfacts-fetcher --example bench_server
target=${CARGO_TARGET_DIR:-target}
work=$(mktemp -d)
trap 'kill $server_pid 2>/dev/null || true; rm -rf "$work"' EXIT
"$target/release/examples/bench_server" "$hosts" > "$work/port" &
server_pid=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(cat "$work/port")
{
  echo "store = \"store\""
  echo "[fetch]"
  echo "per_host_delay_ms = 0"
  echo "concurrency = $concurrency"
  echo "max_discovered = $pages"
  echo "[[sources]]"
  echo "name = \"bench\""
  echo -n "urls = ["
  for i in $(seq 0 $((pages - 1))); do
    printf '"http://127.0.0.%d:%d/p/%d.html",' $((i % hosts + 1)) "$port" "$i"
  done
  echo "]"
} > "$work/newsfacts.toml"
start=$(date +%s.%N)
RUST_LOG=newsfacts=info /usr/bin/time -v "$target/release/newsfacts" ingest --config "$work/newsfacts.toml" \
  > "$work/out" 2> "$work/time" || true
end=$(date +%s.%N)
cat "$work/out"
grep -o "processing: .*" "$work/time" || true
secs=$(echo "$end - $start" | bc -l)
rss=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$work/time")
printf 'pages %d, hosts %d, concurrency %d: %.1f s, %.0f pages/s, peak RSS %d MB\n' \
  "$pages" "$hosts" "$concurrency" "$secs" "$(echo "$pages / $secs" | bc -l)" $((rss / 1024))
