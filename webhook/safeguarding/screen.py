"""The crisis screen: does a message disclose that someone is at risk of harm, whatever else is going on?

The classifier alone cannot promise that a disclosure reaches `system.safeguarding`: it is one class
among fifty and a prompt may restrict its candidates. So a deterministic screen of patterns runs first,
in every context:

1. The message is normalised: case, accents and apostrophes folded, textspeak ("u", "wanna", "bf")
   spelt out, and misspellings of long key words ("sucidal", "domestc") corrected to the word.
2. Near-miss senses ("kill the weeds", "abuse of a parking permit", "dog grooming", "rhoi diwedd ar fy
   nhanysgrifiad") are blanked out, only their trigger words ("isnt safe" in "the pavement isnt safe"),
   so that the rest of the message is still screened ("the noise is killing me and i want to kill
   myself" is a disclosure).
3. What is left is searched for disclosure patterns: a harm verb with a person as its object, suicidal
   wishes, not being safe at home, forced marriage, a child left alone, money taken from an older person,
   and so on, in English and Welsh (every Welsh verb in its radical, soft, nasal and aspirate forms).

`is_crisis` then combines the screen with the classifier: a screen hit, or a confident
`system.safeguarding` prediction for a message with no known near-miss sense in it and no plain sign
of ordinary council business ("my partner wants to pay the council tax"), which the classifier often
takes for a disclosure. Those signs only ever stop a classifier guess, never a screen hit.

The terms are constants here rather than a YAML file in the library because they are what the agent
understands, not what it says (as `CANCEL_WORDS` in dialogue.py), and they are regular expressions
whose meaning lies in how they are matched; the Welsh terms are machine-drafted and need review by a
Welsh speaker, like the Welsh phrases of `intents/system/safeguarding.yaml`.

The screen is pure and deterministic and does no I/O at call time (its patterns compile once, on first
use); a message of typical length takes a few hundred microseconds, one of the chat's longest (500
characters) a few milliseconds.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Protocol


class Prediction(Protocol):
    """What the classifier predicted (webhook.agent.nlu.Prediction has these)."""

    @property
    def intent_id(self) -> str: ...

    @property
    def confidence(self) -> float: ...


SAFEGUARDING = "system.safeguarding"
#: How sure the classifier must be of `system.safeguarding`, when the screen found nothing, for the
#: agent to answer it. Tuned on tests/safeguarding/dev_*.yaml (never on the held-out sets): there, 0.4
#: let the classifier catch about a third of the disclosures the screen had not been written for, while
#: its false alarms on council questions that merely sound worrying stayed near 1%.
CLASSIFIER_CONFIDENCE = 0.4


# Normalising -----------------------------------------------------------------------------------------

_APOSTROPHE = "['\u2019\u2018`\u00b4]"
#: Welsh clitics written after an apostrophe ("dw i'n", "mae'r", "wedi'i") become words of their own;
#: English contractions ("don't", "i'm", "he'll") lose the apostrophe. ("r" is never spelt out as "are":
#: it is the Welsh "'r", the.)
_WELSH_CLITIC = re.compile(rf"{_APOSTROPHE}(n|r|i|w|ch|th)\b")
_ANY_APOSTROPHE = re.compile(_APOSTROPHE)
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_REPEATS = re.compile(r"([a-z])\1{2,}")
#: Textspeak residents type, spelt out before matching. ("da" is never "domestic abuse": it is Welsh for
#: good.)
_ALIASES: Mapping[str, str] = {
    "u": "you",
    "ur": "your",
    "wanna": "want to",
    "wana": "want to",
    "wanted2": "wanted to",
    "want2": "want to",
    "gonna": "going to",
    "gona": "going to",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "hubby": "husband",
    "kms": "kill myself",
    "dv": "domestic violence",
    "cnt": "cant",
    "carnt": "cant",
    "dnt": "dont",
    "thinkin": "thinking",
    "killin": "killing",
    "hurtin": "hurting",
    "nite": "night",
    "2nite": "tonight",
    "2night": "tonight",
    "tonite": "tonight",
    "meself": "myself",
    "myslf": "myself",
    "mysef": "myself",
    "isho": "isio",
    "ishe": "isio",
    "isie": "isio",
    "eisie": "eisiau",
}
#: Key words whose misspellings (one letter left out, added, changed or two swapped) are corrected
#: before matching. Only long, distinctive words: a short one is one letter from an everyday word, and a
#: Welsh word that mutates is one letter from its own mutations (the patterns list those instead).
_TYPO_TARGETS = (
    "suicide",
    "suicidal",
    "overdose",
    "overdosed",
    "overdosing",
    "domestic",
    "violence",
    "violent",
    "abused",
    "abusive",
    "abusing",
    "grooming",
    "groomed",
    "neglected",
    "neglecting",
    "strangled",
    "strangling",
    "controlling",
    "coercive",
    "harming",
    "threatened",
    "threatening",
    "frightened",
    "terrified",
    "trafficked",
    "trafficking",
    "safeguarding",
    "samaritans",
    "paracetamol",
    "punched",
    "assaulted",
    "molested",
    "hunanladdiad",
    "hunanladdol",
    "niweidio",
)
#: Everyday words one letter from a target, never corrected ("harming" is not "charming").
_TYPO_EXCEPTIONS = frozenset(
    {
        "amused",
        "amusing",
        "bunched",
        "brightened",
        "charming",
        "domestig",
        "farming",
        "groomer",
        "groomers",
        "harking",
        "harping",
        "hunched",
        "lunched",
        "munched",
        "overdone",
        "violet",
        "violets",
        "warming",
    }
)
_TYPO_MIN_LENGTH = 6


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


@cache
def _typo_index() -> dict[str, tuple[str, ...]]:
    """Every target and its one-letter deletions, mapped to the targets they come from."""
    index: dict[str, list[str]] = {}
    for target in _TYPO_TARGETS:
        for key in {target, *_deletions(target)}:
            index.setdefault(key, []).append(target)
    return {key: tuple(targets) for key, targets in index.items()}


def _edit_distance(first: str, second: str) -> int:
    """Optimal string alignment distance (a swap of two neighbours counts once), for short words."""
    rows = [list(range(len(second) + 1))]
    for i, a in enumerate(first, 1):
        row = [i]
        for j, b in enumerate(second, 1):
            cost = 0 if a == b else 1
            best = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + cost)
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b:
                best = min(best, rows[-2][j - 2] + 1)
            row.append(best)
        rows.append(row)
    return rows[-1][-1]


def _corrected(token: str) -> str:
    """The key word `token` misspells, or `token` itself."""
    if len(token) < _TYPO_MIN_LENGTH or token in _TYPO_EXCEPTIONS:
        return token
    index = _typo_index()
    candidates = {*index.get(token, ()), *(t for key in _deletions(token) for t in index.get(key, ()))}
    for target in sorted(candidates):
        if target == token or _edit_distance(token, target) == 1:
            return target
    return token


def normalise(text: str) -> str:
    """The message as the patterns see it: lower case, no accents or apostrophes, single spaces,
    textspeak spelt out and misspelt key words corrected."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    plain = _ANY_APOSTROPHE.sub("", _WELSH_CLITIC.sub(r" \1", plain))
    plain = _REPEATS.sub(r"\1\1", _NOT_WORD.sub(" ", plain))
    words = (_ALIASES.get(token, token) for token in plain.split())
    return " ".join(_corrected(word) for word in " ".join(words).split())


# English terms -----------------------------------------------------------------------------------


def _any(*alternatives: str) -> str:
    return "(?:" + "|".join(alternatives) + ")"


_PERSON = _any(
    r"mum",
    r"mam",
    r"mom",
    r"mummy",
    r"mother",
    r"dad",
    r"father",
    r"step ?(?:dad|mum|father|mother|son|daughter)",
    r"husband",
    r"wife",
    r"partner",
    r"boyfriend",
    r"girlfriend",
    r"fiancee?",
    r"ex(?: partner| husband| wife| boyfriend| girlfriend)?",
    r"son",
    r"daughter",
    r"brother",
    r"sister",
    r"nan",
    r"nana",
    r"nanna",
    r"gran",
    r"granny",
    r"grandma",
    r"grandad",
    r"grandpa",
    r"grandmother",
    r"grandfather",
    r"uncle",
    r"aunt",
    r"auntie",
    r"cousin",
    r"niece",
    r"nephew",
    r"kids?",
    r"children",
    r"child",
    r"baby",
    r"babies",
    r"toddler",
    r"grandchild(?:ren)?",
    r"grandson",
    r"granddaughter",
    r"friend",
    r"mate",
    r"flatmate",
    r"carer",
    r"family",
    r"parents?",
    r"(?:daughter|son|brother|sister|mother|father) in law",
    r"in laws",
    r"teenager",
    r"little ones?",
    r"boy",
    r"girl",
    r"lad",
)
#: A person as the object of a verb: "me", "her", "my little brother", "the kids".
_OBJECT = _any(r"me", r"him", r"her", r"them", r"us", rf"(?:my|our|his|her|their|the) (?:\w+ )?{_PERSON}s?")
_HARM_VERB = _any(
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
_HARMED = _any(
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
_SELF = r"(?:my ?self|him ?self|her ?self|them ?selves|them ?self|themself)"
_SCARED = r"(?:scared|afraid|frightened|terrified|petrified|fearful)"
_HOME = r"(?:home|my (?:own )?(?:home|house|flat)|the (?:house|flat))"
_DRUGS = r"(?:pills|tablets|paracetamol|painkillers|meds|medication|sleeping pills|co codamol)"
_ANIMAL = (
    r"(?:dogs?|puppy|puppies|cats?|kittens?|horses?|pony|ponies|animals?|pets?|foxe?s?|rats?|birds?|"
    r"seagulls?|gulls?|swans?|geese|wasps?|bees?|squirrels?|badgers?)"
)
#: Things that get hit or damaged. Never "door" ("the child next door is being hit") or "house" ("the
#: kids in that house"), where people are often the subject.
_VEHICLE = (
    r"(?:car|cars|van|vans|bike|bikes|lorry|bus|wall|walls|fence|fences|bins?|windows?|gate|"
    r"mirror|tyre|tyres|lamp ?post|post|bollard|sign|signs|shelter|bus shelter|tree|trees|shed|garage)"
)
#: At the start of a near-miss pattern whose subject is a thing: it applies only to a message that names
#: no person at all, so "the baby in that house is being neglected" is never taken for a neglected house.
_NO_PERSON = r"^(?!.*\b(?:{person})s?\b)(?:.*? )?"
_REPAIR = (
    r"(?:ceiling|ceilings|roof|walls?|floors?|floorboards|stairs|wiring|electrics|boiler|gas|damp|mould|mold|"
    r"structure|subsidence|collaps\w*|leak\w*|asbestos|fire alarm|cracks?|cracked|rotten|glass|swings?|slide|"
    r"play area|playground|equipment|pavement|road|path|bridge)"
)
#: What a resident trips over: the only words allowed between "fell" and "hurt myself" in an accident.
_OBSTACLE = (
    r"(?:over|on|off|down|in|at|into|onto|up|a|an|the|my|our|some|this|that|broken|loose|wet|icy|uneven|"
    r"cracked|raised|paving|slab|slabs|kerb|pavement|pothole|step|steps|stairs|road|path|ice|floor|bin|bins|"
    r"tree|root|roots|hole|drain|street|outside|yesterday|today|badly)"
)
_THING = (
    r"(?:gardens?|parks?|property|properties|house|houses|building|buildings|alley|alleyway|land|"
    r"allotments?|roads?|graves?|cemetery|area|site|verges?|hedges?|playground|woods?|pond|fields?|"
    r"plot|grass|footpath|path|street|bins?|bin store|estate|shop|car|fence|trees?)"
)

ENGLISH_NEAR_MISSES = (
    # "the noise is killing me", "my back is killing me", "dying to know", "i could die of boredom"
    r"\b(?:is|s|are|re|was|were|its|it s|thats|it|this|these|they|that|literally) (?:\w+ )?killing me\b",
    r"\bkilling (?:me|us) (?:with|slowly)\b",
    r"\b(?:it|that|this|which) (?:really |just |honestly )?kills me\b",
    r"\bdying (?:to|for) (?:know|find|get|see|hear|a|an|some)\b",
    r"\b(?:die|died) of (?:boredom|embarrassment|laughter|shame)\b",
    r"\bkill(?:ed|ing)? (?:my ?self|me) laughing\b",
    # things that die or get killed: "kill the weeds", "streetlight outside has died", "phone is about to die"
    r"\bkill(?:s|ed|ing|er)? (?:(?:the|all|of|off|my|our|those|these) )*(?:weeds?|rats?|mice|wasps?|ants?"
    r"|ivy|brambles?|knotweed|nettles?|thistles?|dandelions?|roots?|stumps?"
    rf"|flowers?|plants?|grass|moss|bugs?|pests?|slugs?|germs?|bacteria|{_THING}|vermin|insects?|spiders?"
    r"|flies|cockroaches|bed ?bugs|fleas|it)\b",
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
    rf"\b{_ANIMAL} (?:has |have |had |was |were |is |are |just |keeps? |being |been )?(?:\w+ )?(?:abus\w*"
    r"|mistreat\w*|neglect\w*|cruel\w*|starv\w*|bit|bites|bitten|attack\w*|chased|chasing|went for|jumped"
    r"|scares|scared|frightens|frightened|terrifies)\b",
    r"\b(?:abus\w*|mistreat\w*|neglect\w*|cruelty to|starv\w*|kick\w*|beat\w*|hit\w*) (?:a |the |my |our "
    rf"|their |his |her )?{_ANIMAL}\b",
    r"\b(?:animal|dog|cat|horse) (?:abuse|cruelty|neglect|welfare)\b",
    # the passive of the same: "our bins keep getting attacked by foxes"
    r"\b(?:attack\w*|bitten|bit|chased|scared|frightened|savaged|mauled|stung) by "
    rf"(?:a |an |the |some |next doors |the neighbours )?(?:\w+ )?{_ANIMAL}\b",
    # neglected places: "neglected garden next door", "the park has been neglected", "neglected to empty"
    rf"\bneglect\w*(?: (?!(?:and|but|or|because)\b)\w+){{0,2}} {_THING}\b",
    rf"{_NO_PERSON.format(person=_PERSON)}{_THING}(?: \w+){{0,4}} (?P<x>neglect\w*)\b",
    r"\bneglected to\b",
    # grooming a dog, a bride and groom
    rf"\b(?:{_ANIMAL}|mobile|pet) groom\w*",
    r"\bgroom\w* (?:business|salon|parlour|parlor|licen\w*|van|shop|premises|services?)\b",
    r"\b(?:bride and groom|groom s|the groom|grooms ?men|groomsm\w*)\b",
    # a vehicle, a ball or a fine that hits: "hit a pothole", "hit with a parking fine"
    r"\b(?:hit|hits|hitting|kicked|knocked) (?:me |us )?(?:by|with|off|out of) (?:a |an |the "
    r"|another )?(?:\w+ )?(?:fine|bill|charge|penalty|ticket|letter|pcn|car|van|lorry|bus|bike|cyclist|ball"
    r"|vehicle|truck|list|register|waiting list|scheme|site|course)\b",
    r"\bkicked (?:me|us) (?:off|out)\b",
    # road safety: "the lorry nearly hit my son on the crossing"
    r"\b(?:lorry|lorries|car|cars|van|vans|bus|buses|driver|drivers|cyclist|cyclists|bike|taxi|motorbike"
    r"|truck|vehicle|ball|scooter)\b(?: (?!(?:being|been|get|got|gets|getting|was|were|are"
    r"|is)\b)\w+){0,2} (?:hit|hits|nearly hit|almost hit|knocked|ran over"
    r"|run over|clipped)\b",
    # hurt on council property is a claim: "i got hurt on the council's broken pavement"
    r"\b(?:hurt|injured|injury|injuries) (?:on|by|at|in|from) (?:the |a |an |your |council s "
    r"|councils )?(?:\w+ ){0,2}(?:pavement|road|path|pothole|swing|slide|playground|park|steps|stairs|kerb"
    r"|slab|bin|bins|bollard|ice|car park|paving)\b",
    # drugs to clear up: "someone dumped a load of pills in the park"
    r"\b(?:dumped|found|finding|dispose of|disposal of|get rid of|fly ?tipped|littered|left"
    rf"|chucked)(?: \w+){{0,4}} (?P<x>{_DRUGS})\b",
    rf"\b{_DRUGS}(?: \w+){{0,3}} (?:dumped|in the park|on the street|on the pavement|disposal|left in)\b",
    # a hazard: "report a broken swing, a child could get hurt"
    rf"\b(?:{_REPAIR}|broken|dangerous|unsafe|loose|paving|slabs?|kerbs?|potholes?|tiles)\b(?: \w+){{0,12}}"
    r" (?:could|might|will|would|going to"
    r"|gonna|before) (?:\w+ )?(?P<x>(?:get|be|gets) (?:hurt|injured|killed))\b",
    # a home that needs repair: "my house isnt safe, the ceiling is falling in"
    rf"\b{_REPAIR}\b(?: \w+){{0,8}} (?P<x>(?:isnt|is not|not|arent|unsafe|dangerous)(?: safe)?)\b",
    rf"\b(?P<x>(?:isnt|is not|not|arent) safe)\b(?! (?:at|with|around|near|for me|for us))"
    rf"(?=(?: (?!(?:and|but|because)\b)\w+){{0,8}} {_REPAIR}\b)",
    # worn down by a nuisance: "neighbours are so loud every night i cant take it anymore"
    r"\b(?:noise|noisy|loud|music|barking|neighbours?|roadworks|traffic|parking|potholes?|bins?|smell|"
    r"building work|drilling|party|parties)\b(?: \w+){0,10} (?P<x>(?:cant|can not|cannot) (?:take|stand"
    r"|cope with)"
    r" (?:it|this|them|any ?more)(?: any ?more| no more)?)\b",
    # put out of home is housing.homeless's: "got kicked out by my parents", "partner threw me out"
    r"\b(?:(?:got|been|was|were|being|get|getting) (?:kicked|thrown|chucked|put) out|(?:kicked|threw|thrown"
    r"|chucked|put|throwing|kicking) (?:me|us) out)\b",
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
    rf"|dragged) (?:her|his|their|my|our|the|a|an) (?:\w+ )?{_VEHICLE}\b",
    rf"{_NO_PERSON.format(person=_PERSON)}{_VEHICLE}\b(?: \w+){{0,2}} (?:was|got|gets|has been|had been"
    r"|been|is|keeps getting|keep getting|were|are) (?:\w+ )?(?P<x>hit|kicked|smashed|damaged|vandalised"
    r"|burnt"
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
    rf"\b(?:fell|fall|fallen|falling|tripped|trip|tripping|slipped|slip|slipping)\b(?: {_OBSTACLE}){{0,7}}"
    rf" (?:and )?(?P<x>(?:hurt|injured|cut|bruised|hit|burnt|burned) {_SELF})\b",
    rf"\b(?:hurt|injured|cut|bruised|burnt|burned) {_SELF} (?:on|lifting|carrying|falling|tripping|shaving"
    r"|when i (?:fell|tripped|slipped))\b",
    r"\bbruised (?:my|his|her) \w+ (?:on|when|falling|tripping)\b",
    # ending a subscription, a tenancy; "can i just phone someone", "talk to someone about my bin"
    r"\bend (?:my|the|our|a) (?:\w+ )?(?:subscription|tenancy|lease|direct debit|permit|contract|account"
    r"|booking|agreement|membership|claim)\b",
    r"\b(?:phone|call|ring|talk to|speak to|speak with|talk with|chat to|chat with|contact) (?:someone"
    r"|somebody|a person|a human|anyone|a real person|someone real)(?: \w+){0,3} (?:about|regarding"
    r"|re) (?:my|the|our|a|an|it|this|that|council|bins?|planning|parking)\b",
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
)

ENGLISH_DISCLOSURES = (
    # suicide and self-harm
    r"\bsuicid\w*",
    r"\bself ?harm\w*",
    r"\bkill(?:ing)? my ?self\b",
    r"\b(?:kill|killing|killed|hang|hanging|hanged|harm|harming|hurt|hurting|cut|cutting|burn|burning"
    rf"|starve|starving|drown|drowning|poison|poisoning) {_SELF}\b",
    r"\bkms\b",
    r"\b(?:end|ending|ended) (?:it all|everything|(?:my|his|her|their) (?:own )?life)\b",
    r"\b(?:take|taking|took|taken) (?:my|his|her|their) (?:own )?life\b",
    r"\b(?:want|wants|going|ready|about|decided|planning|plan|thinking|think"
    r"|tempted) (?:to )?(?:just )?end (?:it|things|everything|my life)\b",
    r"\bend it (?:all|now|tonight|today|here)\b",
    r"\b(?:want|wants|wanted|going|ready|wish|wishing) (?:to )?(?:just )?(?:die|be dead|not be here"
    r"|not exist|stop existing|stop living|stop breathing|not wake up|disappear|fade away|vanish"
    r"|sleep forever|never wake up)\b",
    r"\bwish (?:i|he|she) (?:was|were) dead\b",
    r"\bbetter off (?:dead|without me|if i was(?:nt| not) here|if i (?:died|was gone))\b",
    r"\b(?:better|happier|easier) (?:off )?(?:if i (?:was|were|wasnt|werent|was not) (?:gone|dead|not here"
    r"|not around|here|around)|if i (?:died|disappeared|went away for good)|without me)\b",
    r"\b(?:dont|do not|no longer|never) (?:want|wish) (?:to )?(?:be alive|exist|wake up|be here (?:any ?more"
    r"|no more)|live (?:any ?more|no more|like this)|carry on|go on)\b",
    r"\b(?:dont|do not) (?:want|wish) (?:to )?live\b(?! (?:next|near|in|on|at|with|by|opposite|beside|here"
    r"|there|round|around|down|up))",
    r"\b(?:no|whats the|what is the|is there any|there is no|theres no) (?:point|reason) (?:in |of "
    r"|to )?(?:living|life|going on|carrying on|being alive|existing|anything|it all|live|me being here"
    r"|staying alive|waking up)\b",
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
    rf"|stockpil\w*|stash|whole pack|pack) (?:of )?(?:my |the |these )?{_DRUGS}\b",
    r"\b(?:taken|took|swallowed|swallow|take) (?:all |loads of |a lot of |too many |lots of )?(?:my "
    rf"|the )?{_DRUGS} (?:at once|all at once|in one go)\b",
    rf"\bhow many {_DRUGS}\b",
    r"\b(?:jump|jumping|throw my ?self) (?:off|from|in front of|under) (?:a |the )?(?:\w+ )?(?:bridge"
    r"|building|roof|cliff|car park|multi storey|train|trains|car|bus|lorry|tower|block|flats|balcony)\b",
    r"\b(?:goodbye|suicide|farewell) (?:message|messages|note|notes|letter|letters|text|texts|post|video)\b",
    r"\b(?:in|at) (?:a )?(?:really |very |such a )?(?:dark|bad|terrible|awful) place\b",
    r"\bdark thoughts\b",
    # in crisis now
    r"\b(?:im|i am|i m|were|we are|hes|he is|shes|she is|theyre|they are|am|my \w+ is) (?:in|having) (?:a "
    r"|an )?(?:real |total |mental health |mental )?crisis\b",
    r"\bmental health (?:crisis|emergency)\b",
    r"\bin crisis\b",
    r"\b(?:having|had|have) (?:a |another )?(?:nervous |mental |complete |total )?breakdown\b",
    r"\bnervous breakdown\b",
    r"\b(?:having|had|have) (?:a |another )?panic attacks?\b",
    rf"\b{_SCARED} for (?:my|our|her|his|their|the kids|my kids) (?:life|lives|safety|kids|children)\b",
    r"\bfear (?:for )?(?:my|our|her|his) (?:life|safety)\b",
    r"\b(?:cant|can not|cannot|unable to) keep (?:my ?self|me|them|him|her|the kids) safe\b",
    r"\bsamaritans\b",
    # asking for a crisis or abuse helpline by name is asking for help
    r"\b(?:womens aid|refuge|childline|nspcc|mankind initiative|respect helpline|karma nirvana|"
    r"live fear free|papyrus|shout 85258|hourglass|galop|national domestic abuse helpline|rape crisis)\b",
    # harm to a person, done or threatened: "my partner hits me", "he strangled me", "i was raped"
    rf"\b{_HARM_VERB} {_OBJECT}\b",
    rf"\b(?:was|been|being|got|get|gets|getting|am|im|i m|is|are|were|keeps? getting) (?:\w+ )?{_HARMED}\b",
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
    r"\b(?:told|tells|telling|said|says) (?:me|him|her|them|my \w+) not to tell\b",
    r"\b(?:our|a|little) (?:little )?secret\b(?! santa)",
    r"\bkeep (?:it|this) (?:a )?secret\b",
    # domestic abuse, coercive control, stalking
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
    r"\b(?:wont|doesnt|dont|will not|does not|never|wouldnt|would not) (?:let|allow) me (?:to )?(?:see|visit"
    r"|contact|talk to|speak to|phone|call|ring|go out|go anywhere|have (?:my own|any|money)|work|out"
    r"|leave(?: the (?:house|flat|home)| (?:him|her|them))?\b)",
    r"\bnot allowed (?:to )?(?:leave the (?:house|flat|home)|go out|out of the house|see (?:my )?(?:family"
    r"|friends|mum|mam|dad|parents|sister|brother)|have (?:my own|any) money)\b",
    r"\b(?:tracks?|tracking|tracked|checks?|checking|reads?|reading|goes through) (?:all )?my (?:phone"
    r"|location|messages|texts|emails|car|bank)\b",
    r"\btracker on my\b",
    r"\b(?:takes?|taking|took|taken|keeps?|steals?|stealing|stole|stolen|empt(?:y|ies|ied"
    r"|ying)) (?:all )?(?:of )?(?:my|her|his|their) (?:wages|benefits|pension|savings|bank card|cards?"
    r"|salary|universal credit|pip|passport|money) (?:off|from) (?:me|him|her|them)\b",
    r"\b(?:takes?|taking|took|taken|keeps?) all (?:of )?(?:my|her|his) (?:wages|benefits|pension|savings"
    r"|money|salary|pay)\b",
    r"\b(?:steals?|stealing|stole|stolen|empt(?:y|ies|ied|ying)|draining|drained|taking|took|taken"
    r"|takes) (?:money )?(?:from |out of |of |over |control of )?(?:her|his|their|my (?:\w+ )?(?:mum|mam|dad"
    r"|nan|gran|grandad|grandma|grandpa|aunt|uncle|father|mother)s?) (?:bank )?(?:account|accounts|pension"
    r"|savings|benefits|money|purse|wallet|cards?)\b",
    r"\bsign(?:ed|ing|s)? over (?:his|her|their) (?:house|home|flat|money|savings|property)\b",
    r"\bstalk(?:s|ed|ing|er|ers)?\b",
    r"\b(?:my |the )?(?:ex|partner|husband|wife|boyfriend|girlfriend)(?: \w+){0,2} (?:is |keeps |has been "
    r"|keeps on )?(?:harass\w*|following|turning up|turns up|watching|threatening|messaging) (?:me|us|at my"
    r"|outside)\b",
    r"\b(?:smashed|broke|broken|took|takes|taken|hid|hides|hidden|keeps?) (?:away )?my (?:phone|keys"
    r"|passport|bank card)(?: \w+){0,3} (?:so|and) (?:i )?(?:cant|can not|cannot|couldnt)\b",
    r"\b(?:he|she|they) (?:has |have )?(?:smashed|broke|took|taken|hid|hidden|keeps) my (?:phone|passport"
    r"|keys|bank card)\b",
    r"\b(?:he|she|they|hes|shes|theyre) (?:is |are )?(?:outside|at|banging on|kicking|trying to (?:get in"
    r"|break in|kick in)(?: through)?) (?:the|my|our) (?:front |back )?(?:door|window|house|flat)\b",
    r"\b(?:lock|locks|locked|locking) (?:me|him|her|them|us|my \w+|the kids|the children) (?:in|inside|up)\b",
    r"\blocked in (?:my|the|a|his|her|their) (?:room|bedroom|house|flat|cupboard|shed)\b",
    r"\b(?:held|kept|keeping|holding) (?:\w+ )?against (?:my|his|her|their) will\b",
    r"\bagainst (?:my|his|her|their) will\b",
    rf"\bcontrolled by (?:him|her|them|my (?:\w+ )?{_PERSON})\b",
    rf"\b(?:got|have|get|getting|taken|took) (?:the |my |all the |all my |all )?{_DRUGS} out\b",
    r"\bcovered in (?:marks|bruises|cuts|burns|scratches|bites|welts)\b",
    r"\bpressur\w* (?:her|him|them|me|my \w+) (?:to|into) (?:lend|give|hand over|sign|pay|transfer)\b",
    r"\b(?:trying|tries|tried|wants|want|try) to get (?:me|her|him|my \w+) (?:alone|on my own|on her own"
    r"|on his own)\b",
    r"\b(?:keeping|kept|keeps|keep|holding|held|hold) (?:me|her|him|them|us) (?:a |as a )?(?:prisoner"
    r"|prisoners|captive|hostage)\b",
    r"\b(?:cut|cutting|burn|burning|hurt|hurting|harm|harming|scratch"
    r"|scratching)(?: my ?self)? when (?:things|it|stuff|life) (?:get|gets|got|is) (?:bad|too much|hard"
    r"|worse|dark)\b",
    r"\bget out (?:tonight|now|before (?:he|she|they))\b",
    r"\b(?:cant|can not|cannot|dont|do not) see (?:a |any )?(?:way out|way forward|future"
    r"|point in)\b(?! of (?:the|this) (?:car park|building|estate))",
    r"\bnude (?:photos|pics|pictures|images|videos|selfies)\b",
    r"\b(?:keeps?|kept|keeping) (?:me|us|him|her|them|the kids|the children) locked (?:in|up|inside)\b",
    r"\b(?:makes?|made|making|forces?|forced|forcing) (?:me|her|him) (?:to )?(?:hand over|give (?:him|her"
    r"|them)|sign over|transfer)\b",
    r"\bplanning how (?:i d|id|i would|i will|i ll|to) (?:do it|end it|kill|go)\b",
    r"\b(?:sleep|go to sleep|fall asleep) and (?:not|never) wake up\b",
    r"\b(?:live|living) or (?:die|dying|dead)\b",
    rf"\b(?:taking|takes|took|taken|take) advantage of (?:him|her|them|my (?:\w+ )?{_PERSON}|an? (?:old"
    r"|older|elderly|vulnerable|disabled) \w+)\b",
    r"\b(?:home|my house|my flat|the house)(?: \w+){0,4} (?:dangerous|scary|frightening|terrifying|unsafe"
    r"|hell)(?: place)? for (?:me|us|the kids|my kids)\b",
    r"\b(?:dread|dreading|terrified of|scared of|afraid of|frightened of) (?:going|getting"
    r"|coming) (?:back )?home\b",
    r"\b(?:picked|chosen|chose|choosing|found|arranged) (?:a )?(?:husband|wife|man|woman) for (?:me|her|him"
    r"|my \w+)\b|\bnot allowed to say no\b",
    r"\blife(?: \w+){0,2} (?:isnt|is not|not|aint|never) worth (?:living|it)\b|\bnot worth living\b",
    r"\b(?:scratch\w*|cut\w*|pick\w*|bit|bite|biting|hit\w*|punch\w*|bang\w*|burn\w*) (?:my|her"
    r"|his) (?:arms?|legs?|wrists?|skin|head|thighs?|stomach)(?: \w+){0,3} (?:till|until|til|so) (?:they"
    r"|it) (?:bleed|bleeds|bled|bruise|bruises|hurts)\b",
    r"\bself inflicted\b",
    r"\b(?:hands?|arm|arms|rope|belt) (?:round|around|on) (?:my|her|his) (?:neck|throat)\b",
    rf"\b{_SCARED} (?:of )?what (?:(?:he|she|they) (?:ll|will|might|would|could|d|is going to|s going to)"
    r"|hell|shell|theyll|hed|shed) do\b",
    r"\b(?:he|she|they|partner|husband|wife|boyfriend|girlfriend)\b(?: \w+){0,2} (?:wont|doesnt|dont"
    r"|will not|never|refuses to|refused to) (?:give|let) me (?:any |have any )?(?:money|cash)\b",
    r"\b(?:monitors?|monitoring|monitored|watches|watching|spies on|spying on|follows"
    r"|following) (?:all )?my (?:texts|messages|phone|location|emails|spending|bank|every move|calls)\b"
    r"|\b(?:monitors?|monitoring|tracks?|tracking|checks?) (?:where|who) i (?:go|see|am|talk|speak)\b",
    r"\b(?:adult|grown man|grown men|older man|older men|stranger|strangers|man|men|someone"
    r"|somebody)(?: \w+){0,3} (?:messag\w*|texting|chatting to|chatting with|talking to|contacting"
    r"|snapchatting) (?:my|her|his|a|the) (?:\w+ )?(?:son|daughter|child|kids?|children|girl|boy"
    r"|\d+ year old|niece|nephew|grandson|granddaughter|teenager)\b",
    r"\b(?:toddler|babies|baby|little (?:boy|girl|one|ones|kids?)|kids?|children|child"
    r"|\d+ year olds?)(?: \w+){0,5} (?:out|outside|wandering|roaming|left)(?: \w+)? (?:alone|on (?:their|his"
    r"|her) own|by (?:themselves|himself|herself))\b",
    r"\b(?:taken|taking|sent|sending|take|send|takes|sends)(?: \w+)? (?:abroad|overseas|back home"
    r"|out of the country) (?:for|to) (?:a |an |her |his |their )?(?:wedding|marriage|marry|get married"
    r"|be married)\b",
    r"\b(?:wedding|marriage|marry|husband|wife) (?:she|he|they|i) (?:doesnt|dont|does not|do not"
    r"|didnt) (?:want|agree|choose)\b",
    r"\b(?:lodger|carer|carers|neighbour|friend|someone|stranger|cleaner|care worker|care workers"
    r"|new boyfriend|new girlfriend|new partner)(?: \w+){0,5} (?:using|uses|used|taking|took|keeps|has got"
    r"|has|spending|spends|spent|knows) (?:his|her|their) (?:bank )?(?:card|cards|pin|pin number|account"
    r"|pension|savings|money|benefits|bank details|card details|passwords?)\b",
    r"\b(?:leave|leaves|left|leaving) (?:my |his |her "
    rf"|the )?(?:\w+ )?{_PERSON}(?: \w+){{0,2}} (?:in (?:a )?(?:wet|soiled|dirty|filthy) (?:bed|clothes"
    r"|nappy|nappies|pad|pads)|without (?:food|water|help|care|medication|their medication)|alone all day"
    r"|on (?:her|his) own all day)\b",
    r"\b(?:get|got|run|ran|escape|escaped|flee|fled|fleeing|getting|running|escaping) away from (?:him|her"
    rf"|them|my (?:\w+ )?{_PERSON}|his|an abusive)\b|\bfle(?:e|eing|d) (?:from )?(?:him|her"
    rf"|my (?:\w+ )?{_PERSON}|home|the house|abuse|domestic)\b",
    r"\b(?:comes?|came|coming|walks?|walked|walking|barges?|barged) (?:in|into) (?:the |my |her "
    r"|his )?(?:bathroom|bedroom|room|shower|bed)(?: \w+){0,4} (?:when|while|at night)\b",
    r"\b(?:thinking|thought|think|going|planning|want|wanna|about) (?:of |about |to )?(?:jumping"
    r"|jump)\b(?! (?:the queue|queues|in|on|through|ship))",
    r"\blocked (?:in|up|inside) (?:all day|all night|for hours|for days|every day|most days)\b",
    r"\b(?:wont|doesnt|dont|will not|never|arent|isnt) (?:let|allow|letting|allowing) (?:her|him|them"
    rf"|my (?:\w+ )?{_PERSON}) (?:to )?(?:go to|attend|go) school\b",
    r"\b(?:older|grown|adult) (?:man|guy|bloke|men|lad|fella|woman)(?: \w+){0,6} (?:stay|sleep|live|move"
    r"|come) (?:with|at|in|over)\b",
    r"\bvoices (?:telling|tell|told|tells) (?:me|him|her) to\b",
    r"\b(?:told|tells|telling|warned|warns|made|makes) (?:me |him |her |them |us )?(?:to )?(?:keep quiet"
    r"|keep it quiet|keep my mouth shut|say nothing|not say anything|stay quiet|keep schtum)\b",
    r"\b(?:sending|send|sent|sends|taking|take|took|takes) (?:me|him|her|them|my (?:\w+ )?\w+) (?:away "
    r"|abroad |back home |overseas )?to (?:marry|get married|be married|wed)\b",
    r"\bsell(?:s|ing)? (?:her|him|them|my|your) ?(?:self|selves|body)\b|\b(?:prostitut\w*|pimp\w*)",
    rf"\b(?:he|she|they|who|man|woman|guy|bloke|{_PERSON}) (?:really |always |often |sometimes "
    r"|still )?(?:scares|frightens|terrifies|intimidates) (?:me|us|my|the kids|the children)\b",
    r"\b(?:ive|i have|i ve|ive got|i ve got|i have got|got) (?:got )?nothing (?:left"
    r"|to live for)\b(?! (?:to pay|to eat|in|for|on|after|until|till|of my))",
    r"\b(?:feel|feeling|im|i am|i m) (?:so |really |completely |totally |utterly )?(?:hopeless|worthless)\b",
    r"\bblood (?:on|all over|down|from) my (?:arms?|legs?|wrists?|thighs?)\b",
    r"\b(?:going to|gonna|want to|wanna|will|ll|thinking of|thinking about|about to"
    r"|might) (?:just )?(?:drive|crash|steer) (?:my |the )?(?:car |van )?(?:into|off) (?:a |the )?(?:wall"
    r"|tree|bridge|river|cliff|lorry|oncoming|sea)\b",
    r"\b(?:want|wanted|going|gonna|urge|urges|thoughts?|feel like|scared i ll|scared ill) (?:to |of "
    r"|about )?(?:hurt|hurting|harm|harming|kill|killing|stab|stabbing) (?:someone|somebody|people|others"
    rf"|anyone|my (?:\w+ )?{_PERSON})\b",
    r"\b(?:took|taken|swallowed|had|take|taking) (?:\d+|twenty|thirty|forty|fifty|a hundred) (?:of )?(?:my "
    rf"|the |his |her )?{_DRUGS}\b",
    r"\b(?:done|finished|over|sick|tired) (?:with|of) (?:life|living|everything|it all|being alive"
    r"|existing)\b",
    rf"\b(?:he|she|they|{_PERSON})(?: \w+){{0,2}} (?:has |had )?(?:broke|broken|fractured|cracked|bust"
    r"|busted) (?:my|her|his) (?:arm|arms|nose|ribs?|jaw|wrist|leg|legs|fingers?|hand|cheekbone|teeth"
    r"|tooth)\b",
    r"\b(?:nobody|no one|noone|no body|none of them) (?:would|will|d|wd) (?:even )?(?:miss|care about"
    r"|notice)(?: if)? (?:me|i)\b",
    rf"\b(?:{_DRUGS}|rope|the rope) (?:are |is )?(?:ready|lined up|saved up|stockpiled|in front of me"
    r"|counted out)\b",
    rf"\b{_PERSON}(?: \w+){{0,3}} (?:always|often|constantly|left) (?:alone|on (?:her|his|their) own"
    r"|crying and|screaming and)\b",
    r"\b(?:makes?|made|making|forces?|forced|forcing|pressur\w*) (?:me|him|her|them) (?:to )?(?:do"
    r"|doing) (?:things|stuff|sexual|sex)\b",
    r"\b(?:forc\w*|makes?|made|making|pressur\w*) (?:me|him|her|them) (?:to |into )?(?:have |having )?(?:sex"
    r"|sexual)\b",
    r"\b(?:1[0-5]|twelve|thirteen|fourteen|fifteen)\b(?: \w+){0,5} (?:boyfriend|girlfriend|partner"
    r"|fella) (?:is|s) (?:\d\d|an adult|older|grown|much older|a grown)\b",
    r"\b(?:im|i am|i m|we are|were|she is|shes|he is|hes|they are|theyre|my \w+ is"
    r"|my \w+ are) (?:in )?(?:real |immediate |serious |grave )?danger\b(?! of)",
    rf"\b(?:partner|husband|wife|boyfriend|girlfriend|ex|step ?dad|dad|father)\b(?: \w+){{0,8}} (?:im|i am"
    rf"|i m|and im|were|we are) (?:\w+ )?{_SCARED}\b",
    rf"\b(?:throws?|threw|throwing|thrown) (?:\w+ ){{0,2}}at (?:me|us|him|her|them|the kids"
    rf"|my (?:\w+ )?{_PERSON})\b",
    r"\b(?:comes?|came|coming|gets?|got) (?:into|in) (?:my|her|his|their) (?:bed|bedroom|room) (?:at night"
    r"|when|while)\b",
    rf"\b{_PERSON}(?: \w+)? (?:has |have |had |is |s )?(?:run|ran|running) away\b|\b{_PERSON}(?: \w+)? (?:is"
    r"|has gone|gone|went|s gone|has been) missing\b|\bmissing (?:child|children|kid|teenager|person"
    r"|daughter|son|girl|boy)\b",
    r"\b(?:got|has|have|had|with|holding|waving|carries|carrying|pulled|threatening me with) (?:a |an |his "
    r"|her )?(?:knife|knives|gun|weapon|machete|blade)\b(?! (?:amnesty|bin|bins|crime))",
    r"\b(?:make|makes|made|making|force|forces|forced|forcing) (?:me|him|her|them"
    r"|us) (?:to )?work (?:for (?:nothing|no money|free|no pay)|without pay|all hours)\b",
    r"\b(?:has|have|got|holding|keeping|kept|took|taken) (?:my|her|his|their|our) passports?\b(?! (?:for"
    r"|to) (?:the )?(?:blue badge|application|form|check|id))",
    rf"\b(?:make|makes|made|making|get|gets|got|getting) (?:my |his |her |their |the )?(?:\w+ )?(?:{_PERSON}"
    r"|me|him|her|them) (?:to )?(?:carry|sell|deliver|hold|hide|move|run) (?:\w+ )?(?:drugs|stuff|packages"
    r"|parcels|things|bags)(?: for (?:them|him|her))?\b",
    r"\bviolent (?:towards?|to|with|at|against) (?:me|us|him|her|them|my|the (?:kids|children))\b",
    rf"\b{_PERSON} (?:is |s |gets |can be |has been |becomes |became |was |getting "
    r"|turns )(?:\w+ )?violent\b",
    r"\b(?:isnt|arent|is not|are not|not|wont be|never|dont feel) safe (?:with|around|near) (?:him|her|them"
    rf"|(?:their|his|my|the) (?:\w+ )?{_PERSON})\b",
    r"\b(?:taking|takes|took|taken|stealing|steals|stole|stolen) (?:\w+ )?(?:money|cash"
    rf"|savings)(?: \w+){{0,2}} (?:from|off|out of) (?:him|her|them|my (?:\w+ )?{_PERSON}|his|her|their)\b",
    r"\bsafeguard\w*",
    # afraid of someone at home, not safe at home
    rf"\b{_SCARED} (?:of|to be around|to be alone with|to be with) (?:him|her|them|my (?:\w+ )?{_PERSON}|his"
    rf"|her (?:\w+ )?{_PERSON})\b",
    rf"\b{_SCARED} (?:to|of) (?:go|going|get|getting) (?:back )?(?:home|back to (?:the|my|his|her"
    r"|their) (?:house|flat|home|place)|back to (?:his|hers|theirs|him|her|them))\b",
    r"\b(?:not|never|dont feel|doesnt feel|no longer|dont|isnt|arent) (?:feel |feeling )?safe (?:at|in|to go"
    r"|to be|going) (?:back )?(?:at )?" + _HOME + r"\b",
    r"\bunsafe (?:at|in) " + _HOME + r"\b",
    r"\b(?:home|my house|my flat) (?:doesnt|does not|isnt|is not|dont|never|no longer"
    r"|not) (?:feel )?(?:feels )?safe\b",
    r"\b(?:isnt|is not|not|never) safe for (?:me|us|the kids|my kids|my children|her|him) (?:to (?:go|be"
    r"|stay|live) )?(?:back )?(?:at )?(?:home|there|in the house)\b",
    r"\b(?:nowhere|no where|somewhere|anywhere|some where|some place|a place) safe (?:to (?:go|stay|sleep"
    r"|live|hide)|for (?:me|us|the night|tonight))\b",
    r"\bnowhere safe\b",
    r"\b(?:womens|a|the|domestic abuse) refuge\b",
    r"\brefuge\b",
    # children: neglect, exploitation, grooming
    rf"\b{_PERSON}s?(?: \w+){{0,4}} (?:left|leave|leaves|leaving) (?:\w+ ){{0,2}}(?:alone|on (?:their|his"
    r"|her) own|by (?:themselves|himself|herself)|unsupervised|without food)\b",
    rf"\b(?:{_PERSON}s?|\d+ year olds?)(?: \w+){{0,4}} (?:left )?home alone\b",
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
    r"|deal|dealing|carry|carrying|move|moving|run|running|deliver|delivering) (?:drugs|weed|packages"
    r"|parcels|stuff for)\b",
    r"\bmodern slave\w*|\bslavery\b",
    # adults at risk
    r"\b(?:vulnerable|at risk) adults?\b(?! (?:\w+ ){0,3}(?:collection|bins?|discount|parking|priority|list"
    r"|register|scheme|assisted))",
    r"\b(?:worried|concerned|concern|scared|frightened|afraid) (?:about|for) (?:a |an |my |the |our "
    r"|this )?(?:vulnerable|elderly|old|disabled|frail)\b(?! (?:\w+ )?(?:bins?|collection|parking|discount))",
    rf"\brough (?:with|handling) (?:him|her|them|my (?:\w+ )?{_PERSON}|the (?:residents|patients|kids"
    r"|children|baby|old folk))\b",
    r"\b(?:hitting|beating|hurting|shouting at|screaming at|pushing) (?:his|her|their"
    rf"|the) (?:\w+ )?{_PERSON}\b",
    # forced marriage, FGM
    r"\bforc\w* (?:me |him |her |them |us |my \w+ )?(?:to |into )(?:get )?(?:marr\w*|wed)\b",
    r"\bforced marriage\b",
    r"\b(?:making|make|made|makes|force|forcing|pressuring|pressure) (?:me|him|her|them"
    r"|my \w+) (?:to )?(?:marry|get married|wed)\b",
    r"\b(?:have|has|had|got) to marry (?:who|whoever|someone|a man|a woman|my cousin|a stranger|him|her)\b",
    r"\bmarr(?:y|ied|ying) (?:a |my )?(?:man|woman|guy|girl|someone|person|cousin|stranger) (?:i ve|ive"
    r"|i have|she s|shes|he s|hes|she has|he has|we ve|weve) never (?:met|seen)\b",
    r"\b(?:taking|take|taken|took|sending|send|sent|sends) (?:me|him|her|them|my (?:\w+ )?\w+) (?:abroad"
    r"|back home|overseas|away|to \w+)(?: \w+){0,3} (?:to )?(?:get )?(?:marr\w*|wed|be married|be cut)\b",
    r"\bmarried off\b",
    r"\b(?:niece|daughter|sister|girl|girls|cousin|granddaughter|she|her)(?: \w+){0,5} (?:be|being|get"
    r"|getting) cut\b",
)


# Welsh terms ---------------------------------------------------------------------------------------

#: Radical initial -> its soft, nasal and aspirate mutations (and the h a vowel takes after "ei" her).
_MUTATIONS: Mapping[str, tuple[str, ...]] = {
    "c": ("g", "ngh", "ch"),
    "p": ("b", "mh", "ph"),
    "t": ("d", "nh", "th"),
    "g": ("", "ng"),
    "b": ("f", "m"),
    "d": ("dd", "n"),
    "ll": ("l",),
    "m": ("f",),
    "rh": ("r",),
}
_UNMUTATED_DIGRAPHS = ("ch", "ph", "th", "dd", "ff", "ng")


def mutated(word: str) -> str:
    """A pattern matching `word` (a Welsh word in its radical form) and its mutations:
    mutated("cam drin") matches "cam drin", "gam drin", "ngham drin" and "cham drin"."""
    for digraph in _UNMUTATED_DIGRAPHS:
        if word.startswith(digraph):
            return re.escape(word)
    for initial in ("ll", "rh", word[:1]):
        if word.startswith(initial) and initial in _MUTATIONS:
            rest = re.escape(word[len(initial) :])
            return _any(*(re.escape(head) + rest for head in (initial, *_MUTATIONS[initial])))
    if word[:1] in "aeiouwy":
        return "h?" + re.escape(word)
    return re.escape(word)


def _mutations(*words: str) -> str:
    return _any(*(mutated(word) for word in words))


#: Harm verbs (verbal nouns, radical forms); hyphenated ones are written with a space, as normalised.
_CY_HARM = (
    "taro",
    "curo",
    "dyrnu",
    "cicio",
    "tagu",
    "gwthio",
    "brifo",
    "cam drin",
    "camdrin",
    "treisio",
    "bygwth",
    "slapio",
    "hitio",
    "bwrw",
    "waldio",
    "colbio",
    "pwnio",
    "stalkio",
    "stelcian",
    "esgeuluso",
    "ymosod",
    "bwlio",
    "trywanu",
)
_CY_HARM_VERB = _mutations(*_CY_HARM)
#: Verbs that harm only with "fy" (me): "ei gloi" is as often "lock it" (the gate) as "lock him".
_CY_HARM_ME = _mutations(
    *_CY_HARM, "cloi", "cyffwrdd", "dilyn", "tracio", "rheoli", "lladd", "gwasgu", "dychryn"
)
_CY_PERSON = _mutations(
    "mam",
    "mami",
    "tad",
    "dad",
    "nain",
    "taid",
    "mamgu",
    "tadcu",
    "tad cu",
    "babi",
    "plant",
    "plentyn",
    "mab",
    "merch",
    "gwraig",
    "gwr",
    "chwaer",
    "brawd",
    "partner",
    "cariad",
    "ffrind",
    "wyr",
    "wyres",
    "nith",
    "nai",
    "modryb",
    "ewythr",
    "llysdad",
    "llystad",
    "llysfam",
    "hogyn",
    "hogan",
    "bachgen",
    "teulu",
    "rhieni",
    "cyn",
    "cyn bartner",
    "cyn gariad",
)
_CY_SAFE = r"(?:saff|ddiogel|diogel|nyogel)"
_CY_HOME = r"(?:adra|adre|adref|gartre|gartref|nghartref|nghartre|cartref|yn y ty|yn ty|yn tŷ|ir ty|i r ty)"
_CY_WANT = r"(?:isio|eisiau|isie|moyn|jyst isio|jest isio|jyst eisiau|ishio)"
_CY_SELF = r"(?:fy hun|fy hunan|ei hun|ei hunan|eu hunain|ein hunain|dy hun)"
_CY_ANIMAL = (
    r"(?:ci|gi|nghi|cwn|gwn|nghwn|cath|gath|nghath|cathod|ceffyl|geffyl|ngheffyl|ceffylau|anifail|"
    r"anifeiliaid|merlen|llwynog|llwynogod|gwylanod|gwylan|adar|aderyn|llygod|cacwn|gwenyn)"
)
_CY_THING = (
    r"(?:car|nghar|gar|char|bin|min|biniau|miniau|wal|ffens|drws(?! nesa)|nrws|ffenest|ffenestr|giat|"
    r"beic|meic|fan|bolard|arwydd|golau|lamp|coeden|goeden|cysgodfa|safle bws|to|sied|garej|nghoeden|"
    r"ngiat)"
)
_CY_PLACE = (
    r"(?:gardd|ardd|ngardd|parc|barc|lon|ty|adeilad|eiddo|tir|rhandir|mynwent|fynwent|llwybr|lwybr|"
    r"stryd|ffordd|cae|gae|iard|coed|goed|eglwys|capel|gapel|ystad|fflat|fflatiau|bin|min|biniau)"
)

#: What is done to an animal (the RSPCA's business, not the council's safeguarding team's).
_CY_ANIMAL_HARM = _any(
    *(mutated(verb) for verb in ("cam drin", "camdrin", "esgeuluso", "taro", "curo", "cicio")),
    "ymosod",
    "newynu",
    "codi ofn",
    "dychryn",
)

WELSH_NEAR_MISSES = (
    # "mae'r sŵn yn fy lladd i" (the noise is killing me), "lladd chwyn", "rheoli plâu i ladd cacwn"
    r"\b(?:r \w+|swn|gwres|oerfel|poen|boen|cefn|nghefn|traed|nhraed|gwefan|wefan|ffurflen|ffurflenni"
    rf"|traffig|sbwriel|biniau|pryfed|llygod|gwaith|ciw|aros|hyn|hwn|hon|hynny|{_CY_THING})(?: (?!(?:o|fo|e"
    rf"|fe|hi|nhw|bydd|fydd)\b)\w+){{0,3}} (?:yn|n) (?P<x>fy (?:lladd|ladd))\b(?! {_CY_SELF})",
    rf"\b{_CY_THING}\b(?: \w+){{0,4}} (?P<x>(?:ei|eu"
    rf"|i) {_mutations('taro', 'cicio', 'curo', 'gwthio', 'bwrw', 'cam drin', 'malu', 'fandaleiddio')})\b",
    r"\b(?:lladd|ladd|chwyn ?laddwr|chwynladdwr) (?:y |r |yr )?(?:chwyn|chwyn|llygod|lygod|cacwn|gacwn"
    rf"|gwenyn|pryfed|bryfed|pla|plau|morgrug|glaswellt|gwair|{_CY_ANIMAL}|{_CY_PLACE})\b",
    # "dw i'n marw isio gwybod" (dying to know), things that die: "golau stryd wedi marw", "ffôn ar fin marw"
    r"\b(?:marw|farw) (?:isio|eisiau|am|i) (?:gwybod|wybod|gael|cael|paned|weld|gweld|clywed|glywed)\b",
    r"\b(?:golau|golau stryd|golaur stryd|lamp|ffon|ffôn|batri|batris|car|planhigion|blodau|coeden|goeden"
    r"|gwair|teledu|injan|boeler|llinell)\b(?: \w+){0,3} (?P<x>marw|farw)\b",
    # a death to register: "mae dad wedi marw", "bu farw fy ngŵr", "cofrestru'r farwolaeth"
    rf"\b(?:{_CY_PERSON}|fy \w+|ei \w+) (?:\w+ )?(?:wedi marw|wedi n gadael|wedi ein gadael)\b",
    r"\bbu farw\b",
    r"\b(?:mam|dad|nhad|nain|taid|gwr|ngwr|gwraig|ngwraig|mab|merch|ffrind) (?:wedi )?(?:marw|farw)\b",
    r"\bers i (?:\w+ ){1,2}farw\b",
    # "cam-ddefnyddio trwydded barcio" (misuse), an animal mistreated, a place neglected
    rf"\b{_CY_ANIMAL}\b(?: \w+){{0,3}} (?:ei |eu "
    rf"|i )?{_CY_ANIMAL_HARM}\w*",
    rf"\b{_CY_PLACE}\b(?: \w+){{0,7}} (?P<x>h?esgeulus\w*)",
    rf"\bh?esgeulus\w* (?:y |r |yr |fy |ein )?{_CY_PLACE}\b",
    # "ffonio rhywun am fy min", "siarad â rhywun am dreth y cyngor"
    r"\b(?:ffonio|siarad|sgwrsio|cysylltu) (?:a |efo |hefo |gyda )?(?:rhywun|rywun|person"
    r"|unrhyw un)(?: \w+){0,3} (?:am|ynglyn)\b",
    # "rhoi diwedd ar fy nhanysgrifiad", "argyfwng costau byw", "grant argyfwng"
    r"\b(?:rhoi|roi) (?:diwedd|terfyn|derfyn) ar (?:fy |ein |y |yr )?(?:nhanysgrifiad|tanysgrifiad"
    r"|danysgrifiad|nhenantiaeth|tenantiaeth|debyd|nebyd|cytundeb|ngontract|contract|cyfrif|trwydded"
    r"|nhrwydded)\b",
    r"\bargyfwng (?:costau|costaur|ariannol|tai|hinsawdd|yr hinsawdd|newid|ynni|tanwydd)\b",
    r"\b(?:grant|cronfa|taliad|benthyciad|cymorth|cefnogaeth) (?:\w+ )?argyfwng\b",
    r"\bmewn argyfwng (?:ariannol|tai)\b",
    # "storm dreisgar", "clymog japan yn tagu fy ffens", "mae rhywun wedi taro fy nghar"
    r"\b(?:storm|gwynt|gwyntoedd|tywydd|glaw|swn) (?:\w+ )?(?:dreisgar|treisgar|threisgar)\b",
    r"\b(?:tagu|dagu|nhagu) (?:y |r |yr |fy |ein )?(?:ffens|goeden|coeden|coed|llwybr|lwybr|draen|draeniau"
    r"|gwter|planhigion|ardd|gardd|ngardd|wal|afon)\b",
    r"\b(?:taro|daro|nharo|curo|guro|cicio|gicio) (?:y |r |yr |fy |ein )?(?:nghar|car|gar|wal|ffens|bolard"
    r"|twll|bin|min|drws|ciw|pel|ffenest)\b",
    r"\b(?:curo|guro) (?:y |r )?(?:ciw|ciwiau|record|drws|drysau)\b",
    # accidents: "syrthiais ... a brifo fy hun", "torrais fy llaw ar wydr", "brifo fy nghefn"
    r"\b(?:syrthio|syrthiais|syrthiodd|baglu|baglais|baglodd|llithro|llithrais|cwympo|cwympais|disgyn"
    rf"|disgynnais|codi|cario)\b(?: \w+){{0,8}} (?:a |ac )?(?P<x>(?:brifo|frifo|anafu|torri"
    rf"|llosgi) {_CY_SELF})\b",
    rf"\b(?:brifo|frifo|anafu|torri|dorri|llosgi|losgi) {_CY_SELF} (?:ar|wrth|yn)\b",
    r"\b(?:cloi|gloi|nghloi) (?:fy hun|fy hunan|ni|ein hunain) allan\b",
    # "dydy'r palmant ddim yn ddiogel", "ydy hi'n ddiogel rhoi batris": a place or a task, not home
    rf"\b(?:ydy|ydyw|yw|ydi|dydy|dyw|dydi) (?:hi |e |o |r |y |yr )?(?:n |yn |ddim yn )?{_CY_SAFE} (?:rhoi"
    r"|i roi|nofio|cerdded|gyrru|parcio|defnyddio|llosgi|ailgylchu|chwarae)\b",
    r"\bhyfforddiant diogelu\b|\bdiogelu data\b|\bdiogelwch tan\b",
    r"\b(?:fy|ein|y|yr|r) (?:nghefn|cefn|mhen|pen|llaw|law|nghoes|coes|nhroed|troed|mhen glin|pen glin"
    r"|mraich|braich|nannedd|nant|ngwddf|ysgwydd|nghlun)\b(?: \w+){0,3} (?:n |yn )?(?P<x>fy (?:mrifo"
    r"|mhoeni))\b",
    r"\biechyd rhywiol\b",
    r"\b(?:torri|wedi torri|peryglus|beryglus|anniogel|rhydd|siglen|sleid|gwydr"
    r"|wydr)\b(?: \w+){0,8} (?P<x>(?:gael|cael) (?:ei|eu) (?:frifo|brifo|hanafu|anafu|lladd|ladd))\b",
    # antisocial behaviour: "cymydog yn fy mygwth i"
    r"\b(?:cymydog|gymydog|nghymydog|cymdogion|gymdogion|llanciau|pobl ifanc|criw|gang)\b(?: (?:yn|n|wedi"
    r"|bob amser|o hyd))? fy (?:mygwth|bygwth|mwlio|bwlio|aflonyddu|haflonyddu|nychryn)\b",
)

WELSH_DISCLOSURES = (
    # suicide and self-harm
    rf"\b{mutated('lladd')} {_CY_SELF}\b",
    r"\bhunan ?ladd\w*",
    r"\bhunan ?(?:niweid\w*|niwed|anafu|anaf)\b",
    rf"\b(?:niweidio|brifo|frifo|torri|dorri|llosgi|losgi|crogi|grogi|boddi|foddi|anafu) {_CY_SELF}\b",
    rf"\b{_CY_WANT} (?:\w+ )?(?:marw|farw)\b",
    r"\bam (?:farw|ladd fy hun)\b",
    rf"\b{_CY_WANT} (?:\w+ )?(?:diflannu|ddiflannu|peidio bod|peidio bodoli|cysgu am byth|gysgu am byth)\b",
    r"\b(?:well|hapusach|gwell|haws)(?: \w+){0,2} (?:taswn i|pe bawn i|petawn i|tasen i|swn i"
    r"|heb) (?:wedi mynd|wedi marw|ddim yma|yn farw|fi|hebdda i)\b",
    r"\b(?:does gen i|sgen i|sgin i|sydd gen i|does dim) (?:ddim |dim )?(?:byd|dim byd|ddim byd) (?:ar ol"
    r"|i fyw amdano)\b(?! i (?:dalu|fwyta|brynu))",
    r"\b(?:dw i|dwi|rydw i|teimlo|teimlo n|yn teimlo) (?:mor |yn |n |mor mor )?(?:isel|ddiwerth|diwerth"
    r"|ddiobaith|diobaith)\b(?! (?:bwysau|pwysau|dwr|dŵr|nwy))",
    r"\bgwaed (?:ar|dros|i lawr) (?:fy|ei) (?:mreichiau|breichiau|mraich|braich|nghoesau|coesau|arddyrnau"
    r"|ngarddyrnau|nwylo)\b",
    rf"\b(?:ddim|dim|byth) (?:\w+ )?{_CY_WANT} (?:byw|fyw|deffro|bod yma|bod yn fyw|bodoli)\b(?! (?:yn|drws"
    r"|ger|wrth|mewn|efo|hefo|gyda|yng|ym|yma|fan|yno|ar))",
    r"\b(?:dim|does dim|heb|unrhyw|be di r|beth yw r|be ydi r) (?:pwynt|rheswm|bwynt) (?:i |mewn |o )?(?:byw"
    r"|fyw|bywyd|mynd ymlaen|cario mlaen|cario ymlaen|ddim byd|dim byd|bod yma|bod yn fyw)\b",
    r"\b(?:dim|does dim|does gen i ddim|sgen i ddim) (?:byd )?(?:i |ar ol i )?(?:fyw|byw) (?:iddo|amdano)\b",
    r"\bmethu (?:cario|mynd) (?:mlaen|ymlaen|ymlaen fel hyn)\b",
    r"\bmethu (?:ymdopi|dygymod|cope|handlo|diodde)\b(?! (?:efo|hefo|gyda|a|ag|â))",
    r"\b(?:rhoi|roi) (?:diwedd|terfyn|derfyn) (?:ar|arni|arno)(?: (?:bopeth|popeth|y cyfan|y cwbl|fy mywyd"
    rf"|mywyd|{_CY_SELF}|bethau|bob dim|hi|fe|o|i gyd))?\b(?! (?:fy |ein |y |yr )?(?:nhanysgrifiad"
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
    r"\b(?:llond bol|digon) ar (?:fyw|fywyd|byw|bywyd)\b",
    r"\bmewn lle (?:tywyll|drwg|ofnadwy|du)\b",
    r"\b(?:meddyliau|meddwl|syniadau) (?:am |o )?(?:hunanladdiad|hunanladdol|farw|marw|lladd|ladd|frifo"
    r"|brifo|niweidio|roi diwedd|rhoi diwedd)\b",
    # in crisis now
    r"\bmewn argyfwng\b",
    r"\bargyfwng iechyd meddwl\b",
    r"\bchwalfa\w*",
    r"\bpwl (?:o )?(?:banig|panig|gorbryder)\b",
    r"\bofn (?:am|dros) (?:fy|ein|ei) (?:mywyd|bywyd|fywyd|mywydau|diogelwch|niogelwch|mhlant|plant)\b",
    rf"\bmethu cadw (?:fy hun|fy hunan|y plant|nhw|ni) yn {_CY_SAFE}\b",
    r"\bsamariaid\b",
    r"\b(?:tabledi|dabledi|pils|bils) (?:n |yn )?(?:allan|barod) (?:gen i|gyda fi|o mlaen i)\b",
    r"\b(?:marciau|cleisiau|gleisiau|llosgiadau|creithiau) (?:drosti|drosto|drostyn|dros ei|dros eu"
    r"|dros fy)\b",
    r"\b(?:cadw|gadw|chadw|nghadw) (?:\w+ ){0,2}(?:n |yn )?(?:garcharor|carcharor|gaeth|gaethwas)\b",
    r"\b(?:angen|isio|eisiau|rhaid i mi) (?:dianc|ffoi|gadael|mynd allan) (?:heno|rwan|nawr|cyn iddo"
    r"|cyn iddi)\b",
    r"\b(?:ddim yn |dim |methu )(?:gweld|weld) (?:ffordd allan|dyfodol|pwynt mewn|unrhyw bwynt)\b",
    r"\blluniau (?:noeth|anweddus)\b",
    r"\b(?:ein|eu) (?:cloi|gloi|nghloi) (?:ni |nhw )?(?:yn|i mewn|tu mewn)\b",
    r"\b(?:gwneud|wneud|gorfodi|orfodi) i (?:mi|fi) (?:roi|rhoi|drosglwyddo) (?:fy|ei) (?:holl )?(?:arian"
    r"|budd ?daliadau|fudd ?daliadau|mudd ?daliadau|cyflog|nghyflog|pensiwn|mhensiwn|cerdyn|ngherdyn)\b",
    r"\bcynllunio sut (?:i |y byswn i n |byswn i n )?(?:wneud o|neud o|gwneud o|ei wneud|ladd fy hun|mynd)\b",
    r"\b(?:cysgu|gysgu) a (?:pheidio|peidio|byth yn) (?:deffro|neffro)\b",
    r"\b(?:byw|fyw) neu (?:n )?(?:marw|farw)\b",
    r"\bbyw heb ofn\b|\bllinell gymorth (?:cam drin|trais|hunanladdiad|argyfwng)\b",
    r"\bmethu (?:gwneud|wneud|neud|diodde|dioddef|cymryd|gymryd) (?:hyn|hwn|hyn i gyd"
    r"|dim mwy)(?: \w+)? (?:rhagor|mwyach|ddim mwy|dim mwy|bellach)\b",
    r"\bcreulon\w* (?:at|i|tuag at) (?:blentyn|plentyn|blant|plant|fabi|babi|fy|ei|eu|oedolyn|hen)\b",
    r"\bmanteisio (?:arno|arni|arnyn|arna i|arnaf|ar fy|ar ei)\b",
    rf"\b{_CY_HOME}(?: \w+){{0,4}} (?:peryglus|beryglus|anniogel|uffern)(?: \w+){{0,2}} i (?:mi|fi|ni"
    r"|r plant)\b",
    r"\bofn (?:bod|aros|mynd) (?:yn y ty|adra|adre|adref|gartre|gartref)\b",
    r"\b(?:dewis|ddewis|trefnu|threfnu) (?:gwr|wr|gwraig|wraig|rhywun|dyn) i (?:mi|fi|hi|fo)\b"
    r"|\bddim yn cael (?:dweud|deud) na\b",
    r"\b(?:pryder|bryder|mhryder|phryder|adroddiad|atgyfeiriad|tim|mater|problem) diogelu\b"
    r"|\bdiogelu (?:plant|plentyn|oedolion|oedolyn|pobl)\b",
    # harm to a person: "fy nharo", "ei churo hi", "yn taro'r babi", "curo mam"
    rf"\bfy {_CY_HARM_ME}\b(?! allan| fy hun)",
    rf"\b(?:ei|eu|ein|dy) {_CY_HARM_VERB}\b",
    r"\b(?:taro|curo|dyrnu|cicio|tagu|gwthio|brifo|bwrw|waldio|colbio|slapio|hitio|cam drin|camdrin|treisio"
    r"|bygwth|bwlio|llusgo|ysgwyd|esgeuluso|cloi|newynu|llwgu) (?:y |r |yr |fy |ei |eu "
    rf"|ein )?{_CY_PERSON}\b",
    r"\b(?:cam drin|camdrin|camdriniaeth|gamdriniaeth|camdriniol|gamdriniol|cham drin|gam drin"
    r"|ngham drin)\w*",
    rf"\b{mutated('cam drin')}\b",
    r"\btrais\b",
    rf"\b{mutated('treisio')}\b",
    rf"\b(?:perthynas|{_CY_PERSON}|o|e|hi|nhw|fo) (?:\w+ )?(?:yn |n )?(?:dreisgar|treisgar|threisgar"
    r"|gamdriniol|camdriniol|rheolgar|reolgar|controlling)\b",
    r"\b(?:yn|n) (?:controlling|rheolgar|reolgar)\b",
    r"\b(?:rheoli|reoli) (?:iawn|popeth|pob dim|bob dim|fy (?:arian|mywyd|ffon|nghyflog|mudd daliadau"
    r"|nghardyn)|lle dw i|beth dw i|be dw i|pwy dw i)\b",
    r"\brheolaeth (?:drwy|trwy) (?:orfodaeth|gorfodaeth)\b|\brheolaeth gymhellol\b"
    r"|\bymddygiad (?:rheolaethol|rheolgar|gorfodol)\b",
    r"\b(?:bygwth|fygwth|mygwth) (?:fy |ei |y |r )?(?:lladd|ladd|brifo|frifo|mrifo|taro|daro|curo|guro"
    r"|niweidio|cymryd y plant|mynd ar plant|mynd a r plant|mynd ar plant)\b",
    r"\b(?:lladd|ladd) (?:fi|hi|fo|nhw|ni)\b",
    r"\b(?:rhybuddio|rybuddio|dweud wrtha i|deud wrtha i|bygwth|fygwth|mygwth)(?: \w+){0,3} (?:gadw"
    r"|cadw) (?:n |yn )?(?:dawel|ddistaw|gyfrinach|cyfrinach|ceg ar gau)\b",
    r"\b(?:codi ofn|dychryn) (?:arna i|arnaf|arnon ni|ar y plant|ar fy|arnom)\b",
    r"\b(?:werthu|gwerthu|gwerthu ei|werthu ei) ?(?:ei|eu|fy)? (?:hun|hunan|hunain|chorff|gorff|corff"
    r"|nghorff)\b",
    rf"\b(?:ddim|dim)(?: \w+){{0,3}} {_CY_SAFE} (?:efo|hefo|gyda|o gwmpas|gydag) (?:fo|hi|nhw"
    rf"|fy {_CY_PERSON}|{_CY_PERSON}|y {_CY_PERSON}|r {_CY_PERSON}|ei {_CY_PERSON})\b",
    rf"\bymosod\w* (?:arna|arnaf|arno|arni|arnon|ar fy {_CY_PERSON}|ar {_CY_PERSON})\b",
    r"\brhywiol\b",
    r"\b(?:gorfodi|orfodi|ngorfodi|gorfod|orfod) (?:\w+ ){0,3}(?:i )?(?:gael|cael) rhyw\b",
    r"\bstalkio\b|\bstelcian\b|\bstelcio\b",
    r"\bfy (?:hitio|slapio|pwnio|waldio|colbio|bwlio)\b",
    r"\b(?:o|e|fe|fo|hi|nhw) (?:wedi |n |yn )?(?:malu|falu|dorri|torri|cymryd|gymryd|cuddio"
    r"|guddio) fy (?:ffon|ffôn|mhasbort|pasbort|allweddi|ngherdyn)\b",
    r"\b(?:tracio|dracio|gwirio|wirio|darllen|ddarllen|monitro|fonitro|mynd trwy|mynd drwy) fy (?:ffon"
    r"|negeseuon|negeseuon testun|tecsts|e byst|nghar|lleoliad)\b",
    r"\b(?:ddim yn |ddim n |dydy o ddim yn |dydy hi ddim yn )?gadael i (?:mi|fi) (?:weld|gweld|fynd allan"
    r"|mynd allan|siarad|gael fy|cael fy|adael|gadael) (?:fy |y |r |efo |hefo |gyda  |a )?(?:nheulu|teulu"
    r"|ffrindiau|nhy|ty|mam|nhad|neb|chwaer|mrawd)\b",
    r"\bddim yn cael (?:gadael|mynd allan o|mynd o) (?:y |r )?(?:ty|fflat)\b",
    r"\bgadael y (?:ty|fflat) (?:hebddo|hebddi|hebddyn)\b",
    r"\b(?:o|e|fe|fo|hi|nhw) (?:tu allan|y tu allan|wrth|yn curo|n curo|yn cicio|n cicio"
    r"|yn trio dod i mewn) (?:i r|ir|i|y|r) ?(?:drws|ffenest|ffenestr|ty|fflat)\b",
    r"\b(?:cymryd|gymryd|dwyn|ddwyn|gwagio|wagio) (?:arian o i |arian o ei |arian o u |arian o eu |ei "
    r"|eu )?(?:chyfrif|gyfrif|cyfrif|pensiwn|phensiwn|bensiwn|budd ?daliadau|fudd ?daliadau|harian|cynilion"
    r"|chynilion|gynilion)\b",
    r"\b(?:cymryd|gymryd|dwyn|ddwyn) fy (?:nghyflog|ngherdyn|mudd ?daliadau|mhensiwn)\b|\b(?:cymryd|gymryd"
    r"|dwyn|ddwyn) fy (?:arian|nghyflog|budd ?daliadau) i gyd\b",
    rf"\b(?:ofn|ofnus|dychryn) (?:o |rhag )?(?:fy|ei) {_CY_PERSON}\b",
    r"\bofn (?:o|fo|e|hi|nhw|ef)\b",
    rf"\b(?:ofn|ofnus|dychryn) (?:mynd|dod) (?:yn ol |nol )?(?:{_CY_HOME}|i r ty|ir ty|i r fflat)\b",
    rf"\b(?:ddim|dim|nid|anniogel|byth)(?: \w+){{0,3}} {_CY_SAFE}(?: \w+){{0,5}} {_CY_HOME}\b",
    rf"\b{_CY_HOME}(?: \w+){{0,3}} (?:ddim|dim|byth)(?: \w+){{0,3}} {_CY_SAFE}\b",
    rf"\b(?:rhywle|unman|rywle|lle) {_CY_SAFE}(?: i (?:fynd|aros|cysgu|gysgu|guddio|cuddio)"
    r"| heno)?\b(?! i (?:gadw|storio|roi|parcio))",
    rf"\b{mutated('lloches')}\b(?! (?:bws|bysiau|anifeiliaid|i anifeiliaid|cwn|i gwn|ysmygu|i r nos|ir nos"
    r"|dros nos|am y nos|nos))",
    r"\bwerth ei fyw\b|\bwerth byw\b",
    r"\b(?:dwylo|ddwylo|nwylo|law|llaw|fraich|braich|rhaff|raff|belt) (?:am|o gwmpas|rownd|ar) (?:fy"
    r"|ei) (?:ngwddf|gwddf|wddf|chwddf)\b",
    r"\bofn (?:beth|be) (?:wnaiff|neith|wneith|neiff|wna|wnan|nawn) (?:o|fo|e|hi|nhw)\b",
    r"\b(?:o|fo|e|hi) (?:ddim yn |ddim n |byth yn )rhoi (?:dim )?arian i (?:mi|fi)\b",
    rf"\b(?:oedolyn|dyn|dynion|dieithryn|dieithriaid|rhywun)(?: \w+){{0,3}} (?:anfon negeseuon|negesu"
    rf"|yn negesu|siarad|sgwrsio|cysylltu) (?:at|efo|gyda|a|hefo) (?:fy|ei) {_CY_PERSON}\b",
    r"\b(?:plentyn|blentyn|plant|blant|babi|fabi|hogyn bach|hogan fach|bachgen bach"
    r"|merch fach)(?: \w+){0,5} (?:allan|tu allan|yn crwydro|n crwydro) ar (?:ei ben ei hun|ei phen ei hun"
    r"|eu pennau eu hunain)\b",
    r"\b(?:lletywr|lletywraig|gofalwr|ofalwr|gofalwyr|ofalwyr|cymydog|gymydog|ffrind|rhywun|dieithryn"
    r"|glanhawr)(?: \w+){0,3} (?:n |yn )?(?:defnyddio|ddefnyddio|cymryd|gymryd|gwario|wario) (?:ei"
    r"|eu) (?:gerdyn|cherdyn|cerdyn|cyfrif|gyfrif|chyfrif|pensiwn|phensiwn|bensiwn|arian|harian|cynilion)\b",
    rf"\b(?:gadael|adael) (?:fy |ei |y |r )?{_CY_PERSON}(?: \w+){{0,2}} (?:mewn|yn) (?:gwely|wely|dillad"
    r"|nillad) (?:gwlyb|wlyb|budr|fudr|brwnt|frwnt)\b",
    r"\b(?:dianc|ddianc|ffoi|ffoi rhag) (?:oddi wrth|oddi wrtho|oddi wrthi|oddi wrthyn|rhag)\b",
    r"\b(?:bygwth|fygwth|mygwth) (?:\w+ )?(?:llosgi|losgi) (?:y |r )?(?:ty|fflat|lle|cartref|nghartref)\b",
    r"\b(?:cyn|nghyn|chyn|gyn)(?: bartner| gariad| wr| wraig)?(?: \w+){0,3} (?:dod i|troi fyny|troi i fyny"
    r"|aros tu allan|aros y tu allan|fy nilyn|dilyn fi)\b",
    r"\b(?:cadw|casglu|gasglu|hel|cuddio) (?:tabledi|dabledi|pils|bils|moddion|foddion|paracetamol"
    r"|barasetamol)\b",
    r"\b(?:gwr|wr|ngwr|partner|mhartner|bartner|cariad|nghariad|gariad|o|fo|e|fe|hi|nhw|dad|tad|nhad|mab|fab"
    r"|cyn|nghyn)(?: \w+){0,2} (?:wedi )?(?:torri|dorri) fy (?:mraich|nhrwyn|asennau|ngen|ngarddwrn|nghoes"
    r"|mysedd|nannedd|nant)\b",
    r"\bneb (?:yn |n )?(?:gweld|sylwi|poeni|malio|hidio)(?: \w+){0,2} (?:fy ngholli|colli fi|fy eisiau"
    r"|isio fi|amdana i|os bydda i n marw|os bydda i wedi mynd)\b",
    r"\b(?:tabledi|dabledi|nhabledi|pils|bils|rhaff|raff) (?:n |yn )?barod\b",
    r"\bgadael i (?:mi|fi) (?:adael|fynd allan|fynd or ty|fynd o r ty|weld neb|siarad efo neb"
    r"|siarad a neb)\b",
    r"\b(?:gwneud|wneud|neud|gorfodi|orfodi|ngorfodi) i (?:mi|fi|hi|fo) (?:wneud|gwneud|neud) (?:pethau"
    r"|petha|pethe|rhywbeth|pethau rhywiol)\b",
    rf"\b{_CY_PERSON}(?: \w+){{0,3}} (?:n |yn |cael eu |cael ei )?(?:llwgu|lwgu|newynu|cael eu llwgu)\b",
    r"\b(?:dw i|dwi|rydw i|rwy|ydw i|ni|dan ni|rydan ni|mae hi|mae o|mae e|maen nhw|mae r plant"
    r"|rydyn ni) (?:\w+ )?mewn perygl\b(?! o (?:golli|gael|colli|lifogydd|llifogydd|ddisgyn|syrthio))",
    rf"\b{_CY_PERSON}(?: \w+){{0,2}} (?:wedi |yn )?(?:rhedeg|redeg|dianc|ddianc) (?:i ffwrdd|oddi cartref"
    rf"|o adref|o adre)\b|\b{_CY_PERSON}(?: \w+){{0,2}} (?:ar goll|wedi mynd ar goll|wedi diflannu)\b",
    r"\b(?:ganddo|ganddi|gyda fe|gyda hi|efo fo|efo hi|hefo fo|hefo hi|gafael mewn|chwifio) (?:fo |hi "
    r"|e )?(?:\w+ )?(?:cyllell|gyllell|chyllell|gwn|wn|arf|cyllyll|gyllyll)\b",
    rf"\b{_mutations('gorffen')} (?:y cyfan|popeth|bopeth|fy mywyd|y cwbl|pethau|bethau)\b",
    r"\b(?:meddwl am|mynd i|isio|eisiau|am) (?:neidio|neud naid)\b(?! (?:y ciw|i mewn|ar))",
    r"\b(?:cymryd|gymryd|llyncu|lyncu|cymerais|llyncais) (?:\d+|ugain|deg ar hugain|llwyth) o (?:dabledi"
    r"|tabledi|bils|pils|barasetamol|paracetamol|foddion|moddion)\b",
    r"\b(?:rhoi|roi) r gorau i (?:fyw|byw|fywyd|bywyd|y cyfan|popeth|bopeth)\b",
    # children: neglect, grooming, exploitation
    rf"\b{mutated('gadael')}(?: \w+){{0,3}} (?:ar eu pennau eu hunain|ar ein pennau ein hunain"
    r"|ar ei ben ei hun|ar ei phen ei hun|ar ben eu hunain|ar eu pen eu hunain|heb fwyd|heb neb"
    r"|heb oruchwyliaeth|heb ddillad)\b",
    rf"\b{_CY_PERSON}(?: \w+){{0,3}} heb (?:fwyd|fwyta|fwydo|ddim bwyd)\b",
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
    r"\b(?:defnyddio|ddefnyddio|gorfodi|orfodi|talu|dalu)(?: \w+){0,3} (?:i )?(?:werthu|gwerthu|gario|cario"
    r"|symud|delio|ddelio) (?:cyffuriau|gyffuriau|drygs|pecynnau)\b",
    r"\bllinellau sirol\b|\bcounty lines\b",
    r"\b(?:camfanteisio|gamfanteisio|nghamfanteisio)\w*",
    r"\bcaethwas\w*|\bmasnachu pobl\b",
    # adults at risk
    r"\b(?:oedolyn|oedolion|person|pobl) (?:bregus|agored i niwed)\b(?! (?:\w+ ){0,3}(?:casgliad|bin|biniau"
    r"|gostyngiad|parcio|blaenoriaeth|rhestr))",
    rf"\b(?:arw|garw) (?:efo|hefo|gyda|a) (?:fo|hi|nhw|fy {_CY_PERSON}|{_CY_PERSON}|y preswylwyr"
    r"|r preswylwyr|r cleifion)\b",
    rf"\b(?:gweiddi ar|sgrechian ar) (?:fy |y |r )?{_CY_PERSON}\b(?: \w+){{0,3}} (?:ei|eu) {_CY_HARM_VERB}\b",
    # forced marriage, FGM
    r"\b(?:gorfodi|orfodi|ngorfodi|gorfod|orfod|gwneud|wneud|neud|pwyso ar|anfon|hanfon|gyrru|yrru"
    r"|ngyrru) (?:\w+ ){0,3}(?:i )?(?:briodi|priodi)\b",
    r"\bpriodas (?:dan orfod|gorfodol|orfodol|dan bwysau)\b",
    r"\b(?:dramor|tramor|yn ol adre|yn ol adref|i ffwrdd)(?: \w+){0,2} (?:i |ar gyfer )(?:briodi|priodi"
    r"|briodas|priodas)\b",
    r"\byn erbyn (?:fy|ei|eu|ein) (?:ewyllys|hewyllys)\b",
    r"\banffurfio organau cenhedlu\b|\bfgm\b",
)

# Council business -------------------------------------------------------------------------------
# Never blanked and never a reason to miss what the screen finds: only a reason to doubt the
# classifier, which takes "partner", "husband" or "safe" for a disclosure whatever the rest says.

_EN_BUSINESS = (
    r"(?:council tax|bin|bins|bin day|collection|collections|tenancy|tenant|parking|permit|blue badge|"
    r"direct debit|bill|bills|discount|rent|register|registering|vote|voting|housing form|form|"
    r"application|account|planning|pothole|street ?light|recycling|tip|library|school place|"
    r"assisted collection|single person|wedding|book|booking|registry office|register office|ceremony|"
    r"hospital|care home fees|carers allowance|car|drive|driveway|van)"
)
_EN_RELATION = (
    r"(?:partner|husband|wife|boyfriend|girlfriend|ex|ex partner|ex husband|ex wife|mrs|missus|fiance|"
    r"fiancee)"
)

ENGLISH_COUNCIL_BUSINESS = (
    rf"\b{_EN_RELATION}\b(?: \w+){{0,8}} {_EN_BUSINESS}\b",
    rf"\b{_EN_BUSINESS}\b(?: \w+){{0,8}} {_EN_RELATION}\b",
    rf"\b(?:phone|call|ring|talk to|speak to|speak with|contact|email) (?:\w+ ){{0,3}}(?:about|regarding|re"
    rf"|for) (?:my |the |our |a |an )?(?:\w+ )?{_EN_BUSINESS}\b",
    r"\b(?:misuse|misused|misusing|misuses)\b",
    rf"\b{_SCARED} (?:that |of |the |my |our |a )*(?:\w+ )?(?:{_VEHICLE}|{_ANIMAL}|heights|ladders?|spiders?"
    r"|the dark|flooding|floods?)\b",
)

_CY_BUSINESS = (
    r"(?:treth|dreth|nhreth|threth|treth y cyngor|treth cyngor|bin|min|biniau|miniau|casgliad|gasgliad|"
    r"tenantiaeth|denantiaeth|nhenantiaeth|parcio|barcio|trwydded|drwydded|bathodyn glas|debyd|bil|"
    r"disgownt|gostyngiad|rhent|cofrestru|gofrestru|pleidleisio|ffurflen|cais|gais|nghais|cyfrif|"
    r"cynllunio|twll|golau stryd|ailgylchu|domen|llyfrgell|lle ysgol|person sengl|priodas|briodas|seremoni|"
    r"swyddfa gofrestru|ysbyty|ffioedd|car|gar|nghar|dreif|nreif|fan)"
)
_CY_RELATION = (
    r"(?:partner|bartner|mhartner|phartner|gwr|wr|ngwr|gwraig|wraig|ngwraig|cariad|gariad|nghariad|"
    r"cyn bartner|nghyn bartner|cyn|nghyn)"
)

WELSH_COUNCIL_BUSINESS = (
    # someone else who cannot cope is social care's (as in English)
    r"\b(?:mam|dad|nhad|nain|taid|hi|o|fo|e|nhw)(?: \w+){0,3} (?:ddim yn gallu|methu) (?:ymdopi|dygymod)\b",
    rf"\b(?:ofn|ofnus) (?:y |r |yr )?(?:\w+ )?{_CY_ANIMAL}\b",
    r"\b(?:cam ?ddefnydd\w*|gam ?ddefnydd\w*|ngham ?ddefnydd\w*)",
    rf"\b{_CY_RELATION}\b(?: \w+){{0,8}} {_CY_BUSINESS}\b",
    rf"\b{_CY_BUSINESS}\b(?: \w+){{0,8}} {_CY_RELATION}\b",
    rf"\b(?:ffonio|siarad|cysylltu|ebostio) (?:\w+ ){{0,4}}(?:am|ynglyn a|ynghylch) (?:fy |y |yr |r "
    rf"|ein )?(?:\w+ )?{_CY_BUSINESS}\b",
)


# Screening --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Screening:
    """What the screen found in one message: the words of the first disclosure pattern that matched
    (None when none did), and whether the message has a known near-miss sense or is plainly about
    ordinary council business (which makes a safeguarding guess of the classifier doubtful)."""

    disclosure: str | None
    near_miss: bool

    @property
    def hit(self) -> bool:
        """True when the message discloses that someone is at risk."""
        return self.disclosure is not None


class CrisisScreen:
    """Compiled patterns of every language: near-miss senses, disclosures and council business.

    Each list is also compiled as one alternation, searched in one pass: several times faster than
    a pass per pattern. The near-miss patterns then run one by one only when that pass finds one of
    them, so that each blanks its own words.
    """

    def __init__(
        self, near_misses: Iterable[str], disclosures: Iterable[str], council_business: Iterable[str]
    ) -> None:
        near_misses, disclosures = tuple(near_misses), tuple(disclosures)
        self.near_misses = tuple(re.compile(pattern) for pattern in near_misses)
        self.any_near_miss = _union(near_misses)
        self.disclosures = _union(disclosures)
        self.council_business = _union(council_business)

    def screen(self, text: str) -> Screening:
        """Blank out the near-miss senses in the normalised message, then look for a disclosure."""
        words = normalise(text)
        spans = []
        if self.any_near_miss.search(words):
            spans = [_trigger(found) for guard in self.near_misses for found in guard.finditer(words)]
        near_miss = bool(spans) or self.council_business.search(words) is not None
        if found := self.disclosures.search(_blanked(words, spans)):
            return Screening(found.group(0).strip(), near_miss)
        return Screening(None, near_miss)


def _union(patterns: Iterable[str]) -> re.Pattern[str]:
    """One pattern matching wherever any of `patterns` does (their named groups dropped)."""
    return re.compile("|".join(f"(?:{pattern.replace('(?P<x>', '(?:')})" for pattern in patterns))


def _trigger(found: re.Match[str]) -> tuple[int, int]:
    """The words a near-miss pattern blanks: its group `x` when it has one ("the pavement isnt safe"
    blanks "isnt safe"), else all it matched. Blanking little keeps a disclosure beside it visible."""
    if "x" in found.re.groupindex and found.group("x") is not None:
        return found.span("x")
    return found.span()


def _blanked(words: str, spans: Iterable[tuple[int, int]]) -> str:
    """`words` with each span replaced by " # " (so the words either side do not join up)."""
    pieces, position = [], 0
    for start, end in sorted(spans):
        if end <= position:
            continue
        pieces += [words[position : max(start, position)], " # "]
        position = end
    pieces.append(words[position:])
    return "".join(pieces)


@cache
def default_screen() -> CrisisScreen:
    """The screen with every language's terms, compiled once."""
    return CrisisScreen(
        (*ENGLISH_NEAR_MISSES, *WELSH_NEAR_MISSES),
        (*ENGLISH_DISCLOSURES, *WELSH_DISCLOSURES),
        (*ENGLISH_COUNCIL_BUSINESS, *WELSH_COUNCIL_BUSINESS),
    )


def screen(text: str, language: str) -> Screening:
    """What the screen finds in `text`, written in a conversation in `language`.

    Every language's terms are screened whatever `language` is: residents switch language mid-chat
    (English in a Welsh conversation is common), and a missed disclosure costs more than a few
    microseconds of extra patterns.
    """
    del language  # see above: the terms of every language apply
    return default_screen().screen(text)


def crisis_in(text: str, language: str) -> bool:
    """True when `text` discloses that someone is at risk of harm: suicide or self-harm, abuse of a
    child or adult, domestic abuse, forced marriage, not being safe at home, a crisis now."""
    return screen(text, language).hit


def is_crisis(text: str, language: str, prediction: Prediction) -> bool:
    """Whether the agent must answer `system.safeguarding` first, whatever else the conversation is doing.

    Yes when the screen finds a disclosure, or when the classifier chose `system.safeguarding` with at
    least CLASSIFIER_CONFIDENCE and the message has none of the screen's near-miss senses ("the noise
    is killing me") and is not plainly council business ("my partner wants to pay the council tax",
    "can i phone someone about my bin"), which the classifier often takes for a disclosure.
    """
    found = screen(text, language)
    if found.hit:
        return True
    return (
        prediction.intent_id == SAFEGUARDING
        and prediction.confidence >= CLASSIFIER_CONFIDENCE
        and not found.near_miss
    )
