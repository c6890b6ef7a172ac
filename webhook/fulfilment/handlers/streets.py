"""Street reports (potholes, street lights, fly-tipping, graffiti and the like) and noise complaints:
taken through the council's Open311 endpoint across turns, or sent to its form (see reporting.py)."""

from __future__ import annotations

from webhook.fulfilment.answers import library_reply
from webhook.fulfilment.handlers.reporting import take_report
from webhook.fulfilment.registry import registry
from webhook.fulfilment.turn import Reply, Turn

#: The word each report's questions and quick replies start with, so an answer is understood as the
#: same intent again. Welsh is machine-drafted: it needs review by a Welsh speaker.
KEYWORDS = {
    "streets.pothole": {"en": "Pothole", "cy": "Twll yn y ffordd"},
    "streets.streetlight": {"en": "Street light", "cy": "Golau stryd"},
    "streets.flytipping": {"en": "Fly-tipping", "cy": "Tipio anghyfreithlon"},
    "streets.other_problem": {"en": "Street problem", "cy": "Problem stryd"},
    "environment.noise": {"en": "Noise complaint", "cy": "Sŵn"},
}


@registry.register("streets.report")
def street_report(turn: Turn) -> Reply:
    """Report a problem on the street: potholes, street lights, fly-tipping and other problems."""
    if turn.resolved.routed:
        return library_reply(turn)
    keyword = _keyword(turn)
    problem = _problem_name(turn)
    details = f"{problem}: {turn.query_text}" if problem else turn.query_text
    return take_report(turn, problem or keyword, details)


@registry.register("environment.noise")
def noise(turn: Turn) -> Reply:
    """Report a noise problem."""
    if turn.resolved.routed:
        return library_reply(turn)
    return take_report(turn, _keyword(turn), turn.query_text)


def _keyword(turn: Turn) -> str:
    keyword = KEYWORDS.get(turn.intent_name, KEYWORDS["streets.other_problem"])
    return keyword.get(turn.language, keyword["en"])


def _problem_name(turn: Turn) -> str | None:
    """The street problem the resident named (graffiti, dog fouling ...), as they would call it."""
    value = turn.parameter("problem")
    entity = turn.library.entities.get("street_problem")
    if not isinstance(value, str) or entity is None:
        return None
    entries = entity.languages.get(turn.language) or entity.languages.get("en") or ()
    for entry in entries:
        if entry.value == value and entry.synonyms:
            return entry.synonyms[0][:1].upper() + entry.synonyms[0][1:]
    return None
