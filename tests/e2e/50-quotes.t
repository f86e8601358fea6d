#!/bin/sh
# lede-quotes: marks, forms, attribution in every position, speakers, options.
. "${0%/*}/lib.sh"

# Marks as printf %b escapes: curly double and single, guillemets, dash.
L='\0342\0200\0234' R='\0342\0200\0235'
LS='\0342\0200\0230' RS='\0342\0200\0231'
LG='\0302\0253' RG='\0302\0273'
DASH='\0342\0200\0224'

# Attribution after the quotation.
t 'after: name said' 0 "a\t1\ttext\t${L}We will rebuild the bridge,${R} Mayor Ana Lopez said.\n" \
  "a\t1\tquote\tWe will rebuild the bridge\tAna Lopez\tsaid\tdirect\n" lede-quotes
t 'after: said name' 0 "a\t1\ttext\t${L}The vote is final,${R} said Governor Tom Baker.\n" \
  "a\t1\tquote\tThe vote is final\tTom Baker\tsaid\tdirect\n" lede-quotes
t 'after: told reporters, surname to full name' 0 \
  "a\t1\ttext\tGovernor Tom Baker flew home.\na\t2\ttext\t${L}Talks went well,${R} Baker told reporters on Friday.\n" \
  "a\t2\tquote\tTalks went well\tTom Baker\ttold\tdirect\n" lede-quotes
t 'after: question mark, then the speaker' 0 "a\t1\ttext\t${L}Why now?${R} Tom Baker asked.\n" \
  "a\t1\tquote\tWhy now?\tTom Baker\tasked\tdirect\n" lede-quotes
t 'after: apposition between name and verb' 0 \
  "a\t1\ttext\t${L}Costs are rising,${R} Lena Fox, an economist at the bank, said.\n" \
  "a\t1\tquote\tCosts are rising\tLena Fox\tsaid\tdirect\n" lede-quotes
t 'after: party label in brackets' 0 "a\t1\ttext\t${L}No deal,${R} Sen. Ray Cole (R-Ohio) said.\n" \
  "a\t1\tquote\tNo deal\tRay Cole\tsaid\tdirect\n" lede-quotes

# Attribution before the quotation.
t 'before: colon' 0 "a\t1\ttext\tAna Lopez said: ${L}The budget is balanced.${R}\n" \
  "a\t1\tquote\tThe budget is balanced.\tAna Lopez\tsaid\tdirect\n" lede-quotes
t 'before: comma' 0 "a\t1\ttext\tAna Lopez said, ${L}We start on Monday.${R}\n" \
  "a\t1\tquote\tWe start on Monday.\tAna Lopez\tsaid\tdirect\n" lede-quotes
t 'before: verb first' 0 "a\t1\ttext\tSaid Ana Lopez: ${L}Not this year.${R}\n" \
  "a\t1\tquote\tNot this year.\tAna Lopez\tSaid\tdirect\n" lede-quotes

# Inside: the second part goes on.
t 'inside: continued' 0 "a\t1\ttext\t${L}We will wait,${R} Ana Lopez said, ${L}and then we will act.${R}\n" \
  "a\t1\tquote\tWe will wait\tAna Lopez\tsaid\tdirect\na\t1\tquote\tand then we will act.\tAna Lopez\tsaid\tcontinued\n" \
  lede-quotes

# According to, dash, organisations.
t 'according to' 0 "a\t1\ttext\tThe plan is ${L}dead on arrival,${R} according to Senator Maria Chen.\n" \
  "a\t1\tquote\tdead on arrival\tMaria Chen\taccording to\tpartial\n" lede-quotes
t 'dash' 0 "a\t1\ttext\t${L}Nothing is decided yet.${R} ${DASH} Maria Chen\n" \
  "a\t1\tquote\tNothing is decided yet.\tMaria Chen\t${DASH}\tdirect\n" lede-quotes
t 'passive: the agent after by' 0 "a\t1\ttext\tThe scheme was branded a ${L}costly mistake${R} by Tom Baker.\n" \
  "a\t1\tquote\tcostly mistake\tTom Baker\tbranded\tpartial\n" lede-quotes
t 'transcript label inside the marks' 0 \
  "a\t1\ttext\tGovernor Tom Baker spoke to the host.\na\t2\ttext\t${L}BAKER: We will fix the roads first.${R}\n" \
  "a\t2\tquote\tWe will fix the roads first.\tTom Baker\t:\tdirect\n" lede-quotes
t 'a headline after a colon is no transcript' 0 \
  "a\t1\ttext\tBAKER: Mayor Says Roads Come First And ${L}Schools Must Wait${R} Next Year\n" '' lede-quotes
t 'organisation' 0 "a\t1\ttext\t${L}The border remains closed,${R} the Interior Ministry said in a statement.\n" \
  "a\t1\tquote\tThe border remains closed\tInterior Ministry\tsaid\tdirect\n" lede-quotes

# Pronouns and role nouns: the last fitting person.
t 'he: the last man named as a subject' 0 \
  "a\t1\ttext\tTom Baker met Maria Chen at the port.\na\t2\ttext\t${L}We need more time,${R} he said.\n" \
  "a\t2\tquote\tWe need more time\tTom Baker\tsaid\tdirect\n" lede-quotes
t 'she: a woman, not the last name' 0 \
  "a\t1\ttext\tMaria Chen spoke after Tom Baker left.\na\t2\ttext\t${L}We need more time,${R} she said.\n" \
  "a\t2\tquote\tWe need more time\tMaria Chen\tsaid\tdirect\n" lede-quotes
t 'she: not a place named in the reported clause' 0 \
  "a\t1\ttext\tThe envoy, Deputy Minister Iryna Sokol, said Kyiv had insisted on the terms.\na\t2\ttext\t${L}It was difficult,${R} she said.\n" \
  "a\t2\tquote\tIt was difficult\tIryna Sokol\tsaid\tdirect\n" lede-quotes
t 'a body the article does not name' 0 "a\t1\ttext\tThe Turkish presidency said Ankara was ${L}proud to help${R} again.\n" \
  "a\t1\tquote\tproud to help\t\tsaid\tpartial\n" lede-quotes
t 'he: not a woman called Lady' 0 \
  "a\t1\ttext\tTom Baker spoke first. Then Lady Morgan replied.\na\t2\ttext\t${L}We disagree,${R} he said.\n" \
  "a\t2\tquote\tWe disagree\tTom Baker\tsaid\tdirect\n" lede-quotes
t 'the senator: the person with that title' 0 \
  "a\t1\ttext\tSenator Maria Chen and Tom Baker toured the site.\na\t2\ttext\t${L}It is a disgrace,${R} the senator added.\n" \
  "a\t2\tquote\tIt is a disgrace\tMaria Chen\tadded\tdirect\n" lede-quotes
t 'title and name: the name only' 0 \
  "a\t1\ttext\t${L}We are ready,${R} British Prime Minister Alan Reed said.\na\t2\ttext\t${L}So are we,${R} Reed added.\n" \
  "a\t1\tquote\tWe are ready\tAlan Reed\tsaid\tdirect\na\t2\tquote\tSo are we\tAlan Reed\tadded\tdirect\n" lede-quotes
t 'nobody named nor described: empty speaker' 0 "a\t1\ttext\t${L}It was chaos,${R} the report said.\n" \
  "a\t1\tquote\tIt was chaos\t\tsaid\tdirect\n" lede-quotes

# Described, not named: the description as written, its article in lower case.
t 'described: a witness' 0 "a\t1\ttext\t${L}It was chaos,${R} a witness said.\n" \
  "a\t1\tquote\tIt was chaos\ta witness\tsaid\tdirect\n" lede-quotes
t 'described: place and role, no such person named' 0 \
  "a\t1\ttext\tThe bill passed late.\na\t2\ttext\tThe Nevada senator said it was ${L}a good day for miners${R}.\n" \
  "a\t2\tquote\ta good day for miners\tthe Nevada senator\tsaid\tpartial\n" lede-quotes
t 'described: after the verb' 0 "a\t1\ttext\t${L}We expect a deal soon,${R} said a senior Treasury official.\n" \
  "a\t1\tquote\tWe expect a deal soon\ta senior Treasury official\tsaid\tdirect\n" lede-quotes
t 'described: a possessive name and a role' 0 \
  "a\t1\ttext\t${L}She is resting,${R} Ana Lopez's spokeswoman said.\n" \
  "a\t1\tquote\tShe is resting\tAna Lopez's spokeswoman\tsaid\tdirect\n" lede-quotes
t 'described: a group' 0 "a\t1\ttext\t${L}The cuts go too far,${R} Green councillors said.\n" \
  "a\t1\tquote\tThe cuts go too far\tGreen councillors\tsaid\tdirect\n" lede-quotes
t 'described: a noun before the head' 0 "a\t1\ttext\t${L}We will appeal,${R} said the club spokesman.\n" \
  "a\t1\tquote\tWe will appeal\tthe club spokesman\tsaid\tdirect\n" lede-quotes
t 'described: not across a clause of its own' 0 \
  "a\t1\ttext\tA draft which critics described as ${L}a blank cheque${R} was passed.\n" \
  "a\t1\tquote\ta blank cheque\t\tdescribed\tpartial\n" lede-quotes
t 'described: not the object of calling' 0 \
  "a\t1\ttext\tThe coach is calling the captain ${L}the best in years${R}.\n" \
  "a\t1\tquote\tthe best in years\t\tcalling\tpartial\n" lede-quotes
t 'a role with its person named stays a name' 0 \
  "a\t1\ttext\tSenator Maria Chen toured the mine.\na\t2\ttext\tThe senator said it was ${L}a good day for miners${R}.\n" \
  "a\t2\tquote\ta good day for miners\tMaria Chen\tsaid\tpartial\n" lede-quotes

t 'described: the noun before a participle' 0 \
  "a\t1\ttext\tStudents walking past the hall shouted ${L}Not in our name!${R}\n" \
  "a\t1\tquote\tNot in our name!\tstudents\tshouted\tdirect\n" lede-quotes
t 'described: a sentence opening with a description, no verb of saying' 0 \
  "a\t1\ttext\tThe Green mayoral candidate also plans to ban ${L}all cars without drivers${R} downtown.\n" \
  "a\t1\tquote\tall cars without drivers\tthe Green mayoral candidate\t\tpartial\n" lede-quotes
t 'no verb: the main clause subject, not the one after If' 0 \
  "a\t1\ttext\tAna Lopez left.\na\t2\ttext\tIf she goes, city rules let the deputy call a ${L}snap vote${R} soon.\n" \
  '' lede-quotes

t 'he or she with no name: the description said before' 0 \
  "a\t1\ttext\tThe harbour board spokeswoman said traffic was up.\na\t2\ttext\t${L}We expect a busy summer,${R} she added.\n" \
  "a\t2\tquote\tWe expect a busy summer\tthe harbour board spokeswoman\tadded\tdirect\n" lede-quotes
t 'it: an acronym that has spoken' 0 \
  "a\t1\ttext\tThe XQZ said rates would hold. ${L}Inflation is falling,${R} it said.\n" \
  "a\t1\tquote\tInflation is falling\tXQZ\tsaid\tdirect\n" lede-quotes

# A nickname in marks is part of the name, not a quotation.
t 'nickname inside a name' 0 "a\t1\ttext\t${L}We won,${R} said Earvin ${L}Magic${R} Johnson.\n" \
  "a\t1\tquote\tWe won\tEarvin Johnson\tsaid\tdirect\n" lede-quotes
t 'apposition: description, then title, name and bracket' 0 \
  "a\t1\ttext\t${L}What a night!${R} his aunt, state Del. Rosa ${L}Ro${R} Vance (D-Ohio), shouted.\n" \
  "a\t1\tquote\tWhat a night!\tRosa Vance\tshouted\tdirect\n" lede-quotes

# A verb whose subject names nobody reports; the earlier verb's subject spoke.
t 'reported verb: the named subject of the sentence' 0 \
  "a\t1\ttext\tTom Baker said in a letter that the advert ${L}plainly and wrongly${R} suggests the city backs him.\n" \
  "a\t1\tquote\tplainly and wrongly\tTom Baker\tsaid\tpartial\n" lede-quotes
t 'reported verb: told someone who suggested' 0 \
  "a\t1\ttext\tAna Lopez told a student who suggested that nobody votes that ${L}staying home is no plan at all.${R}\n" \
  "a\t1\tquote\tstaying home is no plan at all.\tAna Lopez\ttold\tpartial\n" lede-quotes
t 'reported verb: not the object of describing' 0 \
  "a\t1\ttext\tDescribing Tom Baker as ${L}a fine man${R}, the old neighbour-of-ten said so twice.\n" \
  "a\t1\tquote\ta fine man\t\tsaid\tpartial\n" lede-quotes

# Forms.
t 'continued: next paragraph without attribution' 0 \
  "a\t1\ttext\t${L}Prices will fall,${R} said Tom Baker.\na\t2\ttext\t${L}Wages will rise.${R}\n" \
  "a\t1\tquote\tPrices will fall\tTom Baker\tsaid\tdirect\na\t2\tquote\tWages will rise.\tTom Baker\tsaid\tcontinued\n" \
  lede-quotes
t 'continued: after the attribution in the paragraph' 0 \
  "a\t1\ttext\t${L}Prices will fall,${R} said Tom Baker. ${L}Wages will rise.${R}\n" \
  "a\t1\tquote\tPrices will fall\tTom Baker\tsaid\tdirect\na\t1\tquote\tWages will rise.\tTom Baker\tsaid\tcontinued\n" \
  lede-quotes
t 'block: only the last paragraph closes' 0 \
  "a\t1\ttext\tTom Baker said: ${L}First, we fix the roads.\na\t2\ttext\t${L}Then we fix the schools.${R}\n" \
  "a\t1\tquote\tFirst, we fix the roads.\tTom Baker\tsaid\tblock\na\t2\tquote\tThen we fix the schools.\tTom Baker\tsaid\tblock\n" \
  lede-quotes
t 'paragraphs of one quotation run into one line' 0 \
  'a\t1\ttext\t"We are ready," said Tom Baker. "The roads come first. "Then the schools."\n' \
  'a\t1\tquote\tWe are ready\tTom Baker\tsaid\tdirect\na\t1\tquote\tThe roads come first.\tTom Baker\tsaid\tcontinued\na\t1\tquote\tThen the schools.\tTom Baker\tsaid\tcontinued\n' \
  lede-quotes
t 'partial' 0 "a\t1\ttext\tMaria Chen called the plan ${L}reckless and unfair${R} in a speech.\n" \
  "a\t1\tquote\treckless and unfair\tMaria Chen\tcalled\tpartial\n" lede-quotes

# Marks.
t 'British single quotes' 0 "a\t1\ttext\t${LS}We will not give up,${RS} said Home Secretary Priya Shah.\n" \
  "a\t1\tquote\tWe will not give up\tPriya Shah\tsaid\tdirect\n" lede-quotes
t 'guillemets' 0 "a\t1\ttext\t${LG}We stay here,${RG} said Jean Dupont.\n" \
  "a\t1\tquote\tWe stay here\tJean Dupont\tsaid\tdirect\n" lede-quotes
t 'straight double quotes' 0 'a\t1\ttext\t"We will win," Tom Baker said.\n' \
  'a\t1\tquote\tWe will win\tTom Baker\tsaid\tdirect\n' lede-quotes
t 'nested quotation stays in the text' 0 \
  "a\t1\ttext\t${L}He told me ${LS}never again${RS} and left,${R} said Tom Baker.\n" \
  "a\t1\tquote\tHe told me ${LS}never again${RS} and left\tTom Baker\tsaid\tdirect\n" lede-quotes
t 'apostrophes are not quotes' 0 \
  "a\t1\ttext\tIt's the '90s and rock 'n' roll, Baker's fans say, and the Joneses' dog agrees.\na\t2\ttext\tKyiv${RS}s mayor${RS}s office said so.\n" \
  '' lede-quotes -a
t 'unbalanced mark stops at the paragraph' 0 \
  "a\t1\ttext\t${L}This one never closes, Tom Baker said.\na\t2\ttext\tNothing quoted follows here, Baker said.\n" \
  "a\t1\tquote\tThis one never closes, Tom Baker said.\t\t\tdirect\n" lede-quotes

# Scare quotes and titles stay out unless -a.
t 'scare quotes dropped' 0 "a\t1\ttext\tThe so-called ${L}experts${R} were wrong again.\n" '' lede-quotes
t 'scare quotes with -a' 0 "a\t1\ttext\tThe so-called ${L}experts${R} were wrong again.\n" \
  "a\t1\tquote\texperts\t\t\tpartial\n" lede-quotes -a
t 'a title is not a quotation' 0 "a\t1\ttext\tShe watched ${L}The Long Night of the Soul${R} twice.\n" '' lede-quotes
t 'no verb: the sentence subject, without a cue' 0 "a\t1\ttext\tTom Baker sees the plan as a ${L}bold idea${R} for the city.\n" \
  "a\t1\tquote\tbold idea\tTom Baker\t\tpartial\n" lede-quotes
t 'a programme after a possessive is a title' 0 \
  "a\t1\ttext\tTom Baker told the station's ${L}Morning Report${R} that he would run.\n" '' lede-quotes
t 'short quote with a verb is kept' 0 "a\t1\ttext\tTom Baker called the report ${L}rubbish${R} on Monday.\n" \
  "a\t1\tquote\trubbish\tTom Baker\tcalled\tpartial\n" lede-quotes

# Sentence records: a quotation across two sentences of one paragraph.
t 'sentence records' 0 \
  "c\t1.1\ttext\t${L}We are not going in blind.\nc\t1.2\ttext\tThe rest is open,${R} the envoy Sam Ortiz said.\n" \
  "c\t1.1\tquote\tWe are not going in blind. The rest is open\tSam Ortiz\tsaid\tdirect\n" lede-quotes

# Options.
IN="b\t1\ttitle\tMayor Ana Lopez at the port\nb\t2\ttext\t${L}We will rebuild,${R} Lopez said.\nb\t2\tPERSON\tLopez\t12\t17\tAna Lopez\nb\t3\ttext\tThe so-called ${L}experts${R} were wrong.\n"
t '-p passes every record, quotes after their unit' 0 "$IN" \
  "b\t1\ttitle\tMayor Ana Lopez at the port\nb\t2\ttext\t${L}We will rebuild,${R} Lopez said.\nb\t2\tquote\tWe will rebuild\tAna Lopez\tsaid\tdirect\nb\t2\tPERSON\tLopez\t12\t17\tAna Lopez\nb\t3\ttext\tThe so-called ${L}experts${R} were wrong.\n" \
  lede-quotes -p
t '--json' 0 "a\t1\ttext\t${L}The vote is final,${R} said Tom Baker.\n" \
  '{"doc":"a","loc":"1","kind":"quote","text":"The vote is final","speaker":"Tom Baker","cue":"said","form":"direct"}\n' \
  lede-quotes --json
IN2="a\t1\ttext\t${L}The vote is final and binding,${R} said Tom Baker.\na\t2\ttext\t${L}Not so fast,${R} said Ana Lopez.\n"
t '--min-words' 0 "$IN2" "a\t1\tquote\tThe vote is final and binding\tTom Baker\tsaid\tdirect\n" lede-quotes --min-words 4
t '--speaker by surname' 0 "$IN2" "a\t2\tquote\tNot so fast\tAna Lopez\tsaid\tdirect\n" lede-quotes --speaker Lopez
t '--speaker by full name, any case' 0 "$IN2" "a\t1\tquote\tThe vote is final and binding\tTom Baker\tsaid\tdirect\n" \
  lede-quotes -s 'tom baker'
t 'empty input' 0 '' '' lede-quotes
t 'no quotations' 0 'a\t1\ttext\tNothing to see.\n' '' lede-quotes
t 'bad option' 2 '' '' lede-quotes --no-such-option
t 'bad --min-words' 2 '' '' lede-quotes --min-words x
t_err 'malformed record' 1 'bad line\n' 'lede-quotes: -:1: record has 1 field, needs 4 (DOC LOC KIND TEXT)\n' lede-quotes
t 'malformed record passed on with --lenient -p' 0 'bad line\n' 'bad line\n' sh -c 'lede-quotes --lenient -p 2>/dev/null'
ok '--help on stdout' 'lede-quotes --help | grep -q "^usage: lede-quotes"'
ok 'odd bytes do not crash' \
  'printf "a\t1\ttext\t\342\200\234\377\376 \"\" \302\253 \342\200\231\342\200\230\"\n" | lede-quotes -a -p > /dev/null'

done_testing
