"""Page throughput under load: requests per second of each list page as a share of /healthz, on one server.

    PYTHONPATH=$PWD .venv/bin/python benchmarks/bench_throughput.py [--duration 10] [--connections 8]

Builds the demo database into a temporary SQLite file (`ecotown bootstrap --demo`), starts gunicorn with 2 sync
workers on it, and lets `wrk` (Debian package `wrk`) hammer /healthz and each list page, anonymously and as a
provincial officer (a real session cookie). Budget (issue 12): every list page ≥ 25 % of /healthz's rate in the
same run. /healthz runs one `SELECT 1`: it measures the server, the middleware and the network, so the share says
how much a page costs on top of the fixed price of any request.

List pages are kept as written until the database changes (core.kept), so under a read-only load every request
after the first is served from what the process kept. `--written` turns keeping off (KEPT_PAGES_ENTRIES=0): every
page is then written afresh, what a page costs right after each change. `--writes-per-second N` commits N changes
a second from another connection meanwhile (an expired session row: a commit that changes nothing shown), as a
busy secretariat would, so that the kept pages are written again after each.

/healthz is measured before the first page and again after each page, and each page is compared with the mean
of the two /healthz rates around it: on a shared machine the rate of the same page drifts by a quarter within a
minute, and a single /healthz figure at the start made every share of that run high or low together.
"""

import argparse
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEALTH = "/healthz"
PAGES = [
    ("areas", "/areas/"),
    ("national target list", "/targets/"),
    ("requirement list", "/criteria/requirements/"),
    ("provinces", "/provinces/"),
]
OFFICER = "officer.pathumthani"
BUDGET = 25.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ecotown(env, *args, capture=False):
    return subprocess.run(
        [sys.executable, "-m", "ecotown", *args], cwd=ROOT, env=env, check=True, capture_output=capture, text=True
    )


SESSION_SNIPPET = """
import django; django.setup()
from django.test import Client
from ecotown.accounts.models import User
client = Client()
client.force_login(User.objects.get(username={username!r}), backend="ecotown.accounts.backends.UsernameOrEmailBackend")
print(client.cookies["sessionid"].value)
"""


def session_cookie(env, username) -> str:
    code = SESSION_SNIPPET.format(username=username)
    env = {**env, "DJANGO_SETTINGS_MODULE": "ecotown.settings"}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    return out.stdout.strip().splitlines()[-1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def fetch(url, cookie=None) -> int:
    """The status of one GET, without following a redirect (a page that sends anonymous users to sign in)."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with OPENER.open(request, timeout=30) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def wrk(url, *, duration, connections, cookie=None) -> float:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    if "Non-2xx or 3xx responses" in out or "Socket errors" in out:
        raise SystemExit(f"wrk saw errors on {url}:\n{out}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def write_meanwhile(database: Path, per_second: float, stop: threading.Event) -> None:
    """Commit `per_second` changes a second to the database from a connection of its own until `stop`."""
    if per_second <= 0:
        return
    db = sqlite3.connect(database, timeout=20, isolation_level=None)
    number = 0
    while not stop.wait(1 / per_second):
        number += 1
        # A row that changes nothing shown (an expired session): SQLite notices an update to the same value and
        # counts no change, so it must be new data.
        db.execute("INSERT INTO django_session VALUES (?, '', '2000-01-01')", (f"bench-{number}",))
    db.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per page (default 10)")
    parser.add_argument("--connections", type=int, default=8, help="concurrent connections (default 8)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", action="store_true", help="keep the temporary database")
    parser.add_argument("--written", action="store_true", help="no kept pages: every page written afresh")
    parser.add_argument("--writes-per-second", type=float, default=0, help="commits a second from elsewhere")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")
    workdir = Path(tempfile.mkdtemp(prefix="ecotown-bench-"))
    (workdir / "static").mkdir()  # STATIC_ROOT: WhiteNoise serves from the finders, as `make run` does
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "VAR_DIR": str(workdir),
        "DEBUG": "false",
        "LOG_LEVEL": "WARNING",
    }
    env.pop("DATABASE_URL", None)  # SQLite in VAR_DIR, as `make run` serves it
    if args.written:
        env["KEPT_PAGES_ENTRIES"] = "0"
    print(f"Building the demo database in {workdir} …", flush=True)
    ecotown(env, "bootstrap", "--demo", capture=True)
    cookie = f"sessionid={session_cookie(env, OFFICER)}"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "ecotown.wsgi", "-w", str(args.workers), "-b", f"127.0.0.1:{port}",
         "--log-level", "warning"],
        cwd=ROOT, env=env, start_new_session=True,
    )  # fmt: skip
    stop_writing = threading.Event()
    writer = threading.Thread(
        target=write_meanwhile, args=(workdir / "ecotown.sqlite3", args.writes_per_second, stop_writing)
    )
    try:
        writer.start()
        for _ in range(100):
            try:
                fetch(base + "/healthz")
                break
            except OSError:
                time.sleep(0.2)
        results = {}  # (who, page) -> (req/s, the mean /healthz req/s around it)
        for who, who_cookie in (("anonymous", None), (f"officer ({OFFICER})", cookie)):

            def measure(path, who_cookie=who_cookie):
                return wrk(base + path, duration=args.duration, connections=args.connections, cookie=who_cookie)

            for _ in range(2 * args.workers):
                fetch(base + HEALTH, who_cookie)
            health = measure(HEALTH)
            print(f"  {who:32} {'health check':22} {health:8.1f} req/s", flush=True)
            for name, path in PAGES:
                status = fetch(base + path, who_cookie)
                if status != 200:  # the national target list asks anonymous users to sign in
                    print(f"  {who:32} {name:22} answers {status}: not measured", flush=True)
                    continue
                for _ in range(2 * args.workers):  # warm every worker's caches
                    fetch(base + path, who_cookie)
                rate = measure(path)
                after = measure(HEALTH)
                results[who, name] = (rate, (health + after) / 2)
                print(f"  {who:32} {name:22} {rate:8.1f} req/s   /healthz after it {after:8.1f} req/s", flush=True)
                health = after
    finally:
        stop_writing.set()
        writer.join()
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    print()
    print(f"| user | page | req/s | /healthz around it, req/s | % of /healthz (budget ≥ {BUDGET:.0f} %) |")
    print("|---|---|---:|---:|---:|")
    failed = False
    for (who, name), (rate, health) in results.items():
        share = 100 * rate / health
        failed = failed or share < BUDGET
        mark = "" if share >= BUDGET else " ✗"
        print(f"| {who} | {name} | {rate:.0f} | {health:.0f} | {share:.0f} %{mark} |")
    kept = "off (every page written afresh)" if args.written else "on"
    print(
        f"\n{args.workers} gunicorn workers, wrk -t2 -c{args.connections} -d{args.duration}s, {os.cpu_count()} CPUs, "
        f"kept pages {kept}, {args.writes_per_second:g} commits a second from another connection"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
