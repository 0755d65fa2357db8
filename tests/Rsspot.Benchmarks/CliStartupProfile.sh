#!/usr/bin/env bash
# What `rsspot --version` pays for at start-up, in the Native AOT binary as shipped:
#   1. page faults, task clock and peak RSS (stable on a loaded machine, unlike wall time);
#   2. where the page faults happen (perf record on page-faults, symbols from the native .dbg);
#   3. the type data (MethodTables, generic dictionaries) the runtime rehydrates at every start, per assembly,
#      from the ILC map file.
# Needs perf (linux-perf) and python3. Usage: tests/Rsspot.Benchmarks/CliStartupProfile.sh [runs]
set -euo pipefail
runs="${1:-30}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rid="$(dotnet --info | awk '/RID:/ {print $2; exit}')"

dotnet publish "$root/src/Rsspot.Cli" -c Release -r "$rid" -o "$work/bin" -p:IlcGenerateMapFile=true >/dev/null
cli="$work/bin/Rsspot.Cli"
native="$root/src/Rsspot.Cli/obj/Release/net10.0/$rid/native"
symbols="$root/src/Rsspot.Cli/bin/Release/net10.0/$rid/native/Rsspot.Cli.dbg"

echo "binary: $(stat -c %s "$cli") bytes"
perf stat -r "$runs" -e page-faults,task-clock "$cli" --version 2>&1 >/dev/null | grep -E "page-faults|task-clock|elapsed"
/usr/bin/time -f "peak RSS %M KB" "$cli" --version >/dev/null

echo "page faults by function (top 5):"
perf record -q -e page-faults -c 1 -o "$work/faults.data" "$cli" --version >/dev/null 2>&1
perf report -q -i "$work/faults.data" --stdio --dsos Rsspot.Cli --sort sym 2>/dev/null |
  awk '{gsub("%", "", $1); print $1, $NF}' |
  while read -r share address; do echo "$share $(addr2line -f -e "$symbols" "$address" | head -1)"; done |
  awk '{sum[$2] += $1} END {for (f in sum) printf "  %5.1f %%  %s\n", sum[f], f}' | sort -rn | head -5

python3 - "$native/Rsspot.Cli.map.xml" <<'PY'
import collections, re, sys
kinds = ("ConstructedEEType", "EEType", "TypeGenericDictionary", "GenericDefinitionEEType")
owners = ["Npgsql", "OxyPlot", "ModelContextProtocol", "System_Text_Json", "YamlDotNet", "Rsspot_Cli", "Rsspot_Postgres",
          "Rsspot_Pricing", "Rsspot", "Microsoft_Kiota", "Microsoft_Data_Sqlite", "System_CommandLine", "System_Net_Http",
          "Microsoft_Extensions", "System_Text_RegularExpressions", "System_Collections", "S_P_CoreLib"]
size, count = collections.Counter(), collections.Counter()
node = re.compile(r'<(\w+) Name="([^"]*)" Length="(\d+)"')
for line in open(sys.argv[1], encoding="utf-8"):
    m = node.search(line)
    if m and m.group(1) in kinds:
        owner = next((o for o in owners if o in m.group(2)), "other")
        size[owner] += int(m.group(3)); count[owner] += 1
print(f"type data rehydrated at start: {sum(size.values()) / 1e6:.2f} MB in {sum(count.values())} nodes; by the first assembly named:")
for owner, bytes_ in size.most_common(10):
    print(f"  {owner:32} {bytes_ / 1e6:6.2f} MB {count[owner]:7} nodes")
PY
