#!/usr/bin/env bash
# Times `resdiff compare` against general-purpose diff tools on the same
# pairs of files and prints a Markdown table of medians (BENCHMARKS.md).
#
# Pairs: resolutions/csto/75.md → 77.md (shipped), the Security Council
# renewals of ../shared/corpus/sc as raw text, and the generated
# 2,000-paragraph pair (examples/large_pair.rs, canonical files). Without
# ../shared/corpus only the shipped pair is timed.
#
# Peers: git diff --no-index --word-diff, scripts/difflib_words.py and
# scripts/redlines_peer.py (`pip install redlines`; its column is skipped
# when the package is missing). Uses hyperfine when installed, else a loop.
#
# Usage: scripts/bench-peers.sh [RUNS]   (default 10 runs per command)
set -euo pipefail

cd "$(dirname "$0")/.."
runs="${1:-10}"
corpus=../shared/corpus
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

cargo build --release --quiet --bin resdiff --example large_pair
resdiff=target/release/resdiff

pairs=("csto 75 → 77|resolutions/csto/75.md|resolutions/csto/77.md")
if [[ -d "$corpus/sc" ]]; then
    for p in S_2018_95:S_2020_110 S_2017_444:S_2019_441 S_2018_257:S_2019_266 S_2019_266:S_2020_445; do
        a="${p%%:*}"
        b="${p##*:}"
        pairs+=("${a//_//} → ${b//_//}|$corpus/sc/$a.txt|$corpus/sc/$b.txt")
    done
    target/release/examples/large_pair "$tmp" >/dev/null
    pairs+=("generated 2,000 ¶|$tmp/large_75.md|$tmp/large_77.md")
else
    echo "note: $corpus not found: only the shipped pair is timed" >&2
fi

have_redlines=1
if ! python3 -c 'import redlines' 2>/dev/null; then
    have_redlines=0
    echo "note: python package redlines not importable (pip install redlines): column skipped" >&2
fi

# Median wall time of a command in milliseconds (output discarded; a
# non-zero exit, as git diff gives for differing files, is not an error).
# One probe run first: over 2 s, three runs; over 30 s, the probe alone is
# reported ("~" prefix); over $limit s, the command is cut off (">" prefix).
limit=600
median_ms() {
    local t0 t1 n="$runs"
    t0=$(date +%s%N)
    if ! timeout "$limit" "$@" >/dev/null 2>&1; then
        if (($(date +%s%N) - t0 >= limit * 1000000000)); then
            echo ">$((limit * 1000))"
            return
        fi
    fi
    t1=$(date +%s%N)
    if (((t1 - t0) > 30000000000)); then
        echo "~$(((t1 - t0) / 1000000))"
        return
    fi
    if (((t1 - t0) > 2000000000)); then n=3; fi
    if command -v hyperfine >/dev/null; then
        hyperfine --style none --shell=none --ignore-failure --warmup 1 --runs "$n" \
            --export-json "$tmp/h.json" -- "$(printf '%q ' "$@")" >/dev/null 2>&1
        python3 -c 'import json,sys; print("%.1f" % (json.load(open(sys.argv[1]))["results"][0]["median"] * 1000))' "$tmp/h.json"
    else
        local times=() i s e
        for ((i = 0; i < n; i++)); do
            s=$(date +%s%N)
            "$@" >/dev/null 2>&1 || true
            e=$(date +%s%N)
            times+=($(((e - s) / 1000)))
        done
        printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f\n", m / 1000}'
    fi
}

# Peer time ÷ resdiff time; a "~" or ">" on the peer's time carries over.
ratio() {
    python3 -c 'import sys; p = sys.argv[1]; mark = p[0] if p[0] in "~>" else ""; print("%s%.1f×" % (mark, float(p.lstrip("~>")) / float(sys.argv[2])))' "$1" "$2"
}

echo "Median of $runs runs (3 for commands over 2 s; ~ one run over 30 s; > cut off at ${limit} s), milliseconds ($(command -v hyperfine >/dev/null && echo hyperfine || echo 'bash loop')); ratios are peer time ÷ resdiff time."
echo
echo "| pair | words (old → new) | resdiff | git word-diff | difflib | redlines | ratios (git, difflib, redlines) |"
echo "|---|---|---|---|---|---|---|"
for entry in "${pairs[@]}"; do
    IFS='|' read -r label a b <<<"$entry"
    sizes="$(wc -w <"$a") → $(wc -w <"$b")"
    r=$(median_ms "$resdiff" compare "$a" "$b" --format json)
    g=$(median_ms git diff --no-index --word-diff "$a" "$b")
    d=$(median_ms python3 scripts/difflib_words.py "$a" "$b")
    if ((have_redlines)); then
        l=$(median_ms python3 scripts/redlines_peer.py "$a" "$b")
        rl=$(ratio "$l" "$r")
    else
        l="skipped"
        rl="–"
    fi
    echo "| $label | $sizes | $r | $g | $d | $l | $(ratio "$g" "$r"), $(ratio "$d" "$r"), $rl |"
done
