"""The library's Welsh string by string: where each string is used, its English source and its review
state, for translators (`sync-intents translations`) and for `sync-intents show --review`.

The YAML keeps one `review` mark per language block (an intent's `cy`, a messages file's `cy`, a
routing message's `cy`), but a translator reviews one string at a time. A block a Welsh speaker has
partly reviewed keeps its mark (`needs-welsh-speaker`) and lists the strings done so far under
`native_so_far`, each with the fingerprint of the English and Welsh it was checked against, so a string
edited since then no longer matches and needs a Welsh speaker again. When every string of the block is
done, the block becomes `native` and the list goes. A council overlay's Welsh (names, addresses, report
questions, its own wording) is one block with the same mechanism under top-level keys of its own,
`welsh_review` and `welsh_native_so_far`; an overlay without `welsh_review` lists its Welsh as
`not recorded` (and `sync-intents validate` warns).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from webhook.library.model import Council, Intent, Library
from webhook.library.problems import Location
from webhook.library.resolve import provider_for
from webhook.library.yaml_loader import Document, JsonPath

WELSH = "cy"
ENGLISH = "en"
#: Review marks that mean a Welsh speaker has checked the text.
REVIEWED_STATES = frozenset({"native", "reviewed"})
#: The block's field listing strings a Welsh speaker has marked done while others still wait.
PROGRESS_FIELD = "native_so_far"
#: An overlay's review mark and progress: top-level keys of council.yaml, named for the Welsh they cover.
OVERLAY_REVIEW_FIELD = "welsh_review"
OVERLAY_PROGRESS_FIELD = "welsh_native_so_far"
#: What an overlay's Welsh shows as its review state while council.yaml has no `welsh_review`.
NOT_RECORDED = "not recorded"

# Keys of an overlay whose values are addresses, numbers or settings, never prose to translate.
_NOT_PROSE_KEYS = frozenset(
    {"url", "image_url", "website", "phone", "email", "base_url", "templates", "gss_code", "file"}
    | {OVERLAY_REVIEW_FIELD, OVERLAY_PROGRESS_FIELD}
)
_ADDRESS = re.compile(r"^(?:https?://|mailto:|www\.|/)|^\S+@\S+$")
_LETTER = re.compile(r"[^\W\d_]")


# Hex digits written as the letters a-p: a spreadsheet reads "12345678" or "12e45678" as a number and
# saves it back changed, but leaves letters alone.
_AS_LETTERS = str.maketrans("0123456789abcdef", "abcdefghijklmnop")


def fingerprint(english: str, welsh: str) -> str:
    """Eight letters standing for the English and Welsh a reviewer saw together."""
    return hashlib.sha256(f"{english}\x1f{welsh}".encode()).hexdigest()[:8].translate(_AS_LETTERS)


@dataclass(frozen=True)
class ReviewBlock:
    """Welsh that shares one review mark: an intent's `cy`, a messages file's `cy`, a routing message's
    `cy`, or a council overlay's Welsh (its `welsh_review`; `review` is None while it has none)."""

    kind: str  # intent, messages, routing or council
    name: str  # the intent id, message area, routing kind or council slug
    document: Document = field(compare=False, repr=False)
    #: Where the block stands in its document, e.g. ("languages", "cy"); () for an overlay.
    path: JsonPath
    review: str | None
    progress: Mapping[str, str] = field(default_factory=dict, compare=False)
    #: The keys of the block's review mark and progress in its document, at `path`.
    review_field: str = "review"
    progress_field: str = PROGRESS_FIELD

    @property
    def keeps_progress(self) -> bool:
        """Whether the block's schema allows partial progress (`native_so_far` in intents and messages
        files, `welsh_native_so_far` in an overlay); routing messages keep none."""
        return self.kind in ("intent", "messages", "council") and self.review is not None

    @property
    def label(self) -> str:
        return f"{self.kind} {self.name}"

    def review_of(self, field_key: str, english: str, welsh: str) -> str:
        """The review state of one of the block's strings."""
        if self.review is None:
            return NOT_RECORDED
        if self.review in REVIEWED_STATES:
            return self.review
        if self.progress.get(field_key) == fingerprint(english, welsh):
            return "native"
        return self.review


@dataclass(frozen=True)
class WelshString:
    """One Welsh text a translator can review: a response, quick reply, link text, prompt, topic,
    training phrase, one of the bot's own sentences or an overlay's wording."""

    #: Stable and unique: `intent:<id>:<field>`, `message:<id>`, `routing:<kind>:<field>` or
    #: `council:<slug>:<path>`.
    key: str
    block: ReviewBlock
    #: The string's name within its block, as `native_so_far` lists it (`responses.text.0`).
    field: str
    #: Where the Welsh stands in the block's document.
    path: JsonPath
    what: str
    english: str
    welsh: str
    #: The Welsh-speaking councils whose bot uses it.
    councils: tuple[str, ...]
    is_phrase: bool = False

    @property
    def review(self) -> str:
        return self.block.review_of(self.field, self.english, self.welsh)

    @property
    def needs_speaker(self) -> bool:
        """True while no Welsh speaker has checked it (text of an overlay with no mark is not counted)."""
        return self.review not in REVIEWED_STATES and self.review != NOT_RECORDED

    @property
    def location(self) -> Location:
        return self.block.document.locate(self.path)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.english, self.welsh)


def welsh_strings(library: Library) -> list[WelshString]:
    """Every Welsh string of the library and the overlays: intents by id (what the bot says, then the
    training phrases), the bot's own messages by file, the routing messages, then overlays by slug."""
    speakers = [library.councils[slug] for slug in sorted(library.councils)]
    speakers = [council for council in speakers if WELSH in council.languages]
    found: list[WelshString] = []
    for intent_id in sorted(library.intents):
        found += _intent_strings(library, library.intents[intent_id], speakers)
    documents = {message.document.path: message.document for message in library.messages.values()}
    for path in sorted(documents):
        found += _message_strings(documents[path], speakers)
    for kind in library.routing:
        found += _routing_strings(library, kind, speakers)
    for council in speakers:
        found += overlay_strings(library, council)
    return found


def _at(data: Any, path: JsonPath) -> Any:
    """The value at `path`, or None."""
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _text_at(data: Any, path: JsonPath) -> str:
    value = _at(data, path)
    return value if isinstance(value, str) else ""


def _block(kind: str, name: str, document: Document, path: JsonPath) -> ReviewBlock:
    data = _at(document.data, path) or {}
    progress = data.get(PROGRESS_FIELD) or {}
    return ReviewBlock(kind, name, document, path, data.get("review"), dict(progress))


@dataclass(frozen=True)
class _Slot:
    """A string's place in a block: its field name, its path below the block, and what it is."""

    field: str
    below: JsonPath
    what: str
    group: str  # the response field an overlay may replace (text, links...), or phrases/prompts/topic


def _response_slots(responses: Mapping[str, Any]) -> Iterator[_Slot]:
    texts = responses.get("text", ())
    for index, _ in enumerate(texts):
        yield _Slot(
            f"responses.text.{index}",
            ("responses", "text", index),
            f"answer ({index + 1} of {len(texts)}; the bot picks one)" if len(texts) > 1 else "answer",
            "text",
        )
    for index, _ in enumerate(responses.get("quick_replies", ())):
        yield _Slot(
            f"responses.quick_replies.{index}",
            ("responses", "quick_replies", index),
            "quick-reply button (at most 40 characters)",
            "quick_replies",
        )
    for index, link in enumerate(responses.get("links", ())):
        yield _Slot(
            f"responses.links.{index}.text",
            ("responses", "links", index, "text"),
            f"link text (opens {link.get('url', '')})",
            "links",
        )
    card = responses.get("card")
    if card:
        for part in ("title", "subtitle"):
            if card.get(part):
                yield _Slot(f"responses.card.{part}", ("responses", "card", part), f"card {part}", "card")
        for index, _ in enumerate(card.get("buttons", ())):
            yield _Slot(
                f"responses.card.buttons.{index}.text",
                ("responses", "card", "buttons", index, "text"),
                "card button",
                "card",
            )


def _answers_itself(library: Library, council: Council, intent: Intent) -> bool:
    """Whether the council's bot gives the intent's own responses rather than a routing message."""
    return intent.when_routed == "respond" or provider_for(library, council, intent).routing is None


def _intent_strings(library: Library, intent: Intent, speakers: Sequence[Council]) -> list[WelshString]:
    document = intent.document
    data = document.data
    welsh = data["languages"].get(WELSH)
    if welsh is None:
        return []
    block = _block("intent", intent.id, document, ("languages", WELSH))
    offering = [council for council in speakers if council.offers(intent.id)]

    def users(group: str) -> tuple[str, ...]:
        if group not in ("text", "quick_replies", "links", "card"):
            return tuple(council.slug for council in offering)
        return tuple(
            council.slug
            for council in offering
            if _answers_itself(library, council, intent)
            and group not in _override(council, intent.id).get("responses", {})
        )

    def string(slot: _Slot, path: JsonPath, english_path: JsonPath | None) -> WelshString:
        return WelshString(
            key=f"intent:{intent.id}:{slot.field}",
            block=block,
            field=slot.field,
            path=path,
            what=slot.what,
            english=_text_at(data, english_path) if english_path else "",
            welsh=_text_at(data, path),
            councils=users(slot.group),
            is_phrase=slot.group == "phrases",
        )

    said: list[WelshString] = []
    base, english_base = ("languages", WELSH), ("languages", ENGLISH)
    if "topic" in welsh:
        what = 'topic: names the service inside other answers ("... looks after {topic}")'
        said.append(
            string(_Slot("topic", ("topic",), what, "topic"), (*base, "topic"), (*english_base, "topic"))
        )
    for slot in _response_slots(welsh["responses"]):
        said.append(string(slot, (*base, *slot.below), (*english_base, *slot.below)))
    for number, parameter in enumerate(data.get("parameters", ())):
        name = parameter["name"]
        for index, _ in enumerate(parameter.get("prompts", {}).get(WELSH, ())):
            slot = _Slot(f"prompts.{name}.{index}", (), f"question asking for the {name}", "prompts")
            place = ("parameters", number, "prompts")
            said.append(string(slot, (*place, WELSH, index), (*place, ENGLISH, index)))
    phrases = [
        string(
            _Slot(
                f"phrases.{index}",
                (),
                f"training phrase for '{intent.title}': how a resident may ask (not said by the bot; "
                "keep each [value](parameter) mark)",
                "phrases",
            ),
            (*base, "phrases", index),
            None,
        )
        for index, _ in enumerate(welsh.get("phrases", ()))
    ]
    return said + phrases


def _override(council: Council, intent_id: str) -> Mapping[str, Any]:
    """The council's Welsh override of an intent as written (responses by field, extra phrases)."""
    override = council.overrides.get(intent_id, {}).get(WELSH)
    return {"responses": override.responses} if override else {}


def _message_strings(document: Document, speakers: Sequence[Council]) -> list[WelshString]:
    data = document.data
    area = data["area"]
    welsh = data["languages"].get(WELSH)
    if welsh is None:
        return []
    block = _block("messages", area, document, ("languages", WELSH))
    strings = []
    for key in welsh["messages"]:
        message_id = f"{area}.{key}"
        english_path = ("languages", ENGLISH, "messages", key)
        note = _comment_above(document, english_path) or _comment_above(
            document, ("languages", WELSH, "messages", key)
        )
        strings.append(
            WelshString(
                key=f"message:{message_id}",
                block=block,
                field=key,
                path=("languages", WELSH, "messages", key),
                what="the bot's own sentence" + (f" ({note})" if note else ""),
                english=_text_at(data, english_path),
                welsh=welsh["messages"][key],
                councils=tuple(
                    council.slug
                    for council in speakers
                    if not (council.messages.get(message_id) or {}).get(WELSH)
                ),
            )
        )
    return strings


def _comment_above(document: Document, path: JsonPath) -> str:
    """The comment lines written just above a key: a hint for whoever translates its value."""
    position = document.key_positions.get(path)
    if position is None:
        return ""
    lines = document.source.splitlines()
    comments: list[str] = []
    number = position[0] - 2
    while number >= 0 and lines[number].lstrip().startswith("#"):
        comments.insert(0, lines[number].lstrip().lstrip("#").strip())
        number -= 1
    return " ".join(comments)


#: Which councils hear each routing message: a district is routed to its county, a county to districts.
_ROUTED_TIER = {"to_county": "district", "to_county_online": "district", "to_district": "county"}


def _routing_strings(library: Library, kind: str, speakers: Sequence[Council]) -> list[WelshString]:
    document = library.routing[kind].document
    welsh = document.data[kind].get(WELSH)
    if welsh is None:
        return []
    block = _block("routing", kind, document, (kind, WELSH))
    tier = _ROUTED_TIER.get(kind)
    councils = tuple(council.slug for council in speakers if tier is None or council.tier == tier)
    return [
        WelshString(
            key=f"routing:{kind}:{slot.field}",
            block=block,
            field=slot.field,
            path=(kind, WELSH, *slot.below),
            what=f"{slot.what}, when another council provides the service",
            english=_text_at(document.data, (kind, ENGLISH, *slot.below)),
            welsh=_text_at(document.data, (kind, WELSH, *slot.below)),
            councils=councils,
        )
        for slot in _response_slots(welsh["responses"])
    ]


def _is_prose(text: str) -> bool:
    """Whether an overlay's Welsh value is wording to translate, not an address, number or id."""
    text = text.strip()
    if not _LETTER.search(text) or _ADDRESS.search(text):
        return False
    return any(char.isspace() for char in text) or not any(char.isdigit() for char in text)


def _overlay_paths(data: Any, path: JsonPath = ()) -> Iterator[JsonPath]:
    """The paths of the Welsh prose in an overlay: `cy` values of localised texts, and the texts of a
    `cy` override or message wording."""
    if isinstance(data, list):
        for index, item in enumerate(data):
            yield from _overlay_paths(item, (*path, index))
        return
    if not isinstance(data, dict):
        if isinstance(data, str) and WELSH in path and _is_prose(data):
            yield path
        return
    for key, value in data.items():
        if key not in _NOT_PROSE_KEYS and key != ENGLISH:
            yield from _overlay_paths(value, (*path, key))


def _overlay_english(library: Library, council: Council, path: JsonPath) -> str:
    """The English beside an overlay's Welsh: the overlay's own `en`, else the library's text."""
    split = path.index(WELSH)
    english = _text_at(council.document.data, (*path[:split], ENGLISH, *path[split + 1 :]))
    if english:
        return english
    below = path[split + 1 :]
    if path[:2] == ("intents", "overrides") and len(path) > 3 and (intent := library.intents.get(path[2])):
        return _text_at(intent.document.data, ("languages", ENGLISH, *below))
    if path[:1] == ("messages",) and (message := library.messages.get(str(path[1]))):
        return message.texts.get(ENGLISH, "")
    return ""


def overlay_strings(library: Library, council: Council) -> list[WelshString]:
    """The Welsh wording of a council's overlay (names, addresses, report questions and choices, its
    own wording of answers and messages), all under the overlay's one `welsh_review` mark."""
    document = council.document
    data = document.data
    block = ReviewBlock(
        "council",
        council.slug,
        document,
        (),
        data.get(OVERLAY_REVIEW_FIELD),
        dict(data.get(OVERLAY_PROGRESS_FIELD) or {}),
        review_field=OVERLAY_REVIEW_FIELD,
        progress_field=OVERLAY_PROGRESS_FIELD,
    )
    strings = []
    for path in _overlay_paths(document.data):
        name = ".".join(str(part) for part in path if part != WELSH)
        strings.append(
            WelshString(
                key=f"council:{council.slug}:{name}",
                block=block,
                field=name,
                path=path,
                what=f"the council's own wording ({name})",
                english=_overlay_english(library, council, path),
                welsh=_text_at(document.data, path),
                councils=(council.slug,),
                is_phrase="extra_phrases" in path,
            )
        )
    return strings


@dataclass(frozen=True)
class ReviewCount:
    """How many of one block's strings a council uses, and how many of those need a Welsh speaker."""

    block: ReviewBlock
    said: int = 0
    said_waiting: int = 0
    phrases: int = 0
    phrases_waiting: int = 0

    @property
    def waiting(self) -> int:
        return self.said_waiting + self.phrases_waiting


def review_counts(strings: Sequence[WelshString], slug: str) -> list[ReviewCount]:
    """Per block, in catalogue order: the strings council `slug` uses and how many still wait."""
    counts: dict[tuple[str, str], ReviewCount] = {}
    for string in strings:
        if slug not in string.councils:
            continue
        block = string.block
        count = counts.get((block.kind, block.name), ReviewCount(block))
        waiting = int(string.needs_speaker)
        if string.is_phrase:
            count = ReviewCount(
                block, count.said, count.said_waiting, count.phrases + 1, count.phrases_waiting + waiting
            )
        else:
            count = ReviewCount(
                block, count.said + 1, count.said_waiting + waiting, count.phrases, count.phrases_waiting
            )
        counts[(block.kind, block.name)] = count
    return list(counts.values())
