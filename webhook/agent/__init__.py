"""The offline agent: runs a council's resolved library the way Dialogflow ES runs an agent.

Understanding (this package's NLU half):
- training.py: a council's training phrases in one language, annotated phrases expanded;
- nlu.py: the intent classifier (TF-IDF words and characters, calibrated linear SVM, fallback threshold);
- linear.py: the fitted model as arrays, for fast scoring; store.py: models built lazily, cached on disk;
- entities.py, dates.py, system_entities.py: parameter extraction (custom, regexp and system entities);
- report.py, commands.py: the NLU report and `sync-intents nlu-report`.

Importing the package imports nothing heavy: scikit-learn loads only with nlu.py and the modules using it.
"""
