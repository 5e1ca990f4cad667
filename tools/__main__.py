"""`python -m tools bench …` or `python -m tools lighthouse_audit …`, as the
Makefile runs them (`make bench`, `make audit`).

A tool is a Django command class that is not one of the site's commands: Django
is set up first, as `manage.py` does, since the tools load the site's models.
"""

import importlib
import sys

import django

TOOLS = ("bench", "lighthouse_audit")


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in TOOLS:
        sys.exit(f"usage: python -m tools {{{'|'.join(TOOLS)}}} [options]")
    django.setup()
    tool = importlib.import_module(f"tools.{sys.argv[1]}")
    tool.Command().run_from_argv(sys.argv)


if __name__ == "__main__":
    main()
