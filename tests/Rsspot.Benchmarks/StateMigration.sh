#!/usr/bin/env bash
# One-time cost of opening a state.db the Python rsspot wrote (2,000 history rows, 200 ledger rows), which this tool
# moves to its schema version on first open, against later opens of the same file (already current: the path every
# ordinary start takes). Whole processes of `rsspot config history info`; needs python3 with sqlite3 to write the
# file as the Python does. Usage: tests/Rsspot.Benchmarks/StateMigration.sh <path to the rsspot executable> [runs]
set -euo pipefail
cli="$1"; runs="${2:-15}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sed -n '/public const string Script = """/,/""";/p' "$root/src/Rsspot/State/PythonStateSchema.cs" | sed '1d;$d' >"$work/schema.sql"
python3 - "$work/python.db" "$work/schema.sql" <<'PY'
import json, sqlite3, sys, time
con = sqlite3.connect(sys.argv[1])
con.execute("PRAGMA journal_mode=WAL"); con.execute("PRAGMA synchronous=NORMAL")
con.executescript(open(sys.argv[2]).read())
now = time.time()
for i in range(2000):
    con.execute("INSERT INTO command_history (created_at, command, argv_json, profile, org, region) VALUES (?,?,?,?,?,?)",
                (now + i, "regions list", json.dumps(["regions", "list"]), "default", None, None))
for i in range(200):
    con.execute("INSERT INTO registration_ledger (registration_key, vm_uid, org_id, vmcloudspace, vmpool, vm_name, omni_cluster,"
                " token_id, token_expires_at, status, last_error, payload_json, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                ("vmreg-%032d" % i, "srv-%d" % i, "org", "vcs", "pool", "vm", "omni", None, None, "registered", None, None, now))
con.commit(); con.close()
PY
first=(); later=()
for i in $(seq 1 "$runs"); do
  home="$work/h$i"; mkdir -p "$home/.config/rsspot"; cp "$work/python.db" "$home/.config/rsspot/state.db"
  t0=$(date +%s%N); HOME="$home" NO_COLOR=1 "$cli" config history info -o json >/dev/null; t1=$(date +%s%N)
  HOME="$home" NO_COLOR=1 "$cli" config history info -o json >/dev/null; t2=$(date +%s%N)
  HOME="$home" NO_COLOR=1 "$cli" config history info -o json >/dev/null; t3=$(date +%s%N)
  first+=($(( (t1 - t0) / 1000 ))); later+=($(( (t3 - t2) / 1000 )))
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "first open (migrates): median $(median "${first[@]}") us"
echo "later open (current):  median $(median "${later[@]}") us"
