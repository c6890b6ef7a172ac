"""Suicide, self-harm and despair: wishes, plans, means, goodbyes and indirect intent."""

from __future__ import annotations

from webhook.safeguarding.english_words import DRUGS, INTENT, SELF
from webhook.safeguarding.welsh_words import CY_SELF, CY_WANT, mutated, mutations

ENGLISH = (
    r"\bsuicid\w*",
    r"\bself ?harm\w*",
    r"\bkill(?:ing)? my ?self\b",
    r"\b(?:kill|killing|killed|hang|hanging|hanged|harm|harming|hurt|hurting|cut|cutting|burn|burning|starve"
    rf"|starving|drown|drowning|poison|poisoning) {SELF}\b",
    r"\bkms\b",
    r"\b(?:end|ending|ended) (?:it all|everything|(?:my|his|her|their) (?:own )?life)\b",
    r"\b(?:take|taking|took|taken) (?:my|his|her|their) (?:own )?life\b",
    r"\b(?:want|wants|going|ready|about|decided|planning|plan|thinking|think"
    r"|tempted) (?:to )?(?:just )?end (?:it|things|everything|my life)\b",
    r"\bend it (?:all|now|tonight|today|here)\b",
    r"\b(?:want|wants|wanted|going|ready|wish|wishing) (?:to )?(?:just )?(?:die|be dead|not be here|not exist"
    r"|stop existing|stop living|stop breathing|not wake up|disappear|fade away|vanish|sleep forever"
    r"|never wake up)\b",
    r"\bwish (?:i|he|she) (?:was|were) dead\b",
    r"\bbetter off (?:dead|without me|if i was(?:nt| not) here|if i (?:died|was gone))\b",
    r"\b(?:better|happier|easier) (?:off )?(?:if i (?:was|were|wasnt|werent|was not) (?:gone|dead|not here"
    r"|not around|here|around)|if i (?:died|disappeared|went away for good)|without me)\b",
    r"\b(?:dont|do not|no longer|never|not sure|dont think|do not think|dont reckon|dont know if"
    r"|not sure if)(?: i| i ll| ill| i will| id| i d)? (?:really |even )?(?:want|wish|wanna"
    r"|will want) (?:to )?(?:be alive|exist|wake up|be (?:around|here|alive)(?: \w+)? (?:much |any "
    r"|for )?(?:longer|any ?more|no more|long)|live (?:any ?more|no more|like this)|keep (?:going|living)"
    r"|carry on|go on)\b(?! (?:with|the|a|an|to|my|at|in|on|about|holiday|and|for|paying|waiting|list)\b"
    r"| \w+ing\b)",
    r"\b(?:dont|do not) (?:want|wish) (?:to )?live\b(?! (?:next|near|in|on|at|with|by|opposite|beside|here"
    r"|there|round|around|down|up))",
    r"\b(?:no|whats the|what is the|is there any|there is no|theres no|dont see the|dont see any|cant see the"
    r"|cant see any|see no|no real) (?:point|reason|purpose) (?:in |of |to |for )?(?:me |my )?(?:even |still "
    r"|just )?(?:living|life|going on|carrying on|carry on|go on|keep going|keeping going|keep living"
    r"|being alive|being here|existing|anything|it all|live|me being here|staying alive|waking up|wake up"
    r"|trying any ?more)\b(?! (?:with|the|a|an|to|my|at|in|on|about|holiday|and|for|paying|waiting|list)\b)",
    r"\bnothing (?:left )?to live for\b",
    r"\b(?:cant|can not|cannot) (?:go on|carry on|keep going|take (?:it|this|any ?more)|do this any ?more"
    r"|cope)\b(?! (?:with|of)\b| (?!living)\w+ing\b)",
    r"\bhow (?:much )?long(?:er)? (?:i |can i )?(?:can )?(?:keep going|go on|carry on|cope|hold on|last)\b",
    r"\bgiv(?:e|ing) up on (?:life|everything|living|it all|my ?self)\b",
    r"\b(?:easiest|quickest|painless|painlessly|best|quickest) (?:way|ways|method) (?:to|of) (?:die|dying"
    r"|kill|end it|end my life|commit)\b",
    r"\b(?:cant|can not|cannot) (?:do|take) (?:this|it) (?:any ?more|no more)\b",
    r"\b(?:thoughts|thinking|thought) (?:of|about) (?:suicide|dying|death|killing|hurting|harming|ending"
    r"|not being here|taking my)\b",
    r"\boverdos\w*",
    r"\b(?:load|loads|lot|lots|bottle|bottles|handful|handfuls|box|boxes|packet|packets|all|too many"
    rf"|stockpil\w*|stash|whole pack|pack) (?:of )?(?:my |the |these |her |his |their )?{DRUGS}\b",
    r"\b(?:taken|took|swallowed|swallow|take) (?:all |loads of |a lot of |too many |lots of )?(?:my "
    rf"|the )?{DRUGS} (?:at once|all at once|in one go)\b",
    rf"\bhow many {DRUGS}\b",
    r"\b(?:jump|jumping|throw my ?self) (?:off|from|in front of|under) (?:a |the )?(?:\w+ )?(?:bridge"
    r"|building|roof|cliff|car park|multi storey|train|trains|car|bus|lorry|tower|block|flats|balcony)\b",
    r"\b(?:goodbye|suicide|farewell) (?:message|messages|note|notes|letter|letters|text|texts|post|video)\b",
    r"\b(?:in|at) (?:a )?(?:really |very |such a )?(?:dark|bad|terrible|awful) place\b",
    r"\bdark thoughts\b",
    rf"\b(?:got|have|get|getting|taken|took) (?:the |my |all the |all my |all )?{DRUGS} out\b",
    r"\b(?:cut|cutting|burn|burning|hurt|hurting|harm|harming|scratch"
    r"|scratching)(?: my ?self)? when (?:things|it|stuff|life) (?:get|gets|got|is) (?:bad|too much|hard|worse"
    r"|dark)\b",
    r"\b(?:cant|can not|cannot|dont|do not) see (?:a |any )?(?:way out|way forward|future"
    r"|point in)\b(?! of (?:the|this) (?:car park|building|estate))",
    r"\bplanning how (?:i d|id|i would|i will|i ll|to) (?:do it|end it|kill|go)\b",
    r"\b(?:sleep|go to sleep|fall asleep) and (?:not|never) wake up\b",
    r"\b(?:want|wanna|wish i could|just want to) (?:to )?(?:just )?(?:go to )?sleep (?:forever|for ever"
    r"|for good)\b",
    # a burden, no point any more, a last goodbye
    r"\b(?:im|i am|i m|feel like|feeling like|i feel like) (?:just )?(?:a|such a) (?:burden|waste of space"
    r"|waste of oxygen|waste of air)\b",
    r"\b(?:theres|there is|there s) no point any ?more\b(?!(?: \w+){0,6} (?:council|bin|bins|report\w*"
    r"|complain\w*|phon\w*|email\w*|pothole|repair\w*|appl\w*|form|website))",
    r"\bgoodbye\b(?: \w+){0,6} (?:this is (?:the|my) end|its over|it s over|im done|i m done)\b"
    r"|\bthis is my last (?:message|night|day|text|post)\b",
    r"\b(?:live|living) or (?:die|dying|dead)\b",
    r"\blife(?: \w+){0,2} (?:isnt|is not|not|aint|never) worth (?:living|it)\b|\bnot worth living\b",
    r"\b(?:scratch\w*|cut\w*|pick\w*|bit|bite|biting|hit\w*|punch\w*|bang\w*|burn\w*) (?:my|her|his) (?:arms?"
    r"|legs?|wrists?|skin|head|thighs?|stomach)(?: \w+){0,3} (?:till|until|til|so) (?:they|it) (?:bleed"
    r"|bleeds|bled|bruise|bruises|hurts)\b",
    r"\bself inflicted\b",
    r"\b(?:thinking|thought|think|going|planning|want|wanna|about) (?:of |about |to )?(?:jumping"
    r"|jump)\b(?! (?:the queue|queues|in|on|through|ship))",
    r"\bvoices?(?: \w+){0,4} (?:telling|tell|told|tells|saying|say|says|said) (?:(?:me|him|her|them) to|(?:i"
    r"|he|she|they) (?:should|must|have to|need to|deserve))\b",
    r"\b(?:ive|i have|i ve|ive got|i ve got|i have got|got) (?:got )?nothing (?:left"
    r"|to live for)\b(?! (?:to pay|to eat|in|for|on|after|until|till|of my))",
    r"\b(?:feel|feeling|im|i am|i m) (?:so |really |completely |totally |utterly )?(?:hopeless|worthless)\b",
    r"\bblood (?:on|all over|down|from) my (?:arms?|legs?|wrists?|thighs?)\b",
    r"\b(?:going to|gonna|want to|wanna|will|ll|thinking of|thinking about|about to|might) (?:just )?(?:drive"
    r"|crash|steer) (?:my |the )?(?:car |van )?(?:into|off) (?:a |the )?(?:wall|tree|bridge|river|cliff|lorry"
    r"|oncoming|sea)\b",
    r"\b(?:took|taken|swallowed|had|take|taking) (?:\d+|twenty|thirty|forty|fifty|a hundred) (?:of )?(?:my "
    rf"|the |his |her )?{DRUGS}\b",
    r"\b(?:done|finished|over|sick|tired) (?:with|of) (?:life|living|everything|it all|being alive"
    r"|existing)\b",
    r"\b(?:nobody|no one|noone|no body|none of them) (?:would|will|d|wd) (?:even )?(?:miss|care about"
    r"|notice)(?: if)? (?:me|i)\b",
    rf"\b(?:{DRUGS}|rope|the rope) (?:are |is )?(?:ready|lined up|saved up|stockpiled|in front of me"
    r"|counted out)\b",
    # indirect intent: the only way out, a method with an intention, on the edge, goodbyes, hoarded pills
    r"\bonly (?:way out|option|answer|escape|thing left)(?: \w+){0,5} (?:is |would be |seems "
    r"|left is )?(?:ending|end|to end|dying|to die|die|death|suicide|killing|to kill|kill|jump|jumping|pills"
    r"|overdose)\b",
    r"\b(?:ending|end|ended) things\b(?! (?:with|between|off))",
    rf"\b{INTENT} (?:\w+ ){{0,2}}(?:step|stepping|walk|walking|throw|throwing|jump|jumping|lie|lying|lay"
    r"|laying|run|running|swim|swimming|wade|wading) (?:my ?self |out |down )?(?:in front of|under|onto"
    r"|on to|into|in to|off|on|out into|out to) (?:a |the )?(?:\w+ )?(?:train|trains|bus|lorry|traffic"
    r"|tracks|railway|railway line|train line|motorway|river|sea|canal|bridge|cliff|roof|water)\b",
    r"\b(?:stood|standing|sat|sitting|perched) (?:on|at) (?:the |a )?(?:edge|top|ledge|wrong side|railings?"
    r"|parapet) of (?:the |a )?(?:\w+ )?(?:bridge|cliff|cliffs|roof|building|car park|multi storey|flats"
    r"|tower|block|balcony|railings|quarry|viaduct)\b",
    r"\b(?:im|i am|i m|been|currently|just) (?:stood|standing|sat|sitting|up|out) (?:\w+ ){0,2}(?:on|at|by"
    r"|near) (?:the |a )?(?:\w+ )?(?:bridge|cliff|cliffs|ledge|edge|roof|rooftop|railway line|train tracks"
    r"|tracks|balcony|viaduct|top of (?:the )?(?:multi storey|car park|building|flats"
    r"|tower))\b(?= (?:right now|now|tonight|again|and (?:i|im|thinking|want|cant)|thinking|wanting|ready"
    r"|about to|going to|gonna)|(?: \w+){0,2}$)",
    r"\b(?:man|woman|person|someone|somebody|lad|girl|boy|guy|bloke|lady|kid|teenager|he|she"
    r"|they)(?: \w+){0,2} (?:is |s |are |re )?(?:stood |standing |sat |sitting |climbing |climbed |hanging "
    r"|perched )?(?:on|over|off|onto) (?:the )?(?:wrong side of (?:the )?(?:\w+ )?(?:railings|barrier|fence"
    r"|bridge)|edge of (?:the )?(?:\w+ )?(?:bridge|roof|cliff|car park|multi storey|building)"
    r"|(?:bridge )?railings of|parapet|ledge of|railway line|train tracks|tracks)\b",
    r"\b(?:goodbye|goodbyes|farewell|ta ta)\b(?: \w+){0,8} (?:wont|isnt|not|doesnt|cant|can not|no"
    r"|hasnt) (?:\w+ )?(?:answer|answering|pick up|picking up|reply|replying|respond|responding|get hold"
    r"|get through)\b",
    r"\b(?:saying|say|said|says|written|wrote|writing|posted|posting|left"
    r"|leaving) (?:\w+ ){0,2}goodbyes? (?:\w+ ){0,3}(?:forever|for good|for the last time|one last time)\b",
    r"\b(?:saving|saved|save|hoarding|hoarded|stockpiling|stockpiled|stashing|stashed"
    rf"|storing) (?:up )?(?:all )?(?:of )?(?:my |the |her |his |some |a load of |loads of |these )?(?:{DRUGS}"
    r"|medicine|medicines)\b",
    rf"\b{DRUGS}\b(?: \w+){{0,10}} (?:take|taking|swallow|swallowing|down|neck|necking) (?:them|the lot|it"
    r"|the whole lot) all\b|\b(?:take|taking|swallow|swallowing) (?:them|the lot"
    r"|the whole lot) (?:all )?(?:at once|in one go)\b",
    # self-harm seen by someone else: "my grandson has been cutting his arms"
    r"\b(?:cutting|slashing|carving|cuts|slashes|carves|scratching|scratches|burning|burns|harming|stabbing"
    r"|picking at) (?:into |at )?(?:my|his|her|their) (?:own )?(?:arms?|legs?|wrists?|thighs?|skin|stomach"
    r"|body|tummy)\b(?! (?:on|with a|when|while|at work|in the|at the|doing|playing|falling))",
    # colloquial and indirect: "topping myself", "do myself in", "wont be here next week", "im ending it"
    r"\b(?:top|topping|topped|do|doing|did|done) (?:my ?self|him ?self|her ?self) in\b",
    r"\btop(?:ping|ped)? my ?self\b",
    r"\b(?:i|ill|i ll|i will|im|i m) (?:wont|will not|not going to|not gonna|wont even) be (?:here"
    r"|around|alive)"
    r" (?:next|by|after|for|to see|much longer|tomorrow|on)\b",
    r"\b(?:im|i m|i am|thats it im|then im) (?:just )?(?:ending it|ending things|ending it all"
    r"|done with life)\b",
    r"\b(?:had|have had|ive had) enough of (?:life|living|being alive|it all|everything)\b",
    r"\b(?:not|never) (?:planning|intending|going) (?:on|to) (?:waking|wake) up\b",
    r"\b(?:struggling|trying|cant|can not|cannot|unable) to (?:keep|stay) (?:my ?self )?safe\b",
    r"\b(?:engine|exhaust|car) (?:\w+ ){0,3}(?:running|on)\b(?: \w+){0,6} (?:garage|hose|pipe|taped)\b"
    r"|\bgarage (?:\w+ ){0,6}(?:engine|exhaust) (?:\w+ )?running\b",
    r"\b(?:burnt|burned|cut|cutting|hurt|hit|scratched|starved|starving|starve|not eaten|havent eaten"
    r"|stopped eating) (?:\w+ ){0,3}on purpose\b",
    r"\bsh (?:again|last night|tonight|relapse)\b|\brelapsed (?:on|with|into) (?:sh|self harm|cutting)\b",
    # self-harm said as a habit come back: "cutting again every night", "started burning again"
    r"(?:^|\b(?:im|i m|i am|been|started|start|keep|kept|back to|gone back to|went back to) )(?:cutting"
    r"|self harming|harming|burning|scratching) (?:again|every (?:night|day)|most nights|more and more)\b",
    # a place to die, said as a fragment: "stood on the bridge over the motorway", "at the top of the
    # multi storey looking down"
    r"(?:^|\b(?:im|i m|i am|been|currently|just) )(?:stood|standing|sat|sitting|up|out|at) (?:\w+ ){0,2}(?:on"
    r"|at|by|near|of) (?:the |a )?(?:\w+ )?(?:bridge|cliff|cliffs|ledge|edge|roof|rooftop|railway line"
    r"|train tracks|tracks|balcony|viaduct|multi storey|top floor)\b(?= (?:right now|now|tonight|again|and"
    r" (?:i|im|thinking|want|cant)|thinking|wanting|ready|about to|going to|gonna|looking down|looking over"
    r"|staring down)|(?: \w+){0,3}$)",
    # gone before the council's next step, and past caring: "doesnt matter, ill be gone by then" (not "ill
    # be gone by then, leave it next door"), "ill be dead by then", "wont need it after this week"
    r"\b(?:doesnt|dont|wont|does not|will not|do not) matter\b(?: \w+){0,4} (?:ill|i ll|i will|im|i m)"
    r" (?:be )?(?:gone|dead|long gone|not here)\b|\b(?:ill|i ll|i will|im|i m) (?:be )?(?:dead|long gone)"
    r" (?:by then|by the time|before (?:then|that|it))\b|\b(?:ill|i ll|i will) (?:be )?gone (?:by then"
    r"|for good) anyway\b",
    r"\bgiv(?:e|ing|en) (?:away )?(?:all )?(?:my|me) (?:stuff|things|belongings|possessions|clothes|pets?"
    r"|cat|dog) away\b|\bgiv(?:e|ing|en) away (?:all )?(?:my|me) (?:stuff|things|belongings|possessions"
    r"|clothes|pets?|cat|dog)\b",
    r"\b(?:i|ill|i ll|i will|im|i m) (?:wont|will not|not going to|not gonna|dont|do not)"
    r" (?:be )?need(?:ing)? (?:it|them|anything|any of (?:it|this|them)|my \w+) (?:after|where im going"
    r"|where i m going|any ?more"
    r"|much longer)\b",
)

WELSH = (
    rf"\b{mutated('lladd')} {CY_SELF}\b",
    r"\bhunan ?ladd\w*",
    r"\bhunan ?(?:niweid\w*|niwed|anafu|anaf)\b",
    rf"\b(?:niweidio|brifo|frifo|torri|dorri|llosgi|losgi|crogi|grogi|boddi|foddi|anafu) {CY_SELF}\b",
    rf"\b{CY_WANT} (?:\w+ )?(?:marw|farw)\b",
    r"\bam (?:farw|ladd fy hun)\b",
    rf"\b{CY_WANT} (?:\w+ ){{0,2}}(?:diflannu|ddiflannu|peidio bod|peidio bodoli|cysgu am byth"
    r"|gysgu am byth)\b",
    r"\b(?:well|hapusach|gwell|haws)(?: \w+){0,2} (?:taswn i|pe bawn i|petawn i|tasen i|swn i"
    r"|heb) (?:wedi mynd|wedi marw|ddim yma|yn farw|fi|hebdda i)\b",
    r"\b(?:does gen i|sgen i|sgin i|sydd gen i|does dim) (?:ddim |dim )?(?:byd|dim byd|ddim byd) (?:ar ol"
    r"|i fyw amdano)\b(?! i (?:dalu|fwyta|brynu))",
    r"\b(?:dw i|dwi|rydw i|teimlo|teimlo n|yn teimlo) (?:mor |yn |n |mor mor )?(?:isel|ddiwerth|diwerth"
    r"|ddiobaith|diobaith)\b(?! (?:bwysau|pwysau|dwr|dŵr|nwy))",
    r"\bgwaed (?:ar|dros|i lawr) (?:fy|ei) (?:mreichiau|breichiau|mraich|braich|nghoesau|coesau|arddyrnau"
    r"|ngarddyrnau|nwylo)\b",
    rf"\b(?:ddim|dim|byth) (?:\w+ )?{CY_WANT} (?:byw|fyw|deffro|bod yma|bod yn fyw|bodoli)\b(?! (?:yn|drws"
    r"|ger|wrth|mewn|efo|hefo|gyda|yng|ym|yma|fan|yno|ar))",
    r"\b(?:dim|does dim|heb|unrhyw|be di r|beth yw r|be ydi r) (?:pwynt|rheswm|bwynt) (?:i |mewn |o )?(?:byw"
    rf"|fyw|bywyd|{mutations('mynd')} ymlaen|{mutations('cario')} (?:mlaen|ymlaen)|{mutations('dal')} ati"
    r"|ddim byd|dim byd|bod yma|bod yn fyw)\b",
    r"\b(?:dim|does dim|does gen i ddim|sgen i ddim) (?:byd )?(?:i |ar ol i )?(?:fyw|byw) (?:iddo|amdano)\b",
    r"\bmethu (?:cario|mynd) (?:mlaen|ymlaen|ymlaen fel hyn)\b",
    r"\bmethu (?:ymdopi|dygymod|cope|handlo|diodde)\b(?! (?:efo|hefo|gyda|a|ag|â))",
    r"\b(?:rhoi|roi) (?:diwedd|terfyn|derfyn) (?:ar|arni|arno)(?: (?:bopeth|popeth|y cyfan|y cwbl|fy mywyd"
    rf"|mywyd|{CY_SELF}|bethau|bob dim|hi|fe|o|i gyd))?\b(?! (?:fy |ein |y |yr )?(?:nhanysgrifiad"
    r"|tanysgrifiad|nhenantiaeth|tenantiaeth|debyd|nebyd|cytundeb|ngontract|contract|cyfrif|trwydded))",
    r"\b(?:cymryd|gymryd|cymerais|cymeres) (?:fy |ei )?(?:mywyd|bywyd|fywyd)\b",
    r"\b(?:gorddos|orddos|nghorddos)\w*",
    r"\b(?:llwyth|lwyth|llond llaw|potel|botel|paced|baced|bocs|focs|gormod|y cyfan|pentwr|stoc) o (?:fy |y "
    r"|r )?(?:dabledi|tabledi|nhabledi|bils|pils|mhils|barasetamol|paracetamol|mharasetamol|feddyginiaeth"
    r"|meddyginiaeth|moddion|foddion)\b",
    r"\bfaint o (?:dabledi|bils|barasetamol|paracetamol)\b",
    r"\b(?:neidio|neidiaf|taflu fy hun) (?:oddi ar|odd ar|off|o flaen|o dan|i mewn i|o ben) (?:y |r "
    r"|yr )?(?:bont|pont|adeilad|to|clogwyn|glogwyn|tren|tren|car|bws|lori|tŵr|twr|fflatiau|afon)\b",
    r"\b(?:neges|negeseuon|llythyr|llythyrau|nodyn|nodiadau|fideo) (?:ffarwel|ffarwelio|hunanladdiad)\b",
    r"\b(?:yn )?well (?:allan |fyd |byd )?(?:hebdda i|hebddaf fi|hebdda fi|hebddo i|hebof i|hebof fi|heb fi"
    r"|hebdda i|yn farw|marw|farw)\b",
    r"\b(?:llond bol|digon|blino|wedi blino|di blino) ar (?:fyw|fywyd|byw|bywyd|fod yn fyw|bod yn fyw"
    r"|bodoli)\b",
    r"\bmewn lle (?:tywyll|drwg|ofnadwy|du)\b",
    r"\b(?:meddyliau|meddwl|syniadau) (?:am |o )?(?:hunanladdiad|hunanladdol|farw|marw|lladd|ladd|frifo|brifo"
    r"|niweidio|roi diwedd|rhoi diwedd)\b",
    r"\b(?:tabledi|dabledi|pils|bils) (?:n |yn )?(?:allan|barod) (?:gen i|gyda fi|o mlaen i)\b",
    r"\b(?:ddim yn |dim |methu )(?:gweld|weld) (?:ffordd allan|dyfodol|pwynt mewn|unrhyw bwynt)\b",
    r"\bcynllunio sut (?:i |y byswn i n |byswn i n )?(?:wneud o|neud o|gwneud o|ei wneud|ladd fy hun|mynd)\b",
    r"\b(?:cysgu|gysgu) a (?:pheidio|peidio|byth yn) (?:deffro|neffro)\b",
    r"\b(?:byw|fyw) neu (?:n )?(?:marw|farw)\b",
    r"\bmethu (?:gwneud|wneud|neud|diodde|dioddef|cymryd|gymryd) (?:hyn|hwn|hyn i gyd"
    r"|dim mwy)(?: \w+)? (?:rhagor|mwyach|ddim mwy|dim mwy|bellach)\b",
    r"\bwerth ei fyw\b|\bwerth byw\b",
    r"\b(?:cadw|casglu|gasglu|hel|cuddio) (?:tabledi|dabledi|pils|bils|moddion|foddion|paracetamol"
    r"|barasetamol)\b",
    r"\bneb (?:yn |n )?(?:gweld|sylwi|poeni|malio|hidio)(?: \w+){0,2} (?:fy ngholli|colli fi|fy eisiau"
    r"|isio fi|amdana i|os bydda i n marw|os bydda i wedi mynd)\b",
    r"\b(?:tabledi|dabledi|nhabledi|pils|bils|rhaff|raff) (?:n |yn )?barod\b",
    rf"\b{mutations('gorffen')} (?:y cyfan|popeth|bopeth|fy mywyd|y cwbl|pethau|bethau)\b",
    r"\b(?:meddwl am|mynd i|isio|eisiau|am) (?:neidio|neud naid)\b(?! (?:y ciw|i mewn|ar))",
    r"\b(?:cymryd|gymryd|llyncu|lyncu|cymerais|llyncais) (?:\d+|ugain|deg ar hugain|llwyth) o (?:dabledi"
    r"|tabledi|bils|pils|barasetamol|paracetamol|foddion|moddion)\b",
    r"\b(?:rhoi|roi) r gorau i (?:fyw|byw|fywyd|bywyd|y cyfan|popeth|bopeth)\b",
    # indirect intent: not wanting to be around, a method with an intention, on the edge, goodbyes
    rf"\b(?:ddim|dim|byth)(?: \w+){{0,4}} {CY_WANT} (?:bod|fod) (?:o gwmpas|yma|yn fyw|n fyw"
    r"|yn y byd)(?: \w+){0,2} (?:hirach|rhagor|mwyach|ddim mwy|dim mwy|yn hir)\b",
    rf"\b(?:ddim yn siwr|dim yn siwr|ddim yn gwybod|ddim yn gwbod)(?: \w+){{0,3}} {CY_WANT} (?:deffro|byw|fyw"
    r"|bod yma|bod yn fyw)\b",
    r"\b(?:teimlo fel|isio|eisiau|moyn|meddwl am|mynd i|am|ystyried|bron a|barod i"
    r"|awydd) (?:\w+ ){0,2}(?:(?:camu|gamu|cerdded|gerdded|neidio|taflu fy hun|daflu fy hun|rhedeg"
    r"|redeg) (?:allan )?(?:o flaen|dan|o dan|i mewn i|oddi ar)|(?:neidio|taflu fy hun|daflu fy hun) i"
    r"|(?:gorwedd|orwedd) (?:i lawr )?ar) (?:y |r |yr )?(?:tren|bws|lori|car|traffig|trac|rheilffordd|afon"
    r"|mor|llyn|dwr|bont|pont|clogwyn|glogwyn|to)\b",
    r"\b(?:dw i|dwi|rydw i|rwy|wi|w i|ydw i) (?:n |yn )?(?:sefyll|eistedd|ista|ar ben|ar ymyl"
    r"|ar) (?:\w+ ){0,3}(?:y |r |yr )?(?:bont|pont|clogwyn|glogwyn|dibyn|ymyl|to|rheilffordd|trac|balconi"
    r"|maes parcio|adeilad)\b(?=(?: \w+){0,4} (?:rwan|nawr|heno|eto)|(?: \w+){0,3}$| a | ac )",
    r"\b(?:llythyr|llythyrau|llythyron|nodyn|nodiadau|neges|negeseuon|fideo)(?: \w+){0,5} (?:ffarwel"
    r"|ffarwelio|ta ta|hwyl fawr|goodbye)\b",
    r"\b(?:ffarwelio|ffarwel|ta ta|hwyl fawr|goodbye)(?: \w+){0,8} (?:ddim yn ateb|dim ateb|ddim n ateb"
    r"|methu cael gafael|ddim yn codi|ddim yn ymateb)\b",
    r"\bneb (?:\w+ ){0,2}(?:sylwi|gweld ei golli|gweld fy ngholli|malio|poeni|hidio"
    r"|colli fi)(?: \w+){0,3} (?:tas(?:a|wn|en) (?:i|fi)|pe bawn i|petawn i|petai fi|os (?:bydda|byddwn) i"
    r"|swn i|baswn i) (?:wedi mynd|wedi marw|ddim yma|yn farw|n farw|wedi diflannu)\b",
    r"\b(?:cadw|gadw|casglu|gasglu|hel|cuddio|cynilo|stocio|pentyrru) (?:fy |y |r |ei )?(?:holl )?(?:tabledi"
    r"|dabledi|nhabledi|pils|bils|mhils|moddion|foddion|meddyginiaeth|feddyginiaeth|meddyginiaethau"
    r"|paracetamol|barasetamol)\b(?:(?: \w+){0,2} i gyd|(?=.*\b(?:cymryd|gymryd|llyncu|lyncu)\b))",
    # self-harm seen by someone else: "mae fy wyres yn torri ei breichiau"
    r"\b(?:torri|dorri|llosgi|losgi|crafu|grafu|niweidio) (?:ei|eu|fy) (?:breichiau|mreichiau|braich|mraich"
    r"|choesau|coesau|nghoesau|arddyrnau|ngarddyrnau|chroen|croen|nghroen|bol|chorff|nghorff)\b(?! (?:ar|wrth"
    r"|yn y|efo))",
    # a burden, no point any more, a last goodbye
    r"\b(?:dw i|dwi|rydw i|rwy|wi|teimlo|teimlo fel|teimlo n) (?:n |yn |fel )?(?:faich|baich"
    r"|gwastraff lle)\b",
    r"\b(?:does dim|dim|heb) (?:unrhyw )?(?:pwynt|bwynt) (?:rhagor|mwyach|bellach|dim mwy"
    r"|ddim mwy)\b(?!(?: \w+){0,6} (?:cyngor|bin|biniau|riportio|cwyno|ffonio|e bostio|twll|atgyweirio"
    r"|gwneud cais))",
    r"\b(?:ffarwelio|ffarwel|hwyl fawr|ta ta)(?: \w+){0,6} (?:dyma r diwedd|dyma fy niwedd|mae drosodd"
    r"|dw i wedi gorffen)\b|\bdyma fy (?:neges|noson|niwrnod) ola\w*",
    # llafar ac anuniongyrchol: "sai moyn byw", "fydda i ddim yma wsnos nesa", "dyma'r neges ola"
    r"\b(?:sai|sa i|smo fi|sdim|dim|ddim|dwi ddim|dwim|fi ddim|dw i ddim) (?:\w+ )?(?:moyn|isio|isho|eisiau"
    r"|ishe) (?:byw|bod yma|bod yma dim mwy|bod yma rhagor|bod yn fyw)\b(?! (?:yn|mewn|efo|gyda|ger|wrth"
    r"|drws|yma yn|yr|y|r)\b)",
    r"\b(?:fydda i|fyddai|bydda i|fydda fi|fi) ddim (?:yma|o gwmpas|yn fyw)(?: \w+){0,2} (?:wsnos nesa"
    r"|wythnos nesa|fory|bore fory|rhagor|dim mwy|i dalu|erbyn|ar ol)\b",
    r"\b(?:dyma|dyma r|hon ydy|hwn ydy|hon yw|hwn yw) (?:y |r )?neges (?:ola|olaf)\b",
    r"\b(?:ddim|dim) yn (?:bwriadu|mynd i) (?:deffro|ddeffro)\b",
    r"\b(?:ddim yn saff|ddim yn ddiogel|ofn) (?:rhag|efo|gyda) (?:fy hun|fy hunan|fi fy hun)\b",
    r"\b(?:llosgi|losgi|llosges|torri|dorri|torres|taro|daro|llwgu) (?:\w+ ){0,2}(?:yn bwrpasol|ar bwrpas)\b"
    r"|\b(?:heb fwyta|heb fyta|ddim yn bwyta|ddim yn byta)(?: n)? (?:yn bwrpasol|ar bwrpas)\b",
    r"\b(?:taro|daro|nharo|bwrw|fwrw|mwrw) (?:fy |y |r )?(?:mhen|pen|mhen i) (?:yn erbyn|ar) (?:y |r )?wal\b",
    r"\b(?:nol|yn ol) i (?:dorri|dorri n|dorrin|dorri fy|losgi|hunan niwed\w*)(?: fy)? (?:hun|hunan)?\b",
    r"\b(?:cerdded|gerdded|mynd|fynd) (?:mewn |i mewn )?i r (?:mor|afon)\b(?: \w+){0,2} (?:heno|sori"
    r"|am byth)\b",
    r"\b(?:injan|injian|engine) (?:yn |n )?(?:rhedeg|redeg)\b(?: \w+){0,6} (?:garej|garej|pibell)\b"
    r"|\bgarej\b(?: \w+){0,6} (?:injan|injian|engine) (?:yn |n )?(?:rhedeg|redeg)\b",
    # hunan-niweidio fel arfer wedi dod nol: "torri eto bob nos" (not "wedi torri eto", broken again)
    r"(?:^|\b(?:dwi|dw i|wedi dechrau|di dechrau|dechrau|yn ol i|nol i) )(?:n |yn )?(?:torri|llosgi|crafu"
    r"|hunan niweidio) (?:eto )?(?:bob nos|bob dydd|bob noson|rhan fwya o nosweithiau)\b",
    # lle i farw, fel darn byr: "sefyll ar y bont dros yr a55", "ar ben y maes parcio aml-lawr yn sbio lawr"
    r"^(?:n |yn )?(?:sefyll|eistedd|ista|ar ben|ar ymyl|ar) (?:\w+ ){0,3}(?:y |r |yr )?(?:bont|pont|clogwyn"
    r"|glogwyn|dibyn|ymyl|to|rheilffordd|trac|balconi|maes parcio|adeilad)\b(?=(?: \w+){0,4} (?:rwan|nawr"
    r"|heno|eto|yn sbio lawr|yn edrych lawr|yn edrych i lawr|sbio lawr)|(?: \w+){0,3}$)",
    # wedi mynd cyn cam nesa'r cyngor: "fydda i di mynd erbyn hynny"
    r"\b(?:dim ots|sdim ots|does dim ots|ddim ots|dim bwys|sdim bwys)\b(?: \w+){0,4} (?:fydda i|fyddai"
    r"|bydda i|fydda fi|fi) (?:wedi|di) (?:mynd|marw)\b|\b(?:fydda i|fyddai|bydda i|fydda fi|fi) (?:wedi"
    r"|di) marw (?:erbyn hynny|erbyn hyn|cyn hynny)\b",
    r"\b(?:rhoi|roi) (?:fy |y |yn )?(?:stwff|mhethau|pethau|eiddo|nillad|dillad|anifeiliaid|nghath|nghi)"
    r"(?: i gyd)? (?:i ffwrdd|i bobl|i ffrindiau)\b(?=.*\b(?:ddim angen|dim angen|ar ol|fydda i ddim))",
)
