#!/bin/sh
# Pathological inputs, each with its defined behaviour (see tests/PATHOLOGICAL.md).
# Raw inputs go through lede-split; record inputs through every record tool.
# No tool may crash (exit > 128), hang, or lose data silently.
. "${0%/*}/lib.sh"

cd "$T" || exit 1
# Under valgrind ($LEDE_WRAP) the largest inputs are ten times smaller, so
# that `make valgrind` ends in minutes; the behaviour checked is the same.
if [ -n "$LEDE_WRAP" ]; then K=10; else K=1; fi
export K
RECTOOLS=""
for tool in lede-sentences lede-strip lede-quotes lede-entities lede-text; do
	[ -x "$LEDE_BIN/$tool" ] && RECTOOLS="$RECTOOLS $tool"
done
export RECTOOLS

# every_tool NAME FILE STATUS: each record tool reads FILE and exits STATUS.
every_tool() {
	for tool in $RECTOOLS; do
		ok "$1: $tool exits $3" "$tool < $2 > /dev/null 2> err.$tool; test \$? = $3"
	done
}

# 1 binary junk
junk 300000 > junk.bin
ok 'binary junk: split repairs, warns, exits 0' \
  'lede-split junk.bin > junk.rec 2> err; test $? = 0 && grep -q "invalid UTF-8 sequences replaced" err && test -s junk.rec'
ok 'binary junk: split output is valid UTF-8' 'iconv -f UTF-8 -t UTF-8 junk.rec > /dev/null'
every_tool 'binary junk records' junk.rec 0

# 2 NUL bytes
printf 'One\000two\000\000three.\n\000\n' > nul.txt
ok 'NUL bytes: dropped and counted' \
  'lede-split nul.txt > nul.rec 2> err; test $? = 0 && grep -q "4 NUL bytes dropped" err && grep -q "Onetwothree." nul.rec'
every_tool 'NUL bytes' nul.rec 0

# 3 a million empty articles
awk -v k=$K 'BEGIN { for (i = 0; i < 1000000 / k; i++) print "=====" }' > empty-articles.txt
ok '10^6 empty articles: no records, exit 0' \
  'lede-split -d "^=====\$" empty-articles.txt > out && test ! -s out'
awk -v k=$K 'BEGIN { for (i = 0; i < 100000 / k; i++) printf "d%d\t1\ttext\tA short line number %d.\n", i, i }' > many-docs.rec
every_tool '10^5 one-paragraph articles' many-docs.rec 0
ok '10^5 articles: lede-text ends each with a form feed' \
  'test "$(lede-text < many-docs.rec | grep -c "^$(printf "\\f")\$")" = $((100000 / K))'

# 4 one 50 MB paragraph
awk -v k=$K 'BEGIN { s = "The minister said the talks went well, and then they went on. "; while (length(s) < 50000000 / k) s = s s; print s }' > big-para.txt
ok 'one 50 MB paragraph: one record' 'lede-split big-para.txt > big.rec && test "$(wc -l < big.rec)" = 1'
every_tool '50 MB paragraph' big.rec 0

# 5 unterminated quotes across 10^4 paragraphs
awk 'BEGIN { print "d\t1\ttext\t\342\200\234This quote never closes, she said"; for (i = 2; i <= 10000; i++) printf "d\t%d\ttext\tParagraph %d goes on without any mark at all.\n", i, i }' > open-quote.rec
every_tool 'unterminated quote over 10^4 paragraphs' open-quote.rec 0
if [ -x "$LEDE_BIN/lede-quotes" ]; then
	ok 'unterminated quote does not run away across the article' \
	  'test "$(lede-quotes -a < open-quote.rec | wc -l)" -le 2'
fi

# 6 deeply nested quotes
awk 'BEGIN { printf "d\t1\ttext\t"; for (i = 0; i < 5000; i++) printf "\342\200\234\342\200\230word "; for (i = 0; i < 5000; i++) printf "\342\200\231\342\200\235"; print " he said." }' > nested.rec
every_tool 'quotes nested 10^4 deep' nested.rec 0

# 7 invalid UTF-8 of every class
printf 'overlong \300\200 \340\200\200 surrogate \355\240\200 too-big \364\220\200\200 five-byte \370\210\200\200\200 truncated \342\202 stray \200\277 fe-ff \376\377 end\n' > bad-utf8.txt
ok 'invalid UTF-8 of every class: each replaced, counted' \
  'lede-split bad-utf8.txt > bad.rec 2> err; test $? = 0 && grep -q "invalid UTF-8 sequences replaced" err && iconv -f UTF-8 -t UTF-8 bad.rec > /dev/null && grep -q "overlong .* end$" bad.rec'
ok 'invalid UTF-8 under --strict: exit 1, byte offset named' \
  'lede-split --strict bad-utf8.txt > /dev/null 2> err; test $? = 1 && grep -q "bad-utf8.txt:1: invalid UTF-8 at byte offset 9" err'
printf 'd\t1\ttext\tbad \300\200 \355\240\200 \364\220\200\200 \342\202 \200 bytes in a record.\n' > bad-utf8.rec
every_tool 'invalid UTF-8 inside records' bad-utf8.rec 0

# 8 unknown and long escapes, 9 backslash at the end of a line
printf 'd\t1\ttext\tfine\nd\t2\ttext\tbad \\q escape\nd\t3\ttext\t\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\nd\t4\ttext\tends in \\\n' > escapes.rec
every_tool 'bad escapes and a trailing backslash' escapes.rec 1
ok 'bad escapes are reported as FILE:LINE' \
  'lede-text escapes.rec > /dev/null 2> err; grep -q "^lede-text: escapes.rec:2: bad escape" err && grep -q "^lede-text: escapes.rec:4: bad escape" err && test "$(wc -l < err)" = 2'
for tool in $RECTOOLS; do
	ok "--lenient: $tool passes bad records on, exit 0" "$tool --lenient < escapes.rec > /dev/null 2> err; test \$? = 0 && test \$(wc -l < err) = 2"
done

# 10 CR-only line ends
printf 'First paragraph.\rSecond paragraph.\rThird.' > cr.txt
ok 'CR-only line ends: three paragraphs' 'test "$(lede-split cr.txt | wc -l)" = 3'

# 11 a record with 10^4 fields
awk 'BEGIN { printf "d\t1\ttext\tSome text here."; for (i = 0; i < 10000; i++) printf "\tf%d", i; print "" }' > wide.rec
every_tool 'a record with 10^4 fields' wide.rec 0

# 12 empty file, 13 no final newline, 14 only white space
: > empty.txt
ok 'empty file: nothing, exit 0' 'lede-split empty.txt > out && test ! -s out'
every_tool 'empty record stream' empty.txt 0
printf 'd\t1\ttext\tNo newline at the end.' > nonl.rec
every_tool 'record without final newline' nonl.rec 0
printf ' \t \n\302\240\n\342\200\213\n' > blank.txt
ok 'only white space and invisibles: nothing' 'lede-split blank.txt > out && test ! -s out'

# 15 a line of a million dots, 16 10^5 one-letter paragraphs
awk 'BEGIN { s = "."; while (length(s) < 1000000) s = s s; print "d\t1\ttext\t" s }' > dots.rec
every_tool 'a million dots' dots.rec 0
awk -v k=$K 'BEGIN { for (i = 1; i <= 100000 / k; i++) printf "d\t%d\ttext\ta\n", i }' > tiny.rec
every_tool '10^5 one-letter paragraphs' tiny.rec 0

# 17 empty TEXT, 18 a 1 MB DOC
printf 'd\t1\ttext\t\nd\t2\ttext\t\n' > emptytext.rec
every_tool 'empty TEXT fields' emptytext.rec 0
awk 'BEGIN { s = "x"; while (length(s) < 1000000) s = s s; printf "%s\t1\ttext\tA paragraph.\n", s }' > bigdoc.rec
every_tool 'a 1 MB DOC' bigdoc.rec 0

# 19 deeply nested JSON for -J
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; for (i = 0; i < 100000; i++) printf "]"; print "" }' > deep.jsonl
ok 'JSON nested 10^5 deep: reported, exit 1' \
  'lede-split -J deep.jsonl > /dev/null 2> err; test $? = 1 && grep -q "deep.jsonl:1:" err'

# 20 10^5 combining marks on one letter
awk 'BEGIN { printf "e"; for (i = 0; i < 100000; i++) printf "\314\201"; print "" }' > combining.txt
ok '10^5 combining marks: one paragraph, NFC' 'lede-split combining.txt > comb.rec && test "$(wc -l < comb.rec)" = 1'
every_tool '10^5 combining marks' comb.rec 0

# 21 nothing but quote marks and punctuation
printf 'd\t1\ttext\t\342\200\234\342\200\235\342\200\234\342\200\235"""'"''"'\302\253\302\273!?.\342\200\246\n' > marks.rec
every_tool 'only quote marks and punctuation' marks.rec 0

# 22 a record that is only tabs
printf '\t\t\t\n' > tabs.rec
every_tool 'a record of empty fields (empty DOC)' tabs.rec 1
done_testing
