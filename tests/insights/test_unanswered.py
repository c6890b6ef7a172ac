"""Unanswered questions grouped by similarity, as council staff and the sector's maintainers see them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from webhook.database import connect, migrate
from webhook.insights import unanswered
from webhook.insights.events import TurnEvent, stored_text
from webhook.insights.figures import Period, UnansweredTurn, unanswered_turns
from webhook.insights.store import write_events
from webhook.insights.unanswered import (
    UnansweredGroup,
    cluster,
    features,
    group_unanswered,
    normalise,
    recurring,
)

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def asked(text: str, conversation: str, *, council: str = "demo", language: str = "en") -> UnansweredTurn:
    return UnansweredTurn(text, council, language, conversation, NOW)


def group_with(groups: list[UnansweredGroup], example: str) -> UnansweredGroup:
    return next(g for g in groups if example in g.examples)


def test_variants_of_one_question_with_typos_make_one_group_with_counts_and_examples() -> None:
    turns = [
        asked("my boiler is broken", "a"),
        asked("my boiler is broken", "b", council="oxford"),
        asked("My boiler is broken!", "c"),
        asked("boiler broken again", "d"),
        asked("boiler broken again", "d"),  # the same resident, twice
        asked("my boiler is brokn who do i call", "e"),
        asked("when is bin day", "f"),
        asked("whens bin day", "g"),
    ]

    groups = group_unanswered(turns)

    boiler = group_with(groups, "my boiler is broken")
    assert boiler.text == "my boiler is broken"  # the most frequent wording speaks for the group
    assert (boiler.turns, boiler.conversations) == (6, 5)
    assert boiler.councils == ("demo", "oxford")
    assert boiler.languages == ("en",)
    # Case and punctuation make no new example; the rest come most frequent first.
    assert boiler.examples == (
        "my boiler is broken",
        "boiler broken again",
        "my boiler is brokn who do i call",
    )
    bins = group_with(groups, "when is bin day")
    assert bins is not boiler and set(bins.examples) == {"when is bin day", "whens bin day"}
    assert groups == sorted(groups, key=lambda g: (-g.conversations, -g.turns))


def test_welsh_questions_group_among_themselves_never_with_english() -> None:
    turns = [
        asked("boeler wedi torri", "a", language="cy"),
        asked("mae'r boeler wedi torri eto", "b", language="cy"),
        asked("boelar wedi torri", "c", language="cy"),
        asked("pryd mae diwrnod bin", "d", language="cy"),
        # Residents mix languages: the same words typed in an English chat stay in English.
        asked("boeler wedi torri", "e", language="en"),
    ]

    groups = group_unanswered(turns)

    welsh = group_with([g for g in groups if g.languages == ("cy",)], "boeler wedi torri")
    assert (welsh.turns, welsh.conversations) == (3, 3)
    assert set(welsh.examples) == {"boeler wedi torri", "mae'r boeler wedi torri eto", "boelar wedi torri"}
    english = [g for g in groups if g.languages == ("en",)]
    assert [(g.text, g.turns) for g in english] == [("boeler wedi torri", 1)]
    assert all(len(g.languages) == 1 for g in groups)


def test_redaction_tokens_are_one_word_whatever_the_district() -> None:
    turns = [
        asked(stored_text("bin day for OX1 2JD"), "a", council="oxford"),
        asked(stored_text("Bin day for CF10 1AA?"), "b", council="cardiff"),
        asked(stored_text("can you email me at jo@example.com"), "c"),
        asked(stored_text("can you email me at sam.smith@example.org"), "d"),
    ]
    assert turns[0].text == "bin day for OX1 [postcode]"

    groups = group_unanswered(turns)

    assert normalise("bin day for OX1 [postcode]") == normalise("Bin day for CF10 [postcode]?")
    bins = group_with(groups, "bin day for OX1 [postcode]")
    assert (bins.turns, bins.conversations, bins.councils) == (2, 2, ("cardiff", "oxford"))
    assert len(bins.examples) == 1  # one question, however many districts ask it
    email = group_with(groups, "can you email me at [email]")
    assert email.turns == 2 and email is not bins


def test_groups_are_ordered_by_conversations_then_turns_and_capped() -> None:
    turns = [asked("parking permit for my street", f"p{n}") for n in range(3)]
    turns += [asked("noisy neighbours at night", "n0") for _ in range(5)]  # many turns, one conversation
    turns += [asked("where do i pay my council tax", f"t{n}") for n in range(3)]
    turns += [asked("where do i pay my council tax", "t0"), asked("  ", "blank"), asked("?!", "marks")]

    groups = group_unanswered(turns)

    assert [g.text for g in groups] == [
        "where do i pay my council tax",
        "parking permit for my street",
        "noisy neighbours at night",
        "?!",  # punctuation alone is still something a resident typed
    ]
    assert "  " not in [g.text for g in groups]
    assert [g.text for g in group_unanswered(turns, max_groups=1)] == ["where do i pay my council tax"]
    assert group_unanswered([]) == []


def test_the_sector_sees_groups_asked_in_five_conversations_from_two_councils() -> None:
    def group(conversations: int, councils: tuple[str, ...]) -> UnansweredGroup:
        return UnansweredGroup("x", conversations, conversations, councils, ("en",), ("x",))

    shared = group(5, ("cardiff", "oxford"))
    too_few = group(4, ("cardiff", "oxford"))
    one_council = group(40, ("oxford",))

    assert recurring([shared, too_few, one_council]) == [shared]
    assert recurring([too_few, one_council], min_conversations=4, min_councils=1) == [too_few, one_council]


def test_unanswered_turns_read_from_the_database_group_across_councils(database_url: str) -> None:
    database = connect(database_url)
    migrate(database)
    texts = ["can u fix my boiler", "can you fix my boiler", "can u fix my boiler pls", "can u fix my boilr"]
    events = [
        TurnEvent(
            at=NOW - timedelta(minutes=n),
            council=("cardiff", "oxford")[n % 2],
            conversation=f"conversation-{n}",
            language="en",
            channel="chat",
            intent="system.fallback",
            confidence=0.2,
            fallback=True,
            handoff=False,
            outcome=None,
            text=texts[n % len(texts)],
        )
        for n in range(6)
    ]
    write_events(database, events)

    stored = unanswered_turns(database, Period.last_days(7, now=NOW))
    shared = recurring(group_unanswered(stored))

    assert len(shared) == 1
    assert (shared[0].turns, shared[0].conversations, shared[0].councils) == (6, 6, ("cardiff", "oxford"))
    assert shared[0].text in texts[:2]


def test_clustering_block_by_block_matches_comparing_each_text_with_every_leader(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    subjects = ["bin", "boiler", "pothole", "parking permit", "council tax", "noisy neighbour", "fly tipping"]
    frames = ["my {} is broken", "when is the {}", "help with {} pls", "{} again!!", "who do i call about {}"]
    keys = [normalise(frame.format(subject)) for subject in subjects for frame in frames]
    vectors = features(keys)
    similarity = (vectors @ vectors.T).toarray()

    def one_by_one(threshold: float) -> list[list[int]]:
        leaders: list[int] = []
        members: dict[int, list[int]] = {}
        for index in range(len(keys)):
            scores = [similarity[index, leader] for leader in leaders]
            if scores and max(scores) >= threshold:
                members[leaders[scores.index(max(scores))]].append(index)
            else:
                leaders.append(index)
                members[index] = [index]
        return [members[leader] for leader in leaders]

    monkeypatch.setattr(unanswered, "BLOCK", 4)  # many blocks, leaders found inside and across them
    for threshold in (0.3, 0.4, 0.6):
        assert cluster(keys, threshold) == one_by_one(threshold)
