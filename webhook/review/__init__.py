"""What a change to the library does for each council: the answers residents will see change, the
Dialogflow changes `apply` would make, and what it does to understanding (`sync-intents diff`)."""
