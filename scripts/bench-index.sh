#!/usr/bin/env bash
# Times `resdiff index` and `resdiff search` through the index on a
# generated record of N documents (default 20,000: about the number of
# resolutions the General Assembly and the Security Council have adopted)
# built from the real paragraphs of ../shared/corpus with realistic reuse
# (examples/index_scale.rs, benches/support), written as canonical Markdown
# under a temporary directory, and prints a Markdown table (BENCHMARKS.md).
#
# Rows: indexing from nothing (wall time and peak memory, GNU time); the
# index's size on disk; re-indexing after one file changed; a search for an
# exact phrase in thousands of paragraphs and a near search for an edited
# paragraph, each a whole `resdiff search ... --in DIR` process (hyperfine,
# median of RUNS runs); and the same searches in one process (open, check,
# search), from the example.
#
# Usage: scripts/bench-index.sh [N] [RUNS]
set -euo pipefail

cd "$(dirname "$0")/.."
documents="${1:-20000}"
runs="${2:-20}"
[[ -d ../shared/corpus ]] || { echo "skipped: ../shared/corpus not found" >&2; exit 0; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cargo build --release --quiet --bin resdiff --example index_scale
resdiff="$PWD/target/release/resdiff"
record="$tmp/record"

echo "generating $documents documents and indexing them (examples/index_scale)..." >&2
target/release/examples/index_scale "$documents" "$record" >"$tmp/example.txt"
sed 's/^/example: /' "$tmp/example.txt" >&2
# Indexing again from nothing, as a user would, for its time and memory.
rm -rf "$record/.resdiff-index"
/usr/bin/time -f '%e %M' -o "$tmp/time" "$resdiff" -q index "$record" >"$tmp/index.txt"
read -r index_s index_kb <"$tmp/time"
disk=$(du -sk "$record/.resdiff-index" | cut -f1)
source_kb=$(du -sk --exclude=.resdiff-index "$record" | cut -f1)
# One file changed.
changed=$(find "$record" -name '*.md' | sort | sed -n '100p')
sed -i '0,/Decides/s//Decides once more/' "$changed"
/usr/bin/time -f '%e %M' -o "$tmp/time" "$resdiff" -q index "$record" >"$tmp/reindex.txt"
read -r reindex_s reindex_kb <"$tmp/time"

median_ms() {
    hyperfine -N --runs "$runs" --warmup 2 --export-json "$tmp/h.json" "$1" >/dev/null 2>&1
    python3 -c "import json; print('%.1f' % (json.load(open('$tmp/h.json'))['results'][0]['median'] * 1000))"
}
cd "$tmp"
exact=$(median_ms "$resdiff search 'the Secretary-General' --in $record")
near_query="$(python3 - "$record" <<'EOF'
import pathlib, sys
# The first long operative paragraph of the first file, every seventh word
# dropped: an edited copy of a real paragraph.
text = sorted(pathlib.Path(sys.argv[1]).rglob('*.md'))[0].read_text()
for line in text.splitlines():
    words = line.split()
    if len(words) > 30 and words[0].rstrip('.').isdigit():
        print(' '.join(w for i, w in enumerate(words[1:]) if i % 7 != 3))
        break
EOF
)"
near=$(median_ms "$resdiff search '${near_query//\'/}' --near --in $record")
/usr/bin/time -f '%M' -o "$tmp/time" "$resdiff" search 'the Secretary-General' --in "$record" >/dev/null
search_kb=$(cat "$tmp/time")

echo
echo "| $documents documents | figure |"
echo "|---|---|"
echo "| Markdown indexed | $((source_kb / 1024)) MB |"
echo "| \`resdiff index\` from nothing | ${index_s} s, peak memory $((index_kb / 1024)) MB |"
echo "| index on disk | $((disk / 1024)) MB |"
echo "| \`resdiff index\` after one file changed | ${reindex_s} s, peak memory $((reindex_kb / 1024)) MB |"
echo "| \`resdiff search\` exact phrase (whole process) | ${exact} ms, peak memory $((search_kb / 1024)) MB |"
echo "| \`resdiff search --near\` edited paragraph (whole process) | ${near} ms |"
echo
cat "$tmp/index.txt" "$tmp/reindex.txt"
