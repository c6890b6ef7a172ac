"""A child at risk: neglect, abuse seen or told, grooming, exploitation, a child missing or alone."""

from __future__ import annotations

from webhook.safeguarding.english_words import CHILD, INTOXICATED, PERSON, YOUNG_CHILD
from webhook.safeguarding.welsh_words import CY_CHILD, CY_PERSON, CY_YOUNG_CHILD, mutated

#: After "missing": what a child misses is not the child gone missing ("missing his school bus").
_NOT_MISSING = (
    r"(?! (?:the|a|an|his|her|their|my|our|school|lessons?|class(?:es)?|out|work|appointments?|bin|bins"
    r"|collections?|payments?|from (?:the|my|his|her) (?:list|register|letter|form|photo|picture)))"
)

ENGLISH = (
    r"\b(?:told|tells|telling|said|says) (?:me|him|her|them|my \w+) not to tell\b",
    r"\b(?:our|a|little) (?:little )?secret\b(?! santa)",
    r"\bkeep (?:it|this) (?:a )?secret\b",
    r"\bcovered in (?:marks|bruises|cuts|burns|scratches|bites|welts)\b",
    r"\b(?:trying|tries|tried|wants|want|try) to get (?:me|her|him|my \w+) (?:alone|on my own|on her own"
    r"|on his own)\b",
    r"\bnude (?:photos|pics|pictures|images|videos|selfies)\b",
    r"\b(?:adult|grown man|grown men|older man|older men|stranger|strangers|man|men|someone"
    r"|somebody)(?: \w+){0,3} (?:messag\w*|texting|chatting to|chatting with|talking to|contacting"
    r"|snapchatting) (?:my|her|his|a|the) (?:\w+ )?(?:son|daughter|child|kids?|children|girl|boy|\d+ year old"
    r"|niece|nephew|grandson|granddaughter|teenager)\b",
    r"\b(?:toddler|babies|baby|little (?:boy|girl|one|ones|kids?)|kids?|children|child"
    r"|\d+ year olds?)(?: \w+){0,5} (?:out|outside|wandering|roaming|left)(?: \w+)? (?:alone|on (?:their|his"
    r"|her) own|by (?:themselves|himself|herself))\b",
    r"\b(?:comes?|came|coming|walks?|walked|walking|barges?|barged) (?:in|into) (?:the |my |her "
    r"|his )?(?:bathroom|bedroom|room|shower|bed)(?: \w+){0,4} (?:when|while|at night)\b",
    r"\b(?:wont|doesnt|dont|will not|never|arent|isnt) (?:let|allow|letting|allowing) (?:her|him|them"
    rf"|my (?:\w+ )?{PERSON}) (?:to )?(?:go to|attend|go) school\b",
    r"\b(?:older|grown|adult) (?:man|guy|bloke|men|lad|fella|woman)(?: \w+){0,6} (?:stay|sleep|live|move"
    r"|come) (?:with|at|in|over)\b",
    rf"\b{PERSON}(?: \w+){{0,3}} (?:always|often|constantly|left) (?:alone|on (?:her|his|their) own"
    r"|crying and|screaming and)\b",
    r"\b(?:1[0-5]|twelve|thirteen|fourteen|fifteen)\b(?: \w+){0,5} (?:boyfriend|girlfriend|partner"
    r"|fella) (?:is|s) (?:\d\d|an adult|older|grown|much older|a grown)\b",
    r"\b(?:comes?|came|coming|gets?|got) (?:into|in) (?:my|her|his|their) (?:bed|bedroom|room) (?:at night"
    r"|when|while)\b",
    rf"\b{PERSON}(?: \w+)? (?:has |have |had |is |s )?(?:run|ran|running) away\b|\b{PERSON}(?: \w+)? (?:is"
    rf"|has gone|gone|went|s gone|has been) missing\b{_NOT_MISSING}|\bmissing (?:child|children|kid|teenager"
    r"|person|daughter|son|girl|boy)\b",
    rf"\b(?:make|makes|made|making|get|gets|got|getting) (?:my |his |her |their |the )?(?:\w+ )?(?:{PERSON}"
    r"|me|him|her|them) (?:to )?(?:carry|sell|deliver|hold|hide|move|run) (?:\w+ )?(?:drugs|stuff|packages"
    r"|parcels|things|bags)(?: for (?:them|him|her))?\b",
    rf"\b{PERSON}s?(?: \w+){{0,4}} (?:left|leave|leaves|leaving) (?:\w+ ){{0,2}}(?:alone|on (?:their|his"
    r"|her) own|by (?:themselves|himself|herself)|unsupervised|without food)\b",
    rf"\b(?:{PERSON}s?|\d+ year olds?)(?: \w+){{0,4}} (?:left )?home alone\b",
    r"\bleft home alone\b",
    r"\b(?:left|locked|kept|leaves) (?:\w+ ){0,5}without (?:food|water|heating|clothes|a wash)\b",
    r"\b(?:never|dont|doesnt|wont|never get|dont get) (?:have|has|get|gets|given) (?:any )?(?:food|dinner"
    r"|meals)\b",
    r"\b(?:hungry|starving|dirty|unwashed|filthy|smelly|bruised) (?:and )?(?:hungry|dirty|starving|unwashed"
    r"|filthy|smelly|bruised|scared)\b",
    r"\bbruises\b",
    r"\bbruised (?:arms|face|legs|neck|body|all over)\b",
    r"\bbruising\b",
    r"\b(?:online|on (?:snapchat|instagram|insta|tiktok|facebook|whatsapp|discord|roblox|fortnite"
    r"|the internet|social media|xbox|playstation)|stranger|strangers|older (?:man|men|boy|boys|lad|guy)"
    r"|grown man|grown men)\b(?: \w+){0,8} (?:photos|pics|pictures|images|nudes|naked|meet(?: up)?|secret"
    r"|send him|send her)\b",
    r"\b(?:nudes|naked (?:photos|pics|pictures|images)|sexting|sextortion)\b",
    r"\b(?:going out|seeing|dating|sleeping|in a relationship|having sex|relationship) with (?:a "
    r"|an )?(?:\d\d|older|grown|adult|much older)(?: year old)? (?:man|men|woman|guy|bloke|lad|adult"
    r"|person)\b",
    r"\b(?:1[0-5]|twelve|thirteen|fourteen|fifteen) (?:year old )?(?:and |is |s )?(?:going out|seeing|dating"
    r"|sleeping|having sex|in a relationship) with\b",
    r"\bcounty lines\b",
    r"\b(?:used|made|forced|groomed|paid|making|using|getting) (?:\w+ )?(?:to|into) (?:sell|sells|selling"
    r"|deal|dealing|carry|carrying|move|moving|run|running|deliver|delivering) (?:drugs|weed|packages|parcels"
    r"|stuff for)\b",
    # a young child out or left without an adult
    rf"\b{YOUNG_CHILD}(?: \w+){{0,10}} (?:on (?:his|her|their|its) own|alone|by (?:himself|herself|themselves"
    r"|itself)|unsupervised|no (?:adult|parent|grown up|one)(?: \w+)? (?:with|around|about|anywhere"
    r"|in sight)|with no (?:adult|parent|grown up|one)|without (?:an adult|a parent|a grown up|anyone))\b",
    rf"\b{YOUNG_CHILD}(?: \w+){{0,6}} (?:wandering|roaming|out|outside|walking|playing|on (?:his|her"
    r"|their) (?:bike|scooter))(?: \w+){0,4} (?:at|till|until|after|past) (?:midnight|1[01] ?pm|1[0-2] ?am"
    r"|[1-5] ?am|1[01] at night|\d+ in the morning|night)\b",
    rf"\b{CHILD}(?: \w+){{0,8}} (?:left|been left|leaves) (?:\w+ ){{0,2}}(?:alone|on (?:their|his|her) own"
    r"|by themselves|unsupervised)\b",
    rf"\b{CHILD}(?: \w+){{0,6}} in (?:their |his |her |a )?napp(?:y|ies)(?: \w+){{0,6}} (?:at|till|until"
    r"|after|past) (?:midnight|1[0-2] ?pm|1[0-2] ?am|[1-5] ?am|night)\b",
    # an adult luring or grooming a child: "offering the kids sweets", "messages from a 30 year old man"
    r"\b(?:man|men|stranger|strangers|someone|somebody|adult|adults|bloke|guy"
    r"|older \w+)(?: \w+){0,6} (?:offering|offered|offers|giving|gave|gives|buying|bought|buys|promising"
    rf"|promised) (?:the |our |my |some |these )?(?:\w+ )?{CHILD}(?: \w+){{0,4}} (?:sweets|lifts?|money|cash"
    r"|alcohol|booze|vapes?|cigarettes|fags|drugs|weed|gifts|presents|phones?|trainers|to get in)\b",
    rf"\b{CHILD}(?: \w+){{0,4}} (?:getting|gets|got|receiving|received|been sent|being sent"
    r"|sent) (?:\w+ )?(?:messages|texts|snaps|pictures|photos|pics|gifts|dms) (?:from|off|by) (?:a|an|some"
    r"|this|the) (?:\w+ ){0,2}(?:man|men|adult|adults|stranger|strangers|bloke|guy|\d\d year old)\b",
    # a child not fed, begging or foraging for food
    rf"\b{CHILD}(?: \w+){{0,6}} (?:never|dont|doesnt|arent|isnt|not|rarely|hardly ever|never get|dont get"
    r"|dont seem to get) (?:being |getting |get |gets |been |properly )?(?:fed|washed|bathed|changed)\b",
    rf"\b{CHILD}(?: \w+){{0,8}} (?:asking|begging|beg|ask|looking|going through|scavenging|rooting through"
    r"|searching)(?: \w+){0,4} (?:for food|for something to eat|bins? for food|for scraps"
    r"|for money for food)\b",
    # older men picking a child up
    r"\b(?:picked up|picking (?:her|him|them) up|pick (?:her|him|them) up|collected|driven off|driven away"
    r"|taken away|taken off|going off|goes off|went off|getting in|gets in|got in|getting into|gets into"
    r"|got into)(?: \w+){0,4} (?:by |with |in )?(?:\w+ )?(?:older|grown|adult|different|strange|unknown"
    r"|random|various) (?:men|man|males|lads|blokes|guys|adults)\b",
    r"\b(?:older|grown|adult|different|strange|unknown|random|various) (?:men|man|males|lads|blokes"
    r"|guys)(?: \w+){0,6} (?:picking|pick|picked|collecting|collect|driving|drive|taking|take|giving|give"
    rf"|buying|buy) (?:up )?(?:her|him|them|(?:my|our|the|a) (?:\w+ )?{CHILD})(?: up)?\b",
    # a child with a carer who is drunk or high
    rf"\b{INTOXICATED}\b(?: \w+){{0,6}} (?:with|looking after|in charge of|has got|has|got|minding|watching"
    r"|babysitting|alone with|left with|caring for) (?:the |my |her |his |their |our |a |2 |two "
    r"|three )?(?:\w+ )?(?:kids|children|baby|babies|toddler|little ones|child|son|daughter|him|her|them)\b",
    r"\b(?:kids|children|baby|babies|toddler|little ones|child|son|daughter)\b(?: \w+){0,6} (?:left with"
    r"|with|gets left with|looked after by|alone with|minded by|stays with"
    r"|staying with) (?:\w+ ){0,4}(?:who s|whos|who is|hes|shes|he is|she is|theyre|they are|and (?:hes"
    rf"|shes|he is|she is|theyre)|always|usually)(?: always| usually| often)? {INTOXICATED}\b",
    # a baby left crying or alone
    r"\b(?:leave|leaves|left|leaving)(?: \w+){0,2} (?:the |their |her |his |a |my )?(?:\w+ )?(?:baby|babies"
    r"|toddler|kids|children|little ones|child|newborn)(?: \w+){0,3} (?:screaming|crying|alone|on (?:its|his"
    r"|her|their) own|for hours|all day|all night|unattended|in (?:the|a) (?:hot )?car (?:for hours|all day"
    r"|alone)|in (?:the|her|his|its|their) (?:cot|pram|room) all day|while (?:they|she|he) (?:go|goes|went"
    r"|are|is|re|s) out|while theyre out|and (?:go|went|goes) out)\b",
    # a child missing
    rf"\b(?:{CHILD}|{PERSON})s?(?: (?!(?:the|a|an|his|her|their|its|bin|bins|bike|bikes|phone|wallet|keys|car"
    r"|cat|dog|bag|coat|shoes|card|badge|permit|passport|book|books|homework|uniform|lunch|parcel|post"
    r"|letter|lid|says|said|thinks)\b)\w+){0,3} (?:is |has |has been |been |gone |went "
    rf"|s )?missing\b{_NOT_MISSING}",
    rf"\b(?:{CHILD}|{PERSON})(?: \w+){{0,3}} (?:has not|hasnt|have not|havent|didnt|did not|never) (?:come"
    r"|came|been|got|returned) (?:back )?home\b(?! (?:yet )?from (?:work|the shops))",
    # living in squalor
    rf"\b{CHILD}\b(?!s? (?:play|playground|park|area|school|club|centre|zone|swings"
    r"|section))(?: \w+){0,8} (?:living in (?:filth|squalor|a mess|a state|dirt)|dog (?:mess|poo|muck"
    r"|dirt) (?:everywhere|all over|on the floor)|no beds?|sleeping on the floor|filthy|squalor"
    r"|rubbish everywhere|needles everywhere|drugs everywhere|no electric|no electricity)\b",
)

WELSH = (
    r"\b(?:marciau|cleisiau|gleisiau|llosgiadau|creithiau) (?:drosti|drosto|drostyn|dros ei|dros eu"
    r"|dros fy)\b",
    r"\blluniau (?:noeth|anweddus)\b",
    r"\bcreulon\w* (?:at|i|tuag at) (?:blentyn|plentyn|blant|plant|fabi|babi|fy|ei|eu|oedolyn|hen)\b",
    r"\b(?:oedolyn|dyn|dynion|dieithryn|dieithriaid|rhywun)(?: \w+){0,3} (?:anfon negeseuon|negesu"
    rf"|yn negesu|siarad|sgwrsio|cysylltu) (?:at|efo|gyda|a|hefo) (?:fy|ei) {CY_PERSON}\b",
    r"\b(?:plentyn|blentyn|plant|blant|babi|fabi|hogyn bach|hogan fach|bachgen bach"
    r"|merch fach)(?: \w+){0,5} (?:allan|tu allan|yn crwydro|n crwydro) ar (?:ei ben ei hun|ei phen ei hun"
    r"|eu pennau eu hunain)\b",
    rf"\b{CY_PERSON}(?: \w+){{0,3}} (?:n |yn |cael eu |cael ei )?(?:llwgu|lwgu|newynu|cael eu llwgu)\b",
    rf"\b{CY_PERSON}(?: \w+){{0,2}} (?:wedi |yn )?(?:rhedeg|redeg|dianc|ddianc) (?:i ffwrdd|oddi cartref"
    rf"|o adref|o adre)\b|\b{CY_PERSON}(?: \w+){{0,4}} (?:ar goll|wedi mynd ar goll|wedi diflannu)\b",
    rf"\b{mutated('gadael')}(?: \w+){{0,3}} (?:ar eu pennau eu hunain|ar ein pennau ein hunain"
    r"|ar ei ben ei hun|ar ei phen ei hun|ar ben eu hunain|ar eu pen eu hunain|heb fwyd|heb neb"
    r"|heb oruchwyliaeth|heb ddillad)\b",
    rf"\b{CY_PERSON}(?: \w+){{0,3}} heb (?:fwyd|fwyta|fwydo|ddim bwyd)\b",
    r"\b(?:llwglyd|newynog|budr|fudr|brwnt|frwnt)(?: \w+)? (?:a|ac|o hyd|drwy r amser|bob amser) ?(?:llwglyd"
    r"|newynog|budr|fudr|brwnt|frwnt)?\b",
    r"\b(?:cleisiau|gleisiau|nghleisiau|chleisiau|clais|glais|chlais|nghlais)\b",
    r"\bmeithrin perthynas amhriodol\b|\bperthynas amhriodol\b|\b(?:cyffwrdd|gyffwrdd|lluniau|luniau"
    r"|negeseuon)(?: \w+){0,2} amhriodol\b",
    r"\b(?:ar lein|arlein|online|snapchat|instagram|tiktok|facebook|whatsapp|discord|roblox|fortnite"
    r"|dieithryn|dieithriaid)\b(?: \w+){0,8} (?:lluniau|luniau|llun|lun|nudes|gwrdd|cwrdd|cyfarfod|gyfarfod"
    r"|cyfrinach|gyfrinach)\b",
    r"\b(?:dweud|deud|ddweud|ddeud) wrtha (?:i|fi) (?:am )?(?:beidio|peidio) (?:dweud|deud|ddweud|ddeud|sôn"
    r"|son)\b",
    r"\b(?:mynd allan|canlyn|perthynas|cysgu|caru) (?:efo|gyda|hefo|a) (?:dyn|dynes|boi|bachgen|hogyn"
    r"|rhywun)(?: \w+)? (?:\d\d|hyn|yn hyn|llawer hyn)\b",
    r"\b(?:defnyddio|ddefnyddio|gorfodi|orfodi|talu|dalu|gwneud|wneud|neud)(?: \w+){0,3} (?:i )?(?:werthu"
    r"|gwerthu|gario|cario|symud|delio|ddelio) (?:cyffuriau|gyffuriau|drygs|pecynnau)\b",
    r"\bllinellau sirol\b|\bcounty lines\b",
    # a child not fed, begging or foraging for food
    rf"\b{CY_CHILD}(?: \w+){{0,4}} (?:byth|ddim|dim|prin) (?:yn |n )?(?:cael|gael) (?:bwyd|fwyd|eu bwydo"
    r"|ei fwydo|ei bwydo|bwydo|swper|cinio|brecwast|eu golchi)\b",
    rf"\b{CY_CHILD}(?: \w+){{0,8}} (?:gofyn|ofyn|begian|cardota|chwilio|edrych"
    r"|mynd trwy)(?: \w+){0,4} am (?:fwyd|rywbeth i fwyta|bres am fwyd)\b",
    # a young child out or home without an adult
    rf"\b{CY_YOUNG_CHILD}(?: \w+){{0,10}} (?:ar (?:ei |eu )?(?:ben|phen|pennau|pen) (?:ei|eu) (?:hun|hunain)"
    r"|heb oedolyn|dim oedolyn|heb neb efo|heb neb gyda|heb neb hefo)\b",
    rf"\b{CY_CHILD}(?: \w+){{0,4}} (?:adra|adre|gartref|yn y ty|yn y car|allan) (?:\w+ )?ar (?:ei "
    r"|eu )?(?:ben|phen|pennau|pen) (?:ei|eu) (?:hun|hunain)\b",
    rf"\b{CY_YOUNG_CHILD}(?: \w+){{0,8}} (?:am|tan|ar ol) (?:hanner nos|[1-5] y bore|un ar ddeg y nos)\b",
    # older men picking a child up
    r"\b(?:ceir|car|gar|nghar|fan|codi|chodi|godi|nghodi|nol|pigo|casglu|gasglu|mynd i ffwrdd"
    r"|mynd off)(?: \w+){0,4} (?:dynion|ddynion|dyn|ddyn|bois|hogia|hogiau) (?:hyn|gwahanol|wahanol|dieithr"
    r"|ddieithr|mewn oed|llawer hyn)\b",
    r"\b(?:dynion|ddynion|dyn|ddyn|bois|hogia|hogiau) (?:hyn|gwahanol|wahanol|dieithr|ddieithr|mewn oed"
    r"|llawer hyn)(?: \w+){0,6} (?:yn |n )?(?:codi|godi|nol|pigo|casglu|gasglu|rhoi lifft i|mynd a) (?:fy "
    rf"|ei |y |r )?{CY_CHILD}\b",
    # a child with a carer who is drunk or high
    r"\b(?:feddw|meddw|wedi meddwi|di meddwi|chwil|off ei ben|off ei phen|ar gyffuriau|ar ddrygs"
    r"|stoned)(?: \w+){0,5} (?:efo|gyda|hefo|yn gofalu am|yng ngofal|yn gwarchod|warchod|ag) (?:y |r |fy |ei "
    r"|eu )?(?:plant|blant|babi|fabi|plentyn|blentyn|kids|mab|fab|merch|ferch|fo|hi|nhw)\b",
    # a baby left crying or alone
    rf"\b{mutated('gadael')} (?:y |r |eu |ei |fy )?(?:babi|fabi|plant|blant|plentyn|blentyn"
    r"|kids)(?: \w+){0,3} (?:yn |n )?(?:sgrechian|crio|llefain|ar ben|ar ei ben|ar eu pennau|am oriau"
    r"|drwy r dydd|drwy r nos|yn y car|yn y cot|heb neb)\b",
    r"\b(?:babi|fabi|plant|blant|plentyn|blentyn)(?: \w+){0,3} (?:yn |n )?cael (?:ei|eu) (?:adael"
    r"|gadael)(?: \w+){0,3} (?:yn y car|ar ben|am oriau|drwy r|heb neb|ar (?:ei|eu) (?:ben|pen|pennau))\b",
    # an adult luring or grooming a child: "cynnig fferins i'r plant", "negeseuon gan ddyn 30 oed"
    r"\b(?:dyn|dynion|ddyn|ddynion|rhywun|rywun|dieithryn|dieithriaid|oedolyn|oedolion|boi"
    r"|bois)(?: \w+){0,6} (?:yn |n )?(?:cynnig|gynnig|rhoi|roi|prynu|brynu"
    r"|addo)\b(?=(?: \w+){0,8} (?:fferins|losin|melysion|lifft|pres|arian|alcohol|feps|sigarets|cyffuriau"
    rf"|anrhegion|ffon)\b)(?=(?: \w+){{0,8}} {CY_CHILD}\b)",
    rf"\b{CY_CHILD}(?: \w+){{0,4}} (?:yn |n )?(?:cael|gael|derbyn) (?:\w+ )?(?:negeseuon|lluniau|luniau"
    r"|tecsts|snaps|anrhegion) (?:gan|oddi wrth|wrth) (?:\w+ ){0,2}(?:ddyn|dyn|ddynion|dynion|oedolyn"
    r"|dieithryn|ddieithryn)\b",
    # a young child out late in nappies
    rf"\b{CY_CHILD}(?: \w+){{0,6}} (?:mewn clytiau|mewn cewyn|mewn nappies|yn eu pyjamas"
    r"|yn ei byjamas)(?: \w+){0,4} (?:am|tan|ar ol) (?:hanner nos|1[0-2] y nos|[1-5] y bore|\d+ y nos"
    r"|\d+ y bore)\b",
)
