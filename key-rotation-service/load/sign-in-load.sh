#!/usr/bin/env bash
# Sign-in load measurement on this machine: a real Kafka broker (KRaft) and a durable PostgreSQL
# (fsync and synchronous commit on), both services from their jars, then the load driver, which
# prints its figures. Everything listens on loopback and stops by itself at the end (or after
# --minutes of the infrastructure's lifetime, default 20). Not part of ./mvnw verify.
#
#   key-rotation-service/load/sign-in-load.sh --terminals 2000 --mode 003 --concurrency 32 --warmup 30 --duration 60
#
# Driver options (see SignInLoad): --concurrency N (closed loop) or --rate R (open loop), --mode,
# --terminals, --warmup, --duration; --sign-in-url http://127.0.0.1:8082 drives the Spring MVC endpoint
# instead of the POSP listener. REGISTRY_JAVA_OPTS and ROTATION_JAVA_OPTS add JVM options (-Dname=value
# settings) to the services, INFRASTRUCTURE_JAVA_OPTS to the broker's JVM (-Dload.pg.<setting>=<value> there
# sets a PostgreSQL server setting, -Dload.kafka.<setting>=<value> a broker setting), DRIVER_JAVA_OPTS to the
# driver's. Logs go to key-rotation-service/target/load/*.log.
#
# --pause-damon (root only) stops the kernel's DAMON monitors (kdamonds) for the run and restarts the
# ones it stopped when the run ends, however it ends. This project's machines run one that samples
# physical memory every 500 ms for proactive reclaim; on their paravirtualised guests every sample
# stalls the processes on both cores (docs/performance.md, session 11). The driver prints the
# monitor's state with its figures either way.
#
# --huge-pages N (root only) reserves N huge pages (vm.nr_hugepages, 2 MiB each) for the run and puts the
# broker's and both services' JVMs (-XX:+UseLargePages: heap and code cache) and PostgreSQL's shared memory
# (huge_pages=on) in them; the monitor does not sample huge pages (docs/performance.md, session 12). 2600
# is enough for the three 1 GiB heaps, their code caches and PostgreSQL; the previous reservation is
# restored when the run ends, however it ends, and the run stops before measuring if a JVM did not get them.
set -euo pipefail
pause_damon=false
huge_pages=""
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --pause-damon) pause_damon=true ;;
    --huge-pages) huge_pages="${2:?--huge-pages wants a number of pages}"; shift ;;
    *) args+=("$1") ;;
  esac
  shift
done
cd "$(dirname "$0")/.."
root=$(cd .. && pwd)
. "$root/.ci/java-home.sh"
java="$JAVA_HOME/bin/java"
dir=target/load
rm -rf "$dir" && mkdir -p "$dir"

# Builds (offline when the repository has everything) the service jars and the driver's classes, and
# writes each module's test classpath beside its classes.
(cd "$root" && ./mvnw -B -q -pl key-rotation-service,terminal-registry-service -am package -DskipTests \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >/dev/null)
cp="target/test-classes:target/classes:$(cat target/test-classpath.txt)"

pids=()
paused=()
huge_pages_before=""
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  for s in "${paused[@]}"; do echo on > "$s" || echo "could not restart the DAMON monitor $s" >&2; done
  if [ -n "$huge_pages_before" ]; then
    echo "$huge_pages_before" > /proc/sys/vm/nr_hugepages || echo "could not restore vm.nr_hugepages to $huge_pages_before" >&2
  fi
}
trap cleanup EXIT
if $pause_damon; then
  for s in /sys/kernel/mm/damon/admin/kdamonds/*/state; do
    [ -e "$s" ] && [ "$(cat "$s")" = on ] || continue
    echo off > "$s" || { echo "cannot pause the DAMON monitor $s (run as root)" >&2; exit 1; }
    paused+=("$s")
  done
fi

# Both services run as they are meant to in production: a fixed heap (-Xms = -Xmx). With only -Xmx, G1
# keeps the heap near 170 MiB under this load, collects the young generation every 0.6 s and runs a
# concurrent marking cycle every 1.3 s; that work competes for the two cores and tripled p99 (run 60
# against runs 58 and 59 in docs/performance.md).
heap="-Xms1g -Xmx1g"
large=""
if [ -n "$huge_pages" ]; then
  huge_pages_before=$(cat /proc/sys/vm/nr_hugepages)
  echo "$huge_pages" > /proc/sys/vm/nr_hugepages || { echo "cannot reserve huge pages (run as root)" >&2; exit 1; }
  reserved=$(cat /proc/sys/vm/nr_hugepages)
  [ "$reserved" -ge "$huge_pages" ] || { echo "the kernel reserved only $reserved of $huge_pages huge pages" >&2; exit 1; }
  large="-XX:+UseLargePages"
fi
# The broker's JVM (it also starts PostgreSQL, as a child process) gets the same, as Kafka's own start
# script gives a broker.
"$java" $heap $large ${large:+-Dload.pg.huge_pages=on} ${INFRASTRUCTURE_JAVA_OPTS:-} -Dlogback.configurationFile=load/logback-driver.xml -cp "$cp" io.keyrail.rotation.load.LoadInfrastructure --dir "$dir" --minutes 20 > "$dir/infrastructure.log" 2>&1 &
pids+=($!)
for _ in $(seq 120); do [ -f "$dir/load.env" ] && break; sleep 1; done
[ -f "$dir/load.env" ] || { echo "infrastructure did not start; see $dir/infrastructure.log" >&2; exit 1; }
set -a; . "$dir/load.env"; set +a

export KEYRAIL_KAFKA_BOOTSTRAP="$KAFKA" KEYRAIL_HSM_LMKS="$LMKS" KEYRAIL_SECURITY_LOCALISSUERPUBLICKEY="$ISSUER_PUBLIC_KEY"
KEYRAIL_REGISTRY_DB_URL="$REGISTRY_DB" KEYRAIL_REGISTRY_DB_USER="$DB_USER" KEYRAIL_REGISTRY_DB_PASSWORD="$DB_PASSWORD" \
  "$java" $heap $large ${REGISTRY_JAVA_OPTS:-} -jar ../terminal-registry-service/target/terminal-registry-service.jar > "$dir/registry.log" 2>&1 &
pids+=($!)
KEYRAIL_ROTATION_DB_URL="$ROTATION_DB" KEYRAIL_ROTATION_DB_USER="$DB_USER" KEYRAIL_ROTATION_DB_PASSWORD="$DB_PASSWORD" \
  "$java" $heap $large ${ROTATION_JAVA_OPTS:-} -jar target/key-rotation-service.jar > "$dir/rotation.log" 2>&1 &
pids+=($!)
for _ in $(seq 120); do
  if curl -sf localhost:8081/actuator/health/readiness >/dev/null && curl -sf localhost:8082/actuator/health/readiness >/dev/null; then
    break
  fi
  sleep 1
done
curl -sf localhost:8082/actuator/health/readiness >/dev/null || { echo "services not ready; see $dir/*.log" >&2; exit 1; }
if [ -n "$large" ] && grep -l "Failed to reserve and commit memory using large pages" "$dir"/{infrastructure,registry,rotation}.log >&2; then
  echo "the JVMs above did not get their huge pages: reserve more with --huge-pages" >&2
  exit 1
fi

# The driver also prints each process's CPU over the measured time: PostgreSQL's server process (first
# line of its pid file) with its backends, the broker's JVM and both services; and the service's own
# sign-in and batch timers over the same time.
postgres=$(head -1 "$dir/postgres/postmaster.pid")
"$java" ${DRIVER_JAVA_OPTS:-} -Dlogback.configurationFile=load/logback-driver.xml -cp "$cp" io.keyrail.rotation.load.SignInLoad --env "$dir/load.env" --seed \
  --processes "postgres=$postgres,broker=${pids[0]},registry=${pids[1]},rotation=${pids[2]}" "${args[@]}" 2>"$dir/driver.log"
metrics=$(curl -sf localhost:8082/actuator/prometheus || true)
echo "$metrics" | grep -E '^keyrail_sign_in_batch_size_(count|sum|max)' || true
