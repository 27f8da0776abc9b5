#!/usr/bin/env bash
# scripts/test.sh - run the whole test suite of the Care Leaver Referral Hub.
#
# Usage: scripts/test.sh [extra arguments for `dotnet test`]
#   e.g. scripts/test.sh --filter "FullyQualifiedName~Referral"
#
# This is the project's one "run all the tests" command; .ci/run calls it.
# It is meant for a Debian 12 machine where it runs as root. It:
#   1. installs rabbitmq-server, postgresql and chromium from Debian's packages
#      when they are missing (nothing is installed when they are all present);
#   2. starts a PRIVATE PostgreSQL cluster and a PRIVATE RabbitMQ node, both on
#      127.0.0.1, on free ports chosen at run time, with throwaway data
#      directories under one `mktemp -d` directory; they neither use nor touch
#      any other PostgreSQL/RabbitMQ/epmd already running on the machine
#      (RabbitMQ gets its own epmd on its own port and its own Erlang cookie);
#   3. installs k8s/validate's Node.js packages (`npm ci`), which the deployment
#      tests run, then runs the tests from the repository root in two `dotnet test` runs, so
#      that the fault tests, which stop the shared RabbitMQ node and PostgreSQL
#      cluster, never run beside the others:
#        a. `dotnet test IntegrationHub.sln "$@"` with the filter
#           `(<your --filter>)&Category!=Fault` (just `Category!=Fault` without
#           one) (IntegrationHub.slnx if there is no .sln; `--solution <file>`
#           instead of the positional argument when global.json selects
#           Microsoft.Testing.Platform);
#        b. then `dotnet test tests/IntegrationHub.FaultTests --no-build "$@"`
#           (your filter as given) with the console logger at detailed
#           verbosity, which shows each fault's printed line, unless run a.
#           failed without running tests (e.g. a build error);
#      with these variables exported:
#        HUB_TEST_POSTGRES            Npgsql connection string WITHOUT Database,
#                                     "Host=127.0.0.1;Port=N;Username=postgres;Password=postgres"
#                                     (the postgres user is a superuser: tests
#                                     create and drop their own databases)
#        HUB_TEST_RABBITMQ_HOST       127.0.0.1
#        HUB_TEST_RABBITMQ_PORT       AMQP port of the private node
#        HUB_TEST_RABBITMQ_USER       guest   (an administrator; loopback only)
#        HUB_TEST_RABBITMQ_PASSWORD   guest
#        HUB_TEST_RABBITMQCTL         path of an executable that runs rabbitmqctl
#                                     against the private node (node name,
#                                     cookie and epmd port are built in); append
#                                     the subcommand, e.g.
#                                       "$HUB_TEST_RABBITMQCTL" add_vhost my-vhost
#                                       "$HUB_TEST_RABBITMQCTL" set_permissions -p my-vhost guest ".*" ".*" ".*"
#                                       "$HUB_TEST_RABBITMQCTL" delete_vhost my-vhost
#                                     (no plugins are enabled: no management API)
#        HUB_TEST_PGCTL               path of an executable that stops ("stop",
#                                     fast shutdown) or starts ("start", same
#                                     port and options) the private PostgreSQL
#                                     cluster, waiting until it is done
#        HUB_TEST_CHROMIUM            /usr/bin/chromium (as root it needs --no-sandbox)
#        HUB_TEST_ARTEFACTS           artifacts/browser: the browser tests' screenshots
#      and exits with the first failing run's exit code (0 when both passed).
#      After the runs it prints one plain line "test.sh: N passed, N failed,
#      N skipped" counted from both runs' summary lines (all 0 when dotnet test
#      succeeded without running any test; no such line when it failed without
#      a summary, e.g. a build error); when dotnet test failed with no test
#      failed (a class fixture's set-up or clean-up failed), a line saying so
#      comes just before it;
#   4. always stops what it started (on success, failure, Ctrl-C, TERM or HUP)
#      and removes the throwaway directories. It never stops anything it did
#      not start. Shutdown is quiet (its log goes to the temporary directory) so
#      the test summary stays at the end of the output. On TERM/HUP a running
#      dotnet test is cancelled as Ctrl-C would (SIGINT), then killed if it
#      does not stop within 20 s.
#
# Steps 1 and 2, and the stopping of the services in step 4, are done by
# scripts/engines.sh, which benchmarks/run.sh shares.
# Start-up of both services takes about 10 s on the 2-core CI machine.
# Set HUB_TEST_KEEP_TMP=1 to keep the temporary directory (logs, data) afterwards.
# MSBUILDDISABLENODEREUSE=1 and DOTNET_CLI_USE_MSBUILD_SERVER=0 are set unless
# already set, so no MSBuild process outlives the run.

# The stop functions run from the EXIT trap:
# shellcheck disable=SC2317
set -Eeuo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

say() { printf 'test.sh: %s\n' "$*"; }
err() { printf 'test.sh: ERROR: %s\n' "$*" >&2; }

# shellcheck source=scripts/engines.sh
. "$REPO_ROOT/scripts/engines.sh"

DOTNET_PID=""     # dotnet test, while it runs
TEE_PID=""

# ---------------------------------------------------------------- cleanup ---

# dotnet test still running means this script was interrupted: cancel it the
# way Ctrl-C does (SIGINT, unless it already had that one), then insist.
stop_dotnet() {
  [ -n "$DOTNET_PID" ] || return 0
  local procs pid
  if still_alive "$DOTNET_PID"; then
    procs="$DOTNET_PID $(descendants "$DOTNET_PID" | tr '\n' ' ')"
    echo "dotnet test (pid $DOTNET_PID) still running after SIG${SIGNAL:-?}"
    [ "$SIGNAL" = INT ] || kill -INT "$DOTNET_PID" 2>/dev/null
    wait_gone "$DOTNET_PID" 20 || kill -TERM "$DOTNET_PID" 2>/dev/null
    wait_gone "$DOTNET_PID" 5 || kill -KILL "$DOTNET_PID" 2>/dev/null
    for pid in $procs; do # its build/test host processes, if any are left
      if still_alive "$pid"; then
        echo "leftover pid $pid: $(ps -o args= -p "$pid" 2>/dev/null | cut -c1-120)"
        kill -TERM "$pid" 2>/dev/null
      fi
    done
    for pid in $procs; do
      wait_gone "$pid" 5 || kill -KILL "$pid" 2>/dev/null
    done
  fi
  DOTNET_PID=""
  if [ -n "$TEE_PID" ]; then
    wait_gone "$TEE_PID" 5 || kill -TERM "$TEE_PID" 2>/dev/null
    TEE_PID=""
  fi
}

engines_on_exit stop_dotnet

# ------------------------------------------------- 1, 2. PostgreSQL, RabbitMQ ---

ENGINES_WITH_CHROMIUM=1 # the browser tests need it
engines_start /tmp/hubtest
export HUB_TEST_CHROMIUM="$CHROMIUM"
export HUB_TEST_ARTEFACTS="$REPO_ROOT/artifacts/browser"

# ------------------------------------------------------------ 3. tests ---

cd "$REPO_ROOT"
solution=IntegrationHub.sln
[ ! -e "$solution" ] && [ -e IntegrationHub.slnx ] && solution=IntegrationHub.slnx
test_cmd=(dotnet test)
# With Microsoft.Testing.Platform chosen in global.json, `dotnet test` (.NET 10)
# takes the solution as --solution instead of as a positional argument.
if [ -f global.json ] && grep -q 'Microsoft.Testing.Platform' global.json; then
  test_cmd+=(--solution "$solution")
else
  test_cmd+=("$solution")
fi

# The deployment tests (tests/IntegrationHub.DeploymentTests) run k8s/validate, a Node.js program:
# install its packages exactly as its lock file pins them (from npm's cache when it has them).
say "installing k8s/validate's packages (npm ci)"
(cd k8s/validate && npm ci --prefer-offline --no-audit --no-fund) >"$WORK/npm-ci.log" 2>&1 ||
  fail_with_log "npm ci in k8s/validate failed" "$WORK/npm-ci.log"

# no MSBuild worker nodes or build server outliving the run (unless asked for)
export MSBUILDDISABLENODEREUSE="${MSBUILDDISABLENODEREUSE:-1}"
export DOTNET_CLI_USE_MSBUILD_SERVER="${DOTNET_CLI_USE_MSBUILD_SERVER:-0}"

# The fault tests stop the shared broker and database, so they never run
# beside the other projects: first the solution without them, then their
# project alone (already built by the first run).
other_args=()
filter=""
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    --filter) filter="${args[i + 1]:-}"; i=$((i + 1)) ;;
    --filter=*) filter="${args[i]#--filter=}" ;;
    *) other_args+=("${args[i]}") ;;
  esac
done
fault_project=tests/IntegrationHub.FaultTests/IntegrationHub.FaultTests.csproj
fault_cmd=(dotnet test)
if [ "${test_cmd[2]}" = --solution ]; then fault_cmd+=(--project "$fault_project"); else fault_cmd+=("$fault_project"); fi
case " ${other_args[*]} " in *" --no-build "*) ;; *) fault_cmd+=(--no-build) ;; esac
# Each fault test prints one line of what it sent, delivered, lost and duplicated;
# the console logger shows a passing test's output only at detailed verbosity.
fault_cmd+=(--logger "console;verbosity=detailed")

# run_tests LOG COMMAND...: runs dotnet test as a background job that the
# script waits for, so that a TERM (e.g. from `timeout`) is acted on at once
# rather than when it returns. Its Ctrl-C is restored (a shell's background
# jobs start with it ignored), so a terminal's Ctrl-C still reaches it directly.
# Output goes through tee, which ignores Ctrl-C so that dotnet test can still
# print what it does on cancel. Sets rc to dotnet test's exit code.
run_tests() {
  local log=$1
  shift
  say "running: $*"
  rm -f "$WORK/dotnet-test.fifo"
  mkfifo "$WORK/dotnet-test.fifo"
  (trap '' INT && exec tee "$log") <"$WORK/dotnet-test.fifo" &
  TEE_PID=$!
  (trap - INT QUIT && exec "$@") >"$WORK/dotnet-test.fifo" 2>&1 </dev/null &
  DOTNET_PID=$!
  set +e
  wait "$DOTNET_PID"
  rc=$?
  DOTNET_PID=""
  # tee ends when the last writer closes the pipe; don't hang on a stray child
  wait_gone "$TEE_PID" 10 || kill -TERM "$TEE_PID" 2>/dev/null
  wait "$TEE_PID" 2>/dev/null
  TEE_PID=""
  set -e
}

run_tests "$WORK/dotnet-test.log" "${test_cmd[@]}" "${other_args[@]}" --filter "${filter:+($filter)&}Category!=Fault"
first_rc=$rc
logs=("$WORK/dotnet-test.log")
# A first run that failed without a test summary (a build error) leaves nothing built to run.
if [ "$first_rc" = 0 ] || grep -qE '[A-Za-z]+! +- +Failed: +[0-9]+|^Test run summary:' "$WORK/dotnet-test.log"; then
  run_tests "$WORK/dotnet-test-faults.log" "${fault_cmd[@]}" "${other_args[@]}" ${filter:+--filter "$filter"}
  logs+=("$WORK/dotnet-test-faults.log")
fi
[ "$first_rc" = 0 ] || rc=$first_rc

# One plain closing line with the counts, summed over the test assemblies.
# VSTest:  "Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total:    12, ..."
#          or at detailed verbosity (the fault run): "Total tests: 12" then
#          "     Passed: 12" / "     Failed: 1" / "    Skipped: 0" up to " Total time:"
# MTP:     "  failed: 0" / "  succeeded: 12" / "  skipped: 0" after "Test run summary:"
awk '
  /[A-Za-z]+! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+/ {
    line = $0; gsub(/,/, " ", line); n = split(line, w, /[ \t]+/)
    for (i = 1; i < n; i++) {
      if (w[i] == "Failed:") f += w[i + 1]
      else if (w[i] == "Passed:") p += w[i + 1]
      else if (w[i] == "Skipped:") s += w[i + 1]
    }
    found = 1; next
  }
  /^Total tests: +[0-9]+/ { detailed = 1; found = 1; next }
  detailed && /^ +Passed: +[0-9]+/  { p += $2 }
  detailed && /^ +Failed: +[0-9]+/  { f += $2 }
  detailed && /^ +Skipped: +[0-9]+/ { s += $2 }
  detailed && /^ +Total time:/      { detailed = 0 }
  /^Test run summary:/ { mtp = 1; next }
  mtp && /^ +failed: +[0-9]+/    { f += $2; found = 1 }
  mtp && /^ +succeeded: +[0-9]+/ { p += $2 }
  mtp && /^ +skipped: +[0-9]+/   { s += $2 }
  mtp && /^ +duration:/          { mtp = 0 }
  END {
    # a class fixture that fails to set up or clean up fails the run without failing a test
    if (found && f == 0 && rc != 0) printf "test.sh: dotnet test failed (exit code %d) outside the tests: see \"Test Class Cleanup Failure\" or \"Test Run Failed\" above\n", rc
    # dotnet test exiting 0 without any summary ran no test at all: say so
    if (found || rc == 0) printf "test.sh: %d passed, %d failed, %d skipped\n", p, f, s
  }
' rc="$rc" "${logs[@]}" || true

exit "$rc"
