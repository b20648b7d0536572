#!/usr/bin/env bash
# Times `resdiff compare` against the tools a user would run instead, on the
# same pairs of files, and prints Markdown tables of medians and peak
# memory (BENCHMARKS.md).
#
# Pairs: the shipped resolutions/csto/75.md → 77.md; every series pair of
# ../shared/corpus (the Security Council renewals, the Cuba series 73/8 →
# 80/4 of the General Assembly, the CSTO text against the shipped 77.md);
# and generated pairs of 200, 2,000 and 20,000 paragraphs
# (examples/large_pair.rs, raw text: every tool reads the same files).
# Without ../shared/corpus only the shipped pair is timed.
#
# resdiff runs as `resdiff compare A B --format html -o FILE` and with
# --format json. Peers: git diff --no-index --word-diff, dwdiff, wdiff,
# Python's difflib (scripts/difflib_words.py), redlines
# (scripts/redlines_peer.py) and diff-match-patch (scripts/dmp_peer.py);
# each is skipped with a note when it is not installed. A PDF is given to
# resdiff as it is and to the peers as pdftotext's text (they cannot read a
# PDF), so resdiff does more work on that row.
#
# Timing: hyperfine (no shell, one warm-up) when installed, else a loop;
# median of RUNS runs (default 10), 3 runs for commands over 2 s, one run
# ("~") over 20 s, cut off (">") at 60 s. Peak memory: GNU time's maximum
# resident set size of one run.
#
# With RESDIFF_BASELINE=/path/to/an/older/resdiff, that binary's HTML time
# is a column too ("before"), measured in the same run.
#
# Usage: scripts/bench-peers.sh [RUNS]
set -euo pipefail

cd "$(dirname "$0")/.."
runs="${1:-10}"
corpus=../shared/corpus
limit=60
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

cargo build --release --quiet --bin resdiff --example large_pair
resdiff=target/release/resdiff

note() { echo "note: $*" >&2; }

# label|old|new
pairs=("resolutions/csto 75 → 77|resolutions/csto/75.md|resolutions/csto/77.md")
generated=()
if [[ -d "$corpus/sc" ]]; then
    for p in S_2018_95:S_2020_110 S_2017_444:S_2019_441 S_2018_257:S_2019_266 S_2019_266:S_2020_445; do
        a="${p%%:*}"
        b="${p##*:}"
        pairs+=("${a//_//} → ${b//_//}|$corpus/sc/$a.txt|$corpus/sc/$b.txt")
    done
    pairs+=("A/RES/73/8 (PDF) → 80/4|$corpus/ga/A_RES_73_8.pdf|$corpus/ga/A_RES_80_4.txt")
    pairs+=("A/75/L.78 (CSTO text) → resolutions 77|$corpus/csto/A_75_L.78.txt|resolutions/csto/77.md")
    for n in 200 2000 20000; do
        mkdir -p "$tmp/g$n"
        target/release/examples/large_pair "$tmp/g$n" "$n" >/dev/null
        pairs+=("generated $n ¶|$tmp/g$n/large_75.txt|$tmp/g$n/large_77.txt")
        generated+=("$n")
    done
else
    note "$corpus not found: only the shipped pair is timed"
fi

# The peers, each with the command prefix it runs as; missing ones noted.
peers=("git|git diff --no-index --word-diff")
for tool in dwdiff wdiff; do
    if command -v "$tool" >/dev/null; then
        peers+=("$tool|$tool")
    else
        peers+=("$tool|")
        note "$tool not installed (apt-get install $tool): column skipped"
    fi
done
peers+=("difflib|python3 scripts/difflib_words.py")
for spec in "redlines|redlines|scripts/redlines_peer.py" "diff-match-patch|diff_match_patch|scripts/dmp_peer.py"; do
    IFS='|' read -r name module script <<<"$spec"
    if python3 -c "import $module" 2>/dev/null; then
        peers+=("$name|python3 $script")
    else
        peers+=("$name|")
        note "python package $name not importable (pip install $name): column skipped"
    fi
done

have_time=0
[[ -x /usr/bin/time ]] && have_time=1 || note "GNU time (/usr/bin/time) missing: no memory figures"

# Median wall time of a command in milliseconds, output discarded; a
# non-zero exit (diff tools exit 1 on a difference) is not an error.
median_ms() {
    local t0 t1 n="$runs" status=0
    t0=$(date +%s%N)
    timeout "$limit" "$@" >/dev/null 2>&1 || status=$?
    t1=$(date +%s%N)
    if ((status == 124)); then
        echo ">$((limit * 1000))"
        return
    fi
    if (((t1 - t0) > 20000000000)); then
        echo "~$(((t1 - t0) / 1000000))"
        return
    fi
    if (((t1 - t0) > 2000000000)); then n=3; fi
    if command -v hyperfine >/dev/null; then
        hyperfine --style none -N --ignore-failure --warmup 1 --runs "$n" \
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

# Peak resident memory of one run in MB ("–" without GNU time or past the
# time limit).
peak_mb() {
    if ((!have_time)); then
        echo "–"
        return
    fi
    if timeout "$limit" /usr/bin/time -f '%M' -o "$tmp/mem" "$@" >/dev/null 2>&1 || [[ -s "$tmp/mem" ]]; then
        awk 'END {printf "%.1f\n", $1 / 1024}' "$tmp/mem"
    else
        echo "–"
    fi
    rm -f "$tmp/mem"
}

ratio() { # resdiff ÷ peer, carrying a ~ or > mark of the peer
    python3 -c 'import sys; r, p = sys.argv[1], sys.argv[2]; mark = p[0] if p[0] in "~>" else ""; print("%.2f%s" % (float(r.lstrip("~>")) / float(p.lstrip("~>")), "" if not mark else " (" + mark + ")"))' "$1" "$2"
}

baseline="${RESDIFF_BASELINE:-}"
header="| pair | words (old → new)"
rule="|---|---"
if [[ -n "$baseline" ]]; then
    header+=" | before: resdiff HTML"
    rule+="|---"
fi
header+=" | resdiff HTML | resdiff JSON"
rule+="|---|---"
for spec in "${peers[@]}"; do
    header+=" | ${spec%%|*}"
    rule+="|---"
done
header+=" | HTML ÷ git |"
rule+="|---|"
mem_header="| pair | resdiff HTML | git | peak memory ratio |"
mem_rows=()
declare -A html_ms

echo "Median wall time in milliseconds ($(command -v hyperfine >/dev/null && echo hyperfine || echo 'bash loop'), $runs runs; 3 over 2 s; ~ one run over 20 s; > cut off at ${limit} s). Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')."
echo
echo "$header"
echo "$rule"
for entry in "${pairs[@]}"; do
    IFS='|' read -r label a b <<<"$entry"
    # The peers read text: a PDF through pdftotext.
    pa="$a"
    if [[ "$a" == *.pdf ]]; then
        if command -v pdftotext >/dev/null; then
            pa="$tmp/$(basename "$a" .pdf).txt"
            pdftotext -layout "$a" "$pa"
        else
            note "pdftotext missing: the peers diff the PDF's bytes on '$label'"
        fi
    fi
    sizes="$(wc -w <"$pa") → $(wc -w <"$b")"
    row="| $label | $sizes"
    if [[ -n "$baseline" ]]; then
        row+=" | $(median_ms "$baseline" compare "$a" "$b" --format html -o "$tmp/r.html")"
    fi
    h=$(median_ms "$resdiff" compare "$a" "$b" --format html -o "$tmp/r.html")
    j=$(median_ms "$resdiff" compare "$a" "$b" --format json -o "$tmp/r.json")
    html_ms["$label"]="$h"
    row+=" | $h | $j"
    g=""
    for spec in "${peers[@]}"; do
        IFS='|' read -r name cmd <<<"$spec"
        if [[ -z "$cmd" ]]; then
            row+=" | skipped"
            continue
        fi
        # shellcheck disable=SC2086 # the command prefix splits into words
        t=$(median_ms $cmd "$pa" "$b")
        [[ "$name" == git ]] && g="$t"
        row+=" | $t"
    done
    echo "$row | $(ratio "$h" "$g") |"
    mh=$(peak_mb "$resdiff" compare "$a" "$b" --format html -o "$tmp/r.html")
    mg=$(peak_mb git diff --no-index --word-diff "$pa" "$b")
    mr="–"
    [[ "$mh" != "–" && "$mg" != "–" ]] && mr=$(ratio "$mh" "$mg")
    mem_rows+=("| $label | $mh | $mg | $mr |")
done

echo
echo "Peak memory (maximum resident set size, MB):"
echo
echo "$mem_header"
echo "|---|---|---|---|"
printf '%s\n' "${mem_rows[@]}"

if ((${#generated[@]} == 3)); then
    small="${html_ms[generated 2000 ¶]}"
    large="${html_ms[generated 20000 ¶]}"
    echo
    python3 -c 'import math, sys; s, l = float(sys.argv[1].lstrip("~>")), float(sys.argv[2].lstrip("~>")); print("Scaling, resdiff HTML, 2,000 → 20,000 paragraphs: %.1f× the time, exponent %.2f (1.00 is linear)." % (l / s, math.log(l / s) / math.log(10)))' "$small" "$large"
fi
