"""The 2015 content, loaded on an empty site in both languages."""
