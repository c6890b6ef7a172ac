"""Semantic rules that the JSON Schemas cannot express. Each rule has an id and yields Problems.

Rules only see files that parsed and passed their schema, so they may trust the shapes. A rule that
finds something missing (an intent, entity type or council) says what it needs: when that thing's file
did not load, the problem is a knock-on effect of the broken file, and is reported as one.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from webhook.library.annotations import AnnotationError, normalise, parse_phrase, plain_text
from webhook.library.model import Council, Intent, Library
from webhook.library.placeholders import placeholder_uses, unknown_reason
from webhook.library.problems import Location, Problem, Severity, display_path
from webhook.library.resolve import (
    LIBRARY,
    REGISTER,
    RESPONSE_FIELDS,
    ROUTING,
    ResolvedIntent,
    registered_county,
    resolved_intent,
    unresolved_names,
)
from webhook.library.rulebook import RULES, Finding, Rule, rule  # noqa: F401 - the rule book
from webhook.library.yaml_loader import Document, JsonPath

# Dialogflow's system entities that the library may use.
SYSTEM_ENTITIES = frozenset(
    {
        "sys.any",
        "sys.date",
        "sys.date-time",
        "sys.date-period",
        "sys.time",
        "sys.number",
        "sys.number-integer",
        "sys.email",
        "sys.phone-number",
        "sys.given-name",
        "sys.last-name",
        "sys.person",
        "sys.address",
        "sys.street-address",
        "sys.zip-code",
        "sys.url",
        "sys.language",
    }
)
MINIMUM_PHRASES = {"en": 25, "cy": 25}
_SECRET_KEY = re.compile(r"(password|passwd|secret|token|api_?key|key|credentials?)$", re.IGNORECASE)
# Words that say nothing about which intent a phrase belongs to (English and Welsh).
_STOPWORDS = frozenset(
    (
        "a an the i im me my mine we our you your is are am was be been do does did to of for in on at "
        "it its this that and or please can could would will how what when where which who why with "
        "fy y yr ar o ac yn mae ydy oes eich ein ti chi dw in beth pryd ble sut"
    ).split()
)


def run_rules(
    library: Library,
    *,
    unloaded: Mapping[Path, Location] | None = None,
    handler_names: Collection[str] | None = None,
) -> list[Problem]:
    """Every problem every rule finds. `unloaded` maps the files that did not load to their first
    problem (see LoadResult), which becomes the `cause` of whatever they knock on; `handler_names`,
    when given, are the fulfilment handlers an intent may name."""
    problems = []
    for item in RULES.values():
        if item.check is None:
            continue
        for found in item.check(library):
            location, message, needs = Finding(*found)
            cause = _unloaded_file(library.root, needs, unloaded or {}) if needs else None
            if cause is not None:
                message = _knock_on_message(needs, cause, library.root)
            problems.append(Problem(location, item.severity, item.id, message, cause))
    if handler_names is not None:
        rule_id = "handler-unknown"
        problems += [
            Problem(location, RULES[rule_id].severity, rule_id, message)
            for location, message in _handler_unknown(library, frozenset(handler_names))
        ]
    return problems


def _intent_file(intent_id: str) -> Path:
    area, _, name = intent_id.partition(".")
    return Path("intents", area, f"{name}.yaml")


# Where the file defining each kind of named thing lives, relative to the library root.
_DEFINED_IN: dict[str, Callable[[str], Path]] = {
    "intent": _intent_file,
    "entity type": lambda name: Path("intents", "entities", f"{name}.yaml"),
    "council": lambda slug: Path("councils", slug, "council.yaml"),
    "message": lambda message_id: Path("intents", "messages", f"{message_id.partition('.')[0]}.yaml"),
}


def _unloaded_file(root: Path, needs: tuple[str, str], unloaded: Mapping[Path, Location]) -> Location | None:
    """Where the broken file that would have given the missing thing has its first problem, if any."""
    kind, name = needs
    if kind == "context":  # any intent could output a context: one that did not load and names it
        return next(
            (
                cause
                for path, cause in sorted(unloaded.items())
                if path.is_relative_to(root / "intents") and _mentions(path, name)
            ),
            None,
        )
    return unloaded.get(root / _DEFINED_IN[kind](name))


def _mentions(path: Path, word: str) -> bool:
    try:
        return re.search(rf"\b{re.escape(word)}\b", path.read_text(encoding="utf-8")) is not None
    except (OSError, UnicodeDecodeError):
        return False


def _knock_on_message(needs: tuple[str, str], cause: Location, root: Path) -> str:
    kind, name = needs
    file = display_path(cause.path, root)
    if kind == "context":
        return f"input context {name!r} is output by no intent that loaded; {file} did not load (see above)"
    return f"{kind} {name!r} did not load (see {file} above)"


def _phrase_location(intent: Intent, language: str, index: int) -> Location:
    return intent.document.locate(("languages", language, "phrases", index))


def _all_phrases(library: Library) -> Iterator[tuple[str, str, Location, str]]:
    """(language, owner intent id, location, phrase) for library and overlay phrases alike."""
    for intent in library.intents.values():
        for language, text in intent.languages.items():
            for index, phrase in enumerate(text.phrases):
                yield language, intent.id, _phrase_location(intent, language, index), phrase
    for council in library.councils.values():
        for intent_id, by_language in council.overrides.items():
            for language, override in by_language.items():
                for index, phrase in enumerate(override.extra_phrases):
                    path = ("intents", "overrides", intent_id, language, "extra_phrases", index)
                    yield language, intent_id, council.document.locate(path), phrase


def _safe_plain(phrase: str) -> str | None:
    try:
        return plain_text(phrase)
    except AnnotationError:
        return None


@rule("phrase-duplicate", Severity.ERROR, "a training phrase appears twice in one intent")
def _phrase_duplicate(library: Library) -> Iterator[tuple[Location, str]]:
    seen: dict[tuple[str, str, str], Location] = {}
    for language, owner, location, phrase in _all_phrases(library):
        plain = _safe_plain(phrase)
        if plain is None:
            continue
        key = (owner, language, normalise(plain))
        if key in seen:
            yield location, f"phrase {plain!r} repeats line {seen[key].line} of {seen[key].path.name}"
        else:
            seen[key] = location


@rule("phrase-conflict", Severity.ERROR, "the same training phrase belongs to two intents")
def _phrase_conflict(library: Library) -> Iterator[tuple[Location, str]]:
    owners: dict[tuple[str, str], list[tuple[str, Location]]] = defaultdict(list)
    for language, owner, location, phrase in _all_phrases(library):
        plain = _safe_plain(phrase)
        if plain is None:
            continue
        earlier = owners[(language, normalise(plain))]
        first = next((o for o in earlier if o[0] != owner and _compete(library, o[0], owner)), None)
        earlier.append((owner, location))
        if first is not None:
            yield (
                location,
                (
                    f"phrase {plain!r} also trains {first[0]} ({first[1].path.name}:{first[1].line}); "
                    "a phrase may belong to one intent only"
                ),
            )


def _compete(library: Library, first: str, second: str) -> bool:
    """Whether two intents compete for the same messages on equal terms: not when they need different
    input contexts. "what time does it open" means the polling station's hours after a polling-station
    answer, the recycling centres' after theirs, and the council's offices otherwise; Dialogflow
    prefers the intent whose contexts are active, so the same words may train all three."""
    a, b = library.intents.get(first), library.intents.get(second)
    if a is None or b is None:
        return True
    return set(a.input_contexts) == set(b.input_contexts)


def content_words(plain: str) -> frozenset[str]:
    """The words of a phrase that carry its meaning (normalised, stop words left out): what the
    near-duplicate rule compares, and what a suggested phrase is checked against."""
    return frozenset(word for word in normalise(plain).split() if word not in _STOPWORDS)


@rule(
    "phrase-near-duplicate",
    Severity.WARNING,
    "two intents have phrases with the same content words, or one word apart",
)
def _phrase_near_duplicate(library: Library) -> Iterator[tuple[Location, str]]:
    exact: dict[tuple[str, frozenset[str]], list[tuple[str, Location, str]]] = defaultdict(list)
    entries = []
    for language, owner, location, phrase in _all_phrases(library):
        plain = _safe_plain(phrase)
        if plain is None:
            continue
        words = content_words(plain)
        if len(words) < 2:
            continue
        exact[(language, words)].append((owner, location, plain))
        entries.append((language, owner, location, plain, words))
    reported: set[tuple[Location, Location]] = set()
    for language, owner, location, plain, words in entries:
        candidates = list(exact.get((language, words), ()))
        if len(words) >= 5:  # one word more than a long phrase elsewhere
            for word in words:
                candidates += exact.get((language, words - {word}), ())
        for other_owner, other_location, other_plain in candidates:
            if other_owner == owner or normalise(other_plain) == normalise(plain):
                continue  # same intent, or an exact conflict reported by phrase-conflict
            if not _compete(library, owner, other_owner):
                continue
            pair = (location, other_location) if location > other_location else (other_location, location)
            if pair in reported:
                continue
            reported.add(pair)
            later, earlier = (
                ((plain, location), (other_plain, other_location, other_owner))
                if pair[0] == location
                else ((other_plain, other_location), (plain, location, owner))
            )
            yield (
                later[1],
                (
                    f"phrase {later[0]!r} is close to {earlier[0]!r} of {earlier[2]} "
                    f"({earlier[1].path.name}:{earlier[1].line}); the classifier may confuse them"
                ),
            )


@rule("annotation-malformed", Severity.ERROR, "a phrase's brackets do not form [value](parameter)")
def _annotation_malformed(library: Library) -> Iterator[tuple[Location, str]]:
    for _language, _owner, location, phrase in _all_phrases(library):
        try:
            parse_phrase(phrase)
        except AnnotationError as error:
            yield location, f"{error} (at character {error.offset + 1} of {phrase!r})"


@rule(
    "annotation-unknown-parameter",
    Severity.ERROR,
    "a phrase annotates a parameter its intent does not declare",
)
def _annotation_unknown_parameter(library: Library) -> Iterator[tuple[Location, str]]:
    for _language, owner, location, phrase in _all_phrases(library):
        intent = library.intents.get(owner)
        if intent is None:
            continue
        try:
            parts = parse_phrase(phrase)
        except AnnotationError:
            continue
        for part in parts:
            if part.parameter and intent.parameter(part.parameter) is None:
                declared = ", ".join(p.name for p in intent.parameters) or "none"
                yield (
                    location,
                    (f"[{part.text}]({part.parameter}) names no parameter of {owner} (declared: {declared})"),
                )


@rule("entity-unknown", Severity.ERROR, "a parameter uses an entity type that does not exist")
def _entity_unknown(library: Library) -> Iterator[Finding]:
    for intent in library.intents.values():
        for index, parameter in enumerate(intent.parameters):
            known = parameter.entity in (SYSTEM_ENTITIES if parameter.is_system else library.entities)
            if not known:
                yield Finding(
                    intent.document.locate(("parameters", index, "entity")),
                    (
                        f"unknown entity type {parameter.entity!r}: add intents/entities/"
                        f"{parameter.entity}.yaml or use a system entity such as sys.date"
                    ),
                    ("entity type", parameter.entity),
                )


@dataclass(frozen=True)
class _Text:
    """A string of response data as written: its document, its path in it, and the string."""

    document: Document
    path: JsonPath
    text: str

    def placeholders(self) -> Iterator[tuple[str, Location]]:
        """Each placeholder name, at its own line and column in the file."""
        for use in placeholder_uses(self.text):
            yield use.name, self.locate(use.written, use.offset)

    def locate(self, needle: str, offset: int) -> Location:
        """Where the `needle` found at `offset` in the string stands in the file."""
        occurrence = self.text.count(needle, 0, offset)
        return self.document.locate_text(self.path, needle, occurrence)


def _texts_in(document: Document, path: JsonPath, value: Any) -> Iterator[_Text]:
    """Every string in response data (as written), however deep."""
    if isinstance(value, str):
        yield _Text(document, path, value)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts_in(document, (*path, index), item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts_in(document, (*path, key), item)


def _response_sources(library: Library) -> Iterator[_Text]:
    for intent in library.intents.values():
        for language in intent.languages:
            path = ("languages", language, "responses")
            yield from _texts_in(intent.document, path, _get(intent.document.data, path))
    for council in library.councils.values():
        overrides = council.document.data.get("intents", {}).get("overrides", {})
        for intent_id, by_language in overrides.items():
            for language, override in by_language.items():
                path = ("intents", "overrides", intent_id, language, "responses")
                yield from _texts_in(council.document, path, override.get("responses", {}))


@rule("placeholder-unknown", Severity.ERROR, "a response names a placeholder no council can define")
def _placeholder_unknown(library: Library) -> Iterator[tuple[Location, str]]:
    for text in _response_sources(library):
        for name, location in text.placeholders():
            reason = unknown_reason(name)
            if reason:
                yield location, reason


def _offered(library: Library, council: Council) -> Iterator[Intent]:
    for intent_id, intent in library.intents.items():
        if council.offers(intent_id):
            yield intent


@rule(
    "placeholder-undefined",
    Severity.ERROR,
    "a council offers an intent whose responses name a fact the council does not give",
)
def _placeholder_undefined(library: Library) -> Iterator[tuple[Location, str]]:
    """Reported at each text that uses the placeholder (the library's, the routing message's or the
    council's own override), once per council, naming the council and where to define it."""
    for council in library.councils.values():
        if (
            isinstance(council.county, str)
            and library.council(council.county) is None
            and registered_county(library, council) is None
        ):
            continue  # every county fact is missing; county-unknown says why, once
        for intent in _offered(library, council):
            reported: set[tuple[str, Location]] = set()
            for language in council.languages:
                if language not in intent.languages:
                    continue  # reported by language-parity
                missing = {
                    name
                    for name in unresolved_names(library, council, intent.id, language)
                    if unknown_reason(name) is None
                }
                if not missing:
                    continue
                resolved = resolved_intent(library, council, intent.id, language)
                for text in _spoken_texts(library, resolved):
                    for name, location in text.placeholders():
                        if name in missing and (name, location) not in reported:
                            reported.add((name, location))
                            yield location, _undefined_message(name, resolved)
                for name in missing - {name for name, _ in reported}:  # not found as written: say so
                    yield council.document.locate(), _undefined_message(name, resolved)


def _spoken_texts(library: Library, resolved: ResolvedIntent) -> Iterator[_Text]:
    """The response texts a council's bot speaks for an intent, each from the layer that gave it."""
    intent, council, language = resolved.intent, resolved.council, resolved.language
    for field_name in RESPONSE_FIELDS:
        layer = resolved.response_layers.get(field_name, LIBRARY)
        if layer == LIBRARY:
            document, path = intent.document, ("languages", language, "responses", field_name)
        elif layer == ROUTING and resolved.provider.message_kind in library.routing:
            kind = resolved.provider.message_kind
            document = library.routing[kind].document
            spoken = language if language in document.data.get(kind, {}) else "en"
            path = (kind, spoken, "responses", field_name)
        else:  # the council's own override
            document = council.document
            path = ("intents", "overrides", intent.id, language, "responses", field_name)
        yield from _texts_in(document, path, _get(document.data, path))


def _get(data: Any, path: JsonPath) -> Any:
    for part in path:
        data = data.get(part) if isinstance(data, dict) else None
    return data


def _undefined_message(name: str, resolved: ResolvedIntent) -> str:
    """What is missing, for which council, and where to give it."""
    council, intent = resolved.council, resolved.intent
    namespace, _, field_name = name.partition(".")
    facts = resolved.provider.facts if namespace in ("provider", "service") else None
    owner = facts.slug if facts is not None and facts.slug else council.slug
    if facts is not None and facts.layer == REGISTER:  # a county known only by name and website
        return (
            f"{{{name}}} is not defined for {council.slug}, which offers {intent.id}: its county "
            f"{council.county!r} has no overlay and the register gives no {field_name}: give the county "
            f"inline (county: name, website, {field_name}) in councils/{council.slug}/council.yaml, add "
            f"councils/{council.county}/council.yaml, or override this response there"
        )
    if facts is not None and facts.slug is None:  # a county given inline in the district's overlay
        key = f"county.{field_name}"
    elif namespace == "service":
        key = f"services.{intent.id}.{field_name}"
    elif field_name in ("phone", "email", "website", "address"):
        key = f"contact.{field_name}"
    else:
        key = f"facts.{field_name}"
    return (
        f"{{{name}}} is not defined for {council.slug}, which offers {intent.id}: give {key} in "
        f"councils/{owner}/council.yaml, override this response there, or disable the intent"
    )


@rule(
    "language-parity",
    Severity.ERROR,
    "a council speaks a language that an intent, entity or routing message it uses lacks",
)
def _language_parity(library: Library) -> Iterator[tuple[Location, str]]:
    reported: set[tuple[str, str]] = set()
    for council in library.councils.values():
        for language in council.languages:
            for intent in _offered(library, council):
                if language not in intent.languages and (intent.id, language) not in reported:
                    reported.add((intent.id, language))
                    yield (
                        intent.document.locate(("languages",), key=True),
                        (
                            f"no {language!r} phrases or responses, but {council.slug} speaks {language!r} "
                            "and offers this intent"
                        ),
                    )
                for parameter in intent.parameters:
                    entity = library.entities.get(parameter.entity)
                    if entity is None or entity.kind == "regexp" or language in entity.languages:
                        continue
                    if (entity.name, language) not in reported:
                        reported.add((entity.name, language))
                        yield (
                            entity.document.locate(("languages",), key=True),
                            (
                                f"no {language!r} entries, but {council.slug} speaks {language!r} "
                                f"and {intent.id} uses this entity"
                            ),
                        )
            for kind, message in library.routing.items():
                if language not in message.responses and (kind, language) not in reported:
                    reported.add((kind, language))
                    yield (
                        Location(library.root / "intents" / "routing.yaml"),
                        (
                            f"routing message {kind} has no {language!r} text, but {council.slug} "
                            f"speaks {language!r}"
                        ),
                    )


@rule("overlay-unknown-intent", Severity.ERROR, "a council overlay names an intent the library lacks")
def _overlay_unknown_intent(library: Library) -> Iterator[Finding]:
    for council in library.councils.values():
        document = council.document
        named: list[tuple[tuple, str]] = [
            (("intents", "disabled", i), intent_id) for i, intent_id in enumerate(council.disabled)
        ]
        named += [(("intents", "overrides", intent_id), intent_id) for intent_id in council.overrides]
        named += [(("services", intent_id), intent_id) for intent_id in council.services]
        for path, intent_id in named:
            if intent_id not in library.intents:
                message = f"no intent {intent_id!r} in the library"
                yield Finding(document.locate(path, key=True), message, ("intent", intent_id))


#: The backend each hand-off channel sends through (webhook/handoff/channels.py).
HANDOFF_BACKENDS = {"notify_email": "notifications", "open311": "reports"}


@rule("handoff-backend-missing", Severity.ERROR, "a council's hand-off needs a backend its overlay lacks")
def _handoff_backend_missing(library: Library) -> Iterator[Finding]:
    # Caught here, not at delivery: by then the resident has been told their request was passed on.
    for council in library.councils.values():
        data = council.document.data if isinstance(council.document.data, dict) else {}
        block = data.get("handoff")
        if not isinstance(block, dict):
            continue
        channel = block.get("channel")
        needed = {HANDOFF_BACKENDS[channel]: ("handoff", "channel")} if channel in HANDOFF_BACKENDS else {}
        templates = block.get("templates") if isinstance(block.get("templates"), dict) else {}
        for purpose in ("confirm_email", "confirm_sms"):
            if purpose in templates:
                needed.setdefault("notifications", ("handoff", "templates", purpose))
        for backend, path in needed.items():
            if backend not in council.backends:
                message = (
                    f"the hand-off ({path[-1]}) sends through backends.{backend}, which this overlay does "
                    f"not have: add it, or every hand-off would fail after the resident was told it was sent"
                )
                yield Finding(council.document.locate(path), message, ("council", council.slug))


@rule("context-orphan", Severity.ERROR, "an intent needs an input context that no intent outputs")
def _context_orphan(library: Library) -> Iterator[Finding]:
    outputs = {c.name for intent in library.intents.values() for c in intent.output_contexts}
    outputs |= {name for intent in library.intents.values() for name in intent.webhook_contexts}
    for intent in library.intents.values():
        for index, name in enumerate(intent.input_contexts):
            if name not in outputs:
                yield Finding(
                    intent.document.locate(("contexts", "input", index)),
                    (f"input context {name!r} is output by no intent, so {intent.id} can never match"),
                    ("context", name),
                )


@rule("default-orphan", Severity.ERROR, "a parameter's default names a context that no intent outputs")
def _default_orphan(library: Library) -> Iterator[Finding]:
    outputs = {c.name for intent in library.intents.values() for c in intent.output_contexts}
    outputs |= {name for intent in library.intents.values() for name in intent.webhook_contexts}
    for intent in library.intents.values():
        for index, parameter in enumerate(intent.parameters):
            source = parameter.default_source
            if source and source[0] not in outputs:
                yield Finding(
                    intent.document.locate(("parameters", index, "default")),
                    (
                        f"default {parameter.default!r} reads context {source[0]!r}, which no intent "
                        "outputs, so the parameter never gets it"
                    ),
                    ("context", source[0]),
                )


@rule("prompt-missing", Severity.ERROR, "a required parameter has no prompt in a language")
def _prompt_missing(library: Library) -> Iterator[tuple[Location, str]]:
    for intent in library.intents.values():
        for index, parameter in enumerate(intent.parameters):
            if not parameter.required:
                continue
            for language in intent.languages:
                if not parameter.prompts.get(language):
                    yield (
                        intent.document.locate(("parameters", index)),
                        (f"required parameter {parameter.name!r} has no {language!r} prompt to ask for it"),
                    )


@rule("followup-unknown", Severity.ERROR, "an intent follows up an intent the library lacks")
def _followup_unknown(library: Library) -> Iterator[Finding]:
    for intent in library.intents.values():
        if intent.followup_of and intent.followup_of not in library.intents:
            yield Finding(
                intent.document.locate(("followup_of",)),
                f"no intent {intent.followup_of!r}",
                ("intent", intent.followup_of),
            )


@rule("county-unknown", Severity.ERROR, "a district names a county overlay that does not exist")
def _county_unknown(library: Library) -> Iterator[Finding]:
    for council in library.councils.values():
        if not isinstance(council.county, str):
            continue
        county = library.council(council.county)
        if county is None and registered_county(library, council) is not None:
            continue  # a county with no overlay: routed by the register's name and website
        if county is None:
            yield Finding(
                council.document.locate(("county",)),
                (
                    f"no council overlay {council.county!r}: add councils/{council.county}/council.yaml "
                    "or give the county's name and website here"
                ),
                ("council", council.county),
            )
        elif county.tier != "county":
            yield Finding(
                council.document.locate(("county",)),
                f"{council.county!r} is a {county.tier} council, not a county",
            )


def _secret_keys(data: object, path: tuple) -> Iterator[tuple]:
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, str | int) and _SECRET_KEY.search(str(key)):
                yield (*path, key)
            yield from _secret_keys(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _secret_keys(value, (*path, index))


@rule("secret-in-yaml", Severity.ERROR, "an overlay holds what looks like a secret")
def _secret_in_yaml(library: Library) -> Iterator[tuple[Location, str]]:
    for council in library.councils.values():
        for path in _secret_keys(council.document.data.get("backends", {}), ("backends",)):
            yield (
                council.document.locate(path, key=True),
                (
                    f"{path[-1]!r} looks like a secret: secrets never live in YAML; name the environment "
                    f"variable instead ({path[-1]}_env: {council.slug.upper().replace('-', '_')}_...)"
                ),
            )


@rule("too-few-phrases", Severity.WARNING, "an intent has fewer training phrases than the library asks")
def _too_few_phrases(library: Library) -> Iterator[tuple[Location, str]]:
    for intent in library.intents.values():
        if intent.fallback:  # negative examples: as many as the library has
            continue
        for language, text in intent.languages.items():
            minimum = MINIMUM_PHRASES.get(language, 0)
            if len(text.phrases) < minimum:
                yield (
                    intent.document.locate(("languages", language, "phrases"), key=True),
                    (
                        f"{len(text.phrases)} {language!r} phrases; the library asks for at least {minimum} "
                        "so the classifier can learn the intent"
                    ),
                )


@rule(
    "fact-not-translated",
    Severity.WARNING,
    "a council speaks a language that one of its per-language facts lacks",
)
def _fact_not_translated(library: Library) -> Iterator[tuple[Location, str]]:
    for council in library.councils.values():
        data = council.document.data
        values = [(("name",), data["name"])]
        values += [(("contact", k), v) for k, v in data["contact"].items() if k != "opening_hours"]
        values += [(("facts", k), v) for k, v in data.get("facts", {}).items()]
        for intent_id, service in data.get("services", {}).items():
            values += [(("services", intent_id, k), v) for k, v in service.items() if k != "phone_hours"]
        for path, value in values:
            if not isinstance(value, dict):
                continue
            for language in council.languages:
                if language not in value:
                    yield (
                        council.document.locate(path),
                        (f"no {language!r} version; residents chatting in {language!r} get the English one"),
                    )


@rule("regexp-invalid", Severity.ERROR, "a regexp entity's pattern does not compile")
def _regexp_invalid(library: Library) -> Iterator[tuple[Location, str]]:
    for entity in library.entities.values():
        for index, pattern in enumerate(entity.patterns):
            try:
                re.compile(pattern)
            except re.error as error:
                yield entity.document.locate(("patterns", index)), f"invalid pattern: {error}"


@rule(
    "dialogflow-project-duplicate",
    Severity.ERROR,
    "two councils declare the same Dialogflow project, so calls could not be told apart",
)
def _dialogflow_project_duplicate(library: Library) -> Iterator[tuple[Location, str]]:
    owners: dict[str, str] = {}
    for council in library.councils.values():
        if not council.dialogflow:
            continue
        project = council.dialogflow["project_id"]
        first = owners.setdefault(project, council.slug)
        if first != council.slug:
            yield (
                council.document.locate(("dialogflow", "project_id")),
                (f"project {project!r} is also declared by {first}"),
            )


def _handler_unknown(library: Library, handler_names: frozenset[str]) -> Iterator[tuple[Location, str]]:
    """Each intent whose `fulfilment.handler` names no handler the fulfilment package provides."""
    for intent in library.intents.values():
        if intent.handler is None or intent.handler in handler_names:
            continue
        close = difflib.get_close_matches(intent.handler, handler_names, n=1)
        suggestion = f" (did you mean {close[0]!r}?)" if close else ""
        yield (
            intent.document.locate(("fulfilment", "handler")),
            (
                f"no fulfilment handler {intent.handler!r}{suggestion}: name one of the handlers in "
                "webhook/fulfilment/handlers/, or remove fulfilment.handler to answer from the responses"
            ),
        )


# Importing these registers their rules: the bot's own messages, and Welsh text.
from webhook.library import message_rules, welsh_rules  # noqa: E402, F401
