# Sourced by the CLI start-up benchmarks: starts `CLI emulator start --port 0` in the background (its pid in
# emulator_pid, for the caller's cleanup), and points a temp HOME ($work/home) at it with a profile whose regions
# cache TTL outlasts the run. Usage: start_bench_emulator CLI   (needs $work)
start_bench_emulator() {
  export HOME="$work/home" NO_COLOR=1
  mkdir -p "$HOME/.config/rsspot"
  "$1" emulator start --port 0 >"$work/emulator.out" 2>&1 &
  emulator_pid=$!
  for _ in $(seq 1 300); do grep -q "listening on" "$work/emulator.out" 2>/dev/null && break; sleep 0.1; done
  url="$(grep -o 'http://127.0.0.1:[0-9]*' "$work/emulator.out" | head -1)"
  [ -n "$url" ] || { echo "the emulator did not start:" >&2; cat "$work/emulator.out" >&2; return 1; }
  cat >"$HOME/.config/rsspot/config.yaml" <<YAML
version: 1
active_profile: bench
profiles:
  bench:
    org: sandbox
    refresh_token: rsspot-emulator-refresh-token
    base_url: $url
    oauth_url: $url
    price_data_url: $url
    cache:
      ttl_defaults:
        "GET:/apis/ngpc.rxt.io/v1/regions": 3600
YAML
  chmod 600 "$HOME/.config/rsspot/config.yaml"
}
