"""The translators' tools: which Spanish texts are missing or out of date, page
content as PO files (export, import), "copy content from" between languages,
redirects when a translated slug changes, and their admin views and dashboard
panel."""
