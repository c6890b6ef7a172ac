"""From unanswered questions to a pull request: the likely intents, and a patch that `git apply` takes
and that leaves a library which still validates, with the new phrases where the contributor meant them."""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import REPOSITORY
from webhook.agent.understanding import LibraryUnderstanding
from webhook.config import default_nlu_cache_dir
from webhook.fulfilment.handler_names import handler_names
from webhook.insights.unanswered import UnansweredGroup
from webhook.library.loader import load_library
from webhook.library.model import Library
from webhook.library.validate import validate_library
from webhook.staff.suggestions import Suggestion, likely_intents, suggest, training_phrase

BINS = "waste.collection_day"
REPAIR = "housing.repair"


def asked(*examples: str, language: str = "en") -> UnansweredGroup:
    return UnansweredGroup(examples[0], 9, 7, ("cardiff", "oxford"), (language,), examples)


@pytest.fixture
def library_root(tmp_path: Path) -> Path:
    """A copy of the repository's library (shared intents and every council) in a fresh git work tree."""
    root = tmp_path / "library"
    shutil.copytree(REPOSITORY / "intents", root / "intents")
    shutil.copytree(REPOSITORY / "councils", root / "councils")
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    return root


def warnings(root: Path) -> Counter[str]:
    """How many warnings of each rule `sync-intents validate` finds in the library."""
    return Counter(problem.rule for problem in validate_library(root, handler_names=handler_names()).warnings)


@pytest.fixture(scope="module")
def understanding() -> LibraryUnderstanding:
    """The offline classifiers of the repository's library, from the models cache the app uses."""
    return LibraryUnderstanding(load_library(REPOSITORY).library, default_nlu_cache_dir())


def load(root: Path) -> Library:
    return load_library(root).library


def apply(root: Path, suggestion: Suggestion) -> Library:
    """Apply the patch as a contributor would, then validate the library as `sync-intents validate
    --strict` does: no error, and no warning the library did not have already."""
    before = warnings(root)
    patch = root.parent / "suggestion.patch"
    patch.write_text(suggestion.patch, encoding="utf-8")
    command = ["git", "apply", "--check", str(patch)]
    checked = subprocess.run(command, cwd=root, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    subprocess.run(["git", "apply", str(patch)], cwd=root, check=True)
    report = validate_library(root, handler_names=handler_names())
    assert report.passed(), "\n".join(problem.format() for problem in report.errors)
    after = Counter(problem.rule for problem in report.warnings)
    assert after <= before, "\n".join(problem.format() for problem in report.warnings)
    return report.library


def added_lines(patch: str) -> list[str]:
    body = [line for line in patch.splitlines() if not line.startswith(("---", "+++"))]
    assert not [line for line in body if line.startswith("-")], "the patch only adds"
    return [line[1:] for line in body if line.startswith("+")]


@pytest.mark.parametrize(
    ("language", "examples", "expected"),
    [
        (
            "en",
            (
                "wen do the bin lorrys come down my road",
                "When is my bin day?",  # the intent has it already, in lower case
                "which day do the bins go out for OX1 [postcode]",
                "my email is [email] whens bins",  # a token inside the sentence: words are lost
                "wen do the bin lorrys come down my road!",  # the same phrase again
            ),
            ["wen do the bin lorrys come down my road", "which day do the bins go out"],
        ),
        (
            "cy",
            (
                "pryd mae'r lori biniau'n dod lawr y stryd",
                "Pryd mae diwrnod bin",  # the intent has it already
                "pa ddiwrnod mae biniau'n mynd allan ar gyfer CF10 [postcode]",
                "fy ebost yw [email] pryd mae'r biniau",
            ),
            ["pryd mae'r lori biniau'n dod lawr y stryd", "pa ddiwrnod mae biniau'n mynd allan"],
        ),
    ],
)
def test_a_sector_suggestion_adds_the_groups_phrases_to_the_shared_intent_file(
    library_root: Path, language: str, examples: tuple[str, ...], expected: list[str]
) -> None:
    library = load(library_root)
    original = (library_root / "intents" / "waste" / "collection_day.yaml").read_text(encoding="utf-8")
    review = library.intents[BINS].languages[language].review

    suggestion = suggest(library, asked(*examples, language=language), council=None, intent=BINS)

    assert suggestion is not None
    assert (suggestion.intent, suggestion.path) == (BINS, "intents/waste/collection_day.yaml")
    assert [line.strip() for line in added_lines(suggestion.patch)] == [f"- {p}" for p in expected]
    assert suggestion.yaml.startswith(f"languages:\n  {language}:\n    phrases:\n")
    patched = apply(library_root, suggestion)
    bins = patched.intents[BINS]
    assert list(bins.languages[language].phrases[-len(expected) :]) == expected
    other = "cy" if language == "en" else "en"
    assert bins.languages[other].phrases == library.intents[BINS].languages[other].phrases
    assert bins.languages[language].review == review  # a Welsh speaker still has to review it
    text = (library_root / "intents" / "waste" / "collection_day.yaml").read_text(encoding="utf-8")
    assert [line for line in text.splitlines() if line.lstrip().startswith("#")] == [
        line for line in original.splitlines() if line.lstrip().startswith("#")
    ]


def test_a_council_suggestion_goes_to_its_overlay_creating_then_extending_the_override(
    library_root: Path,
) -> None:
    overlay = library_root / "councils" / "oxford" / "council.yaml"
    original = overlay.read_text(encoding="utf-8")
    first = suggest(
        load(library_root),
        asked("can u fix my boiler", "boiler brokn again"),
        council="oxford",
        intent=REPAIR,
    )

    assert first is not None and first.path == "councils/oxford/council.yaml"
    assert first.yaml == (
        "intents:\n  overrides:\n    housing.repair:\n      en:\n        extra_phrases:\n"
        "          - can u fix my boiler\n          - boiler brokn again\n"
    )
    patched = apply(library_root, first)
    assert patched.councils["oxford"].overrides[REPAIR]["en"].extra_phrases == (
        "can u fix my boiler",
        "boiler brokn again",
    )
    assert overlay.read_text(encoding="utf-8").startswith(original)  # comments and all, untouched

    # The same council again: an intent beside the first, then more phrases for the first.
    second = suggest(patched, asked("wen is my bin day on Cowley Road"), council="oxford", intent=BINS)
    assert second is not None
    patched = apply(library_root, second)
    third = suggest(patched, asked("my boiler is broken who do i call"), council="oxford", intent=REPAIR)
    assert third is not None
    patched = apply(library_root, third)

    oxford = patched.councils["oxford"]
    assert oxford.overrides[BINS]["en"].extra_phrases == ("wen is my bin day on Cowley Road",)
    assert oxford.overrides[REPAIR]["en"].extra_phrases == (
        "can u fix my boiler",
        "boiler brokn again",
        "my boiler is broken who do i call",
    )
    assert "boiler brokn again" not in patched.intents[REPAIR].languages["en"].phrases


def test_welsh_phrases_go_to_the_councils_welsh_override_beside_its_existing_keys(library_root: Path) -> None:
    library = load(library_root)
    # The demo council's overlay already has an `intents:` mapping (`disabled: []`).
    disabled = library.councils["demo"].disabled
    group = asked("mae'r boeler wedi torri eto", "boelar wedi torri", language="cy")

    suggestion = suggest(library, group, council="demo", intent=REPAIR)

    assert suggestion is not None
    patched = apply(library_root, suggestion)
    demo_council = patched.councils["demo"]
    assert demo_council.overrides[REPAIR]["cy"].extra_phrases == (
        "mae'r boeler wedi torri eto",
        "boelar wedi torri",
    )
    assert "en" not in demo_council.overrides[REPAIR]
    assert demo_council.disabled == disabled


def test_nothing_is_suggested_where_the_phrases_cannot_go(library_root: Path) -> None:
    library = load(library_root)
    welsh = asked("mae'r boeler wedi torri", language="cy")
    # Oxford is English only.
    assert suggest(library, welsh, council="oxford", intent=REPAIR) is None
    assert suggest(library, welsh, council="nowhere", intent=REPAIR) is None
    assert suggest(library, asked("fix my boiler"), council=None, intent="housing.no_such_intent") is None
    known = asked("When is my bin day", "my email is [email] bins", "call me on [phone]")
    assert suggest(library, known, council=None, intent=BINS) is None  # nothing new and clean


def test_an_intent_the_council_does_not_offer_gets_no_suggestion(library_root: Path) -> None:
    overlay = library_root / "councils" / "oxford" / "council.yaml"
    overlay.write_text(overlay.read_text(encoding="utf-8") + "intents:\n  disabled: [housing.repair]\n")

    assert suggest(load(library_root), asked("fix my boiler"), council="oxford", intent=REPAIR) is None


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("bin day for OX1 [postcode]", "bin day"),
        ("Bins at CF10 [postcode]!!", None),  # only one word would be left
        ("fy enw i yw [name] a dw i angen help gyda'r dreth gyngor", None),
        ("call me on [phone].", None),
        ("is [the] tip open?", "is the tip open"),  # brackets would read as an annotation
        ("yes", "yes"),
    ],
)
def test_a_residents_text_becomes_a_phrase_only_without_tokens(text: str, phrase: str | None) -> None:
    assert training_phrase(text) == phrase


def test_phrases_yaml_would_misread_are_quoted(library_root: Path) -> None:
    group = asked("bins: when?", "yes", "wen is the tip open # sundays")

    suggestion = suggest(load(library_root), group, council="oxford", intent=BINS)

    assert suggestion is not None
    patched = apply(library_root, suggestion)
    phrases = patched.councils["oxford"].overrides[BINS]["en"].extra_phrases
    assert "bins: when" in phrases and "wen is the tip open # sundays" in phrases


def test_likely_intents_come_from_the_councils_classifier(understanding: LibraryUnderstanding) -> None:
    library = understanding.library
    potholes = asked("theres a masive pothole outside my house", "pot hole in road needs fixing")
    boilers = asked("can u fix my boiler", "boiler broken again", "my boiler is brokn who do i call")
    welsh_bins = asked("pryd mae'r biniau'n cael eu gwagio", "diwrnod biniau plis", language="cy")

    assert likely_intents(library, potholes, None, understanding=understanding)[0] == "streets.pothole"
    found = likely_intents(library, boilers, library.councils["oxford"], understanding=understanding)
    assert found[0] == REPAIR and len(found) <= 3
    # Oxford speaks no Welsh: a Welsh-speaking council's classifier reads the group.
    oxford = library.councils["oxford"]
    assert likely_intents(library, welsh_bins, oxford, understanding=understanding)[0] == BINS
    for group in (potholes, boilers, welsh_bins):
        assert not [
            i
            for i in likely_intents(library, group, None, limit=10, understanding=understanding)
            if i.startswith(("system.", "dialogue."))
        ]


def test_without_an_intent_the_likeliest_one_gets_the_phrases(understanding: LibraryUnderstanding) -> None:
    group = asked("theres a masive pothole outside my house", "pot hole in road needs fixing")

    suggestion = suggest(understanding.library, group, council=None, understanding=understanding)

    assert suggestion is not None
    assert (suggestion.intent, suggestion.path) == ("streets.pothole", "intents/streets/pothole.yaml")


def test_an_overlay_without_a_final_newline_still_takes_the_patch(library_root: Path) -> None:
    overlay = library_root / "councils" / "oxford" / "council.yaml"
    overlay.write_text(overlay.read_text(encoding="utf-8").rstrip("\n"), encoding="utf-8")

    suggestion = suggest(load(library_root), asked("masive hole in the road"), council="oxford", intent=BINS)

    assert suggestion is not None
    patched = apply(library_root, suggestion)
    assert patched.councils["oxford"].overrides[BINS]["en"].extra_phrases == ("masive hole in the road",)


def test_a_phrase_too_close_to_another_intents_is_left_out(library_root: Path) -> None:
    library = load(library_root)
    pothole = next(p for p in library.intents["streets.pothole"].languages["en"].phrases if "[" not in p)
    reordered = " ".join(reversed(pothole.split()))  # the same content words: strict validation warns

    suggestion = suggest(library, asked(reordered, "wen do the binmen come"), council=None, intent=BINS)

    assert suggestion is not None
    assert [line.strip() for line in added_lines(suggestion.patch)] == ["- wen do the binmen come"]
    apply(library_root, suggestion)
