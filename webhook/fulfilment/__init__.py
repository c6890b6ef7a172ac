"""Fulfilment: answering Dialogflow ES v2 webhook calls.

The engine (engine.py: turn, fulfil, handlers, render) imports no web framework, so the offline agent
and `sync-intents` use it without Flask; views.py is the thin Flask blueprint in front of it.
"""
