"""The shared intent library and council overlays: loading, validation and resolution.

This package never imports Flask: the CLI, the webhook and the offline agent all build on it.
"""
