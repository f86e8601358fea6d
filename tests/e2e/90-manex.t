#!/bin/sh
# Every `.Dl $ command` example in the man pages runs and exits 0.
. "${0%/*}/lib.sh"

# Files the examples name, made from the project's own fixtures.
W=$T/manex
mkdir -p "$W/articles"
src=$DATA/wrapped.txt
for f in "$LEDE_ROOT"/examples/*.txt; do [ -f "$f" ] && src=$f && break; done
for name in a.txt b.txt page.txt article.txt file.txt; do cp "$src" "$W/$name"; done
cp "$src" "$W/articles/one.txt"
{ cat "$src"; echo "====="; cat "$DATA/wrapped.txt"; } > "$W/dump.txt"
printf '{"id":"s1","title":"A title","text":"First paragraph.\\nSecond one."}\n' > "$W/scraped.jsonl"
lede-split "$W/a.txt" > "$W/records.tsv"

for page in "$LEDE_ROOT"/man/*.1 "$LEDE_ROOT"/man/*.7; do
	grep '^\.Dl \$ ' "$page" | sed 's/^\.Dl \$ //; s/\\e/\\/g; s/\\(lq/"/g; s/\\(rq/"/g; s/\\&//g' |
	while IFS= read -r cmd; do
		printf '%s\n' "$cmd"
	done > "$T/cmds"
	while IFS= read -r cmd; do
		ok "${page##*/}: $cmd" "cd '$W' && $cmd > /dev/null"
	done < "$T/cmds"
done
done_testing
