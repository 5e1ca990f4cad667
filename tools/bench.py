"""`make bench`: load-test every page type as visitors get it, uncached and cached.

Starts the server command it is given (the Makefile passes the one `make run`
uses), runs `wrk` with 64 connections against one page of every type in both
languages, uncached (every request a new URL, so every one a cache miss and a
full render) and cached, and against a static file of the same server, then
prints per URL: requests/s, p50/p99 latency, errors, server CPU ms per request
(from /proc: the gunicorn processes, the PostgreSQL backends serving them and a
Redis started for the run), SQL queries per request (counted in this process
with the same settings) and the ratio to the static file's rate. It ends with
one line per target saying met or not met. Before that, it visits every page
once with the cache empty (the slowest first visit); after, it sends visits with
random values of a query parameter no page reads and counts the cache entries
they added.

Then, when Debian's varnishd is installed (`make bench` installs it), the same
pages "through the proxy": a Varnish with the project's VCL
(docker/varnish/default.vcl) on the next port, in front of the same server.
Each cached page is compared with the app's own page cache in the same run;
a load run over every page follows, and another during which a page is
published (a process of its own republishes the home page, as an editor would,
and its purge bans every page: they refill under the load).
"""

import json
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.templatetags.static import static
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from wagtail.models import Page

import redis

from pages.models.base import localise_subpath
from pages.serving.cache import CACHE_HEADER

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
ROOT = Path(__file__).resolve().parents[1]
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
VARNISHSTAT = shutil.which("varnishstat") or "/usr/bin/varnishstat"
# The proxy's backends for the run: the one server being measured.
PROXY_BACKENDS = """
probe healthz { .url = "/healthz"; .interval = 2s; .timeout = 5s; .window = 5;
    .threshold = 2; .initial = 2; }
backend server { .host = "127.0.0.1"; .port = "%(port)d"; .probe = healthz; }
acl purgers { "127.0.0.1"; }
sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(server);
    new files = directors.round_robin();
    files.add_backend(server);
}
"""
# What "publishing" is during the proxy's load run: the home page published
# again, by a process of its own, whose purge reaches the proxy.
# It starts with the run (Django's start-up takes seconds on a busy machine)
# and publishes at the wall-clock time it is given.
PUBLISH = (
    "import time; from pages.models import HomePage; "
    "time.sleep(max(0, %(at)f - time.time())); "
    "HomePage.objects.live().first().save_revision().publish(); "
    "print(time.time())"
)
ACCEPT_ENCODING = "br, gzip"
# Sub-routes of routable pages: (model name, path after the page's URL).
EXTRA_ROUTES = [
    ("ProgrammePage", "day/2015-09-28/"),
    ("ProgrammePage", "calendar.ics"),
    ("ProgrammePage", "day/2015-09-28/calendar.ics"),
    ("SessionPage", "calendar.ics"),
    ("PressReleaseIndexPage", "day/2015-09-28/"),
    ("PressReleaseIndexPage", "feed/rss/"),
    ("PressReleaseIndexPage", "feed/atom/"),
]

# Uncached runs make every request a new address with this query parameter,
# which the server is told to key its page cache on (no page reads it).
BENCH_PARAMETER = "bench"
# Requests with random values of a parameter no page reads, and how many cache
# entries they may add at most.
JUNK_REQUESTS = 10_000
JUNK_ENTRIES_ALLOWED = 5
# The slowest first visit of any page right after the server starts.
FIRST_CRAWL_SECONDS = 1.0

WRK_SCRIPT = r"""
paths = {%(paths)s}
unique = %(unique)s
run = "%(run)s"
counter = 0
local threads = 0
wrk.headers["Accept-Encoding"] = "%(accept)s"
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
function request()
  counter = counter + 1
  local path = paths[(counter %% #paths) + 1]
  if unique then
    local sep = string.find(path, "?", 1, true) and "&" or "?"
    path = path .. sep .. "%(parameter)s=" .. run .. "-" .. tid .. "-" .. counter
  end
  return wrk.format("GET", path)
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH_JSON {\"requests\":%%d,\"duration_us\":%%d,\"connect\":%%d,\"read\":%%d," ..
    "\"write\":%%d,\"status\":%%d,\"timeout\":%%d,\"p50\":%%d,\"p99\":%%d,\"bytes\":%%d}\n",
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status,
    e.timeout, latency:percentile(50), latency:percentile(99), summary.bytes))
end
"""


@dataclass
class Result:
    label: str
    mode: str
    path: str
    rps: float = 0.0
    p50_ms: float = 0.0
    p99_ms: float = 0.0
    errors: int = 0
    timeouts: int = 0
    requests: int = 0
    cpu_ms: float = 0.0
    app_cpu_ms: float = 0.0
    queries: int | None = None
    ratio: float | None = None
    notes: list = field(default_factory=list)


def cpu_seconds(pids):
    """utime + stime of each pid, in seconds (pids that ended are skipped)."""
    times = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
        times[pid] = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    return times


def descendants(pid):
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                queue += [int(c) for c in (task / "children").read_text().split()]
            except (FileNotFoundError, ProcessLookupError):
                continue
    return found


def free_port(port):
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


class Command(BaseCommand):
    help = "Benchmark every page type, uncached and cached, against a static file."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8180)
        parser.add_argument("--duration", type=int, default=8, help="seconds per URL")
        parser.add_argument("--load-duration", type=int, default=60)
        parser.add_argument("--connections", type=int, default=64)
        parser.add_argument("--threads", type=int, default=2)
        parser.add_argument("--markdown", default="test-artifacts/bench.md")
        parser.add_argument(
            "--only",
            default="",
            help="measure only the addresses whose label contains this text, or "
            "one of these comma-separated texts (e.g. PressReleasePage,SessionPage); "
            "the targets then speak of those alone",
        )
        parser.add_argument("server", nargs="+", help="the server command line")

    def handle(self, *args, **options):
        self.options = options
        if not shutil.which("wrk"):
            raise CommandError("wrk is missing: `make bench` installs it with apt.")
        port = options["port"]
        self.base = f"http://127.0.0.1:{port}"
        if not free_port(port):
            raise CommandError(f"Port {port} is in use.")
        self.redis = None
        self.varnish = None
        env = dict(os.environ)
        env["DJANGO_PAGE_CACHE_EXTRA_PARAMETERS"] = BENCH_PARAMETER
        # One release name for the run: the publish of the proxy pass (another
        # process, started later) must share the server's cache keys even if
        # code changes meanwhile (the default release is a digest of the code).
        env.setdefault("ICLC_RELEASE", f"bench-{time.time_ns()}")
        if not env.get("REDIS_URL") and shutil.which("redis-server"):
            env["REDIS_URL"] = self.redis_url = self.start_redis(port + 9)
        self.cache_backend = "Redis" if env.get("REDIS_URL") else "files"
        self.log = Path(options["markdown"]).with_suffix(".server.log")
        self.log.parent.mkdir(parents=True, exist_ok=True)
        self.server_env = env
        self.server = subprocess.Popen(
            options["server"],
            env=env,
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            self.wait_until_up()
            if Path(VARNISHD).exists():
                self.start_varnish(port + 1)
            self.run_all()
        finally:
            if self.varnish:
                self.varnish.terminate()
                self.varnish.wait(timeout=30)
                shutil.rmtree(self.varnish_dir, ignore_errors=True)
            os.killpg(self.server.pid, signal.SIGTERM)
            self.server.wait(timeout=30)
            if self.redis:
                self.redis.terminate()
                self.redis.wait(timeout=10)

    # --- processes -----------------------------------------------------------

    def start_redis(self, port):
        if not free_port(port):
            raise CommandError(f"Port {port} (Redis for the run) is in use.")
        self.redis = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--maxmemory",
                "256mb",
                "--maxmemory-policy",
                "allkeys-lru",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _attempt in range(50):
            if not free_port(port):
                return f"redis://127.0.0.1:{port}/0"
            time.sleep(0.1)
        raise CommandError("Redis did not start.")

    def start_varnish(self, port):
        """varnishd with the project's VCL in front of the server (-j none: no
        separate user, so that it runs as whoever runs the bench)."""
        if not free_port(port):
            raise CommandError(f"Port {port} (the proxy for the run) is in use.")
        self.varnish_dir = Path(tempfile.mkdtemp(prefix="iclc-bench-varnish-"))
        (self.varnish_dir / "backends.vcl").write_text(
            PROXY_BACKENDS % {"port": self.options["port"]}
        )
        vcl = ROOT / "docker" / "varnish"
        self.varnish = subprocess.Popen(
            [
                VARNISHD,
                "-F",
                "-j",
                "none",
                "-a",
                f"127.0.0.1:{port}",
                "-p",
                f"vcl_path={self.varnish_dir}:{vcl}",
                "-f",
                str(vcl / "default.vcl"),
                "-n",
                str(self.varnish_dir / "n"),
                "-s",
                "malloc,256m",
            ],
            stdout=(self.varnish_dir / "varnishd.log").open("w"),
            stderr=subprocess.STDOUT,
        )
        self.proxy_base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.proxy_base + "/healthz", timeout=2):
                    return
            except OSError:
                time.sleep(0.5)
        raise CommandError("Varnish did not answer within 60 s.")

    def wait_for_proxy(self):
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.proxy_base + "/healthz", timeout=10):
                    return
            except OSError:
                time.sleep(1)
        raise CommandError("The proxy found no healthy server within 120 s.")

    def renders_since(self, offset):
        """Responses in the server's log since `offset` that took 5 ms or more
        (renders; the page cache's answers take 0-1 ms)."""
        with self.log.open("rb") as log:
            log.seek(offset)
            return sum(
                1
                for line in log
                if b" GET /" in line
                and line.split()[-2].endswith(b"ms")
                and int(line.split()[-2][:-2] or 0) >= 5
            )

    def bans(self):
        out = subprocess.run(
            [
                VARNISHSTAT,
                "-n",
                str(self.varnish_dir / "n"),
                "-1",
                "-f",
                "MAIN.bans_added",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return int(out.split()[1])

    def wait_until_up(self):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.server.poll() is not None:
                raise CommandError(f"The server stopped; see {self.log}.")
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.5)
        raise CommandError("The server did not answer /healthz within 60 s.")

    def server_pids(self):
        pids = {"app": descendants(self.server.pid), "db": [], "cache": []}
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pid FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    " AND backend_type = 'client backend'"
                )
                pids["db"] = [row[0] for row in cursor.fetchall()]
        if self.redis:
            pids["cache"] = [self.redis.pid]
        pids["proxy"] = descendants(self.varnish.pid) if self.varnish else []
        return pids

    def sample(self):
        return {kind: cpu_seconds(p) for kind, p in self.server_pids().items()}

    @staticmethod
    def used(before, after):
        return {
            kind: sum(t - before[kind].get(pid, 0.0) for pid, t in after[kind].items())
            for kind in after
        }

    # --- measuring -----------------------------------------------------------

    def wrk(self, paths, seconds, unique, parameter=BENCH_PARAMETER, base=None):
        script = WRK_SCRIPT % {
            "paths": ", ".join(json.dumps(p) for p in paths),
            "unique": "true" if unique else "false",
            "parameter": parameter,
            "run": str(time.time_ns()),
            "accept": ACCEPT_ENCODING,
        }
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
            handle.write(script)
        o = self.options
        offset = self.log.stat().st_size
        before = self.sample()
        try:
            output = subprocess.run(
                [
                    "wrk",
                    f"-t{o['threads']}",
                    f"-c{o['connections']}",
                    f"-d{seconds}s",
                    "--timeout",
                    "10s",
                    "-s",
                    handle.name,
                    (base or self.base) + paths[0],
                ],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        finally:
            os.unlink(handle.name)
        # Requests wrk gave up waiting for are still queued: let the server finish
        # them, and charge their CPU to the requests the server logged (one line
        # each, iclc.middleware.RequestLogMiddleware).
        self.drain()
        after = self.sample()
        line = next(x for x in output.splitlines() if x.startswith("BENCH_JSON "))
        data = json.loads(line.split(" ", 1)[1])
        cpu = self.used(before, after)
        with self.log.open("rb") as log:
            log.seek(offset)
            data["served"] = sum(1 for x in log if b" GET /" in x)
        return data, cpu

    def drain(self):
        """Wait until the server answers a health check quickly again."""
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            started = time.monotonic()
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=300) as r:
                    r.read()
            except OSError:
                time.sleep(0.5)
                continue
            if time.monotonic() - started < 0.2:
                return

    def measure(self, label, mode, paths, seconds, base=None):
        data, cpu = self.wrk(paths, seconds, unique=(mode == "uncached"), base=base)
        served = max(data["served"], data["requests"], 1)
        errors = sum(data[k] for k in ("connect", "read", "write", "status", "timeout"))
        return Result(
            label=label,
            mode=mode,
            path=paths[0] if len(paths) == 1 else f"{len(paths)} URLs",
            rps=data["requests"] / (data["duration_us"] / 1e6),
            p50_ms=data["p50"] / 1000,
            p99_ms=data["p99"] / 1000,
            errors=errors,
            timeouts=data["timeout"],
            requests=data["requests"],
            cpu_ms=1000 * sum(cpu.values()) / served,
            app_cpu_ms=1000 * cpu["app"] / served,
        )

    def count_queries(self, path):
        """Queries of one render with an empty page cache, and of a cached visit."""
        client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_ENCODING=ACCEPT_ENCODING)
        # Count right after each request: the next request empties the query log.
        with override_settings(PAGE_CACHE_SECONDS=0):
            client.get(path)  # warm this process (content types, site roots)
            with CaptureQueriesContext(connection) as captured:
                response = client.get(path)
            uncached = len(captured)
        if response.status_code != 200:
            raise CommandError(f"{path} answered {response.status_code}.")
        client.get(path)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        cached = len(captured)
        hit = response.get(CACHE_HEADER) == "hit"
        return uncached, (cached if hit else None)

    # --- what to measure -----------------------------------------------------

    def page_urls(self):
        """One page of each type (the first in the tree), in both languages,
        with the routable pages' sub-routes, search results and the sitemap."""
        chosen = {}
        pages = Page.objects.live().public().filter(depth__gt=1).order_by("path")
        for page in pages.specific():
            name = type(page).__name__
            chosen.setdefault(name, page)
        urls = []
        for name, page in sorted(chosen.items(), key=lambda item: item[1].path):
            for language in ("en", "es"):
                urls.append((f"{name} {language}", page.url_in(language)))
            for model, suffix in EXTRA_ROUTES:
                if model == name:
                    for language in ("en", "es"):
                        url = page.url_in(language) + localise_subpath(language, suffix)
                        urls.append((f"{name} {suffix} {language}", url))
        for language in ("en", "es"):
            with translation.override(language):
                search = reverse("search") + "?q=learning"
            urls.append((f"search results {language}", search))
        urls.append(("sitemap.xml", "/sitemap.xml"))
        wanted = [part.strip() for part in self.options["only"].split(",")]
        return [(label, url) for label, url in urls if any(w in label for w in wanted)]

    def run_all(self):
        o = self.options
        seconds = o["duration"]
        urls = self.page_urls()
        static_path = static("css/site.css")
        results = []
        self.stdout.write(
            f"Benchmark: {len(urls)} URLs, {seconds} s each, {o['connections']}"
            f" connections, cache: {self.cache_backend}, static file {static_path}"
        )
        self.first_crawl = self.crawl_every_page()
        self.stdout.write(
            f"First crawl: {self.first_crawl[0]} addresses, slowest"
            f" {self.first_crawl[1]:.2f} s ({self.first_crawl[2]})"
        )
        # The machine is shared and noisy: each page's cached rate is compared
        # with a static-file run made just before it.
        static_runs = []
        for label, path in urls:
            queries, cached_queries = self.count_queries(path)
            uncached = self.measure(label, "uncached", [path], seconds)
            uncached.queries = queries
            baseline = self.measure("static file", "static", [static_path], seconds)
            static_runs.append(baseline)
            self.prime(path)
            cached = self.measure(label, "cached", [path], seconds)
            cached.queries = cached_queries
            static_rps = static_runs[-1].rps or 1e-9
            cached.ratio = cached.rps / static_rps
            uncached.ratio = uncached.rps / static_rps
            results += [uncached, cached]
            for result in (uncached, static_runs[-1], cached):
                self.stdout.write(f"  {self.format_row(result)}")
        static_result = Result("static file", "static", static_path)
        static_result.rps = sum(r.rps for r in static_runs) / len(static_runs)
        static_result.requests = sum(r.requests for r in static_runs)
        static_result.errors = sum(r.errors for r in static_runs)
        static_result.timeouts = sum(r.timeouts for r in static_runs)
        static_result.cpu_ms = sum(r.cpu_ms for r in static_runs) / len(static_runs)
        static_result.app_cpu_ms = sum(r.app_cpu_ms for r in static_runs) / len(
            static_runs
        )
        middle = len(static_runs) // 2
        static_result.p50_ms = sorted(r.p50_ms for r in static_runs)[middle]
        static_result.p99_ms = max(r.p99_ms for r in static_runs)
        static_result.ratio = 1.0

        load = []
        paths = [path for _label, path in urls]
        for path in paths:
            self.prime(path)
        for mode in ("uncached", "cached"):
            load.append(self.measure("all pages", mode, paths, o["load_duration"]))
        self.junk_entries = self.entries_added_by_junk(paths[0])
        proxied = self.through_the_proxy(urls, results) if self.varnish else None
        self.report(static_result, results, load, static_path, proxied)

    def through_the_proxy(self, urls, results):
        """Every page cached by Varnish, against the app's page cache; every page
        together for the load duration; and again with a publish a third of the
        way in. The ratio is over the app's cached rate of the same page."""
        o = self.options
        app_rates = {r.label: r.rps for r in results if r.mode == "cached"}
        self.stdout.write("Through the proxy (Varnish, docker/varnish/default.vcl):")
        # The uncached runs leave the server busy for a while: wait until it
        # answers, and the proxy's probe counts it healthy again.
        self.drain()
        self.wait_for_proxy()
        pages = []
        for label, path in urls:
            self.prime(path, base=self.proxy_base)
            result = self.measure(
                label, "proxy", [path], o["duration"], self.proxy_base
            )
            result.ratio = result.rps / (app_rates.get(label) or 1e-9)
            pages.append(result)
            self.stdout.write(f"  {self.format_row(result)}")
        paths = [path for _label, path in urls]
        for path in paths:
            self.prime(path, base=self.proxy_base)
        load = self.measure(
            "all pages", "proxy", paths, o["load_duration"], self.proxy_base
        )
        self.stdout.write(f"  {self.format_row(load)}")
        for path in paths:
            self.prime(path, base=self.proxy_base)
        bans = self.bans()
        measured = {}

        def under_load():
            measured["result"] = self.measure(
                "all pages, publish at 1/3",
                "proxy",
                paths,
                o["load_duration"],
                self.proxy_base,
            )

        at = time.time() + o["load_duration"] / 3
        publisher = subprocess.Popen(
            [sys.executable, "manage.py", "shell", "-c", PUBLISH % {"at": at}],
            cwd=ROOT,
            env={**self.server_env, "DJANGO_FRONTEND_CACHE_URL": self.proxy_base},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        offset = self.log.stat().st_size
        runner = threading.Thread(target=under_load)
        runner.start()
        runner.join()
        run_ended = time.time()
        out, err = publisher.communicate()
        publish = subprocess.CompletedProcess(
            publisher.args, publisher.returncode, out, err
        )
        after_publish = measured["result"]
        published = float(out.split()[-1]) if publisher.returncode == 0 else None
        if published is None or published > run_ended:
            after_publish.notes.append(
                "NOT MEASURED: the publish ended after the run"
                if published
                else "NOT MEASURED: the publish failed"
            )
        else:
            after_publish.notes.append(
                f"published {published - (run_ended - o['load_duration']):.1f} s"
                " into the run"
            )
        if publish.returncode != 0:
            self.stderr.write(publish.stderr)
        after_publish.notes.append(
            f"{self.bans() - bans} bans, {self.renders_since(offset)} pages rendered"
            " again by the server during the run"
        )
        self.stdout.write(f"  {self.format_row(after_publish)}")
        return pages, load, after_publish

    def crawl_every_page(self):
        """(addresses, slowest seconds, its address) of a first visit to every
        live page in both languages and its sub-routes, with the cache empty."""
        urls = []
        for page in Page.objects.live().public().filter(depth__gt=1).specific():
            for language in ("en", "es"):
                url = page.url_in(language)
                urls.append(url)
                urls += [
                    url + localise_subpath(language, suffix)
                    for m, suffix in EXTRA_ROUTES
                    if m == type(page).__name__
                ]
        slowest = (0.0, "")
        for url in urls:
            started = time.monotonic()
            request = urllib.request.Request(
                self.base + url, headers={"Accept-Encoding": ACCEPT_ENCODING}
            )
            with urllib.request.urlopen(request, timeout=60) as response:
                response.read()
            slowest = max(slowest, (time.monotonic() - started, url))
        return len(urls), *slowest

    def entries_added_by_junk(self, path):
        """Cache entries that `JUNK_REQUESTS` visits of a cached page with random
        values of a parameter no page reads add (None without a Redis of our own)."""
        if not self.redis:
            return None
        server = redis.Redis.from_url(self.redis_url)
        self.prime(path)
        before = server.dbsize()
        sent = 0
        while sent < JUNK_REQUESTS:
            data, _cpu = self.wrk([path], 2, unique=True, parameter="x")
            sent += data["requests"]
        return server.dbsize() - before

    def prime(self, path, base=None):
        request = urllib.request.Request(
            (base or self.base) + path, headers={"Accept-Encoding": ACCEPT_ENCODING}
        )
        for _visit in range(2):
            with urllib.request.urlopen(request, timeout=30) as response:
                response.read()

    def static_headers(self, path):
        request = urllib.request.Request(
            self.base + path, headers={"Accept-Encoding": ACCEPT_ENCODING}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            return dict(response.headers)

    # --- reporting -----------------------------------------------------------

    @staticmethod
    def format_row(r):
        queries = "-" if r.queries is None else str(r.queries)
        ratio = "-" if r.ratio is None else f"{r.ratio:.2f}"
        return (
            f"{r.label:<44} {r.mode:<8} {r.rps:>8.0f} {r.p50_ms:>7.1f}"
            f" {r.p99_ms:>7.1f} {r.errors:>6} {r.cpu_ms:>7.2f} {r.app_cpu_ms:>7.2f}"
            f" {queries:>4} {ratio:>6}"
        )

    def report(self, static_result, results, load, static_path, proxied=None):
        header = (
            f"{'URL':<44} {'mode':<8} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7}"
            f" {'errors':>6} {'cpu ms':>7} {'app ms':>7} {'sql':>4} {'ratio':>6}"
        )
        lines = [header, self.format_row(static_result)]
        lines += [self.format_row(r) for r in results]
        lines += [self.format_row(r) for r in load]
        targets = self.targets(static_result, results, load, static_path)
        if proxied:
            pages, proxy_load, after_publish = proxied
            lines += [
                "",
                "Through the proxy (Varnish in front of the same server; ratio ="
                " req/s over the app's own cached req/s of the same page):",
                *[self.format_row(r) for r in [*pages, proxy_load, after_publish]],
                *[f"  {note}" for note in after_publish.notes],
            ]
            targets += self.proxy_targets(pages, proxy_load, after_publish)
        machine = self.machine()
        text = "\n".join(
            [
                "",
                machine,
                "cpu ms = server CPU per request: gunicorn + PostgreSQL backends"
                + (" + Redis" if self.redis else "")
                + "; app ms = gunicorn alone; sql = queries per request; "
                "ratio = req/s over the req/s of a static-file run made just before"
                " (static row: means over those runs, worst p99)",
                "",
                *lines,
                "",
                *targets,
            ]
        )
        self.stdout.write(text)
        Path(self.options["markdown"]).write_text(
            f"```text\n{text.strip()}\n```\n", encoding="utf-8"
        )

    def machine(self):
        cpu = "unknown CPU"
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory = Path("/proc/meminfo").read_text().split()[1]
        load = os.getloadavg()
        database = connection.vendor
        if database == "postgresql":
            database += f" {connection.pg_version // 10000}"
        return (
            f"Machine: {platform.node()}, {os.cpu_count()} cores {cpu},"
            f" {int(memory) // 1024} MB RAM, {platform.system()} {platform.release()},"
            f" Python {sys.version.split()[0]}; database {database}; cache"
            f" {self.cache_backend}; load average at the end {load[0]:.2f};"
            f" wrk {self.options['connections']} connections, --timeout 10s,"
            f" Accept-Encoding: {ACCEPT_ENCODING}"
        )

    def targets(self, static_result, results, load, static_path):
        def line(name, ok, detail):
            return f"TARGET {name}: {'met' if ok else 'NOT MET'} ({detail})"

        uncached = [r for r in results if r.mode == "uncached"]
        cached = [r for r in results if r.mode == "cached"]
        worst_q = max(uncached, key=lambda r: r.queries or 0)
        worst_cpu = max(uncached, key=lambda r: r.cpu_ms)
        worst_ratio = min(cached, key=lambda r: r.ratio or 0)
        cached_q = [r.queries for r in cached]
        errors = sum(r.errors for r in [static_result, *results, *load])
        timeouts = sum(r.timeouts for r in [static_result, *results, *load])
        headers = self.static_headers(static_path)
        home = next(r for r in cached if r.label.startswith("HomePage"))
        weight = self.home_weight(home.path)
        seconds = self.options["load_duration"]
        return [
            line(
                "queries <= 10 per uncached page",
                (worst_q.queries or 0) <= 10,
                f"worst {worst_q.queries} on {worst_q.label}; growth: see"
                " tests/serving/test_query_counts.py",
            ),
            line(
                "uncached render <= 25 ms server CPU",
                worst_cpu.cpu_ms <= 25,
                f"worst {worst_cpu.cpu_ms:.1f} ms on {worst_cpu.label}",
            ),
            line(
                "cached pages >= 0.75 x static file rate, 0 queries",
                (worst_ratio.ratio or 0) >= 0.75 and all(q == 0 for q in cached_q),
                f"worst {worst_ratio.ratio:.2f} on {worst_ratio.label};"
                f" static {static_result.rps:.0f} req/s",
            ),
            line(
                f"zero errors and timeouts, {self.options['connections']} connections",
                errors == 0 and timeouts == 0,
                f"{errors} errors, {timeouts} timeouts in all runs, including"
                f" {seconds} s over every page uncached and cached",
            ),
            line(
                "static files compressed, hashed, immutable",
                headers.get("Content-Encoding") == "br"
                and "immutable" in headers.get("Cache-Control", ""),
                f"{static_path}: {headers.get('Content-Encoding')},"
                f" {headers.get('Cache-Control')}",
            ),
            line(
                f"first crawl of every page: none slower than {FIRST_CRAWL_SECONDS} s",
                self.first_crawl[1] <= FIRST_CRAWL_SECONDS,
                f"{self.first_crawl[0]} addresses, slowest {self.first_crawl[1]:.2f} s"
                f" ({self.first_crawl[2]})",
            ),
            line(
                f"{JUNK_REQUESTS} requests with random ?x= add <="
                f" {JUNK_ENTRIES_ALLOWED} cache entries",
                self.junk_entries is not None
                and self.junk_entries <= JUNK_ENTRIES_ALLOWED,
                "not measured (no Redis of the run's own)"
                if self.junk_entries is None
                else f"{self.junk_entries} added",
            ),
            line(
                "home page < 200 KB over the wire at first view",
                weight is not None and weight < 200 * 1024,
                "not measured" if weight is None else f"{weight / 1024:.0f} KB",
            ),
        ]

    def proxy_targets(self, pages, load, after_publish):
        def line(name, ok, detail):
            return f"TARGET {name}: {'met' if ok else 'NOT MET'} ({detail})"

        worst_ratio = min(pages, key=lambda r: r.ratio or 0)
        worst_p99 = max([*pages, load], key=lambda r: r.p99_ms)
        errors = sum(r.errors + r.timeouts for r in [*pages, load])
        seconds = self.options["load_duration"]
        return [
            line(
                "through the proxy: cached pages >= 10 x the app's page cache rate",
                (worst_ratio.ratio or 0) >= 10,
                f"worst {worst_ratio.ratio:.1f} x on {worst_ratio.label}"
                f" ({worst_ratio.rps:.0f} req/s)",
            ),
            line(
                "through the proxy: p99 < 20 ms",
                worst_p99.p99_ms < 20,
                f"worst {worst_p99.p99_ms:.1f} ms on {worst_p99.label}",
            ),
            line(
                f"through the proxy: 0 errors over {seconds} s on every page type",
                errors == 0,
                f"{errors} errors and timeouts",
            ),
            line(
                "after a publish under load: 0 errors, p99 < 500 ms",
                after_publish.errors + after_publish.timeouts == 0
                and after_publish.p99_ms < 500
                and not any("NOT MEASURED" in n for n in after_publish.notes),
                f"{after_publish.errors} errors, p99 {after_publish.p99_ms:.1f} ms;"
                f" {'; '.join(after_publish.notes)}",
            ),
        ]

    def home_weight(self, path):
        """Bytes a phone downloads for the home page at first view (chromium)."""
        chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
        if not Path(chromium).exists():
            return None
        try:  # Playwright is a development package: no figure without it.
            from playwright.sync_api import sync_playwright
        except ImportError:
            return None
        total = 0
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium, args=["--no-sandbox", "--disable-gpu"]
            )
            context = browser.new_context(
                viewport={"width": 375, "height": 740},
                device_scale_factor=2,
                is_mobile=True,
            )
            page = context.new_page()
            responses = []
            page.on("requestfinished", lambda request: responses.append(request))
            page.goto(self.base + path, wait_until="networkidle")
            for request in responses:
                sizes = request.sizes()
                total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
            browser.close()
        return total
