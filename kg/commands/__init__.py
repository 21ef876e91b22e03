"""One module per ``kg`` command (as spaCy keeps one CLI command per file); ``kg.cli`` wires them up."""
