"""A throwaway PostgreSQL cluster in a temporary folder, for fault tests.

initdb refuses to run as root, so as root every server command runs as the
`postgres` system user (Debian's server package creates it).
"""

import os
import shutil
import signal
import socket
import subprocess
import tempfile
from pathlib import Path

from django.db import connection

PG_BINARIES = sorted(
    Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name)
)


def free_port(candidates=range(8140, 8150)):
    """The first port among `candidates` nothing listens on. Each pytest-xdist
    worker looks in its own copy of the range, shifted by the range's length
    times its number: two workers probing at once would otherwise both find the
    same port free, and one server would answer the other's test."""
    worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw"))
    shift = worker * len(candidates) * (1 if candidates.step > 0 else -1)
    mine = range(candidates.start + shift, candidates.stop + shift, candidates.step)
    for port in mine:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"No free port in {mine}.")


class ThrowawayCluster:
    def __init__(self, password):
        if not PG_BINARIES:
            raise RuntimeError("PostgreSQL server binaries not found.")
        self.bin = PG_BINARIES[-1]
        self.password = password
        self.root = Path(tempfile.mkdtemp(prefix="iclc-pg-"))
        self.data = self.root / "data"
        self.port = free_port(range(8149, 8139, -1))
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")

    def _run(self, *command, **options):
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        return subprocess.run(
            [*prefix, *command], check=True, capture_output=True, timeout=120, **options
        )

    @property
    def url(self):
        return f"postgres://iclc:{self.password}@127.0.0.1:{self.port}/iclc"

    def create(self):
        password_file = self.root / "password"
        password_file.write_text(self.password)
        if os.geteuid() == 0:
            shutil.chown(password_file, "postgres", "postgres")
        self._run(
            str(self.bin / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "iclc",
            "--pwfile",
            str(password_file),
            "--auth=scram-sha-256",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
        )
        password_file.unlink()
        self.start()
        self.psql("postgres", "-c", "CREATE DATABASE iclc")

    def start(self):
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
        )
        self._run(
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.root / "server.log"),
            "-w",
            "start",
        )

    def stop(self, mode="fast"):
        self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop"
        )

    def processes(self):
        """The server's process and its children (every backend)."""
        server = int((self.data / "postmaster.pid").read_text().split()[0])
        children = subprocess.run(
            ["pgrep", "-P", str(server)], capture_output=True, text=True, check=False
        ).stdout.split()
        return [server, *map(int, children)]

    def freeze(self):
        """Stop every server process where it is (SIGSTOP): connections stay
        open and the kernel still accepts new ones, but nothing answers."""
        for pid in self.processes():
            os.kill(pid, signal.SIGSTOP)

    def thaw(self):
        for pid in self.processes():
            os.kill(pid, signal.SIGCONT)

    def psql(self, database, *args, **options):
        return subprocess.run(
            [
                str(self.bin / "psql"),
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                "iclc",
                "-d",
                database,
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                *args,
            ],
            check=True,
            capture_output=True,
            timeout=120,
            env={**os.environ, "PGPASSWORD": self.password},
            **options,
        )

    def destroy(self):
        if (self.data / "postmaster.pid").exists():
            self.thaw()
            try:
                self.stop(mode="immediate")
            except subprocess.CalledProcessError:
                pass
        shutil.rmtree(self.root, ignore_errors=True)


def copy_test_database(cluster):
    """The test database (migrated, with the committed home page) into the cluster."""
    params = connection.settings_dict
    dump = subprocess.run(
        [
            str(cluster.bin / "pg_dump"),
            "--no-owner",
            "--no-privileges",
            "-h",
            params["HOST"] or "127.0.0.1",
            "-p",
            str(params["PORT"] or 5432),
            "-U",
            params["USER"] or "postgres",
            params["NAME"],
        ],
        check=True,
        capture_output=True,
        timeout=120,
        env={**os.environ, "PGPASSWORD": params["PASSWORD"] or ""},
    )
    cluster.psql("iclc", input=dump.stdout)
