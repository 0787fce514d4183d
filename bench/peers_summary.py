#!/usr/bin/env python3
"""Prints bench/peers.sh's hyperfine results: the median of every operation for every system, and
how many times slower than Helpdesk each is."""
import json
import os
import sys

results, tickets = sys.argv[1], sys.argv[2]
operations = ["list", "search", "status", "create"]
labels = {
    "list": "list open, top 50 by priority",
    "search": "keyword search (webhook)",
    "status": "status change",
    "create": "create one",
}
systems = ["ours", "sqlite3", "fossil", "taskwarrior"]
names = {"ours": "helpdesk", "sqlite3": "sqlite3 shell (floor)", "fossil": "fossil 2.21", "taskwarrior": "taskwarrior 2.6"}


def median(operation, system):
    path = os.path.join(results, f"{operation}.{system}.json")
    if not os.path.exists(path):
        return None
    with open(path) as file:
        return json.load(file)["results"][0]["median"] * 1000


print(f"{tickets} tickets; median of whole processes in ms (× = times Helpdesk's median)")
print(f"{'operation':32}" + "".join(f"{names[s]:>26}" for s in systems))
for operation in operations:
    ours = median(operation, "ours")
    cells = []
    for system in systems:
        value = median(operation, system)
        if value is None:
            cells.append(f"{'—':>26}")
        elif system == "ours" or ours is None:
            cells.append(f"{value:>23.1f} ms")
        else:
            cells.append(f"{value:>14.1f} ms ({value / ours:5.2f}×)")
    print(f"{labels[operation]:32}" + "".join(cells))
