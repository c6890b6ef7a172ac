"""Print a resolved intent with the layer each value came from (`sync-intents show`)."""

from __future__ import annotations

from webhook.library.model import Council, Library, localise
from webhook.library.resolve import ResolvedIntent, resolve_message
from webhook.library.translations import WELSH, ReviewCount, review_counts, welsh_strings


def describe(resolved: ResolvedIntent) -> list[str]:
    """Readable lines: each value followed by `[layer]`."""
    intent, council = resolved.intent, resolved.council
    provider = resolved.provider
    lines = [
        f"{intent.id} for {localise(council.name, resolved.language)} ({council.slug}), "
        f"language {resolved.language}",
        f"  title: {intent.title}  [library]",
        f"  tier: {intent.tier}; council tier: {council.tier}",
    ]
    if provider.routing == "to_county" and provider.facts:
        name = localise(provider.facts.values.get("name"), resolved.language)
        lines.append(f"  provided by: {name}  [{provider.facts.layer}]")
    elif provider.routing == "to_district":
        lines.append("  provided by: the resident's district council")
    if intent.webhook:
        lines.append(f"  fulfilment: webhook handler {intent.handler}  [library]")
    lines.append("  phrases:")
    lines += [f"    - {p.value}  [{p.layer}]" for p in resolved.phrases]
    responses, layers = resolved.responses, resolved.response_layers
    lines.append("  responses:")
    lines += [f"    text: {text}  [{layers['text']}]" for text in responses.text]
    lines += [f"    quick reply: {q}  [{layers['quick_replies']}]" for q in responses.quick_replies]
    lines += [f"    link: {link.text} -> {link.url}  [{layers['links']}]" for link in responses.links]
    if responses.card:
        lines.append(f"    card: {responses.card.title}  [{layers['card']}]")
    for name, prompts in resolved.prompts.items():
        lines += [f"  prompt for {name}: {prompt}  [{prompts.layer}]" for prompt in prompts.value]
    if resolved.facts:
        lines.append("  facts filled in:")
        lines += [f"    {{{name}}} = {fact.value}  [{fact.layer}]" for name, fact in resolved.facts.items()]
    if resolved.unresolved:
        lines.append(f"  unresolved placeholders: {', '.join(resolved.unresolved)}")
    return lines


def describe_message(library: Library, council: Council, message_id: str, language: str) -> list[str]:
    """One of the bot's own sentences as the council words it, followed by `[layer]`."""
    found = resolve_message(library, council, message_id, language)
    return [
        f"{message_id} for {localise(council.name, language)} ({council.slug}), language {language}",
        f"  text: {found.value}  [{found.layer}]",
    ]


def describe_review(library: Library, slug: str | None = None) -> list[str]:
    """What still needs a Welsh speaker, per council that speaks Welsh (or only `slug`): totals, then
    each intent, messages file or routing message with strings waiting. KeyError for a council that
    is not there or does not speak Welsh."""
    speakers = sorted(slug for slug, council in library.councils.items() if WELSH in council.languages)
    if slug is not None and slug not in speakers:
        known = ", ".join(speakers) or "none"
        raise KeyError(f"{slug!r} is not a council that speaks Welsh (those that do: {known})")
    if not speakers:
        return ["no council speaks Welsh"]
    strings = welsh_strings(library)
    lines = ["Welsh still waiting for a Welsh speaker (review state not native or reviewed):"]
    for each in [slug] if slug else speakers:
        lines += _council_review(library.councils[each], review_counts(strings, each))
    return lines


def _council_review(council: Council, counts: list[ReviewCount]) -> list[str]:
    reviewed = [count for count in counts if count.block.review is not None]
    said, waiting = sum(c.said for c in reviewed), sum(c.said_waiting for c in reviewed)
    phrases, phrases_waiting = sum(c.phrases for c in reviewed), sum(c.phrases_waiting for c in reviewed)
    lines = [
        "",
        f"{council.slug} ({localise(council.name, WELSH)}): {waiting} of {said} texts the bot says and "
        f"{phrases_waiting} of {phrases} training phrases need a Welsh speaker",
    ]
    for count in reviewed:
        if count.waiting:
            phrases_part = (
                f"phrases {count.phrases_waiting:>3} of {count.phrases:<3}" if count.phrases else " " * 17
            )
            lines.append(
                f"  {count.block.label:<42} says {count.said_waiting:>3} of {count.said:<3} "
                f"{phrases_part} [{count.block.review}]"
            )
    if done := sum(not count.waiting for count in reviewed):
        lines.append(f"  {done} more fully reviewed")
    for count in counts:
        if count.block.review is None:
            lines.append(
                f"  {count.block.label:<42} {count.said + count.phrases} texts of its own "
                "(no welsh_review mark in council.yaml yet)"
            )
    return lines
