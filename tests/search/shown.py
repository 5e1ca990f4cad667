"""What the search page shows for a query, read the same way on PostgreSQL (in
the tests' process) and on SQLite (`python -m tests.search.shown`, which
tests/search/test_sqlite.py runs against a SQLite copy of the site, as
`make run` serves it, and which writes what it found to the file named by its
argument: the site logs its requests to the standard output)."""

import json
import re
import sys
from pathlib import Path

from bs4 import BeautifulSoup

# The searches of issue 25 that found nothing on SQLite, and a few more.
QUERIES = [
    ("es", "educacion"),
    ("es", "inauguracion"),
    ("es", "declaracion"),
    ("es", "ciudad de mexico"),
    ("es", "EDUCACIÓN"),
    ("es", "sesiones"),
    ("es", "alcaldes"),
    ("en", "learning cities"),
    ("en", "mayors"),
]


def shown(client, language, query):
    """The number of results, the first page's results and the head's hreflang
    links, as a visitor's browser gets them."""
    path = "/es/buscar/" if language == "es" else "/en/search/"
    response = client.get(path, {"q": query})
    soup = BeautifulSoup(response.content, "html.parser")
    found = soup.select(".search-result")
    status = soup.select_one(".search-page p[role=status]").get_text(" ", strip=True)
    return {
        "status": response.status_code,
        "count": int(re.match(r"\d+", status).group()) if found else 0,
        "results": [
            {
                "title": result.select_one(".search-result__title").get_text(
                    strip=True
                ),
                "kind": result.select_one(".search-result__kind").get_text(strip=True),
                "snippet": " ".join(
                    result.select_one(".search-result__snippet").get_text().split()
                )
                if result.select_one(".search-result__snippet")
                else "",
                "marks": [
                    mark.get_text()
                    for mark in result.select(".search-result__snippet mark")
                ],
            }
            for result in found
        ],
        "hreflang": len(soup.select("link[hreflang]")),
    }


def shown_for_every_query(client):
    return {
        f"{language}:{query}": shown(client, language, query)
        for language, query in QUERIES
    }


if __name__ == "__main__":
    import django

    django.setup()

    from django.test import Client

    found = shown_for_every_query(Client())
    Path(sys.argv[1]).write_text(json.dumps(found, ensure_ascii=False))
