"""Sync the shared library to each council's Dialogflow ES agent: compile, plan, apply, export, import.

Data flows one way: library -> `compile` (Dialogflow objects per language) -> `plan` (diff against what
the agent holds, read by `gateway`) -> `apply` (batch writes, snapshot before deletes, train). `export`
and `importer` convert between the library and Dialogflow's agent export format.
"""
