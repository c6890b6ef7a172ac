"""An adult at risk: financial abuse, neglect by carers, exploitation, trafficking and modern slavery."""

from __future__ import annotations

from webhook.safeguarding.english_words import DAYS, PERSON
from webhook.safeguarding.welsh_words import CY_HARM_VERB, CY_PERSON, mutations

ENGLISH = (
    r"\b(?:takes?|taking|took|taken|keeps?|steals?|stealing|stole|stolen|empt(?:y|ies|ied"
    r"|ying)) (?:all )?(?:of )?(?:my|her|his|their) (?:wages|benefits|pension|savings|bank card|cards?|salary"
    r"|universal credit|pip|passport|money) (?:off|from) (?:me|him|her|them)\b",
    r"\b(?:takes?|taking|took|taken|keeps?) all (?:of )?(?:my|her|his) (?:wages|benefits|pension|savings"
    r"|money|salary|pay)\b",
    r"\b(?:steals?|stealing|stole|stolen|empt(?:y|ies|ied|ying)|draining|drained|taking|took|taken"
    r"|takes) (?:money )?(?:from |out of |of |over |control of )?(?:her|his|their|my (?:\w+ )?(?:mum|mam|dad"
    r"|nan|gran|grandad|grandma|grandpa|aunt|uncle|father|mother)s?) (?:bank )?(?:account|accounts|pension"
    r"|savings|benefits|money|purse|wallet|cards?)\b",
    r"\bsign(?:ed|ing|s)? over (?:his|her|their) (?:house|home|flat|money|savings|property)\b",
    r"\bpressur\w* (?:her|him|them|me|my \w+) (?:to|into) (?:lend|give|hand over|sign|pay|transfer)\b",
    r"\b(?:getting|got|gets|making|made|makes|persuading|persuaded|convincing|convinced|tricking|tricked"
    r"|talking|talked) (?:him|her|them|my \w+) (?:to |into )?(?:sign|signing|hand|handing|give|giving"
    r"|transfer|transferring|withdraw|withdrawing|lend|lending|write"
    r"|writing) (?:over )?(?:\w+ ){0,2}(?:cheques?|money|cash|savings|house|home|will|pension|bank|cards?|pin"
    r"|power of attorney|everything)\b",
    r"\b(?:makes?|made|making|forces?|forced|forcing) (?:me|her|him) (?:to )?(?:hand over|give (?:him|her"
    r"|them)|sign over|transfer)\b",
    rf"\b(?:taking|takes|took|taken|take) advantage of (?:him|her|them|my (?:\w+ )?{PERSON}|an? (?:old|older"
    r"|elderly|vulnerable|disabled) \w+)\b",
    r"\b(?:lodger|carer|carers|neighbour|friend|someone|stranger|cleaner|care worker|care workers"
    r"|new boyfriend|new girlfriend|new partner)(?: \w+){0,5} (?:using|uses|used|taking|took|keeps|has got"
    r"|has|spending|spends|spent|knows) (?:his|her|their) (?:bank )?(?:card|cards|pin|pin number|account"
    r"|pension|savings|money|benefits|bank details|card details|passwords?)\b",
    r"\b(?:leave|leaves|left|leaving) (?:my |his |her "
    rf"|the )?(?:\w+ )?{PERSON}(?: \w+){{0,2}} (?:in (?:a )?(?:wet|soiled|dirty|filthy) (?:bed|clothes|nappy"
    r"|nappies|pad|pads|sheets?|bedding|pyjamas|underwear)|in (?:his|her|their) own (?:mess|urine|wee|poo"
    r"|faeces)|without (?:food|water|help|care|medication|their medication)|alone all day|on (?:her"
    r"|his) own all day)\b",
    r"\bsell(?:s|ing)? (?:her|him|them|my|your) ?(?:self|selves|body)\b|\b(?:prostitut\w*|pimp\w*)",
    r"\b(?:make|makes|made|making|force|forces|forced|forcing) (?:me|him|her|them"
    r"|us) (?:to )?work (?:for (?:nothing|no money|free|no pay)|without pay|all hours)\b",
    r"\b(?:has|have|got|holding|keeping|kept|took|taken) (?:my|her|his|their|our) passports?\b(?! (?:for"
    r"|to) (?:the )?(?:blue badge|application|form|check|id))",
    r"\b(?:taking|takes|took|taken|stealing|steals|stole|stolen) (?:\w+ )?(?:money|cash"
    rf"|savings)(?: \w+){{0,2}} (?:from|off|out of) (?:him|her|them|my (?:\w+ )?{PERSON}|his|her|their)\b",
    r"\bmodern slave\w*|\bslavery\b",
    r"\b(?:vulnerable|at risk) adults?\b(?! (?:\w+ ){0,3}(?:collection|bins?|discount|parking|priority|list"
    r"|register|scheme|assisted))",
    r"\b(?:worried|concerned|concern|scared|frightened|afraid) (?:about|for) (?:a |an |my |the |our "
    r"|this )?(?:vulnerable|elderly|old|disabled|frail)\b(?! (?:\w+ )?(?:bins?|collection|parking|discount))",
    rf"\brough (?:with|handling) (?:him|her|them|my (?:\w+ )?{PERSON}|the (?:residents|patients|kids|children"
    r"|baby|old folk))\b",
    r"\b(?:hitting|beating|hurting|shouting at|screaming at|pushing) (?:his|her|their"
    rf"|the) (?:\w+ )?{PERSON}\b",
    # not seen for days
    r"\b(?:neighbour|neighbours|lady|woman|man|gentleman|fella|chap|couple|he|she|her|him|they|them"
    rf"|{PERSON})(?: \w+){{0,4}} (?:not|hasnt|havent|has not|have not|no one has|nobody has"
    r"|noone has)(?: been)? (?:seen|heard from|seen or heard(?: from)?|answering (?:the|her|his|their) door"
    rf"|answered (?:the|her|his|their) door|been out|left the house)(?: \w+){{0,3}} {DAYS}",
    r"\b(?:havent|have not|nobody has|no one has|noone has|not) (?:seen|heard from) (?:the |my |our |her "
    r"|him |them |an? )?(?:(?:old|elderly|older|frail|vulnerable|disabled) )?(?:lady|man|woman|gentleman"
    rf"|fella|chap|neighbour|couple|her|him|them|{PERSON})(?: \w+){{0,5}} {DAYS}",
    r"\b(?:curtains|blinds) (?:\w+ ){0,3}(?:shut|closed|drawn)\b(?=.*\b(?:days|not seen|hasnt been seen"
    r"|not answering|no answer|post|milk|piling up)\b)",
    # confused and wandering, lost at night
    r"\b(?:dementia|alzheimers|confused|disorientated|disoriented)\b(?: \w+){0,8} (?:wandering|wanders"
    r"|wandered|keeps going out|goes out at night|going out at night|walking the streets|found (?:outside"
    r"|in the street|wandering)|got lost|gets lost|getting lost|is lost|was lost|out at night|in (?:her"
    r"|his) (?:nightie|nightdress|nighty|pyjamas|pjs|dressing gown|slippers))\b",
    r"\b(?:wandering|wanders|got lost|gets lost|getting lost)(?: \w+){0,8} (?:dementia|alzheimers)\b",
    # cuckooing: "some men have moved into his flat"
    r"\b(?:men|man|lads|people|gang|dealers|drug dealers|someone|somebody|strangers|some (?:men|lads|people"
    r"|blokes|guys))(?: \w+){0,3} (?:have |has |ve |s )?(?:moved|move|moving|taken over|took over"
    r"|taking over|dealing from|dealing drugs (?:from|out of)|staying|living|sleeping|camping)(?: in| into"
    rf"| at| over| round)? (?:his|her|their|my (?:\w+ )?{PERSON}s?) (?:flat|house|home|place|bungalow"
    r"|room)\b",
    # money taken: "the carers are pocketing my dads money", "men ... take his benefits"
    r"\b(?:men|lads|people|gang|dealers|someone|somebody|strangers|carer|carers|care workers?|lodger"
    r"|cleaner)(?: \w+){0,6} (?:take|takes|taking|took|taken|steal|steals|stealing|stole|stolen|pocket"
    r"|pockets|pocketing|pocketed|draining|drained|emptying|emptied|control|controls"
    r"|controlling) (?:all )?(?:of )?(?:his|her|their|my (?:\w+ )?(?:mum|mam|dad|nan|gran|grandad|grandma"
    r"|grandpa|aunt|uncle|father|mother|brother|sister|son|daughter)s?) (?:benefits|pension|money|wages"
    r"|universal credit|pip|savings|bank card|cards?|dla|esa|cash)\b",
    r"\b(?:steal|steals|stealing|stole|stolen|pocket|pockets|pocketing|pocketed|draining"
    r"|drained) (?:all )?(?:of )?(?:his|her|their|my (?:\w+ )?(?:mum|mam|dad|nan|gran|grandad|grandma|grandpa"
    r"|aunt|uncle|father|mother)s?) (?:benefits|pension|money|wages|universal credit|pip|savings|cash)\b",
    # forced labour, held captive
    r"\b(?:made|forced|being made|being forced|has to|have to|having to|makes them|make them|making them"
    r"|forces them) (?:to )?work (?:for (?:nothing|no money|free|no pay|food|(?:his|her|their) keep)"
    r"|without pay|all hours|every day for nothing)\b",
    r"\b(?:someone|somebody|people|men|women|girls|boys|workers|lads|a (?:man|woman|girl|boy|lad)"
    rf"|{PERSON})(?: is| are| being| been| was| were)* (?:kept|held|locked up|trapped|locked in) (?:in|at"
    r"|inside) (?:a|the|this|that) (?:house|flat|room|shed|basement|cellar|garage|caravan|container|van)\b",
    r"\b(?:lads|men|women|girls|workers|people|staff)(?: \w+){0,6} (?:are |being |been )?(?:trafficked"
    r"|forced to work|made to work|not paid|never paid|paid nothing|work for nothing)\b",
    # an adult at risk, said outright
    r"\badults? (?:at risk|in danger|being (?:abused|hurt|harmed|neglected|exploited"
    r"|taken advantage of))\b(?! (?:team|teams|register|list|policy|policies|training|board|service|services"
    r"|collection|referral|form|email|procedure))",
    # organisational abuse: people restrained or shut in to suit the staff ("the home locks the residents
    # in their rooms at night", "strap him into the chair so he cant get up")
    r"\block(?:s|ed|ing)? (?:the |all the )?(?:residents|patients|clients|service users|people|him|her|them"
    r"|mum|dad|nan|grandad|gran|my \w+) (?:\w+ )?in (?:their|his|her|my|the|a|our) (?:bed)?rooms?\b",
    r"\b(?:tie|ties|tied|tying|strap|straps|strapped|strapping) (?:him|her|them|me|residents|patients"
    r"|my \w+|dad|mum|nan|grandad|gran)\b(?: \w+){0,3} (?:to|into|in) (?:the |a |his |her |their |my )?"
    r"(?:chair|bed|wheelchair|radiator)\b(?=(?: \w+){0,3} (?:so|cos|because|to stop)"
    r" (?:he|she|they|i|him|her|them)"
    r" (?:cant|can not|cannot|wont|doesnt|cant get up|from))",
    # injuries with no accident told: "finger marks all up his arms", "cigarette burns"
    r"\b(?:finger ?marks|fingertip bruises|grip marks|hand ?prints?|belt marks|bite marks|welts|cigarette"
    r" burns|black eyes?|unexplained (?:bruises|bruising|injuries|marks|burns))\b",
)

WELSH = (
    r"\b(?:gwneud|wneud|gorfodi|orfodi) i (?:mi|fi) (?:roi|rhoi|drosglwyddo) (?:fy|ei) (?:holl )?(?:arian"
    r"|budd ?daliadau|fudd ?daliadau|mudd ?daliadau|cyflog|nghyflog|pensiwn|mhensiwn|cerdyn|ngherdyn)\b",
    r"\bmanteisio (?:arno|arni|arnyn|arna i|arnaf|ar fy|ar ei)\b",
    r"\b(?:werthu|gwerthu|gwerthu ei|werthu ei) ?(?:ei|eu|fy)? (?:hun|hunan|hunain|chorff|gorff|corff"
    r"|nghorff)\b",
    rf"\b{mutations('cymryd', 'dwyn', 'gwagio')} (?:arian o i |arian o ei |arian o u |arian o eu |ei "
    r"|eu )?(?:chyfrif|gyfrif|cyfrif|pensiwn|phensiwn|bensiwn|budd ?daliadau|fudd ?daliadau|harian|cynilion"
    r"|chynilion|gynilion)\b",
    r"\b(?:cymryd|gymryd|dwyn|ddwyn) fy (?:nghyflog|ngherdyn|mudd ?daliadau|mhensiwn)\b|\b(?:cymryd|gymryd"
    r"|dwyn|ddwyn) fy (?:arian|nghyflog|budd ?daliadau) i gyd\b",
    r"\b(?:lletywr|lletywraig|gofalwr|ofalwr|gofalwyr|ofalwyr|cymydog|gymydog|ffrind|rhywun|dieithryn"
    r"|glanhawr)(?: \w+){0,3} (?:n |yn )?(?:defnyddio|ddefnyddio|cymryd|gymryd|gwario|wario) (?:ei"
    r"|eu) (?:gerdyn|cherdyn|cerdyn|cyfrif|gyfrif|chyfrif|pensiwn|phensiwn|bensiwn|arian|harian|cynilion)\b",
    rf"\b(?:gadael|adael) (?:fy |ei |y |r )?{CY_PERSON}(?: \w+){{0,2}} (?:mewn|yn) (?:gwely|wely|dillad"
    r"|nillad)(?: gwely)? (?:gwlyb|wlyb|budr|fudr|brwnt|frwnt)\b",
    r"\b(?:camfanteisio|gamfanteisio|nghamfanteisio)\w*",
    r"\bcaethwas\w*|\bmasnachu pobl\b",
    r"\b(?:oedolyn|oedolion|person|pobl) (?:bregus|agored i niwed)\b(?! (?:\w+ ){0,3}(?:casgliad|bin|biniau"
    r"|gostyngiad|parcio|blaenoriaeth|rhestr))",
    rf"\b(?:arw|garw) (?:efo|hefo|gyda|a) (?:fo|hi|nhw|fy {CY_PERSON}|{CY_PERSON}|y preswylwyr|r preswylwyr"
    r"|r cleifion)\b",
    rf"\b(?:gweiddi ar|sgrechian ar) (?:fy |y |r )?{CY_PERSON}\b(?: \w+){{0,3}} (?:ei|eu) {CY_HARM_VERB}\b",
    # not seen for days
    r"\b(?:hen wraig|hen ddyn|hen ddynes|hen wr|cymydog|gymydog|nghymydog|dyn|dynes|ddynes|hi|fo|o|nhw"
    rf"|{CY_PERSON})(?: \w+){{0,3}} (?:ddim|heb) (?:wedi )?(?:cael (?:ei|eu) )?(?:gweld|weld|chlywed|clywed"
    r"|glywed)(?: \w+){0,2} ers (?:dyddiau|ddyddiau|tridiau|deuddydd|ddeuddydd|wythnos|dros wythnos"
    r"|\w+ diwrnod|sbel|y penwythnos|dydd \w+)\b",
    r"\bheb (?:ei |eu )?(?:gweld|weld|chlywed|clywed|glywed) (?:yr |y |r )?(?:hen (?:wraig|ddyn|ddynes|wr)"
    rf"|cymydog|gymydog|nghymydog|dyn|ddynes|dynes|{CY_PERSON}|hi|fo|o|nhw)(?: \w+){{0,4}} ers (?:dyddiau"
    r"|ddyddiau|tridiau|deuddydd|ddeuddydd|wythnos|dros wythnos|\w+ diwrnod|sbel|y penwythnos|dydd \w+)\b",
    r"\bllenni (?:\w+ ){0,3}(?:ar gau|wedi cau)\b(?=.*\b(?:dyddiau|ddyddiau|ers|heb weld|ddim wedi)\b)",
    # money taken from a purse or account
    rf"\b{mutations('dwyn', 'cymryd')} (?:\w+ ){{0,2}}(?:pres|arian|harian|cynilion|pensiwn|budd ?daliadau"
    r"|fudd ?daliadau) (?:o|oddi ar|allan o) (?:ei |i |eu |u |fy )?(?:phwrs|pwrs|bwrs|chyfrif|cyfrif|gyfrif"
    rf"|waled|walet|banc|chynilion|pocedi|boced|mhwrs|nghyfrif|hi|fo|nhw|{CY_PERSON})\b",
    # confused and wandering
    r"\b(?:dementia|ddementia|ddryslyd|dryslyd|drysu|alzheimers)(?: \w+){0,8} (?:crwydro|grwydro|mynd ar goll"
    r"|ar goll|mynd allan yn y nos|allan yn y nos|yn ei choban|yn ei byjamas|yn ei slipars|yn ei slipers)\b",
    # cuckooing
    r"\b(?:dynion|ddynion|pobl|rhywun|gang|criw|delwyr|dieithriaid|bois"
    r"|hogia)(?: \w+){0,2} (?:wedi )?(?:symud|setlo|aros|byw|cymryd drosodd) (?:i mewn )?(?:i w|i u|i ei|i eu"
    r"|i|mewn i|i mewn i|yn) (?:fflat|dy|ty|nhy|cartref|gartref|lle|fyngalo|byngalo|mungalo)\b",
    # held, forced to work, trafficked; an adult at risk said outright
    r"\b(?:orfodi|gorfodi|ngorfodi|gwneud|wneud|neud) i (?:weithio|gweithio) (?:heb (?:dal|gyflog|arian|bres)"
    r"|am ddim|drwy r dydd|bob awr)\b",
    r"\bcael (?:ei|eu) (?:gadw|chadw|cadw|dal|ddal|gloi|cloi) (?:mewn|yn y|yn) (?:ty|fflat|stafell|ystafell"
    r"|sied|garej|carafan|seler)\b",
    r"\bcael (?:ei|eu|fy|ein) (?:masnachu|fasnachu)\b",
    r"\boedolyn (?:sy|sydd|sy n|sydd yn|yn|n) (?:mewn perygl|mewn risg|cael ei gam drin|cael ei cham drin"
    r"|cael ei esgeuluso|cael ei hesgeuluso)\b",
    # an older person made to sign or hand over
    r"\b(?:cael|gael|gwneud|wneud|perswadio|berswadio|twyllo|dwyllo|gorfodi|orfodi) (?:ei |fy )?(?:o |hi "
    r"|nhw |fo |e )?i (?:arwyddo|llofnodi|lofnodi|drosglwyddo|trosglwyddo|roi|rhoi|dynnu"
    r"|tynnu) (?:\w+ ){0,2}(?:sieciau|siec|arian|pres|cynilion|ty|ewyllys|pensiwn|cerdyn|pin|popeth)\b",
    # cam-drin sefydliadol: cloi neu glymu pobl er hwylustod y staff (as in English)
    r"\b(?:cloi|gloi|nghloi) (?:r |y )?(?:preswylwyr|cleifion|pobl|hi|fo|nhw|mam|dad|nain|taid)\b(?: \w+)?"
    r" (?:yn|mewn) (?:eu|ei|y|r) (?:stafell\w*|ystafell\w*|llofft\w*)\b",
    r"\b(?:strapio|clymu|glymu|nghlymu|chlymu) (?:\w+ ){0,2}(?:i r|i|wrth y|wrth r|yn y|yn sownd i r)"
    r" (?:gadair|cadair|gwely|wely|gadair olwyn|rheiddiadur)\b",
    # anafiadau heb esboniad (as in English)
    r"\b(?:olion bysedd|ol bysedd|marciau bysedd|marciau belt|olion belt|llosgiadau sigaret|llosgiadau crwn"
    r"|llygad ddu|llygaid duon|cleisiau heb esboniad|anafiadau heb esboniad)\b",
    r"\b(?:cyffwrdd|gyffwrdd|nghyffwrdd|chyffwrdd) (?:yno fi|yndda i|ynof|yno i|ynddi hi|ynddo fo)\b",
)
