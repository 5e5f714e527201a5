#!/bin/sh
# A throwaway PostgreSQL server: initdb into <dir>, serve on 127.0.0.1:<port>, print "ready", then wait until
# standard input closes (the caller exits, is killed or says so) and stop the server and delete <dir>.
# Used by the test suites (TestCommon/PostgresServer.cs) and by `build.ps1 ScaleOut`. Run it as the `postgres` OS user
# when the caller is root (initdb refuses root): runuser -u postgres -- sh throwaway-postgres.sh ...
# Usage: throwaway-postgres.sh <bin dir> <data dir, must not exist> <port>
# The first line of standard input is the password of the superuser role `postgres` (never on a command line).
set -eu
bin="$1"; dir="$2"; port="$3"
IFS= read -r password

umask 077
mkdir "$dir"
cleanup() {
  trap - EXIT HUP INT TERM
  "$bin/pg_ctl" -D "$dir/data" -m immediate -s stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

printf '%s' "$password" > "$dir/pwfile"
# ICU "en" as the default collation (PostgreSQL 15+), like a typical production database: linguistic ordering and
# Unicode case mapping, which the todo list's "C" columns must not be affected by.
icu=""
if "$bin/initdb" --help | grep -q -- '--locale-provider'; then icu="--locale-provider=icu --icu-locale=en"; fi
# shellcheck disable=SC2086 # $icu is two options or none
if ! "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" --auth=scram-sha-256 -E UTF8 \
    --locale=C.UTF-8 $icu --no-sync >"$dir/initdb.log" 2>&1; then
  cat "$dir/initdb.log" >&2
  exit 1
fi
rm -f "$dir/pwfile"

# Durability is pointless for a throwaway cluster: no fsync makes schema creation and writes much faster.
if ! "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -s start -o "-c listen_addresses=127.0.0.1 -p $port \
    -c unix_socket_directories=$dir -c max_connections=500 -c fsync=off -c synchronous_commit=off \
    -c full_page_writes=off" >/dev/null; then
  cat "$dir/server.log" >&2
  exit 1
fi

echo "ready"
# Block until standard input reaches end of file: the caller closed it or died.
cat >/dev/null
