"""The project as an operator meets it: setup, security, logs, faults, layout."""
