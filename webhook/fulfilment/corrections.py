"""A corrected postcode redoes the lookup it corrects: "sorry wrong postcode, its AA2 5TG" after a bin-day
answer gives AA2 5TG's bin days, not only "OK, I'll use AA2 5TG from now on". The engine rewrites the
call to the lookup's own intent before any handler runs, as it does for an answer to the bot's own
question (questions.py), so a council's Dialogflow agent and the offline agent behave the same.
"""

from __future__ import annotations

from dataclasses import replace

from webhook.fulfilment.handlers.common import RESIDENT_CONTEXT
from webhook.fulfilment.places_named import postcode_in_text
from webhook.fulfilment.questions import leave_flow
from webhook.fulfilment.turn import Reply, WebhookCall
from webhook.library.model import Council, Library

DIFFERENT_ADDRESS = "dialogue.different_address"


def corrected_lookup(library: Library, council: Council, call: WebhookCall) -> WebhookCall:
    """For "a different address" that names the new postcode, the call of the lookup that used the old
    one (which the resident's remembered postcode names), with the new postcode; other calls unchanged."""
    if call.intent_name != DIFFERENT_ADDRESS:
        return call
    remembered = call.contexts.get(RESIDENT_CONTEXT)
    lookup = remembered.parameters.get("intent") if remembered else None
    if not isinstance(lookup, str) or lookup == DIFFERENT_ADDRESS or not council.offers(lookup):
        return call
    intent = library.intents.get(lookup)
    if intent is None or not any(parameter.name == "postcode" for parameter in intent.parameters):
        return call
    given = call.parameters.get("postcode")
    postcode = postcode_in_text(given if isinstance(given, str) else "") or postcode_in_text(call.query_text)
    if postcode is None:
        return call  # no new postcode yet: the handler asks for it
    return replace(call, intent_name=lookup, parameters={"postcode": postcode}, original_parameters={})


def ending_earlier_flows(call: WebhookCall, reply: Reply) -> Reply:
    """The lookup's reply, ending whatever the old postcode had started (an address picker, a question)
    that the reply does not itself carry on."""
    kept = {context.name for context in reply.output_contexts}
    ended = tuple(context for context in leave_flow(call.contexts) if context.name not in kept)
    return replace(reply, output_contexts=(*ended, *reply.output_contexts))
