"""Run Lighthouse on the key pages of a running site and write the scores down.

`make audit` starts the site as `make run` serves it, then calls this command with
the server's address. For each audited page type (home, programme, a session, a
press release, a showcase programme) it runs npm's Lighthouse with Debian's
chromium, on a phone (Lighthouse's default mobile emulation and throttling) and on
a desktop, and writes the four category scores to `docs/audit.md`.

Lighthouse's scores vary from run to run on a shared machine, so, as its own
documentation advises, each page is measured several times (`--runs`) and the run
with the median performance score is reported. A run that Lighthouse itself
aborts (for example "NO_NAVSTART", a trace it failed to record) is tried again.
Each page is fetched once first, so the audit measures the page as visitors get
it from the page cache rather than the first render after the server started.
"""

import json
import os
import subprocess
import tempfile
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
# (label, model): the first live page of each model is audited, in English.
PAGE_TYPES = [
    ("Home page", "pages.HomePage"),
    ("Programme", "pages.ProgrammePage"),
    ("Session", "pages.SessionPage"),
    ("Press release", "pages.PressReleasePage"),
    ("Showcase programme", "pages.ShowcaseProgrammePage"),
]
FORM_FACTORS = {"mobile": [], "desktop": ["--preset=desktop"]}
LIGHTHOUSE = Path(settings.BASE_DIR) / "node_modules" / ".bin" / "lighthouse"
# Attempts per measurement when Lighthouse aborts with a runtime error.
ATTEMPTS = 3


def first_live_page(model_label):
    try:
        model = apps.get_model(model_label)
    except LookupError:
        return None
    return model.objects.live().order_by("path").first()


class Command(BaseCommand):
    help = "Run Lighthouse (mobile and desktop) on the key pages; write docs/audit.md."

    def add_arguments(self, parser):
        parser.add_argument(
            "base_url", help="The running site, e.g. http://127.0.0.1:8765"
        )
        parser.add_argument(
            "--output", default=str(Path(settings.BASE_DIR) / "docs" / "audit.md")
        )
        parser.add_argument(
            "--chromium", default=os.environ.get("CHROME_PATH", "/usr/bin/chromium")
        )
        parser.add_argument("--language", default="en", choices=["en", "es"])
        parser.add_argument(
            "--runs", type=int, default=3, help="Runs per page and device (median)."
        )

    def handle(self, *args, **options):
        if not LIGHTHOUSE.exists():
            raise CommandError("Lighthouse is missing: run `npm ci` first.")
        base = options["base_url"].rstrip("/")
        rows, missing = [], []
        for label, model_label in PAGE_TYPES:
            page = first_live_page(model_label)
            if page is None:
                missing.append(label)
                continue
            path = page.url_in(options["language"])
            urllib.request.urlopen(base + path, timeout=30).close()  # warm the cache
            for form_factor, flags in FORM_FACTORS.items():
                scores = self.median_run(
                    base + path, flags, options["chromium"], max(1, options["runs"])
                )
                rows.append((label, path, form_factor, scores))
                self.stdout.write(f"{label:20} {form_factor:8} {scores}")
        Path(options["output"]).write_text(self.report(rows, missing), encoding="utf-8")
        self.stdout.write(self.style.SUCCESS(f"Wrote {options['output']}"))

    def median_run(self, url, flags, chromium, runs):
        """The scores of the run whose performance is the median of `runs` runs."""
        results = sorted(
            (self.lighthouse(url, flags, chromium) for _ in range(runs)),
            key=lambda scores: scores["performance"],
        )
        return results[(len(results) - 1) // 2]

    def lighthouse(self, url, flags, chromium):
        error = None
        for _attempt in range(ATTEMPTS):
            try:
                return self.lighthouse_once(url, flags, chromium)
            except CommandError as failure:
                error = failure
                self.stderr.write(f"Lighthouse aborted on {url}; trying again.")
        raise error

    def lighthouse_once(self, url, flags, chromium):
        with tempfile.TemporaryDirectory() as folder:
            report = Path(folder) / "report.json"
            command = [
                str(LIGHTHOUSE),
                url,
                *flags,
                "--only-categories=" + ",".join(CATEGORIES),
                "--output=json",
                f"--output-path={report}",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                "--quiet",
            ]
            env = {**os.environ, "CHROME_PATH": chromium}
            run = subprocess.run(
                command, env=env, capture_output=True, text=True, check=False
            )
            if run.returncode != 0 or not report.exists():
                raise CommandError(f"Lighthouse failed on {url}:\n{run.stderr[-2000:]}")
            data = json.loads(report.read_text())
        return {
            name: round((data["categories"][name]["score"] or 0) * 100)
            for name in CATEGORIES
        }

    def report(self, rows, missing):
        lines = [
            "# Lighthouse audit",
            "",
            "Written by `make audit`: Lighthouse 12.2.3 from npm, Debian's chromium,",
            "the site served as `make run` serves it. Mobile is Lighthouse's default",
            "phone emulation with simulated throttling; desktop is `--preset=desktop`.",
            f"Targets: performance ≥ {TARGETS['performance']}; accessibility, best",
            "practices and SEO 100. A score below its target is marked ✗.",
            "Each row is the run with the median performance score of several",
            "runs (`--runs`, 3 by default) of the page, served from the page cache.",
            "",
            f"Run: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC.",
            "",
            "| page | path | device | performance | accessibility "
            "| best practices | SEO |",
            "| --- | --- | --- | ---: | ---: | ---: | ---: |",
        ]
        for label, path, form_factor, scores in rows:
            cells = [
                f"{scores[name]}{'' if scores[name] >= TARGETS[name] else ' ✗'}"
                for name in CATEGORIES
            ]
            lines.append(
                f"| {label} | `{path}` | {form_factor} | " + " | ".join(cells) + " |"
            )
        if missing:
            lines += [
                "",
                "Not audited (no such page in the content yet): "
                + ", ".join(missing)
                + ".",
            ]
        return "\n".join(lines) + "\n"
