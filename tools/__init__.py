"""Developer tools: load test (`make bench`) and Lighthouse audit (`make audit`).

They run against the site from outside it and are not part of the site.
"""
