"""From a group of unanswered questions to a pull request: the intents the group was most likely meant
for, and a ready patch adding its examples as training phrases, either to the shared library's intent
file (for every council) or to one council's overlay (`intents: overrides: <intent>: <language>:
extra_phrases:`).

The patch edits the file's text rather than dumping its YAML again, so the file keeps its comments,
indentation and quoting, and the diff shows only the new lines. Every phrase offered is one the
library's validation accepts: no redaction token, no brackets read as an annotation, and no phrase the
library already has in that language (which would be a duplicate, or a conflict with another intent).
"""

from __future__ import annotations

import difflib
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from webhook.agent.understanding import LibraryUnderstanding
from webhook.insights.unanswered import UnansweredGroup
from webhook.library.annotations import AnnotationError, normalise, plain_text
from webhook.library.model import Council, Intent, Library
from webhook.library.rules import content_words  # the near-duplicate rule's own test
from webhook.library.yaml_loader import Document, JsonPath

#: Longer texts are stories rather than training phrases.
MAX_PHRASE = 200
# A redaction token, with the district a redacted postcode keeps ("OX1 [postcode]").
_REDACTED = r"(?:\b[A-Za-z]{1,2}[0-9][A-Za-z0-9]?\s*)?\[(?:email|phone|number|name|postcode)\]"
_TRAILING_REDACTED = re.compile(rf"(?:\s*{_REDACTED}[\s.,!?]*)+$", re.IGNORECASE)
_ANY_REDACTED = re.compile(_REDACTED, re.IGNORECASE)
# Words left hanging once a trailing token is gone ("bin day for OX1 [postcode]" -> "bin day").
_DANGLING = frozenset(
    normalise(word)
    for word in (
        "for at in on to is my me of from near by and or it's its "  # English
        "ar gyfer yn i yw ydy fy o ger ac neu"  # Welsh
    ).split()
)
_UNDERSTANDING = ("insights", "understanding")


@dataclass(frozen=True)
class Suggestion:
    """A group's examples as new training phrases of one intent: the file to change and the change."""

    intent: str  # the intent the phrases should go to
    path: (
        str  # the file to change, relative to the library root (intents/... or councils/<slug>/council.yaml)
    )
    patch: str  # a unified diff a contributor can apply with `git apply`
    yaml: str  # the YAML snippet alone, to copy


def likely_intents(
    library: Library,
    group: UnansweredGroup,
    council: Council | None,
    limit: int = 3,
    *,
    understanding: LibraryUnderstanding | None = None,
) -> list[str]:
    """The library intents the group's examples most likely meant, best first (at most `limit`).

    Each example is classified by the council's offline classifier (for the sector, or a council that
    does not speak the group's language, the first council that does), among the intents a resident can
    ask for directly; the examples vote with their probabilities. Pass the app's `understanding` to
    share its models; without one, the library keeps its own (trained once, cached on disk)."""
    language = _language(group)
    judge = _judge(library, council, language)
    if judge is None:
        return []
    eligible = {i.id for i in library.intents.values() if _askable(i, language) and judge.offers(i.id)}
    if not eligible:
        return []
    understanding = understanding or _understanding(library)
    votes: Counter[str] = Counter()
    for example in group.examples:
        ranking = understanding.classify(judge, language, example, eligible).ranking
        for intent_id, probability in ranking:
            if intent_id in eligible:
                votes[intent_id] += probability
    best = sorted(votes.items(), key=lambda vote: (-vote[1], vote[0]))
    return [intent_id for intent_id, score in best[:limit] if score > 0]


def suggest(
    library: Library,
    group: UnansweredGroup,
    *,
    council: str | None,
    intent: str | None = None,
    understanding: LibraryUnderstanding | None = None,
) -> Suggestion | None:
    """A patch adding the group's examples as training phrases of `intent` (else the likeliest intent):
    to the shared library's intent file when `council` is None, else to that council's overlay. None
    when nothing can be added: no such intent or council, a language the intent or council lacks, an
    intent the council does not offer, or no example that is a new, clean phrase."""
    language = _language(group)
    overlay = library.council(council) if council is not None else None
    if council is not None and (overlay is None or language not in overlay.languages):
        return None
    if intent is None:
        likeliest = likely_intents(library, group, overlay, 1, understanding=understanding)
        intent = likeliest[0] if likeliest else None
    target = library.intents.get(intent or "")
    if target is None or language not in target.languages:
        return None
    if overlay is not None and not overlay.offers(target.id):
        return None
    phrases = new_phrases(library, target.id, language, group.examples)
    if not phrases:
        return None
    items = [_scalar(phrase) for phrase in phrases]
    if overlay is None:
        keys: tuple[str, ...] = ("languages", language, "phrases")
        document = target.document
    else:
        keys = ("intents", "overrides", target.id, language, "extra_phrases")
        document = overlay.document
    changed = add_list_items(document, keys, items)
    if changed is None:
        return None
    path = _relative(library, document.path)
    return Suggestion(
        intent=target.id,
        path=path,
        patch=unified_diff(path, document.source, changed),
        yaml=_snippet(keys, items),
    )


def new_phrases(library: Library, intent: str, language: str, examples: Sequence[str]) -> list[str]:
    """The examples that make new training phrases of `intent` in `language`, cleaned, in order, each
    once: none the library (or an overlay) has already, for any intent, and none that
    `sync-intents validate --strict` would find too close to another intent's phrase."""
    existing = list(_library_phrases(library, language))
    known = {plain for _, plain in existing}
    others = _near_index(plain for owner, plain in existing if owner != intent)
    phrases = []
    for example in examples:
        phrase = training_phrase(example)
        if phrase is None or normalise(phrase) in known or _near(phrase, others):
            continue
        known.add(normalise(phrase))
        phrases.append(phrase)
    return phrases


def training_phrase(text: str) -> str | None:
    """A resident's (redacted) text as a training phrase, or None when it cannot be one: a redaction
    token at the end goes, with the words it leaves hanging; a token anywhere else means the sentence
    has lost words, so the text is skipped."""
    trimmed = _TRAILING_REDACTED.sub("", text)
    if _ANY_REDACTED.search(trimmed):
        return None
    # Brackets would read as a [value](parameter) annotation.
    words = trimmed.replace("[", " ").replace("]", " ").split()
    if trimmed != text:
        while words and normalise(words[-1]) in _DANGLING:
            words.pop()
        if len(words) < 2:  # "call me on [phone]" leaves "call": no longer the question asked
            return None
    phrase = " ".join(words).rstrip(" .!?,;:")
    if not normalise(phrase) or len(phrase) > MAX_PHRASE:
        return None
    return phrase


def add_list_items(document: Document, keys: JsonPath, items: Sequence[str]) -> str | None:
    """The document's text with `items` (YAML scalars) appended to the block list at `keys`, creating
    whichever mappings along `keys` are missing, indented as the file indents; None when the file's
    shape there cannot take them as text (a flow-style `[...]` or `{...}`, or a value of another kind)."""
    data: Any = document.data
    found: tuple[str | int, ...] = ()
    for key in keys:
        if not isinstance(data, dict) or key not in data:
            break
        data, found = data[key], (*found, key)
    if found == tuple(keys):
        return _append_to_list(document, found, data, items) if isinstance(data, list) and data else None
    if not isinstance(data, dict):
        return None
    return _add_keys(document, found, data, tuple(keys[len(found) :]), items)


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff with `a/` and `b/` paths, as `git apply` takes it (a last line without a newline
    is marked as git marks it)."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{path}", f"b/{path}"
    )
    return "".join(
        line if line.endswith("\n") else f"{line}\n\\ No newline at end of file\n" for line in lines
    )


def _append_to_list(document: Document, path: JsonPath, items: list[Any], new: Sequence[str]) -> str | None:
    source = document.source
    last = (*path, len(items) - 1)
    if last not in document.positions or last not in document.spans:
        return None  # the last item is a mapping or a list, not a phrase
    line, column = document.positions[last]
    text = _lines(source)[line - 1]
    dash = text[: column - 1]
    if not dash.rstrip().endswith("-") or dash.rstrip()[:-1].strip():
        return None  # a flow sequence: [a, b]
    indent = dash[: len(dash.rstrip()) - 1]
    end = source.find("\n", document.spans[last][1])
    at = len(source) if end < 0 else end + 1
    prefix = source[:at] if end >= 0 or not source else source + "\n"
    return prefix + "".join(f"{indent}- {item}\n" for item in new) + source[at:]


def _add_keys(
    document: Document, path: JsonPath, mapping: dict[str, Any], missing: JsonPath, new: Sequence[str]
) -> str | None:
    source = document.source
    lines = _lines(source)
    unit = "  "
    if path:
        key_line, key_column = document.key_positions[path]
        if document.positions[path][0] == key_line:
            return None  # a flow mapping on the key's own line: {...}
        parent = key_column - 1
        children = [document.key_positions[(*path, k)] for k in mapping]
        indent = " " * (children[0][1] - 1) if children else " " * parent + unit
        unit = indent[parent:] or unit
        last = key_line - 1
        for number in range(key_line, len(lines)):
            text = lines[number]
            if not text.strip():
                continue
            depth = len(text) - len(text.lstrip())
            if depth <= parent and not text.lstrip().startswith("#"):
                break
            if depth > parent:
                last = number
        at = sum(len(text) for text in lines[: last + 1])
    else:
        indent, at = "", len(source)
    block = [f"{indent}{unit * depth}{key}:\n" for depth, key in enumerate(missing)]
    block += [f"{indent}{unit * len(missing)}- {item}\n" for item in new]
    before = source[:at]
    if before and not before.endswith("\n"):
        before += "\n"
    return before + "".join(block) + source[at:]


def _lines(source: str) -> list[str]:
    return source.splitlines(keepends=True)


def _scalar(phrase: str) -> str:
    """The phrase as a YAML list item's value: plain when YAML reads it back unchanged, else quoted."""
    try:
        if yaml.safe_load(f"- {phrase}") == [phrase]:
            return phrase
    except yaml.YAMLError:
        pass
    return json.dumps(phrase, ensure_ascii=False)  # JSON strings are YAML double-quoted strings


def _snippet(keys: Sequence[str | int], items: Sequence[str]) -> str:
    lines = [f"{'  ' * depth}{key}:" for depth, key in enumerate(keys)]
    lines += [f"{'  ' * len(keys)}- {item}" for item in items]
    return "\n".join(lines) + "\n"


def _library_phrases(library: Library, language: str) -> Iterator[tuple[str, str]]:
    """(intent id, normalised text) of every training phrase in `language`, the overlays' included."""
    for intent in library.intents.values():
        if language in intent.languages:
            yield from ((intent.id, _plain(p)) for p in intent.languages[language].phrases)
    for council in library.councils.values():
        for intent_id, by_language in council.overrides.items():
            if language in by_language:
                yield from ((intent_id, _plain(p)) for p in by_language[language].extra_phrases)


def _near_index(phrases: Iterable[str]) -> set[frozenset[str]]:
    """The content words of each phrase (of two words or more), and, for a phrase of five or more, each
    set one word short: what the phrase-near-duplicate rule compares."""
    index: set[frozenset[str]] = set()
    for phrase in phrases:
        words = content_words(phrase)
        if len(words) >= 2:
            index.add(words)
        if len(words) >= 5:
            index.update(words - {word} for word in words)
    return index


def _near(phrase: str, index: set[frozenset[str]]) -> bool:
    words = content_words(phrase)
    if len(words) < 2:
        return False
    return words in index or (len(words) >= 5 and any(words - {word} in index for word in words))


def _plain(phrase: str) -> str:
    try:
        return normalise(plain_text(phrase))
    except AnnotationError:
        return normalise(phrase)


def _language(group: UnansweredGroup) -> str:
    # A group never mixes languages (see unanswered.py).
    return group.languages[0] if group.languages else "en"


def _askable(intent: Intent, language: str) -> bool:
    """Whether a resident can ask for the intent directly: not the bot's own (system, dialogue),
    not a fallback, and not one that only answers the bot's question (it needs an input context)."""
    return (
        language in intent.languages
        and not intent.id.startswith(("system.", "dialogue."))
        and not intent.fallback
        and not intent.input_contexts
    )


def _judge(library: Library, council: Council | None, language: str) -> Council | None:
    if council is not None and language in council.languages:
        return council
    return next((c for _, c in sorted(library.councils.items()) if language in c.languages), None)


def _understanding(library: Library) -> LibraryUnderstanding:
    from webhook.agent.store import default_cache_dir

    found = library.memo.get(_UNDERSTANDING)
    if found is None:
        found = library.memo[_UNDERSTANDING] = LibraryUnderstanding(library, default_cache_dir(library.root))
    return found


def _relative(library: Library, path: Path) -> str:
    return Path(path).resolve().relative_to(library.root.resolve()).as_posix()
