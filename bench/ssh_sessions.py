#!/usr/bin/env python3
"""Concurrent console sessions over loopback SSH (issue 13, "Scale"): a bounded, self-stopping load.

Sets up a private OpenSSH server on a loopback port (its own config, host key and
AuthorizedKeysCommand wrapper in a root-only folder under /run, as the README's deployment does),
a copy of a generated helpdesk with one ed25519 key per agent (`helpdesk ssh key add`), then drives
`ssh -tt` sessions through real pseudo-terminals (TERM and size pinned). Each session walks its
queue (j/k) and replies once a second (r, a few typed characters, C-s). First one session alone,
then all of them together. Prints a table: errors, key-to-screen latency (from writing a key to the
first bytes of its effect arriving, and to the end of that burst of bytes), memory per session and
per sshd connection (PSS and RSS from /proc), and where the CPU went. A benchmark, not a test:
it prints figures and never passes or fails on them. Needs root (sshd, AuthorizedKeysCommandUser).
The measured part holds LOCK (default /tmp/swift-build.lock, the team's build lock) so that no
build runs meanwhile; do not wrap the script in flock yourself.

    bench/ssh_sessions.py [--sessions 50] [--seconds 60] [--single-seconds 20] [--db FILE]
"""
import argparse
import fcntl
import os
import random
import re
import select
import shutil
import signal
import socket
import sqlite3
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COLUMNS, LINES, TERM = 120, 40, "xterm-256color"
# Seconds without bytes that end a key's burst (and must precede the next key): longer than the
# console's 50 ms input timeout, after which it draws the results of work done in the background
# (the ticket pane after a move, a sent reply), so that a burst holds the key's whole effect.
QUIET = 0.070
NO_ANSWER = 3.0        # seconds after which a key counts as unanswered
ESCAPES = re.compile(rb"\x1b(\[[0-9;?>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|[=>78DEHMNOc])")
# What an error looks like on a screen: SQLite's busy error reaches the message line as "The database
# stayed busy …; try again" (SQLiteStorage), a conflict as "Not saved: …". Plain words such as
# "error" or "failed" are in the generated tickets' text, so they are not patterns.
ERROR_PATTERNS = [b"database is locked", b"stayed busy", b"database failed", b"Not saved", b"try again",
                  b"cannot be read", b"signed out", b"no longer", b"INTERNAL"]


def log(message):
    print(message, file=sys.stderr, flush=True)


def run(argv, **kw):
    return subprocess.run(argv, check=True, capture_output=True, text=True, **kw)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """sshd on 127.0.0.1:PORT asking `helpdesk ssh authorized-keys` for each offered key."""

    def __init__(self, helpdesk, db, private):
        self.private = private
        self.port = free_port()
        host = os.path.join(private, "host")
        run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", host])
        with open(host + ".pub") as f:
            host_key = " ".join(f.read().split()[:2])
        self.known_hosts = os.path.join(private, "known_hosts")
        with open(self.known_hosts, "w") as f:
            f.write(f"helpdesk-bench {host_key}\n")
        # sshd runs an AuthorizedKeysCommand only from a path no one but root may write, up to /.
        wrapper = os.path.join(private, "helpdesk")
        with open(wrapper, "w") as f:
            f.write(f"#!/bin/sh\nexec '{helpdesk}' \"$@\"\n")
        os.chmod(wrapper, 0o755)
        self.config = os.path.join(private, "sshd_config")
        with open(self.config, "w") as f:
            f.write(f"""Port {self.port}
ListenAddress 127.0.0.1
HostKey {host}
PidFile none
AuthorizedKeysFile none
AuthorizedKeysCommand {wrapper} ssh authorized-keys --db {db} --type %t --key %k
AuthorizedKeysCommandUser root
UsePAM no
PermitRootLogin forced-commands-only
AuthenticationMethods publickey
PasswordAuthentication no
KbdInteractiveAuthentication no
DisableForwarding yes
PermitTTY yes
PermitUserRC no
AcceptEnv LANG LC_*
MaxStartups 200
LogLevel ERROR
""")
        os.makedirs("/run/sshd", mode=0o755, exist_ok=True)
        run(["/usr/sbin/sshd", "-t", "-f", self.config])
        self.log = open(os.path.join(private, "sshd.log"), "w")
        self.process = subprocess.Popen(["/usr/sbin/sshd", "-D", "-e", "-f", self.config], stderr=self.log)
        deadline = time.time() + 10
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.05)
        raise SystemExit("sshd did not start; see " + self.log.name)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


class Session:
    """One `ssh -tt` in a pseudo-terminal of COLUMNS x LINES, and the keys it sends."""

    def __init__(self, index, key, server, seed):
        self.index = index
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
        env = {"PATH": "/usr/bin:/bin", "TERM": TERM, "LANG": "C.UTF-8", "HOME": server.private}
        user = "root"
        self.stderr = open(os.path.join(server.private, f"ssh-{index}.err"), "w")
        self.process = subprocess.Popen(
            ["ssh", "-tt", "-F", "/dev/null", "-p", str(server.port), "-i", key, "-o", "BatchMode=yes",
             "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none", "-o", "HostKeyAlias=helpdesk-bench",
             "-o", "StrictHostKeyChecking=yes", "-o", f"UserKnownHostsFile={server.known_hosts}",
             "-o", "SendEnv=LANG", f"{user}@127.0.0.1"],
            stdin=slave, stdout=slave, stderr=self.stderr, env=env, start_new_session=True)
        os.close(slave)
        self.fd = master
        os.set_blocking(master, False)
        self.random = random.Random(seed)
        self.screen = b""          # everything received, escapes removed (for the first frame and errors)
        self.last_byte = time.monotonic()
        self.ready = False
        self.closed = False
        self.pending = None        # (key, kind, sent_at, first_byte_at, bytes) of the key in flight
        self.queue = []            # keys still to send in this second
        self.next_cycle = None
        self.cycle = 0
        self.errors = {}
        self.error_lines = []
        self.unsolicited = 0
        self.echo_missing = 0
        self.unanswered = {}
        self.sends = 0

    def plan_cycle(self):
        """One second's work: a move (three down, three up, so any queue of 4+ tickets has room),
        open a reply, type a short text, send it."""
        move = "j" if (self.cycle // 3) % 2 == 0 else "k"
        text = f"ok{self.cycle}"
        keys = [(move, "move"), ("r", "open reply")] + [(c, "type") for c in text] + [("\x13", "send")]
        self.cycle += 1
        return keys

    def receive(self, now, record):
        try:
            data = os.read(self.fd, 65536)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:
            self.closed = True
            return
        self.last_byte = now
        text = ESCAPES.sub(b"", data)
        self.screen = (self.screen + text)[-20000:]
        for pattern in ERROR_PATTERNS:
            if pattern in text:
                self.errors[pattern] = self.errors.get(pattern, 0) + 1
                line = text[max(0, text.find(pattern) - 60):text.find(pattern) + 60]
                if len(self.error_lines) < 3:
                    self.error_lines.append(line.decode("utf-8", "replace"))
        if self.pending is None:
            if self.ready and record is not None:
                self.unsolicited += 1
            return
        key, kind, sent, first, chunks = self.pending
        self.pending = (key, kind, sent, first if first is not None else now, chunks + text)

    def finish_key(self, now, record):
        """The key in flight is done once its burst has been quiet for QUIET seconds."""
        key, kind, sent, first, chunks = self.pending
        if first is None:
            if now - sent < NO_ANSWER:
                return False
            self.unanswered[f"{kind} {key!r}"] = self.unanswered.get(f"{kind} {key!r}", 0) + 1
        else:
            if now - self.last_byte < QUIET:
                return False
            if kind == "type" and key.encode() not in chunks:
                self.echo_missing += 1
            if record is not None:
                record.append((kind, first - sent, self.last_byte - sent))
            if kind == "send":
                self.sends += 1
        self.pending = None
        return True

    def send(self, key, kind, now):
        os.write(self.fd, key.encode())
        self.pending = (key, kind, now, None, b"")

    def quit(self):
        try:
            os.write(self.fd, b"\x1b")
            time.sleep(0.05)
            os.write(self.fd, b"q")
        except OSError:
            pass


def drive(sessions, seconds, record, label):
    """Run `sessions` for `seconds`: each starts a cycle every second (staggered), sends its keys
    one at a time, each after the previous key's burst and a quiet terminal."""
    start = time.monotonic()
    for s in sessions:
        s.next_cycle = start + s.random.random()
        s.queue = []
    end = start + seconds
    by_fd = {s.fd: s for s in sessions}
    poller = select.poll()
    for s in sessions:
        poller.register(s.fd, select.POLLIN)
    while True:
        now = time.monotonic()
        if now >= end and all(s.pending is None or s.closed for s in sessions):
            break
        for fd, _ in poller.poll(5):
            by_fd[fd].receive(time.monotonic(), record)
        now = time.monotonic()
        for s in sessions:
            if s.closed:
                continue
            if s.pending is not None and not s.finish_key(now, record):
                continue
            if now >= end:
                continue
            if not s.queue and now >= s.next_cycle:
                s.queue = s.plan_cycle()
                s.next_cycle += 1.0
                if s.next_cycle < now:      # fell behind: skip, do not pile up
                    s.next_cycle = now + 1.0
            if s.queue and now - s.last_byte >= QUIET:
                key, kind = s.queue.pop(0)
                s.send(key, kind, now)
    log(f"{label}: {time.monotonic() - start:.1f} s")


def wait_ready(sessions, timeout):
    deadline = time.monotonic() + timeout
    by_fd = {s.fd: s for s in sessions}
    poller = select.poll()
    for s in sessions:
        poller.register(s.fd, select.POLLIN)
    while time.monotonic() < deadline and not all(s.ready or s.closed for s in sessions):
        for fd, _ in poller.poll(50):
            by_fd[fd].receive(time.monotonic(), None)
        for s in sessions:
            if not s.ready and b"My open tickets" in s.screen and time.monotonic() - s.last_byte > 0.3:
                s.ready = True
    return [s for s in sessions if not s.ready]


def processes():
    """pid → (ppid, command line, utime+stime in ticks) for every process."""
    table = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as f:
                stat = f.read()
            with open(f"/proc/{name}/cmdline", "rb") as f:
                cmd = f.read().replace(b"\0", b" ").decode("utf-8", "replace").strip()
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2:].split()
        table[int(name)] = (int(fields[1]), cmd or stat[stat.find("(") + 1:stat.rfind(")")], int(fields[11]) + int(fields[12]))
    return table


def memory(pid):
    """(PSS, RSS) in MB from smaps_rollup."""
    values = {}
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                parts = line.split()
                if parts[0] in ("Pss:", "Rss:"):
                    values[parts[0]] = int(parts[1]) / 1024
    except OSError:
        return None
    return values.get("Pss:", 0.0), values.get("Rss:", 0.0)


def connections(server_pid):
    """Per connection under the listening sshd: the sshd processes' and the helpdesk's pids."""
    table = processes()
    children = {}
    for pid, (ppid, _, _) in table.items():
        children.setdefault(ppid, []).append(pid)

    def subtree(pid):
        out = [pid]
        for child in children.get(pid, []):
            out += subtree(child)
        return out

    result = []
    for monitor in children.get(server_pid, []):
        pids = subtree(monitor)
        sshd = [p for p in pids if table[p][1].startswith("sshd")]
        helpdesk = [p for p in pids if " ssh session " in table[p][1]]
        others = [p for p in pids if p not in sshd and p not in helpdesk]
        result.append((sshd, helpdesk, others))
    return result, table


def cpu_groups(server_pid, sessions):
    """CPU seconds so far of: the helpdesk sessions, sshd (per connection, not the listener), the ssh
    clients, this script."""
    conns, table = connections(server_pid)
    ticks = os.sysconf("SC_CLK_TCK")
    helpdesk = sum(table[p][2] for _, h, _ in conns for p in h) / ticks
    sshd = sum(table[p][2] for s, _, _ in conns for p in s) / ticks
    clients = sum(table[s.process.pid][2] for s in sessions if s.process.pid in table) / ticks
    me = sum(os.times()[:2])
    return {"helpdesk ssh session": helpdesk, "sshd (per connection)": sshd, "ssh clients": clients, "this script": me}


def system_cpu():
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    return sum(fields), fields[3] + fields[4]


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--single-seconds", type=float, default=20)
    parser.add_argument("--db", default=os.path.join(ROOT, ".build-bench/helpdesk-100000.sqlite"),
                        help="a generated helpdesk (helpdesk-bench --tickets N); it is copied, never changed")
    parser.add_argument("--helpdesk", default=os.path.join(ROOT, ".build/release/helpdesk"))
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--keep", action="store_true", help="keep the private folders (keys, logs, the copy)")
    parser.add_argument("--lock", default="/tmp/swift-build.lock", help="held while measuring, so that no build runs ('' for none)")
    args = parser.parse_args()
    if os.geteuid() != 0:
        raise SystemExit("run as root: sshd, and AuthorizedKeysCommandUser root")
    helpdesk = os.path.realpath(args.helpdesk)
    print(f"seed {args.seed}", flush=True)

    private = tempfile.mkdtemp(prefix="helpdesk-ssh-bench-", dir="/run")      # 0700, root's
    work = tempfile.mkdtemp(prefix="helpdesk-ssh-bench-", dir="/var/tmp")     # the database copy
    server = None
    sessions = []
    try:
        db = os.path.join(work, "helpdesk.sqlite")
        log(f"copying {args.db}")
        shutil.copyfile(args.db, db)
        agents = [f"agent{n}@bench.test" for n in range(args.sessions)]
        keys = []
        t = time.monotonic()
        for n, email in enumerate(agents):
            key = os.path.join(private, f"agent{n}")
            run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", email, "-f", key])
            run([helpdesk, "ssh", "key", "add", email, "--key-file", key + ".pub", "--db", db, "--as", "admin@bench.test"])
            keys.append(key)
        log(f"{len(keys)} keys in {time.monotonic() - t:.1f} s")
        with sqlite3.connect(db) as c:
            comments_before = c.execute("SELECT COUNT(*) FROM comments").fetchone()[0]
            smallest = c.execute(
                "SELECT MIN(n) FROM (SELECT COUNT(*) AS n FROM tickets t JOIN users u ON u.id = t.assignee_id "
                "WHERE u.email LIKE 'agent%@bench.test' AND t.status IN ('open', 'assigned', 'in_progress', 'reopened') "
                f"AND CAST(substr(u.email, 6, instr(u.email, '@') - 6) AS INTEGER) < {args.sessions} GROUP BY u.id)").fetchone()[0]
        log(f"smallest open queue among the agents: {smallest}")
        server = Server(helpdesk, db, private)
        lock = open(args.lock or os.devnull, "a")
        log(f"waiting for {args.lock}")
        if args.lock:
            fcntl.flock(lock, fcntl.LOCK_EX)

        # One session alone.
        single_record = []
        first = Session(0, keys[0], server, args.seed)
        sessions.append(first)
        if wait_ready([first], 30):
            raise SystemExit("the first session did not show its queue:\n" + first.screen[-2000:].decode("utf-8", "replace"))
        drive([first], args.single_seconds, single_record, "1 session")

        # Then all of them (the first goes on).
        t = time.monotonic()
        for n in range(1, args.sessions):
            sessions.append(Session(n, keys[n], server, args.seed + n))
        missing = wait_ready(sessions, 120)
        log(f"{args.sessions} sessions up in {time.monotonic() - t:.1f} s; {len(missing)} did not show their queue")
        live = [s for s in sessions if s.ready and not s.closed]
        many_record = []
        cpu_before, (total0, idle0) = cpu_groups(server.process.pid, sessions), system_cpu()
        wall0 = time.monotonic()
        # Memory midway, while every session works.
        half = args.seconds / 2
        drive(live, half, many_record, f"{len(live)} sessions, first half")
        conns, _ = connections(server.process.pid)
        drive(live, args.seconds - half, many_record, f"{len(live)} sessions, second half")
        wall = time.monotonic() - wall0
        cpu_after, (total1, idle1) = cpu_groups(server.process.pid, sessions), system_cpu()
        busy = 1 - (idle1 - idle0) / max(1, total1 - total0)

        helpdesk_mem = [m for _, h, _ in conns for p in h if (m := memory(p))]
        sshd_mem = []
        for s, _, _ in conns:
            parts = [m for p in s if (m := memory(p))]
            if parts:
                sshd_mem.append((sum(m[0] for m in parts), sum(m[1] for m in parts)))
        extra = sorted({processes().get(p, (0, "?", 0))[1].split(" ")[0] for _, _, o in conns for p in o})

        for s in sessions:
            s.quit()
        time.sleep(2)
        if args.lock:
            fcntl.flock(lock, fcntl.LOCK_UN)
        with sqlite3.connect(db) as c:
            comments_after = c.execute("SELECT COUNT(*) FROM comments").fetchone()[0]

        # The table.
        print(f"\n{args.sessions} console sessions over loopback SSH, {TERM} {COLUMNS}x{LINES}, "
              f"{os.path.basename(args.db)} (copied); one session alone for {args.single_seconds:.0f} s, "
              f"then {len(live)} together for {args.seconds:.0f} s")
        print("each second per session: j or k, r, 3-4 typed characters (ok and a count), C-s\n")
        print(f"latency, ms: key written -> first bytes of its effect / -> end of its burst (then {QUIET * 1000:.0f} ms quiet)")
        print(f"{'key':<12} {'sessions':>8} {'keys':>7} {'first p50':>10} {'first p99':>10} {'end p50':>9} {'end p99':>9}")
        for label, record in (("1", single_record), (str(len(live)), many_record)):
            for kind in ("move", "open reply", "type", "send", "all"):
                rows = [r for r in record if kind == "all" or r[0] == kind]
                firsts = [r[1] * 1000 for r in rows]
                ends = [r[2] * 1000 for r in rows]
                print(f"{kind:<12} {label:>8} {len(rows):>7} {percentile(firsts, 50):>10.2f} {percentile(firsts, 99):>10.2f} "
                      f"{percentile(ends, 50):>9.2f} {percentile(ends, 99):>9.2f}")
        sends = sum(s.sends for s in sessions)
        many_sends = sum(1 for r in many_record if r[0] == "send")
        print(f"\nreplies: {sends} sent (C-s answered on screen), {comments_after - comments_before} stored; "
              f"{many_sends / args.seconds / max(1, len(live)):.2f} per session-second in the {len(live)}-session phase")
        errors = {}
        for s in sessions:
            for pattern, n in s.errors.items():
                errors[pattern.decode()] = errors.get(pattern.decode(), 0) + n
        print(f"errors on screens: {errors if errors else 'none'} "
              f"(patterns: {', '.join(p.decode() for p in ERROR_PATTERNS)})")
        for s in sessions:
            for line in s.error_lines[:1]:
                print(f"  session {s.index}: …{line!r}…")
        unanswered = {}
        for s in sessions:
            for kind, n in s.unanswered.items():
                unanswered[kind] = unanswered.get(kind, 0) + n
        print(f"sessions that did not start: {len(missing)}; closed early: {sum(1 for s in live if s.closed)}; "
              f"keys unanswered after {NO_ANSWER:.0f} s: {unanswered or 0}; "
              f"typed characters whose burst lacked their echo: {sum(s.echo_missing for s in sessions)}; "
              f"bursts with no key in flight (live updates): {sum(s.unsolicited for s in sessions)}")
        ssh_errors = []
        for s in sessions:
            s.stderr.flush()
            with open(s.stderr.name) as f:
                text = f.read().strip()
            if text and "Connection to 127.0.0.1 closed" not in text:
                ssh_errors.append(text[:200])
        print(f"ssh client stderr: {ssh_errors[:3] if ssh_errors else 'nothing'}")
        with open(server.log.name) as f:
            # The script's own probe of the port (connected and closed) is the one expected line.
            sshd_log = "\n".join(l for l in f.read().splitlines() if "kex_exchange_identification" not in l).strip()
        print(f"sshd log: {sshd_log[:300] if sshd_log else 'nothing'}")

        print(f"\nmemory at mid-run, MB ({len(helpdesk_mem)} sessions)   PSS p50  PSS max  RSS p50  RSS max")
        for label, values in (("helpdesk ssh session", helpdesk_mem), ("sshd, per connection", sshd_mem)):
            pss = [v[0] for v in values]
            rss = [v[1] for v in values]
            print(f"{label:<38} {percentile(pss, 50):>8.1f} {max(pss, default=0):>8.1f} {percentile(rss, 50):>8.1f} {max(rss, default=0):>8.1f}")
        if extra:
            print(f"other processes per connection: {', '.join(extra)}")
        print(f"\nCPU during the {len(live)}-session phase ({wall:.0f} s, {os.cpu_count()} cores, {busy * 100:.0f} % busy):")
        for group, seconds in cpu_after.items():
            print(f"  {group:<24} {seconds - cpu_before[group]:>7.1f} s  ({(seconds - cpu_before[group]) / wall * 100:.0f} % of one core)")
        rest = busy * os.cpu_count() * wall - sum(cpu_after[g] - cpu_before[g] for g in cpu_after)
        print(f"  {'everything else':<24} {rest:>7.1f} s  ({rest / wall * 100:.0f} % of one core: the kernel's share, other work on the machine)")
    finally:
        for s in sessions:
            if s.process.poll() is None:
                s.process.terminate()
        for s in sessions:
            try:
                s.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                s.process.kill()
        if server:
            server.stop()
        if args.keep:
            log(f"kept {private} and {work}")
        else:
            shutil.rmtree(private, ignore_errors=True)
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
