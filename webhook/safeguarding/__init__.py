"""Safeguarding: noticing, in any context and on either engine, that a resident discloses a risk of harm.

`screen.py` holds the deterministic crisis screen; the offline agent (webhook/agent/dialogue.py) and the
webhook engine (webhook/fulfilment/engine.py) both put `system.safeguarding` first when it finds one.
"""
