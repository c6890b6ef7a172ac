"""The log lines: Cloud Logging's JSON shape, personal data redacted, batches written whole and in order."""

from __future__ import annotations

import io
import json
import logging
import re
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from webhook import logs
from webhook.logs import ATOMIC_WRITE_BYTES, LogWriter, entry_line, redact, rfc3339


class CountingStderr(io.StringIO):
    """A stand-in for stderr that remembers each write separately."""

    def __init__(self) -> None:
        super().__init__()
        self.writes: list[str] = []

    def write(self, text: str) -> int:
        self.writes.append(text)
        return super().write(text)


@pytest.fixture
def stderr() -> CountingStderr:
    return CountingStderr()


def _line(number: int) -> str:
    fields = {"number": number, "query": "ble mae'r llyfrgell?"}
    return entry_line("INFO", "turn", "webhook.fulfilment", fields)


def test_an_entry_is_one_line_of_json_in_cloud_loggings_shape() -> None:
    line = entry_line("WARNING", "slow backend", "webhook.backends", {"council": "demo", "ms": 812.5})
    assert line.endswith("\n") and line.count("\n") == 1
    entry = json.loads(line)
    assert entry["severity"] == "WARNING" and entry["message"] == "slow backend"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", entry["time"])
    assert entry["council"] == "demo" and entry["ms"] == 812.5


def test_any_field_value_is_written_as_json_or_as_text() -> None:
    from decimal import Decimal

    line = entry_line("INFO", "payment", "webhook", {"amount": Decimal("12.50"), "id": 2**70})
    entry = json.loads(line)
    assert entry["amount"] == "12.50" and entry["id"] == 2**70


def test_times_are_rfc3339_in_utc_to_the_microsecond() -> None:
    assert rfc3339(500_000_000) == "1970-01-01T00:00:00.500000Z"
    assert rfc3339(1_795_000_000_250_000_999) == "2026-11-18T11:06:40.250000Z"


def test_unbatched_lines_are_written_at_once(stderr: CountingStderr) -> None:
    writer = LogWriter(batch_seconds=0, stream=lambda: stderr)
    writer.write(_line(1))
    assert json.loads(stderr.getvalue())["number"] == 1


def test_batched_lines_wait_then_go_out_in_whole_lines_of_at_most_one_atomic_write(
    stderr: CountingStderr,
) -> None:
    writer = LogWriter(batch_seconds=3600, stream=lambda: stderr)
    for number in range(200):
        writer.write(_line(number))
    assert stderr.getvalue() == ""
    writer.flush()
    assert len(stderr.writes) < 200
    for chunk in stderr.writes:
        assert chunk.endswith("\n") and len(chunk.encode()) <= ATOMIC_WRITE_BYTES
    numbers = [json.loads(line)["number"] for line in stderr.getvalue().splitlines()]
    assert numbers == list(range(200))


def test_a_warning_is_written_at_once_after_the_lines_before_it(stderr: CountingStderr) -> None:
    writer = LogWriter(batch_seconds=3600, stream=lambda: stderr)
    writer.write(_line(1))
    writer.write(entry_line("ERROR", "handler failed", "webhook", {}), urgent=True)
    messages = [json.loads(line)["message"] for line in stderr.getvalue().splitlines()]
    assert messages == ["turn", "handler failed"]


def test_the_background_writer_writes_batched_lines_without_being_asked(stderr: CountingStderr) -> None:
    writer = LogWriter(batch_seconds=0.01, stream=lambda: stderr)
    writer.write(_line(7))
    for _ in range(200):
        if stderr.getvalue():
            break
        time.sleep(0.01)
    assert json.loads(stderr.getvalue())["number"] == 7


def test_logging_records_go_through_the_same_writer_with_their_fields(capsys) -> None:
    logs.configure_logging()
    logging.getLogger("webhook.test").warning("postcodes.io slow", extra={"fields": {"ms": 900}})
    entry = json.loads(capsys.readouterr().err.splitlines()[-1])
    assert (entry["severity"], entry["message"], entry["logger"], entry["ms"]) == (
        "WARNING",
        "postcodes.io slow",
        "webhook.test",
        900,
    )


def test_an_exception_goes_to_the_log_with_its_stack_trace(capsys) -> None:
    logs.configure_logging()
    try:
        raise RuntimeError("bin API said no")
    except RuntimeError:
        logging.getLogger("webhook.test").exception("handler failed")
    entry = json.loads(capsys.readouterr().err.splitlines()[-1])
    assert entry["severity"] == "ERROR" and "RuntimeError: bin API said no" in entry["stack_trace"]


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("bins at AA1 1AA please", "bins at AA1 [postcode] please"),
        ("bins at ox11aa please", "bins at OX1 [postcode] please"),
        ("CF10 1EP", "CF10 [postcode]"),
        ("email jo.bloggs@example.com", "email [email]"),
        ("call me on 07700 900123", "call me on [phone]"),
        ("my account is 12345678", "my account is [number]"),
        ("my name is Jo Bloggs", "my name is [name]"),
        ("fy enw i yw Siân", "fy enw i yw [name]"),
        ("when is my bin day", "when is my bin day"),
    ],
)
def test_personal_data_is_redacted(typed: str, kept: str) -> None:
    assert redact(typed) == kept


def _redact_every_pattern(text: str) -> str:
    for pattern, replacement in logs._REDACTIONS:
        text = pattern.sub(replacement, text)
    return text


@given(
    st.lists(
        st.one_of(
            st.text(max_size=12),
            st.sampled_from(
                ["AA1 1AA", "my name is Jo", "This is Sam", "enw fi yw Dai", "a@b.cy", "0161 496 0000", " "]
            ),
        ),
        max_size=6,
    ).map("".join)
)
def test_the_quick_check_never_lets_through_what_the_patterns_would_redact(text: str) -> None:
    assert redact(text) == _redact_every_pattern(text)


class ClosedStderr(io.StringIO):
    """stderr after the log collector went away."""

    def write(self, text: str) -> int:
        raise BrokenPipeError("the reader has gone")


def test_a_log_that_cannot_be_written_never_fails_the_caller() -> None:
    writer = LogWriter(batch_seconds=0, stream=ClosedStderr)
    writer.write(_line(1))
    batched = LogWriter(batch_seconds=3600, stream=ClosedStderr)
    batched.write(_line(2))
    batched.flush()


def test_lines_held_while_stderr_is_stalled_are_bounded_dropping_the_oldest(stderr: CountingStderr) -> None:
    writer = LogWriter(batch_seconds=3600, stream=lambda: stderr)
    for number in range(logs.MAX_PENDING_LINES + 10):
        writer.write(f"{number}\n")
    writer.flush()
    written = stderr.getvalue().splitlines()
    assert len(written) == logs.MAX_PENDING_LINES
    assert written[0] == "10" and written[-1] == str(logs.MAX_PENDING_LINES + 9)
