#!/usr/bin/env bash
# Runs the published test suites of two libraries (commons-collections4 4.4, commons-codec 1.17.1)
# with the JUnit Platform console launcher, once without and once with the rdb agent
# (includes=<library packages>, capture=all), and compares what ran. Figures go to docs/TESTING.md.
#
#   bench/scripts/third-party-suites.sh [JAVA_HOME] [ROUNDS]
#
# Needs rdb-agent/target/rdb-agent.jar (mvn -B -pl rdb-agent -am package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/../.."
java_home=${1:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}
rounds=${2:-1}
work=$PWD/bench/target/third-party
jars=$work/jars
mkdir -p "$jars" "$work/classes" "$work/agent"
[[ -f rdb-agent/target/rdb-agent.jar ]] || { echo "build the agent first: rdb-agent/target/rdb-agent.jar" >&2; exit 1; }
# A copy, so that rebuilding the agent during the runs cannot change the jar under a running JVM.
cp rdb-agent/target/rdb-agent.jar "$work/agent/rdb-agent.jar"
agent=$work/agent/rdb-agent.jar

artifacts=(
  org.junit.platform:junit-platform-console-standalone:1.14.4
  org.junit.vintage:junit-vintage-engine:5.14.4
  junit:junit:4.13.2 org.hamcrest:hamcrest-core:1.3 org.hamcrest:hamcrest:2.2
  org.easymock:easymock:4.0.2 org.objenesis:objenesis:3.4
  org.apache.commons:commons-lang3:3.17.0 commons-io:commons-io:2.16.1
  org.apache.commons:commons-collections4:4.4 org.apache.commons:commons-collections4:4.4:jar:tests
  commons-codec:commons-codec:1.17.1 commons-codec:commons-codec:1.17.1:jar:tests
)
for a in "${artifacts[@]}"; do
  mvn -B -q dependency:copy -Dartifact="$a" -DoutputDirectory="$jars" > /dev/null
done
standalone=$jars/junit-platform-console-standalone-1.14.4.jar
"$java_home/bin/javac" -g --release 17 -d "$work/classes" -cp "$standalone:$agent" \
  rdb-agent/src/test/resources/targets/hardening/hardening/SuiteLauncher.java

common=$jars/junit-platform-console-standalone-1.14.4.jar:$jars/junit-vintage-engine-5.14.4.jar:$jars/junit-4.13.2.jar:$jars/hamcrest-core-1.3.jar:$jars/hamcrest-2.2.jar:$jars/easymock-4.0.2.jar:$jars/objenesis-3.4.jar:$jars/commons-lang3-3.17.0.jar:$jars/commons-io-2.16.1.jar:$work/classes:$agent

# run NAME INCLUDES TEST_JAR LIB_JAR AGENT(yes|no)
run() {
  local name=$1 includes=$2 tests=$3 lib=$4 with=$5 report=$work/$1-$5.tsv
  local agent_arg=()
  [[ $with == yes ]] && agent_arg=("-javaagent:$agent=includes=$includes,capture=all")
  (cd "$work" && "$java_home/bin/java" "${agent_arg[@]}" -Xmx1g -cp "$common:$tests:$lib" hardening.SuiteLauncher \
    "$report" execute --disable-banner --details=none --scan-classpath "$tests" \
    --include-classname='.*Test.*' > "$work/$name-$with.out" 2> "$work/$name-$with.err") || true
  awk -F'\t' -v n="$name" -v w="$with" '$1=="millis"{m=$2} $1=="count"{c=c" "$2"="$3}
    END{printf "%-12s agent=%-3s %7d ms %s\n", n, w, m, c}' "$report"
}

compare() {
  local name=$1
  if diff <(grep -P '^(count|failed)\t' "$work/$name-no.tsv") <(grep -P '^(count|failed)\t' "$work/$name-yes.tsv") > /dev/null; then
    echo "$name: same tests, same outcomes"
  else
    echo "$name: OUTCOMES DIFFER"; diff <(grep -P '^(count|failed)\t' "$work/$name-no.tsv") <(grep -P '^(count|failed)\t' "$work/$name-yes.tsv") || true
  fi
  grep -E '^counter	(transformFailed|bridgeError|storeError|methodsFailed|classesTransformed|methodsInstrumented|framesCaptured|rateLimited|postMortems|postMortemsDropped)	' \
    "$work/$name-yes.tsv" | cut -f2,3 | tr '\t\n' '= ' ; echo
  awk -F'\t' '$1=="millis"{print FILENAME, $2}' "$work/$name-no.tsv" "$work/$name-yes.tsv" \
    | awk '{ms[NR]=$2} END{printf "wall-time ratio (agent/none): %.2f\n", ms[2]/ms[1]}'
}

echo "JDK: $("$java_home/bin/java" -version 2>&1 | head -1)"
for ((r = 1; r <= rounds; r++)); do
  for suite in collections codec; do
    case $suite in
      collections) inc='org.apache.commons.collections4.*'; tj=$jars/commons-collections4-4.4-tests.jar; lj=$jars/commons-collections4-4.4.jar ;;
      codec) inc='org.apache.commons.codec.*'; tj=$jars/commons-codec-1.17.1-tests.jar; lj=$jars/commons-codec-1.17.1.jar ;;
    esac
    run $suite "$inc" "$tj" "$lj" no
    run $suite "$inc" "$tj" "$lj" yes
    compare $suite
  done
done
