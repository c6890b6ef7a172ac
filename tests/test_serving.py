"""The production command really serves: gunicorn with gunicorn.conf.py and `webhook:create_app()`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.postgres_server import free_port

REPOSITORY = Path(__file__).resolve().parents[1]


def test_gunicorn_serves_the_webhook_in_production_mode_and_logs_every_turn() -> None:
    port = free_port()
    env = {
        **os.environ,
        "APP_ENV": "production",
        "PORT": str(port),
        "WEB_CONCURRENCY": "1",
        "SECRET_KEY": "k",
    }
    env.update(
        {f"WEBHOOK_{slug}_TOKEN": "serving-test" for slug in ("DEMO", "OXFORD", "OXFORDSHIRE", "CARDIFF")}
    )
    gunicorn = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(
        [str(gunicorn), "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}", "webhook:create_app()"],
        cwd=REPOSITORY,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        body = json.dumps(
            {
                "session": "projects/p/agent/sessions/1",
                "queryResult": {"intent": {"displayName": "council.contact"}},
            }
        ).encode()
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/webhook/demo",
            data=body,
            headers={"Content-Type": "application/json", "X-Webhook-Token": "serving-test"},
        )
        # Wait on the liveness probe, not on a turn: a turn retried after a slow first answer (the worker
        # still training its crisis detector on a busy machine) would be logged twice.
        for _ in range(300):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5):
                    break
            except OSError:
                time.sleep(0.1)
        with urllib.request.urlopen(request, timeout=60) as response:
            reply = json.load(response)
        assert "01632 960000" in reply["fulfillmentText"]
        for _ in range(4):
            with urllib.request.urlopen(request, timeout=60) as response:
                assert response.status == 200
    finally:
        # Production writes log lines in batches: stopping the server must still write every one.
        process.terminate()
        output, _ = process.communicate(timeout=10)
    entries = [json.loads(line) for line in output.decode().splitlines() if line.startswith("{")]
    turns = [entry for entry in entries if entry["message"] == "turn"]
    assert len(turns) == 5
    assert {(turn["council"], turn["intent"]) for turn in turns} == {("demo", "council.contact")}
