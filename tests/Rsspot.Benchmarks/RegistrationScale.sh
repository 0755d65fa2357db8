#!/usr/bin/env bash
# Scale benchmark of samples/RegistrationController on a shared PostgreSQL ledger (prints figures; asserts only
# correctness): an emulator seeded with N VMs, then 1, 2 and 4 controller processes on one throwaway PostgreSQL
# (.ci/postgres.sh), then 4 again with one killed part-way (kill -9). Every run must end with N registered rows and
# N non-duplicate machine submissions in the fake external system's journal, one per VM.
#
# Usage: tests/Rsspot.Benchmarks/RegistrationScale.sh [vm-count (2000)] [worker counts ("1 2 4"; "" for only the run with a kill)]
#        env RSSPOT_SCALE_BATCH (100), RSSPOT_SCALE_LEASE_SECONDS (30),
#        RSSPOT_SCALE_OMNI_LATENCY_MS (20: each call to the fake orchestrator takes this long, as a real one's round trip;
#        0 for an orchestrator that answers at once), RSSPOT_SCALE_KEEP (a folder: keep each run's logs there, and its
#        ledger history as <run>.history.tsv: key, from, to, time by the database clock, worker; one line per transition).
#        cpu_ms_per_transition: user + system CPU of the controller processes (the emulator and PostgreSQL excluded)
#        over the run's ledger transitions. lease_lost: claims a worker found taken over when it came to act on them.
# Build first: dotnet build src/Rsspot.Emulator -c Release && dotnet build samples/RegistrationController -c Release
set -uo pipefail
cd "$(dirname "$0")/../.."
source .ci/postgres.sh

vms="${1:-2000}"
worker_counts="${2-1 2 4}"
batch="${RSSPOT_SCALE_BATCH:-100}"          # records claimed per round
lease="${RSSPOT_SCALE_LEASE_SECONDS:-30}"   # how long a killed worker's claims stay blocked
latency="${RSSPOT_SCALE_OMNI_LATENCY_MS:-20}" # each fake orchestrator call's time
keep="${RSSPOT_SCALE_KEEP:-}"
controller=samples/RegistrationController/bin/Release/net10.0/RegistrationController.dll
emulator=src/Rsspot.Emulator/bin/Release/net10.0/Rsspot.Emulator.dll
for dll in "$controller" "$emulator"; do
  [ -f "$dll" ] || { echo "missing $dll: build it with -c Release first" >&2; exit 2; }
done

work="$(mktemp -d "${TMPDIR:-/tmp}/rsspot-scale.XXXXXX")"
emulator_pid=""
controller_pids=()
failures=0
cleanup() {
  for pid in "${controller_pids[@]}"; do kill "$pid" 2>/dev/null; done
  [ -n "$emulator_pid" ] && kill "$emulator_pid" 2>/dev/null
  stop_test_postgres
  if [ "$failures" -eq 0 ]; then rm -rf "$work"; else echo "logs kept in $work" >&2; fi
}
trap cleanup EXIT

start_test_postgres || exit 1
psql_at() { PGPASSWORD="$test_pg_password" "$test_pg_bin/psql" -h 127.0.0.1 -p "$test_pg_port" -U rsspot -d "$1" -Atq -c "$2"; }

emulator_port=$((40000 + RANDOM % 20000))
dotnet "$emulator" --port "$emulator_port" --vm-count "$vms" --ready-after 0 >"$work/emulator.log" 2>&1 &
emulator_pid=$!
for _ in $(seq 1 120); do grep -q "listening on" "$work/emulator.log" && break; sleep 0.5; done
grep -q "listening on" "$work/emulator.log" || { echo "the emulator did not start:" >&2; cat "$work/emulator.log" >&2; exit 1; }
url="http://127.0.0.1:$emulator_port"

echo "fake orchestrator latency: $latency ms per call; $vms VMs; load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-22s %8s %12s %14s %16s %22s %10s %12s %10s\n' run workers wall_s to_all_reg_s transitions_per_s cpu_ms_per_transition lease_lost registered submits
run() {
  local name="$1" workers="$2" kill_one="$3" db="bench_${1//-/_}"
  psql_at rsspot_test "CREATE DATABASE $db" || return 1
  local connection="Host=127.0.0.1;Port=$test_pg_port;Database=$db;Username=rsspot;Password=$test_pg_password"
  local journal="$work/$name.omni.jsonl" start end
  pids=()
  start=$(date +%s.%N)
  for i in $(seq 1 "$workers"); do
    RSSPOT_LEDGER_POSTGRES="$connection" /usr/bin/time -q -f "%U %S" -o "$work/$name-w$i.cpu" dotnet "$controller" --emulator-url "$url" --worker-id "w$i" \
      --omni-journal "$journal" --cluster bench --batch "$batch" --round-delay-ms 200 --lease-seconds "$lease" --omni-latency-ms "$latency" \
      >"$work/$name-w$i.log" 2>&1 &
    pids+=($!)
    controller_pids+=($!)
  done
  if [ "$kill_one" = yes ]; then
    # Kill worker 1 once about a third of the VMs are registered: its claims come back when their leases expire.
    for _ in $(seq 1 3000); do
      [ "$(psql_at "$db" "SELECT count(*) FROM rsspot.registration_ledger WHERE status = 'registered'" 2>/dev/null || echo 0)" -ge $((vms / 3)) ] && break
      sleep 0.2
    done
    # The controller itself (the child of /usr/bin/time, which then reports its CPU).
    kill -9 $(ps -o pid= --ppid "${pids[0]}") 2>/dev/null || kill -9 "${pids[0]}"
  fi
  for pid in "${pids[@]}"; do wait "$pid"; done
  end=$(date +%s.%N)

  local registered transitions to_all submits duplicates
  registered=$(psql_at "$db" "SELECT count(*) FROM rsspot.registration_ledger WHERE status = 'registered'")
  transitions=$(psql_at "$db" "SELECT coalesce(sum(jsonb_array_length(history)), 0) FROM rsspot.registration_ledger")
  to_all=$(psql_at "$db" "SELECT round(extract(epoch FROM max(updated_at) - min(created_at))::numeric, 1) FROM rsspot.registration_ledger")
  submits=$(grep -c '"op":"submit".*"duplicate":false' "$journal" || true)
  duplicates=$(grep '"op":"submit".*"duplicate":false' "$journal" | sed 's/.*"key":"\([^"]*\)".*/\1/' | sort | uniq -d | wc -l)
  local cpu_s lease_lost
  lease_lost=$(cat "$work/$name"-w*.log | grep -c '^lease-lost ' || true)
  if [ -n "$keep" ]; then
    mkdir -p "$keep"
    cp "$work/$name"-w*.log "$work/$name"-w*.cpu "$journal" "$keep/" 2>/dev/null
    psql_at "$db" "SELECT l.key, coalesce(h->>'from', ''), h->>'to', h->>'at', coalesce(h->>'owner', '') FROM rsspot.registration_ledger l, jsonb_array_elements(l.history) h" \
      | tr '|' '\t' >"$keep/$name.history.tsv"
  fi
  cpu_s=$(cat "$work/$name"-w*.cpu 2>/dev/null | awk '$1 ~ /^[0-9.]+$/ {s += $1 + $2} END {print s + 0}')
  printf '%-22s %8s %12.1f %14s %16.0f %22.2f %10s %12s %10s\n' "$name" "$workers" "$(echo "$end - $start" | bc)" "$to_all" \
    "$(echo "$transitions / $to_all" | bc -l)" "$(echo "$cpu_s * 1000 / $transitions" | bc -l)" "$lease_lost" "$registered" "$submits"
  if [ "$registered" -ne "$vms" ] || [ "$submits" -ne "$vms" ] || [ "$duplicates" -ne 0 ]; then
    echo "  FAILED: expected $vms registered rows and $vms distinct submissions (duplicated keys: $duplicates)" >&2
    failures=$((failures + 1))
  fi
}

for workers in $worker_counts; do
  run "workers-$workers" "$workers" no
done
run "workers-4-one-killed" 4 yes

echo "transitions: every ledger move, discovery included (4 per VM when nothing fails); to_all_reg_s: first discovery to last registration, by the database clock"
[ "$failures" -eq 0 ]
