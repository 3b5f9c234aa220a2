#!/usr/bin/env bash
# Fuzz every reader for SECONDS each (default 600), two at a time, seeded with the test pages
# and small hand-made inputs. Needs a nightly toolchain and `cargo install cargo-fuzz`.
# Usage: fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-600}; shift || true
targets=("$@"); [ ${#targets[@]} -eq 0 ] && targets=(html warc feed reader)
mkdir -p fuzz/corpus/{html,warc,feed,reader}
cp crates/ingest/tests/pages/*.html fuzz/corpus/html/
cp crates/ingest/tests/pages/*.html fuzz/corpus/reader/
printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://a.example/2023/09/15/x\r\nWARC-Date: 2023-09-15T10:00:00Z\r\nContent-Length: 95\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n9\r\n<p>Hi</p>\r\n0\r\n\r\n\r\n\r\n' > fuzz/corpus/warc/seed.warc
cp fuzz/corpus/warc/seed.warc fuzz/corpus/reader/seed.warc
printf '<rss><channel><title>T</title><item><title>A</title><link>https://x.example/1</link><pubDate>Fri, 15 Sep 2023 10:00:00 +0300</pubDate><description>&lt;p&gt;Text.&lt;/p&gt;</description></item></channel></rss>' > fuzz/corpus/feed/seed.rss
printf '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A</title><link href="https://x/a"/><content type="xhtml"><div><p>x</p></div></content></entry></feed>' > fuzz/corpus/feed/seed.atom
cp fuzz/corpus/feed/seed.* fuzz/corpus/reader/
printf '{"id": 1, "text": "China met Russia.", "published": "2023-09-15"}\n{"id": 2, "html": "<p>x</p>"}\n' > fuzz/corpus/reader/seed.jsonl
printf '{"id": 1, "text": "China met Russia."}\n' | gzip > fuzz/corpus/reader/seed.jsonl.gz
cargo +nightly fuzz build -s none --release
run() { cargo +nightly fuzz run -s none --release "$1" "fuzz/corpus/$1" -- -max_total_time="$secs" -max_len=65536 -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 > "fuzz/$1.log" 2>&1; echo "$1: exit $?"; }
for ((i = 0; i < ${#targets[@]}; i += 2)); do
  run "${targets[i]}" &
  [ $((i + 1)) -lt ${#targets[@]} ] && run "${targets[i + 1]}" &
  wait
done
