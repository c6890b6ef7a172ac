"""A review workflow for Welsh translators who do not read YAML: `sync-intents translations export`
writes the library's Welsh as a spreadsheet, `translations import` reads the review back into the YAML.

`export` writes the sheets, `sheet` reads and writes the CSV, `checks` says what a reviewer's Welsh must
keep, `importer` plans the new YAML text and `yaml_edit` makes it without touching anything else.
"""
