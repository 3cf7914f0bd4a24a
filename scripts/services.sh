#!/usr/bin/env bash
# Starts the real services tests need, on loopback only, and prints `export` lines for them:
#   eval "$(bash scripts/services.sh start)"   # PostgreSQL 15 (Debian's) and Redis
#   eval "$(bash scripts/services.sh start postgres redis chromium)"   # and Chromium for browser tests
#   bash scripts/services.sh stop
# Used by .ci/run and by benches. Needs root (CI and the dev machines run as root) for apt and
# for running PostgreSQL as the postgres user. Data lives under $SERVICES_DIR (default /tmp/nest-ai-services).
set -euo pipefail
DIR="${SERVICES_DIR:-/tmp/nest-ai-services}"
PG_PORT="${TEST_PG_PORT:-5499}"
REDIS_PORT="${TEST_REDIS_PORT:-6390}"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"

log() { echo "services: $*" >&2; }

start_postgres() {
  [ -n "$PG_BIN" ] || { log "PostgreSQL is not installed (apt-get install postgresql)"; return 1; }
  local data="$DIR/pg"
  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$data" && chown postgres:postgres "$DIR" "$data"
    runuser -u postgres -- "$PG_BIN/initdb" -D "$data" -A trust -U postgres >/dev/null
  fi
  if ! runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$data" -l "$data/log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $data -c max_connections=200" start >/dev/null
  fi
  log "PostgreSQL on 127.0.0.1:$PG_PORT"
  echo "export TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:$PG_PORT/postgres"
}

start_redis() {
  if ! command -v redis-server >/dev/null 2>&1; then
    log "installing redis-server from Debian's packages"
    mkdir -p "$DIR"
    if ! (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server) \
      >"$DIR/apt.log" 2>&1; then
      cat "$DIR/apt.log" >&2
      return 1
    fi
  fi
  mkdir -p "$DIR/redis"
  if ! redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --dir "$DIR/redis" \
      --save '' --appendonly no --logfile "$DIR/redis/log" >&2
    for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
  fi
  log "Redis on 127.0.0.1:$REDIS_PORT"
  echo "export TEST_REDIS_URL=redis://127.0.0.1:$REDIS_PORT"
}

# Debian's Chromium for browser tests (playwright-core drives it; nothing is downloaded from npm).
start_chromium() {
  if ! command -v chromium >/dev/null 2>&1; then
    log "installing chromium from Debian's packages"
    mkdir -p "$DIR"
    if ! (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) \
      >"$DIR/apt-chromium.log" 2>&1; then
      cat "$DIR/apt-chromium.log" >&2
      return 1
    fi
  fi
  log "Chromium at $(command -v chromium)"
  echo "export CHROMIUM_PATH=$(command -v chromium)"
}

stop_all() {
  [ -n "$PG_BIN" ] && [ -f "$DIR/pg/PG_VERSION" ] &&
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$DIR/pg" -m fast stop >/dev/null 2>&1 || true
  command -v redis-cli >/dev/null 2>&1 && redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  log "stopped"
}

case "${1:-}" in
  start)
    shift
    wanted="${*:-postgres redis}"
    for service in $wanted; do
      case "$service" in
        postgres) start_postgres ;;
        redis) start_redis ;;
        chromium) start_chromium ;;
        *) log "unknown service: $service (postgres, redis, chromium)"; exit 2 ;;
      esac
    done
    ;;
  stop) stop_all ;;
  *) echo "usage: bash scripts/services.sh start [postgres] [redis] [chromium] | stop" >&2; exit 2 ;;
esac
