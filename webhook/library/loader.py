"""Find, parse and schema-check every file of a library folder, and build the typed library."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from webhook.library.model import (
    Card,
    Council,
    CountyFacts,
    Entity,
    EntityEntry,
    Intent,
    IntentLanguage,
    LanguageOverride,
    Library,
    Link,
    OutputContext,
    Parameter,
    Responses,
    RoutingMessage,
)
from webhook.library.problems import Location, Problem, Severity
from webhook.library.schemas import schema_problems, validators
from webhook.library.yaml_loader import Document, load_document

ROUTING_FILE = Path("intents/routing.yaml")


@dataclass(frozen=True)
class LoadResult:
    """The library built from every file that is valid, and the problems of those that are not."""

    library: Library
    problems: list[Problem]


def find_repository_root(start: Path | None = None) -> Path:
    """The nearest folder at or above `start` (the current directory) holding intents/ and councils/.

    Falls back to the checkout this package was installed from, so the CLI works from anywhere.
    """
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "intents").is_dir() and (folder / "councils").is_dir():
            return folder
    return Path(__file__).resolve().parents[2]


def intent_files(root: Path) -> list[Path]:
    """intents/<area>/<name>.yaml, leaving out entities/ and schema/."""
    return sorted(
        path for path in (root / "intents").glob("*/*.yaml") if path.parent.name not in ("entities", "schema")
    )


def entity_files(root: Path) -> list[Path]:
    return sorted((root / "intents" / "entities").glob("*.yaml"))


def council_files(root: Path) -> list[Path]:
    return sorted((root / "councils").glob("*/council.yaml"))


def load_library(root: Path) -> LoadResult:
    """Load a library folder. Files that cannot be parsed or break their schema are left out."""
    root = root.resolve()
    checks = validators(root)
    problems: list[Problem] = []

    def documents(paths: list[Path], kind: str) -> list[Document]:
        valid = []
        for path in paths:
            document, found = load_document(path)
            problems.extend(found)
            if document is None:
                continue
            found = schema_problems(document, checks[kind])
            problems.extend(found)
            if not found:
                valid.append(document)
        return valid

    intents = _keyed(documents(intent_files(root), "intent"), _build_intent, _intent_key, problems)
    entities = _keyed(documents(entity_files(root), "entity"), _build_entity, _entity_key, problems)
    councils = _keyed(documents(council_files(root), "council"), _build_council, _council_key, problems)
    routing: dict[str, RoutingMessage] = {}
    if (root / ROUTING_FILE).exists():
        for document in documents([root / ROUTING_FILE], "routing"):
            routing = _build_routing(document.data)
    else:
        problems.append(
            Problem(
                Location(root / ROUTING_FILE),
                Severity.ERROR,
                "schema",
                "the routing messages file is missing",
            )
        )
    library = Library(root=root, intents=intents, entities=entities, councils=councils, routing=routing)
    return LoadResult(library=library, problems=problems)


def _keyed(
    documents: list[Document],
    build: Callable[[Document], Any],
    expected_key: Callable[[Document], tuple[str, str, str]],
    problems: list[Problem],
) -> dict[str, Any]:
    """Build objects, checking each one's own name matches the file it lives in."""
    built: dict[str, Any] = {}
    for document in documents:
        field_name, actual, expected = expected_key(document)
        if actual != expected:
            problems.append(
                Problem(
                    document.locate((field_name,)),
                    Severity.ERROR,
                    "name-mismatch",
                    f"{field_name} is {actual!r} but the file's place says {expected!r}",
                )
            )
            continue
        built[actual] = build(document)
    return built


def _intent_key(document: Document) -> tuple[str, str, str]:
    path = document.path
    return "id", document.data["id"], f"{path.parent.name}.{path.stem}"


def _entity_key(document: Document) -> tuple[str, str, str]:
    return "name", document.data["name"], document.path.stem


def _council_key(document: Document) -> tuple[str, str, str]:
    return "slug", document.data["slug"], document.path.parent.name


def _texts(mapping: Mapping[str, list[str]] | None) -> dict[str, tuple[str, ...]]:
    return {language: tuple(values) for language, values in (mapping or {}).items()}


def build_responses(data: Mapping[str, Any]) -> Responses:
    """Responses from their YAML shape."""
    card = data.get("card")
    return Responses(
        text=tuple(data["text"]),
        quick_replies=tuple(data.get("quick_replies", ())),
        links=tuple(Link(link["text"], link["url"]) for link in data.get("links", ())),
        card=Card(
            title=card["title"],
            subtitle=card.get("subtitle", ""),
            image_url=card.get("image_url", ""),
            buttons=tuple(Link(b["text"], b["url"]) for b in card.get("buttons", ())),
        )
        if card
        else None,
    )


def _build_intent(document: Document) -> Intent:
    data = document.data
    contexts = data.get("contexts", {})
    fulfilment = data.get("fulfilment", {})
    return Intent(
        id=data["id"],
        title=data["title"],
        description=data["description"],
        tier=data["tier"],
        document=document,
        lgsl=tuple(data.get("lgsl", ())),
        when_routed=data.get("when_routed", "route"),
        fallback=data.get("fallback", False),
        followup_of=data.get("followup_of"),
        events=tuple(data.get("events", ())),
        parameters=tuple(
            Parameter(
                name=p["name"],
                entity=p["entity"],
                required=p.get("required", False),
                is_list=p.get("list", False),
                prompts=_texts(p.get("prompts")),
            )
            for p in data.get("parameters", ())
        ),
        input_contexts=tuple(contexts.get("input", ())),
        output_contexts=tuple(
            OutputContext(c["name"], c.get("lifespan", 5)) for c in contexts.get("output", ())
        ),
        webhook=fulfilment.get("webhook", False),
        handler=fulfilment.get("handler"),
        slot_filling=fulfilment.get("slot_filling", False),
        languages={
            language: IntentLanguage(
                review=text["review"],
                phrases=tuple(text["phrases"]),
                responses=build_responses(text["responses"]),
                topic=text.get("topic", ""),
            )
            for language, text in data["languages"].items()
        },
    )


def _build_entity(document: Document) -> Entity:
    data = document.data
    languages = data.get("languages", {})
    return Entity(
        name=data["name"],
        kind=data["kind"],
        document=document,
        description=data.get("description", ""),
        fuzzy=data.get("fuzzy", False),
        patterns=tuple(data.get("patterns", ())),
        languages={
            language: tuple(
                EntityEntry(entry["value"], tuple(entry.get("synonyms", ()))) for entry in text["entries"]
            )
            for language, text in languages.items()
        },
        reviews={language: text["review"] for language, text in languages.items()},
    )


def _build_council(document: Document) -> Council:
    data = document.data
    county = data.get("county")
    if isinstance(county, dict):
        county = CountyFacts(
            name=county["name"],
            website=county["website"],
            phone=county.get("phone"),
            gss_code=county.get("gss_code"),
        )
    intents = data.get("intents", {})
    return Council(
        slug=data["slug"],
        name=data["name"],
        gss_code=data["gss_code"],
        tier=data["tier"],
        nation=data["nation"],
        languages=tuple(data["languages"]),
        contact=data["contact"],
        document=document,
        county=county,
        facts=data.get("facts", {}),
        services=data.get("services", {}),
        disabled=tuple(intents.get("disabled", ())),
        overrides={
            intent_id: {
                language: LanguageOverride(
                    extra_phrases=tuple(override.get("extra_phrases", ())),
                    responses=override.get("responses", {}),
                )
                for language, override in by_language.items()
            }
            for intent_id, by_language in intents.get("overrides", {}).items()
        },
        backends=data.get("backends", {}),
        dialogflow=data.get("dialogflow"),
        webhook_env=data.get("webhook", {}),
    )


def _build_routing(data: Mapping[str, Any]) -> dict[str, RoutingMessage]:
    return {
        kind: RoutingMessage(
            kind=kind,
            responses={lang: build_responses(text["responses"]) for lang, text in message.items()},
            reviews={lang: text["review"] for lang, text in message.items()},
        )
        for kind, message in data.items()
    }
