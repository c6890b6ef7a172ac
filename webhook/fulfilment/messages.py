"""The webhook's own words, for when no library response fits (a failed lookup, an unknown intent).

Welsh here is machine-drafted and needs review by a Welsh speaker, like the library's.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "lookup_failed": {
        "en": "Sorry, I can't check that right now.",
        "cy": "Mae'n ddrwg gen i, alla i ddim gwirio hynny ar hyn o bryd.",
    },
    "unknown_intent": {
        "en": "Sorry, I can't help with that here. You can call {phone} or visit {website}.",
        "cy": (
            "Mae'n ddrwg gen i, alla i ddim helpu gyda hynny yma. "
            "Gallwch ffonio {phone} neu fynd i {website}."
        ),
    },
    "contact_us": {
        "en": "You can call {phone} or visit {website}.",
        "cy": "Gallwch ffonio {phone} neu fynd i {website}.",
    },
    "quick_replies_title": {"en": "You can also ask:", "cy": "Gallwch hefyd ofyn:"},
}


def message(key: str, language: str, **values: str) -> str:
    """A message in the language (English when it has no such language), with values filled in."""
    texts = MESSAGES[key]
    return texts.get(language, texts["en"]).format(**values)
