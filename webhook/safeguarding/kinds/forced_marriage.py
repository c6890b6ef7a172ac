"""Forced marriage and female genital mutilation."""

from __future__ import annotations

ENGLISH = (
    r"\b(?:picked|chosen|chose|choosing|found|arranged) (?:a )?(?:husband|wife|man|woman) for (?:me|her|him"
    r"|my \w+)\b|\bnot allowed to say no\b",
    r"\b(?:taken|taking|sent|sending|take|send|takes|sends)(?: \w+)? (?:abroad|overseas|back home"
    r"|out of the country) (?:for|to) (?:a |an |her |his |their )?(?:wedding|marriage|marry|get married"
    r"|be married)\b",
    r"\b(?:wedding|marriage|marry|husband|wife) (?:she|he|they|i) (?:doesnt|dont|does not|do not"
    r"|didnt) (?:want|agree|choose)\b",
    r"\b(?:sending|send|sent|sends|taking|take|took|takes) (?:me|him|her|them|my (?:\w+ )?\w+) (?:away "
    r"|abroad |back home |overseas )?to (?:marry|get married|be married|wed)\b",
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

WELSH = (
    r"\b(?:dewis|ddewis|trefnu|threfnu) (?:gwr|wr|gwraig|wraig|rhywun|dyn) i (?:mi|fi|hi|fo)\b"
    r"|\bddim yn cael (?:dweud|deud) na\b",
    r"\b(?:gorfodi|orfodi|ngorfodi|gorfod|orfod|gwneud|wneud|neud|pwyso ar|anfon|hanfon|gyrru|yrru"
    r"|ngyrru) (?:\w+ ){0,3}(?:i )?(?:briodi|priodi)\b",
    r"\bpriodas (?:dan orfod|gorfodol|orfodol|dan bwysau)\b",
    r"\b(?:dramor|tramor|yn ol adre|yn ol adref|i ffwrdd)(?: \w+){0,2} (?:i |ar gyfer )(?:briodi|priodi"
    r"|briodas|priodas)\b",
    r"\byn erbyn (?:fy|ei|eu|ein) (?:ewyllys|hewyllys)\b",
    r"\banffurfio organau cenhedlu\b|\bfgm\b",
)
