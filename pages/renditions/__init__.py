"""Image sizes made ahead of visitors: each page's plan of the renditions it
shows, and the background task that makes them when it is published."""
