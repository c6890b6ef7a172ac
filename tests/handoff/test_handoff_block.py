"""A council's `handoff:` block that is wrong is refused by `sync-intents validate`, each mistake as
`FILE:LINE:COL: message` at the line to fix and nothing else, the way a council officer fixes it; the
app still starts, and every other council still answers."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import MINIMAL_LIBRARY, BuildLibrary, app_settings
from tests.fulfilment.conftest import basic_auth, strict_reply, webhook_request
from webhook import create_app
from webhook.cli import main

OVERLAY = "councils/unitary/council.yaml"
#: The minimal library's unitary overlay, which each case extends with a `handoff:` block.
UNITARY = (MINIMAL_LIBRARY / "councils" / "unitary" / "council.yaml").read_text(encoding="utf-8")
#: A block's first line (`handoff:`) is this line of the overlay.
FIRST_LINE = len(UNITARY.splitlines()) + 1
TEMPLATE = "0d1e5a4c-7f3b-4c2a-9e8d-6b5a4f3e2d1c"
UUID = "'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'"
ALLOWED = "allowed here: channel, email, secret_env, service_code, templates, url"
#: A Welsh confirmation template that is not a template id (its error points at the Welsh id).
BAD_WELSH_TEMPLATE = f"    confirm_sms: {{en: {TEMPLATE}, cy: '1234'}}"
#: The backends those channels send through (the `handoff-backend-missing` rule asks for them).
NOTIFY_BACKEND = (
    "backends:\n  notifications:\n    kind: govuk_notify\n"
    "    base_url: https://api.notifications.service.gov.uk\n    api_key_env: UNITARY_NOTIFY_API_KEY\n"
    "    templates: {}\n"
)
OPEN311_BACKEND = (
    "backends:\n  reports:\n    kind: open311\n    base_url: https://open311.unitary.example/v2\n"
    "    api_key_env: UNITARY_OPEN311_API_KEY\n"
)
#: What a council might paste from its CRM's settings page instead of the variable's name.
PASTED_SECRET = "9f8e7d6c5b4a39281706f5e4d3c2b1a0"


def with_block(block: str) -> dict[str, str]:
    """The unitary overlay with `block` appended, for `build_library(files=...)`."""
    return {OVERLAY: UNITARY + block}


def validate(root: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, list[str]]:
    """`sync-intents validate` run in the library folder: its exit code and its error lines."""
    monkeypatch.chdir(root)
    result = CliRunner().invoke(main, ["validate", "--library", "."])
    return result.exit_code, [line for line in result.output.splitlines() if ": error: " in line]


def at(line_in_block: int, column: int, message: str) -> str:
    """The error line validate prints for the block's `line_in_block`-th line (`handoff:` is 1)."""
    return f"{OVERLAY}:{FIRST_LINE + line_in_block - 1}:{column}: error: {message} [schema]"


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        pytest.param(
            "handoff:\n  chanel: email\n",
            [
                at(2, 3, "handoff: missing required key: 'channel'"),
                at(2, 3, f"handoff: unknown key 'chanel'; {ALLOWED}"),
            ],
            id="a misspelt key",
        ),
        pytest.param(
            "handoff:\n  channel: emial\n",
            [
                at(
                    2,
                    12,
                    "handoff/channel: 'emial' is not one of "
                    "['notify_email', 'webhook', 'open311', 'link', 'none']",
                )
            ],
            id="an unknown channel",
        ),
        pytest.param(
            f"handoff:\n  channel: notify_email\n  templates:\n    staff_email: {TEMPLATE}\n",
            [at(2, 3, "handoff: missing required key: 'email'")],
            id="notify_email without the contact centre's address",
        ),
        pytest.param(
            "handoff:\n  channel: webhook\n  secret_env: UNITARY_CRM_SECRET\n",
            [at(2, 3, "handoff: missing required key: 'url'")],
            id="webhook without its url",
        ),
        pytest.param(
            "handoff:\n  channel: webhook\n  url: https://crm.unitary.example/handoffs\n",
            [at(2, 3, "handoff: missing required key: 'secret_env'")],
            id="webhook without the variable holding its key",
        ),
        pytest.param(
            "handoff:\n  channel: webhook\n  url: https://crm.unitary.example/handoffs\n"
            f"  secret: {PASTED_SECRET}\n",
            [
                at(2, 3, "handoff: missing required key: 'secret_env'"),
                at(4, 3, f"handoff: unknown key 'secret'; {ALLOWED}"),
            ],
            id="the secret itself under a key of its own",
        ),
        pytest.param(
            "handoff:\n  channel: open311\n",
            [at(2, 3, "handoff: missing required key: 'service_code'")],
            id="open311 without a service code",
        ),
        pytest.param(
            "handoff:\n  channel: link\n",
            [at(2, 3, "handoff: missing required key: 'url'")],
            id="link without the live chat's address",
        ),
        pytest.param(
            "handoff:\n  channel: link\n  url: https://livechat.unitary.example/start\n",
            [
                at(
                    3,
                    8,
                    "handoff/url: 'https://livechat.unitary.example/start' does not match "
                    "'^https://[^\\\\s]*\\\\{reference\\\\}'",
                )
            ],
            id="a live chat address with nowhere for the reference",
        ),
        pytest.param(
            "handoff:\n  channel: notify_email\n  email: contact@unitary.example\n  templates:\n"
            "    staff_email: staff-email-template\n"
            f"{BAD_WELSH_TEMPLATE}\n",
            [
                at(5, 18, f"handoff/templates/staff_email: 'staff-email-template' does not match {UUID}"),
                at(
                    6,
                    BAD_WELSH_TEMPLATE.index("'1234'") + 1,
                    f"handoff/templates/confirm_sms/cy: '1234' does not match {UUID}",
                ),
            ],
            id="template ids that are not Notify's UUIDs",
        ),
    ],
)
def test_a_bad_block_is_reported_at_the_line_to_fix_and_nothing_else(
    block: str, expected: list[str], build_library: BuildLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, errors = validate(build_library(files=with_block(block)), monkeypatch)
    assert code == 1
    assert errors == expected


@pytest.mark.parametrize(
    "block",
    [
        f"handoff:\n  channel: notify_email\n  email: contact@unitary.example\n  templates:\n"
        f"    staff_email: {TEMPLATE}\n    confirm_email: {{en: {TEMPLATE}, cy: {TEMPLATE}}}\n"
        f"    confirm_sms: {TEMPLATE}\n{NOTIFY_BACKEND}",
        "handoff:\n  channel: webhook\n  url: https://crm.unitary.example/handoffs\n"
        "  secret_env: UNITARY_CRM_SECRET\n",
        f"handoff:\n  channel: open311\n  service_code: CALLBACK\n{OPEN311_BACKEND}",
        'handoff:\n  channel: link\n  url: "https://livechat.unitary.example/start?ref={reference}"\n',
        "handoff:\n  channel: none\n",
    ],
    ids=["notify_email", "webhook", "open311", "link", "none"],
)
def test_a_complete_block_of_each_channel_passes(
    block: str, build_library: BuildLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, errors = validate(build_library(files=with_block(block)), monkeypatch)
    assert (code, errors) == (0, []), errors


def test_a_secret_pasted_in_place_of_its_variables_name_is_refused_at_its_line(
    build_library: BuildLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    block = (
        f"handoff:\n  channel: webhook\n  url: https://crm.unitary.example/handoffs\n"
        f"  secret_env: {PASTED_SECRET}\n"
    )
    code, errors = validate(build_library(files=with_block(block)), monkeypatch)
    assert code == 1
    (error,) = errors
    assert error.startswith(f"{OVERLAY}:{FIRST_LINE + 3}:15: error: handoff/secret_env: ")


def test_validate_never_prints_a_secret_pasted_in_place_of_its_variables_name(
    build_library: BuildLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    block = (
        f"handoff:\n  channel: webhook\n  url: https://crm.unitary.example/handoffs\n"
        f"  secret_env: {PASTED_SECRET}\n"
    )
    _, errors = validate(build_library(files=with_block(block)), monkeypatch)
    assert errors and not any(PASTED_SECRET in line for line in errors)
    assert any("not the secret itself" in line for line in errors)


def test_the_app_starts_on_a_library_with_a_bad_block_and_other_councils_still_answer(
    build_library: BuildLibrary,
) -> None:
    root = build_library(files=with_block("handoff:\n  channel: emial\n"))

    app = create_app(app_settings(root))

    client = app.test_client()
    ready = client.get("/readyz")
    assert ready.status_code == 503 and ready.get_json()["library_errors"] == 1
    response = client.post(
        "/webhook/district", json=webhook_request("system.welcome", text="hello"), headers=basic_auth()
    )
    assert response.status_code == 200
    assert strict_reply(response.data).fulfillment_text


def test_a_channel_whose_backend_the_overlay_lacks_is_refused_at_the_channel(
    build_library: BuildLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    block = (
        "handoff:\n  channel: notify_email\n  email: contact@unitary.example\n"
        f"  templates:\n    staff_email: {TEMPLATE}\n"
    )
    code, errors = validate(build_library(files=with_block(block)), monkeypatch)
    assert code == 1
    (error,) = errors
    assert error.startswith(f"{OVERLAY}:{FIRST_LINE + 1}:12: error: the hand-off (channel) sends through ")
    assert "backends.notifications" in error and error.endswith("[handoff-backend-missing]")
