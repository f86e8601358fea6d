#!/bin/sh
# lede-sentences: paragraphs into sentence records; findings pass through.
. "${0%/*}/lib.sh"

t 'paragraph into sentences' 0 'a\t3\tbody\tIt rained. Roads shut!\n' \
  'a\t3.1\tbody\tIt rained.\na\t3.2\tbody\tRoads shut!\n' lede-sentences
t 'kind and DOC kept, extra fields dropped' 0 'd/x.txt:2\t7\ttitle\tBig win. Small loss.\twhy\n' \
  'd/x.txt:2\t7.1\ttitle\tBig win.\nd/x.txt:2\t7.2\ttitle\tSmall loss.\n' lede-sentences
t 'one sentence still gets N.1' 0 'a\t1\ttext\tHeadline without a stop\n' \
  'a\t1.1\ttext\tHeadline without a stop\n' lede-sentences
t 'already split passes unchanged' 0 'a\t2.1\tbody\tOne. Two.\textra\n' \
  'a\t2.1\tbody\tOne. Two.\textra\n' lede-sentences
t 'findings pass unchanged' 0 'a\t1\tquote\tWe won. We rest.\tAnn Lee\tsaid\tdirect\na\t1\tPERSON\tAnn Lee\t0\t7\tAnn Lee\n' \
  'a\t1\tquote\tWe won. We rest.\tAnn Lee\tsaid\tdirect\na\t1\tPERSON\tAnn Lee\t0\t7\tAnn Lee\n' lede-sentences
t 'blank paragraph has no sentences' 0 'a\t1\tbody\t   \na\t2\tbody\tYes.\n' \
  'a\t2.1\tbody\tYes.\n' lede-sentences
t 'abbreviations and initials' 0 'a\t1\tbody\tDr. J. K. Amadi of Acme Inc. met Gov. Reyes at 9 a.m. on Jan. 4. They spoke.\n' \
  'a\t1.1\tbody\tDr. J. K. Amadi of Acme Inc. met Gov. Reyes at 9 a.m. on Jan. 4.\na\t1.2\tbody\tThey spoke.\n' lede-sentences
t 'abbreviation ending a sentence' 0 'a\t1\tbody\tShe moved to the U.S. She liked it.\n' \
  'a\t1.1\tbody\tShe moved to the U.S.\na\t1.2\tbody\tShe liked it.\n' lede-sentences
t 'glued sentences' 0 'a\t1\tbody\tThey left Oslo.\342\200\234We had to,\342\200\235 she said.\n' \
  'a\t1.1\tbody\tThey left Oslo.\na\t1.2\tbody\t\342\200\234We had to,\342\200\235 she said.\n' lede-sentences
t 'quote after the attribution' 0 'a\t1\tbody\t"It is over," he said. "We go home."\n' \
  'a\t1.1\tbody\t"It is over," he said.\na\t1.2\tbody\t"We go home."\n' lede-sentences
t 'escapes inside the text' 0 'a\t1\tbody\tLine one\\nLine two. Tab\\there.\n' \
  'a\t1.1\tbody\tLine one\na\t1.2\tbody\tLine two.\na\t1.3\tbody\tTab\\there.\n' lede-sentences
t 'web writing: emoticon and mail address' 0 'a\t1\tbody\tFun night :-) See you. Mail: kim@example.net Hours vary.\n' \
  'a\t1.1\tbody\tFun night :-)\na\t1.2\tbody\tSee you.\na\t1.3\tbody\tMail: kim@example.net\na\t1.4\tbody\tHours vary.\n' lede-sentences
t 'markup at the edges left out' 0 'a\t1\tbody\t<p>It passed. Few objected.</p>\n' \
  'a\t1.1\tbody\tIt passed.\na\t1.2\tbody\tFew objected.\n' lede-sentences
t '--json' 0 'a\t1\tbody\tHi there. Bye.\n' \
  '{"doc":"a","loc":"1.1","kind":"body","text":"Hi there."}\n{"doc":"a","loc":"1.2","kind":"body","text":"Bye."}\n' \
  lede-sentences --json
t 'empty input' 0 '' '' lede-sentences
t 'invalid UTF-8 passes through' 0 'a\t1\tbody\tOdd \377 byte. Next.\n' \
  'a\t1.1\tbody\tOdd \377 byte.\na\t1.2\tbody\tNext.\n' lede-sentences
t_err 'malformed record' 1 'a\t1\tbody\n' \
  'lede-sentences: -:1: record has 3 fields, needs 4 (DOC LOC KIND TEXT)\n' lede-sentences
t_err '--lenient passes it on' 0 'broken\n' \
  'lede-sentences: -:1: record has 1 field, needs 4 (DOC LOC KIND TEXT) (passed on unchanged)\n' lede-sentences --lenient
t 'unknown option' 2 '' '' sh -c 'lede-sentences --bogus 2>/dev/null'
ok '--help on stdout' 'lede-sentences --help | grep -q "^usage: lede-sentences"'
ok '--version' 'lede-sentences --version | grep -q lede'
ok '-a adds abbreviations' \
  'printf "Brgdr\n" > ab; printf "a\t1\tbody\tWe met Brgdr. Omondi.\n" | lede-sentences -a ab | wc -l | grep -qx 1'
ok '-a with a missing file fails' 'lede-sentences -a nope < /dev/null 2> err; test $? = 1 && grep -q nope err'
ok 'a 20 MB paragraph' \
  'awk "BEGIN { s = \"Go now. \"; while (length(s) < 20000000) s = s s; print \"a\t1\tbody\t\" s }" | lede-sentences | wc -l | grep -qx 4194304'
ok 'lede-split | lede-sentences keeps every character but spaces' \
  'for f in "$LEDE_ROOT"/examples/*.txt; do lede-split "$f" 2>/dev/null | cut -f4 | tr -d " \n" > a; lede-split "$f" 2>/dev/null | lede-sentences | cut -f4 | tr -d " \n" > b; cmp a b || exit 1; done'
done_testing
