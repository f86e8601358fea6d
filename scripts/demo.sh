#!/bin/sh
# demo.sh -- run the lede pipeline on the bundled sample articles.
# SPDX-License-Identifier: MIT
set -eu
BIN=${1:-build/bin}
PATH=$BIN:$PATH
export LC_ALL=C.UTF-8 2>/dev/null || true
have() { [ -x "$BIN/$1" ]; }
hr() { printf '\n== %s\n\n' "$1"; }

set -- examples/*.txt
hr "lede-split examples/*.txt | wc -l   (paragraph records)"
lede-split "$@" | wc -l

if have lede-strip; then
	hr "lede-split $1 | lede-strip -a | cut -f2-4   (every paragraph, labelled)"
	lede-split "$1" | lede-strip -a | cut -f2-4 | cut -c1-100
	hr "lede-split $1 | lede-strip | lede-text   (the article alone)"
	lede-split "$1" | lede-strip | lede-text | fold -s -w 100
fi
if have lede-sentences; then
	hr "lede-split $1 | lede-sentences | head -5"
	lede-split "$1" | lede-sentences | head -5 | cut -c1-120
fi
if have lede-quotes; then
	hr "who said what: lede-split examples/*.txt | lede-strip | lede-quotes | cut -f5,4"
	lede-split "$@" | { if have lede-strip; then lede-strip; else cat; fi; } |
	    lede-quotes | awk -F'\t' '{ printf "%-24s %-9s %s\n", ($5 == "" ? "(unknown)" : $5), $7, substr($4, 1, 70) }'
fi
if have lede-entities; then
	hr "most mentioned: lede-split examples/*.txt | lede-strip | lede-entities | cut -f3,7 | sort | uniq -c | sort -rn | head -15"
	lede-split "$@" | { if have lede-strip; then lede-strip; else cat; fi; } |
	    lede-entities | cut -f3,7 | sort | uniq -c | sort -rn | head -15
fi
