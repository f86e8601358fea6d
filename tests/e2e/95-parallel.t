#!/bin/sh
# Scale-out: every tool gives byte-identical output when its input is cut
# between processes at article boundaries (GNU parallel, one machine and
# two local "hosts"), alone and as a whole pipeline.
. "${0%/*}/lib.sh"

if ! command -v parallel > /dev/null 2>&1; then
	ok 'GNU parallel is installed (make deps)' 'false'
	done_testing
	exit
fi
P="parallel --will-cite --pipe --group-by 1 --colsep '\t' -k"

cd "$T" || exit 1
lede-split "$LEDE_ROOT"/examples/*.txt > rec 2> /dev/null
# Small blocks, so that even the samples are cut into many jobs.
for tool in lede-sentences lede-strip lede-quotes lede-entities lede-text; do
	[ -x "$LEDE_BIN/$tool" ] || continue
	ok "$tool: -j4 equals one process" \
	  "$tool < rec > one && $P --block 3k -j4 $tool < rec > par && cmp one par && test -s one"
	ok "$tool: two local hosts (-S 2/:) equal one process" \
	  "$tool < rec > one && $P --block 3k -S 2/: $tool < rec > par && cmp one par"
done
ok 'lede-split: one job per file equals one process' \
  'lede-split "$LEDE_ROOT"/examples/*.txt > one 2>/dev/null; parallel --will-cite -k -j4 lede-split ::: "$LEDE_ROOT"/examples/*.txt > par 2>/dev/null; cmp one par'

have_all=1
for tool in lede-strip lede-quotes lede-entities; do
	[ -x "$LEDE_BIN/$tool" ] || have_all=0
done
if [ $have_all = 1 ]; then
	ok 'pipeline split | strip | quotes -p | entities -p, -j4' \
	  "lede-strip < rec | lede-quotes -p | lede-entities -p > one &&
	   $P --block 3k -j4 'lede-strip | lede-quotes -p | lede-entities -p' < rec > par && cmp one par"
	# A 100 MB stream (skipped under valgrind, where it would take hours).
	if [ -z "$LEDE_WRAP" ]; then
		for f in "$LEDE_ROOT"/examples/*.txt; do cat "$f"; printf '\n=====\n'; done > src
		cp src big.txt
		while [ "$(wc -c < big.txt)" -lt 100000000 ]; do
			cat big.txt big.txt > big2.txt && mv big2.txt big.txt
		done
		ok '100 MB stream: split | strip | quotes -p | entities -p, -j4 equals one process' \
		  "lede-split -d '^=====\$' big.txt 2>/dev/null > bigrec &&
		   lede-strip < bigrec | lede-quotes -p | lede-entities -p > one &&
		   $P --block 4M -j4 'lede-strip | lede-quotes -p | lede-entities -p' < bigrec > par &&
		   cmp one par && rm -f bigrec one par"
	fi
fi
done_testing
