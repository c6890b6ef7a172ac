"""Find, parse and schema-check every file of a library folder, and build the typed library."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from webhook.library.model import (
    Card,
    Council,
    CountyFacts,
    Entity,
    EntityEntry,
    GlossaryTerm,
    Intent,
    IntentLanguage,
    LanguageOverride,
    Library,
    Link,
    Message,
    OutputContext,
    Parameter,
    Responses,
    RoutingMessage,
)
from webhook.library.problems import Location, Problem, Severity
from webhook.library.schemas import missing_schemas, schema_problems, validators
from webhook.library.yaml_loader import Document, load_document
from webhook.register.load import load_register

ROUTING_FILE = Path("intents/routing.yaml")
GLOSSARY_FILE = Path("intents/glossary.yaml")
MESSAGES_FOLDER = Path("intents/messages")


@dataclass(frozen=True)
class LoadResult:
    """The library built from every file that is valid, and the problems of those that are not.

    `unloaded` maps each file left out of the library (broken YAML, schema or name) to where its first
    problem is, so that what it knocks on elsewhere can be traced back to it.
    """

    library: Library
    problems: list[Problem]
    unloaded: Mapping[Path, Location] = field(default_factory=dict)


class LibraryNotFound(RuntimeError):
    """No folder holding intents/ and councils/ was given or found. A RuntimeError, so gunicorn prints
    the message alone, as it does for create_app's other refusals to start."""


def find_repository_root(start: Path | None = None) -> Path:
    """The nearest folder at or above `start` (the current directory) holding intents/ and councils/.

    Falls back to the checkout when the package runs from source, so the CLI works from anywhere there;
    an installed package has no such fallback, and raises LibraryNotFound.
    """
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if is_library(folder):
            return folder
    if (checkout := source_checkout()) is not None:
        return checkout
    raise LibraryNotFound(
        f"no library found: neither {here} nor a folder above it holds intents/ and councils/; "
        "set LIBRARY_DIR (or pass --library) to the folder that does"
    )


def source_checkout() -> Path | None:
    """The repository this package runs from, or None when it is installed (e.g. in site-packages)."""
    root = Path(__file__).resolve().parents[2]
    return root if (root / "pyproject.toml").is_file() and is_library(root) else None


def is_library(folder: Path) -> bool:
    """Whether `folder` holds a library: intents/ and councils/."""
    return (folder / "intents").is_dir() and (folder / "councils").is_dir()


def intent_files(root: Path) -> list[Path]:
    """intents/<area>/<name>.yaml, leaving out entities/, messages/ and schema/."""
    reserved = ("entities", "messages", "schema")
    return sorted(path for path in (root / "intents").glob("*/*.yaml") if path.parent.name not in reserved)


def entity_files(root: Path) -> list[Path]:
    return sorted((root / "intents" / "entities").glob("*.yaml"))


def council_files(root: Path) -> list[Path]:
    return sorted((root / "councils").glob("*/council.yaml"))


def message_files(root: Path) -> list[Path]:
    """intents/messages/<area>.yaml: the bot's own sentences, one file per area."""
    return sorted((root / MESSAGES_FOLDER).glob("*.yaml"))


def load_library(root: Path, *, check_schemas: bool = True) -> LoadResult:
    """Load a library folder. Files that cannot be parsed or break their schema are left out.

    `check_schemas=False` trusts the files' shapes: only for a library this exact version of the code
    has already validated (webhook/library/stamp.py)."""
    root = root.resolve()
    missing = missing_schemas(root)
    if missing:  # nothing can be checked: say which files are missing rather than fail on the first
        empty = Library(root=root, intents={}, entities={}, councils={}, routing={})
        return LoadResult(library=empty, problems=missing)
    checks = validators(root)
    problems: list[Problem] = []
    unloaded: dict[Path, Location] = {}

    def documents(paths: list[Path], kind: str) -> list[Document]:
        valid = []
        for path in paths:
            document, found = load_document(path)
            problems.extend(found)
            if document is not None:
                found = schema_problems(document, checks[kind]) if check_schemas else []
                problems.extend(found)
                if not found:
                    valid.append(document)
                    continue
            unloaded[path] = min(problem.location for problem in found)
        return valid

    intents = _keyed(documents(intent_files(root), "intent"), _build_intent, _intent_key, problems)
    entities = _keyed(documents(entity_files(root), "entity"), _build_entity, _entity_key, problems)
    councils = _keyed(documents(council_files(root), "council"), _build_council, _council_key, problems)
    routing: dict[str, RoutingMessage] = {}
    if (root / ROUTING_FILE).exists():
        for document in documents([root / ROUTING_FILE], "routing"):
            routing = _build_routing(document)
    else:
        problems.append(
            Problem(
                Location(root / ROUTING_FILE),
                Severity.ERROR,
                "schema",
                "the routing messages file is missing",
            )
        )
    if not (root / MESSAGES_FOLDER).is_dir():
        problems.append(
            Problem(
                Location(root / MESSAGES_FOLDER), Severity.ERROR, "schema", "the messages folder is missing"
            )
        )
    areas = _keyed(documents(message_files(root), "messages"), _build_messages, _messages_key, problems)
    messages = {message.id: message for area in areas.values() for message in area}
    glossary: tuple[GlossaryTerm, ...] = ()
    if (root / GLOSSARY_FILE).exists():  # optional: a library may keep no glossary
        for document in documents([root / GLOSSARY_FILE], "glossary"):
            glossary = _build_glossary(document)
    register = load_register(root)
    problems += [
        Problem(
            Location(found.path), Severity.ERROR, "register", f"{found.where}: {found.message}".lstrip(": ")
        )
        for found in register.problems
    ]
    library = Library(
        root=root,
        intents=intents,
        entities=entities,
        councils=councils,
        routing=routing,
        messages=messages,
        glossary=glossary,
        register=register.register,
    )
    # `_keyed` leaves out a file whose id, name or slug differs from its place.
    unloaded |= {p.location.path: p.location for p in problems if p.rule == "name-mismatch"}
    return LoadResult(library=library, problems=problems, unloaded=unloaded)


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


def _messages_key(document: Document) -> tuple[str, str, str]:
    return "area", document.data["area"], document.path.stem


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
                default=p.get("default"),
            )
            for p in data.get("parameters", ())
        ),
        input_contexts=tuple(contexts.get("input", ())),
        output_contexts=tuple(
            OutputContext(c["name"], c.get("lifespan", 5)) for c in contexts.get("output", ())
        ),
        webhook_contexts=tuple(contexts.get("from_webhook", ())),
        webhook=fulfilment.get("webhook", False),
        handler=fulfilment.get("handler"),
        slot_filling=fulfilment.get("slot_filling", False),
        dialogflow=data.get("dialogflow", {}),
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
        messages=data.get("messages", {}),
        welsh_mutations=data.get("welsh_mutations", {}),
    )


def _build_glossary(document: Document) -> tuple[GlossaryTerm, ...]:
    return tuple(
        GlossaryTerm(
            english=term["en"],
            welsh=term["cy"],
            avoid=tuple(term.get("avoid", ())),
            document=document,
            index=index,
        )
        for index, term in enumerate(document.data["terms"])
    )


def _build_routing(document: Document) -> dict[str, RoutingMessage]:
    return {
        kind: RoutingMessage(
            kind=kind,
            responses={lang: build_responses(text["responses"]) for lang, text in message.items()},
            reviews={lang: text["review"] for lang, text in message.items()},
            document=document,
        )
        for kind, message in document.data.items()
    }


def _build_messages(document: Document) -> tuple[Message, ...]:
    """An area's messages, each with its text in every language the file gives it."""
    languages = document.data["languages"]
    keys = dict.fromkeys(key for text in languages.values() for key in text["messages"])
    return tuple(
        Message(
            id=f"{document.data['area']}.{key}",
            texts={
                language: text["messages"][key]
                for language, text in languages.items()
                if key in text["messages"]
            },
            reviews={language: text["review"] for language, text in languages.items()},
            document=document,
        )
        for key in keys
    )
