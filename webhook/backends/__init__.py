"""Clients for the outside systems that answer lookups and take reports, one module per API.

A backend never knows about Dialogflow: it takes plain values and a Deadline and returns typed results
or raises a BackendError.
"""
