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
#   3. runs the tests from the repository root in two `dotnet test` runs, so
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

RABBIT_SBIN=/usr/lib/rabbitmq/bin
CHROMIUM=/usr/bin/chromium

WORK=""           # the mktemp -d directory; everything we create lives here
PG_BIN=""         # e.g. /usr/lib/postgresql/15/bin
PG_DATA=""
PG_PORT=""
RMQ_PORT=""
PG_STARTED=0
RMQ_PID=""        # pid of our rabbitmq-server (the sh proxy whose child is the Erlang VM)
RMQ_NODE=""
EPMD_PID=""
DOTNET_PID=""     # dotnet test, while it runs
TEE_PID=""
SIGNAL=""         # INT, TERM or HUP when one stopped the script
POLICY_RC_CREATED=0
USED_PORTS=" "

# ---------------------------------------------------------------- cleanup ---

# true while pid $1 runs (a zombie, not yet reaped by init, counts as gone)
still_alive() {
  local st
  [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null || return 1
  st="$(ps -o stat= -p "$1" 2>/dev/null)" || return 1
  [[ $st != Z* ]]
}

wait_gone() { # pid seconds
  local pid=$1 i
  for ((i = 0; i < $2 * 10; i++)); do
    still_alive "$pid" || return 0
    sleep 0.1
  done
  return 1
}

stop_rabbitmq() {
  [ -n "$RMQ_PID" ] || return 0
  # RMQ_PID is rabbitmq-server's sh proxy; the Erlang VM is its child and
  # writes its own pid to the pid file once booting.
  local beam_pid=""
  [ -f "$WORK/rabbitmq/rabbit.pid" ] && beam_pid="$(cat "$WORK/rabbitmq/rabbit.pid" 2>/dev/null || true)"
  beam_pid="$beam_pid $(pgrep -P "$RMQ_PID" 2>/dev/null || true)"
  if still_alive "$RMQ_PID"; then
    timeout 30 "$WORK/rabbitmqctl" stop || true
    wait_gone "$RMQ_PID" 20 || true
  fi
  local pid
  for pid in "$RMQ_PID" $beam_pid; do
    if still_alive "$pid"; then
      echo "RabbitMQ node pid $pid still running: TERM"
      kill -TERM "$pid" 2>/dev/null || true
      wait_gone "$pid" 10 || { echo "pid $pid: KILL"; kill -KILL "$pid" 2>/dev/null || true; }
    fi
  done
  RMQ_PID=""
}

# every process below pid $1 (children first-level first)
descendants() {
  local kids k
  kids="$(pgrep -P "$1" 2>/dev/null || true)"
  for k in $kids; do
    echo "$k"
    descendants "$k"
  done
}

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

stop_epmd() {
  [ -n "$EPMD_PID" ] || return 0
  if still_alive "$EPMD_PID"; then
    kill -TERM "$EPMD_PID" 2>/dev/null || true
    wait_gone "$EPMD_PID" 5 || kill -KILL "$EPMD_PID" 2>/dev/null || true
  fi
  EPMD_PID=""
}

stop_postgres() {
  [ "$PG_STARTED" = 1 ] || return 0
  local pid
  pid="$(head -n1 "$PG_DATA/postmaster.pid" 2>/dev/null || true)"
  if still_alive "$pid"; then
    (cd "$WORK" && as_user postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop) ||
      (cd "$WORK" && as_user postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w -t 10 stop) || true
    if still_alive "$pid"; then
      echo "postmaster pid $pid still running: KILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  PG_STARTED=0
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM HUP
  set +e
  if [ -n "$WORK" ] && [ -d "$WORK" ]; then
    {
      echo "cleanup at $(date -Is), exit code $rc${SIGNAL:+, SIG$SIGNAL}"
      stop_dotnet
      stop_rabbitmq
      stop_epmd
      stop_postgres
    } >>"$WORK/cleanup.log" 2>&1
  fi
  if [ "$POLICY_RC_CREATED" = 1 ]; then rm -f /usr/sbin/policy-rc.d; fi
  if [ -n "$WORK" ] && [ -d "$WORK" ]; then
    if [ "${HUB_TEST_KEEP_TMP:-0}" = 1 ]; then
      say "kept $WORK"
    else
      rm -rf "$WORK"
    fi
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'SIGNAL=INT; exit 130' INT
trap 'SIGNAL=TERM; exit 143' TERM
trap 'SIGNAL=HUP; exit 129' HUP

fail_with_log() { # message logfile...
  err "$1"
  shift
  local f
  for f in "$@"; do
    if [ -s "$f" ]; then
      echo "----- last lines of $f -----" >&2
      tail -n 40 "$f" >&2
    fi
  done
  exit 1
}

# ---------------------------------------------------------------- helpers ---

# Run a command as a system user, keeping the environment; setpriv execs the
# command (no extra process), so "$!" of a background call is the command's pid.
as_user() { # user command...
  local u=$1
  shift
  setpriv --reuid="$u" --regid="$u" --init-groups -- "$@"
}

port_in_use() {
  if command -v ss >/dev/null 2>&1; then
    [ -n "$(ss -Htan "( sport = :$1 )" 2>/dev/null)" ]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}

# free_port VAR: set VAR to a free TCP port below Linux's ephemeral range
# (32768-60999), so no client socket takes it before the service binds it.
# (Not called in $(...): the list of ports already handed out must persist.)
free_port() {
  local p i
  for ((i = 0; i < 200; i++)); do
    p=$((20000 + (RANDOM * 32768 + RANDOM) % 12000))
    case "$USED_PORTS" in *" $p "*) continue ;; esac
    if ! port_in_use "$p"; then
      USED_PORTS="$USED_PORTS$p "
      printf -v "$1" '%s' "$p"
      return 0
    fi
  done
  err "no free TCP port found"
  exit 1
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

find_pg_bin() {
  local d
  PG_BIN=""
  for d in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/postgres" ]; then
      PG_BIN="$d"
      return 0
    fi
  done
  return 1
}

# ------------------------------------------------------------ 1. packages ---

WORK="$(mktemp -d /tmp/hubtest.XXXXXXXX)"
chmod 755 "$WORK" # the postgres and rabbitmq users must reach their subdirectories

missing=()
{ [ -x "$RABBIT_SBIN/rabbitmq-server" ] && [ -x "$RABBIT_SBIN/rabbitmqctl" ] && command -v epmd >/dev/null 2>&1; } ||
  missing+=(rabbitmq-server)
find_pg_bin || missing+=(postgresql)
[ -x "$CHROMIUM" ] || missing+=(chromium)
command -v setpriv >/dev/null 2>&1 || missing+=(util-linux)

if [ "${#missing[@]}" -gt 0 ]; then
  say "installing ${missing[*]} (apt-get)"
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    # keep the packages' own system services (default cluster/node) from starting
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    POLICY_RC_CREATED=1
  fi
  apt_log="$WORK/apt.log"
  apt-get -o DPkg::Lock::Timeout=300 update >"$apt_log" 2>&1 ||
    fail_with_log "apt-get update failed" "$apt_log"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends \
    "${missing[@]}" >>"$apt_log" 2>&1 ||
    fail_with_log "apt-get install ${missing[*]} failed" "$apt_log"
  if [ "$POLICY_RC_CREATED" = 1 ]; then
    rm -f /usr/sbin/policy-rc.d
    POLICY_RC_CREATED=0
  fi
  find_pg_bin || fail_with_log "no initdb/pg_ctl/postgres under /usr/lib/postgresql/*/bin after install" "$apt_log"
  [ -x "$RABBIT_SBIN/rabbitmq-server" ] || fail_with_log "rabbitmq-server missing after install" "$apt_log"
  [ -x "$CHROMIUM" ] || fail_with_log "$CHROMIUM missing after install" "$apt_log"
fi
id -u postgres >/dev/null 2>&1 || { err "no 'postgres' system user (is the postgresql package installed?)"; exit 1; }
id -u rabbitmq >/dev/null 2>&1 || { err "no 'rabbitmq' system user (is rabbitmq-server installed?)"; exit 1; }

# ------------------------------------------------------ 2a. PostgreSQL ---

start_postgres() {
  local pg_dir="$WORK/postgres"
  PG_DATA="$pg_dir/data"
  free_port PG_PORT
  mkdir -p "$pg_dir/socket"
  printf 'postgres\n' >"$pg_dir/pwfile"
  chown -R postgres:postgres "$pg_dir"
  chmod 700 "$pg_dir"

  # initdb and pg_ctl refuse to run as root; run them as postgres from a
  # directory that user can enter.
  (cd "$pg_dir" && as_user postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres \
    --pwfile="$pg_dir/pwfile" --auth-local=trust --auth-host=scram-sha-256 \
    -E UTF8 --locale=C --no-sync) >"$pg_dir/initdb.log" 2>&1 ||
    fail_with_log "PostgreSQL initdb failed" "$pg_dir/initdb.log"

  local opts="-c listen_addresses=127.0.0.1 -p $PG_PORT -k $pg_dir/socket"
  opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  opts+=" -c max_connections=300 -c logging_collector=off"
  PG_STARTED=1
  # setsid: the postmaster must not get the terminal's Ctrl-C before we stop it
  (cd "$pg_dir" && as_user postgres setsid "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$pg_dir/postgres.log" \
    -o "$opts" -w -t 60 start) >"$pg_dir/pg_ctl.log" 2>&1 ||
    fail_with_log "PostgreSQL did not start (port $PG_PORT)" "$pg_dir/pg_ctl.log" "$pg_dir/postgres.log"

  # pg_ctl aimed at our cluster, for the fault tests' outages: "stop" (fast) or
  # "start" (the options above). Its output goes to the log, so that a caller
  # reading the script's output is not held open by the postmaster.
  cat >"$WORK/pgctl" <<EOF
#!/bin/sh
cd "$pg_dir" || exit 1
case "\$1" in
  stop) set -- -m fast -w -t 60 stop ;;
  start) set -- -l "$pg_dir/postgres.log" -o "$opts" -w -t 60 start ;;
  *) echo "usage: \$0 stop|start" >&2; exit 2 ;;
esac
setpriv --reuid=postgres --regid=postgres --init-groups -- setsid "$PG_BIN/pg_ctl" -D "$PG_DATA" "\$@" \\
  >>"$pg_dir/pg_ctl.log" 2>&1 </dev/null && exit 0
tail -n 20 "$pg_dir/pg_ctl.log" "$pg_dir/postgres.log" >&2
exit 1
EOF
  chmod 755 "$WORK/pgctl"
}

# -------------------------------------------------------- 2b. RabbitMQ ---

launch_rabbitmq() {
  local r="$WORK/rabbitmq"
  local dist_port epmd_port cookie
  free_port RMQ_PORT
  free_port dist_port
  free_port epmd_port
  RMQ_NODE="hubtest-$$@localhost"
  cookie="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' | tr 'a-f' 'A-F')"

  mkdir -p "$r/home" "$r/ctl-home" "$r/mnesia" "$r/log"
  : >"$r/enabled_plugins"   # no plugins
  : >"$r/rabbitmq-env.conf" # ignore /etc/rabbitmq/rabbitmq-env.conf
  cat >"$r/rabbitmq.conf" <<EOF
loopback_users.guest = true
log.file.level = info
EOF
  printf '%s' "$cookie" >"$r/home/.erlang.cookie"
  printf '%s' "$cookie" >"$r/ctl-home/.erlang.cookie"
  chmod 400 "$r/home/.erlang.cookie" "$r/ctl-home/.erlang.cookie"
  chown -R rabbitmq:rabbitmq "$r"
  chown -R root:root "$r/ctl-home" # rabbitmqctl runs as root (the tests' user)
  chmod 755 "$r"

  # Environment shared by the node and by rabbitmqctl
  local env_file="$r/env.sh"
  cat >"$env_file" <<EOF
export LANG=C.UTF-8 LC_ALL=C.UTF-8
export ERL_EPMD_PORT=$epmd_port
export ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_NODENAME=$RMQ_NODE
export RABBITMQ_USE_LONGNAME=false
export RABBITMQ_CONF_ENV_FILE=$r/rabbitmq-env.conf
export RABBITMQ_CONFIG_FILE=$r/rabbitmq.conf
export RABBITMQ_ADVANCED_CONFIG_FILE=$r/advanced.config
export RABBITMQ_ENABLED_PLUGINS_FILE=$r/enabled_plugins
export RABBITMQ_MNESIA_BASE=$r/mnesia
export RABBITMQ_LOG_BASE=$r/log
export RABBITMQ_PID_FILE=$r/rabbit.pid
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT=$RMQ_PORT
export RABBITMQ_DIST_PORT=$dist_port
export RABBITMQ_CTL_DIST_PORT_MIN=0
export RABBITMQ_CTL_DIST_PORT_MAX=0
EOF
  # rabbitmqctl aimed at our node; runs as root with its own copy of the cookie
  cat >"$WORK/rabbitmqctl" <<EOF
#!/bin/sh
. "$env_file"
export HOME="$r/ctl-home"
exec "$RABBIT_SBIN/rabbitmqctl" -n "$RMQ_NODE" "\$@"
EOF
  chmod 755 "$WORK/rabbitmqctl"

  # Our own epmd on its own port: the node does not share (or leave behind) the
  # machine's default epmd on 4369.
  setsid epmd -port "$epmd_port" -address 127.0.0.1 >"$r/log/epmd.log" 2>&1 </dev/null &
  EPMD_PID=$!
  local i
  for ((i = 0; i < 100; i++)); do
    epmd -port "$epmd_port" -names >/dev/null 2>&1 && break
    still_alive "$EPMD_PID" || fail_with_log "epmd did not start (port $epmd_port)" "$r/log/epmd.log"
    sleep 0.05
  done
  epmd -port "$epmd_port" -names >/dev/null 2>&1 || fail_with_log "epmd did not start (port $epmd_port)" "$r/log/epmd.log"

  # The node runs as the rabbitmq user (as Debian's wrapper would), in its own
  # session so a Ctrl-C reaches only this script, which then stops it cleanly.
  (
    cd "$r"
    # shellcheck disable=SC1090
    . "$env_file"
    export HOME="$r/home"
    export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-start_epmd false -kernel inet_dist_use_interface {127,0,0,1}"
    exec setsid setpriv --reuid=rabbitmq --regid=rabbitmq --init-groups -- \
      "$RABBIT_SBIN/rabbitmq-server"
  ) >"$r/log/startup.log" 2>&1 </dev/null &
  RMQ_PID=$!
}

wait_rabbitmq() {
  local r="$WORK/rabbitmq" i
  # Booted when the AMQP listener accepts connections (opened last at boot)
  for ((i = 0; i < 1200; i++)); do
    port_open "$RMQ_PORT" && break
    still_alive "$RMQ_PID" || fail_with_log "RabbitMQ exited during start-up (AMQP port $RMQ_PORT)" \
      "$r/log/startup.log" "$r/log/$RMQ_NODE.log"
    sleep 0.1
  done
  port_open "$RMQ_PORT" || fail_with_log "RabbitMQ did not open AMQP port $RMQ_PORT within 120 s" \
    "$r/log/startup.log" "$r/log/$RMQ_NODE.log"
  timeout 60 "$WORK/rabbitmqctl" await_startup >"$r/log/ctl.log" 2>&1 ||
    fail_with_log "rabbitmqctl cannot reach node $RMQ_NODE" "$r/log/ctl.log" "$r/log/$RMQ_NODE.log"
}

elapsed() { # since $1 (an $EPOCHREALTIME)
  awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f s", b - a }'
}

say "starting PostgreSQL ($PG_BIN) and RabbitMQ under $WORK"
t0=$EPOCHREALTIME
launch_rabbitmq # boots in the background while PostgreSQL starts
start_postgres
say "PostgreSQL up on 127.0.0.1:$PG_PORT ($(elapsed "$t0"))"
wait_rabbitmq
say "RabbitMQ up on 127.0.0.1:$RMQ_PORT, node $RMQ_NODE ($(elapsed "$t0"))"

export HUB_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres"
export HUB_TEST_RABBITMQ_HOST=127.0.0.1
export HUB_TEST_RABBITMQ_PORT="$RMQ_PORT"
export HUB_TEST_RABBITMQ_USER=guest
export HUB_TEST_RABBITMQ_PASSWORD=guest
export HUB_TEST_RABBITMQCTL="$WORK/rabbitmqctl"
export HUB_TEST_PGCTL="$WORK/pgctl"
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
