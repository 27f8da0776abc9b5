# scripts/engines.sh - sourced (not run) by scripts/test.sh and benchmarks/run.sh:
# starts a PRIVATE PostgreSQL cluster and a PRIVATE RabbitMQ node and stops them.
#
# The caller defines say() and err() (its own prefix on each line), sets
# `set -Eeuo pipefail`, calls engines_on_exit with the name of its function that
# stops its own processes, then engines_start once. engines_start:
#   1. installs rabbitmq-server and postgresql (and chromium when
#      ENGINES_WITH_CHROMIUM=1) from Debian's packages when they are missing;
#   2. makes WORK, one `mktemp -d` directory (prefix $1, e.g. /tmp/hubtest)
#      holding both services' throwaway data directories and logs;
#   3. starts both on 127.0.0.1, on free ports chosen at run time (PostgreSQL
#      with ENGINES_POSTGRES_OPTIONS added to its -c settings); they neither
#      use nor touch any other PostgreSQL/RabbitMQ/epmd already running on the
#      machine (RabbitMQ gets its own epmd on its own port and its own Erlang
#      cookie);
#   4. exports HUB_TEST_POSTGRES, HUB_TEST_RABBITMQ_HOST, _PORT, _USER,
#      _PASSWORD, HUB_TEST_RABBITMQCTL and HUB_TEST_PGCTL (described in
#      scripts/test.sh's header).
# engines_stop stops only what engines_start started. fail_with_log reports an
# error with the tail of the logs named and exits 1 (so the EXIT trap runs).

# shellcheck shell=bash
# The stop functions run from the caller's EXIT trap:
# shellcheck disable=SC2317

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
POLICY_RC_CREATED=0
USED_PORTS=" "

# ---------------------------------------------------------------- stopping ---

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

engines_stop() {
  stop_rabbitmq
  stop_epmd
  stop_postgres
  if [ "$POLICY_RC_CREATED" = 1 ]; then
    rm -f /usr/sbin/policy-rc.d
    POLICY_RC_CREATED=0
  fi
}

# engines_on_exit STOP: whenever the script exits from now on (success, failure,
# Ctrl-C, TERM or HUP), run the caller's function STOP, then engines_stop, both
# quietly (into $WORK/cleanup.log, so the script's last lines stay last), remove
# $WORK unless HUB_TEST_KEEP_TMP=1, and exit with the script's exit code. While
# STOP runs, SIGNAL names the signal that stopped the script, if one did.
SIGNAL=""
ENGINES_CALLER_STOP=""
engines_on_exit() {
  ENGINES_CALLER_STOP=$1
  trap engines_cleanup EXIT
  trap 'SIGNAL=INT; exit 130' INT
  trap 'SIGNAL=TERM; exit 143' TERM
  trap 'SIGNAL=HUP; exit 129' HUP
}

engines_cleanup() {
  local rc=$?
  # A second signal (a CI runner's TERM to the whole process group reaches the
  # script twice through timeout) must not cut the clean-up short.
  trap - EXIT
  trap '' INT TERM HUP
  set +e
  if [ -n "$WORK" ] && [ -d "$WORK" ]; then
    {
      echo "cleanup at $(date -Is), exit code $rc${SIGNAL:+, SIG$SIGNAL}"
      "$ENGINES_CALLER_STOP"
      engines_stop
    } >>"$WORK/cleanup.log" 2>&1
    if [ "${HUB_TEST_KEEP_TMP:-0}" = 1 ]; then
      say "kept $WORK"
    else
      rm -rf "$WORK"
    fi
  fi
  exit "$rc"
}

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

engines_install() {

  local missing=() apt_log
  { [ -x "$RABBIT_SBIN/rabbitmq-server" ] && [ -x "$RABBIT_SBIN/rabbitmqctl" ] && command -v epmd >/dev/null 2>&1; } ||
    missing+=(rabbitmq-server)
  find_pg_bin || missing+=(postgresql)
  [ "${ENGINES_WITH_CHROMIUM:-0}" != 1 ] || [ -x "$CHROMIUM" ] || missing+=(chromium)
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
    [ "${ENGINES_WITH_CHROMIUM:-0}" != 1 ] || [ -x "$CHROMIUM" ] || fail_with_log "$CHROMIUM missing after install" "$apt_log"
  fi
  id -u postgres >/dev/null 2>&1 || { err "no 'postgres' system user (is the postgresql package installed?)"; exit 1; }
  id -u rabbitmq >/dev/null 2>&1 || { err "no 'rabbitmq' system user (is rabbitmq-server installed?)"; exit 1; }
}

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
  opts+="${ENGINES_POSTGRES_OPTIONS:+ $ENGINES_POSTGRES_OPTIONS}" # e.g. the benchmark's pg_stat_statements
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
export ERL_CRASH_DUMP=$r/log/erl_crash.dump # never in the working directory
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

engines_start() { # mktemp prefix, e.g. /tmp/hubtest
  WORK="$(mktemp -d "$1.XXXXXXXX")"
  chmod 755 "$WORK" # the postgres and rabbitmq users must reach their subdirectories
  engines_install

  local t0
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
}
