"""Joining the platform: `sync-intents new-council` writes a council's first overlay from the register
of UK councils, with the places only the council can fill marked TODO."""
