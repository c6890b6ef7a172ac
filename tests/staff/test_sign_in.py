"""Signing in to a council's staff pages: argon2- or bcrypt-hashed passwords, a signed session cookie kept
to the staff pages, CSRF tokens on every form, and a lock-out after repeated failures, on SQLite and
PostgreSQL."""

from __future__ import annotations

import base64
import io
from datetime import UTC, datetime, timedelta

import bcrypt
import pytest
from argon2 import PasswordHasher

from tests.conftest import app_settings
from tests.staff.conftest import PASSWORDS, Clock, form_token, sign_in, signed_in_client, staff_app
from webhook import create_app
from webhook.staff import StaffAccount
from webhook.staff.accounts import BCRYPT, Verifier, accounts_from_environment, hash_kind
from webhook.staff.password import main as password_main


def test_staff_sign_in_with_the_argon2_hashed_password_and_reach_their_dashboard(database_url: str) -> None:
    client = staff_app(database_url).test_client()

    response = sign_in(client, "demo")

    assert response.status_code == 303 and response.headers["Location"] == "/staff/demo/"
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("staff_session=")
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/staff/" in cookie
    assert "Expires=" in cookie
    dashboard = client.get("/staff/demo/")
    assert dashboard.status_code == 200
    assert "Sign out" in dashboard.get_data(as_text=True)


def test_the_session_cookie_is_secure_outside_tests_and_development(database_url: str) -> None:
    client = staff_app(database_url, TESTING=False).test_client()

    assert "; Secure" in sign_in(client, "demo").headers["Set-Cookie"]


@pytest.mark.parametrize(
    ("username", "password"),
    [
        ("demo-staff", "not the password"),
        ("nobody", PASSWORDS["demo"]),
        ("oxford-staff", PASSWORDS["oxford"]),
    ],
)
def test_a_wrong_username_or_password_is_refused_with_the_same_message(
    database_url: str, username: str, password: str
) -> None:
    client = staff_app(database_url).test_client()

    response = sign_in(client, "demo", username, password)

    assert response.status_code == 401
    assert "The username or password is not right" in response.get_data(as_text=True)
    assert client.get("/staff/demo/").status_code == 302


def test_five_failures_lock_the_account_for_fifteen_minutes(database_url: str) -> None:
    clock = Clock()
    client = staff_app(database_url, clock).test_client()

    for _ in range(4):
        assert "not right" in sign_in(client, "demo", password="guess").get_data(as_text=True)
    fifth = sign_in(client, "demo", password="guess")
    right_but_locked = sign_in(client, "demo")

    assert "This account is locked" in fifth.get_data(as_text=True)
    assert right_but_locked.status_code == 401
    page = right_but_locked.get_data(as_text=True)
    assert "This account is locked" in page
    until = clock.now + timedelta(minutes=15)
    assert until.strftime("%H:%M") in page
    clock.advance(minutes=14, seconds=59)
    assert "This account is locked" in sign_in(client, "demo").get_data(as_text=True)
    clock.advance(seconds=2)
    assert sign_in(client, "demo").status_code == 303


def test_an_unknown_username_is_locked_out_alike_so_a_lock_reveals_nothing(database_url: str) -> None:
    client = staff_app(database_url).test_client()

    pages = [sign_in(client, "demo", "nobody", "guess").get_data(as_text=True) for _ in range(6)]

    assert "This account is locked" in pages[-1]
    # The real account is another account: still open.
    assert sign_in(client, "demo").status_code == 303


def test_a_successful_sign_in_resets_the_failures(database_url: str) -> None:
    client = staff_app(database_url).test_client()

    for _ in range(4):
        sign_in(client, "demo", password="guess")
    assert sign_in(client, "demo").status_code == 303
    for _ in range(4):
        sign_in(client, "demo", password="guess")

    assert sign_in(client, "demo").status_code == 303


def test_the_lock_out_is_shared_by_every_worker_through_the_database(database_url: str) -> None:
    clock = Clock()
    workers = [staff_app(database_url, clock).test_client() for _ in range(2)]

    for attempt in range(5):
        sign_in(workers[attempt % 2], "demo", password="guess")

    assert "This account is locked" in sign_in(workers[0], "demo").get_data(as_text=True)
    assert "This account is locked" in sign_in(workers[1], "demo").get_data(as_text=True)


@pytest.mark.parametrize("token", [None, "forged-token"])
def test_a_form_without_the_sessions_csrf_token_is_refused_with_a_page(
    database_url: str, token: str | None
) -> None:
    client = staff_app(database_url).test_client()
    client.get("/staff/demo/sign-in")
    data = {"username": "demo-staff", "password": PASSWORDS["demo"]}
    if token:
        data["csrf_token"] = token

    response = client.post("/staff/demo/sign-in", data=data)

    assert response.status_code == 400
    assert response.mimetype == "text/html" and "This form has expired" in response.get_data(as_text=True)
    assert client.get("/staff/demo/").status_code == 302


def test_signing_out_needs_the_token_and_ends_the_session(database_url: str) -> None:
    client = signed_in_client(staff_app(database_url), "demo")
    token = form_token(client.get("/staff/demo/").get_data(as_text=True))

    assert client.post("/staff/demo/sign-out", data={}).status_code == 400
    assert client.get("/staff/demo/").status_code == 200
    signed_out = client.post("/staff/demo/sign-out", data={"csrf_token": token})

    assert signed_out.status_code == 303
    assert client.get("/staff/demo/").status_code == 302
    # The old token died with the session.
    assert client.post("/staff/demo/sign-out", data={"csrf_token": token}).status_code == 400


def test_a_council_without_staff_credentials_refuses_every_sign_in(database_url: str) -> None:
    client = staff_app(database_url).test_client()

    page = client.get("/staff/cardiff/sign-in").get_data(as_text=True)
    # The page has no form; a forged POST with the session's own token (from any staff form) is refused.
    token = form_token(client.get("/staff/demo/sign-in").get_data(as_text=True))
    response = client.post(
        "/staff/cardiff/sign-in", data={"csrf_token": token, "username": "admin", "password": "admin"}
    )

    assert "Staff sign-in is not set up" in page and "STAFF_CARDIFF_USERNAME" in page
    assert 'name="password"' not in page
    assert response.status_code == 401 and "not set up" in response.get_data(as_text=True)
    assert client.get("/staff/cardiff/").status_code == 302


def test_a_password_variable_holding_plain_text_is_never_compared(database_url: str) -> None:
    app = staff_app(database_url, STAFF_CREDENTIALS={"demo": StaffAccount("demo-staff", "plain password")})

    response = sign_in(app.test_client(), "demo", "demo-staff", "plain password")

    assert response.status_code == 401


def test_a_bcrypt_hashed_password_signs_in_as_an_argon2_one_does(
    monkeypatch: pytest.MonkeyPatch, database_url: str
) -> None:
    # As Python's bcrypt writes it ($2b$) and as `htpasswd -B` does ($2y$), at a low cost to stay quick.
    made = bcrypt.hashpw(b"a bcrypt staff password", bcrypt.gensalt(4)).decode()
    monkeypatch.setenv("STAFF_DEMO_USERNAME", "bcrypt-staff")
    monkeypatch.setenv("STAFF_DEMO_PASSWORD", made)
    monkeypatch.setenv("STAFF_SECTOR_USERNAME", "bcrypt-maintainer")
    monkeypatch.setenv("STAFF_SECTOR_PASSWORD", "$2y$" + made.removeprefix("$2b$"))
    app = create_app(app_settings(DATABASE_URL=database_url, SECRET_KEY="staff-tests"))

    def attempt(scope: str, username: str, password: str) -> int:
        return sign_in(app.test_client(), scope, username, password).status_code

    assert attempt("demo", "bcrypt-staff", "a bcrypt staff password") == 303
    assert attempt("demo", "bcrypt-staff", "a wrong password") == 401
    assert attempt("demo", "someone-else", "a bcrypt staff password") == 401
    assert attempt("sector", "bcrypt-maintainer", "a bcrypt staff password") == 303
    basic = base64.b64encode(b"bcrypt-staff:a bcrypt staff password").decode()
    json = app.test_client().get("/staff/demo/insights.json", headers={"Authorization": f"Basic {basic}"})
    assert json.status_code == 200 and "conversations" in json.get_json()


def test_a_wrong_username_verifies_a_dummy_hash_of_the_accounts_own_kind_and_cost() -> None:
    made = bcrypt.hashpw(b"a bcrypt staff password", bcrypt.gensalt(5)).decode()
    verifier = Verifier({"demo": StaffAccount("bcrypt-staff", made), "oxford": None})

    assert hash_kind(made) == BCRYPT and verifier.dummy_hash(made).startswith("$2b$05$")
    assert not verifier.check("demo", "someone-else", "a bcrypt staff password")
    assert not verifier.check("oxford", "bcrypt-staff", "a bcrypt staff password")
    assert verifier.check("demo", "bcrypt-staff", "a bcrypt staff password")


def test_accounts_are_read_from_the_environment(monkeypatch: pytest.MonkeyPatch, database_url: str) -> None:
    password_hash = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash("from the environment")
    monkeypatch.setenv("STAFF_DEMO_USERNAME", "env-staff")
    monkeypatch.setenv("STAFF_DEMO_PASSWORD", password_hash)
    monkeypatch.setenv("STAFF_SECTOR_USERNAME", "env-maintainer")
    monkeypatch.setenv("STAFF_SECTOR_PASSWORD", password_hash)
    app = create_app(app_settings(DATABASE_URL=database_url, SECRET_KEY="staff-tests"))

    assert sign_in(app.test_client(), "demo", "env-staff", "from the environment").status_code == 303
    assert sign_in(app.test_client(), "sector", "env-maintainer", "from the environment").status_code == 303
    assert "Staff sign-in is not set up" in app.test_client().get("/staff/oxford/sign-in").get_data(
        as_text=True
    )


def test_a_slug_with_a_hyphen_reads_underscored_variables() -> None:
    environ = {"STAFF_VALE_OF_GLAMORGAN_USERNAME": "vale", "STAFF_VALE_OF_GLAMORGAN_PASSWORD": "$argon2id$x"}

    accounts = accounts_from_environment(["vale-of-glamorgan", "demo"], environ)

    assert accounts == {"vale-of-glamorgan": StaffAccount("vale", "$argon2id$x"), "demo": None}


def test_the_password_command_prints_a_hash_that_verifies() -> None:
    out, err = io.StringIO(), io.StringIO()

    assert password_main(io.StringIO("a long enough password\n"), out, err) == 0
    assert PasswordHasher().verify(out.getvalue().strip(), "a long enough password")
    assert password_main(io.StringIO("short\n"), io.StringIO(), err) == 1
    assert "at least 12 characters" in err.getvalue()


def test_a_sign_in_ends_eight_hours_after_it_began(database_url: str) -> None:
    app = staff_app(database_url)
    client = app.test_client()
    serializer = app.session_interface.get_signing_serializer(app)
    nine_hours_ago = (datetime.now(UTC) - timedelta(hours=9)).timestamp()
    seven_hours_ago = (datetime.now(UTC) - timedelta(hours=7)).timestamp()

    client.set_cookie(
        "staff_session",
        serializer.dumps({"staff": {"scope": "demo", "since": seven_hours_ago}}),
        path="/staff/",
    )
    assert client.get("/staff/demo/").status_code == 200
    client.set_cookie(
        "staff_session",
        serializer.dumps({"staff": {"scope": "demo", "since": nine_hours_ago}}),
        path="/staff/",
    )
    assert client.get("/staff/demo/").status_code == 302
