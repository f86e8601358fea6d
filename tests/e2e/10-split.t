#!/bin/sh
# lede-split: paragraphs, repair, glue, modes, dumps, JSON Lines, bad input.
. "${0%/*}/lib.sh"

t 'one paragraph a line' 0 'First one.\n\nSecond one.\n' \
  '-\t1\ttext\tFirst one.\n-\t2\ttext\tSecond one.\n' lede-split
t 'no final newline' 0 'Only line' '-\t1\ttext\tOnly line\n' lede-split
t 'empty input' 0 '' '' lede-split
t 'blank lines only' 0 '\n \n\t\n' '' lede-split
t 'CRLF line ends' 0 'One.\r\nTwo.\r\n' '-\t1\ttext\tOne.\n-\t2\ttext\tTwo.\n' lede-split
t 'CR-only line ends' 0 'One.\rTwo.\r' '-\t1\ttext\tOne.\n-\t2\ttext\tTwo.\n' lede-split
t 'BOM dropped' 0 '\0357\0273\0277Headline\n' '-\t1\ttext\tHeadline\n' lede-split
t 'NBSP and odd spaces folded' 0 'a\0302\0240b\0342\0200\0211c\0343\0200\0200d\n' \
  '-\t1\ttext\ta b c d\n' lede-split
t 'zero-width dropped' 0 'wo\0342\0200\0213rd\0357\0273\0277s\n' '-\t1\ttext\twords\n' lede-split
t 'tabs and runs of spaces' 0 '  a\t\tb   c  \n' '-\t1\ttext\ta b c\n' lede-split
t 'control characters dropped' 0 'a\0001b\0033c\0177d\n' '-\t1\ttext\tabcd\n' lede-split
t 'backslash escaped' 0 'C:\\\\dir\n' '-\t1\ttext\tC:\\\\\\\\dir\n' lede-split
t 'NFC composition' 0 'Cafe\0314\0201\n' '-\t1\ttext\tCaf\0303\0251\n' lede-split
t 'NFC singleton (ohm sign)' 0 '5 \0342\0204\0246\n' '-\t1\ttext\t5 \0316\0251\n' lede-split
t_err 'invalid UTF-8 repaired and counted' 0 'a\0377b\0300\0200c\n' \
  'lede-split: -: 2 invalid UTF-8 sequences replaced by U+FFFD (first at byte offset 1)\n' lede-split
t 'invalid UTF-8 becomes U+FFFD' 0 'a\0377b\n' '-\t1\ttext\ta\0357\0277\0275b\n' sh -c 'lede-split 2>/dev/null'
t_err '--strict fails on invalid UTF-8' 1 'ok\nbad \0355\0240\0200 surrogate\n' \
  'lede-split: -:2: invalid UTF-8 at byte offset 7\n' lede-split --strict
t_err 'NUL bytes dropped and counted' 0 'a\0000b\n' 'lede-split: -: 1 NUL byte dropped\n' lede-split
t 'NUL bytes do not cut the line' 0 'a\0000b\n' '-\t1\ttext\tab\n' sh -c 'lede-split 2>/dev/null'

# Glued paragraphs are cut again; abbreviations, numbers, URLs stay whole.
t 'glued: period + opening quote' 0 'talks with Russia.\0342\0200\0234We had conversations,\0342\0200\0235 he said.\n' \
  '-\t1\ttext\ttalks with Russia.\n-\t2\ttext\t\0342\0200\0234We had conversations,\0342\0200\0235 he said.\n' lede-split
t 'glued: acronym + capitalised word' 0 'membership in NATO.Putin has long said so.\n' \
  '-\t1\ttext\tmembership in NATO.\n-\t2\ttext\tPutin has long said so.\n' lede-split
t 'glued: closing quote stays with the first' 0 'It ended,\0342\0200\0235 she said.\0342\0200\0234Then\0342\0200\0235\n' \
  '-\t1\ttext\tIt ended,\0342\0200\0235 she said.\n-\t2\ttext\t\0342\0200\0234Then\0342\0200\0235\n' lede-split
t 'glued: question mark' 0 'Why not?Because it rained.\n' \
  '-\t1\ttext\tWhy not?\n-\t2\ttext\tBecause it rained.\n' lede-split
t 'not glued: U.S. and e.g.' 0 'The U.S.Army and e.g.Paris and J.Smith\n' \
  '-\t1\ttext\tThe U.S.Army and e.g.Paris and J.Smith\n' lede-split
t 'not glued: title' 0 'Ask Mr.Smith today\n' '-\t1\ttext\tAsk Mr.Smith today\n' lede-split
t 'not glued: decimals and versions' 0 'Up 3.5 percent, v2.0 out\n' '-\t1\ttext\tUp 3.5 percent, v2.0 out\n' lede-split
t 'not glued: brand with !' 0 'Read Yahoo!News daily\n' '-\t1\ttext\tRead Yahoo!News daily\n' lede-split
t 'not glued: URLs and e-mail' 0 'See https://example.org/A.Html or jane.Doe@Example.com or www.Site.Com\n' \
  '-\t1\ttext\tSee https://example.org/A.Html or jane.Doe@Example.com or www.Site.Com\n' lede-split
t 'not glued: domain name' 0 'Visit Yahoo.Com now\n' '-\t1\ttext\tVisit Yahoo.Com now\n' lede-split

# Paragraph modes.
t '-b joins hard-wrapped lines' 0 'One two\nthree.\n\nFour\nfive.\n' \
  '-\t1\ttext\tOne two three.\n-\t2\ttext\tFour five.\n' lede-split -b
t '-b rejoins a hyphenated word' 0 'a well-\nknown fact\n' '-\t1\ttext\ta well-known fact\n' lede-split -b
t '-l keeps lines' 0 'One two\nthree.\n' '-\t1\ttext\tOne two\n-\t2\ttext\tthree.\n' lede-split -l
ok 'auto mode detects hard-wrapped text' \
  'lede-split "$DATA/wrapped.txt" | cut -f2 | tr "\n" " " | grep -qx "1 2 3 "'
ok 'auto mode keeps one-line paragraphs' \
  'printf "Menu\nHome\nA long first paragraph.\n\nAnother.\n" | lede-split | wc -l | grep -qx 4'

# Files, dumps, JSON Lines.
ok 'DOC is the path as given' \
  'printf "x\n" > a.txt && lede-split a.txt | cut -f1 | grep -qx a.txt'
t '-d separates articles' 0 'A one.\n=====\nB one.\nB two.\n=====\n' \
  '-:1\t1\ttext\tA one.\n-:2\t1\ttext\tB one.\n-:2\t2\ttext\tB two.\n' lede-split -d '^=+$'
t_err '-d with a bad regex is a usage error' 2 '' \
  "lede-split: -d: bad regex at offset 1: missing closing parenthesis\nTry 'lede-split --help' for more information.\n" lede-split -d '('
t '-J reads JSON Lines' 0 '{"id":"x1","title":"Head","text":"P one.\\nP two."}\n{"url":"http://u/2","text":"Only"}\n{"text":"No id"}\n' \
  'x1\t1\ttext\tHead\nx1\t2\ttext\tP one.\nx1\t3\ttext\tP two.\nhttp://u/2\t1\ttext\tOnly\n-:3\t1\ttext\tNo id\n' lede-split -J
t_err '-J reports a line without text' 1 '{"id":1}\nnot json\n' \
  "lede-split: -:1: no \"text\" string in the object\nlede-split: -:2: not a JSON object: '[' or '{' expected near 'not'\n" lede-split -J
t '--json output' 0 'He said "hi"\n' '{"doc":"-","loc":"1","kind":"text","text":"He said \\"hi\\""}\n' lede-split --json

# Bad usage and bad files.
t_err 'unknown option' 2 '' "lede-split: unrecognized option '--nope'\nTry 'lede-split --help' for more information.\n" lede-split --nope
t_err 'missing option argument' 2 '' "lede-split: option requires an argument -- 'd'\nTry 'lede-split --help' for more information.\n" lede-split -d
ok '--help to stdout, exit 0' 'lede-split --help | grep -q "^usage: lede-split"'
ok '--version' 'lede-split --version | grep -q "^lede-split (lede) "'
ok 'unreadable file among several: warn, go on, exit 1' \
  'printf "a\n" > a.txt; lede-split missing.txt a.txt > out 2> err; test $? = 1 && grep -q "^a.txt	1	text	a$" out && grep -q "^lede-split: missing.txt: No such file" err'
ok 'write error on /dev/full is exit 1' \
  'printf "a\n" | lede-split > /dev/full 2> err; test $? = 1 && grep -q "write error" err'
ok 'quiet on a closed pipe' \
  'yes "A line of text." | head -100000 | lede-split 2> err | head -1 > /dev/null; test ! -s err'
junk 200000 > "$T/junk.bin"
ok 'binary junk does not crash' \
  'lede-split junk.bin > out 2> err; test $? = 0 && test -s out && grep -q "invalid UTF-8" err'
ok 'a 50 MB line is one paragraph' \
  'awk "BEGIN { s = \"word \"; while (length(s) < 50000000) s = s s; print s }" | lede-split | wc -l | grep -qx 1'
ok 'nothing lost: words in order' \
  'lede-split "$DATA/wrapped.txt" | lede-text | tr -s " \n\f" "\n\n\n" | grep -v "^$" > a; tr -s " \n" "\n\n" < "$DATA/wrapped.txt" > b; cmp a b'
done_testing
