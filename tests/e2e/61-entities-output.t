#!/bin/sh
# lede-entities: how entity lines are written -- offsets, escapes, CANON --
# on both sides of the plain-ASCII fast path.
. "${0%/*}/lib.sh"

# A multi-byte character in mid-record: offsets before it are bytes, after
# it code points; long and short entities on both sides.
t 'offsets before and after a multi-byte character' 0 \
  'k\t1\tbody\tZoe Brennan met Anna Kowalski in Krak\0303\0263w, then Northfield International Airport and Ottawa.\n' \
  'k\t1\tPERSON\tZoe Brennan\t0\t11\tZoe Brennan\nk\t1\tPERSON\tAnna Kowalski\t16\t29\tAnna Kowalski\nk\t1\tGPE\tKrak\0303\0263w\t33\t39\tKrak\0303\0263w\nk\t1\tFAC\tNorthfield International Airport\t46\t78\tNorthfield International Airport\nk\t1\tGPE\tOttawa\t83\t89\tOttawa\n' \
  lede-entities
t 'curly quotes around an entity' 0 \
  'q\t1\tbody\tThe \0342\0200\0234Oslo Peace Conference\0342\0200\0235 met Zoe Brennan in Ottawa.\n' \
  'q\t1\tWORK_OF_ART\tOslo Peace Conference\t5\t26\tOslo Peace Conference\nq\t1\tPERSON\tZoe Brennan\t32\t43\tZoe Brennan\nq\t1\tGPE\tOttawa\t47\t53\tOttawa\n' \
  lede-entities
# DOC is escaped once per article, LOC once per record: both change here.
t 'escaped DOC and LOC over records and articles' 0 \
  'k\\tx\t1\\\\2\tbody\ta\\tZoe Brennan visited Ottawa.\nk\\tx\t2\tbody\tAnna Kowalski visited Paris.\nm\t1\tbody\tZoe Brennan visited Ottawa.\n' \
  'k\\tx\t1\\\\2\tPERSON\tZoe Brennan\t2\t13\tZoe Brennan\nk\\tx\t1\\\\2\tGPE\tOttawa\t22\t28\tOttawa\nk\\tx\t2\tPERSON\tAnna Kowalski\t0\t13\tAnna Kowalski\nk\\tx\t2\tGPE\tParis\t22\t27\tParis\nm\t1\tPERSON\tZoe Brennan\t0\t11\tZoe Brennan\nm\t1\tGPE\tOttawa\t20\t26\tOttawa\n' \
  lede-entities
# A vertical tab is no escape, but it is a control byte: the slow path.
t 'control byte inside an entity' 0 \
  'm\t1\tbody\tZoe\0013Brennan visited Ottawa and Northfield International Airport.\n' \
  'm\t1\tPERSON\tZoe\0013Brennan\t0\t11\tZoe\0013Brennan\nm\t1\tGPE\tOttawa\t20\t26\tOttawa\nm\t1\tFAC\tNorthfield International Airport\t31\t63\tNorthfield International Airport\n' \
  lede-entities
printf 'Acme Widgets\tORG\tAc\\me\\tW\n' > "$T/canon.tsv"
t 'a CANON of the gazetteer is escaped' 0 'g\t1\tbody\tAcme Widgets hired Zoe Brennan.\n' \
  'g\t1\tORG\tAcme Widgets\t0\t12\tAc\\\\me\\\\tW\ng\t1\tPERSON\tZoe Brennan\t19\t30\tZoe Brennan\n' \
  lede-entities -g "$T/canon.tsv"
# Offsets around the digit-group boundaries of the number writer.
for n in 99 100 123457; do
	ok "offset $((n * 10)) written in full" \
	  "awk 'BEGIN { printf \"d\\t1\\tbody\\t\"; for (i = 0; i < $n; i++) printf \"and so on \"; print \"Ottawa.\" }' |
	   lede-entities | grep -qx 'd	1	GPE	Ottawa	$((n * 10))	$((n * 10 + 6))	Ottawa'"
done
ok 'large offset after multi-byte characters' \
  "awk 'BEGIN { printf \"d\\t1\\tbody\\t\"; for (i = 0; i < 150000; i++) printf \"caf\\303\\251 and \"; print \"Ottawa.\" }' |
   lede-entities | grep -qx 'd	1	GPE	Ottawa	1350000	1350006	Ottawa'"
done_testing
