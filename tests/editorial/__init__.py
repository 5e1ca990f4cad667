"""The communications team in the admin: roles, workflow, preview, uploads."""
