"""Radicalisation and planned violence: someone drawn into extremism, or talking of attacking people.

The Prevent duty's concern: a resident who says a son, a brother or a friend is watching extremist
material, is being told that some people deserve to die, or is talking about attacking people, is at
risk and so may others be. Training, policy and statistics on the same topics are near misses
(near_misses.py).
"""

from __future__ import annotations

ENGLISH = (
    r"\bradicali[sz](?:ed|ing|ation)\b",
    r"\bextremis[tm]s?\b|\bextreme (?:views|videos|content|groups?|far right|right wing|ideas)\b",
    r"\b(?:deserve|deserves|deserved) to (?:die|be killed|be wiped out)\b",
    r"\b(?:talk|talks|talking|talked|plan|plans|planning|planned|want|wants|wanting|going|gonna"
    r"|threaten\w*) (?:about |on |to )?(?:attack\w*|bomb\w*|shoot\w*|blow\w* up|stab\w*|kill\w*)"
    r" (?:people|a crowd|crowds|the (?:mosque|church|synagogue|school|crowd|march|temple|gurdwara)"
    r"|a (?:mosque|church|synagogue|school|temple|gurdwara)|muslims|jews"
    r"|christians|immigrants|foreigners|them all)\b",
    r"\bjoin(?:ing|ed)? (?:isis|daesh|a terror\w*|the jihad|jihad|a militia|the militia)\b"
    r"|\bgo (?:and |to )?fight (?:abroad|in syria|for (?:isis|daesh|the cause))\b",
    r"\bterroris[tm]\w*",
)

WELSH = (
    r"\bradicaleidd\w*",
    r"\b(?:fideos|fideo|syniadau|grwp|grwpiau|cynnwys|safbwyntiau|barn|deunydd) eithafol\b|\beithafwr\w*"
    r"|\beithafiaeth\b",
    r"\b(?:haeddu|haeddu cael eu) (?:marw|lladd|ladd)\b",
    r"\b(?:siarad am|son am|cynllunio|isio|eisiau|moyn|am|bygwth|fygwth) (?:\w+ )?(?:ymosod ar|fomio|bomio"
    r"|saethu|drywanu|trywanu|chwythu fyny|ladd|lladd) (?:bobl|pobl|y mosg|r mosg|eglwys|yr eglwys|capel"
    r"|y capel|ysgol|yr ysgol|synagog|mwslemiaid|fwslemiaid|iddewon|mewnfudwyr|fewnfudwyr|nhw i gyd)\b",
    r"\bymuno (?:a|efo|gyda) (?:isis|daesh|grwp terfysgol|milisia)\b|\bterfysg(?:aeth|wr|wyr|ol)\b",
)
