"""Print a resolved intent with the layer each value came from (`sync-intents show`)."""

from __future__ import annotations

from webhook.library.model import Council, Library, localise
from webhook.library.resolve import ResolvedIntent, resolve_message


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
