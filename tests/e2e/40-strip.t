#!/bin/sh
# lede-strip: every kind, the options, user rules, templates, bad input.
. "${0%/*}/lib.sh"

# Fixtures are pages of our own writing in the styles of several kinds of
# site (wire story, blog, magazine), made into records here so that these
# tests do not depend on lede-split: one record a non-empty line.
recs() {	# FILE DOC
	awk -v doc="$2" 'BEGIN { OFS = "\t" } NF { gsub(/\\/, "\\\\"); gsub(/\t/, " "); print doc, ++n, "text", $0 }' "$1"
}
for f in wire blog magazine dup list zh pl es de; do
	recs "$DATA/strip-$f.txt" "$f" > "$T/$f.rec"
done

# Every record labelled, with the deciding rule: the whole of the labelling.
for f in wire blog magazine dup list zh pl es de; do
	t_cmp "labels: $f" 0 "$T/$f.rec" "$DATA/strip-$f.out.txt" lede-strip -a --explain
done
t_cmp 'labels: wire with --datelines' 0 "$T/wire.rec" "$DATA/strip-wire-datelines.out.txt" \
  lede-strip -a -x --datelines
recs "$DATA/strip-traps.txt" traps > "$T/traps.rec"
ok 'body sentences that start like furniture stay body' \
  "test \$(lede-strip traps.rec | wc -l) -eq \$(wc -l < traps.rec) && test \$(lede-strip -k body traps.rec | wc -l) -eq 8"
ok 'all thirteen kinds occur in the fixtures' \
  "cat wire.rec blog.rec magazine.rec dup.rec | lede-strip -a | lede-strip -a -d | cut -f3 | sort -u | tr '\n' ' ' |
   grep -qx 'bio body byline caption contrib credit dateline dek dup heading meta promo title '"

# What is written.
ok 'default keeps title, dek, heading and body' \
  "lede-strip wire.rec | cut -f3 | sort -u | tr '\n' ' ' | grep -qx 'body dek heading title '"
ok '-v writes exactly what the default drops' \
  "lede-strip wire.rec > keep && lede-strip -v wire.rec > drop &&
   test \$(cat keep drop | wc -l) -eq \$(wc -l < wire.rec) && ! grep -q '	body	' drop"
ok '-k body writes the body only' "lede-strip -k body wire.rec | cut -f3 | sort -u | grep -qx body"
ok '-k with -v writes the rest' "test \$(lede-strip -v -k body,heading wire.rec | grep -c '	title	') -eq 1"
t 'a default run keeps LOCs and text' 0 'd\t1\ttext\tA paragraph of news that runs on and on, as news does, for a while.\n' \
  'd\t1\tbody\tA paragraph of news that runs on and on, as news does, for a while.\n' lede-strip
t '--datelines cuts the first body paragraph, same LOC, dateline first' 0 \
  'd\t4\ttext\tBERLIN (Reuters) - The central bank left rates alone on Thursday, as expected.\n' \
  'd\t4\tdateline\tBERLIN (Reuters) -\td\t4\tbody\tThe central bank left rates alone on Thursday, as expected.\n' \
  sh -c "lede-strip -a -d | tr '\n' '\t' | sed 's/\t\$/\n/'"
t '--datelines knows CNN'"'"'s style too' 0 \
  'd\t1\ttext\tAtlanta (CNN)The storm moved east overnight, leaving thousands without power.\n' \
  'd\t1\tdateline\tAtlanta (CNN)\nd\t1\tbody\tThe storm moved east overnight, leaving thousands without power.\n' lede-strip -a -d
t 'without --datelines the dateline stays in the body' 0 \
  'd\t1\ttext\tBERLIN (Reuters) - The central bank left rates alone on Thursday, as expected.\n' \
  'd\t1\tbody\tBERLIN (Reuters) - The central bank left rates alone on Thursday, as expected.\n' lede-strip
t 'findings pass through unchanged, in place' 0 \
  'd\t1\ttext\tThe mayor spoke to reporters on Friday about the new budget plan.\nd\t1\tquote\tWe will balance it\tJo Ray\tsaid\tdirect\nd\t2\ttext\tShare this:\n' \
  'd\t1\tbody\tThe mayor spoke to reporters on Friday about the new budget plan.\nd\t1\tquote\tWe will balance it\tJo Ray\tsaid\tdirect\n' lede-strip
t 'findings pass through -v too' 0 'd\t1\tPERSON\tJo Ray\t0\t6\tJo Ray\n' 'd\t1\tPERSON\tJo Ray\t0\t6\tJo Ray\n' lede-strip -v
t 'already labelled records are labelled again' 0 'd\t1\tbody\tFollow us on Twitter\n' \
  'd\t1\tpromo\tFollow us on Twitter\tshare\n' lede-strip -a -x
t '--json with --explain' 0 'd\t1\ttext\tAdvertisement\n' \
  '{"doc":"d","loc":"1","kind":"promo","text":"Advertisement","explain":"ad"}\n' lede-strip -a -x --json
t 'empty input' 0 '' '' lede-strip
t 'articles are labelled one by one' 0 \
  'a\t1\ttext\tBy Ann Lee\nb\t1\ttext\tBy Ann Lee\n' 'a\t1\tbyline\tBy Ann Lee\nb\t1\tbyline\tBy Ann Lee\n' lede-strip -a

# User rules: tried before the built-in ones.
printf '# house rules\npromo  mug-shop  12  any  ^Buy our mugs\\b\nbody  keep-ps  4  after+open  ^P\\.S\\.\n' > "$T/rules"
t '-r adds a rule, named in --explain' 0 'd\t1\ttext\tBuy our mugs at the shop, they are nice.\n' \
  'd\t1\tpromo\tBuy our mugs at the shop, they are nice.\tmug-shop\n' lede-strip -a -x -r "$T/rules"
printf 'promo  x  3  anywhere  ^a\n' > "$T/badwhere"
t_err 'a bad rules file names file and line' 2 '' \
  "lede-strip: $T/badwhere:1: bad WHERE (any, before, after or outside, then any of +block, +end, +open)\nlede-strip: $T/badwhere: rules not loaded\n" \
  lede-strip -r "$T/badwhere"
printf '\nfluff  x  3  any  ^a\n' > "$T/badkind"
t_err 'an unknown kind in a rules file' 2 '' \
  "lede-strip: $T/badkind:2: unknown kind (want title, dek, heading, body, byline, dateline, caption, credit, bio, contrib, meta, promo or dup)\nlede-strip: $T/badkind: rules not loaded\n" \
  lede-strip -r "$T/badkind"
printf 'promo  x  3  any  ^(a\n' > "$T/badre"
ok 'a bad pattern is an error (exit 2)' "lede-strip -r '$T/badre' < /dev/null 2> err; test \$? -eq 2 && grep -q 'badre:1:' err"
ok 'a missing rules file is an error (exit 2)' "lede-strip -r /nonexistent/rules < /dev/null 2>/dev/null; test \$? -eq 2"

# Template memory: a line seen in enough earlier articles is furniture.
tpl() {
	for d in a b c; do
		printf '%s\t1\ttext\tThe council met on %s to discuss the budget for the coming year and its many parts.\n' $d $d
		printf '%s\t2\ttext\tOur town, our paper, since eighteen ninety\n' $d
	done
}
tpl > "$T/tpl.rec"
ok 'without -t, every article is alone' "test \$(lede-strip -a tpl.rec | grep -c template) -eq 0"
ok '-t remembers lines across articles' \
  "lede-strip -a -x -t 100 --template-min=2 tpl.rec | grep -c '	promo	Our town.*	template\$' | grep -qx 1"
t_err '-t must be a number' 2 '' "lede-strip: -t: 'x' is not a number from 0 to 67108864\nTry 'lede-strip --help' for more information.\n" lede-strip -t x

# Usage.
ok '--help writes usage to stdout, exit 0' "lede-strip --help | grep -q '^usage: lede-strip'"
ok '--version exits 0' "lede-strip --version > /dev/null"
ok 'unknown option (exit 2)' "lede-strip --bogus < /dev/null 2> err; test \$? -eq 2 && grep -q \"lede-strip: unrecognized option '--bogus'\" err"
t_err 'unknown kind in -k' 2 '' "lede-strip: unknown kind 'story' in -k\nTry 'lede-strip --help' for more information.\n" lede-strip -k body,story
t_err '-a with -v' 2 '' "lede-strip: -a and -v cannot be used together\nTry 'lede-strip --help' for more information.\n" lede-strip -a -v

# Bad input never crashes and is never lost silently.
t_err 'a malformed record is an error' 1 'd\t1\ttext\n' 'lede-strip: -:1: record has 3 fields, needs 4 (DOC LOC KIND TEXT)\n' lede-strip
t '--lenient passes it on' 0 'd\t1\ttext\nd\t2\ttext\tHome\n' 'd\t1\ttext\nd\t2\tpromo\tHome\n' sh -c 'lede-strip -a --lenient 2>/dev/null'
ok 'invalid UTF-8, NULs and control bytes' \
  "printf 'd\t1\ttext\tBy \377\376 Jo\nd\t2\ttext\tWords \300\200 of a paragraph with \000 inside, long enough to count as text here.\n' | lede-strip -a > /dev/null"
ok 'a 2 MB paragraph' \
  "awk 'BEGIN { printf \"d\t1\ttext\t\"; for (i = 0; i < 200000; i++) printf \"the word \"; print \"end.\" }' | lede-strip | cut -f3 | grep -qx body"
ok 'many short records' \
  "awk 'BEGIN { for (i = 1; i <= 20000; i++) printf \"d\t%d\ttext\tItem %d\n\", i, i }' | lede-strip -a | wc -l | grep -qx 20000"

done_testing
