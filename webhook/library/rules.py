"""Semantic rules that the JSON Schemas cannot express. Each rule has an id and yields Problems.

Rules only see files that parsed and passed their schema, so they may trust the shapes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from webhook.library.annotations import AnnotationError, normalise, parse_phrase, plain_text
from webhook.library.model import Council, Intent, Library
from webhook.library.placeholders import placeholders, unknown_reason
from webhook.library.problems import Location, Problem, Severity
from webhook.library.resolve import resolved_intent
from webhook.library.yaml_loader import Document

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
MINIMUM_PHRASES = {"en": 25, "cy": 12}
_SECRET_KEY = re.compile(r"(password|passwd|secret|token|api_?key|key|credentials?)$", re.IGNORECASE)
# Words that say nothing about which intent a phrase belongs to (English and Welsh).
_STOPWORDS = frozenset(
    (
        "a an the i im me my mine we our you your is are am was be been do does did to of for in on at "
        "it its this that and or please can could would will how what when where which who why with "
        "fy y yr ar o ac yn mae ydy oes eich ein ti chi dw in beth pryd ble sut"
    ).split()
)


@dataclass(frozen=True)
class Rule:
    """A rule: its id, how serious its problems are, what it checks, and the check itself."""

    id: str
    severity: Severity
    summary: str
    check: Callable[[Library], Iterator[tuple[Location, str]]] | None = None


RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: Severity, summary: str) -> Callable:
    """Register a rule's check under its id."""

    def register(check: Callable[[Library], Iterator[tuple[Location, str]]]) -> Callable:
        RULES[rule_id] = Rule(rule_id, severity, summary, check)
        return check

    return register


# Rules reported while loading files rather than by a check function below.
for _id, _summary in (
    ("yaml-syntax", "the file is not valid YAML, or uses anchors, aliases or merge keys"),
    ("duplicate-key", "a key appears twice in one mapping"),
    ("schema", "the file breaks its JSON Schema"),
    ("name-mismatch", "an id, entity name or council slug differs from the file's place"),
):
    RULES[_id] = Rule(_id, Severity.ERROR, _summary)


def run_rules(library: Library) -> list[Problem]:
    """Every problem every rule finds."""
    problems = []
    for item in RULES.values():
        if item.check is not None:
            problems += [
                Problem(location, item.severity, item.id, message)
                for location, message in item.check(library)
            ]
    return problems


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
    owners: dict[tuple[str, str], tuple[str, Location]] = {}
    for language, owner, location, phrase in _all_phrases(library):
        plain = _safe_plain(phrase)
        if plain is None:
            continue
        key = (language, normalise(plain))
        first = owners.setdefault(key, (owner, location))
        if first[0] != owner:
            yield (
                location,
                (
                    f"phrase {plain!r} also trains {first[0]} ({first[1].path.name}:{first[1].line}); "
                    "a phrase may belong to one intent only"
                ),
            )


def _content_words(plain: str) -> frozenset[str]:
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
        words = _content_words(plain)
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
def _entity_unknown(library: Library) -> Iterator[tuple[Location, str]]:
    for intent in library.intents.values():
        for index, parameter in enumerate(intent.parameters):
            known = parameter.entity in (SYSTEM_ENTITIES if parameter.is_system else library.entities)
            if not known:
                yield (
                    intent.document.locate(("parameters", index, "entity")),
                    (
                        f"unknown entity type {parameter.entity!r}: add intents/entities/"
                        f"{parameter.entity}.yaml or use a system entity such as sys.date"
                    ),
                )


def _text_locations(document: Document, prefix: tuple, texts: dict) -> Iterator[tuple[Location, str]]:
    """Walk response data (as written) yielding each string with its location."""
    for key, value in texts.items():
        path = (*prefix, key)
        if isinstance(value, str):
            yield document.locate(path), value
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, str):
                    yield document.locate((*path, index)), item
                elif isinstance(item, dict):
                    yield from _text_locations(document, (*path, index), item)
        elif isinstance(value, dict):
            yield from _text_locations(document, path, value)


def _response_sources(library: Library) -> Iterator[tuple[Location, str]]:
    for intent in library.intents.values():
        for language in intent.languages:
            prefix = ("languages", language, "responses")
            data = intent.document.data["languages"][language]["responses"]
            yield from _text_locations(intent.document, prefix, data)
    for council in library.councils.values():
        overrides = council.document.data.get("intents", {}).get("overrides", {})
        for intent_id, by_language in overrides.items():
            for language, override in by_language.items():
                prefix = ("intents", "overrides", intent_id, language, "responses")
                yield from _text_locations(council.document, prefix, override.get("responses", {}))


@rule("placeholder-unknown", Severity.ERROR, "a response names a placeholder no council can define")
def _placeholder_unknown(library: Library) -> Iterator[tuple[Location, str]]:
    for location, text in _response_sources(library):
        for name, offset in placeholders(text):
            reason = unknown_reason(name)
            if reason:
                yield Location(location.path, location.line, location.column + offset), reason


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
    for council in library.councils.values():
        if isinstance(council.county, str) and library.council(council.county) is None:
            continue  # every county fact is missing; county-unknown says why, once
        for intent in _offered(library, council):
            missing: dict[str, list[str]] = defaultdict(list)
            for language in council.languages:
                if language not in intent.languages:
                    continue  # reported by language-parity
                # Memoised: the webhook answers from these same resolutions after start-up.
                resolved = resolved_intent(library, council, intent.id, language)
                for name in resolved.unresolved:
                    if unknown_reason(name) is None:
                        missing[name].append(language)
            for name, languages in sorted(missing.items()):
                yield (
                    council.document.locate(("contact",), key=True),
                    (
                        f"{intent.id} ({', '.join(languages)}) uses {{{name}}}, which {council.slug} does "
                        "not define: add the fact, override the response, or disable the intent"
                    ),
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
def _overlay_unknown_intent(library: Library) -> Iterator[tuple[Location, str]]:
    for council in library.councils.values():
        document = council.document
        named: list[tuple[tuple, str]] = [
            (("intents", "disabled", i), intent_id) for i, intent_id in enumerate(council.disabled)
        ]
        named += [(("intents", "overrides", intent_id), intent_id) for intent_id in council.overrides]
        named += [(("services", intent_id), intent_id) for intent_id in council.services]
        for path, intent_id in named:
            if intent_id not in library.intents:
                yield document.locate(path, key=True), f"no intent {intent_id!r} in the library"


@rule("context-orphan", Severity.ERROR, "an intent needs an input context that no intent outputs")
def _context_orphan(library: Library) -> Iterator[tuple[Location, str]]:
    outputs = {c.name for intent in library.intents.values() for c in intent.output_contexts}
    for intent in library.intents.values():
        for index, name in enumerate(intent.input_contexts):
            if name not in outputs:
                yield (
                    intent.document.locate(("contexts", "input", index)),
                    (f"input context {name!r} is output by no intent, so {intent.id} can never match"),
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
def _followup_unknown(library: Library) -> Iterator[tuple[Location, str]]:
    for intent in library.intents.values():
        if intent.followup_of and intent.followup_of not in library.intents:
            yield intent.document.locate(("followup_of",)), f"no intent {intent.followup_of!r}"


@rule("county-unknown", Severity.ERROR, "a district names a county overlay that does not exist")
def _county_unknown(library: Library) -> Iterator[tuple[Location, str]]:
    for council in library.councils.values():
        if not isinstance(council.county, str):
            continue
        county = library.council(council.county)
        if county is None:
            yield (
                council.document.locate(("county",)),
                (
                    f"no council overlay {council.county!r}: add councils/{council.county}/council.yaml "
                    "or give the county's name and website here"
                ),
            )
        elif county.tier != "county":
            yield (
                council.document.locate(("county",)),
                (f"{council.county!r} is a {county.tier} council, not a county"),
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
            values += [(("services", intent_id, k), v) for k, v in service.items()]
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
