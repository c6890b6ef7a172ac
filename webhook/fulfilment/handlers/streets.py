"""Street reports (potholes, street lights, fly-tipping, graffiti and the like) and noise complaints:
taken through the council's Open311 endpoint across turns, or sent to its form (see reporting.py)."""

from __future__ import annotations

from webhook.fulfilment.answers import library_reply
from webhook.fulfilment.handlers.reporting import take_report
from webhook.fulfilment.registry import handler
from webhook.fulfilment.turn import Reply, Turn

#: Per intent, the message holding the word each report's questions and quick replies start with, so an
#: answer is understood as the same intent again.
KEYWORD_MESSAGES = {
    "streets.pothole": "streets.keyword_pothole",
    "streets.streetlight": "streets.keyword_streetlight",
    "streets.flytipping": "streets.keyword_flytipping",
    "streets.other_problem": "streets.keyword_other_problem",
    "environment.noise": "streets.keyword_noise",
}


@handler("streets.report")
def street_report(turn: Turn) -> Reply:
    """Report a problem on the street: potholes, street lights, fly-tipping and other problems."""
    if turn.resolved.routed:
        return library_reply(turn)
    keyword = _keyword(turn)
    problem = _problem_name(turn)
    details = f"{problem}: {turn.query_text}" if problem else turn.query_text
    return take_report(turn, problem or keyword, details)


@handler("environment.noise")
def noise(turn: Turn) -> Reply:
    """Report a noise problem."""
    if turn.resolved.routed:
        return library_reply(turn)
    return take_report(turn, _keyword(turn), turn.query_text)


def _keyword(turn: Turn) -> str:
    return turn.say(KEYWORD_MESSAGES.get(turn.intent_name, "streets.keyword_other_problem"))


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
