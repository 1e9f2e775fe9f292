#!/usr/bin/env bash
# A PostgreSQL streaming replica (hot standby) of the local Debian cluster, for the tests of
# DATABASE_REPLICA_URLS (docs/DEPLOYMENT.md). Runs as root: it runs pg_ctl as postgres and
# may add one line to the primary's pg_hba.conf.
#
#   replica.sh start     primary ready for replication, then a fresh replica on REPLICA_PORT
#                        (nothing to do if a healthy one already runs); waits until it
#                        accepts connections, is in recovery, refuses writes and streams
#   replica.sh stop      fast shutdown of the replica (its directory stays; start rebuilds it)
#   replica.sh destroy   stop, then remove REPLICA_DIR
#   replica.sh status    running? in recovery? streaming? lag in bytes and seconds.
#                        Exit 0 healthy, 1 running but unhealthy, 3 not running
#   replica.sh primary-stop | primary-start   the Debian cluster on PRIMARY_PORT, for a
#                        "primary down" test (pg_ctlcluster --skip-systemctl-redirect)
#
# Environment: PRIMARY_HOST/PRIMARY_PORT (127.0.0.1/5432), PRIMARY_CLUSTER (main), PG_MAJOR
# (the newest in /etc/postgresql), REPLICA_PORT (5433), REPLICA_DIR (/tmp/nsp-replica).
#
# The primary must allow replication: wal_level >= replica and max_wal_senders >= 4 (Debian's
# defaults; otherwise ALTER SYSTEM and a RESTART of the primary), and a pg_hba.conf line for
# replication connections of user postgres from 127.0.0.1 (added when missing, then a
# reload). The replica is a pg_basebackup of the whole cluster: a second or a few.
#
# No replication slot, on purpose: the replica is rebuilt by every `start` that finds it
# not running (pg_basebackup of a test cluster takes about a second), so a slot would buy
# nothing but a hazard: a slot left behind by a run that died (or whose directory was
# removed) pins WAL on the primary for ever and fills its disk. pg_basebackup -X stream
# carries the WAL written during the copy, and a running replica that loses its primary
# (stop/start, restart) resumes from WAL the primary still has.
set -euo pipefail

PG_MAJOR=${PG_MAJOR:-$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/$PG_MAJOR/bin}
PRIMARY_HOST=${PRIMARY_HOST:-127.0.0.1}
PRIMARY_PORT=${PRIMARY_PORT:-5432}
PRIMARY_CLUSTER=${PRIMARY_CLUSTER:-main}
REPLICA_PORT=${REPLICA_PORT:-5433}
REPLICA_DIR=${REPLICA_DIR:-/tmp/nsp-replica}
DATA="$REPLICA_DIR/data"
RUN="$REPLICA_DIR/run"            # its Unix socket: nothing shared with the Debian cluster
LOG="$REPLICA_DIR/replica.log"
HBA_MARK="# replica.sh: replication from the local replica"

log() { printf '== replica: %s\n' "$*" >&2; }
die() { printf '!! replica: %s\n' "$*" >&2; exit 1; }
as_pg() { (cd / && runuser -u postgres -- "$@"); }
primary_sql() { psql -X -q -A -t -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -c "$1"; }
replica_sql() { psql -X -q -A -t -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -c "$1"; }
primary_up() { "$PG_BIN/pg_isready" -q -h "$PRIMARY_HOST" -p "$PRIMARY_PORT"; }
replica_up() { "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$REPLICA_PORT"; }
# The postmaster of $DATA is alive: its pid file names a live process (not a zombie: a
# killed postmaster may wait a while to be reaped here) started on $DATA. pg_ctl status
# says "running" for a zombie.
replica_pid() {
  local pid stat
  pid=$(head -1 "$DATA/postmaster.pid" 2>/dev/null) || return 1
  [ -n "$pid" ] || return 1
  stat=$(ps -o stat= -p "$pid" 2>/dev/null) || return 1
  case "$stat" in Z*) return 1 ;; esac
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$DATA" || return 1
  echo "$pid"
}
replica_running() { replica_pid >/dev/null; }

[ "$(id -u)" = 0 ] || die "run as root (it edits the primary's pg_hba.conf and runs pg_ctl as postgres)"

primary_start() {
  if primary_up; then log "primary on $PRIMARY_PORT already up"; return; fi
  log "starting the primary ($PG_MAJOR/$PRIMARY_CLUSTER)"
  pg_ctlcluster --skip-systemctl-redirect "$PG_MAJOR" "$PRIMARY_CLUSTER" start
  for _ in $(seq 60); do primary_up && return; sleep 0.5; done
  die "the primary did not come up on $PRIMARY_PORT"
}

primary_stop() {
  if ! primary_up; then log "primary on $PRIMARY_PORT already down"; return; fi
  log "stopping the primary ($PG_MAJOR/$PRIMARY_CLUSTER), fast mode"
  pg_ctlcluster --skip-systemctl-redirect "$PG_MAJOR" "$PRIMARY_CLUSTER" stop -m fast
}

# The primary must have wal_level >= replica, enough WAL senders (pg_basebackup -X stream
# takes two, the running replica one), and a pg_hba.conf line that lets user postgres open
# a *replication* connection from 127.0.0.1: the database "all" does not cover those.
# wal_level / max_wal_senders need a restart; pg_hba.conf only a reload.
ensure_primary() {
  primary_start
  local wal_level senders restart=""
  wal_level=$(primary_sql "SHOW wal_level")
  senders=$(primary_sql "SHOW max_wal_senders")
  if [ "$wal_level" = minimal ]; then
    primary_sql "ALTER SYSTEM SET wal_level = 'replica'" >/dev/null; restart=1
  fi
  if [ "$senders" -lt 4 ]; then
    primary_sql "ALTER SYSTEM SET max_wal_senders = 10" >/dev/null; restart=1
  fi
  if [ -n "$restart" ]; then
    log "primary: wal_level=$wal_level max_wal_senders=$senders -> RESTART to apply ALTER SYSTEM"
    pg_ctlcluster --skip-systemctl-redirect "$PG_MAJOR" "$PRIMARY_CLUSTER" restart -m fast
    for _ in $(seq 60); do primary_up && break; sleep 0.5; done
  else
    log "primary: wal_level=$wal_level max_wal_senders=$senders: no restart needed"
  fi

  if replication_allowed; then
    log "primary: pg_hba.conf already allows replication from $PRIMARY_HOST: no reload needed"
    return
  fi
  local hba
  hba=$(primary_sql "SHOW hba_file")
  if ! grep -qF "$HBA_MARK" "$hba"; then
    [ -f "$hba.replica-sh.orig" ] || cp -p "$hba" "$hba.replica-sh.orig"
    # First match wins: put the line before every other rule. Rewrite in place (cat >) so
    # the file keeps its owner (postgres) and mode (0640).
    local tmp
    tmp=$(mktemp)
    { printf '%s\nhost replication postgres 127.0.0.1/32 trust\n' "$HBA_MARK"; cat "$hba"; } >"$tmp"
    cat "$tmp" >"$hba"
    rm -f "$tmp"
  fi
  primary_sql "SELECT pg_reload_conf()" >/dev/null
  log "primary: added 'host replication postgres 127.0.0.1/32 trust' to $hba, RELOADED"
  for _ in $(seq 20); do replication_allowed && return; sleep 0.25; done
  primary_sql "SELECT line_number, error FROM pg_hba_file_rules WHERE error IS NOT NULL" >&2 || true
  die "replication connections still refused after the reload"
}

replication_allowed() {
  psql -X -q -A -t "host=$PRIMARY_HOST port=$PRIMARY_PORT user=postgres replication=true" \
    -c "IDENTIFY_SYSTEM" >/dev/null 2>&1
}

# Our replica is running, in recovery, a copy of this primary, and refuses writes.
healthy() {
  replica_running && replica_up || return 1
  [ "$(replica_sql 'SELECT pg_is_in_recovery()')" = t ] || return 1
  if primary_up; then
    [ "$(replica_sql 'SELECT system_identifier FROM pg_control_system()')" = \
      "$(primary_sql 'SELECT system_identifier FROM pg_control_system()')" ] || return 1
  fi
  write_refused
}

write_refused() {
  local out
  if out=$(psql -X -q -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -d postgres -v VERBOSITY=verbose \
      -v ON_ERROR_STOP=1 -c "CREATE TABLE replica_sh_write_probe (i int)" 2>&1); then
    die "the replica ACCEPTED a write: $out"
  fi
  grep -q '25006' <<<"$out"   # read_only_sql_transaction
}

# Something else on the replica's port, e.g. an old replica whose directory was deleted
# under it (it then answers pg_isready but refuses every connection): stop it if its
# command line says it runs on our data directory, refuse otherwise.
free_port() {
  local pid
  pid=$(ss -Hltnp "sport = :$REPLICA_PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)
  [ -n "$pid" ] || return 0
  if ! tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "-D $DATA"; then
    die "port $REPLICA_PORT is taken by another process: $(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)"
  fi
  log "stopping an orphaned replica (postmaster $pid) on $REPLICA_PORT"
  kill -QUIT "$pid"   # immediate shutdown: its files may be gone
  for _ in $(seq 40); do
    ss -Hltn "sport = :$REPLICA_PORT" | grep -q . || return 0
    sleep 0.25
  done
  kill -KILL "$pid" 2>/dev/null || true
  sleep 1
}

# Remove REPLICA_DIR, but only one that this script made (or an empty one).
wipe() {
  case "$REPLICA_DIR" in /?*/?*) ;; *) die "REPLICA_DIR=$REPLICA_DIR: give a path like /tmp/nsp-replica" ;; esac
  if [ -d "$REPLICA_DIR" ] && [ -n "$(ls -A "$REPLICA_DIR")" ] && [ ! -f "$REPLICA_DIR/.replica-sh" ]; then
    die "$REPLICA_DIR exists and was not made by replica.sh: not removing it"
  fi
  rm -rf "$REPLICA_DIR"
}

build() {
  local max_connections max_workers max_prepared max_locks max_senders
  # A hot standby refuses to start with any of these below the primary's.
  max_connections=$(primary_sql "SHOW max_connections")
  max_workers=$(primary_sql "SHOW max_worker_processes")
  max_prepared=$(primary_sql "SHOW max_prepared_transactions")
  max_locks=$(primary_sql "SHOW max_locks_per_transaction")
  max_senders=$(primary_sql "SHOW max_wal_senders")

  log "pg_basebackup from $PRIMARY_HOST:$PRIMARY_PORT into $DATA (no slot)"
  wipe
  mkdir -p "$REPLICA_DIR" "$RUN"
  touch "$REPLICA_DIR/.replica-sh"
  chown postgres:postgres "$REPLICA_DIR" "$RUN"
  chmod 0700 "$REPLICA_DIR"
  local started=$SECONDS
  as_pg "$PG_BIN/pg_basebackup" -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -D "$DATA" \
    -X stream -R --checkpoint=fast --no-sync
  log "pg_basebackup took $((SECONDS - started)) s, $(du -sh "$DATA" | cut -f1)"

  # Debian keeps postgresql.conf and pg_hba.conf in /etc, outside the data directory, so
  # the copy has none: the replica gets its own. -R wrote standby.signal and appended
  # primary_conninfo to postgresql.auto.conf.
  cat >"$DATA/postgresql.conf" <<EOF
# replica.sh: a hot standby of $PRIMARY_HOST:$PRIMARY_PORT, for tests
listen_addresses = '127.0.0.1'
port = $REPLICA_PORT
unix_socket_directories = '$RUN'
cluster_name = 'nsp_replica'          # also its application_name in pg_stat_replication
max_connections = $max_connections
max_worker_processes = $max_workers
max_prepared_transactions = $max_prepared
max_locks_per_transaction = $max_locks
max_wal_senders = $max_senders
shared_buffers = 64MB
hot_standby = on
# Tell the primary which rows our queries still see, so long reads are not cancelled
# ("conflict with recovery") when the primary vacuums them away.
hot_standby_feedback = on
# Reconnect quickly once the primary is back (default 5 s).
wal_retrieve_retry_interval = 1s
wal_receiver_status_interval = 1s
# A throw-away copy: no need to survive a power cut.
fsync = off
synchronous_commit = off
full_page_writes = off
log_line_prefix = '%m [%p] %q%u@%d '
log_timezone = 'Etc/UTC'
timezone = 'Etc/UTC'
datestyle = 'iso, mdy'
lc_messages = 'C.UTF-8'
EOF
  printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' >"$DATA/pg_hba.conf"
  : >"$DATA/pg_ident.conf"
  chown postgres:postgres "$DATA/postgresql.conf" "$DATA/pg_hba.conf" "$DATA/pg_ident.conf"
  chmod 0600 "$DATA/pg_hba.conf"
  [ -f "$DATA/standby.signal" ] || die "pg_basebackup -R wrote no standby.signal"
}

wait_streaming() {
  local status=""
  for _ in $(seq 60); do
    status=$(replica_sql "SELECT status FROM pg_stat_wal_receiver" 2>/dev/null || true)
    [ "$status" = streaming ] && return 0
    sleep 0.5
  done
  die "the WAL receiver is '${status:-absent}', not streaming (see $LOG)"
}

# Caught up: the replica has replayed everything the primary had written when we asked.
wait_caught_up() {
  local target
  target=$(primary_sql "SELECT pg_current_wal_lsn()")
  for _ in $(seq 100); do
    [ "$(replica_sql "SELECT pg_last_wal_replay_lsn() >= '$target'::pg_lsn")" = t ] && return 0
    sleep 0.1
  done
  die "the replica has not replayed up to $target after 10 s"
}

start() {
  ensure_primary
  if healthy; then
    log "already running and healthy on $REPLICA_PORT ($DATA)"
    wait_streaming
    return 0
  fi
  if replica_running; then
    log "running but not a healthy copy of this primary: stopping it to rebuild"
    stop
  fi
  free_port
  build
  log "starting the replica on 127.0.0.1:$REPLICA_PORT (log: $LOG)"
  if ! as_pg "$PG_BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start >/dev/null; then
    tail -20 "$LOG" >&2
    die "the replica did not start"
  fi
  for _ in $(seq 60); do replica_up && break; sleep 0.5; done
  replica_up || die "the replica does not accept connections"
  [ "$(replica_sql 'SELECT pg_is_in_recovery()')" = t ] || die "the replica is not in recovery"
  write_refused || die "a write on the replica failed, but not as read-only (25006)"
  wait_streaming
  wait_caught_up
  log "ready: 127.0.0.1:$REPLICA_PORT in recovery, streaming, writes refused (25006)"
}

stop() {
  local pid
  if ! pid=$(replica_pid); then log "not running"; return 0; fi
  if as_pg "$PG_BIN/pg_ctl" -D "$DATA" -m fast -w -t 30 stop >/dev/null; then
    log "stopped"
    return 0
  fi
  log "fast shutdown timed out: immediate shutdown (SIGQUIT) of pid $pid"
  kill -QUIT "$pid" 2>/dev/null || true
  for _ in $(seq 20); do replica_running || { log "stopped"; return 0; }; sleep 0.5; done
  kill -KILL "$pid" 2>/dev/null || true
  log "killed pid $pid"
}

status() {
  if ! replica_running; then
    echo "replica: not running ($DATA)"
    return 3
  fi
  local rc=0
  echo "replica: running, data $DATA, port $REPLICA_PORT"
  replica_sql "SELECT 'in recovery: ' || pg_is_in_recovery()" || rc=1
  replica_sql "SELECT 'wal receiver: ' || coalesce((SELECT status || ' from ' || sender_host
      || ':' || sender_port FROM pg_stat_wal_receiver), 'none (primary unreachable?)')" || rc=1
  replica_sql "SELECT 'last replayed transaction: ' || coalesce(
      round(extract(epoch FROM now() - pg_last_xact_replay_timestamp())::numeric, 3)::text
      || ' s ago', 'none yet')" || rc=1
  if primary_up; then
    local lsn
    lsn=$(replica_sql "SELECT pg_last_wal_replay_lsn()")
    primary_sql "SELECT 'replay lag: ' || pg_wal_lsn_diff(pg_current_wal_lsn(), '$lsn') || ' bytes'" || rc=1
    primary_sql "SELECT 'primary sees: ' || coalesce((SELECT application_name || ' ' || state
      || ', replay_lag ' || coalesce(replay_lag::text, '0') FROM pg_stat_replication LIMIT 1),
      'no WAL sender')" || rc=1
  else
    echo "primary: down"
  fi
  if write_refused; then echo "writes: refused (25006)"; else echo "writes: NOT refused"; rc=1; fi
  [ "$(replica_sql 'SELECT pg_is_in_recovery()')" = t ] || rc=1
  return $rc
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  destroy) stop; wipe; log "removed $REPLICA_DIR" ;;
  status) status ;;
  primary-stop) primary_stop ;;
  primary-start) primary_start ;;
  *) echo "usage: $0 start|stop|status|destroy|primary-stop|primary-start" >&2; exit 2 ;;
esac
