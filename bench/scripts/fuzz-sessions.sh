#!/usr/bin/env bash
# Runs the Jazzer fuzz tests in fuzzing mode (JAZZER_FUZZ=1), one test method per Maven run, each for
# the maxDuration its @FuzzTest declares, and prints per test: command, wall time, executions,
# exec/s and result. Findings (crash inputs) stay where Jazzer writes them: review before committing.
#
#   bench/scripts/fuzz-sessions.sh [MODULE:CLASS#METHOD ...]
#
# Without arguments, every fuzz test of rdb-core and rdb-cli.
set -uo pipefail
cd "$(dirname "$0")/../.."
tests=("$@")
if [[ ${#tests[@]} -eq 0 ]]; then
  tests=(
    rdb-core:FrameDecoderFuzzTest#decoderReturnsAMarshallableValueOrRefuses
    rdb-core:FrameDecoderFuzzTest#streamChannelReadsFramesOrRefuses
    rdb-core:DispatcherFuzzTest#everyCallGetsAnAnswerAndTheServerKeepsServing
    rdb-core:HandshakeFuzzTest#serverAcceptsOnlyAClientThatProvesTheTokenAndRefusesAllElseWithAReason
    rdb-core:HandshakeFuzzTest#clientConnectsOnlyToAServerThatProvesTheTokenAndNeverProvesItselfToOneThatDoesNot
    rdb-cli:ExpressionFuzzTest#expressionsNeverFailWithABug
    rdb-cli:DumpFuzzTest#corruptDumpsFailWithOneLine
  )
fi
mkdir -p bench/target/fuzz
for t in "${tests[@]}"; do
  module=${t%%:*}; test=${t#*:}
  log=bench/target/fuzz/${test//[#]/-}.log
  # The modules' junit-platform.properties give every test 120 s; a session runs for its maxDuration.
  command="JAZZER_FUZZ=1 mvn -B -pl $module -am test -Dsurefire.failIfNoSpecifiedTests=false -Djunit.jupiter.execution.timeout.default=15m -Dtest='$test'"
  start=$(date +%s)
  JAZZER_FUZZ=1 mvn -B -pl "$module" -am test -Dsurefire.failIfNoSpecifiedTests=false \
    -Djunit.jupiter.execution.timeout.default=15m -Dtest="$test" > "$log" 2>&1
  rc=$?
  end=$(date +%s)
  done_line=$(grep -aE '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1)
  last_stat=$(grep -aE '^#[0-9]+' "$log" | tail -1)
  result=$([[ $rc -eq 0 ]] && echo "no finding" || echo "FAILED (see $log)")
  printf '%s\n  wall %ds; %s; last status: %s; result: %s\n' "$command" $((end - start)) "${done_line:-no Done line}" \
    "$(sed -E 's/.*(#[0-9]+).*(cov: [0-9]+).*(exec\/s: [0-9]+).*/\1 \2 \3/' <<< "$last_stat")" "$result"
done
