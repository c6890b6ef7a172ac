"""Text classification shared by the offline agent's intent classifier and the safeguarding detector: the
features residents' messages are turned into, and linear models reduced to arrays for fast scoring."""
