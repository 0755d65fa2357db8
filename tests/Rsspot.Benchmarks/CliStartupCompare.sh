#!/usr/bin/env bash
# Start-up of published rsspot binaries side by side, in one sitting:
#   rsspot --version
#   rsspot regions list   (warm response cache in state.db, against a local emulator)
# For each binary: page faults and task clock (perf stat -r RUNS, mean), peak RSS (/usr/bin/time, median of 5), binary
# size and relocation records (readelf). The binaries are measured alternately, ROUNDS times, so load drifts hit all of
# them alike; the load average is printed per round. Needs perf (linux-perf), readelf (binutils) and /usr/bin/time.
# Publish each binary first, e.g. `dotnet publish src/Rsspot.Cli -c Release -r linux-x64 -o /tmp/after`.
# Usage: tests/Rsspot.Benchmarks/CliStartupCompare.sh [-r RUNS] [-n ROUNDS] NAME=DIR [NAME=DIR ...]
set -euo pipefail
runs=40
rounds=2
while getopts "r:n:" opt; do
  case "$opt" in
    r) runs="$OPTARG" ;;
    n) rounds="$OPTARG" ;;
    *) echo "usage: $0 [-r RUNS] [-n ROUNDS] NAME=DIR [NAME=DIR ...]" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ "$#" -ge 1 ] || { echo "usage: $0 [-r RUNS] [-n ROUNDS] NAME=DIR [NAME=DIR ...]" >&2; exit 2; }

work="$(mktemp -d)"
emulator_pid=""
cleanup() { [ -n "$emulator_pid" ] && kill "$emulator_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

first="${1#*=}/Rsspot.Cli"
source "$(dirname "$0")/CliBenchEmulator.sh"
start_bench_emulator "$first"

for spec in "$@"; do
  name="${spec%%=*}"; cli="${spec#*=}/Rsspot.Cli"
  "$cli" regions list >/dev/null   # fills the cache (each binary once, the same state.db)
  relocs="$(readelf -SW "$cli" | sed 's/^ *\[ *[0-9]*\]//' | awk '$1 ~ /^\.rel/ {print $5}' |
    while read -r hex; do echo $((16#$hex)); done | awk '{sum += $1} END {printf "%.2f MB", sum / 1e6}')"
  printf '%-12s binary %.1f MB, relocation records %s\n' "$name" "$(stat -c %s "$cli" | awk '{print $1 / 1e6}')" "$relocs"
done

measure() { # name cli label args...
  local name="$1" cli="$2" label="$3"; shift 3
  local stat rss
  stat="$(perf stat -r "$runs" -x, -e page-faults,task-clock "$cli" "$@" 2>&1 >/dev/null)"
  rss="$(for _ in 1 2 3 4 5; do /usr/bin/time -f %M "$cli" "$@" 2>&1 >/dev/null | tail -1; done | sort -n | sed -n 3p)"
  awk -F, -v n="$name" -v l="$label" -v r="$rss" '
    $3 == "page-faults" {pf = $1}
    $3 == "task-clock" {tc = $1}
    END {printf "  %-12s %-14s %7.0f page faults  %6.2f ms task clock  %5.1f MB peak RSS\n", n, l, pf, tc, r / 1024}' <<<"$stat"
}

for round in $(seq 1 "$rounds"); do
  echo "round $round, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  for spec in "$@"; do
    name="${spec%%=*}"; cli="${spec#*=}/Rsspot.Cli"
    measure "$name" "$cli" "--version" --version
    measure "$name" "$cli" "regions list" regions list
  done
done
echo "end, load average $(cut -d' ' -f1-3 /proc/loadavg)"
