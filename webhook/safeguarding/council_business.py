"""Plain signs of ordinary council business ("my partner wants to pay the council tax").

Never blanked and never a reason to miss what the screen finds: only a reason to doubt the
classifier, which takes "partner", "husband" or "safe" for a disclosure whatever the rest says."""

from __future__ import annotations

from webhook.safeguarding.english_words import ANIMAL, SCARED, VEHICLE
from webhook.safeguarding.welsh_words import CY_ANIMAL

# Never blanked and never a reason to miss what the screen finds: only a reason to doubt the
# classifier, which takes "partner", "husband" or "safe" for a disclosure whatever the rest says.

_EN_BUSINESS = (
    r"(?:council tax|bin|bins|bin day|collection|collections|tenancy|tenant|parking|permit|blue badge"
    r"|direct debit|bill|bills|discount|rent|register|registering|vote|voting|housing form|form|application"
    r"|account|planning|pothole|street ?light|recycling|tip|library|school place|assisted collection"
    r"|single person|wedding|book|booking|registry office|register office|ceremony|hospital|care home fees"
    r"|carers allowance|car|drive|driveway|van)"
)
_EN_RELATION = (
    r"(?:partner|husband|wife|boyfriend|girlfriend|ex|ex partner|ex husband|ex wife|mrs|missus|fiance"
    r"|fiancee)"
)

ENGLISH = (
    rf"\b{_EN_RELATION}\b(?: \w+){{0,8}} {_EN_BUSINESS}\b",
    rf"\b{_EN_BUSINESS}\b(?: \w+){{0,8}} {_EN_RELATION}\b",
    r"\b(?:phone|call|ring|talk to|speak to|speak with|contact|email) (?:\w+ ){0,3}(?:about|regarding|re"
    rf"|for) (?:my |the |our |a |an )?(?:\w+ )?{_EN_BUSINESS}\b",
    r"\b(?:misuse|misused|misusing|misuses)\b",
    rf"\b{SCARED} (?:that |of |the |my |our |a )*(?:\w+ )?(?:{VEHICLE}|{ANIMAL}|heights|ladders?|spiders?"
    r"|the dark|flooding|floods?)\b",
    # aids, adaptations and assessments for an older or disabled resident are adult social care's services
    r"\b(?:grab rails?|hand ?rails?|stair ?lifts?|ramps?|walk in shower|wet room|level access|adaptations?"
    r"|disabled facilities grant|care assessment|needs assessment|care package|meals on wheels|pendant alarm"
    r"|community alarm|lifeline|telecare|key safe|bus pass|assisted (?:bin )?collection)\b",
    # company for someone lonely is a service to sign up to: "a lunch club so dad isnt on his own"
    r"\b(?:lunch club|luncheon club|befriending|befriender|day centre|day center|coffee morning|social club"
    r"|mens shed|men s shed|friendship group)\b",
    # a landlord's gas safety duties are a certificate to show, not a leak
    r"\bgas safe(?:ty)? (?:certificate|cert|check|record|inspection|register|engineer)s?\b",
    # supplies and keys handed over when a home changes hands, and a supplier's compensation
    r"\b(?:compensation|final (?:meter )?reading|final bill|meter readings?|switch(?:ing)? suppliers?"
    r"|empty (?:flat|house|property|home)|void (?:flat|house|property)|moving out|moving house"
    r"|move out date|hand(?:ing)? (?:the |my )?keys back)\b",
)

_CY_BUSINESS = (
    r"(?:treth|dreth|nhreth|threth|treth y cyngor|treth cyngor|bin|min|biniau|miniau|casgliad|gasgliad"
    r"|tenantiaeth|denantiaeth|nhenantiaeth|parcio|barcio|trwydded|drwydded|bathodyn glas|debyd|bil|disgownt"
    r"|gostyngiad|rhent|cofrestru|gofrestru|pleidleisio|ffurflen|cais|gais|nghais|cyfrif|cynllunio|twll"
    r"|golau stryd|ailgylchu|domen|llyfrgell|lle ysgol|person sengl|priodas|briodas|seremoni"
    r"|swyddfa gofrestru|ysbyty|ffioedd|car|gar|nghar|dreif|nreif|fan)"
)
_CY_RELATION = (
    r"(?:partner|bartner|mhartner|phartner|gwr|wr|ngwr|gwraig|wraig|ngwraig|cariad|gariad|nghariad"
    r"|cyn bartner|nghyn bartner|cyn|nghyn)"
)

WELSH = (
    # someone else who cannot cope is social care's (as in English)
    r"\b(?:mam|dad|nhad|nain|taid|hi|o|fo|e|nhw)(?: \w+){0,3} (?:ddim yn gallu|methu) (?:ymdopi|dygymod)\b",
    rf"\b(?:ofn|ofnus) (?:y |r |yr )?(?:\w+ )?{CY_ANIMAL}\b",
    r"\b(?:cam ?ddefnydd\w*|gam ?ddefnydd\w*|ngham ?ddefnydd\w*)",
    rf"\b{_CY_RELATION}\b(?: \w+){{0,8}} {_CY_BUSINESS}\b",
    rf"\b{_CY_BUSINESS}\b(?: \w+){{0,8}} {_CY_RELATION}\b",
    r"\b(?:ffonio|siarad|cysylltu|ebostio) (?:\w+ ){0,4}(?:am|ynglyn a|ynghylch) (?:fy |y |yr |r "
    rf"|ein )?(?:\w+ )?{_CY_BUSINESS}\b",
    # aids, adaptations and assessments (as in English)
    r"\b(?:canllaw|canllawiau|lifft grisiau|ramp|addasiad\w*|grant cyfleusterau|asesiad (?:gofal|anghenion)"
    r"|pecyn gofal|larwm(?! (?:co|carbon|nwy))|blwch allweddi|tocyn bws"
    r"|casgliad (?:bin |biniau )?(?:a|gyda|efo) (?:chymorth"
    r"|cymorth))\b",
    # company for someone lonely (as in English): "clwb cinio fel bod dad ddim ar ben ei hun"
    r"\b(?:clwb cinio|glwb cinio|nghlwb cinio|cyfeillio|gyfeillio|canolfan ddydd|ganolfan ddydd|bore coffi"
    r"|fore coffi|clwb cymdeithasol|glwb cymdeithasol|grwp cyfeillgarwch)\b",
    r"\b(?:tystysgrif|dystysgrif|archwiliad) diogelwch nwy\b",
    # supplies and keys handed over when a home changes hands (as in English)
    r"\b(?:iawndal|darlleniad (?:mesurydd|terfynol)|bil terfynol|ty gwag|dy gwag|fflat gwag|eiddo gwag"
    r"|symud allan|symud ty|newid cyflenwr|goriadau nol|allweddi nol)\b",
)
