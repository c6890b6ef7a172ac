"""Near-miss senses: ordinary council business that shares a disclosure's words ("kill the weeds",
"abuse of a parking permit", "mae'r sŵn yn fy lladd i"). The screen blanks their trigger words (group
`x` when a pattern has one, else all it matched) before it looks for a disclosure, and their presence
makes a classifier guess of `system.safeguarding` doubtful."""

from __future__ import annotations

from webhook.safeguarding.english_words import (
    ANIMAL,
    DRUGS,
    NO_PERSON,
    OBSTACLE,
    PERSON,
    PUT_OUT_URGENT,
    REPAIR,
    SELF,
    THING,
    VEHICLE,
)
from webhook.safeguarding.welsh_words import (
    CY_ANIMAL,
    CY_ANIMAL_HARM,
    CY_PERSON,
    CY_PLACE,
    CY_SAFE,
    CY_SELF,
    CY_THING,
    mutations,
)

ENGLISH = (
    # "the noise is killing me", "my back is killing me", "dying to know", "i could die of boredom"
    r"\b(?:is|s|are|re|was|were|its|it s|thats|it|this|these|they|that|literally) (?:\w+ )?killing me\b",
    r"\bkilling (?:me|us) (?:with|slowly)\b",
    r"\b(?:it|that|this|which) (?:really |just |honestly )?kills me\b",
    r"\bdying (?:to|for) (?:know|find|get|see|hear|a|an|some)\b",
    r"\b(?:die|died) of (?:boredom|embarrassment|laughter|shame)\b",
    r"\bkill(?:ed|ing)? (?:my ?self|me) laughing\b",
    # things that die or get killed: "kill the weeds", "streetlight outside has died", "phone is about to die"
    r"\bkill(?:s|ed|ing|er)? (?:(?:the|all|of|off|my|our|those|these) )*(?:weeds?|rats?|mice|wasps?|ants?"
    r"|ivy|brambles?|knotweed|nettles?|thistles?|dandelions?|roots?|stumps?|flowers?|plants?|grass|moss"
    rf"|bugs?|pests?|slugs?|germs?|bacteria|{THING}|vermin|insects?|spiders?|flies|cockroaches|bed ?bugs"
    r"|fleas|it)\b",
    r"\bweed ?killer\b",
    r"\b(?:phone|battery|batteries|laptop|car|plants?|light|lights|bulb|lamp|street ?light|streetlight|tree"
    r"|trees|grass|hedge|flowers?|fish|tv|line|signal|engine|boiler)\b(?: \w+){0,3} (?P<x>die|died|dying"
    r"|dead)\b",
    r"\bdead (?:fox|badger|bird|animal|cat|dog|deer|rat|pigeon|seagull|end|line|tree|hedge|battery)\b",
    # a death to register or tell the council about
    r"\b(?:my|our|his|her) (?:\w+ )?\w+ (?:has |had |just |recently )?(?:died|passed away|passed)\b",
    r"\b(?:register|registering|report|reporting|tell (?:you|the council) about) (?:a |the )?death\b",
    # "abuse of a parking permit", "abusing the parking rules", animals mistreated (the RSPCA's)
    r"\b(?:abuse|misuse|abusing|misusing|abused|abuses) (?:of )?(?:a |an |the |our |my |their |his |her "
    r"|disabled |blue badge )*(?:\w+ )?(?:permits?|parking|bays?|system|rules|badges?|blue badge|power"
    r"|process|scheme|position|privilege|services?|discount|bins?|bin|allowance|benefits? system|the system"
    r"|car park|spaces?|equipment|facilities|swings?|toilets|play area|playground|park|bench|benches|shelter"
    r"|library|computers)\b",
    rf"\b{ANIMAL} (?:has |have |had |was |were |is |are |just |keeps? |being |been )?(?:\w+ )?(?:abus\w*"
    r"|mistreat\w*|neglect\w*|cruel\w*|starv\w*|bit|bites|bitten|attack\w*|chased|chasing|went for|jumped"
    r"|scares|scared|frightens|frightened|terrifies)\b",
    r"\b(?:abus\w*|mistreat\w*|neglect\w*|cruelty to|starv\w*|kick\w*|beat\w*|hit\w*) (?:a |the |my |our "
    rf"|their |his |her )?{ANIMAL}\b",
    r"\b(?:animal|dog|cat|horse) (?:abuse|cruelty|neglect|welfare)\b",
    # the passive of the same: "our bins keep getting attacked by foxes"
    r"\b(?:attack\w*|bitten|bit|chased|scared|frightened|savaged|mauled|stung) by (?:a |an |the |some "
    rf"|next doors |the neighbours )?(?:\w+ )?{ANIMAL}\b",
    # neglected places: "neglected garden next door", "the park has been neglected", "neglected to empty"
    rf"\bneglect\w*(?: (?!(?:and|but|or|because)\b)\w+){{0,2}} {THING}\b",
    rf"{NO_PERSON.format(person=PERSON)}{THING}(?: \w+){{0,4}} (?P<x>neglect\w*)\b",
    r"\bneglected to\b",
    # grooming a dog, a bride and groom
    rf"\b(?:{ANIMAL}|mobile|pet) groom\w*",
    r"\bgroom\w* (?:business|salon|parlour|parlor|licen\w*|van|shop|premises|services?)\b",
    r"\b(?:bride and groom|groom s|the groom|grooms ?men|groomsm\w*)\b",
    # a vehicle, a ball or a fine that hits: "hit a pothole", "hit with a parking fine"
    r"\b(?:hit|hits|hitting|kicked|knocked) (?:me |us )?(?:by|with|off|out of) (?:a |an |the "
    r"|another )?(?:\w+ )?(?:fine|bill|charge|penalty|ticket|letter|pcn|car|van|lorry|bus|bike|cyclist|ball"
    r"|vehicle|truck|list|register|waiting list|scheme|site|course)\b",
    r"\bkicked (?:me|us) off\b",  # "kicked me out" is with the put-out sense above
    # road safety: "the lorry nearly hit my son on the crossing"
    r"\b(?:lorry|lorries|car|cars|van|vans|bus|buses|driver|drivers|cyclist|cyclists|bike|taxi|motorbike"
    r"|truck|vehicle|ball|scooter)\b(?: (?!(?:being|been|get|got|gets|getting|was|were|are"
    r"|is)\b)\w+){0,2} (?:hit|hits|nearly hit|almost hit|knocked|ran over|run over|clipped)\b",
    # hurt on council property is a claim: "i got hurt on the council's broken pavement"
    r"\b(?:hurt|injured|injury|injuries) (?:on|by|at|in|from) (?:the |a |an |your |council s "
    r"|councils )?(?:\w+ ){0,2}(?:pavement|road|path|pothole|swing|slide|playground|park|steps|stairs|kerb"
    r"|slab|bin|bins|bollard|ice|car park|paving)\b",
    # drugs to clear up: "someone dumped a load of pills in the park"
    r"\b(?:dumped|found|finding|dispose of|disposal of|get rid of|fly ?tipped|littered|left"
    rf"|chucked)(?: \w+){{0,4}} (?P<x>{DRUGS})\b",
    rf"\b{DRUGS}(?: \w+){{0,3}} (?:dumped|in the park|on the street|on the pavement|disposal|left in)\b",
    # a hazard: "report a broken swing, a child could get hurt"
    rf"\b(?:{REPAIR}|broken|dangerous|unsafe|loose|paving|slabs?|kerbs?|potholes?"
    r"|tiles)\b(?: \w+){0,12} (?:could|might|will|would|going to|gonna|before) (?:\w+ )?(?P<x>(?:get|be"
    r"|gets) (?:hurt|injured|killed))\b",
    rf"\b(?:{REPAIR}|broken|dangerous|unsafe|loose|glass|needles?|syringes?|nails|spikes|wires?|potholes?"
    r"|slabs?|kerbs?|tiles)\b(?: \w+){0,12} (?:could|might|will|would|going to|gonna|before it|before they"
    r"|could easily) (?P<x>hurt|injure|kill|harm|cut) (?:a |an |some |the )?(?:\w+ )?(?:kid|kids|child"
    r"|children|someone|somebody|people|person|baby|toddler|dog|pedestrian|pedestrians)\b",
    # a home that needs repair: "my house isnt safe, the ceiling is falling in"
    rf"\b{REPAIR}\b(?: \w+){{0,8}} (?P<x>(?:isnt|is not|not|arent) safe|unsafe|dangerous)\b(?! (?:at|with"
    r"|around|near|for me|for us))",
    r"\b(?P<x>(?:isnt|is not|not|arent) safe)\b(?! (?:at|with|around|near|for me|for us))(?=(?: (?!(?:and"
    rf"|but|because)\b)\w+){{0,8}} {REPAIR}\b)",
    # worn down by a nuisance: "neighbours are so loud every night i cant take it anymore"
    r"\b(?:noise|noisy|loud|music|barking|neighbours?|roadworks|traffic|parking|potholes?|bins?|smell"
    r"|building work|drilling|party|parties)\b(?: \w+){0,10} (?P<x>(?:cant|can not|cannot) (?:take|stand"
    r"|cope with) (?:it|this|them|any ?more)(?: any ?more| no more)?)\b",
    # put out of home is housing.homeless's ("got kicked out by my parents", "partner threw me out"), not a
    # blow, unless it is tonight's or a child's (kinds/homeless.py)
    rf"^(?!.*\b{PUT_OUT_URGENT}\b)(?:.*? )?(?P<x>(?:got|been|was|were|being|get|getting) (?:kicked|thrown"
    r"|chucked|put) out|(?:kicked|threw|thrown|chucked|put|throwing|kicking) (?:me|us) out)\b",
    # antisocial behaviour towards the public: "lads being abusive to shop staff", "shouting abuse"
    r"\b(?:shout\w*|hurl\w*|yell\w*|scream\w*|throw\w*) (?:verbal |racist |homophobic )?abuse\b",
    r"\babus\w* (?:to|towards|at) (?:the )?(?:shop|staff|bus|drivers?|people|passers ?by|workers|customers"
    r"|public|everyone|residents)\b",
    r"\b(?:neighbours?|lads|youths|teenagers|gang|group|people next door) (?:is |are |keeps? |have been "
    r"|has been |always )?(?:\w+ )?(?:threaten\w*|intimidat\w*|harass\w*) (?:me|us)\b",
    # someone else who cannot cope is adult social care's: "my mum cant cope at home anymore"
    r"\b(?:my (?:\w+ )?(?:mum|mam|dad|nan|gran|grandad|grandma|father|mother|aunt|uncle|parents)|he|she"
    r"|they)(?: \w+)? (?:cant|can not|cannot|isnt able to|is unable to) cope\b",
    r"\b(?:hit|hits|hitting|kicked|kicking|smashed|scratched|pushed|attacked|burnt|burned|threw|thrown"
    rf"|dragged) (?:her|his|their|my|our|the|a|an) (?:\w+ )?{VEHICLE}\b",
    rf"{NO_PERSON.format(person=PERSON)}{VEHICLE}\b(?: \w+){{0,2}} (?:was|got|gets|has been|had been|been|is"
    r"|keeps getting|keep getting|were|are) (?:\w+ )?(?P<x>hit|kicked|smashed|damaged|vandalised|burnt"
    r"|thrown)\b",
    r"\bexploit\w* (?:a |the )?(?:loophole|loopholes|system|rules|gap)\b",
    # threats on paper: "threatening letter", "threatened with court"
    r"\bthreat\w* (?:me |us )?(?:with )?(?:a |an )?(?:letter|letters|email|court|bailiffs?|enforcement"
    r"|legal action|eviction|fine|summons)\b",
    r"\b(?:council|bailiffs?|landlord|letting agent|they|you) (?:are |is |keep "
    r"|keeps )?(?:threaten\w*) (?:to )?(?:take|send|evict|charge|fine|court|remove|cut|stop|cancel)\b",
    # things that are strangled, choked, violent or in crisis: "ivy strangling the tree", "violent storm"
    r"\b(?:strangl\w*|chok\w*|smother\w*) (?:the |my |our |a )?(?:\w+ )?(?:fence|tree|trees|hedge|plants?"
    r"|garden|footpath|path|drain|drains|gutter|road|wall|pond|river)\b",
    r"\b(?:violent|violence of the) (?:storm|wind|winds|weather|rain|gale|shaking|noise)\b",
    r"\b(?:cost of living|housing|climate|money|financial|fuel|energy) crisis\b",
    r"\bcrisis (?:fund|payment|loan|grant|support for bills)\b",
    # accidents: "i fell on a broken paving slab and hurt myself", "cut my hand on broken glass"
    r"\b(?:fell|fall|fallen|falling|tripped|trip|tripping|slipped|slip"
    rf"|slipping)\b(?: {OBSTACLE}){{0,7}} (?:and )?(?P<x>(?:hurt|injured|cut|bruised|hit|burnt"
    rf"|burned) {SELF})\b",
    rf"\b(?:hurt|injured|cut|bruised|burnt|burned) {SELF} (?:on|lifting|carrying|falling|tripping|shaving"
    r"|when i (?:fell|tripped|slipped))\b",
    r"\bbruised (?:my|his|her) \w+ (?:on|when|falling|tripping)\b",
    # ending a subscription, a tenancy; "can i just phone someone", "talk to someone about my bin"
    r"\bend (?:my|the|our|a) (?:\w+ )?(?:subscription|tenancy|lease|direct debit|permit|contract|account"
    r"|booking|agreement|membership|claim)\b",
    r"\b(?:phone|call|ring|talk to|speak to|speak with|talk with|chat to|chat with|contact) (?:someone"
    r"|somebody|a person|a human|anyone|a real person|someone real)(?: \w+){0,3} (?:about|regarding|re) (?:my"
    r"|the|our|a|an|it|this|that|council|bins?|planning|parking)\b",
    r"\b(?:can|could|may|how do|how can|where can|do) (?:i|we) (?:just )?(?:phone|call|ring|talk to|speak to"
    r"|speak with|contact|get hold of) (?:someone|somebody|a person|a human|anyone|a real person)\b",
    # "dangerous tree", "is it safe to put batteries in the recycling", "the pavement isnt safe"
    r"\b(?:is it|its|it is|are they|is the|is this) safe (?:to|for) (?:put|use|walk|drive|park|swim|play"
    r"|leave|throw|burn|recycle|dispose)\b",
    r"\bsafeguarding (?:training|course|courses|policy|policies|for volunteers|check|checks)\b",
    # "refuge collection" is a typo of refuse
    r"\brefuge (?:collection|bin|bins|sack|sacks|tip|lorry|day|collectors?)\b",
    # "beats me why the council..."
    r"(?:^|\b(?:it|that|this|what|dunno|no idea) )beats me (?:why|how|what|where)\b",
    r"\b(?:get|got|getting|keep|be|stay) in touch with (?:me|us|him|her|them)\b",
    # "they're forced to close the road", "forced to pay for a new bin", "forced entry"
    r"\bforced (?:to pay|to move|to close|entry|open|to wait|to buy|to use|to park)\b",
    # things "cut" on schedule: "when will the grass be cut", "the hedge needs to be cut"
    r"\b(?:grass|hedges?|trees?|verges?|branches|lawns?|bush|bushes|power|water|gas|electric|electricity"
    r"|supply|phone|line|budget|funding|services?|bus|route|hair|kerb|key|keys)\b(?: \w+){0,3} (?P<x>(?:be"
    r"|being|get|getting|got) cut)\b",
    # volunteering, giving or working at a refuge, shelter or food bank
    r"\b(?:volunteer\w*|donat\w*|help out|helping out|helped out|work at|working at|work in|working in"
    r"|collecting for|collection for|raise money for|raising money for|fundrais\w*|drop off"
    r"|dropping off)(?: \w+){0,5} (?P<x>refuge|refuges|shelter|shelters|hostel|hostels|food ?bank"
    r"|night shelter)\b",
    # pushing a child in a pram or on a swing
    rf"\b(?P<x>push\w*) (?:\w+ ){{0,3}}(?:{PERSON}s? )?(?:in|on) (?:a |the |his |her |their |my "
    r"|our )?(?:\w+ )?(?:pram|buggy|pushchair|push chair|wheelchair|swing|swings|trolley)\b",
    # buildings, services and wildlife under threat: "threatened with closure", "the threatened strike"
    r"\b(?P<x>threat\w*) (?:with |by )?(?:\w+ ){0,3}(?:closure|closing|demolition|development|redevelopment"
    r"|cuts|strike|strikes|walkout|industrial action|extinction|removal|flooding|erosion|to close"
    r"|being closed|housing|estate|plans)\b",
    r"\b(?P<x>threatened) (?:\w+ )?(?:strike|strikes|closure|closures|cuts|walkout|industrial action|ban|rise"
    r"|increase|fine|fines|species)\b",
    # abuse of a thing, abusive words on a wall, staff rude on the phone
    r"\b(?:blue badge|badge|badges|permit|permits|parking|bay|bays|disabled bay|disabled bays|scheme|system"
    r"|discount|benefit|bin|bins|recycling|tip|car park|allotment|facilities|toilet|toilets|power"
    r"|privilege) (?P<x>abuse|abuses|abuser|abusers|misuse)\b",
    r"\b(?P<x>abusive|offensive|racist|homophobic|obscene|abuse)(?: \w+)? (?:graffiti|signs?|tags?|slogans?"
    r"|writing|words? (?:painted|sprayed|written)|messages? (?:painted|sprayed|written))\b",
    r"\bgraffiti(?: \w+){0,4} (?P<x>abusive|abuse)\b",
    r"\b(?:staff|staff member|member of staff|members of staff|council workers?|officer|officers|call handler"
    r"|receptionist|operator|bin ?men|bin man|warden|wardens|traffic warden|parking attendant|inspector"
    r"|councillor|contractor|contractors|operative|operatives|crew|(?:man|woman|lady|person|guy"
    r"|bloke) on (?:the|your) (?:phone|phone line|line|desk|counter))(?: \w+){0,4} (?:was |were |is |are "
    r"|being |been |got |very |really |so )*(?P<x>abusive|rude|aggressive)\b",
    # worn down by a nuisance, said first: "cant go on like this with the bins not being collected"
    r"\b(?P<x>(?:cant|can not|cannot) (?:go on|carry on|take (?:it|this|any ?more)|cope|stand it"
    r"|do this)(?: any ?more)?(?: like this)?)(?: \w+){0,3} (?:with|because of|cos of|coz of|due to|over"
    r"|from) (?:the |my |our |this |these |all the |your |next doors )?(?:\w+ )?(?:bins?|collections?|noise"
    r"|neighbours?|parking|potholes?|roadworks|road works|traffic|smell|building works?|repairs?|damp|mould"
    r"|mold|rubbish|fly ?tipping|street ?lights?|barking|dogs?|music|flats|building|builders|scaffolding"
    r"|drilling|pub|party|parties|website|phone line|queue|waiting)\b",
    # drains choked, trees strangled: "drains are choked with leaves"
    r"\b(?:drains?|gutters?|gully|gullies|pipes?|river|stream|brook|culvert|pond|canal|road|path|footpath"
    r"|garden|hedge|trees?|plants?|verge|ditch|grates?|weeds?)(?: \w+){0,2} (?:is |are |been |got |getting "
    r"|gets |s |re )?(?P<x>chok\w*|strangl\w*|smother\w*)\b",
    # smoke or a smell that takes the breath away: "the bonfire smoke is so bad i cant breathe"
    r"\b(?:smoke|smell|stink|fumes|bonfire|bonfires|dust|damp|mould|mold|pollution|exhaust"
    r"|chimney)(?: \w+){0,8} (?P<x>(?:cant|can not|cannot|couldnt|barely|hardly|struggling to) breathe)\b",
    r"\b(?P<x>(?:cant|can not|cannot|couldnt|barely|hardly) breathe)(?: \w+){0,6} (?:smoke|smell|stink|fumes"
    r"|bonfire|bonfires|dust|damp|mould|mold|pollution)\b",
    # staying on a list: "not sure i want to be on the mailing list anymore"
    r"\b(?:be|stay|remain|staying|being|kept) on (?:the|your|this|a|my|that) (?:\w+ )?(?P<x>mailing list|list"
    r"|register|newsletter|waiting list|email list|database)\b",
    # an alarm that will not stop is noise ("there's an alarm going off next door and it won't stop");
    # never a smoke, fire or gas alarm, which may be a danger to life
    r"\b(?<!smoke )(?<!fire )(?<!gas )(?<!monoxide )(?<!co )(?:(?:car|house|burglar|intruder|shop|security"
    r"|van) )?alarms? (?:is |are |s |has been |have been |keeps |keep |been |was )?(?:going off|ringing"
    r"|sounding|beeping|blaring)\b",
    # a professional or study request that names a crisis topic: "the council's domestic abuse strategy",
    # "suicide prevention training for our volunteers" (the topic words only, so "i need help, my partner
    # hits me" beside it is still screened)
    r"\b(?P<x>(?:suicide|self harm|domestic (?:abuse|violence)|child abuse|abuse|safeguarding|exploitation"
    r"|modern slavery|fgm|forced marriage|child protection|radicali[sz]ation|extremism|terrorism|counter"
    r" terrorism)) (?:prevention|awareness|strategy|policy|policies|training|course"
    r"|courses|statistics|stats|research|assignment|essay|dissertation|module"
    r"|first aid|champions?|leads?|statements?|act|acts|legislation|guidance|duty|duties|procedures?"
    r"|procurement|audit|board|partnership|qualifications?|certificates?|level \d)\b",
    # a job in the field: "safeguarding officer job vacancy", "level 3 safeguarding", "designated
    # safeguarding lead" (the topic words only; asking for a safeguarding officer stays a disclosure)
    r"\b(?P<x>(?:safeguarding|child protection|modern slavery|domestic abuse|exploitation|prevent)"
    r"(?: \w+)?) (?:job|jobs|vacancy|vacancies|role|roles|post|posts|position|positions|career|careers"
    r"|salary|interview|recruitment|apprenticeship)\b",
    r"\blevel \d (?P<x>safeguarding|child protection)\b|\bdesignated safeguarding (?:lead|officer"
    r"|person|manager)s?\b",
    # pests the council or a contractor kills: "rats in the loft, can someone come and kill them"
    r"\b(?:rats?|mice|mouse|wasps?|hornets?|bees|ants|cockroaches|fleas|bed ?bugs|pests?|vermin|pigeons?"
    r"|moles?|squirrels?|slugs|insects|nests?|infestation|rodents?|weeds?|knotweed|moths"
    r"|silverfish)\b(?: \w+){0,8} (?P<x>(?:kill|poison|exterminate|destroy|trap|get rid of)"
    r" (?:them|it|em|the lot)(?: off)?)\b",
    # threats in jest about a council service: "the kids will murder me if the pool is shut"
    r"\b(?P<x>(?:kill|murder|strangle) (?:me|us))(?: \w+)? if (?:the|our|this|that|my) (?:\w+ ){0,3}(?:is"
    r"|are|gets|get|isnt|arent|s|re|was|were) (?:\w+ )?(?:shut|closed|cancelled|canceled|late|missed|full"
    r"|not collected|not emptied|not open|not fixed|off)\b",
    # a nuisance one could die of: "ill die if i hear that hold music again"
    r"\b(?P<x>die|scream|go mad|lose it|explode) if i (?:have to )?(?:hear|listen to|sit through|fill in|see"
    r"|wait|read) (?:\w+ ){0,3}(?:music|song|tune|jingle|message|queue|form|forms|advert|letter|bill|hold"
    r"|recording|menu|options)\b",
    r"\b(?:training|course|strategy|policy|assignment|essay|dissertation|research|statistics|stats"
    r"|leaflets?|posters?) (?:\w+ ){0,3}(?:on|about|into|of) (?P<x>(?:suicide|self harm|domestic (?:abuse"
    r"|violence)|child abuse|exploitation|modern slavery|fgm|forced marriage))(?: prevention"
    r"| awareness)?\b(?! (?:now|tonight|today|to me|happening))",
    # giving up a thing held from the council: "give up my allotment", "rhoi'r gorau i'r rhandir"
    r"\bgiv(?:e|ing|en) up (?:on )?(?:my|the|our|his|her|a) (?:\w+ )?(?:allotment|plot|tenancy|garage|permit"
    r"|membership|parking space|space|lease|stall|pitch|subscription|place|bin|licence|license)\b",
)

#: Words of a study, a policy or training, in any mutation ("polisi", "bolisi", "pholisi").
_CY_STUDY = mutations(
    "strategaeth",
    "polisi",
    "hyfforddiant",
    "cwrs",
    "ymwybyddiaeth",
    "ystadegau",
    "adroddiad",
    "aseiniad",
    "traethawd",
    "ymchwil",
    "taflenni",
    "taflen",
    "gweithdy",
    "atal",
    "datganiad",
    "deddf",
    "swydd",
    "swyddi",
    "canllawiau",
    "gweithdrefn",
    "gweithdrefnau",
    "cymhwyster",
    "tystysgrif",
)

WELSH = (
    # "mae'r sŵn yn fy lladd i" (the noise is killing me), "lladd chwyn", "rheoli plâu i ladd cacwn"
    r"\b(?:r \w+|swn|gwres|oerfel|poen|boen|cefn|nghefn|traed|nhraed|gwefan|wefan|ffurflen|ffurflenni|miwsig"
    r"|cerddoriaeth|music|parti|partion|cymdogion|gymdogion|cymydog|gymydog|cyfarth|adeiladu|sgaffaldiau"
    r"|newidiadau|dyled|dyledion|biliau|rhent|treth|dreth|tywydd|ffatri|lori|loriau|traffig|sbwriel|biniau"
    rf"|pryfed|llygod|gwaith|ciw|aros|hyn|hwn|hon|hynny|{CY_THING})(?: (?!(?:o|fo|e|fe|hi|nhw|bydd"
    rf"|fydd)\b)\w+){{0,3}} (?:yn|n) (?P<x>fy (?:lladd|ladd))\b(?! {CY_SELF})",
    rf"\b{CY_THING}\b(?: \w+){{0,4}} (?P<x>(?:ei|eu"
    rf"|i) {mutations('taro', 'cicio', 'curo', 'gwthio', 'bwrw', 'cam drin', 'malu', 'fandaleiddio')})\b",
    r"\b(?:lladd|ladd|chwyn ?laddwr|chwynladdwr) (?:y |r |yr )?(?:chwyn|chwyn|llygod|lygod|cacwn|gacwn"
    rf"|gwenyn|pryfed|bryfed|pla|plau|morgrug|glaswellt|gwair|{CY_ANIMAL}|{CY_PLACE})\b",
    # "dw i'n marw isio gwybod" (dying to know), things that die: "golau stryd wedi marw", "ffôn ar fin marw"
    r"\b(?:marw|farw) (?:isio|eisiau|am|i) (?:gwybod|wybod|gael|cael|paned|weld|gweld|clywed|glywed)\b",
    r"\b(?:golau|golau stryd|golaur stryd|lamp|ffon|ffôn|batri|batris|car|planhigion|blodau|coeden|goeden"
    r"|gwair|teledu|injan|boeler|llinell)\b(?: \w+){0,3} (?P<x>marw|farw)\b",
    # a death to register: "mae dad wedi marw", "bu farw fy ngŵr", "cofrestru'r farwolaeth"
    rf"\b(?:{CY_PERSON}|fy \w+|ei \w+) (?:\w+ )?(?:wedi marw|wedi n gadael|wedi ein gadael)\b",
    r"\bbu farw\b",
    r"\b(?:mam|dad|nhad|nain|taid|gwr|ngwr|gwraig|ngwraig|mab|merch|ffrind) (?:wedi )?(?:marw|farw)\b",
    r"\bers i (?:\w+ ){1,2}farw\b",
    # "cam-ddefnyddio trwydded barcio" (misuse), an animal mistreated, a place neglected
    rf"\b{CY_ANIMAL}\b(?: \w+){{0,3}} (?:ei |eu |i )?{CY_ANIMAL_HARM}\w*",
    rf"\b{CY_PLACE}\b(?: \w+){{0,7}} (?P<x>h?esgeulus\w*)",
    rf"\bh?esgeulus\w* (?:y |r |yr |fy |ein )?{CY_PLACE}\b",
    # "ffonio rhywun am fy min", "siarad â rhywun am dreth y cyngor"
    r"\b(?:ffonio|siarad|sgwrsio|cysylltu) (?:a |efo |hefo |gyda )?(?:rhywun|rywun|person"
    r"|unrhyw un)(?: \w+){0,3} (?:am|ynglyn)\b",
    # "rhoi diwedd ar fy nhanysgrifiad", "argyfwng costau byw", "grant argyfwng"
    r"\b(?:rhoi|roi) (?:diwedd|terfyn|derfyn) ar (?:fy |ein |y |yr )?(?:nhanysgrifiad|tanysgrifiad"
    r"|danysgrifiad|nhenantiaeth|tenantiaeth|denantiaeth|debyd|nebyd|cytundeb|ngontract|contract|cyfrif|trwydded"
    r"|nhrwydded)\b",
    r"\bargyfwng (?:costau|costaur|ariannol|tai|hinsawdd|yr hinsawdd|newid|ynni|tanwydd)\b",
    r"\b(?:grant|cronfa|taliad|benthyciad|cymorth|cefnogaeth) (?:\w+ )?argyfwng\b",
    r"\bmewn argyfwng (?:ariannol|tai)\b",
    # "storm dreisgar", "clymog japan yn tagu fy ffens", "mae rhywun wedi taro fy nghar"
    r"\b(?:storm|gwynt|gwyntoedd|tywydd|glaw|swn) (?:\w+ )?(?:dreisgar|treisgar|threisgar)\b",
    r"\b(?:tagu|dagu|nhagu) (?:y |r |yr |fy |ein )?(?:ffens|goeden|coeden|coed|llwybr|lwybr|draen|draeniau"
    r"|gwter|planhigion|ardd|gardd|ngardd|wal|afon)\b",
    r"\b(?:taro|daro|nharo|curo|guro|cicio|gicio) (?:y |r |yr |fy |ein )?(?:nghar|car|gar|wal|ffens|bolard"
    r"|twll|bin|min|drws|ciw|pel|ffenest)\b(?! i mewn| i lawr| lawr)",
    r"\b(?:curo|guro) (?:y |r )?(?:ciw|ciwiau|record|drws|drysau)\b(?! i mewn| i lawr| lawr)",
    # accidents: "syrthiais ... a brifo fy hun", "torrais fy llaw ar wydr", "brifo fy nghefn"
    r"\b(?:syrthio|syrthiais|syrthiodd|baglu|baglais|baglodd|llithro|llithrais|cwympo|cwympais|disgyn"
    r"|disgynnais|codi|cario)\b(?: \w+){0,8} (?:a |ac )?(?P<x>(?:brifo|frifo|anafu|torri"
    rf"|llosgi) {CY_SELF})\b",
    rf"\b(?:brifo|frifo|anafu|torri|dorri|llosgi|losgi) {CY_SELF} (?:ar|wrth|yn)\b",
    r"\b(?:cloi|gloi|nghloi) (?:fy hun|fy hunan|ni|ein hunain) allan\b",
    # "dydy'r palmant ddim yn ddiogel", "ydy hi'n ddiogel rhoi batris": a place or a task, not home
    rf"\b(?:ydy|ydyw|yw|ydi|dydy|dyw|dydi) (?:hi |e |o |r |y |yr )?(?:n |yn |ddim yn )?{CY_SAFE} (?:rhoi"
    r"|i roi|nofio|cerdded|gyrru|parcio|defnyddio|llosgi|ailgylchu|chwarae)\b",
    r"\bhyfforddiant diogelu\b|\bdiogelu data\b|\bdiogelwch tan\b",
    r"\b(?:fy|ein|y|yr|r) (?:nghefn|cefn|mhen|pen|llaw|law|nghoes|coes|nhroed|troed|mhen glin|pen glin|mraich"
    r"|braich|nannedd|nant|ngwddf|ysgwydd|nghlun)\b(?: \w+){0,3} (?:n |yn )?(?P<x>fy (?:mrifo|mhoeni))\b",
    r"\biechyd rhywiol\b",
    r"\b(?:torri|wedi torri|peryglus|beryglus|anniogel|rhydd|siglen|sleid|gwydr"
    r"|wydr)\b(?: \w+){0,8} (?P<x>(?:gael|cael) (?:ei|eu) (?:frifo|brifo|hanafu|anafu|lladd|ladd))\b",
    # antisocial behaviour: "cymydog yn fy mygwth i"
    r"\b(?:cymydog|gymydog|nghymydog|cymdogion|gymdogion|llanciau|pobl ifanc|criw|gang)\b(?: (?:yn|n|wedi"
    r"|bob amser|o hyd))? fy (?:mygwth|bygwth|mwlio|bwlio|aflonyddu|haflonyddu|nychryn)\b",
    # misuse of a thing: "cam-drin y cynllun parcio", "camddefnyddio bathodyn glas"
    rf"\b(?P<x>{mutations('cam drin', 'camdrin', 'camddefnyddio', 'cam ddefnyddio')}) (?:y |r |yr |ein |fy "
    r"|eu |ei )?(?:\w+ )?(?:cynllun|gynllun|bae|baeau|bay|parcio|barcio|lle parcio|llefydd parcio"
    r"|lleoedd parcio|trwydded|drwydded|thrwydded|trwyddedau|drwyddedau|bathodyn|fathodyn|bathodynnau|system"
    r"|rheolau|gostyngiad|budd ?daliadau|cyfleusterau|gyfleusterau|toiledau|maes parcio|gwasanaeth|wasanaeth"
    r"|biniau|bin|min|offer|grym|pwer|safle)\b",
    r"\b(?:parcio|barcio|bathodyn|fathodyn|bathodyn glas|trwydded|drwydded|bae|baeau|system"
    rf"|cynllun) (?P<x>{mutations('cam drin', 'camdrin', 'camddefnydd', 'cam ddefnydd')})\w*",
    # volunteering, giving or working at a refuge or shelter
    r"\b(?:gwirfoddoli|wirfoddoli|gwirfoddolwr|wirfoddolwr|volunteer\w*|rhoi|roi|rhoddion|cyfrannu|gyfrannu"
    r"|codi arian|gweithio|casglu|gasglu|donate)(?: \w+){0,5} (?P<x>lloches|loches|llochesi|hostel|banc bwyd"
    r"|refuge|shelter)\b",
    r"\b(?:helpu|helpio) (?:allan )?(?:yn|mewn|yng|efo|gyda|hefo) (?:y |r )?(?P<x>lloches|loches|hostel"
    r"|banc bwyd|refuge|shelter)\b",
    # a road closed in an emergency: "ffordd ar gau mewn argyfwng"
    r"\b(?:ar gau|cau|gau|wedi cau|ffordd|ffyrdd|heol|lon|stryd|pont|atgyweiriad|atgyweirio|trwsio|gwaith"
    r"|draen|dwr|pibell|ysgol|gwasanaeth)(?: \w+){0,3} (?P<x>mewn argyfwng|ar frys)\b",
    # staying on a list
    r"\b(?:bod|fod|aros) ar (?:y|yr|eich|fy) (?P<x>rhestr|gofrestr|cofrestr)\b",
    # smoke that takes the breath away: "mwg y goelcerth mor ddrwg dw i methu anadlu"
    r"\b(?:mwg|arogl|drewdod|drewi|llwch|tamprwydd|llwydni|tan gwyllt|coelcerth"
    r"|goelcerth)(?: \w+){0,8} (?P<x>(?:methu|ddim yn gallu|prin yn gallu|prin) (?:anadlu|nadlu))\b",
    # a professional or study request that names a crisis topic: "strategaeth cam-drin domestig y cyngor",
    # "hyfforddiant atal hunanladdiad i wirfoddolwyr" (the topic words only)
    rf"\b{_CY_STUDY}\b(?: \w+){{0,3}} (?P<x>(?:hunanladdiad|hunan niwed"
    r"|hunan niweidio|cam drin|gam drin|ngham drin|cham drin|camdrin|trais domestig|drais domestig"
    r"|priodas dan orfod|fgm|caethwasiaeth fodern|camfanteisio|gamfanteisio|diogelu|amddiffyn plant"
    r"|radicaleiddio|eithafiaeth|terfysgaeth))\b",
    r"\b(?P<x>diogelu|amddiffyn plant) (?:lefel \d|\w+ dynodedig)\b|\b(?:person|swyddog|arweinydd)"
    r" diogelu dynodedig\b",
    # plâu i'w lladd: "llygod mawr yn y to, all rhywun ddod i'w lladd nhw"
    r"\b(?:llygod|lygod|cacwn|gacwn|gwenyn|pryfed|bryfed|morgrug|llau|pla|plau|nyth|colomennod|gwiwerod"
    r"|tyrchod|chwyn|clymog)\b(?: \w+){0,8} (?P<x>(?:i w |i n |eu |w )?(?:lladd|ladd|gwenwyno|wenwyno|difa"
    r"|ddifa)(?: nhw)?)\b",
    # bygwth cellweirus am wasanaeth: "neith y plant fy lladd i os ydy'r pwll ar gau"
    r"(?P<x>fy (?:lladd|ladd)) i os (?:ydy|yw|ydi|bydd|fydd|dydy|dyw|ydyn|ydan) (?:r |y |yr )?"
    r"(?:\w+ ){1,3}"
    r"(?:ar gau|wedi cau|di cau|wedi canslo|di canslo|yn hwyr|n hwyr|yn llawn|n llawn)\b",
    # y tywydd: "mae'n bwrw hen wragedd a ffyn" (bwrw is to hit as well as to rain)
    r"\b(?P<x>bwrw|fwrw|mwrw) (?:hi |glaw|eira|cenllysg|cesair|hen wragedd)",
    r"\b(?P<x>(?:hunanladdiad|hunan niwed|cam drin|gam drin|trais domestig|drais domestig)(?: domestig)?)"
    r" (?:y cyngor|r cyngor|ar gyfer|i wirfoddolwyr)\b(?! (?:fi|i|fy hun))",
    # a vehicle that nearly hit someone: "lori bron a nharo i" (a lorry nearly hit me)
    r"\bbron (?:a |i |wedi |di )?(?P<x>(?:nharo|mwrw|nghicio|ngwthio|taro|daro) (?:i|fi|ni))\b",
    # "mae'n fy lladd i" (it's killing me), with no person doing it: a thing, a job, a wait
    r"\b(?:mae|ma|maen|man|mae n|ma n|mae hyn n|mae hwn n|mae hon n|mae r cyfan n) (?P<x>fy"
    r" (?:lladd|ladd)) i\b(?! (?:os|pan|heno|tro nesa))",
    # "mae'r bil yn codi ofn arna i" (the bill frightens me): a bill, a letter or a sum, not a person
    r"\b(?:bil|biliau|llythyr|lythyr|llythyrau|treth|dreth|dyled|dyledion|rhent|ffurflen|cost|costau|pris"
    r"|prisiau|swm|faint|cyfrif|ddirwy|dirwy|tocyn|cosb)\b(?: \w+){0,4} (?:yn |n )?(?P<x>codi ofn arna"
    r" (?:i|fi|ni))\b",
    r"\b(?:rhoi|roi) (?:r |y )?(?:gorau|ffidil yn y to) (?:i|i r|i n|ir) (?:\w+ )?(?:rhandir|randir"
    r"|tenantiaeth|denantiaeth|garej|modurdy|trwydded|drwydded|lle parcio|aelodaeth|tanysgrifiad"
    r"|danysgrifiad|stondin|llain|biniau|bin)\b",
)
