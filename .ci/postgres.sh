# Sourced by .ci/run: a throwaway PostgreSQL server for the test run.
# start_test_postgres installs Debian's postgresql package when the server binaries are missing, initdb's a
# cluster in a temp folder (as the postgres user when run as root), starts it on a free port on 127.0.0.1 and
# exports RSSPOT_TEST_POSTGRES (an Npgsql connection string). A second server, RSSPOT_TEST_POSTGRES_FAULTS, is
# the fault tests' own: RSSPOT_TEST_POSTGRES_CTL is a script they run as "<ctl> stop" (an immediate stop, as a
# crash) and "<ctl> start" (same port and data), and they terminate its sessions; the other tests never see it.
# stop_test_postgres stops it and removes the folder.
# Standalone: bash -c 'source .ci/postgres.sh && start_test_postgres && echo "$RSSPOT_TEST_POSTGRES"; stop_test_postgres'

test_pg_dir=""
test_pg_bin=""
test_pg_port=""
test_pg_password=""

_pg_bin_dir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
    echo "$dir"
  elif command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"
  fi
}

# Runs a server binary as the owner of the cluster: the postgres user when we are root (initdb refuses root).
_pg_run() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

_pg_free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

start_test_postgres() {
  test_pg_bin="$(_pg_bin_dir)"
  if [ -z "$test_pg_bin" ]; then
    echo "PostgreSQL server binaries not found: installing Debian's postgresql package"
    if [ "$(id -u)" -ne 0 ]; then
      echo "not root: cannot apt-get install postgresql; the PostgreSQL tests will be skipped" >&2
      return 1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null \
      || { DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null; } \
      || { echo "apt-get install postgresql failed; the PostgreSQL tests will be skipped" >&2; return 1; }
    test_pg_bin="$(_pg_bin_dir)"
    [ -n "$test_pg_bin" ] || { echo "postgresql installed but initdb/pg_ctl not found" >&2; return 1; }
  fi

  local port password
  port="$(_pg_free_port)" || { echo "no free port for PostgreSQL" >&2; return 1; }
  password="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  test_pg_dir="$(mktemp -d "${TMPDIR:-/tmp}/rsspot-test-pg.XXXXXX")"
  chmod 700 "$test_pg_dir"
  printf '%s\n' "$password" >"$test_pg_dir/pwfile"
  if [ "$(id -u)" -eq 0 ]; then
    chown -R postgres: "$test_pg_dir"
  fi

  _pg_cluster data "$port" || { stop_test_postgres; return 1; }
  # A second server for the fault tests, which stop it and terminate its sessions: the other tests never notice.
  local faults_port
  faults_port="$(_pg_free_port)" || { echo "no free port for PostgreSQL" >&2; stop_test_postgres; return 1; }
  _pg_cluster faults "$faults_port" || { stop_test_postgres; return 1; }
  _pg_write_ctl faults "$faults_port"

  test_pg_port="$port"
  test_pg_password="$password"
  export RSSPOT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Database=rsspot_test;Username=rsspot;Password=$password;Maximum Pool Size=50"
  export RSSPOT_TEST_POSTGRES_FAULTS="Host=127.0.0.1;Port=$faults_port;Database=rsspot_test;Username=rsspot;Password=$password;Maximum Pool Size=50"
  export RSSPOT_TEST_POSTGRES_CTL="$test_pg_dir/ctl"
  echo "PostgreSQL $("$test_pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port for the tests (RSSPOT_TEST_POSTGRES)"
}

# The server options of a throwaway cluster on port $1: no durability needed, many connections for the concurrency tests.
_pg_options() {
  echo "-c listen_addresses=127.0.0.1 -p $1 -k $test_pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
}

# initdb's $test_pg_dir/$1, starts it on port $2 and creates the rsspot_test database.
_pg_cluster() {
  _pg_run "$test_pg_bin/initdb" -D "$test_pg_dir/$1" -U rsspot --pwfile="$test_pg_dir/pwfile" \
      --auth-host=scram-sha-256 --auth-local=trust -E UTF8 --no-locale >"$test_pg_dir/$1-initdb.log" 2>&1 \
    || { echo "initdb failed:" >&2; cat "$test_pg_dir/$1-initdb.log" >&2; return 1; }
  _pg_run "$test_pg_bin/pg_ctl" -D "$test_pg_dir/$1" -l "$test_pg_dir/$1.log" -w -t 60 -o "$(_pg_options "$2")" start >/dev/null \
    || { echo "PostgreSQL did not start:" >&2; cat "$test_pg_dir/$1.log" >&2; return 1; }
  _pg_run "$test_pg_bin/createdb" -h "$test_pg_dir" -p "$2" -U rsspot rsspot_test \
    || { echo "createdb failed" >&2; return 1; }
}

# Writes $test_pg_dir/ctl for the cluster $1 on port $2: "ctl stop" stops it at once (-m immediate, like a crash),
# "ctl start" starts it again on the same port and data. Both wait until done.
_pg_write_ctl() {
  local run=""
  [ "$(id -u)" -eq 0 ] && run="runuser -u postgres --"
  cat >"$test_pg_dir/ctl" <<CTL
#!/usr/bin/env bash
set -eu
case "\${1:-}" in
  stop) $run "$test_pg_bin/pg_ctl" -D "$test_pg_dir/$1" -m immediate -w stop >/dev/null ;;
  start) $run "$test_pg_bin/pg_ctl" -D "$test_pg_dir/$1" -l "$test_pg_dir/$1.log" -w -t 60 -o "$(_pg_options "$2")" start >/dev/null ;;
  *) echo "usage: \$0 stop|start" >&2; exit 2 ;;
esac
CTL
  chmod 755 "$test_pg_dir/ctl"
}

stop_test_postgres() {
  if [ -n "$test_pg_dir" ] && [ -d "$test_pg_dir" ]; then
    for cluster in data faults; do
      if [ -f "$test_pg_dir/$cluster/postmaster.pid" ]; then
        _pg_run "$test_pg_bin/pg_ctl" -D "$test_pg_dir/$cluster" -m immediate -w stop >/dev/null 2>&1
      fi
    done
    rm -rf "$test_pg_dir"
  fi
  test_pg_dir=""
  unset RSSPOT_TEST_POSTGRES RSSPOT_TEST_POSTGRES_FAULTS RSSPOT_TEST_POSTGRES_CTL
}
