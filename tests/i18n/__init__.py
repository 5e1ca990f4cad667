"""Both languages: addresses, formats, the catalogue, the translators' tools."""
