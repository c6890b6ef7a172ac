"""Safeguarding: noticing, in any context and on either engine, that a resident discloses a risk of harm.

`screen.py` holds the decision, the deterministic crisis screen (`crisis_in`) and its combination with
the classifier and the learned detector (`is_crisis`; `learned_crisis_in` for the webhook); the offline
agent (webhook/agent/dialogue.py) and the webhook engine (webhook/fulfilment/engine.py) both put
`system.safeguarding` first when it finds one. What it matches:

- `normalise.py`: the message as the patterns see it (case, accents, apostrophes, textspeak, typos);
- `kinds/`: the disclosure patterns, one module per kind of risk, English and Welsh;
- `detector.py`: the learned detector beside the patterns (one binary classifier per language), trained
  on `examples/<language>.yaml` (examples.py collects them from the labelled sets and the library);
- `near_misses.py`: council business sharing their words, blanked out before the search;
- `council_business.py`: plain signs of council business, which make a classifier guess doubtful;
- `english_words.py`, `welsh_words.py`: the word classes the patterns are built from (people, harm
  verbs, ages; Welsh mutations).
"""
