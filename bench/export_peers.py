#!/usr/bin/env python3
"""Writes the tickets of a generated helpdesk database as Fossil ticket artifacts and as a
Taskwarrior import file, so that both peers hold the same workload as Helpdesk.

usage: export_peers.py HELPDESK.sqlite FOSSIL_ARTIFACT_DIR TASKWARRIOR.json
"""
import hashlib
import json
import os
import sqlite3
import sys

database, artifacts, taskfile = sys.argv[1:4]
os.makedirs(artifacts, exist_ok=True)

OPEN = {"open", "assigned", "in_progress", "waiting", "reopened"}
FOSSIL_PRIORITY = {"urgent": "Immediate", "high": "High", "medium": "Medium", "low": "Low"}
TASK_PRIORITY = {"urgent": "H", "high": "H", "medium": "M", "low": "L"}


def fossil_text(value):
    """Fossil's card encoding: backslash, space and newline escaped."""
    return value.replace("\\", "\\\\").replace(" ", "\\s").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")


def fossil_time(stored):
    return stored.replace(" ", "T")


def task_time(stored):
    return stored[0:4] + stored[5:7] + stored[8:10] + "T" + stored[11:13] + stored[14:16] + stored[17:19] + "Z"


connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
rows = connection.execute(
    "SELECT id, number, subject, description, status, priority, category, created_at, "
    "COALESCE(resolved_at, closed_at) FROM tickets WHERE deleted_at IS NULL ORDER BY id")
tasks = []
for ticket_id, number, subject, description, status, priority, category, created, finished in rows:
    uuid = hashlib.sha1(number.encode()).hexdigest()
    fields = {
        "comment": description,
        "priority": FOSSIL_PRIORITY[priority],
        "status": "Open" if status in OPEN else "Closed",
        "subsystem": category,
        "title": subject,
        "type": "Code_Defect",
    }
    body = f"D {fossil_time(created)}\n"
    for name in sorted(fields):
        body += f"J {name} {fossil_text(fields[name])}\n"
    body += f"K {uuid}\nU admin\n"
    body += f"Z {hashlib.md5(body.encode()).hexdigest()}\n"
    with open(os.path.join(artifacts, f"{ticket_id:08d}"), "w") as artifact:
        artifact.write(body)
    task = {
        "uuid": f"{uuid[0:8]}-{uuid[8:12]}-{uuid[12:16]}-{uuid[16:20]}-{uuid[20:32]}",
        "description": f"{number} {subject}",
        "annotations": [{"entry": task_time(created), "description": description}],
        "priority": TASK_PRIORITY[priority],
        "project": category,
        "entry": task_time(created),
        "status": "pending" if status in OPEN else "completed",
    }
    if status not in OPEN and finished:
        task["end"] = task_time(finished)
    tasks.append(task)
with open(taskfile, "w") as out:
    json.dump(tasks, out)
print(f"{len(tasks)} tickets exported", file=sys.stderr)
