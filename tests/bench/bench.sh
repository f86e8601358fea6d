#!/bin/sh
# bench.sh -- throughput (MB/s) and peak memory of each lede tool.
# SPDX-License-Identifier: MIT
#
#   make bench                          100 MB made from examples/
#   make bench CORPUS=file SIZE=1000    a corpus of yours, repeated to 1000 MB
#   make bench REPEAT=5                 each tool run 5 times (default 3), the best kept
#
# A corpus is raw article text.  Articles are separated by lines of "====="
# or, failing that, by two or more blank lines (as in the BBC corpus).  Each
# tool reads what it reads in a pipeline: lede-split the raw text, the
# others lede-split's records.  Output goes to a file, so writing is timed.
set -eu
BIN=${1:-build/bin}
SIZE=${SIZE:-100}
REPEAT=${REPEAT:-3}
W=${BENCH_DIR:-build/bench}
mkdir -p "$W"
cc -O2 -o "$W/runstat" tests/bench/runstat.c

src=$W/source.txt
if [ -n "${CORPUS:-}" ]; then
	if grep -q '^=====$' "$CORPUS"; then
		cp "$CORPUS" "$src"
	else
		awk 'NF == 0 { blank++; next }
		     { if (blank >= 2) print "====="; blank = 0; print }' "$CORPUS" > "$src"
	fi
	name=$CORPUS
else
	for f in examples/*.txt; do cat "$f"; printf '\n=====\n'; done > "$src"
	name="examples/*.txt"
fi

# Repeat the source up to SIZE MB.
raw=$W/corpus.txt
: > "$raw"
want=$((SIZE * 1000000))
srcsize=$(wc -c < "$src")
[ "$srcsize" -gt 0 ] || { echo "bench: empty corpus" >&2; exit 1; }
copies=$(( (want + srcsize - 1) / srcsize ))
i=0
while [ $i -lt $copies ]; do cat "$src"; printf '\n=====\n'; i=$((i + 1)); done > "$raw"

"$BIN/lede-split" -d '^=====$' "$raw" > "$W/records.tsv"

row() {	# tool input [args]
	tool=$1 in=$2
	shift 2
	[ -x "$BIN/$tool" ] || return 0
	# the best of REPEAT runs: what the tool can do when the machine lets it
	: > "$W/stats"
	n=0
	while [ $n -lt "$REPEAT" ]; do
		"$W/runstat" "$in" "$W/out.tsv" "$BIN/$tool" "$@" 2>> "$W/stats" || true
		n=$((n + 1))
	done
	awk 'NR == 1 || $1 < s { s = $1 } NR == 1 || $4 < c { c = $4 } $2 > kb { kb = $2 }
	     $3 != 0 { st = $3 } END { print s, kb, st + 0, c }' "$W/stats" > "$W/stat"
	read -r secs kb st cpu < "$W/stat"
	bytes=$(wc -c < "$in")
	awk -v t="$tool $*" -v b="$bytes" -v s="$secs" -v c="$cpu" -v kb="$kb" -v st="$st" 'BEGIN {
		printf "%-22s %9.1f %8.2f %9.1f %8.2f %9.1f %9.1f%s\n", t, b / 1e6, s, (s > 0 ? b / 1e6 / s : 0),
		    c, (c > 0 ? b / 1e6 / c : 0), kb / 1024, (st != 0 ? "  exit " st : "") }'
}

echo "corpus: $name, repeated to $(awk -v b="$(wc -c < "$raw")" 'BEGIN { printf "%.1f", b / 1e6 }') MB; $(grep -c '^=====$' "$raw") articles"
echo "(wall: elapsed time; CPU: user + system time, what a loaded machine distorts least;"
echo " each the best of $REPEAT runs)"
printf '%-22s %9s %8s %9s %8s %9s %9s\n' tool "input MB" "wall s" "MB/s" "CPU s" "MB/s CPU" "RSS MB"
row lede-split "$raw" -d '^=====$'
row lede-text "$W/records.tsv"
row lede-sentences "$W/records.tsv"
row lede-strip "$W/records.tsv"
row lede-quotes "$W/records.tsv"
row lede-entities "$W/records.tsv"

# Pipelines over the raw corpus, at 1, 2 and 4 jobs (GNU parallel cutting
# the record stream at article boundaries).
pipe_row() {	# label jobs pipeline-after-split
	label=$1 jobs=$2 rest=$3
	if [ "$jobs" = 1 ]; then
		cmd="$BIN/lede-split -d '^=====\$' $raw | $rest"
	else
		cmd="$BIN/lede-split -d '^=====\$' $raw | parallel --will-cite --pipe --group-by 1 --colsep '\\t' -k -j$jobs --block 8M '$rest'"
	fi
	"$W/runstat" /dev/null "$W/out.tsv" sh -c "$cmd" 2> "$W/stat" || true
	read -r secs kb st cpu < "$W/stat"
	bytes=$(wc -c < "$raw")
	awk -v t="$label" -v j="$jobs" -v b="$bytes" -v s="$secs" -v st="$st" 'BEGIN {
		printf "%-34s %4d %9.1f %8.2f %9.1f%s\n", t, j, b / 1e6, s, (s > 0 ? b / 1e6 / s : 0), (st != 0 ? "  exit " st : "") }'
}
if [ -x "$BIN/lede-strip" ] && [ -x "$BIN/lede-quotes" ] && [ -x "$BIN/lede-entities" ] &&
    command -v parallel > /dev/null 2>&1 && [ -z "${NO_PIPELINES:-}" ]; then
	echo
	printf '%-34s %4s %9s %8s %9s\n' pipeline jobs "raw MB" seconds "MB/s"
	for j in 1 2 4; do
		pipe_row "split | strip | quotes" $j "$BIN/lede-strip | $BIN/lede-quotes"
	done
	for j in 1 2 4; do
		pipe_row "split | entities" $j "$BIN/lede-entities"
	done
fi
