#!/usr/bin/env bash
# benchmarks/run.sh - measure the hub against the bus's own limits, in one run.
#
# Usage: benchmarks/run.sh [--quick] [--board-only | --hub-only]
#   --quick       small counts: a smoke run of every measurement in a few minutes,
#                 whose figures are not for comparing.
#   --board-only  only the board's queries at its sizes (10k/100k/1M legs, or
#                 --quick's), printed; no report is written.
#   --hub-only    only the hub end to end, printed with its profile (the hub's
#                 process id, for a profiler to attach); no report is written.
#
# It builds benchmarks/IntegrationHub.Benchmarks (and so the hub) in Release,
# starts a private PostgreSQL and RabbitMQ exactly as scripts/test.sh does (the
# shared scripts/engines.sh), runs the benchmark against them, prints its
# table and targets, and writes benchmarks/results/<yyyy-MM-dd>.md with its
# charts (<yyyy-MM-dd>-quick.md with --quick). benchmarks/README.md says what
# each figure is. Besides engines.sh's HUB_TEST_* variables it exports
# HUB_BENCH_POSTGRES_PID (the postmaster) and HUB_BENCH_RABBITMQ_PID (the Erlang
# VM), whose CPU time the benchmark reads to say where the time went.
# It always stops what it started, the benchmark and the hub processes it ran
# included, on success, failure, Ctrl-C, TERM or HUP. HUB_TEST_KEEP_TMP=1 keeps
# the temporary directory (the services' logs).

# The stop functions run from the EXIT trap:
# shellcheck disable=SC2317
set -Eeuo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

say() { printf 'run.sh: %s\n' "$*"; }
err() { printf 'run.sh: ERROR: %s\n' "$*" >&2; }

# shellcheck source=scripts/engines.sh
. "$REPO_ROOT/scripts/engines.sh"

BENCH_PID="" # the benchmark, while it runs

# The benchmark and the hubs it started (its children), if it was interrupted.
stop_benchmark() {
  [ -n "$BENCH_PID" ] || return 0
  local procs pid
  procs="$BENCH_PID $(descendants "$BENCH_PID" | tr '\n' ' ')"
  for pid in $procs; do
    if still_alive "$pid"; then kill -TERM "$pid" 2>/dev/null; fi
  done
  for pid in $procs; do
    wait_gone "$pid" 10 || kill -KILL "$pid" 2>/dev/null
  done
  BENCH_PID=""
}

engines_on_exit stop_benchmark

cd "$REPO_ROOT"
export MSBUILDDISABLENODEREUSE="${MSBUILDDISABLENODEREUSE:-1}"
export DOTNET_CLI_USE_MSBUILD_SERVER="${DOTNET_CLI_USE_MSBUILD_SERVER:-0}"
project=benchmarks/IntegrationHub.Benchmarks
say "building $project in Release"
dotnet build "$project" -c Release -v q -nologo

# pg_stat_statements counts the SQL each measurement makes the hub's database run (the profile's statements per leg).
# random_page_cost as the deployment sets it (k8s/base/engines/postgres.yaml): the planner costs a random read on
# solid-state storage near a sequential one.
export ENGINES_POSTGRES_OPTIONS="-c shared_preload_libraries=pg_stat_statements -c random_page_cost=1.1"
engines_start /tmp/hubbench
HUB_BENCH_POSTGRES_PID="$(head -n1 "$PG_DATA/postmaster.pid")"
HUB_BENCH_RABBITMQ_PID="$(cat "$WORK/rabbitmq/rabbit.pid")"
export HUB_BENCH_POSTGRES_PID HUB_BENCH_RABBITMQ_PID

say "running the benchmark${*:+ $*}"
# A background job the script waits for, so a TERM is acted on at once; its Ctrl-C restored (background jobs start
# with it ignored) so a terminal's Ctrl-C reaches it directly.
(trap - INT QUIT && exec dotnet "$project/bin/Release/net10.0/IntegrationHub.Benchmarks.dll" "$@") </dev/null &
BENCH_PID=$!
set +e
wait "$BENCH_PID"
rc=$?
set -e
BENCH_PID=""
exit "$rc"
