"""No food, heating or power, with someone vulnerable: a baby or children, an older, ill or confused
person, someone on medical equipment; and going days without food.

A lack alone ("no hot water in the leisure centre showers", "power cut on our street") is a repair or a
complaint. No food, gas, electricity or money for them, with a child or a vulnerable adult in the same
message, is a crisis. No heating or a broken boiler is an urgent repair even with a baby in the house
("boeler wedi torri a mae gen i fabi"), and a crisis only with someone it endangers: an old or ill
person, someone on oxygen, someone freezing or unable to get up.
"""

from __future__ import annotations

from webhook.safeguarding.english_words import DAYS, OLD_AGE
from webhook.safeguarding.welsh_words import CY_OLD_AGE

#: Without food, gas, electricity or the money for them, at home.
_NO_SUPPLY = (
    r"(?:(?:no|not got any|havent got any|have no|got no|without|zero) (?:\w+ )?(?:food(?! (?:waste|caddy|bin"
    r"|bins|bags?|hygiene|poisoning|collection|van|truck|safety|standards|bank))|gas(?! (?:safety|leak"
    r"|certificate|check))|electric|electricity|money (?:for|to buy) (?:food|gas|electric|the meter|heating"
    r"|nappies|milk)|nappies|formula|baby milk|credit (?:on|for) the meter)|(?:gas|electric|electricity"
    r"|meter)s?(?: \w+){0,2} (?:has |have |s |is |just |been |got )*(?:run out|ran out|cut off|cut"
    r"|disconnected|gone off|out of credit|no credit|empty)|(?:cant|can not|cannot"
    r"|couldnt) afford (?:to )?(?:feed|food|eat|heat|the heating|heating|gas|electric|electricity|the meter"
    r"|top up|to top up|nappies|milk)|(?:run|ran) out of (?:food|gas|electric|credit|nappies|formula|milk)"
    r"|nothing (?:to eat|in the (?:cupboards?|fridge|house|flat))|empty (?:cupboards|fridge)"
    r"|(?:prepay|prepayment|pre pay|leccy|lecky|emergency credit|key|card)(?: \w+){0,2} (?:has |have |s |is "
    r"|just |been )*(?:gone|run out|ran out|out|empty|finished))"
)
#: Without heating or power: a repair, unless someone is endangered by it.
_NO_HEAT = (
    r"(?:(?:no|without|havent got any|have no|got no) (?:\w+ )?(?:heating|heat|hot water|power)|(?:heating"
    r"|boiler|power)s?(?: \w+){0,2} (?:has |have |s |is |just |been |got )*(?:broken|broke|packed in"
    r"|packed up|not working|stopped working|gone off|cut off|cut|off)|power cut)"
)
#: Someone a night without food or power puts in danger.
_VULNERABLE = (
    r"(?:(?:a|my|our|the|her|his|their|i have a|ive got a|got a|with a|with my|with our"
    r"|\d+) (?:\w+ )?(?:baby|babies|newborn|toddler|kids?|children|little ones|son|daughter"
    r"|twins)\b(?!s? (?:play|playground|park|area|school|club|centre|zone|swings|section|bikes?))|baby"
    rf"|newborn|toddler|pregnant|\d+ (?:week|month) old|{OLD_AGE}|elderly|frail|disabled|dementia|confused"
    r"|oxygen|dialysis|ventilator|medical equipment|(?:bad|weak) (?:chest|heart)|(?:cant|can not"
    r"|cannot) get up|poorly|is ill|are ill|very ill|sick baby|kids are (?:hungry|starving|freezing|cold))"
)
#: Someone a night without heating or power endangers.
_ENDANGERED = (
    rf"(?:{OLD_AGE}|frail|dementia|oxygen|dialysis|ventilator|medical equipment|(?:bad|weak) (?:chest|heart)"
    r"|(?:cant|can not|cannot) get up|poorly|is ill|are ill|very ill|sick baby|hypothermi\w*|(?:baby|kids"
    r"|children|she|he|they|we|mum|mam|dad|nan|gran|grandad) (?:is |are |s |re )?(?:freezing|frozen|blue"
    r"|shivering|ill|poorly))"
)

ENGLISH = (
    rf"\b{_NO_SUPPLY}\b(?: \w+){{0,12}} {_VULNERABLE}|\b{_VULNERABLE}(?: \w+){{0,12}} {_NO_SUPPLY}\b",
    rf"\b{_NO_HEAT}\b(?: \w+){{0,12}} {_ENDANGERED}|\b{_ENDANGERED}(?: \w+){{0,12}} {_NO_HEAT}\b",
    # days without food
    r"\b(?:havent|have not|hasnt|has not|not|didnt|did not|never|they havent|kids havent) (?:eaten|ate"
    rf"|had (?:anything to eat|a (?:proper )?meal|any food|food|a thing to eat))(?: \w+)? {DAYS}",
    r"\b(?:had|eaten|ate|got|have|with) (?:nothing|no food|not a thing"
    rf"|no meals?)(?: to eat)?(?: \w+)? {DAYS}",
    r"\b(?:cant|can not|cannot|couldnt|unable to) (?:afford to )?(?:feed|heat the house for) (?:my|the|our"
    r"|her|his) (?:\w+ )?(?:kids|children|baby|family|son|daughter|little ones|twins)\b",
    r"\b(?:starving|so hungry|really hungry)\b(?: \w+){0,4} (?:nothing|no money|no food|skint|broke"
    r"|penniless)\b|\b(?:no money|no food|nothing|skint|broke)(?: \w+){0,4} (?:starving|havent eaten"
    r"|not eaten)\b",
    r"\b(?:genuinely|literally|actually|properly|seriously) starving\b(?! (?:for|after))",
)

#: Without food, gas, electricity or money (Welsh). "torri" is both to break and to cut off.
_CY_NO_SUPPLY = (
    r"(?:(?:dim|heb|does dim|does gen i ddim|sgen i ddim|sgynnon ni ddim|dim digon o) (?:\w+ )?(?:bwyd|fwyd"
    r"|nwy|trydan|drydan|pres|arian|llaeth|llefrith|clytiau|nappies)\b(?! (?:gwastraff|cadi))|(?:trydan|nwy"
    r"|meter|mesurydd)(?: \w+){0,2} (?:wedi |wedi i |wedi ei |wedi cael ei )?(?:rhedeg allan|redeg allan"
    r"|dorri|torri|diffodd|ddiffodd|gorffen|stopio|di gorffen|wedi gorffen|mynd|wedi mynd|di mynd)"
    r"|methu fforddio (?:bwyd|bwydo|fwydo|gwres|wres|nwy|trydan"
    r"|gwresogi|wresogi)|dim byd (?:yn y cypyrddau|yn y cwpwrdd|yn yr oergell|i fwyta))"
)
_CY_NO_HEAT = (
    r"(?:(?:dim|heb) (?:\w+ )?(?:gwres|wres|dwr poeth|pwer)|(?:gwres|boeler|pwer)(?: \w+){0,2} (?:wedi "
    r"|ddim yn )?(?:torri|dorri|gweithio|diffodd|ddiffodd|stopio)|toriad pwer)"
)
_CY_VULNERABLE = (
    r"(?:babi|fabi|mabi|newydd ?anedig|plant|blant|mhlant|plentyn|blentyn|mhlentyn|kids|mab|fab|merch|ferch"
    r"|beichiog|feichiog|ocsigen|oxygen|dialysis|peiriant|sal|wael|gwael|dementia|ddementia|anabl|ddryslyd"
    rf"|dryslyd|brest ddrwg|calon wan|methu codi|ddim codi|{CY_OLD_AGE}|hen ddyn|hen ddynes|hen wraig"
    r"|oedrannus)\b(?! (?:ysgol|chwarae))"
)
_CY_ENDANGERED = (
    r"(?:ocsigen|oxygen|dialysis|peiriant|sal|wael|gwael|dementia|ddementia|brest ddrwg|calon wan|methu codi"
    rf"|ddim codi|{CY_OLD_AGE}|oedrannus|(?:babi|fabi|plant|blant|fo|o|e|fe|ni|fi|nain|taid|mam|dad) (?:yn "
    r"|n )?(?:rhewi|oer iawn|sal|crynu))\b"
)

WELSH = (
    rf"\b{_CY_NO_SUPPLY}(?: \w+){{0,12}} {_CY_VULNERABLE}|\b{_CY_VULNERABLE}(?: \w+){{0,12}} {_CY_NO_SUPPLY}",
    rf"\b{_CY_NO_HEAT}(?: \w+){{0,12}} {_CY_ENDANGERED}|\b{_CY_ENDANGERED}(?: \w+){{0,12}} {_CY_NO_HEAT}",
    # days without food
    r"\b(?:heb|ddim wedi|dim wedi|heb ddim) (?:fwyta|bwyta|gael bwyd|cael bwyd|gael pryd|cael pryd"
    r"|gael dim i fwyta)(?: \w+){0,3} (?:ers|am) (?:dyddiau|ddyddiau|tridiau|deuddydd|ddeuddydd|wythnos|ddoe"
    r"|\w+ (?:diwrnod|niwrnod|dydd))\b",
    r"\b(?:methu|ddim yn gallu|ffaelu) (?:fforddio )?(?:bwydo|fwydo) (?:y |r |fy |ein )?(?:plant|babi|teulu"
    r"|mhlant|mabi|nheulu)\b",
    r"\b(?:llwgu|lwgu|newynu|isio bwyd)\b(?: \w+){0,4} (?:dim byd|dim pres|dim arian|dim bwyd|heb bres"
    r"|heb arian)\b|\b(?:dim pres|dim arian|dim bwyd|dim byd)(?: \w+){0,4} (?:llwgu|lwgu|newynu)\b",
    # "heb fyta ers tri diwrnod", "llwgu go iawn"
    r"\b(?:heb|ddim wedi|dim wedi) (?:fyta|byta)(?: \w+){0,3} (?:ers|am) (?:dyddiau|ddyddiau|dyddia|dyddie"
    r"|tridiau|deuddydd|wythnos|wsnos|ddoe|\w+ (?:diwrnod|niwrnod|dydd))\b",
    r"\b(?:llwgu|lwgu|newynu) (?:go iawn|yn llwyr|ers|o ddifri)\b",
)
