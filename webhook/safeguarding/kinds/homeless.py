"""Homelessness tonight: nowhere to sleep tonight, sleeping rough or in a car, put out of home today.

Two answers suit it, both time-aware and both starting with 999: the crisis answer (`system.safeguarding`)
and `housing.homeless`, which gives the council's homelessness line, or its out-of-hours line and
Shelter's when the offices are closed. So the screen splits the kind:

- `ENGLISH` and `WELSH`, disclosures like every kind's: a child put out of home, someone sleeping out
  who is ill or freezing. A child or someone in danger is the safeguarding team's, whatever else the
  message says.
- `TONIGHT_ENGLISH` and `TONIGHT_WELSH`: homelessness tonight ("i have nowhere to sleep tonight", "im
  sleeping rough"). With a child in the same message (`WITH_CHILD_ENGLISH`, `WITH_CHILD_WELSH`: "me and
  the baby", "dwi'n 16") it is a disclosure too. An adult's own is left by `screen.is_crisis` to
  `housing.homeless` when the classifier is sure of it, and answered with the crisis answer otherwise,
  so that the resident always gets one of the two (crisis_in, which has no classifier to ask, does not
  count it).

Homelessness that is not tonight's ("going to be homeless in March", "eviction notice", "I have nowhere
to live", "homeless application") matches neither: it is `housing.homeless`'s alone. The crisis answer's
quick reply "I have nowhere to live" must never match, or it would lead back to the crisis answer.
"""

from __future__ import annotations

from webhook.safeguarding.english_words import (
    CHILD,
    CHILD_AGE,
    NOT_A_VISIT,
    NOWHERE,
    OUT_OF_HOME,
    PERSON,
    PUT_OUT,
    TONIGHT,
)
from webhook.safeguarding.welsh_words import (
    CY_CHILD_AGE,
    CY_NO_PLACE,
    CY_NOWHERE,
    CY_TONIGHT,
    mutations,
)

#: What makes being put out of home tonight's problem rather than a housing question.
_PUT_OUT_TONIGHT = rf"(?:{TONIGHT}|{NOWHERE}|on the streets?|sleeping rough|in the (?:car|rain|cold|snow))"
#: A child in the message: homelessness tonight with a child is a child at risk.
WITH_CHILD_ENGLISH = (
    r"\b(?:(?:my|our|the|a|\d+|two|three|four|five|me and|and (?:my|the|our)) (?:\w+ )?(?:kids|children|baby"
    rf"|babies|newborn|toddler|little ones|sons?|daughters?|boys|girls|twins|child)\b|pregnant\b|{CHILD_AGE})"
)
_CY_PUT_OUT = mutations("taflu", "cicio", "troi", "lluchio")
#: The "allan" of being put out of one's home: not out of school ("allan o'r ysgol").
_CY_OUT_OF_HOME = r"allan\b(?! o (?:r |y |yr |fy |ei )?(?!(?:ty|fflat|cartref|nghartref|nhy|lle)\b)\w+)"
_CY_PUT_OUT_TONIGHT = rf"(?:{CY_TONIGHT}|{CY_NOWHERE}|{CY_NO_PLACE} i|ar y stryd)"
WITH_CHILD_WELSH = (
    r"\b(?:plant|blant|mhlant|phlant|plentyn|blentyn|mhlentyn|babi|fabi|mabi|kids|beichiog|feichiog)\b"
    rf"|{CY_CHILD_AGE}"
)
#: Where a person sleeping out is in danger.
_OUTSIDE = (
    r"(?:outside|rough|in the (?:cold|snow|rain|freezing)|in (?:a|the) (?:\w+ )?(?:shelter|doorway|park"
    r"|street|underpass|subway|alley|alleyway|car park|field|bus stop|bin store|stairwell)|on the (?:street"
    r"|pavement|floor|ground|bench|grass|road))"
)
_DANGER_SIGN = (
    r"(?:ill|poorly|sick|unwell|freezing|frozen|minus \d+|below (?:zero|freezing)|hypothermi\w*|blue"
    r"|unconscious|not moving|isnt moving|wont wake|cant wake|not responding|unresponsive|not breathing"
    r"|bleeding|looks? (?:really |very )?(?:ill|bad|rough|unwell|poorly|grey))"
)

TONIGHT_ENGLISH = (
    # nowhere to sleep or stay, nowhere tonight
    rf"\b{NOWHERE} (?:to |i can |we can |for (?:me|us|the kids|my kids) to )?(?:sleep|stay|kip|crash"
    rf"|lay my head|rest my head)\b{NOT_A_VISIT}",
    rf"\b{NOWHERE}(?: to (?:go|live|be|stay)| for (?:me|us|the kids|the night))?(?: \w+)? (?:tonight"
    r"|this evening|right now)\b",
    rf"\b{PUT_OUT}\b(?: \w+){{0,10}} {NOWHERE} to go\b"
    rf"|\b{NOWHERE} to go\b(?: \w+){{0,10}} {PUT_OUT} (?:\w+ )?{OUT_OF_HOME}",
    # homeless now: "im homeless", "made homeless today", "homeless tonight"
    r"\b(?:im|i am|i m|we are|we re|were|ive been|i have been|weve been|we have been|just been|am now|are now"
    r"|literally|currently|officially) (?:(?!(?:not|nearly|almost|about|soon|going|gonna|worried|scared"
    r"|afraid|facing|at|never)\b)\w+ ){0,2}(?:made )?homeless\b(?! (?:application|applications|officer"
    r"|officers|team|strategy|shelter|charity|charities|people|person|hostel|prevention|service|services"
    r"|register|list|form|unit|support|advice|duty|assessment))",
    r"\bhomeless (?:tonight|today|right now|as of today|from tonight|from today|with (?:a |my |the |our "
    r"|\w+ )?(?:baby|kids|children|newborn|toddler))\b|\b(?:as of|from) (?:today|tonight) (?:i am|im|we are"
    r"|were) homeless\b",
    # sleeping rough, in a car, on the streets
    r"\b(?:im|i am|i m|ive been|i have been|i been|been|we are|we re|were|weve been|we have been|currently"
    r"|still|having to|have to|had to|got to|gotta|ended up|end up|again|hes|he is|he s|shes|she is|she s"
    rf"|theyre|they are|my (?:\w+ )?{PERSON} (?:is|s|has been|are)) (?:\w+ )?(?:sleeping|sleep|slept|kipping"
    r"|kip|living|staying) (?:rough|out|outside|on the streets?|in (?:a|the|my|our|his|her) (?:shop )?(?:car"
    r"|van|tent|doorway|park|stairwell|garage|shed|bus shelter|station|car park|field|woods"
    r"|bin store))\b(?! (?:at|with (?:my|a) (?:friend|mate)|over|for fun))",
    r"\b(?:sleeping|sleep|kipping|living|staying) (?:rough|on the streets?|in (?:a|the|my"
    r"|our) (?:shop )?(?:car|van|tent|doorway|park|stairwell|bus shelter|station))\b(?= (?:tonight|again|with"
    r"|since|for (?:a|the|\d+|two|three|days|weeks)))|\b(?:sleeping|kipping|living) (?:in|out of) (?:my"
    r"|our) (?:car|van|tent)\b",
    r"\b(?:im|i am|i m|we are|we re|were|ill be|i will be|well be|we will be|ive been|weve been|been|ended up"
    r"|end up|living|sleeping) (?:\w+ )?on the streets\b",
    r"\bon the streets? (?:tonight|right now|with (?:a |my |the |our |\w+ )?(?:baby|kids|children|newborn"
    r"|toddler|dog)|since|for (?:a |the |\d+ |two |three )?(?:night|nights|week|weeks|days))\b",
    r"\b(?:im|i am|i m|we are|were|we re|me and \w+ are|are|will be|ll be) (?:\w+ )?(?:in|stuck in) (?:the|a"
    r"|my|our) (?:car|van|tent) (?:tonight|all night|overnight|again tonight)\b",
    r"\b(?:ive|weve|i ve|we ve|i have|we have|just) (?:been |got |just been )?(?:evicted"
    r"|made homeless)\b(?! (?:before|in the past|years ago|last year|once))",
    # a roof wanted tonight
    r"\b(?:no|without a|without any|havent got a|dont have a|not got a) roof over (?:my|our|his|her"
    r"|their) heads?\b",
    r"\b(?:need|needs|needing|looking for|find|get|havent got|have not got|dont have|no) (?:a |an "
    r"|some )?(?:bed|room|roof|place to (?:sleep|stay)|somewhere to (?:sleep|stay)|some where to (?:sleep"
    r"|stay)|emergency (?:accommodation|housing)|hostel|shelter)(?: \w+){0,2} (?:for )?(?:tonight"
    rf"|right now)\b{NOT_A_VISIT}",
    # put out of home tonight, with nowhere to go
    rf"\b{PUT_OUT} (?:\w+ )?{OUT_OF_HOME}(?=.*\b{_PUT_OUT_TONIGHT}\b)",
    rf"\b{_PUT_OUT_TONIGHT}\b(?: \w+){{0,10}} {PUT_OUT} (?:\w+ )?{OUT_OF_HOME}",
)

TONIGHT_WELSH = (
    # nowhere to sleep or stay, nowhere tonight
    rf"\b{CY_NOWHERE} (?:arall )?i (?:gysgu|cysgu|aros|orffwys)\b",
    rf"\b{CY_NO_PLACE} i (?:gysgu|cysgu)\b",
    rf"\b(?:{CY_NOWHERE}|{CY_NO_PLACE})(?: (?:arall|i fynd|i fyw|i aros|i gysgu|i ni|i fi"
    r"|i mi))?(?: \w+)? (?:heno|nos heno|rwan|nawr)\b",
    # put out of home tonight, with nowhere to go
    rf"\b{_CY_PUT_OUT}(?: \w+){{0,2}} {_CY_OUT_OF_HOME}(?=.*\b{_CY_PUT_OUT_TONIGHT}\b)",
    rf"\b{_CY_PUT_OUT_TONIGHT}\b(?: \w+){{0,10}} {_CY_PUT_OUT}(?: \w+){{0,2}} {_CY_OUT_OF_HOME}",
    # homeless now
    r"\b(?:dw i|dwi|rydw i|rwy|rwyf|wi|w i|ydw i|dan ni|dyn ni|da ni|rydan ni|rydyn ni|ni|mae hi|mae o|mae e"
    r"|mae fe|maen nhw|wedi bod|newydd fod|wedi mynd|newydd fynd) (?:(?!(?:mynd|fod|bod|ar|fin|bron|poeni|ofn"
    r"|peryg|ddim|dim)\b)\w+ ){0,3}(?:yn |n )?(?:ddigartref|homeless)\b",
    r"(?<!bobl )(?<!pobl )\b(?:ddigartref|digartref|homeless) (?:heno|heddiw|rwan|nawr|efo|gyda|hefo)\b",
    # sleeping out, in a car, on the street
    r"(?<!sy n )(?<!sydd yn )(?<!sy yn )\b(?:cysgu|gysgu|byw|fyw) (?:allan|tu allan|ar y stryd|ar y strydoedd"
    r"|yn y car|mewn car|yn fy nghar|yn ein car|yn y fan|mewn fan|mewn pabell|yn y parc|mewn drws|yn nrws"
    r"|yn y safle bws|yn yr orsaf)\b(?! ar (?:y|ein|fy) (?:ffordd|daith))",
    r"\b(?:bydda i|fydda i|byddwn ni|fyddwn ni|mynd i fod|dw i|dwi|dan ni|dyn ni|rydw i|rwy"
    r"|wedi bod) (?:\w+ )?ar y (?:stryd|strydoedd)\b(?! (?:fawr|yma|hon|nesa|tu allan|ger|wrth|lle))",
    # a roof wanted tonight
    r"\b(?:no|without a|without any|havent got a|dont have a|not got a) roof over (?:my|our|his|her"
    r"|their) heads?\b",
    r"\b(?:angen|isio|eisiau|chwilio am|moyn) (?:\w+ ){0,2}(?:gwely|wely|lle i gysgu|lle i aros|lloches"
    r"|loches|llety brys|llety argyfwng|to uwch fy mhen)(?: \w+){0,2} (?:heno|nos heno|rwan|nawr)\b",
)

ENGLISH = (
    # a child put out of home
    rf"\b{PUT_OUT} (?:\w+ )?{OUT_OF_HOME}(?=.*\b{CHILD_AGE})",
    rf"\b{CHILD_AGE}\b(?: \w+){{0,10}} {PUT_OUT} (?:\w+ )?{OUT_OF_HOME}",
    # someone sleeping out who is ill or freezing
    r"\b(?:man|woman|person|someone|somebody|lad|girl|boy|guy|bloke|lady|fella|he|she|they"
    rf"|{CHILD})(?: \w+){{0,3}} (?:sleeping|asleep|lying|laying|lay|sat|sitting|slumped"
    rf"|curled up)(?: \w+){{0,3}} {_OUTSIDE}\b(?: \w+){{0,12}} {_DANGER_SIGN}\b",
)

WELSH = (
    # a child put out of home
    rf"\b{_CY_PUT_OUT}(?: \w+){{0,2}} {_CY_OUT_OF_HOME}(?=.*{CY_CHILD_AGE})",
    rf"{CY_CHILD_AGE}(?: \w+){{0,10}} {_CY_PUT_OUT}(?: \w+){{0,2}} {_CY_OUT_OF_HOME}",
    # someone sleeping out who is ill or freezing
    r"\b(?:dyn|ddyn|dynes|ddynes|rhywun|rywun|person|hen ddyn|hen wraig|hogyn|hogan|bachgen|merch|plentyn|o"
    r"|hi|fo|fe|e)(?: \w+){0,2} (?:yn |n )?(?:cysgu|gorwedd|eistedd|ista|swatio)(?: \w+){0,4} (?:allan"
    r"|tu allan|ar y stryd|yn y (?:safle bws|parc|drws|oerfel|eira|glaw|lon)|mewn drws|ar y (?:llawr|palmant"
    r"|fainc|ffordd))\b(?: \w+){0,12} (?:sal|wael|gwael|rhewi|oer iawn|minws|minus|rhewbwynt|ddim yn symud"
    r"|ddim yn ymateb|anymwybodol|glas|ddim yn anadlu)\b",
)
