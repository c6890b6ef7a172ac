"""Serve a Flask app on a free loopback port in a thread, as `make run` serves it, for tests that need
a real HTTP server (the browser, the demo's own fakes) and for the benchmarks."""

from __future__ import annotations

from webhook.fakes.serving import serving as serve

__all__ = ["serve"]
