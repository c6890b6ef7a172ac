"""In crisis or in danger now: threats of violence, someone breaking in, danger to life (bleeding, not
breathing, collapsed, in the water, a fire with someone inside), afraid of harming someone; and a crisis
line or safeguarding asked for by name."""

from __future__ import annotations

from webhook.safeguarding.english_words import CHILD, PERSON, SCARED
from webhook.safeguarding.welsh_words import CY_PERSON, CY_SAFE

#: A crisis, a breakdown or a panic attack, or a crisis line or safeguarding asked for by name: words with
#: everyday senses too ("a samaritans volunteer", "the safeguarding team's jobs", "a panic attack in the
#: queue last week"), so a hit of theirs counts only when the learned detector agrees or the message is
#: short (screen.is_crisis).
NAMED_ENGLISH = (
    r"\b(?:im|i am|i m|were|we are|hes|he is|shes|she is|theyre|they are|am|my \w+ is) (?:in|having) (?:a "
    r"|an )?(?:real |total |mental health |mental )?crisis\b",
    r"\bmental health (?:crisis|emergency)\b",
    r"\bin crisis\b",
    r"\b(?:having|had|have) (?:a |another )?(?:nervous |mental |complete |total )?breakdown\b",
    r"\bnervous breakdown\b",
    r"\b(?:having|had|have) (?:a |another )?panic attacks?\b",
    r"\bsamaritans\b",
    r"\b(?:womens aid|refuge|childline|nspcc|mankind initiative|respect helpline|karma nirvana|live fear free"
    r"|papyrus|shout 85258|hourglass|galop|national domestic abuse helpline|rape crisis)\b",
    r"\bsafeguard\w*",
)
#: Danger to life now, or a threat of it.
DANGER_ENGLISH = (
    rf"\b{SCARED} for (?:my|our|her|his|their|the kids|my kids) (?:life|lives|safety|kids|children)\b",
    r"\bfear (?:for )?(?:my|our|her|his) (?:life|safety)\b",
    r"\b(?:cant|can not|cannot|unable to) keep (?:my ?self|me|them|him|her|the kids) safe\b",
    r"\b(?:want|wanted|going|gonna|urge|urges|thoughts?|feel like|scared i ll|scared ill) (?:to |of "
    r"|about )?(?:hurt|hurting|harm|harming|kill|killing|stab|stabbing) (?:someone|somebody|people|others"
    rf"|anyone|my (?:\w+ )?{PERSON})\b",
    r"\b(?:im|i am|i m|we are|were|she is|shes|he is|hes|they are|theyre|my \w+ is"
    r"|my \w+ are) (?:in )?(?:real |immediate |serious |grave )?danger\b(?! of)",
    r"\b(?:got|has|have|had|with|holding|waving|carries|carrying|pulled|threatening me with) (?:a |an |his "
    r"|her )?(?:knife|knives|gun|weapon|machete|blade)\b(?! (?:amnesty|bin|bins|crime))",
    # threats of violence: "said next time itll be me", "says hell break my legs"
    r"\b(?:said|says|saying|told|tells|warned|threatened|shouted|screamed|wrote|written|sprayed|posted|texted"
    r"|messaged)(?: \w+){0,4} (?:(?:you|youre|you re|im|i m|i am|were|we re|ill be|i ll be|you ll be|youll be"
    r"|it ll be|itll be|your family|the kids) next\b(?! (?:in|on|for|to be seen|up)\b)|next time (?:it ll"
    r"|itll|it will|its|it s|it l|ill|i ll|hell|theyll) (?:be )?(?:me|you|us|your|my|the kids|him|her)\b)",
    r"\b(?:hell|shell|theyll|he ll|she ll|they ll|he will|she will|they will|hed|shed|theyd|he d|she d|they d"
    r"|going to|gonna|threatened to|threatening to|threatens to|will|ll|said he would"
    r"|said they would) (?:\w+ )?(?:break|smash|snap|cut|slash|burn|torch|petrol bomb|firebomb|shoot|stab"
    r"|batter|kneecap|do in|kick in|set fire to|cave in) (?:my|your|his|her|our|their|the kids|me"
    r"|us)(?: \w+)? (?:legs?|arms?|face|head|fingers?|knees?|kneecaps?|neck|jaw|teeth|skull|house|home|flat"
    r"|car|door|windows?|brains)\b",
    # followed home, waited for
    r"\b(?:follows|following|followed|stalks|stalking|stalked|waits for|waiting for"
    rf"|waited for)(?: \w+)? (?:me|us|my (?:\w+ )?{PERSON}|her|him)(?: \w+){{0,2}} (?:home|to (?:my|the"
    r"|our) (?:house|door|flat|car|school|work)|to work|to school|from (?:school|work|the bus|the station)"
    r"|every (?:day|night|morning|evening)|around|everywhere|outside (?:my|our|the) (?:house|flat|work"
    r"|school))\b",
    # someone breaking in now
    r"\b(?:someone|somebody|people|men|a man|some men|some lads|lads|they|he|she|theyre|hes|shes"
    r"|someones)(?: \w+){0,2} (?:is |are |s |re )?(?:trying to (?:break|get|kick|force|smash) (?:in|into"
    r"|through|down|the door|my door|our door)|breaking in|breaking into|kicking (?:the|my"
    r"|our) (?:\w+ )?door (?:in|down)|kick (?:the|my|our) (?:\w+ )?door (?:in|down)|banging on (?:the|my"
    r"|our) (?:\w+ )?(?:door|window)|smashing (?:the|my|our) (?:\w+ )?(?:door|windows?))",
    r"\b(?:trying to|try to|tried to) (?:break|kick|force|smash) (?:in|into|down|through)? ?(?:my|our"
    r"|the) (?:\w+ )?(?:house|home|flat|door|window|room)\b",
    # danger to life now: bleeding, not breathing, collapsed, in the water
    rf"\b(?:{PERSON}|man|woman|someone|somebody|person|lad|guy|bloke|girl|boy|he|she|they|im|i m|i am|hes"
    r"|shes|theyre|child|kid|baby)(?: \w+){0,2} (?:is |s |are |re |am |been |keeps "
    r"|wont stop )?bleeding\b(?! (?:the|my|our|radiators?|rads?|brakes?|system)\b)",
    r"\b(?:blood everywhere|lots of blood|loads of blood|losing (?:a lot of |lots of )?blood"
    r"|pouring with blood|covered in blood|wont stop bleeding|bleeding heavily|bleeding badly|bleeding loads"
    r"|bleeding a lot)\b",
    r"\b(?:isnt|is not|not|wasnt|was not|stopped|has stopped|hasnt been|cant|can not|cannot|couldnt"
    r"|struggling to|barely|hardly|no longer) breath(?:e|ing)\b",
    r"\b(?:someone|somebody|a (?:man|woman|person|lad|girl|boy|child|kid)|man|woman|person|he|she|they"
    rf"|my (?:\w+ )?{PERSON}s?|{PERSON}s?)(?: \w+){{0,2}} (?:has |have |just |s |is |are )?(?:collapsed"
    r"|passed out|fainted|fallen unconscious|unconscious|unresponsive|not responding|wont wake up"
    r"|not waking up|cant wake (?:him|her|them))\b",
    r"\b(?:fallen|fell|fall|on the floor|on the ground)(?: \w+){0,4} (?:cant|can not|cannot|couldnt|unable to"
    r"|not able to) (?:get|stand) up\b",
    rf"\b(?:man|woman|lady|person|someone|somebody|lad|bloke|guy|people|body|dead body|{CHILD}"
    rf"|{PERSON}) (?:is |s |are |has |have |just )?(?:fallen |fell |gone |went |jumped |jumping |floating "
    r"|struggling |drowning |stuck |swept |been swept |face down )?(?:in|into|under) (?:the )?(?:river|canal"
    r"|sea|lake|reservoir|dock|docks|harbour|estuary|pond|quarry|water)\b",
    r"\b(?:someone|somebody|man|woman|person|child|kid|boy|girl|lad|baby|toddler|people|they|he|she) (?:is "
    r"|s |are |re )?drowning\b",
    r"\b(?:been a|theres a|there s a|there has been a|theres been a|there s been a|another) (?:stabbing"
    r"|shooting)\b",
    r"\b(?:fell|fallen|collapsed|lying|lay|laid)(?: \w+){0,6} (?:been there|lying there|lay there"
    r"|on the floor|on the ground|outside)(?: \w+){0,2} (?:all night|for hours|since (?:yesterday|last night"
    r"|this morning)|overnight)\b",
    r"\b(?:house|flat|home|building|block|room|kitchen|bedroom) (?:is |s |are |re )?(?:on fire|burning"
    r"|in flames|alight)\b|\b(?:fire|flames|smoke)(?: \w+){0,10} (?:someone|somebody|people|kids|children"
    r"|a (?:man|woman|child|baby)|my \w+|they|he|she)(?: \w+){0,2} (?:is |are |s |re )?(?:still )?(?:inside"
    r"|in there|trapped|stuck)\b",
    # afraid of harming someone
    r"\b(?:feel like|feeling like|think|scared|afraid|worried|frightened|terrified) (?:that )?(?:i|im"
    r"|i m) (?:could|might|will|ll|would|am going to|m going to|going to|gonna) (?:\w+ )?(?:hurt|harm|kill"
    r"|stab|attack|lash out at|smother|shake) (?:someone|somebody|people|others|anyone|him|her|them"
    rf"|my (?:\w+ )?{PERSON}|the (?:kids|baby))\b",
    # violence now or just done, threats, fire, gas and water with people in danger
    r"\b(?:got|been|getting|was|were|just been|being) (?:\w+ )?(?:jumped|glassed|stabbed|battered|beaten up"
    r"|kicked in|mugged|knifed|slashed|bottled)\b",
    r"\bdeath threats?\b|\bthreat(?:s|ening|ened)? to (?:kill|stab|shoot|burn) (?:me|us|my|him|her|them)\b",
    r"\b(?:petrol|lighter fluid|accelerant) (?:\w+ ){0,3}(?:through|in|into|on) (?:the |my "
    r"|our )?(?:letter ?box"
    r"|door|window|car)\b",
    r"\b(?:burn|torch|set fire to) (?:the |my |our )?(?:house|flat|place|home) (?:down )?(?:with|while) (?:us"
    r"|me|them|the kids)\b",
    r"\b(?:fire|smoke|flames)\b(?: \w+){0,8} (?:cant get out|can t get out|trapped|stuck|someone inside"
    r"|lives there|kids are in|children are in|still inside|old lady|old man|old woman|elderly)\b",
    r"\b(?:strong |really strong |bad |horrible )?(?:smell|smells|smelling|stink|stinks|reek|reeks) (?:of )?"
    r"(?:\w+ )?gas\b(?! (?:safety|certificate|cert|check|bill|meter|supplier))",
    r"\b(?:stuck|trapped) (?:in|inside) (?:\w+ ){0,3}(?:flood|water|river|sea)\b"
    r"|\b(?:kid|child|boy|girl|man|woman|someone|somebody|person|dog walker) (?:in|fallen in"
    r"|fell in) (?:the )?"
    r"(?:river|canal|sea|reservoir|lake)\b",
    r"\bscream\w* (?:for )?help\b|\b(?:please|pls|plz) help (?:hes|he s|shes|she s|theyre|they re|me)\b",
    r"\b(?:hes|he s|shes|she s|theyre|they re) back\b(?: \w+){0,3} (?:please|pls|plz|help)\b",
    r"\b(?:slumped|unconscious|passed out|collapsed|not moving|unresponsive)\b(?: \w+){0,4} (?:wheel"
    r"|road|floor"
    r"|street|stairs|blood)\b",
    # gas escaping and carbon monoxide are danger to life wherever they are: "gas leak", "co alarm going
    # off" (not a battery chirp, a safety certificate or a detector to buy)
    r"\bgas (?:is )?leak(?:s|ing|ed)?\b(?! (?:test|tests|check|checks|detector|detectors|survey))"
    r"|\bleak(?:s|ing|ed)? gas\b|\bgas (?:is )?escaping\b",
    r"\b(?:carbon monoxide|co) (?:\w+ )?(?:alarm|alarms|detector|detectors|monitor)(?: \w+){0,2}"
    r" (?:going off|gone off|went off|sounding|ringing|screaming|beeping)\b(?!(?: \w+){0,5} batter)"
    r"|\b(?:carbon monoxide|co) poison\w*",
    # someone hurt who does not get up or respond: "shes not getting up", "he isnt responding"
    rf"\b(?:{PERSON}|man|woman|lady|someone|somebody|person|lad|guy|bloke|girl|boy|he|she|they|hes|shes"
    r"|theyre|child|kid|baby|toddler)(?: \w+){0,2} (?:is |s |are |re )?(?:not|isnt|arent|is not|still not)"
    r" (?:moving|responding|getting up|waking up|conscious)\b(?! (?:for|in|early|till|until|on time"
    r"|before|out|house|to (?:my|our|the|your|emails?|letters?)))",
    # a vehicle that has just hit someone: "a car just hit a kid on a bike"
    r"\b(?:car|van|lorry|bus|truck|driver|motorbike|taxi)\b(?: \w+){0,2} (?:has |s )?just (?:hit|run over"
    r"|ran over|knocked (?:down|over)|mowed down) (?:a |an |the |my |our |this |some )?(?:\w+ )?(?:kid"
    r"|child|boy|girl|man|woman|lady|pedestrian|cyclist|person|someone|somebody|toddler|baby|lad|bloke"
    r"|guy|teenager|pensioner)\b",
    # threats to burn a family out of their home: "said theyll burn us out", "will torch the house"
    r"\b(?:burn|torch|firebomb|petrol bomb) (?:us|me|them|you|the family|my family) out\b",
    r"\b(?:will|ll|gonna|going to|threat\w* to|threaten\w* to|said|says|say) (?:\w+ ){0,2}(?:burn|torch"
    r"|firebomb|petrol bomb|set fire to) (?:the|my|our|your|his|her) (?:house|flat|place|home)(?: down)?\b",
)

#: The same in Welsh.
NAMED_WELSH = (
    r"\bmewn argyfwng\b",
    r"\bargyfwng iechyd meddwl\b",
    r"\bchwalfa\w*",
    r"\bpwl (?:o )?(?:banig|panig|gorbryder)\b",
    r"\bsamariaid\b",
    r"\bbyw heb ofn\b|\bllinell gymorth (?:cam drin|trais|hunanladdiad|argyfwng)\b",
    r"\b(?:pryder|bryder|mhryder|phryder|adroddiad|atgyfeiriad|tim|mater|problem) diogelu\b"
    r"|\bdiogelu (?:plant|plentyn|oedolion|oedolyn|pobl)\b",
)
#: Danger to life now, or a threat of it, in Welsh.
DANGER_WELSH = (
    r"\bofn (?:am|dros) (?:fy|ein|ei) (?:mywyd|bywyd|fywyd|mywydau|diogelwch|niogelwch|mhlant|plant)\b",
    rf"\bmethu cadw (?:fy hun|fy hunan|y plant|nhw|ni) yn {CY_SAFE}\b",
    r"\b(?:dw i|dwi|rydw i|rwy|ydw i|ni|dan ni|rydan ni|mae hi|mae o|mae e|maen nhw|mae r plant"
    r"|rydyn ni) (?:\w+ )?mewn perygl\b(?! o (?:golli|gael|colli|lifogydd|llifogydd|ddisgyn|syrthio))",
    r"\b(?:ganddo|ganddi|gyda fe|gyda hi|efo fo|efo hi|hefo fo|hefo hi|gafael mewn|chwifio) (?:fo |hi "
    r"|e )?(?:\w+ )?(?:cyllell|gyllell|chyllell|gwn|wn|arf|cyllyll|gyllyll)\b",
    # threats of violence: "deud mai fi fydd nesa", "bydd o'n torri fy nghoesau"
    r"\b(?:deud|dweud|ddeud|ddweud|bygwth|fygwth|mygwth|rhybuddio|sgwennu|ysgrifennu|gweiddi"
    r"|postio)(?: \w+){0,4} (?:mai |taw |bod |y bydd |y byddi )?(?:fi|ti|chdi|ni|chi|nhw|dy deulu|fy nheulu"
    r"|y plant) (?:fydd|fyddi|fyddwn|fyddan|yw|ydi|sy) (?:nesa|nesaf)\b",
    r"\b(?:bydd (?:o|hi|nhw|fo|e|fe) n|fydd (?:o|hi|nhw|fo|e|fe) n|am|mynd i|bygwth|fygwth"
    r"|mygwth) (?:\w+ )?(?:torri|dorri|malu|falu|llosgi|losgi|saethu|trywanu|drywanu|nhrywanu|curo|guro"
    r"|rhoi tan ar|roi tan ar) (?:fy|dy|ein|eich) (?:nghoesau|nghoes|coesau|choesau|mreichiau|mraich"
    r"|breichiau|wyneb|ngwyneb|mhen|pen|ben|nannedd|bysedd|mysedd|nhy|ty|dy|fflat|nghar|car|gar|ffenestri"
    r"|nrws|drws|cartref|nghartref)\b",
    # someone breaking in now
    r"\b(?:trio|treio|ceisio|geisio) (?:torri|dorri|cicio|gicio|malu|falu|bwrw|fwrw|gwthio)(?: (?:i|mewn|r|y"
    r"|yr|fy|ein|drwy|lawr))* (?:ty|fflat|drws|nrws|ffenest|ffenestr|nhy|cartref|nghartref)\b",
    # danger to life now: bleeding, not breathing, fainted, in the water, armed
    r"\b(?:dyn|ddyn|dynes|ddynes|rhywun|rywun|person|plentyn|blentyn|hogyn|hogan|merch|bachgen|babi|fabi|o"
    rf"|hi|fo|fe|e|dwi|dw i|{CY_PERSON})(?: \w+){{0,2}} (?:yn |n )?gwaedu\b(?! (?:y |r |yr )?(?:rheiddiadur"
    r"|rheiddiaduron|system))",
    r"\b(?:gwaed (?:ym mhobman|dros bob man|dros y llawr|dros y lle)|llawer o waed|colli gwaed|lot o waed)\b",
    r"\b(?:ddim|dim|heb|wedi stopio|stopio|methu|ddim yn gallu|prin|prin yn) (?:yn |n )?(?:anadlu|nadlu)\b",
    r"(?<!bron a )\b(?:wedi|newydd) (?:llewygu|lewygu|colapsio|cwympo n anymwybodol|syrthio n anymwybodol)\b"
    r"|\banymwybodol\b",
    r"\b(?:dyn|ddyn|dynes|ddynes|rhywun|rywun|person|plentyn|blentyn|hogyn|hogan|merch|bachgen|babi|fabi"
    r"|corff|pobl) (?:wedi |yn |n )?(?:disgyn |syrthio |cwympo |neidio |mynd |boddi |sownd )?(?:i mewn i r "
    r"|i mewn ir |i r |ir |yn yr |yn y |yn )(?:afon|gamlas|camlas|mor|llyn|dwr|doc|harbwr|chwarel)\b",
    r"\b(?:dyn|ddyn|dynes|ddynes|rhywun|rywun|person|plentyn|blentyn|hogyn|hogan|merch|bachgen|babi|fabi|o|hi"
    r"|fo) (?:yn |n )?boddi\b",
    r"\b(?:dod|ddod|dod draw|dod rownd|troi fyny|ymddangos|tu allan|wrth y drws)(?: \w+){0,2} (?:efo|gyda"
    r"|hefo|ag) (?:\w+ )?(?:gwn|gyllell|cyllell|chyllell|arf|machete|cyllyll|gyllyll|dryll|nryll|gun"
    r"|knife)\b",
    r"\b(?:fallen|syrthio|disgyn|cwympo|ar lawr|ar y llawr)(?: \w+){0,4} (?:methu|ddim yn gallu"
    r"|ffaelu) (?:codi|sefyll)\b",
    # afraid of harming someone
    r"\b(?:dwi|dw i|rydw i|swn i|byswn i|baswn i|gallwn i|mi|fi)(?: \w+){0,4} (?:brifo|frifo|niweidio|lladd"
    r"|ladd|ymosod ar|trywanu|drywanu|ysgwyd) (?:rhywun|rywun|pobl|rhywun arall|fy mabi|y babi|r babi"
    r"|fy mhlant|y plant)\b",
    r"\bofn (?:y |mod i |bod fi )?(?:bydda i|byddwn i|gwna i|wna i|na i) (?:n |yn )?(?:brifo|frifo|niweidio"
    r"|lladd|ladd|ysgwyd) (?:rhywun|rywun|fy mabi|y babi|r babi|fy mhlant|y plant)\b",
    # a stabbing, lying there all night, a fire with someone inside
    r"\b(?:bu|mae wedi bod|wedi bod) (?:trywanu|saethu|ymosodiad|ffeit ddrwg)\b|\b(?:trywanu"
    r"|saethu) (?:tu allan|ar y stryd|yn y)\b",
    r"\b(?:syrthio|syrthiodd|disgyn|disgynnodd|cwympo|cwympodd|gorwedd|llewygu)(?: \w+){0,10} (?:wedi bod yno"
    r"|yno|ar lawr|ar y llawr|tu allan)(?: \w+){0,2} (?:drwy r nos|ers oriau|am oriau|ers neithiwr"
    r"|ers ddoe)\b",
    r"\b(?:ty|fflat|adeilad|cartref|stafell|gegin|llofft) (?:\w+ ){0,4}(?:ar dan|yn llosgi|mewn fflamau)\b",
    r"\b(?:tan|fflamau|mwg)(?: \w+){0,10} (?:rhywun|pobl|plant|babi|dyn|dynes|hi|fo|nhw)(?: \w+){0,2} (?:dal "
    r"|yn dal )?(?:tu mewn|y tu mewn|yn sownd|yn gaeth|ynddo|ynddi)\b",
    # trais rwan neu newydd ddigwydd, bygythiadau, tân, nwy a dŵr gyda phobl mewn perygl
    r"\b(?:neidio|neidiodd|neidion|ymosod|ymosododd|ymosodon) (?:\w+ )?(?:arna i|arnaf|arna fi|arnon ni"
    r"|arni hi"
    r"|arno fo|arno fe)\b",
    r"\b(?:cael|gael|ges i|gesi) (?:\w+ )?(?:cweir|gweir|cwffio|stid)\b",
    r"\bbygythiad\w* (?:i n |i ladd|i fy lladd|marwolaeth|lladd|i n lladd)",
    r"\b(?:neith|neiff|wneith|wnaiff|wnan|nan|geith|bydd|fydd|mynd i|am|isio) (?:o|fo|e|fe|hi|nhw"
    r"|nw) (?:fy |ein"
    r" |y |r )?(?:frifo|ladd (?:fi|ni|i|chi)\b|lladd|saethu|nhrywanu|drywanu|thrywanu|llosgi r ty"
    r"|losgi r ty|losgi r fflat|losgi ni"
    r"|losgi fi|dorri (?:fy |y |r )?(?:nghoes\w*|coes\w*|mraich|breichiau|mreichia\w*|ngwddw|mhen))\b",
    r"\b(?:efo|gyda|hefo|gynno|gynno fo|ganddo|ganddo fe|gydag e) (?:\w+ )?(?:cyllell|gyllell|machete|fachete"
    r"|dryll|nryll|gwn)\b",
    r"\b(?:dangos|pwyntio|chwifio) (?:\w+ )?(?:cyllell|gyllell|machete|gwn|dryll)\b",
    r"\b(?:petrol|tanwydd) (?:\w+ ){0,3}(?:trwy|drwy|mewn|i mewn) (?:y |r )?(?:blwch llythyrau|drws"
    r"|ffenest)\b",
    r"\b(?:ar dan|tan ar y|tan yn y|mwg yn dod|mwg trwchus|fflamau)\b(?: \w+){0,8} (?:ffili|methu|sownd"
    r"|tu mewn"
    r"|yn byw yna|plant|babi|hen ddynes|hen ddyn|hen wraig|hen fenyw|cyrraedd)\b",
    r"\b(?:ogla|oglau|hogla|arogl|gwynt) (?:\w+ )?(?:nwy|gas)\b(?! (?:diogel|tystysgrif|bil|mesurydd))",
    r"\b(?:sownd|yn gaeth|gaeth) (?:\w+ ){0,4}(?:dwr|llifogydd|afon|mor)\b"
    r"|\b(?:plentyn|hogyn|hogan|rhywun|dyn|dynes|ci)\b (?:\w+ )?(?:yn yr afon|yn y gamlas|yn y mor"
    r"|yn y dwr)\b",
    r"\b(?:sgrechian|sgrechen|gweiddi) (?:am )?help\b|\bhelp (?:plis|plîs|please)? ?(?:mae o|mae e|ma o|ma fe"
    r"|mae fe|ma e) (?:nol|yn ol|tu allan|yma)\b",
    rf"\b(?:{CY_PERSON}|hi|o|fo|e|fe|y gyrrwr|gyrrwr) (?:\w+ ){{0,2}}(?:ddim yn|methu) (?:deffro|ddeffro"
    rf"|ymateb)\b",
    r"\b(?:llipa|anymwybodol|di llewygu|wedi llewygu)\b(?: \w+){0,4} (?:llyw|ffordd|llawr|stryd|grisiau"
    r"|gwaed)\b",
    r"\b(?:trio|treio) torri (?:mewn|i mewn)\b(?: \w+){0,2} (?:rwan|nawr|heno)\b",
    # nwy yn gollwng, carbon monocsid (as in English)
    r"\bnwy (?:\w+ )?(?:yn |n )?(?:gollwng|dianc)\b|\bgollyngiad nwy\b|\bleak nwy\b",
    r"\blarwm (?:co|carbon monocsid|carbon monoxide|carbon)\b(?: \w+){0,2} (?:yn |n )?(?:canu|mynd|seinio"
    r"|sgrechian|bipian|bipio)\b(?!(?: \w+){0,5} (?:batri|fatri))|\bgwenwyn\w* (?:carbon|co)\b",
    # rhywun wedi brifo sy ddim yn symud nac yn ymateb: "dyn ar ei wyneb yn y parc a ddim yn ymateb"
    r"\b(?:dyn|ddyn|dynes|ddynes|rhywun|rywun|person|plentyn|blentyn|hogyn|hogan|bachgen|babi|fabi|corff"
    r"|hen ddyn|hen wraig|beiciwr|feiciwr)\b(?: \w+){0,7} (?:a |ac )?(?:ddim yn|dim yn|dydy o ddim yn"
    r"|dydy hi ddim yn|methu) (?:symud|ymateb|deffro|codi)\b(?! (?:i |ir |i r |o r |o |yn y bore|mewn pryd))",
    # cerbyd newydd daro rhywun: "car newydd daro plentyn ar feic"
    r"\b(?:car|fan|lori|bws|gyrrwr|tacsi|beic modur)\b(?: \w+){0,2} (?:newydd|wedi|di) (?:daro|taro|fwrw"
    r"|bwrw|redeg dros|rhedeg dros|ngwthio) (?:\w+ )?(?:plentyn|blentyn|dyn|ddyn|dynes|ddynes|rhywun|rywun"
    r"|hogyn|hogan|bachgen|merch|beiciwr|feiciwr|person|cerddwr|gerddwr|babi|hen wraig|hen ddyn)\b",
    # bygwth llosgi teulu allan o'u cartref: "deud neith nhw'n llosgi ni allan"
    r"\b(?:llosgi|losgi|rhoi tan i|roi tan i) (?:ni|fi|nhw|chi|ein teulu|fy nheulu) allan\b"
    r"|\b(?:ein|fy|eich|n) (?:llosgi|losgi) (?:ni |fi )?allan\b",
)

#: Every pattern of the kind.
ENGLISH = (*NAMED_ENGLISH, *DANGER_ENGLISH)
WELSH = (*NAMED_WELSH, *DANGER_WELSH)
