"""English word classes the patterns are built from: people, harm verbs, drugs, animals, things."""

import re
from typing import TypeAlias

#: A prefix tree of words: each character leads to the rest; "" marks the end of a word.
_Trie: TypeAlias = dict[str, "_Trie"]


def any_of(*alternatives: str) -> str:
    """A pattern matching any of `alternatives` (a non-capturing group)."""
    return "(?:" + "|".join(alternatives) + ")"


def word_trie(*words: str) -> str:
    """A pattern matching exactly the literal `words`, written as a prefix tree ("ma(?:m(?:i)?|n)").

    It matches what any_of(*words) would, several times faster: the regular expression engine tries
    each alternative of a group in turn at every position, and a long list of people or of Welsh
    mutations at the start of a pattern was most of the screen's time.
    """
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return f"(?:{_tree_pattern(trie)})"


def _tree_pattern(node: _Trie) -> str:
    branches = [re.escape(char) + _tree_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body


PERSON = word_trie(
    *("mum", "mam", "mom", "mummy", "mother", "dad", "father"),
    *(
        f"step{space}{who}"
        for space in ("", " ")
        for who in ("dad", "mum", "father", "mother", "son", "daughter")
    ),
    *("husband", "wife", "partner", "boyfriend", "girlfriend", "fiance", "fiancee"),
    *("ex", "ex partner", "ex husband", "ex wife", "ex boyfriend", "ex girlfriend"),
    *("son", "daughter", "brother", "sister", "nan", "nana", "nanna", "gran", "granny", "grandma", "grandad"),
    *("grandpa", "grandmother", "grandfather", "uncle", "aunt", "auntie", "cousin", "niece", "nephew"),
    *("kid", "kids", "children", "child", "baby", "babies", "toddler", "grandchild", "grandchildren"),
    *("grandson", "granddaughter", "friend", "mate", "flatmate", "carer", "family", "parent", "parents"),
    *(f"{who} in law" for who in ("daughter", "son", "brother", "sister", "mother", "father")),
    *("in laws", "teenager", "little one", "little ones", "boy", "girl", "lad"),
)
#: A person as the object of a verb: "me", "her", "my little brother", "the kids".

HARM_VERB = any_of(
    r"hit(?:s|ting)?",
    r"punch(?:es|ed|ing)?",
    r"slap(?:s|ped|ping)?",
    r"kick(?:s|ed|ing)?",
    r"beat(?:s|en|ing)?",
    r"batter(?:s|ed|ing)?",
    r"strangl(?:e|es|ed|ing)",
    r"chok(?:e|es|ed|ing)",
    r"throttl(?:e|es|ed|ing)",
    r"push(?:es|ed|ing)?",
    r"shov(?:e|es|ed|ing)",
    r"smack(?:s|ed|ing)?",
    r"thump(?:s|ed|ing)?",
    r"hurt(?:s|ing)?",
    r"harm(?:s|ed|ing)?",
    r"abus(?:e|es|ed|ing)",
    r"assault(?:s|ed|ing)?",
    r"attack(?:s|ed|ing)?",
    r"rap(?:e|es|ed|ing)",
    r"molest(?:s|ed|ing)?",
    r"stab(?:s|bed|bing)?",
    r"threaten(?:s|ed|ing)?",
    r"bull(?:y|ies|ied|ying)",
    r"bit(?:es|ten)?",
    r"burn(?:s|t|ed|ing)?",
    r"drag(?:s|ged|ging)?",
    r"grab(?:s|bed|bing)?",
    r"touch(?:es|ed|ing)?",
    r"throw(?:s|ing)?",
    r"threw",
    r"thrown",
    r"kill(?:s|ed)?",
    r"murder(?:s|ed)?",
    r"mistreat(?:s|ed|ing)?",
    r"neglect(?:s|ed|ing)?",
    r"exploit(?:s|ed|ing)?",
    r"traffick(?:s|ed|ing)?",
    r"groom(?:s|ed|ing)?",
    r"starv(?:e|es|ed|ing)",
    r"terrorise[sd]?",
    r"terrorising",
    r"intimidat(?:e|es|ed|ing)",
    r"shak(?:e|es|ing|en)",
    r"shook",
    r"pin(?:s|ned|ning)",
    r"scar(?:e|es|ed|ing)",
    r"frighten(?:s|ed|ing)?",
    r"terrif(?:y|ies|ied|ying)",
)
HARMED = any_of(
    r"hit",
    r"punched",
    r"slapped",
    r"kicked",
    r"beaten",
    r"beat up",
    r"battered",
    r"strangled",
    r"choked",
    r"assaulted",
    r"attacked",
    r"raped",
    r"molested",
    r"abused",
    r"stabbed",
    r"threatened",
    r"hurt",
    r"harmed",
    r"groomed",
    r"trafficked",
    r"exploited",
    r"touched",
    r"bullied",
    r"mistreated",
    r"neglected",
    r"starved",
    r"hit by (?:him|her|them|my \w+)",
)
SELF = r"(?:my ?self|him ?self|her ?self|them ?selves|them ?self|themself)"
SCARED = r"(?:scared|afraid|frightened|terrified|petrified|fearful)"
HOME = r"(?:home|my (?:own )?(?:home|house|flat)|the (?:house|flat))"
DRUGS = r"(?:pills|tablets|paracetamol|painkillers|meds|medication|sleeping pills|co codamol)"
ANIMAL = (
    r"(?:dogs?|puppy|puppies|cats?|kittens?|horses?|pony|ponies|animals?|pets?|foxe?s?|rats?|birds?|seagulls?"
    r"|gulls?|swans?|geese|wasps?|bees?|squirrels?|badgers?)"
)
#: Things that get hit or damaged. Never "door" ("the child next door is being hit") or "house" ("the
#: kids in that house"), where people are often the subject.
VEHICLE = (
    r"(?:car|cars|van|vans|bike|bikes|lorry|bus|wall|walls|fence|fences|bins?|windows?|gate|mirror|tyre|tyres"
    r"|lamp ?post|post|bollard|sign|signs|shelter|bus shelter|tree|trees|shed|garage)"
)
#: At the start of a near-miss pattern whose subject is a thing: it applies only to a message that names
#: no person at all, so "the baby in that house is being neglected" is never taken for a neglected house.
NO_PERSON = r"^(?!.*\b(?:{person})s?\b)(?:.*? )?"
REPAIR = (
    r"(?:ceiling|ceilings|roof|walls?|floors?|floorboards|stairs|wiring|electrics|boiler|gas|damp|mould|mold"
    r"|structure|subsidence|collaps\w*|leak\w*|asbestos|fire alarm|cracks?|cracked|rotten|glass|swings?|slide"
    r"|play area|playground|equipment|pavement|road|path|bridge)"
)
#: What a resident trips over: the only words allowed between "fell" and "hurt myself" in an accident.
OBSTACLE = (
    r"(?:over|on|off|down|in|at|into|onto|up|a|an|the|my|our|some|this|that|broken|loose|wet|icy|uneven"
    r"|cracked|raised|paving|slab|slabs|kerb|pavement|pothole|step|steps|stairs|road|path|ice|floor|bin|bins"
    r"|tree|root|roots|hole|drain|street|outside|yesterday|today|badly)"
)
THING = (
    r"(?:gardens?|parks?|property|properties|house|houses|building|buildings|alley|alleyway|land|allotments?"
    r"|roads?|graves?|cemetery|area|site|verges?|hedges?|playground|woods?|pond|fields?|plot|grass|footpath"
    r"|path|street|bins?|bin store|estate|shop|car|fence|trees?)"
)

#: A young child, who must never be out or left without an adult: "toddler", "little girl", "6 year old".
YOUNG_CHILD = (
    r"(?:toddlers?|bab(?:y|ies)|newborns?|infants?|little (?:boy|girl|one|ones|kid|kids|lad|lass)"
    r"|small (?:child|children|kid|kids|boy|girl)|young (?:child|children|kid|kids)|(?:[1-9]|one|two|three"
    r"|four|five|six|seven|eight|nine) year olds?)"
)
#: A child of any age.
CHILD = (
    rf"(?:{YOUNG_CHILD}|child|children|kids?|boys?|girls?|sons?|daughters?|teenagers?|teens?|teenage (?:boy"
    r"|girl|lad|lass)s?|(?:1[0-7]|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen) year olds?"
    r"|grandsons?|granddaughters?|grandchild(?:ren)?|nephews?|nieces?|step ?(?:son|daughter)s?)"
)
#: A child's age said outright: "im 15", "shes only 14", "aged 16" (not "15 quid", "16 days").
CHILD_AGE = (
    r"(?:(?:im|i am|i m|shes|she is|she s|hes|he is|he s|theyre|they are|only|aged|age) (?:only "
    r"|just )?(?:1[0-7]|[5-9]|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)\b(?! (?:pounds|quid|p|pence"
    r"|days|weeks|months|hours|minutes|mins|miles|times|percent|of))|\b(?:1[0-7]|[5-9]) year olds?)"
)
#: An older person's age: "im 82", "shes 91", "in his 90s".
OLD_AGE = (
    r"(?:(?:im|i am|i m|shes|she is|she s|hes|he is|he s|theyre|they are|aged|age|nearly|almost|(?:mum|mam"
    r"|dad|nan|nana|nanna|gran|granny|grandad|grandma|grandpa|neighbour|husband|wife|partner)(?:s| is"
    r"| s))(?: nearly| almost| over)? (?:[7-9]\d|1[01]\d)\b(?! (?:pounds|quid|p|pence|days|weeks|months|hours"
    r"|minutes|mins|miles|percent))|in (?:his|her|their|my) (?:late )?(?:70s|80s|90s|seventies|eighties"
    r"|nineties)|\b(?:[7-9]\d|1[01]\d) year olds?)"
)
#: Nowhere, as residents spell it.
NOWHERE = r"(?:nowhere|no where|no were|nowere|noware|no place|no roof)(?: else)?"
#: Soon enough to be tonight's problem.
TONIGHT = r"(?:tonight|this evening|this afternoon|today|right now|now|last night|this morning)"
#: How a wish or plan to act is said before its method: "feel like stepping in front of a train".
INTENT = (
    r"(?:feel like|feeling like|felt like|want to|wanna|wanted to|going to|gonna|thinking (?:of|about)"
    r"|think about|thought about|thought of|might|urge to|urges to|tempted to|planning to|plan to|about to"
    r"|ready to|considering|considered|will|ll|should just|just want to|keep thinking about)"
)
#: A stretch of days: "for days", "in 3 days", "since yesterday", "over a week".
DAYS = (
    r"(?:(?:for|in|since|over) (?:a |the )?(?:days|ages|a while|a few days|a couple of days|several days"
    r"|(?:\d+|two|three|four|five|six|seven) days|a week|over a week|weeks|the weekend|yesterday|last \w+"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day))"
)
#: Put out of one's home, in the words residents use.
PUT_OUT = r"(?:kicked|thrown|chucked|put|threw|kicking|throwing|chucking|turfed|booted)"
#: The "out" of being put out of one's home: not out of school, the pub or a meeting.
OUT_OF_HOME = (
    r"out\b(?! of (?!(?:the |my |our |his |her |their |mums |dads )?(?:home|house|flat|place|room|bedsit"
    r"|accommodation|hostel|caravan)\b))"
)
#: A stay that is not a night without a roof: "nowhere to stay for the festival".
NOT_A_VISIT = (
    r"(?!(?: \w+){0,3} (?:for|during|at|on) (?:the |a |my |our )?(?:festival|event|match|game|concert|gig"
    r"|show|holiday|holidays|wedding|conference|work trip|business trip|trip|visit|weekend away|half term))"
)
#: What makes being put out of home tonight's crisis (kinds/homeless.py) rather than a housing question.
PUT_OUT_URGENT = (
    rf"(?:{CHILD_AGE}|{TONIGHT}|{NOWHERE}|on the streets?|sleeping rough|in the (?:car|rain|cold|snow))"
)
#: A person as the object of a verb: "me", "her", "my little brother", "the kids", "a small child".
OBJECT = any_of(
    r"me",
    r"him",
    r"her",
    r"them",
    r"us",
    rf"(?:my|our|his|her|their|the) (?:\w+ )?{PERSON}s?",
    r"(?:a|an|this|that|some) (?:small |little |young |tiny |old |older |elderly |disabled )?(?:child|kid|boy"
    r"|girl|baby|toddler|teenager|woman|lady|man|lad|pensioner)",
)
#: Drunk or high, as residents say it.
INTOXICATED = (
    r"(?:drunk|pissed|paralytic|off (?:his|her|their) (?:head|face|tits|nut|trolley)|(?:is|s|was|gets|got"
    r"|getting|always|really) high|stoned|wasted|out of (?:his|her|their) (?:head|mind|face|tree)|on drugs"
    r"|coked up|smacked up|using again|using drugs)"
)
#: After a harm verb and its object: being put out ("kicked me out", "got kicked out") is not a blow, and
#: kinds/homeless.py decides whether it is tonight's problem; thrown out of a window still is.
NOT_PUT_OUT = (
    r"(?! (?:out|off)\b(?! of (?:a |the |my |his |her )?(?:window|car|moving car|bed|chair|wheelchair"
    r"|balcony)))"
)
