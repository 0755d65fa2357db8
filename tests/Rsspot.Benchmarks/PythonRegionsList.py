"""The Python rsspot SDK's side of `Rsspot.Benchmarks.dll --python` (see PythonCompareHarness.cs).

Builds one AsyncSpotClient against the emulator (refresh token exchanged at the emulator's /oauth/token, the
id_token sent as the bearer on every call, response cache off, state in a temp sqlite file), warms it up, then
answers batches on stdin/stdout: a line "<calls>" runs that many `await client.regions.list()` calls and prints
"<wall us per call> <cpu us per call> <regions>"; "quit" (or end of input) closes the client.

CPU is this process's user + system time over the batch (time.process_time_ns, as resource.getrusage(RUSAGE_SELF)).
Between batches the process blocks on stdin, so nothing else runs while it waits.

Usage: python3 PythonRegionsList.py <rsspot path|installed> <base url> <refresh token> <org> <state dir> <warm-up calls>
  <rsspot path>: a directory holding the `rsspot` package (a checkout's src/, or a site-packages folder);
  "installed" imports the rsspot the interpreter has (pip install rsspot==0.3.0).
"""

from __future__ import annotations

import asyncio
import os
import sys
import time


def _import_rsspot(source: str):
    if source != "installed":
        sys.path.insert(0, os.path.abspath(source))
    import httpx
    import pydantic
    import rsspot
    from rsspot import AsyncSpotClient, CacheConfig

    versions = f"rsspot {rsspot.__version__} ({os.path.dirname(rsspot.__file__)}), httpx {httpx.__version__}, pydantic {pydantic.VERSION}"
    return AsyncSpotClient, CacheConfig, versions


async def _main(argv: list[str]) -> int:
    source, base_url, refresh_token, org, state_dir, warmup = argv
    try:
        AsyncSpotClient, CacheConfig, versions = _import_rsspot(source)
    except ImportError as exc:
        print(f"error: cannot import the Python rsspot SDK or its dependencies ({exc}); pip install rsspot==0.3.0,"
              " or pass the src/ folder of its repository at tag v0.3.0 and put httpx, pydantic 2, pydantic-settings,"
              " PyYAML and tomli-w on PYTHONPATH", flush=True)
        return 1

    # Everything from arguments: no config file, no RSSPOT_* variables (the harness clears them), cache off.
    client = AsyncSpotClient(
        config={"profiles": {"bench": {}}, "active_profile": "bench", "cache": {"enabled": False}},
        profile="bench",
        org=org,
        refresh_token=refresh_token,
        base_url=base_url,
        oauth_url=base_url,
        cache=CacheConfig(enabled=False),
        state_path=os.path.join(state_dir, "state.db"),
    )
    try:
        count = 0
        for _ in range(int(warmup)):
            count = len(await client.regions.list())
        if count == 0:
            print("error: the emulator listed no regions", flush=True)
            return 1

        print(f"ready {count} python {sys.version.split()[0]}, {versions}", flush=True)
        for line in sys.stdin:
            line = line.strip()
            if line == "quit":
                break
            calls = int(line)
            cpu0 = time.process_time_ns()
            wall0 = time.perf_counter_ns()
            for _ in range(calls):
                count = len(await client.regions.list())
            wall = time.perf_counter_ns() - wall0
            cpu = time.process_time_ns() - cpu0
            print(f"{wall / 1000 / calls:.3f} {cpu / 1000 / calls:.3f} {count}", flush=True)
        return 0
    finally:
        await client.aclose()


if __name__ == "__main__":
    sys.exit(asyncio.run(_main(sys.argv[1:])))
