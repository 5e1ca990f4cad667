"""Admin registrations: snippet viewsets and menu groups."""
