#!/bin/sh
# lede-entities: each rule family on sentences of our own, options, bad input.
. "${0%/*}/lib.sh"

# Titles split a run; a family name alone takes the full name as CANON.
t 'title, person, NORP, GPE, DATE, canon' 0 \
  'a\t1\tbody\tForeign Minister Anna Kowalski met Canadian officials in Ottawa on March 3, 2024.\na\t2\tbody\tKowalski said the talks went well.\n' \
  'a\t1\tPERSON\tAnna Kowalski\t17\t30\tAnna Kowalski\na\t1\tNORP\tCanadian\t35\t43\tCanadian\na\t1\tGPE\tOttawa\t57\t63\tOttawa\na\t1\tDATE\tMarch 3, 2024\t67\t80\tMarch 3, 2024\na\t2\tPERSON\tKowalski\t0\t8\tAnna Kowalski\n' \
  lede-entities
t 'sentence-initial common words are no entity' 0 \
  'b\t1\tbody\tInstead, the talks ended. The company said nothing.\n' '' lede-entities
t 'organisation suffix, percent, money' 0 \
  'c\t1\tbody\tBrightwater Holdings Inc. said profits rose 5% to $2.1 billion.\n' \
  'c\t1\tORG\tBrightwater Holdings Inc.\t0\t25\tBrightwater Holdings Inc.\nc\t1\tPERCENT\t5%\t44\t46\t5%\nc\t1\tMONEY\t$2.1 billion\t50\t62\t$2.1 billion\n' \
  lede-entities
t 'facility, place and event suffixes' 0 \
  'd\t1\tbody\tShips left Northfield International Airport for the Red Sea before the Oslo Peace Conference.\n' \
  'd\t1\tFAC\tNorthfield International Airport\t11\t43\tNorthfield International Airport\nd\t1\tLOC\tRed Sea\t52\t59\tRed Sea\nd\t1\tEVENT\tOslo Peace Conference\t71\t92\tOslo Peace Conference\n' \
  lede-entities
t 'place by context: town of X, X police' 0 \
  'e\t1\tbody\tFloods hit the town of Veldhoven, and Zarnow police closed roads.\n' \
  'e\t1\tGPE\tVeldhoven\t23\t32\tVeldhoven\ne\t1\tGPE\tZarnow\t38\t44\tZarnow\n' lede-entities
t 'sports report: towns are teams, also in the headline' 0 \
  'f\t1\ttitle\tSOCCER - EASTBURY BEAT WESTFORD\nf\t2\tbody\tEastbury beat Westford in the cup final on Saturday, scoring two goals in the match.\nf\t3\tbody\tEastbury 2 Westford 1\n' \
  'f\t1\tORG\tEASTBURY\t9\t17\tEASTBURY\nf\t1\tORG\tWESTFORD\t23\t31\tWESTFORD\nf\t2\tORG\tEastbury\t0\t8\tEastbury\nf\t2\tORG\tWestford\t14\t22\tWestford\nf\t2\tDATE\tSaturday\t43\t51\tSaturday\nf\t3\tORG\tEastbury\t0\t8\tEastbury\nf\t3\tORG\tWestford\t11\t19\tWestford\n' \
  lede-entities
t 'title-case heading: only names known elsewhere; contractions' 0 \
  "i\t1\ttitle\tCanadian Officials Meeting to Discuss Ottawa Plans\ni\t2\tbody\tWe're ready, Anna Kowalski told reporters in Ottawa.\n" \
  'i\t1\tNORP\tCanadian\t0\t8\tCanadian\ni\t1\tGPE\tOttawa\t38\t44\tOttawa\ni\t2\tPERSON\tAnna Kowalski\t13\t26\tAnna Kowalski\ni\t2\tGPE\tOttawa\t45\t51\tOttawa\n' \
  lede-entities
t 'titles in quotes are works of art' 0 \
  'w\t1\tbody\tShe starred in "Ice Cold in Alex" and "The Long Night" last year.\n' \
  'w\t1\tWORK_OF_ART\tIce Cold in Alex\t16\t32\tIce Cold in Alex\nw\t1\tWORK_OF_ART\tThe Long Night\t39\t53\tThe Long Night\nw\t1\tDATE\tlast year\t55\t64\tlast year\n' \
  lede-entities
t 'list names get their main name as CANON' 0 \
  'g\t1\tbody\tThe U.S. and the EU met.\n' \
  'g\t1\tGPE\tU.S.\t4\t8\tUnited States\ng\t1\tORG\tEU\t17\t19\tEuropean Union\n' lede-entities
t 'offsets count code points' 0 'h\t1\tbody\tZo\0303\0253 Brennan visited Krak\0303\0263w on Tuesday.\n' \
  'h\t1\tPERSON\tZo\0303\0253 Brennan\t0\t11\tZo\0303\0253 Brennan\nh\t1\tGPE\tKrak\0303\0263w\t20\t26\tKrak\0303\0263w\nh\t1\tDATE\tTuesday\t30\t37\tTuesday\n' \
  lede-entities
t '--json' 0 'h\t1\tbody\tZoe Brennan visited Ottawa.\n' \
  '{"doc":"h","loc":"1","kind":"PERSON","text":"Zoe Brennan","start":0,"end":11,"canon":"Zoe Brennan"}\n{"doc":"h","loc":"1","kind":"GPE","text":"Ottawa","start":20,"end":26,"canon":"Ottawa"}\n' \
  lede-entities --json
t '-p passes records, findings unchanged' 0 'h\t1\tbody\tZoe Brennan visited Ottawa.\nh\t1\tquote\tHi\tX\tsaid\tdirect\n' \
  'h\t1\tbody\tZoe Brennan visited Ottawa.\nh\t1\tPERSON\tZoe Brennan\t0\t11\tZoe Brennan\nh\t1\tGPE\tOttawa\t20\t26\tOttawa\nh\t1\tquote\tHi\tX\tsaid\tdirect\n' \
  lede-entities -p
t '-t keeps some kinds' 0 'h\t1\tbody\tZoe Brennan visited Ottawa on Tuesday.\n' \
  'h\t1\tGPE\tOttawa\t20\t26\tOttawa\nh\t1\tDATE\tTuesday\t30\t37\tTuesday\n' lede-entities -t GPE,DATE
t '--numbers' 0 'n\t1\tbody\tThe 12 ships sailed 40 km on the second day.\n' \
  'n\t1\tCARDINAL\t12\t4\t6\t12\nn\t1\tQUANTITY\t40 km\t20\t25\t40 km\nn\t1\tORDINAL\tsecond\t33\t39\tsecond\n' \
  lede-entities --numbers
printf '# my names\nAcme Widgets\tORG\nBrightstar\tPERSON\tJo Brightstar\n' > "$T/mine.tsv"
t '-g user gazetteer' 0 'g\t1\tbody\tAcme Widgets hired Brightstar.\n' \
  'g\t1\tORG\tAcme Widgets\t0\t12\tAcme Widgets\ng\t1\tPERSON\tBrightstar\t19\t29\tJo Brightstar\n' \
  lede-entities -g "$T/mine.tsv"
t 'empty input' 0 '' '' lede-entities
t 'empty and blank texts' 0 'd\t1\ttext\t\nd\t2\ttext\t \nd\t3\ttext\t.\n' '' lede-entities
t 'escaped fields stay escaped' 0 'd\\\\x\t1\tbody\tShips reached Ottawa.\n' \
  'd\\\\x\t1\tGPE\tOttawa\t14\t20\tOttawa\n' lede-entities
t 'invalid UTF-8 and NUL do not crash' 0 'x\t1\tbody\tbad \0377 byte and \0000 nul in Paris\n' \
  'x\t1\tGPE\tParis\t24\t29\tParis\n' lede-entities
t_err 'malformed record' 1 'x\t1\n' 'lede-entities: -:1: record has 2 fields, needs 4 (DOC LOC KIND TEXT)\n' lede-entities
t '--lenient passes a malformed record on' 0 'x\t1\n' 'x\t1\n' sh -c 'lede-entities --lenient 2>/dev/null'
t_err 'unknown type' 2 '' "lede-entities: unknown entity type in -t: FOO\nTry 'lede-entities --help' for more information.\n" lede-entities -t FOO
t 'unknown option' 2 '' '' sh -c 'lede-entities --bogus 2>/dev/null'
ok '--help' 'lede-entities --help | grep -q "^usage: lede-entities"'
t_err 'missing gazetteer' 1 '' "lede-entities: $T/none.tsv: No such file or directory\nlede-entities: cannot load gazetteer $T/none.tsv\n" lede-entities -g "$T/none.tsv"
ok 'huge line' "awk 'BEGIN { printf \"d\\t1\\tbody\\t\"; for (i = 0; i < 200000; i++) printf \"Paris and Rome. \"; print \"\" }' | lede-entities | wc -l | grep -q '^400000\$'"
# Articles are independent: a stream cut at an article boundary gives the same bytes.
printf 'a\t1\tbody\tSARS spread. Anna Kowalski met Sars experts in Ottawa.\nb\t1\tbody\tSars and SARS: Kowalski said so in Krakow.\nc\t1\ttitle\tOTTAWA WINS\nc\t2\tbody\tOttawa beat Westford 2-1 in the cup final, scoring two goals.\n' > "$T/three.rec"
ok 'same output when the stream is cut between articles' \
  "lede-entities three.rec > whole && head -1 three.rec | lede-entities > part && tail -n +2 three.rec | lede-entities >> part && cmp whole part"
done_testing
