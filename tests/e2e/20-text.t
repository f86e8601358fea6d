#!/bin/sh
# lede-text, and the record reader every tool shares.
. "${0%/*}/lib.sh"

t 'paragraphs and articles' 0 'a\t1\tbody\tOne.\na\t2\tbody\tTwo.\nb\t1\ttitle\tHead\n' \
  'One.\n\nTwo.\n\f\nHead\n\f\n' lede-text
t 'sentences of a paragraph joined' 0 'a\t1.1\tbody\tOne.\na\t1.2\tbody\tTwo.\na\t2.1\tbody\tThree.\n' \
  'One. Two.\n\nThree.\n\f\n' lede-text
t 'findings skipped' 0 'a\t1\tbody\tSaid it.\na\t1\tquote\tit\tX\tsaid\tdirect\na\t1\tPERSON\tX\t0\t1\tX\n' \
  'Said it.\n\f\n' lede-text
t 'escapes undone' 0 'a\t1\tbody\tx\\ty\\\\z\\nw\n' 'x\ty\\z\nw\n\f\n' lede-text
t 'empty input' 0 '' '' lede-text
t 'CRLF records' 0 'a\t1\tbody\tOne.\r\na\t2\tbody\tTwo.\r\n' 'One.\n\nTwo.\n\f\n' lede-text
t 'empty TEXT field kept' 0 'a\t1\tbody\t\n' '\n\f\n' lede-text
t 'extra fields ignored' 0 'a\t1\tbody\tx\textra\t\n' 'x\n\f\n' lede-text
t_err 'too few fields' 1 'a\t1\tbody\n' \
  'lede-text: -:1: record has 3 fields, needs 4 (DOC LOC KIND TEXT)\n' lede-text
t_err 'bad escape' 1 'a\t1\tbody\tx\\qy\n' 'lede-text: -:1: bad escape in field 4\n' lede-text
t_err 'backslash at end of line' 1 'a\t1\tbody\tx\\\n' 'lede-text: -:1: bad escape in field 4\n' lede-text
t_err 'empty DOC' 1 '\t1\tbody\tx\n' 'lede-text: -:1: empty DOC field\n' lede-text
t 'bad records are skipped, the rest written' 1 'a\t1\tbody\tone\nbroken\na\t2\tbody\ttwo\n' \
  'one\n\ntwo\n\f\n' sh -c 'lede-text 2>/dev/null'
t_err '--lenient warns and goes on' 0 'a\t1\tbody\tone\nbroken\n' \
  'lede-text: -:2: record has 1 field, needs 4 (DOC LOC KIND TEXT) (passed on unchanged)\n' lede-text --lenient
t 'invalid UTF-8 in records passes through' 0 'a\t1\tbody\tx\0377y\n' 'x\0377y\n\f\n' lede-text
ok 'NUL inside a field passes through' \
  'printf "a\t1\tbody\tx\000y\n" | lede-text | od -c | grep -q "x  \\\\0   y"'
ok '-o writes one file per article' \
  'printf "dir/a.txt\t1\tbody\tOne\nb\t1\tbody\tTwo\nb\t2\tbody\tThree\n" | lede-text -o out && test "$(cat out/dir_a.txt.txt)" = One && printf "Two\n\nThree\n" | cmp - out/b.txt'
ok '-o never overwrites: a repeated DOC gets -2' \
  'printf "a\t1\tbody\tOne\nb\t1\tbody\tx\na\t1\tbody\tAgain\n" | lede-text -o out && test "$(cat out/a-2.txt)" = Again'
ok 'unreadable file among several' \
  'printf "a\t1\tbody\tx\n" > r; lede-text nope r > o2 2> err; test $? = 1 && test "$(head -1 o2)" = x && grep -q "lede-text: nope: No such file" err'
ok 'write error on /dev/full' \
  'printf "a\t1\tbody\tx\n" | lede-text > /dev/full 2> err; test $? = 1 && grep -q "write error" err'
ok 'round trip: lede-split | lede-text keeps every character of the samples but spaces' \
  'for f in "$LEDE_ROOT"/examples/*.txt; do lede-split "$f" 2>/dev/null | lede-text | tr -d " \n\f" > a; sed "s/^\xef\xbb\xbf//; s/\xc2\xa0//g" "$f" | tr -d " \n\t\r" > b; cmp a b || exit 1; done'
ok 'a 50 MB field' \
  'awk "BEGIN { s = \"x\"; while (length(s) < 50000000) s = s s; print \"a\t1\tbody\t\" s }" | lede-text | wc -c | grep -qx 67108867'
t '--json: one object per article' 0 'a\t1\tbody\tOne "x".\na\t2.1\tbody\tTwo.\na\t2.2\tbody\tThree.\nb\t1\ttitle\tHead\n' \
  '{"doc":"a","text":"One \\"x\\".\\n\\nTwo. Three."}\n{"doc":"b","text":"Head"}\n' lede-text --json
t_err '-o and --json together is a usage error' 2 '' \
  "lede-text: -o and --json cannot be used together\nTry 'lede-text --help' for more information.\n" lede-text --json -o x
done_testing
