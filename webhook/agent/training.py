"""The training data of one council's classifier in one language, with annotated phrases expanded.

Every training phrase becomes a `TrainingPhrase`: its plain text (annotations removed) and, when it is
annotated, a few variants with other values of the same entity, so "bin day for [AA1 1AA](postcode)" also
trains as "bin day for AA9 9ZZ" and "bin day for [black bin](bin_type)" as "bin day for food caddy".
A phrase and its variants stay together, so cross-validation never tests a phrase on its own variant.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Mapping
from dataclasses import dataclass

from webhook.library.annotations import PhrasePart, parse_phrase, plain_text
from webhook.library.model import Council, Intent, Library
from webhook.library.resolve import resolved_intent

FALLBACK_INTENT = "system.fallback"

# Values the classifier sees in place of annotated system entities; the library's own annotated values
# of the same entity are added to these.
SYSTEM_SAMPLES: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "en": {
        "sys.date": ("tomorrow", "monday", "next tuesday", "last friday", "3rd of march", "12/05/2026"),
        "sys.time": ("3pm", "10:30", "half past nine", "midday"),
        "sys.number": ("2", "three", "10", "45"),
        "sys.email": ("sam@example.com", "j.smith@mail.example"),
        "sys.phone-number": ("07700 900123", "01632 960555"),
        "sys.given-name": ("Sam", "Priya", "Gareth"),
        "sys.any": ("the high street", "outside the school", "church lane", "the corner by the shop"),
    },
    "cy": {
        "sys.date": ("yfory", "dydd llun", "dydd mawrth nesaf", "ddoe", "3 mawrth", "12/05/2026"),
        "sys.time": ("3pm", "10:30", "hanner dydd"),
        "sys.number": ("2", "tri", "10"),
        "sys.email": ("sam@example.com",),
        "sys.phone-number": ("07700 900123", "01632 960555"),
        "sys.given-name": ("Sioned", "Gareth", "Rhys"),
        "sys.any": ("y stryd fawr", "tu allan i'r ysgol", "lôn yr eglwys"),
    },
}


@dataclass(frozen=True)
class TrainingPhrase:
    """One training phrase of an intent: its plain text first, then its expanded variants."""

    intent_id: str
    texts: tuple[str, ...]

    @property
    def text(self) -> str:
        """The phrase as written, annotations removed."""
        return self.texts[0]


@dataclass(frozen=True)
class TrainingSet:
    """Every training phrase of the intents one council offers in one language."""

    council: str
    language: str
    phrases: tuple[TrainingPhrase, ...]

    @property
    def intent_ids(self) -> tuple[str, ...]:
        """The intents that have at least one phrase, in the order first seen."""
        return tuple(dict.fromkeys(p.intent_id for p in self.phrases))

    def digest(self) -> str:
        """A content hash of the phrases and their labels (not of the council's name)."""
        hasher = hashlib.sha256(self.language.encode())
        for phrase in self.phrases:
            for text in phrase.texts:
                hasher.update(b"\x00" + phrase.intent_id.encode() + b"\x01" + text.encode())
            hasher.update(b"\x02")
        return hasher.hexdigest()


def offered_intents(library: Library, council: Council, language: str) -> list[Intent]:
    """The intents the council offers that have text in `language`, in id order."""
    return [
        intent
        for intent_id, intent in sorted(library.intents.items())
        if council.offers(intent_id) and language in intent.languages
    ]


def training_set(library: Library, council: Council, language: str, max_variants: int = 6) -> TrainingSet:
    """The council's training phrases in `language` (council extra phrases included), expanded."""
    samples = entity_samples(library, language)
    phrases: list[TrainingPhrase] = []
    for intent in offered_intents(library, council, language):
        resolved = resolved_intent(library, council, intent.id, language)
        entity_of = {p.name: p.entity for p in intent.parameters}
        seen: set[str] = set()
        for sourced in resolved.phrases:
            parts = parse_phrase(sourced.value)
            texts = [plain_text(sourced.value)]
            texts += expand(parts, entity_of, samples, max_variants)
            unique = tuple(t for t in dict.fromkeys(texts) if t not in seen)
            seen.update(unique)
            if unique:
                # Every fallback intent's phrases are negative examples: they train the one class of
                # what is not council business (a context-scoped fallback has no class of its own).
                label = FALLBACK_INTENT if intent.fallback else intent.id
                phrases.append(TrainingPhrase(label, unique))
    return TrainingSet(council.slug, language, tuple(phrases))


def entity_samples(library: Library, language: str) -> dict[str, tuple[str, ...]]:
    """For each entity, the values a phrase may be expanded with, in `language`.

    Map and list entities give their values and synonyms; every entity also gives the values annotated
    with it anywhere in the library (so regexp entities such as postcode get real-looking examples);
    system entities add a few built-in samples.
    """
    system = SYSTEM_SAMPLES.get(language, SYSTEM_SAMPLES["en"])
    values: dict[str, list[str]] = {name: list(samples) for name, samples in system.items()}
    for name, entity in sorted(library.entities.items()):
        for entry in entity.languages.get(language, ()):
            values.setdefault(name, []).extend(entry.synonyms or (entry.value,))
    for _, intent in sorted(library.intents.items()):
        if language not in intent.languages:
            continue
        entity_of = {p.name: p.entity for p in intent.parameters}
        for text in intent.languages[language].phrases:
            for part in parse_phrase(text):
                if part.parameter in entity_of:
                    values.setdefault(entity_of[part.parameter], []).append(part.text)
    return {name: tuple(dict.fromkeys(found)) for name, found in values.items()}


def expand(
    parts: tuple[PhrasePart, ...],
    entity_of: Mapping[str, str],
    samples: Mapping[str, tuple[str, ...]],
    max_variants: int,
) -> list[str]:
    """Up to `max_variants` copies of an annotated phrase with other values in its annotated parts.

    The choice is random but seeded by the phrase, so the same library always trains the same model.
    """
    phrase = "".join(part.text for part in parts)
    chooser = random.Random(hashlib.sha256(phrase.encode()).digest())
    pools: dict[int, list[str]] = {}  # position of an annotated part -> the values it may take
    for position, part in enumerate(parts):
        entity = entity_of.get(part.parameter or "", "")
        pool = [value for value in samples.get(entity, ()) if value != part.text]
        if part.parameter and pool:
            chooser.shuffle(pool)
            pools[position] = pool
    if not pools:
        return []
    variants = [
        "".join(
            pools[position][index % len(pools[position])] if position in pools else part.text
            for position, part in enumerate(parts)
        )
        for index in range(max_variants)
    ]
    return list(dict.fromkeys(variants))
