"""Harm done or threatened by a person: domestic abuse, coercive control, stalking, sexual violence,
and being afraid or not safe at home."""

from __future__ import annotations

from webhook.safeguarding.english_words import (
    HARM_VERB,
    HARMED,
    HOME,
    NOT_PUT_OUT,
    OBJECT,
    PERSON,
    SCARED,
)
from webhook.safeguarding.welsh_words import (
    CY_HARM,
    CY_HARM_ME,
    CY_HARM_NASAL,
    CY_HARM_VERB,
    CY_HOME,
    CY_PERSON,
    CY_SAFE,
    mutated,
    mutations,
)

ENGLISH = (
    rf"\b{HARM_VERB} {OBJECT}\b{NOT_PUT_OUT}",
    r"\b(?:was|been|being|got|get|gets|getting|am|im|i m|is|are|were"
    rf"|keeps? getting) (?:\w+ )?{HARMED}\b{NOT_PUT_OUT}",
    r"\b(?:he|she|they|hes|shes|he is|she is|he will|she will|hell|shell|theyll|he said|she said|he says"
    r"|she says|threatens|threatened|threatening) (?:\w+ )?(?:going to |gonna |to |will )?(?:kill|hurt|harm"
    r"|stab|beat|batter|strangle|murder|take) (?:me|us|the kids|my kids|the children|my children|the baby"
    r"|my baby)\b",
    r"\bthreat\w* (?:to )?(?:kill|hurt|harm|stab|beat|batter|burn|take the kids|take my kids"
    r"|take the children)\b",
    r"\brap(?:e|ed|es|ing|ist)\b",
    r"\bsexual(?:ly)? (?:abus\w*|assault\w*|exploit\w*|harass\w*|violence|touch\w*)\b",
    r"\b(?:cse|cce|fgm|female genital mutilation)\b",
    r"\bmolest\w*",
    r"\bindecent\w*",
    r"\binappropriate(?:ly)? (?:touch\w*|photos|pictures|messages|images|pics|relationship)\b",
    r"\btouch\w* (?:\w+ ){0,3}inappropriate\w*",
    r"\bdomestic (?:abus\w*|violen\w*)\b",
    r"\b(?:abus\w*) (?:partner|relationship|husband|wife|boyfriend|girlfriend|ex|marriage|home|household|man"
    r"|woman|dad|father|mum|mother|parent|parents)\b",
    r"\b(?:child|elder|elderly|sexual|financial|emotional|physical|psychological|verbal|domestic) (?:abuse"
    r"|abused|neglect|exploitation|cruelty)\b",
    r"\b(?:abus\w*|neglect\w*|mistreat\w*|ill treat\w*|exploit\w*|traffick\w*|groom\w*)\b",
    r"\bcoerci\w*",
    r"\b(?:is|so|very|really|too|being|more|getting|became|extremely|super) controlling\b",
    r"\bcontrolling (?:partner|husband|wife|boyfriend|girlfriend|relationship|behaviou?r|ex|man|woman)\b",
    r"\bcontrol(?:s|led|ling)? (?:all of |all )?(?:my|our|her|his) (?:money|finances|phone|life|wages"
    r"|benefits|bank|card|every move)\b",
    r"\bcontrols? (?:everything|every thing|what i|who i|where i|when i)\b",
    r"\b(?:wont|doesnt|dont|will not|does not|never|wouldnt|would not) (?:let|allow) (?:me|her|him"
    r"|my \w+) (?:to )?(?:see|visit|contact|talk to|speak to|phone|call|ring|go out|go anywhere"
    r"|have (?:my own|her own|his own|any|money|a (?:bank )?card|a phone|a key|keys)|work|out"
    r"|leave(?: the (?:house|flat|home)| (?:him|her|them))?\b)",
    r"\b(?:husband|wife|partner|boyfriend|girlfriend|ex|he|she)(?: \w+){0,2} (?:takes|took|keeps|kept"
    r"|controls|controlled|spends|steals|stole) (?:all )?(?:of )?(?:my|her|his) (?:wages|benefits|money"
    r"|bank card|salary|pay|universal credit|pip|pension|child benefit)\b",
    r"\bnot allowed (?:to )?(?:leave the (?:house|flat|home)|go out|out of the house|see (?:my )?(?:family"
    r"|friends|mum|mam|dad|parents|sister|brother)|have (?:my own|any) money)\b",
    r"\b(?:tracks?|tracking|tracked|checks?|checking|reads?|reading|goes through) (?:all )?my (?:phone"
    r"|location|messages|texts|emails|car|bank)\b",
    r"\btracker on my\b",
    r"\bstalk(?:s|ed|ing|er|ers)?\b",
    r"\b(?:my |the )?(?:ex|partner|husband|wife|boyfriend|girlfriend)(?: \w+){0,2} (?:is |keeps |has been "
    r"|keeps on )?(?:harass\w*|following|turning up|turns up|watching|threatening|messaging) (?:me|us|at my"
    r"|outside)\b",
    r"\b(?:smashed|broke|broken|took|takes|taken|hid|hides|hidden|keeps?) (?:away )?my (?:phone|keys|passport"
    r"|bank card)(?: \w+){0,3} (?:so|and) (?:i )?(?:cant|can not|cannot|couldnt)\b",
    r"\b(?:he|she|they) (?:has |have )?(?:smashed|broke|took|taken|hid|hidden|keeps) my (?:phone|passport"
    r"|keys|bank card)\b",
    r"\b(?:he|she|they|hes|shes|theyre) (?:is |are )?(?:outside|at|banging on|kicking|trying to (?:get in"
    r"|break in|kick in)(?: through)?) (?:the|my|our) (?:front |back )?(?:door|window|house|flat)\b",
    r"\b(?:lock|locks|locked|locking) (?:me|him|her|them|us|my \w+|the kids|the children) (?:in|inside|up)\b",
    r"\blocked in (?:my|the|a|his|her|their) (?:room|bedroom|house|flat|cupboard|shed)\b",
    r"\b(?:held|kept|keeping|holding) (?:\w+ )?against (?:my|his|her|their) will\b",
    r"\bagainst (?:my|his|her|their) will\b",
    rf"\bcontrolled by (?:him|her|them|my (?:\w+ )?{PERSON})\b",
    r"\b(?:keeping|kept|keeps|keep|holding|held|hold) (?:me|her|him|them|us) (?:a |as a )?(?:prisoner"
    r"|prisoners|captive|hostage)\b",
    r"\bget out (?:tonight|now|before (?:he|she|they))\b",
    r"\b(?:keeps?|kept|keeping) (?:me|us|him|her|them|the kids|the children) locked (?:in|up|inside)\b",
    r"\b(?:home|my house|my flat|the house)(?: \w+){0,4} (?:dangerous|scary|frightening|terrifying|unsafe"
    r"|hell)(?: place)? for (?:me|us|the kids|my kids)\b",
    r"\b(?:dread|dreading|terrified of|scared of|afraid of|frightened of) (?:going|getting"
    r"|coming) (?:back )?home\b",
    r"\b(?:hands?|arm|arms|rope|belt) (?:round|around|on) (?:my|her|his) (?:neck|throat)\b",
    rf"\b{SCARED} (?:of )?what (?:(?:he|she|they) (?:ll|will|might|would|could|d|is going to|s going to)|hell"
    r"|shell|theyll|hed|shed) do\b",
    r"\b(?:he|she|they|partner|husband|wife|boyfriend|girlfriend)\b(?: \w+){0,2} (?:wont|doesnt|dont|will not"
    r"|never|refuses to|refused to) (?:give|let) me (?:any |have any )?(?:money|cash)\b",
    r"\b(?:monitors?|monitoring|monitored|watches|watching|spies on|spying on|follows"
    r"|following) (?:all )?my (?:texts|messages|phone|location|emails|spending|bank|every move|calls)\b"
    r"|\b(?:monitors?|monitoring|tracks?|tracking|checks?) (?:where|who) i (?:go|see|am|talk|speak)\b",
    r"\b(?:get|got|run|ran|escape|escaped|flee|fled|fleeing|getting|running|escaping) away from (?:him|her"
    rf"|them|my (?:\w+ )?{PERSON}|his|an abusive)\b|\bfle(?:e|eing|d) (?:from )?(?:him|her"
    rf"|my (?:\w+ )?{PERSON}|home|the house|abuse|domestic)\b",
    r"\blocked (?:in|up|inside) (?:all day|all night|for hours|for days|every day|most days)\b",
    r"\b(?:told|tells|telling|warned|warns|made|makes) (?:me |him |her |them |us )?(?:to )?(?:keep quiet"
    r"|keep it quiet|keep my mouth shut|say nothing|not say anything|stay quiet|keep schtum)\b",
    rf"\b(?:he|she|they|who|man|woman|guy|bloke|{PERSON}) (?:really |always |often |sometimes "
    r"|still )?(?:scares|frightens|terrifies|intimidates) (?:me|us|my|the kids|the children)\b",
    rf"\b(?:he|she|they|{PERSON})(?: \w+){{0,2}} (?:has |had )?(?:broke|broken|fractured|cracked|bust"
    r"|busted) (?:my|her|his) (?:arm|arms|nose|ribs?|jaw|wrist|leg|legs|fingers?|hand|cheekbone|teeth"
    r"|tooth)\b",
    r"\b(?:makes?|made|making|forces?|forced|forcing|pressur\w*) (?:me|him|her|them) (?:to )?(?:do"
    r"|doing) (?:things|stuff|sexual|sex)\b",
    r"\b(?:forc\w*|makes?|made|making|pressur\w*) (?:me|him|her|them) (?:to |into )?(?:have |having )?(?:sex"
    r"|sexual)\b",
    r"\b(?:partner|husband|wife|boyfriend|girlfriend|ex|step ?dad|dad|father)\b(?: \w+){0,8} (?:im|i am"
    rf"|i m|and im|were|we are) (?:\w+ )?{SCARED}\b",
    r"\b(?:throws?|threw|throwing|thrown) (?:\w+ ){0,2}at (?:me|us|him|her|them|the kids"
    rf"|my (?:\w+ )?{PERSON})\b",
    r"\bviolent (?:towards?|to|with|at|against) (?:me|us|him|her|them|my|the (?:kids|children))\b",
    rf"\b{PERSON} (?:is |s |gets |can be |has been |becomes |became |was |getting |turns )(?:\w+ )?violent\b",
    r"\b(?:isnt|arent|is not|are not|not|wont be|never|dont feel) safe (?:with|around|near) (?:him|her|them"
    rf"|(?:their|his|my|the) (?:\w+ )?{PERSON})\b",
    rf"\b{SCARED} (?:of|to be around|to be alone with|to be with) (?:him|her|them|my (?:\w+ )?{PERSON}|his"
    rf"|her (?:\w+ )?{PERSON})\b",
    rf"\b{SCARED} (?:to|of) (?:go|going|get|getting) (?:back )?(?:home|back to (?:the|my|his|her"
    r"|their) (?:house|flat|home|place)|back to (?:his|hers|theirs|him|her|them))\b",
    r"\b(?:not|never|dont feel|doesnt feel|no longer|dont|isnt|arent) (?:feel |feeling )?safe (?:at|in|to go"
    r"|to be|going) (?:back )?(?:at )?" + HOME + r"\b",
    r"\bunsafe (?:at|in) " + HOME + r"\b",
    r"\b(?:home|my house|my flat) (?:doesnt|does not|isnt|is not|dont|never|no longer"
    r"|not) (?:feel )?(?:feels )?safe\b",
    r"\b(?:isnt|is not|not|never) safe for (?:me|us|the kids|my kids|my children|her|him) (?:to (?:go|be|stay"
    r"|live) )?(?:back )?(?:at )?(?:home|there|in the house)\b",
    r"\b(?:nowhere|no where|somewhere|anywhere|some where|some place|a place) safe (?:to (?:go|stay|sleep"
    r"|live|hide)|for (?:me|us|the night|tonight))\b",
    r"\bnowhere safe\b",
    r"\b(?:womens|a|the|domestic abuse) refuge\b",
    r"\brefuge\b",
    # someone at home smashing the place up
    rf"\b(?:he|she|they|hes|shes|theyre|{PERSON}s?)(?: \w+){{0,4}} (?:is |s |are |re |keeps |has been "
    r"|started |been )?(?:smashing|smashed|wrecking|wrecked|trashing|trashed|breaking up|smashing up"
    r"|wrecking up) (?:up )?(?:the|my|our) (?:place|house|flat|home|room|bedroom|kitchen|stuff|things"
    r"|furniture)\b",
)

WELSH = (
    r"\b(?:cadw|gadw|chadw|nghadw) (?:\w+ ){0,2}(?:n |yn )?(?:garcharor|carcharor|gaeth|gaethwas)\b",
    r"\b(?:angen|isio|eisiau|rhaid i mi) (?:dianc|ffoi|gadael|mynd allan) (?:heno|rwan|nawr|cyn iddo"
    r"|cyn iddi)\b",
    r"\b(?:ein|eu) (?:cloi|gloi|nghloi) (?:ni |nhw )?(?:yn|i mewn|tu mewn)\b",
    rf"\b{CY_HOME}(?: \w+){{0,4}} (?:peryglus|beryglus|anniogel|uffern)(?: \w+){{0,2}} i (?:mi|fi|ni"
    r"|r plant)\b",
    r"\bofn (?:bod|aros|mynd) (?:yn y ty|adra|adre|adref|gartre|gartref)\b",
    rf"\bfy {CY_HARM_ME}\b(?! allan| fy hun)",
    rf"\b(?:ei|eu|ein|dy) {CY_HARM_VERB}\b",
    r"\b(?:taro|curo|dyrnu|cicio|tagu|gwthio|brifo|bwrw|waldio|colbio|slapio|hitio|cam drin|camdrin|treisio"
    rf"|bygwth|bwlio|llusgo|ysgwyd|esgeuluso|cloi|newynu|llwgu) (?:y |r |yr |fy |ei |eu |ein )?{CY_PERSON}\b",
    r"\b(?:cam drin|camdrin|camdriniaeth|gamdriniaeth|camdriniol|gamdriniol|cham drin|gam drin"
    r"|ngham drin)\w*",
    rf"\b{mutated('cam drin')}\b",
    r"\btrais\b",
    rf"\b{mutated('treisio')}\b",
    rf"\b(?:perthynas|{CY_PERSON}|o|e|hi|nhw|fo) (?:\w+ )?(?:yn |n )?(?:dreisgar|treisgar|threisgar"
    r"|gamdriniol|camdriniol|rheolgar|reolgar|controlling)\b",
    r"\b(?:yn|n) (?:controlling|rheolgar|reolgar)\b",
    r"\b(?:rheoli|reoli) (?:iawn|popeth|pob dim|bob dim|fy (?:arian|mywyd|ffon|nghyflog|mudd daliadau"
    r"|nghardyn)|lle dw i|beth dw i|be dw i|pwy dw i)\b",
    r"\brheolaeth (?:drwy|trwy) (?:orfodaeth|gorfodaeth)\b|\brheolaeth gymhellol\b|\bymddygiad (?:rheolaethol"
    r"|rheolgar|gorfodol)\b",
    r"\b(?:bygwth|fygwth|mygwth) (?:fy |ei |y |r )?(?:lladd|ladd|brifo|frifo|mrifo|taro|daro|curo|guro"
    r"|niweidio|cymryd y plant|mynd ar plant|mynd a r plant|mynd ar plant)\b",
    r"\b(?:lladd|ladd) (?:fi|hi|fo|nhw|ni)\b",
    r"\b(?:rhybuddio|rybuddio|dweud wrtha i|deud wrtha i|bygwth|fygwth|mygwth)(?: \w+){0,3} (?:gadw"
    r"|cadw) (?:n |yn )?(?:dawel|ddistaw|gyfrinach|cyfrinach|ceg ar gau)\b",
    r"\b(?:codi ofn|dychryn) (?:arna i|arnaf|arnon ni|ar y plant|ar fy|arnom)\b",
    rf"\b(?:ddim|dim)(?: \w+){{0,3}} {CY_SAFE} (?:efo|hefo|gyda|o gwmpas|gydag) (?:fo|hi|nhw|fy {CY_PERSON}"
    rf"|{CY_PERSON}|y {CY_PERSON}|r {CY_PERSON}|ei {CY_PERSON})\b",
    rf"\bymosod\w* (?:arna|arnaf|arno|arni|arnon|ar fy {CY_PERSON}|ar {CY_PERSON})\b",
    r"\brhywiol\b",
    r"\b(?:gorfodi|orfodi|ngorfodi|gorfod|orfod) (?:\w+ ){0,3}(?:i )?(?:gael|cael) rhyw\b",
    r"\bstalkio\b|\bstelcian\b|\bstelcio\b",
    r"\bfy (?:hitio|slapio|pwnio|waldio|colbio|bwlio)\b",
    r"\b(?:o|e|fe|fo|hi|nhw) (?:wedi |n |yn )?(?:malu|falu|dorri|torri|cymryd|gymryd|cuddio"
    r"|guddio) fy (?:ffon|ffôn|mhasbort|pasbort|allweddi|ngherdyn)\b",
    r"\b(?:tracio|dracio|gwirio|wirio|darllen|ddarllen|monitro|fonitro|mynd trwy|mynd drwy|checkio|tsiecio"
    r"|jecio|sbio ar|edrych trwy|edrych drwy) fy (?:ffon|negeseuon|negeseuon testun|tecsts|e byst|nghar"
    r"|lleoliad)\b",
    r"\b(?:ddim yn |ddim n |dydy o ddim yn |dydy hi ddim yn )?gadael i (?:mi|fi) (?:weld|gweld|fynd allan"
    r"|mynd allan|siarad|gael fy|cael fy|adael|gadael) (?:fy |y |r |efo |hefo |gyda  |a )?(?:nheulu|teulu"
    r"|ffrindiau|nhy|ty|mam|nhad|neb|chwaer|mrawd)\b",
    r"\bddim yn cael (?:gadael|mynd allan o|mynd o) (?:y |r )?(?:ty|fflat)\b",
    r"\bgadael y (?:ty|fflat) (?:hebddo|hebddi|hebddyn)\b",
    r"\b(?:o|e|fe|fo|hi|nhw) (?:tu allan|y tu allan|wrth|yn curo|n curo|yn cicio|n cicio"
    r"|yn trio dod i mewn) (?:i r|ir|i|y|r) ?(?:drws|ffenest|ffenestr|ty|fflat)\b",
    rf"\b(?:ofn|ofnus|dychryn) (?:o |rhag )?(?:fy|ei) {CY_PERSON}\b",
    r"\bofn (?:o|fo|e|hi|nhw|ef)\b",
    rf"\b(?:ofn|ofnus|dychryn) (?:mynd|dod) (?:yn ol |nol )?(?:{CY_HOME}|i r ty|ir ty|i r fflat)\b",
    rf"\b(?:ddim|dim|nid|anniogel|byth)(?: \w+){{0,3}} {CY_SAFE}(?: \w+){{0,5}} {CY_HOME}\b",
    rf"\b{CY_HOME}(?: \w+){{0,3}} (?:ddim|dim|byth)(?: \w+){{0,3}} {CY_SAFE}\b",
    rf"\b(?:rhywle|unman|rywle|lle) {CY_SAFE}(?: i (?:fynd|aros|cysgu|gysgu|guddio|cuddio)"
    r"| heno)?\b(?! i (?:gadw|storio|roi|parcio))",
    rf"\b{mutated('lloches')}\b(?! (?:bws|bysiau|anifeiliaid|i anifeiliaid|cwn|i gwn|ysmygu|i r nos|ir nos"
    r"|dros nos|am y nos|nos))",
    r"\b(?:dwylo|ddwylo|nwylo|law|llaw|fraich|braich|rhaff|raff|belt) (?:am|o gwmpas|rownd|ar) (?:fy"
    r"|ei) (?:ngwddf|gwddf|wddf|chwddf)\b",
    r"\bofn (?:beth|be) (?:wnaiff|neith|wneith|neiff|wna|wnan|nawn) (?:o|fo|e|hi|nhw)\b",
    r"\b(?:o|fo|e|hi) (?:ddim yn |ddim n |byth yn )rhoi (?:dim )?arian i (?:mi|fi)\b",
    r"\b(?:dianc|ddianc|ffoi|ffoi rhag) (?:oddi wrth|oddi wrtho|oddi wrthi|oddi wrthyn|rhag)\b",
    r"\b(?:bygwth|fygwth|mygwth) (?:\w+ )?(?:llosgi|losgi) (?:y |r )?(?:ty|fflat|lle|cartref|nghartref)\b",
    r"\b(?:cyn|nghyn|chyn|gyn)(?: bartner| gariad| wr| wraig)?(?: \w+){0,3} (?:dod i|troi fyny|troi i fyny"
    r"|aros tu allan|aros y tu allan|fy nilyn|dilyn fi)\b",
    r"\b(?:gwr|wr|ngwr|partner|mhartner|bartner|cariad|nghariad|gariad|o|fo|e|fe|hi|nhw|dad|tad|nhad|mab|fab"
    r"|cyn|nghyn)(?: \w+){0,2} (?:wedi )?(?:torri|dorri) fy (?:mraich|nhrwyn|asennau|ngen|ngarddwrn|nghoes"
    r"|mysedd|nannedd|nant)\b",
    r"\bgadael i (?:mi|fi) (?:adael|fynd allan|fynd or ty|fynd o r ty|weld neb|siarad efo neb"
    r"|siarad a neb)\b",
    r"\b(?:gwneud|wneud|neud|gorfodi|orfodi|ngorfodi) i (?:mi|fi|hi|fo) (?:wneud|gwneud|neud) (?:pethau|petha"
    r"|pethe|rhywbeth|pethau rhywiol)\b",
    # "hitio fi", "gloi fi yn y ty", "bwgwth fi": the object pronoun after the verb, as spoken
    rf"\b{mutations(*CY_HARM, 'cloi')} (?:fi|ni)\b(?! allan)",
    rf"\b{mutations('taflu', 'lluchio')}(?: \w+){{0,3}} (?:ata i|ata fi|aton ni|ati hi|ato fo|ato fe|atyn nhw"
    rf"|at (?:fy|y|r|ei) {CY_PERSON})\b",
    r"\b(?:cymryd|gymryd|mynd a|mynd ar|mynd efo) (?:y plant|r plant|y babi|r babi|fy mhlant"
    r"|fy mabi)(?: \w+){0,2} (?:os|pe) (?:dwi|dw i|i|fi|bydda i|byddaf i|wna i) (?:n |yn )?(?:gadael|adael"
    r"|deud|dweud|ddweud|ddeud|mynd|siarad)\b",
    rf"\b(?:{CY_PERSON}|o|fo|e|fe|hi|nhw)(?: \w+){{0,4}} (?:yn |n )?(?:malu|falu|chwalu|dinistrio|ddinistrio"
    r"|smashio|trashio) (?:y |r )?(?:ty|fflat|lle|stafell|gegin|popeth|pethau|dodrefn)\b",
    rf"\b(?:{CY_PERSON}|dyn|athro|gofalwr|ofalwr|ngofalwr|rhywun|hyfforddwr)(?: \w+){{0,3}} (?:yn |n )?(?:ei"
    r"|eu|fy) (?:gyffwrdd|chyffwrdd|nghyffwrdd|cyffwrdd)\b",
    # a partner taking her wages
    r"\b(?:gwr|wr|ngwr|gwraig|wraig|partner|mhartner|bartner|cariad|nghariad|gariad|o|fo|e|fe|hi"
    r"|cyn)(?: \w+){0,3} (?:yn |n )?(?:cymryd|gymryd|cadw|gadw|rheoli|reoli|dwyn|ddwyn|gwario|wario) (?:fy|ei"
    r"|eu) (?:holl )?(?:cyflog|gyflog|chyflog|nghyflog|budd ?daliadau|fudd ?daliadau|mudd ?daliadau|arian"
    r"|harian|pensiwn|phensiwn|mhensiwn|cerdyn banc|gerdyn banc|cherdyn banc|ngherdyn banc|pres)\b",
    # "nath o nharo i", "nghloi i yn y fflat": the nasal mutation says "fy" (me), often left unwritten
    rf"(?<!bron a )(?<!bron )\b(?:{CY_HARM_NASAL}) (?:i|fi)\b(?! allan)",
)
