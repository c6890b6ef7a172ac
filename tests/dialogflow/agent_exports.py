"""Two agent exports in Dialogflow ES's format, shaped like real console exports, for import tests.

Written from the format of the API reference and real exports (not copied from any): `COUNCIL_CONSOLE` is a
whole console export (agent.json with its settings, English default and Welsh, the stock intents, display
names with spaces, actions, `$param.original` values, capitalised parameter names, hyphenated contexts,
several text messages, `#context.param` defaults, quick replies and a follow-up's card and links on the
Telegram tab, which starts with the default texts). `LIBRARY_SUPPLEMENTARY` is the other shape the
console writes: no agent.json, English only, dotted display names, a follow-up chain three deep, a list
entity and a list parameter, an annotation Dialogflow made itself (`userDefined: false`), and quick replies
on the default platform (as an agent written through the API can have them). The Welsh is machine-drafted
test data: it needs a Welsh speaker's review.
"""

from __future__ import annotations

from typing import Any


def intent(
    uid: str,
    name: str,
    *,
    parent: tuple[str, str] | None = None,
    contexts: list[str] | None = None,
    action: str = "",
    affected: list[tuple[str, int]] | None = None,
    parameters: list[dict[str, Any]] | None = None,
    messages: list[dict[str, Any]] | None = None,
    webhook: bool = False,
    slot_filling: bool = False,
    fallback: bool = False,
    events: list[str] | None = None,
    default_platforms: tuple[str, ...] = (),
) -> dict[str, Any]:
    """An intent file as the console writes it."""
    data: dict[str, Any] = {"id": uid}
    if parent:
        data["parentId"], data["rootParentId"] = parent
    return data | {
        "name": name,
        "auto": True,
        "contexts": contexts or [],
        "responses": [
            {
                "resetContexts": False,
                "action": action,
                "affectedContexts": [
                    {"name": n, "parameters": {}, "lifespan": life} for n, life in affected or []
                ],
                "parameters": parameters or [],
                "messages": messages or [],
                "defaultResponsePlatforms": {p: True for p in default_platforms},
                "speech": [],
            }
        ],
        "priority": 500000,
        "webhookUsed": webhook,
        "webhookForSlotFilling": slot_filling,
        "fallbackIntent": fallback,
        "events": [{"name": e} for e in events or []],
        "conditionalResponses": [],
        "condition": "",
        "conditionalFollowupEvents": [],
    }


def parameter(
    uid: str,
    name: str,
    data_type: str,
    *,
    value: str = "",
    required: bool = False,
    default: str = "",
    is_list: bool = False,
    prompts: list[tuple[str, str]] | None = None,
) -> dict[str, Any]:
    """A parameter as the console writes it."""
    return {
        "id": uid,
        "name": name,
        "required": required,
        "dataType": data_type,
        "value": value or f"${name}",
        "defaultValue": default,
        "isList": is_list,
        "prompts": [{"lang": lang, "value": text} for lang, text in prompts or []],
        "promptMessages": [],
        "noMatchPromptMessages": [],
        "noInputPromptMessages": [],
        "outputDialogContexts": [],
    }


def text(lang: str, *speech: str) -> dict[str, Any]:
    return {"type": 0, "lang": lang, "condition": "", "speech": list(speech)}


def replies(lang: str, *options: str, platform: str = "") -> dict[str, Any]:
    on = {"platform": platform} if platform else {}
    return {"type": 2, **on, "lang": lang, "condition": "", "title": "", "replies": list(options)}


def card(
    lang: str,
    title: str,
    buttons: list[tuple[str, str]],
    subtitle: str = "",
    image: str = "",
    platform: str = "telegram",
) -> dict[str, Any]:
    return {
        "type": 1,
        "platform": platform,
        "lang": lang,
        "condition": "",
        "title": title,
        "subtitle": subtitle,
        "imageUrl": image,
        "buttons": [{"text": t, "postback": url} for t, url in buttons],
    }


def says(uid: str, *phrases: list[tuple[str, ...]]) -> list[dict[str, Any]]:
    """Training phrases: each a list of parts, (text,) or (text, alias, @entity[, user defined])."""
    found = []
    for index, parts in enumerate(phrases):
        data = []
        for part in parts:
            item: dict[str, Any] = {"text": part[0]}
            if len(part) > 1:
                item |= {"alias": part[1], "meta": part[2]}
            item["userDefined"] = bool(part[3]) if len(part) > 3 else len(part) > 1
            data.append(item)
        found.append({"id": f"{uid}-{index}", "data": data, "isTemplate": False, "count": 0, "updated": 0})
    return found


def entity(
    uid: str, name: str, *, enum: bool = False, regexp: bool = False, fuzzy: bool = False
) -> dict[str, Any]:
    return {
        "id": uid,
        "name": name,
        "isOverridable": True,
        "isEnum": enum,
        "isRegexp": regexp,
        "automatedExpansion": False,
        "allowFuzzyExtraction": fuzzy,
    }


WELCOME, FALLBACK, BINS, MORE = (f"0c0ffee0-0000-4000-8000-00000000000{n}" for n in range(4))
POSTCODE = r"[A-Za-z]{1,2}[0-9][0-9A-Za-z]? ?[0-9][A-Za-z]{2}"

COUNCIL_CONSOLE: dict[str, Any] = {
    "package.json": {"version": "1.0.0"},
    "agent.json": {
        "description": "Vale council helper",
        "language": "en",
        "shortDescription": "",
        "examples": "",
        "linkToDocs": "",
        "displayName": "Vale Council",
        "disableInteractionLogs": False,
        "disableStackdriverLogs": True,
        "defaultTimezone": "Europe/London",
        "webhook": {
            "url": "https://bot.vale.example/dialogflow",
            "username": "",
            "headers": {},
            "available": True,
            "useForDomains": False,
            "cloudFunctionsEnabled": False,
            "cloudFunctionsInitialized": False,
        },
        "isPrivate": True,
        "customClassifierMode": "use.after",
        "mlMinConfidence": 0.45,
        "supportedLanguages": ["cy"],
        "enableOnePlatformResponses": True,
        "onePlatformApiVersion": "v2",
        "analyzeQueryTextSentiment": False,
        "enabledKnowledgeBaseNames": [],
        "knowledgeServiceConfidenceAdjustment": -0.4,
        "dialogBuilderMode": False,
        "baseActionPackagesUrl": "",
        "enableSpellCorrection": True,
    },
    "intents/Default Welcome Intent.json": intent(
        WELCOME,
        "Default Welcome Intent",
        action="input.welcome",
        affected=[("resident-details", 50)],
        events=["WELCOME"],
        default_platforms=("telegram",),
        messages=[
            text("en", "Hello! I can help with bins and council tax."),
            replies("en", "Bin day", "Council tax", platform="telegram"),
            text("cy", "Helo! Gallaf helpu gyda biniau a threth y cyngor."),
            replies("cy", "Diwrnod bin", "Treth y cyngor", platform="telegram"),
        ],
    ),
    "intents/Default Welcome Intent_usersays_en.json": says("w-en", [("hiya",)], [("morning",)]),
    "intents/Default Welcome Intent_usersays_cy.json": says("w-cy", [("shwmae",)], [("bore da",)]),
    "intents/Default Fallback Intent.json": intent(
        FALLBACK,
        "Default Fallback Intent",
        action="input.unknown",
        fallback=True,
        messages=[
            text("en", "Sorry, I didn't catch that.", "Could you say that another way?"),
            text("cy", "Mae'n ddrwg gen i, wnes i ddim deall.", "Allwch chi ddweud hynny mewn ffordd arall?"),
        ],
    ),
    "intents/Bins - collection day.json": intent(
        BINS,
        "Bins - collection day",
        action="bins.day",
        affected=[("bin-collection", 5)],
        webhook=True,
        slot_filling=True,
        parameters=[
            parameter(
                "p-postcode",
                "Postcode",
                "@uk-postcode",
                value="$Postcode.original",
                required=True,
                default="#resident-details.postcode",
                prompts=[("en", "Which postcode?"), ("cy", "Pa god post?")],
            ),
            parameter("p-bin", "BinType", "@bin-type"),
        ],
        messages=[
            text("en", "Let me look that up."),
            text("en", "Bins go out by 7am."),
            text("cy", "Gadewch i mi edrych."),
            text("cy", "Rhowch y biniau allan erbyn 7yb."),
        ],
    ),
    "intents/Bins - collection day_usersays_en.json": says(
        "b-en",
        [("which day are the bins collected",)],
        [
            ("when do the ",),
            ("recycling", "BinType", "@bin-type"),
            (" bins go for ",),
            ("CF10 1AA", "Postcode", "@uk-postcode"),
        ],
    ),
    "intents/Bins - collection day_usersays_cy.json": says(
        "b-cy", [("pa ddiwrnod mae'r biniau'n cael eu casglu",)]
    ),
    "intents/Bins - collection day - more.json": intent(
        MORE,
        "Bins - collection day - more",
        parent=(BINS, BINS),
        contexts=["bin-collection"],
        action="bins.day.more",
        default_platforms=("telegram",),
        messages=[
            text("en", "Here is the calendar."),
            card(
                "en",
                "Collection calendar",
                [("Open calendar", "https://vale.example/bins/calendar")],
                subtitle="Every other week",
                image="https://vale.example/bins.png",
            ),
            card("en", "", [("Missed bin", "https://vale.example/bins/missed")]),
            text("cy", "Dyma'r calendr."),
        ],
    ),
    "intents/Bins - collection day - more_usersays_en.json": says("m-en", [("show me the calendar",)]),
    "intents/Bins - collection day - more_usersays_cy.json": says("m-cy", [("dangos y calendr",)]),
    "entities/uk-postcode.json": entity("e-postcode", "uk-postcode", regexp=True),
    "entities/uk-postcode_entries_en.json": [{"value": POSTCODE, "synonyms": [POSTCODE]}],
    "entities/uk-postcode_entries_cy.json": [{"value": POSTCODE, "synonyms": [POSTCODE]}],
    "entities/bin-type.json": entity("e-bin", "bin-type", fuzzy=True),
    "entities/bin-type_entries_en.json": [
        {"value": "recycling", "synonyms": ["recycling", "blue bin"]},
        {"value": "general", "synonyms": ["general", "black bin", "rubbish"]},
    ],
    "entities/bin-type_entries_cy.json": [
        {"value": "ailgylchu", "synonyms": ["ailgylchu", "bin glas"]},
        {"value": "cyffredinol", "synonyms": ["cyffredinol", "bin du"]},
    ],
}

RENEW, RENEW_DATE, RENEW_CONFIRM, LOST = (f"1ab0c0de-0000-4000-8000-00000000000{n}" for n in range(4))

LIBRARY_SUPPLEMENTARY: dict[str, Any] = {
    "package.json": {"version": "1.0.0"},
    "intents/libraries.renew.books.json": intent(
        RENEW,
        "libraries.renew.books",
        action="libraries.renew",
        affected=[("librariesrenewbooks-followup", 2)],
        events=["RENEW_START"],
        parameters=[
            parameter(
                "p-branch",
                "branches",
                "@library-branch",
                is_list=True,
                required=True,
                prompts=[("en", "Which branch did you borrow from?")],
            )
        ],
        messages=[text("en", "I can renew books borrowed from $branches.")],
    ),
    "intents/libraries.renew.books_usersays_en.json": says(
        "r-en",
        [("renew my library loans",)],
        [("renew the books from ",), ("Canton", "branches", "@library-branch")],
    ),
    "intents/libraries.renew.books - date.json": intent(
        RENEW_DATE,
        "libraries.renew.books - date",
        parent=(RENEW, RENEW),
        contexts=["librariesrenewbooks-followup"],
        action="libraries.renew.date",
        affected=[("librariesrenewbooks-date-followup", 2)],
        parameters=[parameter("p-date", "date", "@sys.date", required=True, prompts=[("en", "Until when?")])],
        messages=[text("en", "Renewed until $date.")],
    ),
    "intents/libraries.renew.books - date_usersays_en.json": says(
        "d-en", [("keep them until ",), ("next friday", "date", "@sys.date", False)]
    ),
    "intents/libraries.renew.books - date - yes.json": intent(
        RENEW_CONFIRM,
        "libraries.renew.books - date - yes",
        parent=(RENEW_DATE, RENEW),
        contexts=["librariesrenewbooks-date-followup"],
        messages=[text("en", "Done. You will get an email."), replies("en", "Renew more", "That's all")],
    ),
    "intents/libraries.renew.books - date - yes_usersays_en.json": says(
        "y-en", [("yes do it",)], [("go ahead",)]
    ),
    "intents/libraries.lost.card.json": intent(
        LOST,
        "libraries.lost.card",
        webhook=True,
        messages=[text("en", "You can order a new library card online.")],
    ),
    "intents/libraries.lost.card_usersays_en.json": says("l-en", [("I lost my library card",)]),
    "entities/library-branch.json": entity("e-branch", "library-branch", enum=True),
    "entities/library-branch_entries_en.json": [
        {"value": "Canton", "synonyms": ["Canton"]},
        {"value": "Central", "synonyms": ["Central"]},
    ],
}
