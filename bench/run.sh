#!/usr/bin/env bash
# Kontor benchmark: bench/run.sh S|M|L
#
# Generates (once per size) a database with bench/generate.sql, starts Kontor on it (cold start measured), serves a
# static copy of the home page with nginx as the ceiling, warms up, runs every scenario with wrk (2 threads,
# 32 connections, 50 for writes) and the SSE fan-out driver, and writes bench/results/<date>-<size>.md and .json.
# Everything binds to 127.0.0.1 and stops by itself. Settings (environment):
#   BENCH_DURATION=20  seconds per scenario (10 for S)      BENCH_SSE_CONNECTIONS=10000   BENCH_WARMUP=30 seconds
#   BENCH_JVM_OPTS     JVM flags for Kontor      BENCH_ONLY="home_html api_home"  run only these scenarios
#   BENCH_JAR=path     measure another build (e.g. an older commit, for before/after figures)
#   BENCH_AOT=1        start from the extracted jar with a JDK 25 AOT cache (trained once per build and JVM options)
#   BENCH_LABEL=before suffix of the result files  BENCH_GENERATE_ONLY=1  stop after generating the data
#   BENCH_BUILD=1      rebuild the jar first      BENCH_PEOPLE=200  signed-in people the requests rotate over
set -euo pipefail

SIZE=${1:-S}
cd "$(dirname "$0")/.."
ROOT=$PWD
B=$ROOT/bench
case $SIZE in
  S) POSTS=10000 ;;
  M) POSTS=1000000 ;;
  L) POSTS=10000000 ;;
  *) echo "usage: bench/run.sh S|M|L" >&2; exit 2 ;;
esac
USERS=10000 SPACES=500 TAGS=2000 VOCAB=400000
DATA=$B/data/$SIZE
WORK=$B/work/$SIZE
PORT=${BENCH_PORT:-18080}
NGINX_PORT=$((PORT + 1))
# S is the quick check (under 5 minutes); M and L measure longer
[ "$SIZE" = S ] && DEFAULT_DURATION=10 || DEFAULT_DURATION=20
DURATION=${BENCH_DURATION:-$DEFAULT_DURATION}
WARMUP=${BENCH_WARMUP:-30}
SSE_CONNECTIONS=${BENCH_SSE_CONNECTIONS:-10000}
JVM_OPTS=${BENCH_JVM_OPTS:--XX:+UseParallelGC -Xms512m -Xmx512m -XX:+FlightRecorder --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED}
ONLY=${BENCH_ONLY:-}
PEOPLE=${BENCH_PEOPLE:-200}
STAMP=$(date -u +%Y-%m-%d)
mkdir -p "$WORK" "$B/results"
RESULTS=$WORK/results.jsonl
: > "$RESULTS"

log() { echo "[bench $(date -u +%H:%M:%S)] $*" >&2; }

# --- tools -----------------------------------------------------------------------------------------------------
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v psql >/dev/null || missing+=(postgresql-client)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  apt-get install -y "${missing[@]}" >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
JAVA=""
for j in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
  if [ -x "$j/bin/java" ] && "$j/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
    JAVA=$j/bin/java; break
  fi
done
[ -n "$JAVA" ] || { echo "no JDK >= 21 found" >&2; exit 1; }

JAR=${BENCH_JAR:-$(ls "$ROOT"/target/kontor-*.jar 2>/dev/null | head -1 || true)}
if [ -z "$JAR" ] || { [ -n "${BENCH_BUILD:-}" ] && [ -z "${BENCH_JAR:-}" ]; }; then
  log "building the jar"
  ./mvnw -q -B -DskipTests package
  JAR=$(ls "$ROOT"/target/kontor-*.jar | head -1)
fi

KPID=""
cleanup() {
  [ -n "$KPID" ] && kill "$KPID" 2>/dev/null && wait "$KPID" 2>/dev/null || true
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT

# Spring Boot's AOT cache (JDK 25+, https://docs.spring.io/spring-boot/reference/packaging/aot-cache.html): the jar
# is extracted once per build, a training run stops right after the context refresh and writes the cache, and every
# start then maps the loaded and linked classes from it. BENCH_AOT=0 starts the plain jar.
RUN_JAR=$JAR; AOT_OPTS=""
if [ "${BENCH_AOT:-1}" = 1 ] && "$JAVA" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then
  APP=$B/work/app
  # the cache belongs to one jar and one set of JVM options (a mismatch, e.g. the jdk.jfr module that a recording
  # adds, makes the JVM drop parts of it)
  SUM=$( (sha1sum "$JAR"; echo "$JVM_OPTS") | sha1sum | cut -c1-12)
  if [ ! -f "$APP/$SUM.aot" ]; then
    log "training run for the AOT cache"
    rm -rf "$APP" "$B/work/aot-training"
    "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$APP" > /dev/null
    # shellcheck disable=SC2086
    # the same absolute jar path as the later starts: the cache is only used for the class path it was made with
    "$JAVA" $JVM_OPTS -XX:StartFlightRecording=filename="$B/work/aot-training.jfr",settings=default \
      -XX:AOTCacheOutput="$APP/$SUM.aot" -Dspring.context.exit=onRefresh \
      -jar "$APP/$(basename "$JAR")" --server.port=0 --kontor.data-dir="$B/work/aot-training" > "$B/work/aot-training.log" 2>&1 || true
    rm -rf "$B/work/aot-training"
  fi
  if [ -f "$APP/$SUM.aot" ]; then
    RUN_JAR=$APP/$(basename "$JAR"); AOT_OPTS="-XX:AOTCache=$APP/$SUM.aot"
  else
    log "no AOT cache (see bench/work/aot-training.log): starting the plain jar"
  fi
fi

start_kontor() {
  local t0=$(date +%s.%N)
  # shellcheck disable=SC2086
  "$JAVA" $JVM_OPTS $AOT_OPTS -XX:StartFlightRecording=filename="$WORK/kontor.jfr",settings=default,dumponexit=true \
    -jar "$RUN_JAR" --server.port="$PORT" --server.address=127.0.0.1 --kontor.data-dir="$DATA" \
    --kontor.base-url="http://127.0.0.1:$PORT" > "$WORK/kontor.log" 2>&1 &
  KPID=$!
  for _ in $(seq 1 600); do
    # any answer counts (an empty database redirects to the setup page)
    if curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/login" | grep -qv '^000$'; then
      START_SECONDS=$(echo "$(date +%s.%N) - $t0" | bc)
      log "Kontor up in ${START_SECONDS}s (pid $KPID)"
      return
    fi
    kill -0 "$KPID" 2>/dev/null || { tail -50 "$WORK/kontor.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "Kontor did not start" >&2; exit 1
}

stop_kontor() {
  # graceful stop, but bounded: with thousands of open streams it can take long
  kill "$KPID"
  for _ in $(seq 1 60); do kill -0 "$KPID" 2>/dev/null || break; sleep 1; done
  kill -9 "$KPID" 2>/dev/null || true
  wait "$KPID" 2>/dev/null || true; KPID=""
}

pg_port() { sed -n 4p "$DATA/pg/postmaster.pid"; }
pg_pid() { sed -n 1p "$DATA/pg/postmaster.pid"; }
sql() { psql -X -q -t -A -h 127.0.0.1 -p "$(pg_port)" -U postgres -d postgres -c "$1"; }

# --- data ------------------------------------------------------------------------------------------------------
if [ ! -f "$DATA/.generated" ]; then
  rm -rf "$DATA"; mkdir -p "$DATA"
  log "migrating an empty database"
  start_kontor
  log "generating size $SIZE ($POSTS posts)"
  g0=$(date +%s)
  psql -X -h 127.0.0.1 -p "$(pg_port)" -U postgres -d postgres -v posts=$POSTS -v users=$USERS -v spaces=$SPACES \
    -v tags=$TAGS -v tokens=$USERS -v vocab=$VOCAB -f "$B/generate.sql" > "$WORK/generate.log"
  GEN_SECONDS=$(( $(date +%s) - g0 ))
  echo "$GEN_SECONDS" > "$DATA/.generated"
  log "generated in ${GEN_SECONDS}s"
  stop_kontor
  # the generator writes the tables directly (no search outbox rows): the next start rebuilds the index from them
  rm -rf "$DATA/search"
fi
GEN_SECONDS=$(cat "$DATA/.generated")
if [ -n "${BENCH_GENERATE_ONLY:-}" ]; then exit 0; fi

# --- cold start on the generated data ----------------------------------------------------------------------------
sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || true
# without a search index (fresh data, or one of an older schema) Kontor rebuilds it in the background after start:
# wait for that, so the rebuild does not run under the scenarios (and report how long it took)
start_kontor
COLD_START=$START_SECONDS
for _ in $(seq 1 300); do grep -q "Started KontorApplication" "$WORK/kontor.log" && break; sleep 0.2; done
if grep -q "rebuilding in the background" "$WORK/kontor.log"; then
  log "waiting for the search index rebuild"
  for _ in $(seq 1 1800); do
    grep -q "Search index rebuilt" "$WORK/kontor.log" && break
    sleep 1
  done
fi
REBUILD_LINE=$(grep -o "Search index rebuilt: .*" "$WORK/kontor.log" | tail -1 || true)
[ -n "$REBUILD_LINE" ] && log "$REBUILD_LINE"

# --- sessions, tokens, paths -----------------------------------------------------------------------------------
# 200 different people per scenario (each request takes the next one), so that nothing per person is hot only
# because the same few people ask all the time
log "signing in $PEOPLE people"
python3 "$B/login.py" "http://127.0.0.1:$PORT" 2 "$PEOPLE" > "$WORK/cookies.txt"
: > "$WORK/bearer.txt"; : > "$WORK/writers.txt"
n=0; u=2
while [ $n -lt "$PEOPLE" ]; do [ $((u % 50)) -ne 0 ] && { echo "Authorization: Bearer bench-token-$u" >> "$WORK/bearer.txt"; n=$((n+1)); }; u=$((u+1)); done
# 2,000 writers so that each stays under the per-person posting limit (10 per 10 s) at 1,000 posts/s
n=0; u=100
while [ $n -lt 2000 ]; do [ $((u % 50)) -ne 0 ] && { echo "Authorization: Bearer bench-token-$u" >> "$WORK/writers.txt"; n=$((n+1)); }; u=$((u+1)); done
# search readers: two guests whose only spaces are the 50 busiest (incl. the 5 company-wide ones) and the 5
# company-wide ones, so the permission filter has exactly 50 and 5 spaces; members read every public space as well
sql "delete from space_members where user_id in (50, 100);
     insert into space_members (space_id, user_id, role, joined_at, guest)
       select id, 50, 'MEMBER', now(), true from spaces where id <= 50
       union all select id, 100, 'MEMBER', now(), true from spaces where id <= 5;
     insert into api_tokens (user_id, name, token_hash, scopes)
       select g, 'bench', encode(sha256(convert_to('bench-token-' || g, 'UTF8')), 'hex'), array['read']
       from unnest(array[50, 100]) g
       where not exists (select 1 from api_tokens t where t.user_id = g and t.name = 'bench');" > /dev/null
echo "Authorization: Bearer bench-token-50" > "$WORK/reader50.txt"
echo "Authorization: Bearer bench-token-100" > "$WORK/reader5.txt"
# queries as people type them: words of real post texts (5+ letters, so not stop words), one word (60 %), two
# words of the same post (30 %) or a prefix (10 %)
sql "select body from posts tablesample system (0.5) repeatable (7) where space_id <= 50 limit 3000" \
  | python3 -c '
import random, re, sys, urllib.parse
random.seed(11)
texts = [re.findall(r"\w{5,}", line) for line in sys.stdin]
texts = [t for t in texts if len(t) >= 2]
for _ in range(2000):
    t = random.choice(texts); r = random.random()
    q = random.choice(t) if r < 0.6 else " ".join(random.sample(t, 2)) if r < 0.9 else random.choice(t)[:4] + "*"
    print("/api/v1/search?limit=20&q=" + urllib.parse.quote(q))
' > "$WORK/paths-search.txt"
echo "/" > "$WORK/paths-home.txt"
echo "/api/v1/streams/home" > "$WORK/paths-api.txt"
sql "select '/spaces/' || id || '/posts' from spaces where visibility = 'PUBLIC' order by id limit 20" > "$WORK/paths-space.txt"
sql "select '/posts/' || id from posts where deleted_at is null and space_id between 1 and 5 order by id desc limit 500" > "$WORK/paths-post.txt"
python3 - "$WORK/bodies.txt" <<'EOF'
import json, random, sys
random.seed(7)
words = "Angebot Kunde Lieferung Montage Wartung Prüfstand Qualität Termin Projekt Anlage Steuerung Update".split()
with open(sys.argv[1], "w") as f:
    for i in range(1000):
        body = " ".join(random.choice(words) for _ in range(20)) + f" #bench{i % 20}"
        f.write(json.dumps({"spaceId": str(1 + i % 5), "body": body}, ensure_ascii=False) + "\n")
EOF

# --- nginx ceiling: the same home page as a static file ---------------------------------------------------------
mkdir -p "$WORK/static" "$WORK/nginx"
curl -s -H "$(head -1 "$WORK/cookies.txt")" "http://127.0.0.1:$PORT/" -o "$WORK/static/home.html"
echo "/home.html" > "$WORK/paths-static.txt"
cat > "$WORK/nginx.conf" <<EOF
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $WORK/nginx; proxy_temp_path $WORK/nginx; fastcgi_temp_path $WORK/nginx;
  uwsgi_temp_path $WORK/nginx; scgi_temp_path $WORK/nginx;
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/static; default_type text/html; }
}
EOF
[ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null && sleep 0.5 || true
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK/nginx"

# --- measurement helpers ---------------------------------------------------------------------------------------
ticks() { # CPU ticks of a process and its reaped children
  awk '{print $14+$15+$16+$17}' "/proc/$1/stat"
}
pg_ticks() { # postmaster incl. reaped backends + live backends
  local t; t=$(ticks "$(pg_pid)")
  for c in $(pgrep -P "$(pg_pid)"); do t=$((t + $(awk '{print $14+$15}' "/proc/$c/stat" 2>/dev/null || echo 0))); done
  echo "$t"
}
rss_mb() { awk '/VmRSS/ {printf "%d\n", $2/1024}' "/proc/$KPID/status"; }
# the anonymous part of the RSS (heap, metaspace, code, stacks, buffers): without the file pages of the memory-mapped
# search index, which are page cache the kernel may drop at any time
rss_anon_mb() { awk '/RssAnon/ {printf "%d\n", $2/1024}' "/proc/$KPID/status"; }
pg_pss_mb() {
  local k=0
  for p in $(pg_pid) $(pgrep -P "$(pg_pid)"); do
    k=$((k + $(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)))
  done
  echo $((k / 1024))
}
HZ=$(getconf CLK_TCK)

# measure NAME CMD...: runs CMD, samples Kontor RSS, records CPU use of Kontor and PostgreSQL and CMD's BENCHJSON line
measure() {
  local name=$1; shift
  if [ -n "$ONLY" ] && ! [[ " $ONLY " == *" $name "* ]]; then return; fi
  log "scenario $name"
  local k0 p0 t0 peak=0 peak_anon=0 out
  k0=$(ticks "$KPID"); p0=$(pg_ticks); t0=$(date +%s.%N)
  ( while true; do echo "$(rss_mb) $(rss_anon_mb)"; sleep 1; done ) > "$WORK/rss-$name.txt" 2>/dev/null &
  local sampler=$!
  out=$("$@" 2>"$WORK/$name.err" | grep '^BENCHJSON ' | sed 's/^BENCHJSON //' || true)
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
  local wall k1 p1
  wall=$(echo "$(date +%s.%N) - $t0" | bc); k1=$(ticks "$KPID"); p1=$(pg_ticks)
  peak=$(cut -d' ' -f1 "$WORK/rss-$name.txt" | sort -n | tail -1)
  peak_anon=$(cut -d' ' -f2 "$WORK/rss-$name.txt" | sort -n | tail -1)
  [ -n "$out" ] || out='{"failed":true}'
  printf '{"scenario":"%s","result":%s,"wallSeconds":%s,"kontorCpuCores":%s,"postgresCpuCores":%s,"kontorRssMb":%s,"kontorRssAnonMb":%s,"postgresPssMb":%s}\n' \
    "$name" "$out" "$wall" "$(awk -v t=$((k1 - k0)) -v hz="$HZ" -v w="$wall" 'BEGIN {printf "%.2f", t / hz / w}')" \
    "$(awk -v t=$((p1 - p0)) -v hz="$HZ" -v w="$wall" 'BEGIN {printf "%.2f", t / hz / w}')" "${peak:-0}" "${peak_anon:-0}" "$(pg_pss_mb)" >> "$RESULTS"
}

wrk_run() { # URL_BASE METHOD CREDS PATHS CONNECTIONS [BODIES]
  wrk -t2 -c"$5" -d"${DURATION}s" --latency --timeout 10s -s "$B/wrk/scenario.lua" "$1" -- "$2" "$3" "$4" ${6:-}
}

KONTOR=http://127.0.0.1:$PORT
log "warm-up ${WARMUP}s"
wrk -t2 -c32 -d"${WARMUP}s" -s "$B/wrk/scenario.lua" "$KONTOR" -- GET "$WORK/cookies.txt" "$WORK/paths-home.txt" > /dev/null
wrk -t2 -c32 -d"$((WARMUP / 2))s" -s "$B/wrk/scenario.lua" "$KONTOR" -- GET "$WORK/bearer.txt" "$WORK/paths-api.txt" > /dev/null
wrk -t2 -c32 -d"$((WARMUP / 3))s" -s "$B/wrk/scenario.lua" "$KONTOR" -- GET "$WORK/cookies.txt" "$WORK/paths-post.txt" > /dev/null
if [ -z "$ONLY" ] || [[ " $ONLY " == *" search_"* ]]; then
  # the search code is cold until now; two rounds, so the JIT has compiled it before the first measured one
  wrk -t2 -c32 -d"$((WARMUP / 2))s" -s "$B/wrk/scenario.lua" "$KONTOR" -- GET "$WORK/bearer.txt" "$WORK/paths-search.txt" > /dev/null
  wrk -t2 -c32 -d"$((WARMUP / 2))s" -s "$B/wrk/scenario.lua" "$KONTOR" -- GET "$WORK/reader50.txt" "$WORK/paths-search.txt" > /dev/null
fi

measure nginx_static wrk_run "http://127.0.0.1:$NGINX_PORT" GET "$WORK/cookies.txt" "$WORK/paths-static.txt" 32
measure home_html wrk_run "$KONTOR" GET "$WORK/cookies.txt" "$WORK/paths-home.txt" 32
measure space_html wrk_run "$KONTOR" GET "$WORK/cookies.txt" "$WORK/paths-space.txt" 32
measure post_html wrk_run "$KONTOR" GET "$WORK/cookies.txt" "$WORK/paths-post.txt" 32
measure api_home wrk_run "$KONTOR" GET "$WORK/bearer.txt" "$WORK/paths-api.txt" 32
# writes while 1,000 people hold live streams open (they receive every new post)
"$JAVA" "$B/driver/SseFanout.java" port="$PORT" connections=1000 posts=0 warmup=0 hold=$((DURATION + 10)) \
  > "$WORK/sse-during-writes.json" 2> "$WORK/sse-during-writes.err" &
SSE_BG=$!
sleep 8
measure post_create wrk_run "$KONTOR" POST "$WORK/writers.txt" "$(echo /api/v1/posts > "$WORK/paths-create.txt"; echo "$WORK/paths-create.txt")" 50 "$WORK/bodies.txt"
wait "$SSE_BG" || true
rate_run() { # CREDS PATHS RATE: requests due at a fixed rate (open loop), latency counted from when they were due
  "$JAVA" "$B/driver/RateDriver.java" port="$PORT" headers="$1" paths="$2" rate="$3" seconds="$DURATION" connections=32
}
measure search_reader50_at200 rate_run "$WORK/reader50.txt" "$WORK/paths-search.txt" 200
measure search_reader5_at400 rate_run "$WORK/reader5.txt" "$WORK/paths-search.txt" 400
measure search_reader50 wrk_run "$KONTOR" GET "$WORK/reader50.txt" "$WORK/paths-search.txt" 32
measure search_reader5 wrk_run "$KONTOR" GET "$WORK/reader5.txt" "$WORK/paths-search.txt" 32
measure search_member wrk_run "$KONTOR" GET "$WORK/bearer.txt" "$WORK/paths-search.txt" 32
ulimit -n 20000 2>/dev/null || true
measure sse "$JAVA" -Xss256k "$B/driver/SseFanout.java" port="$PORT" connections="$SSE_CONNECTIONS" posts=30 rate=2 writers=500

# --- report ----------------------------------------------------------------------------------------------------
RSS_END=$(rss_mb)
stop_kontor
python3 "$B/report.py" --size "$SIZE" --results "$RESULTS" --cold-start "$COLD_START" --start-mode "$([ -n "$AOT_OPTS" ] && echo "extracted jar with AOT cache" || echo "plain jar")" --generate-seconds "$GEN_SECONDS" \
  --rss-end "$RSS_END" --db-size "$(du -sm "$DATA/pg" | cut -f1)" --out "$B/results/$STAMP-$SIZE${BENCH_LABEL:+-$BENCH_LABEL}" \
  --label "${BENCH_LABEL:-}" --jar "$(basename "$JAR")" --rebuild "${REBUILD_LINE:-}"
log "wrote bench/results/$STAMP-$SIZE${BENCH_LABEL:+-$BENCH_LABEL}.md and .json"
