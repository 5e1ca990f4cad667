"""Image sizes made ahead of visitors."""
