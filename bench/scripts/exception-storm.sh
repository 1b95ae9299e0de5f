#!/usr/bin/env bash
# Exception storm: hardening.Storm throws and catches exceptions through instrumented code
# (hardening.Orders) as fast as one worker thread can, for SECONDS, measuring the heap after a full
# GC every 10 s; at the end a thread dies of an uncaught exception whose post-mortem must be kept.
# Runs it without the agent, with capture=uncaught and with capture=all (same JVM options).
#
#   bench/scripts/exception-storm.sh [SECONDS] [JAVA_HOME] [WORK]
#
# WORK: rounds of arithmetic each request does before it fails (default 0: a bare throw loop);
# about 20000 brings one thread down to the issue's rate of ~1,000,000 exceptions a minute.
#
# Needs rdb-agent/target/rdb-agent.jar (mvn -B -pl rdb-agent -am package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-180}
java_home=${2:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}
work_rounds=${3:-0}
work=$PWD/bench/target/storm
mkdir -p "$work/classes" "$work/agent"
[[ -f rdb-agent/target/rdb-agent.jar ]] || { echo "build the agent first: rdb-agent/target/rdb-agent.jar" >&2; exit 1; }
# A copy, so that rebuilding the agent during the runs cannot change the jar under a running JVM.
cp rdb-agent/target/rdb-agent.jar "$work/agent/rdb-agent.jar"
agent=$work/agent/rdb-agent.jar
"$java_home/bin/javac" -g --release 17 -d "$work/classes" -cp "$agent" \
  rdb-agent/src/test/resources/targets/hardening/hardening/{Storm,Orders}.java

echo "JDK: $("$java_home/bin/java" -version 2>&1 | head -1); $seconds s per run; -Xmx256m; 1 worker thread; work=$work_rounds"
for config in none uncaught all; do
  opts=()
  [[ $config != none ]] && opts=("-javaagent:$agent=includes=hardening.Orders*,capture=$config")
  report=$work/storm-$config.tsv
  "$java_home/bin/java" "${opts[@]}" -Xmx256m -cp "$work/classes:$agent" hardening.Storm \
    "$report" "$seconds" 10 1 "$work_rounds" > "$work/storm-$config.out" 2> "$work/storm-$config.err"
  awk -F'\t' -v c="$config" '
    $1=="sample" { heap = heap sprintf(" %d", $3 / 1048576); if (n++ == 0) { t0 = $2; o0 = $4 } t1 = $2; o1 = $4 }
    $1=="ops" { ops = $2 } $1=="millis" { ms = $2 } $1=="kept" { kept = $2 }
    $1=="counter" && ($2=="rateLimited" || $2=="storeEvicted" || $2=="postMortems" || $2=="postMortemsDropped" || $2=="bridgeError" || $2=="storeError") { cs = cs " " $2 "=" $3 }
    $1=="final" { fin = $2 " " $3 " \"" $4 "\" capturedFrames=" $5 " locals=" $6 }
    END {
      printf "%-8s %d exceptions in %d ms: %.0f/s overall, %.0f/s after the first sample (%.1f M/min)\n", c, ops, ms, ops * 1000 / ms, (o1 - o0) * 1000 / (t1 - t0), (o1 - o0) * 60 / (t1 - t0) / 1000
      printf "         heap after GC (MiB, every 10 s):%s\n", heap
      printf "         kept=%s%s\n         final: %s\n", kept, cs, (fin == "" ? "MISSING" : fin)
    }' "$report"
done
