#!/usr/bin/env bash
# Helpdesk's command line beside two real ticket systems from Debian's packages, Fossil's tickets
# and Taskwarrior, on the same generated tickets (100,000 unless given), every command a whole
# process timed by hyperfine. Prints each operation's median for each system and the ratio to ours.
# Not part of `swift test`; see the README's Performance section.
#
#   bench/peers.sh [TICKETS]        RUNS=30 by default
set -euo pipefail
TICKETS=${1:-100000}
RUNS=${RUNS:-30}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

missing=()
for tool in fossil:fossil task:taskwarrior hyperfine:hyperfine sqlite3:sqlite3 python3:python3; do
  command -v "${tool%%:*}" >/dev/null || missing+=("${tool##*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi

swift build -c release --static-swift-stdlib --product helpdesk
swift build -c release --static-swift-stdlib --product helpdesk-bench
BIN="$ROOT/.build/release"
DB="$ROOT/.build-bench/helpdesk-$TICKETS.sqlite"
[ -f "$DB" ] || "$BIN/helpdesk-bench" --tickets "$TICKETS" --only none

WORK="$ROOT/.build-bench/peers-$TICKETS"
rm -rf "$WORK" && mkdir -p "$WORK/task" "$WORK/results"
python3 bench/export_peers.py "$DB" "$WORK/artifacts" "$WORK/tasks.json"

export USER=admin
FOSSIL="$WORK/tickets.fossil"
echo "fossil reconstruct…" >&2
( time fossil reconstruct "$FOSSIL" "$WORK/artifacts" >/dev/null ) 2>&1 | grep real >&2
fossil fts-config -R "$FOSSIL" enable cdtwe >/dev/null
fossil fts-config -R "$FOSSIL" index on >/dev/null

export TASKRC="$WORK/taskrc"
printf 'data.location=%s\nconfirmation=off\nverbose=nothing\nhooks=off\nnews.version=2.6.2\n' "$WORK/task" > "$TASKRC"
echo "task import…" >&2
( time task import "$WORK/tasks.json" >/dev/null 2>&1 ) 2>&1 | grep real >&2

export HELPDESK_DB="$DB"
NOW="--now 2026-11-29T12:00:00Z"
OURS="$BIN/helpdesk $NOW"
OPEN="--status open --status assigned --status in_progress --status waiting --status reopened"
read -r NUMBER AGENT < <(sqlite3 -separator ' ' "$DB" \
  "SELECT t.number, u.email FROM tickets t JOIN users u ON u.id = t.assignee_id WHERE t.status = 'waiting' AND t.deleted_at IS NULL ORDER BY t.id LIMIT 1")
UUID=$(fossil sql -R "$FOSSIL" "SELECT tkt_uuid FROM ticket WHERE status = 'Open' LIMIT 1" | tr -d "'")
FIRST_TASK=$(task ids status:pending | cut -d- -f1)

bench() {  # name, system, prepare command ('' for none), timed command
  local prepare=()
  [ -n "$3" ] && prepare=(--prepare "$3")
  hyperfine -N --style none --warmup 3 --runs "$RUNS" "${prepare[@]}" --export-json "$WORK/results/$1.$2.json" "$4" >/dev/null
}

echo "timing ($RUNS runs each)…" >&2
bench list ours '' "$OURS ticket list --as admin@bench.test $OPEN --sort priority --limit 50"
bench list fossil '' "fossil ticket show 0 \"status='Open' ORDER BY priority LIMIT 50\" -R $FOSSIL"
bench list taskwarrior '' "task rc.report.list.sort=priority- limit:50 list"
bench list sqlite3 '' "sqlite3 -readonly $DB \"SELECT number, subject, status, priority FROM tickets WHERE deleted_at IS NULL AND status IN ('open','assigned','in_progress','waiting','reopened') ORDER BY priority_rank, sla_next_due, id LIMIT 50\""

bench search ours '' "$OURS ticket list --as admin@bench.test --search webhook --limit 50"
bench search fossil '' "fossil search -n 50 webhook -R $FOSSIL"
bench search taskwarrior '' "task /webhook/ limit:50 list"
bench search sqlite3 '' "sqlite3 -readonly $DB \"SELECT number, subject FROM tickets WHERE deleted_at IS NULL AND id IN (SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH 'webhook') ORDER BY sla_next_due, id LIMIT 50\""

bench status ours "$OURS ticket status $NUMBER in_progress --as $AGENT" "$OURS ticket status $NUMBER waiting --as $AGENT"
bench status fossil "fossil ticket change $UUID status Open -R $FOSSIL" "fossil ticket change $UUID status Closed -R $FOSSIL"
bench status taskwarrior "task $FIRST_TASK modify priority:L" "task $FIRST_TASK modify priority:H"

bench create ours '' "$OURS ticket create --as customer0@bench.test --subject \"Cannot export the report\" --description \"The export button spins and nothing downloads.\" --priority high"
bench create fossil '' "fossil ticket add title \"Cannot export the report\" status Open comment \"The export button spins and nothing downloads.\" -R $FOSSIL"
bench create taskwarrior '' "task add \"Cannot export the report\" priority:H"

python3 bench/peers_summary.py "$WORK/results" "$TICKETS"
