"""Welsh word classes the patterns are built from, and `mutated`, which lets a pattern name a word once
and match it in its radical, soft, nasal and aspirate forms. Machine-drafted: needs review by a Welsh
speaker."""

from __future__ import annotations

from collections.abc import Mapping

from webhook.safeguarding.english_words import any_of, word_trie

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


def forms(word: str) -> tuple[str, ...]:
    """`word` (a Welsh word in its radical form) and its mutations: forms("cam drin") is "cam drin",
    "gam drin", "ngham drin" and "cham drin"; a vowel may take an h ("ei harian", her money)."""
    if word.startswith(_UNMUTATED_DIGRAPHS):
        return (word,)
    for initial in ("ll", "rh", word[:1]):
        if word.startswith(initial) and initial in _MUTATIONS:
            return tuple(head + word[len(initial) :] for head in (initial, *_MUTATIONS[initial]))
    if word[:1] in "aeiouwy":
        return (word, "h" + word)
    return (word,)


def mutated(word: str) -> str:
    """A pattern matching `word` (a Welsh word in its radical form) and its mutations:
    mutated("cam drin") matches "cam drin", "gam drin", "ngham drin" and "cham drin"."""
    return word_trie(*forms(word))


def mutations(*words: str) -> str:
    """A pattern matching any of `words` (Welsh, radical forms) in any of their mutations."""
    return word_trie(*(form for word in words for form in forms(word)))


#: Harm verbs (verbal nouns, radical forms); hyphenated ones are written with a space, as normalised.
CY_HARM = (
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
    "bwgwth",
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
CY_HARM_VERB = mutations(*CY_HARM)
#: Verbs that harm only with "fy" (me): "ei gloi" is as often "lock it" (the gate) as "lock him".
CY_HARM_ME = mutations(
    *CY_HARM, "cloi", "cyffwrdd", "dilyn", "tracio", "rheoli", "lladd", "gwasgu", "dychryn"
)


def nasal(word: str) -> str | None:
    """The nasal mutation of `word` (radical form), or None for a word that has none: nasal("taro") is
    "nharo", nasal("curo") "nghuro", nasal("dyrnu") "nyrnu"."""
    found = forms(word)
    for initial in ("c", "p", "t"):
        if word.startswith(initial) and not word.startswith(_UNMUTATED_DIGRAPHS):
            return found[2]
    if word.startswith(("g", "b", "d")) and not word.startswith(_UNMUTATED_DIGRAPHS):
        return found[-1]
    return None


#: Harm verbs in the nasal mutation that "fy" (me) causes, for when the "fy" is left unwritten, as it
#: often is: "nath o nharo i" (he hit me), "nghloi i yn y fflat" (locked me in the flat).
CY_HARM_NASAL = word_trie(
    *(
        form
        for word in (*CY_HARM, "cloi", "cyffwrdd", "dilyn", "tracio", "gwasgu", "dychryn", "taflu")
        if (form := nasal(word)) is not None
    )
)
CY_PERSON = mutations(
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
CY_SAFE = r"(?:saff|ddiogel|diogel|nyogel)"
CY_HOME = (
    r"(?:adra|adre|adref|gartre|gartref|nghartref|nghartre|cartref|yn y ty|yn ty|ir ty|i r ty|fy nhy|nhy"
    r"|ty fy hun|fy fflat)"
)
CY_WANT = r"(?:isio|eisiau|isie|moyn|jyst isio|jest isio|jyst eisiau|ishio)"
CY_SELF = r"(?:fy hun|fy hunan|ei hun|ei hunan|eu hunain|ein hunain|dy hun)"
CY_ANIMAL = (
    r"(?:ci|gi|nghi|cwn|gwn|nghwn|cath|gath|nghath|cathod|ceffyl|geffyl|ngheffyl|ceffylau|anifail|anifeiliaid"
    r"|merlen|llwynog|llwynogod|gwylanod|gwylan|adar|aderyn|llygod|cacwn|gwenyn)"
)
CY_THING = (
    r"(?:car|nghar|gar|char|bin|min|biniau|miniau|wal|ffens|drws(?! nesa)|nrws|ffenest|ffenestr|giat|beic"
    r"|meic|fan|bolard|arwydd|golau|lamp|coeden|goeden|cysgodfa|safle bws|to|sied|garej|nghoeden|ngiat)"
)
CY_PLACE = (
    r"(?:gardd|ardd|ngardd|parc|barc|lon|ty|adeilad|eiddo|tir|rhandir|mynwent|fynwent|llwybr|lwybr|stryd"
    r"|ffordd|cae|gae|iard|coed|goed|eglwys|capel|gapel|ystad|fflat|fflatiau|bin|min|biniau)"
)

#: What is done to an animal (the RSPCA's business, not the council's safeguarding team's).
CY_ANIMAL_HARM = any_of(
    *(mutated(verb) for verb in ("cam drin", "camdrin", "esgeuluso", "taro", "curo", "cicio")),
    "ymosod",
    "newynu",
    "codi ofn",
    "dychryn",
)

#: Nowhere (a place), northern and southern: "unman", "nunlle".
CY_NOWHERE = r"(?:unman|nunman|nunlle|unlle|nunlla|unlla|yn unman)"
#: No place, which also means no room ("dim lle i barcio"): only with sleeping or tonight.
CY_NO_PLACE = r"(?:dim lle|heb le|heb unrhyw le|dim unrhyw le|does dim lle)"
#: Soon enough to be tonight's problem.
CY_TONIGHT = r"(?:heno|nos heno|heddiw|rwan|nawr|neithiwr|bore ma|bore heddiw)"
#: A child's age said outright: "dwi'n 15", "dim ond 14 ydy hi", "16 oed".
CY_CHILD_AGE = (
    r"(?:(?:dw i|dwi|rydw i|rwy|wi|mae hi|mae o|mae e|mae fe|hi|fo|o|e|dim ond|ond) (?:n |yn )?(?:1[0-7]"
    r"|[5-9])\b(?! (?:punt|diwrnod|wythnos|mis|awr|munud|milltir))|\b(?:1[0-7]|[5-9]) oed)"
)
#: An older person's age: "dwi'n 82", "yn ei 90au".
CY_OLD_AGE = (
    r"(?:(?:dw i|dwi|rydw i|rwy|wi|mae hi|mae o|mae e|mae fe|hi|fo|o|e|mam|dad|nain|taid) (?:n "
    r"|yn )(?:[7-9]\d|1[01]\d)\b|yn (?:ei|eu) (?:[7-9]0au|saithdegau|wythdegau|nawdegau)|\b(?:[7-9]\d"
    r"|1[01]\d) oed)"
)
#: A young child: "plentyn bach", "babi", "hogan fach".
CY_YOUNG_CHILD = (
    r"(?:plentyn bach|blentyn bach|plant bach|blant bach|babi|fabi|mabi|babis|hogyn bach|hogan fach"
    r"|bachgen bach|merch fach|(?:[1-9]) oed)"
)
#: A child of any age.
CY_CHILD = (
    rf"(?:{CY_YOUNG_CHILD}|plentyn|blentyn|mhlentyn|phlentyn|plant|blant|mhlant|phlant|kids|hogyn|hogan"
    r"|bachgen|fachgen|merch ifanc|ferch ifanc|mab|fab|merch|ferch|wyr|wyres|nith|nai|1[0-7] oed)"
)
