#!/usr/bin/env python3
"""The API under load (issue 14, "Performance"): `helpdesk serve` (release) on a copy of a generated
helpdesk, logged in as the agent with the largest queue, loaded by `wrk` on loopback with
`GET /api/v1/tickets` (first page), `GET /api/v1/tickets/:id` (spread over 1,000 of the agent's
tickets) and `POST /api/v1/tickets/:id/comments` (over 1,000 of the agent's unclosed tickets), each at
every connection count; beside the same three operations in process (`helpdesk-bench --only api`) in
the same run. Prints requests per second, p50 and p99 latency, non-2xx answers, and the CPU the
server and the rest of the machine used. A benchmark: it prints figures, never passes or fails.

The measured part holds LOCK (default /tmp/swift-build.lock, the team's build lock) so that no
build runs meanwhile; do not wrap the script in flock yourself.

    bench/api_wrk.py [--tickets 1000000] [--duration 15] [--connections 1,16,64]
"""
import argparse
import fcntl
import json
import os
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build/release")
AGENT, PASSWORD = "agent0@bench.test", "bench-password"   # helpdesk-bench's accounts (BenchSetup.password)
# The same tickets as helpdesk-bench's api group (APIOperations).
VISIBLE = "SELECT number FROM tickets WHERE assignee_id = ? AND deleted_at IS NULL ORDER BY (id * 2654435761) % 1000003 LIMIT 1000"
OPEN = ("SELECT number FROM tickets WHERE assignee_id = ? AND deleted_at IS NULL AND status <> 'closed' "
        "ORDER BY (id * 2654435761) % 1000003 LIMIT 1000")


def log(message):
    print(message, file=sys.stderr, flush=True)


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_busy():
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    return sum(fields) / os.sysconf("SC_CLK_TCK"), (fields[3] + fields[4]) / os.sysconf("SC_CLK_TCK")


def milliseconds(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def wrk(script, connections, duration, url, env):
    out = subprocess.run(
        ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{duration}s", "--timeout", "30s", "--latency",
         "-s", os.path.join(ROOT, "bench/wrk", script), url],
        check=True, capture_output=True, text=True, env=env).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = milliseconds(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))
    p99 = milliseconds(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return rps, p50, p99, total, int(bad.group(1)) if bad else 0, errors.group(1) if errors else "", out


def drain(url, token):
    """Waits until the server has answered what wrk left in flight (the requests of closed
    connections still queue for the database): until `GET /auth/me` answers within 50 ms."""
    request = urllib.request.Request(url + "/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"})
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        start = time.monotonic()
        urllib.request.urlopen(request, timeout=60).read()
        if time.monotonic() - start < 0.05:
            return
        time.sleep(0.5)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--duration", type=int, default=15, help="seconds per wrk run")
    parser.add_argument("--connections", default="1,16,64")
    parser.add_argument("--runs", type=int, default=200, help="in-process runs per operation")
    parser.add_argument("--lock", default="/tmp/swift-build.lock", help="held while measuring ('' for none)")
    args = parser.parse_args()
    source = os.path.join(ROOT, f".build-bench/helpdesk-{args.tickets}.sqlite")
    if not os.path.exists(source):
        raise SystemExit(f"no {source}: build it with .build/release/helpdesk-bench --tickets {args.tickets} --only none")
    work = os.path.join(ROOT, f".build-bench/api-{args.tickets}")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    db = os.path.join(work, "helpdesk.sqlite")
    log(f"copying {source} (the runs write comments; the generated file stays as it is)")
    subprocess.run(["cp", "--reflink=auto", source, db], check=True)
    with sqlite3.connect(db) as c:
        agent = c.execute("SELECT id FROM users WHERE email = ?", (AGENT,)).fetchone()[0]
        for name, sql in (("visible", VISIBLE), ("open", OPEN)):
            with open(os.path.join(work, name), "w") as f:
                f.write("".join(row[0] + "\n" for row in c.execute(sql, (agent,))))

    lock = open(args.lock or os.devnull, "a")
    log(f"waiting for {args.lock}")
    if args.lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
    server = None
    try:
        log("in process…")
        inproc = json.loads(subprocess.run(
            [os.path.join(BIN, "helpdesk-bench"), "--tickets", str(args.tickets), "--db", db, "--only", "api",
             "--runs", str(args.runs), "--json"], check=True, capture_output=True, text=True).stdout)
        server_log = open(os.path.join(work, "serve.log"), "w")
        server = subprocess.Popen([os.path.join(BIN, "helpdesk"), "serve", "--db", db, "--port", "0"],
                                  stdout=subprocess.PIPE, stderr=server_log, text=True)
        line = server.stdout.readline()
        port = int(re.search(r":(\d+)", line).group(1))
        url = f"http://127.0.0.1:{port}"
        request = urllib.request.Request(url + "/api/v1/auth/login", method="POST",
                                         data=json.dumps({"email": AGENT, "password": PASSWORD}).encode(),
                                         headers={"Content-Type": "application/json"})
        token = json.load(urllib.request.urlopen(request))["access_token"]
        env = dict(os.environ, TOKEN=token)
        rows = []
        runs = [("GET /api/v1/tickets", "list.lua", "visible"), ("GET /api/v1/tickets/:id", "show.lua", "visible"),
                ("POST /api/v1/tickets/:id/comments", "comment.lua", "open")]
        for label, script, ids in runs:
            for connections in [int(c) for c in args.connections.split(",")]:
                log(f"{label} at {connections} connections…")
                env["IDS"] = os.path.join(work, ids)
                server_cpu0, (total0, idle0) = cpu_seconds(server.pid), machine_busy()
                children0 = resource.getrusage(resource.RUSAGE_CHILDREN)
                rps, p50, p99, total, bad, errors, out = wrk(script, connections, args.duration, url, env)
                server_cpu1, (total1, idle1) = cpu_seconds(server.pid), machine_busy()
                children1 = resource.getrusage(resource.RUSAGE_CHILDREN)
                wrk_cpu = (children1.ru_utime + children1.ru_stime) - (children0.ru_utime + children0.ru_stime)
                wall = (total1 - total0) / os.cpu_count()
                busy = (total1 - total0) - (idle1 - idle0)
                server_cores = (server_cpu1 - server_cpu0) / wall
                wrk_cores = wrk_cpu / wall
                rest_cores = busy / wall - server_cores - wrk_cores
                rows.append((label, connections, rps, p50, p99, total, bad, errors, server_cores, wrk_cores, rest_cores))
                drain(url, token)
                with open(os.path.join(work, f"wrk-{script}-{connections}.txt"), "w") as f:
                    f.write(out)
    finally:
        if server:
            server.terminate()
            server.wait(timeout=30)
        if args.lock:
            fcntl.flock(lock, fcntl.LOCK_UN)

    print(f"\nhelpdesk serve on {os.path.basename(source)} (copied), as {AGENT}; wrk -t2 (-t1 for one connection) "
          f"-d{args.duration}s --timeout 30s --latency on loopback")
    print(f"{'request':<36} {'conns':>5} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'requests':>9} {'non-2xx':>7} "
          f"{'server':>6} {'wrk':>5} {'other':>5}  (cores busy)")
    for label, connections, rps, p50, p99, total, bad, errors, server_cores, wrk_cores, rest_cores in rows:
        print(f"{label:<36} {connections:>5} {rps:>8.0f} {p50:>7.2f} {p99:>7.2f} {total:>9} {bad:>7} "
              f"{server_cores:>6.2f} {wrk_cores:>5.2f} {rest_cores:>5.2f}" + (f"  socket errors: {errors}" if errors else ""))
    print("other: the kernel's share not charged to a process, and any other work on the machine")
    print(f"\nin process, the same file and tickets, one at a time ({args.runs} runs), ms")
    print(f"{'operation':<72} {'p50':>7} {'p95':>7}")
    for result in inproc["results"]:
        print(f"{result['operation']:<72} {result['p50_ms']:>7.3f} {result['p95_ms']:>7.3f}")
    print(f"\nserver log: {os.path.join(work, 'serve.log')}; wrk outputs beside it")


if __name__ == "__main__":
    main()
