"""How one deployment fares with 4, 50 and 382 councils (issue 16 part 5).

For each size, a library of real councils from the national register (councils/register/) is written
to a temporary folder: a deterministic mix of counties with their districts, London boroughs,
metropolitan and other unitaries, Scottish and Northern Irish councils, and Welsh unitaries speaking
English and Welsh. Each overlay is written by the code of `sync-intents new-council`, given the facts
`validate --strict` asks for, and a few overrides (extra phrases, sometimes a disabled intent) chosen
per council from a fixed seed, so every council's model differs and runs compare.

Each size is measured in fresh processes, with its own NLU cache folder:
- `sync-intents validate --strict --library <folder>`, best of 3;
- the models built ahead (`sync-intents build-models` when it exists, after training them in one
  process per CPU), as an image build would; at sizes with more models than BUILD_ALL_UP_TO only the
  models of a sample of councils are built (training every one takes about 6 s of one CPU each), unless
  BENCH_SCALE_BUILD_ALL=1;
- in one new process, as a gunicorn worker would: `create_app()` time and RSS; the crisis detector
  trained (as gunicorn's post_fork does); one first chat to wake the worker; then the first chat for an
  English council and a Welsh council (in Welsh) the worker has never seen; then one chat with every
  council (whose model was built) in each of its languages, and the RSS after.

`python bench/bench_scale.py 4` measures one size only (while developing).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import Figure

REPOSITORY = Path(__file__).resolve().parents[1]
SIZES = (4, 50, 382)
SEED = 16  # issue 16: the same councils, phrases and disabled intents on every run
VALIDATE_RUNS = 3
#: Above this many (council, language) models, only a sample's models are built (see the docstring).
BUILD_ALL_UP_TO = 60
#: How many councils' models are built at a size above BUILD_ALL_UP_TO (besides those chatted first).
SAMPLE_COUNCILS = 20

# The goals at 382 councils (issue 16 part 5).
VALIDATE_GOAL_S = 2.0
CREATE_APP_GOAL_S = 2.0
CREATE_APP_GOAL_MIB = 250.0
FIRST_CHAT_GOAL_MS = 300.0
EVERY_COUNCIL_GOAL_MIB = 1024.0

#: The order councils are picked in, by the prefix of their GSS code: a county comes before its
#: districts; the cycle repeats until the register is used up, so any size is a mix.
KIND_CYCLE = ("E10", "E07", "W06", "E09", "E07", "E08", "E06", "S12", "W06", "E07", "N09")
KIND_NAMES = {
    "E10": "counties",
    "E07": "districts",
    "W06": "Welsh unitaries",
    "E09": "London boroughs",
    "E08": "metropolitan boroughs",
    "E06": "English unitaries",
    "S12": "Scottish councils",
    "N09": "Northern Irish councils",
}
#: Phone numbers from Ofcom's range for drama (01632 960000-960999): real councils, made-up numbers.
DRAMA_PHONES = "01632 960{:03d}"
#: What residents say first, per language; an intent every council's model knows.
FIRST_WORDS = {"en": "how do i pay my council tax", "cy": "sut mae talu treth gyngor"}
#: Intents no override or disabling touches: the conversation's own machinery.
MACHINERY = ("dialogue.", "system.")
SMALL_WORDS = {"of", "and", "upon", "on", "the", "in"}


@dataclass(frozen=True)
class Council:
    """A council of the register as this benchmark uses it."""

    slug: str
    gss_code: str
    nation: str
    county_slug: str | None
    welsh_name: str | None

    @property
    def kind(self) -> str:
        """The prefix of its GSS code: E07 a district, W06 a Welsh unitary, ..."""
        return self.gss_code[:3]

    @property
    def languages(self) -> tuple[str, ...]:
        """A Welsh council speaks English and Welsh (as new-council writes it); the others English."""
        return ("en", "cy") if self.nation == "wales" else ("en",)

    @property
    def area(self) -> str:
        """The area's name from the slug, e.g. "Kingston upon Thames"."""
        words = self.slug.split("-")
        return " ".join(w if i and w in SMALL_WORDS else w.capitalize() for i, w in enumerate(words))


# --- choosing and writing the councils ----------------------------------------------------------------


def register_councils() -> list[Council]:
    """Every council of the repository's register."""
    data = json.loads((REPOSITORY / "councils" / "register" / "uk_councils.json").read_text("utf-8"))
    return [
        Council(
            slug=c["slug"],
            gss_code=c["gss_code"],
            nation=c["nation"],
            county_slug=(c.get("county") or {}).get("slug"),
            welsh_name=c.get("welsh_name"),
        )
        for c in data["councils"]
    ]


def pick_order(councils: Sequence[Council], seed: int = SEED) -> list[Council]:
    """Every council in the order sizes take them: kinds in KIND_CYCLE's turn (each kind shuffled with
    the seed), a district only once its county is in, so every size is a mix and a smaller size is the
    start of a larger one."""
    shuffler = random.Random(seed)
    queues: dict[str, list[Council]] = {}
    for kind in dict.fromkeys(KIND_CYCLE):
        queue = sorted((c for c in councils if c.kind == kind), key=lambda c: c.slug)
        shuffler.shuffle(queue)
        queues[kind] = queue
    chosen: list[Council] = []
    taken: set[str] = set()
    while any(queues.values()):
        for kind in KIND_CYCLE:
            ready = [c for c in queues[kind] if c.county_slug is None or c.county_slug in taken]
            if ready:
                queues[kind].remove(ready[0])
                chosen.append(ready[0])
                taken.add(ready[0].slug)
    return chosen


def overrides_for(council: Council, phrases: dict[str, dict[str, list[str]]], seed: int = SEED) -> str:
    """The overlay's `intents:` block: 2-3 extra phrases (the library's own, naming the area) on one or
    two intents in each language the council speaks, and for about a third of councils one intent
    disabled; chosen from the seed and the slug, so the same council gets the same every run."""
    chooser = random.Random(f"{seed}:{council.slug}")
    eligible = sorted(
        i for i, by_language in phrases.items() if all(by_language.get(x) for x in ("en", "cy"))
    )
    lines = ["intents:", "  overrides:"]
    overridden = chooser.sample(eligible, k=chooser.choice((1, 2)))
    for intent_id in sorted(overridden):
        lines.append(f"    {intent_id}:")
        for language in council.languages:
            chosen = chooser.sample(phrases[intent_id][language], k=chooser.choice((2, 3)))
            lines.append(f"      {language}:")
            lines.append("        extra_phrases:")
            place = council.welsh_name if language == "cy" and council.welsh_name else council.area
            joiner = "in" if language == "en" else "yn ardal"  # "ardal" (area): no mutation to get wrong
            lines += [
                f"          - {json.dumps(f'{p} {joiner} {place}', ensure_ascii=False)}" for p in chosen
            ]
    if chooser.random() < 1 / 3:
        disabled = chooser.choice([i for i in eligible if i not in overridden])
        lines.append(f"  disabled: [{disabled}]")
    return "\n".join(lines) + "\n"


def with_strict_facts(text: str, council: Council) -> str:
    """new-council's overlay with what `validate --strict` asks of it: a Welsh council's name in Welsh
    (the register's Welsh area name where it has one), and a postal address as councils/oxford gives."""
    out: list[str] = []
    in_contact = False
    for line in text.splitlines():
        if line.startswith("  # TODO: cy: the council's own name in Welsh"):
            line = f"  cy: {json.dumps('Cyngor ' + (council.welsh_name or council.area), ensure_ascii=False)}"
        out.append(line)
        in_contact = in_contact or line == "contact:"
        if in_contact and line.startswith("  website:"):
            in_contact = False
            if council.nation == "wales":
                place = council.welsh_name or council.area
                out += [
                    "  address:",
                    f"    en: {json.dumps(f'Council Offices, {council.area}')}",
                    f"    cy: {json.dumps(f'Swyddfeydd y Cyngor, {place}', ensure_ascii=False)}",
                ]
            else:
                out.append(f"  address: {json.dumps(f'Council Offices, {council.area}')}")
    return "\n".join(out) + "\n"


def library_phrases(root: Path) -> dict[str, dict[str, list[str]]]:
    """{intent id: {language: plain phrases}} of the library's resident-facing intents (no annotations,
    so a phrase with the area added stays plain text)."""
    from webhook.library.loader import load_library

    library = load_library(root).library
    return {
        intent.id: {
            language: [p for p in text.phrases if not any(mark in p for mark in "[](){}")]
            for language, text in intent.languages.items()
        }
        for intent in library.intents.values()
        if not intent.id.startswith(MACHINERY) and not intent.fallback and not intent.input_contexts
    }


def write_library(root: Path, councils: Sequence[Council]) -> None:
    """A library folder at `root`: the repository's intents, schemas and register, and an overlay per
    council written as `sync-intents new-council` writes it, then completed (see with_strict_facts) and
    given its overrides."""
    from webhook.joining.overlay import overlay_text
    from webhook.register.load import load_register

    (root / "councils").mkdir(parents=True)
    shutil.copytree(REPOSITORY / "intents", root / "intents")
    for schema in (REPOSITORY / "councils").glob("*.schema.json"):
        shutil.copy(schema, root / "councils")
    shutil.copytree(REPOSITORY / "councils" / "register", root / "councils" / "register")
    register = load_register(root).register
    assert register is not None, "the repository's register does not load"
    phrases = library_phrases(root)
    for index, council in enumerate(councils):
        registered = register.by_slug(council.slug)
        assert registered is not None
        county_in = council.county_slug is None or (root / "councils" / council.county_slug).is_dir()
        county_phone = None if county_in else DRAMA_PHONES.format(999)
        text = overlay_text(registered, register, DRAMA_PHONES.format(index), county_phone=county_phone)
        text = with_strict_facts(text, council) + overrides_for(council, phrases)
        folder = root / "councils" / council.slug
        folder.mkdir()
        (folder / "council.yaml").write_text(text, encoding="utf-8")


def describe(councils: Sequence[Council]) -> str:
    """E.g. "2 counties, 5 districts, 1 Welsh unitaries"."""
    counts = {kind: sum(c.kind == kind for c in councils) for kind in KIND_NAMES}
    return ", ".join(f"{n} {KIND_NAMES[kind]}" for kind, n in counts.items() if n)


# --- measuring, in fresh processes --------------------------------------------------------------------


def sync_intents() -> str:
    """The `sync-intents` command of this virtualenv."""
    return str(Path(sys.executable).with_name("sync-intents"))


def validate_seconds(root: Path, cache: Path, runs: int = VALIDATE_RUNS) -> tuple[float, str]:
    """Best wall time of `sync-intents validate --strict` on the library, and its summary line. Run
    with the worker's NLU_CACHE_DIR, as the image's build runs it, so it leaves the stamp the worker
    finds (webhook/library/stamp.py)."""
    times, summary = [], ""
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(
            [sync_intents(), "validate", "--strict", "--library", str(root)],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "NLU_CACHE_DIR": str(cache)},
        )
        times.append(time.perf_counter() - started)
        if done.returncode != 0:
            raise RuntimeError(f"the generated library does not validate:\n{done.stdout[-3000:]}")
        summary = done.stdout.strip().splitlines()[-1]
    return min(times), summary


def has_build_models_command() -> bool:
    """Whether `sync-intents build-models` exists yet (it is being added while this benchmark is)."""
    listing = subprocess.run([sync_intents(), "--help"], capture_output=True, text=True, check=True).stdout
    return "build-models" in listing


@dataclass(frozen=True)
class Build:
    """How the models were built ahead: which councils, how long training took across CPUs and how
    long `sync-intents build-models` then took (None when it was not run)."""

    councils: tuple[str, ...]
    models: int
    train_seconds: float
    command_seconds: float | None
    command_output: str


def build_models(root: Path, cache: Path, slugs: Sequence[str], every_council: bool) -> Build:
    """Train the named councils' models into `cache`, one process per CPU; then, when every council's
    are built and the command exists, run `sync-intents build-models` (it finds them all on disk and
    writes its index, as it would in an image build)."""
    workers = max(1, min(os.cpu_count() or 1, len(slugs)))
    started = time.perf_counter()
    shards = [
        subprocess.Popen(
            [sys.executable, __file__, "--train", str(root), str(cache), ",".join(slugs[i::workers])],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(workers)
    ]
    models = 0
    for shard in shards:
        out, err = shard.communicate()
        if shard.returncode != 0:
            raise RuntimeError(f"training failed:\n{err[-3000:]}")
        models += int(out.strip().splitlines()[-1])
    train_seconds = time.perf_counter() - started
    command_seconds, output = None, ""
    if every_council and has_build_models_command():
        started = time.perf_counter()
        done = subprocess.run(
            [sync_intents(), "build-models", "--library", str(root)],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "NLU_CACHE_DIR": str(cache)},
        )
        command_seconds, output = time.perf_counter() - started, done.stdout.strip()
    return Build(tuple(slugs), models, train_seconds, command_seconds, output)


def train_in_this_process(root: Path, cache: Path, slugs: Sequence[str]) -> int:
    """(Child process) train and cache each named council's models in each of its languages."""
    from webhook.agent.nlu import NLUSettings
    from webhook.agent.store import load_or_train
    from webhook.agent.training import training_set
    from webhook.library.validate import validate_library

    library = validate_library(root).library
    settings = NLUSettings()
    count = 0
    for slug in slugs:
        council = library.council(slug)
        assert council is not None, slug
        for language in council.languages:
            load_or_train(training_set(library, council, language, settings.max_variants), settings, cache)
            count += 1
    return count


@dataclass(frozen=True)
class ChatPlan:
    """Who the worker chats with: one council to wake it, then an English and a Welsh council it has
    never seen, then every council in `everyone` in each of its languages."""

    wake: str
    english: str
    welsh: str
    everyone: tuple[str, ...]


def chat_plan(councils: Sequence[Council]) -> ChatPlan:
    """The first council wakes the worker; the last English and last Welsh ones are the never-seen."""
    english = [c.slug for c in councils if c.nation != "wales"]
    welsh = [c.slug for c in councils if c.nation == "wales"]
    return ChatPlan(english[0], english[-1], welsh[-1], tuple(c.slug for c in councils))


def sampled(councils: Sequence[Council], plan: ChatPlan, count: int = SAMPLE_COUNCILS) -> list[str]:
    """The councils whose models are built when not all can be: the plan's own, and `count` others
    spread evenly through the pick order (so the sample is as mixed as the whole)."""
    step = max(1, len(councils) // count)
    chosen = [plan.wake, plan.english, plan.welsh] + [c.slug for c in councils[::step]]
    return list(dict.fromkeys(chosen))


def serve(root: Path, cache: Path, plan: ChatPlan) -> dict[str, Any]:
    """Run serve_in_this_process in a new process; its figures."""
    done = subprocess.run(
        [sys.executable, __file__, "--serve", str(root), str(cache), json.dumps(plan.__dict__)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NLU_CACHE_DIR": str(cache)},
    )
    if done.returncode != 0:
        raise RuntimeError(f"the worker failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def rss_mib() -> float:
    """This process's resident memory (VmRSS), in MiB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def serve_in_this_process(root: Path, cache: Path, plan: ChatPlan) -> dict[str, Any]:
    """(Child process) what a gunicorn worker goes through, timed: see the module docstring."""
    started = time.perf_counter()
    from webhook import create_app
    from webhook.fulfilment.auth import Credentials
    from webhook.safeguarding.detector import warm_in_background

    figures: dict[str, Any] = {"import_s": time.perf_counter() - started, "rss_start_mib": rss_mib()}
    slugs = [folder.name for folder in (root / "councils").iterdir() if (folder / "council.yaml").is_file()]
    settings = {
        "APP_ENV": "production",
        "LIBRARY_DIR": root,
        "SECRET_KEY": "bench-scale",
        "WEBHOOK_CREDENTIALS": {slug: Credentials(token="bench-scale") for slug in slugs},
        "NLU_CACHE_DIR": cache,
        "DATABASE_URL": f"sqlite:///{cache / 'app.sqlite3'}",
        # Only a sample's models are built at 382: the warm-up would train every other council's in the
        # background (as a worker without `build-models` would), and the figures would measure that.
        "NLU_WARM_UP": False,
        # Every turn comes from one address: lift the rate limit (as tests/chat/conftest.py does).
        "CHAT_RATE_PER_MINUTE": 100_000_000,
        "CHAT_RATE_BURST": 100_000_000,
    }
    started = time.perf_counter()
    app = create_app(settings)
    figures["create_app_s"] = time.perf_counter() - started
    figures["rss_create_app_mib"] = rss_mib()
    started = time.perf_counter()
    warm_in_background().join()  # gunicorn's post_fork: the worker trains its crisis detector first
    figures["detector_s"] = time.perf_counter() - started
    client = app.test_client()

    def chat(slug: str, language: str, session: str) -> float:
        body = {"council": slug, "session": session, "text": FIRST_WORDS[language], "language": language}
        began = time.perf_counter()
        response = client.post("/api/chat", json=body)
        elapsed = time.perf_counter() - began
        if response.status_code != 200 or response.get_json()["language"] != language:
            raise RuntimeError(f"{slug}/{language}: {response.status_code} {response.get_data(as_text=True)}")
        return elapsed

    figures["wake_ms"] = chat(plan.wake, "en", "bench-wake") * 1000
    figures["first_english_ms"] = chat(plan.english, "en", "bench-first-en") * 1000
    figures["first_welsh_ms"] = chat(plan.welsh, "cy", "bench-first-cy") * 1000
    figures["rss_first_chats_mib"] = rss_mib()
    library = app.extensions["library_report"].library
    started = time.perf_counter()
    turns = 0
    for slug in plan.everyone:
        for language in library.councils[slug].languages:
            chat(slug, language, f"bench-every-{slug}-{language}")
            turns += 1
    figures["every_s"] = time.perf_counter() - started
    figures["every_turns"] = turns
    figures["rss_every_mib"] = rss_mib()
    return figures


@dataclass(frozen=True)
class SizeResult:
    """Everything measured at one size."""

    size: int
    mix: str
    validate_s: float
    validate_summary: str
    build: Build
    all_built: bool
    served: dict[str, Any]


def measure(size: int, order: Sequence[Council]) -> SizeResult:
    """Write the library of the first `size` councils and measure it (see the module docstring)."""
    councils = list(order[:size])
    plan = chat_plan(councils)
    pairs = sum(len(c.languages) for c in councils)
    all_built = pairs <= BUILD_ALL_UP_TO or os.environ.get("BENCH_SCALE_BUILD_ALL") == "1"
    with tempfile.TemporaryDirectory(prefix=f"bench-scale-{size}-") as folder:
        root, cache = Path(folder) / "library", Path(folder) / "nlu-cache"
        write_library(root, councils)
        validate_s, summary = validate_seconds(root, cache)
        to_build = [c.slug for c in councils] if all_built else sampled(councils, plan)
        build = build_models(root, cache, to_build, every_council=all_built)
        if not all_built:
            plan = ChatPlan(plan.wake, plan.english, plan.welsh, tuple(to_build))
        served = serve(root, cache, plan)
    return SizeResult(size, describe(councils), validate_s, summary, build, all_built, served)


def details(result: SizeResult) -> list[tuple[str, str]]:
    """One size's measurements as (what, value) rows for its table."""
    s, build = result.served, result.build
    built = "every council's" if result.all_built else f"a sample of {len(build.councils)} councils'"
    command = (
        f"; then `sync-intents build-models` {build.command_seconds:.1f} s: {build.command_output}"
        if build.command_seconds is not None
        else "; `sync-intents build-models` not run (it would train every council's)"
    )
    processes = min(os.cpu_count() or 1, len(build.councils))
    # The wake, never-seen English and Welsh chats loaded 3 models before the round of every council.
    loaded = max(1, s["every_turns"] - 3)
    return [
        (
            "validate --strict (new process, best of 3)",
            f"{result.validate_s:.2f} s; {result.validate_summary}",
        ),
        (
            "models built ahead",
            f"{built}: {build.models} trained in {build.train_seconds:.0f} s on {processes} "
            f"processes{command}",
        ),
        ("import webhook (worker)", f"{s['import_s']:.2f} s"),
        ("create_app()", f"{s['create_app_s']:.2f} s, RSS {s['rss_create_app_mib']:.0f} MiB"),
        ("crisis detector trained (post_fork)", f"{s['detector_s']:.2f} s"),
        ("first chat of the worker (wakes it)", f"{s['wake_ms']:.0f} ms"),
        ("first chat, never-seen English council", f"{s['first_english_ms']:.0f} ms"),
        ("first chat, never-seen Welsh council (cy)", f"{s['first_welsh_ms']:.0f} ms"),
        ("RSS after those three chats", f"{s['rss_first_chats_mib']:.0f} MiB"),
        (
            f"one chat with each of {result.size if result.all_built else len(build.councils)} councils",
            f"{s['every_turns']} turns in {s['every_s']:.1f} s, then RSS {s['rss_every_mib']:.0f} MiB "
            f"({(s['rss_every_mib'] - s['rss_first_chats_mib']) / loaded:.1f} MiB more per model loaded)",
        ),
    ]


def figures_of(result: SizeResult) -> list[Figure]:
    """One size's figures; at 382 councils, held to issue 16's goals."""
    s, at_goal = result.served, result.size >= max(SIZES)

    def goal(text: str, met: bool) -> dict[str, Any]:
        return {"goal": text, "met": met} if at_goal else {}

    prefix = f"scale {result.size}:"
    first_ms = max(s["first_english_ms"], s["first_welsh_ms"])
    every = "every council" if result.all_built else f"{len(result.build.councils)} of {result.size} councils"
    return [
        Figure(
            f"{prefix} validate --strict (wall)",
            f"{result.validate_s:.2f} s",
            **goal("< 2 s", result.validate_s < VALIDATE_GOAL_S),
        ),
        Figure(f"{prefix} models built ahead ({result.build.models})", f"{result.build.train_seconds:.0f} s"),
        Figure(
            f"{prefix} create_app()",
            f"{s['create_app_s']:.2f} s",
            **goal("< 2 s", s["create_app_s"] < CREATE_APP_GOAL_S),
        ),
        Figure(
            f"{prefix} worker RSS after create_app()",
            f"{s['rss_create_app_mib']:.0f} MiB",
            **goal("< 250 MiB", s["rss_create_app_mib"] < CREATE_APP_GOAL_MIB),
        ),
        Figure(
            f"{prefix} first chat, never-seen council (en / cy)",
            f"{s['first_english_ms']:.0f} / {s['first_welsh_ms']:.0f} ms",
            **goal("< 300 ms", first_ms < FIRST_CHAT_GOAL_MS),
        ),
        Figure(
            f"{prefix} worker RSS after chatting with {every}",
            f"{s['rss_every_mib']:.0f} MiB",
            # Measured on a sample, the goal (every council) is not judged.
            **(goal("< 1 GiB", s["rss_every_mib"] < EVERY_COUNCIL_GOAL_MIB) if result.all_built else {}),
        ),
    ]


def main(sizes: Sequence[int] = SIZES) -> list[Figure]:
    """Measure each size in turn, printing its table; every size's figures."""
    order = pick_order(register_councils())
    figures: list[Figure] = []
    for size in sizes:
        started = time.perf_counter()
        result = measure(size, order)
        print(f"\n{size} councils: {result.mix}")
        for name, value in details(result):
            print(f"  {name:44} {value}")
        print(f"  ({size} councils took {time.perf_counter() - started:.0f} s)", flush=True)
        figures += figures_of(result)
    return figures


def child(arguments: Sequence[str]) -> str:
    """The subprocesses' entry points: `--train ROOT CACHE SLUG,SLUG,...` prints how many models it
    trained; `--serve ROOT CACHE PLAN_JSON` prints the worker's figures as JSON."""
    mode, root, cache, rest = arguments[0], Path(arguments[1]), Path(arguments[2]), arguments[3]
    if mode == "--train":
        return str(train_in_this_process(root, cache, rest.split(",")))
    plan = json.loads(rest)
    return json.dumps(
        serve_in_this_process(root, cache, ChatPlan(**{**plan, "everyone": tuple(plan["everyone"])}))
    )


if __name__ == "__main__":
    if sys.argv[1:2] in (["--train"], ["--serve"]):
        print(child(sys.argv[1:]), flush=True)
    else:
        main([int(size) for size in sys.argv[1:]] or SIZES)
