"""What a council's answers still lack, intent by intent, and what residents get meanwhile
(`sync-intents show --council <slug> --missing`): the service pages and facts that fall back to the
council's home page or main number, and the counties known only from the register."""

from __future__ import annotations

from dataclasses import dataclass

from webhook.library.model import Council, Library, localise
from webhook.library.resolve import DEFAULT, REGISTER, ResolvedIntent, resolve_intent
from webhook.register.model import GOV_UK_FINDER

#: What a service placeholder falls back to, by its field.
_FALLBACK = {"url": "the home page", "phone": "the main phone number", "email": "the main email address"}


@dataclass(frozen=True)
class Missing:
    """One fact an answer lacks: where to give it, and what residents get until it is given."""

    where: str
    meanwhile: str


def council_wide(council: Council, language: str) -> list[Missing]:
    """The overlay's own facts that are still missing, and what that means for residents."""
    found: list[Missing] = []
    website = localise(council.contact.get("website"), language) or ""
    if website.startswith(GOV_UK_FINDER):
        found.append(
            Missing(
                "contact.website",
                f"links go to GOV.UK's page for the council ({website}), which links to its site",
            )
        )
    if "opening_hours" not in council.contact:
        found.append(
            Missing("contact.opening_hours", "answers never say whether the phone lines are open now")
        )
    if "address" not in council.contact:
        found.append(Missing("contact.address", "the contact answer gives no address"))
    if "email" not in council.contact:
        found.append(Missing("contact.email", "the contact answer gives no email address"))
    if "cy" in council.languages and (isinstance(council.name, str) or "cy" not in council.name):
        found.append(Missing("name.cy", "Welsh answers give the council's English name"))
    return found


def missing_by_intent(library: Library, council: Council, language: str) -> list[tuple[str, list[Missing]]]:
    """Each offered intent with what its answer in `language` still lacks (intents lacking nothing are
    left out), in intent order."""
    found = []
    for intent_id in sorted(library.intents):
        intent = library.intents[intent_id]
        if not council.offers(intent_id) or language not in intent.languages:
            continue
        resolved = resolve_intent(library, council, intent_id, language)
        missing = _missing(resolved)
        if missing:
            found.append((intent_id, missing))
    return found


def _missing(resolved: ResolvedIntent) -> list[Missing]:
    council, intent, provider = resolved.council, resolved.intent, resolved.provider
    facts = provider.facts
    found: list[Missing] = []
    if facts is not None and facts.layer == REGISTER:
        name = localise(facts.values.get("name"), resolved.language)
        found.append(
            Missing(
                f"county ({council.county})",
                f"routed to {name} by the register's name and website, with no phone number; "
                f"an overlay for the county (sync-intents new-council {council.county}) gives more",
            )
        )
    for name, fact in resolved.facts.items():
        namespace, _, field_name = name.partition(".")
        if namespace != "service" or fact.layer != DEFAULT:
            continue
        owner = facts.slug if facts is not None and facts.slug else None
        where = f"services.{intent.id}.{field_name}"
        if owner and owner != council.slug:
            where = f"{where} in councils/{owner}/council.yaml"
        elif facts is not None and facts.layer == REGISTER:
            where = f"{where} in the county's overlay (it has none yet)"
        found.append(Missing(where, f"{_FALLBACK.get(field_name, 'a general fact')}: {fact.value}"))
    found += [
        Missing(name, "nothing: the placeholder is left as written (sync-intents validate reports it)")
        for name in resolved.unresolved
    ]
    return found


def describe_missing(library: Library, council: Council, language: str) -> list[str]:
    """Readable lines for `show --missing`."""
    name = localise(council.name, language)
    lines = [f"What {name} ({council.slug}) has not given yet, for answers in {language}:"]
    wide = council_wide(council, language)
    if wide:
        lines.append("council-wide:")
        lines += [f"  {missing.where}: meanwhile {missing.meanwhile}" for missing in wide]
    by_intent = missing_by_intent(library, council, language)
    offered = sum(council.offers(intent_id) for intent_id in library.intents)
    lines.append(f"intent by intent ({len(by_intent)} of {offered} offered intents lack something):")
    for intent_id, missing in by_intent:
        lines.append(f"  {intent_id}")
        lines += [f"    {item.where}: meanwhile {item.meanwhile}" for item in missing]
    if not wide and not by_intent:
        lines.append("nothing: every answer has the council's own facts")
    return lines
