#!/usr/bin/env bash
# Start-up benchmark of the rsspot CLI as whole processes:
#   rsspot --version
#   rsspot regions list   (warm response cache in state.db, against a local emulator)
# Publishes the tool as shipped for this machine's RID (Native AOT), starts `rsspot emulator start --port 0`, points a temp HOME
# at it (regions TTL raised so the cache stays warm for the whole run), then runs hyperfine (apt-get install hyperfine)
# or a plain loop when hyperfine is missing. Usage: tests/Rsspot.Benchmarks/CliStartup.sh [runs]
set -euo pipefail
runs="${1:-30}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
rid="$(dotnet --info | awk '/RID:/ {print $2; exit}')"
emulator_pid=""
cleanup() { [ -n "$emulator_pid" ] && kill "$emulator_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

dotnet publish "$root/src/Rsspot.Cli" -c Cli -r "$rid" -o "$work/bin" >/dev/null
cli="$work/bin/Rsspot.Cli"

source "$(dirname "$0")/CliBenchEmulator.sh"
start_bench_emulator "$cli"
"$cli" regions list >/dev/null   # fills the cache

if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/hyperfine.json" "$cli --version" "$cli regions list"
  python3 - "$work/hyperfine.json" <<'PY' || true
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"rsspot {r['command'].split('Rsspot.Cli', 1)[1].strip()}: median {r['median'] * 1000:.0f} ms, user CPU {r['user'] * 1000:.0f} ms")
PY
else
  for cmd in "--version" "regions list"; do
    times=()
    for _ in $(seq 1 "$runs"); do
      start=$(date +%s%N); "$cli" $cmd >/dev/null; end=$(date +%s%N)
      times+=($(( (end - start) / 1000000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk -v c="rsspot $cmd" '{a[NR]=$1} END {print c ": median " a[int((NR+1)/2)] " ms over " NR " runs"}'
  done
fi
