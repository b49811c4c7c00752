#!/usr/bin/env bash
# The chaos run of issue 15, for as long as you like: four standalone nodes on loopback (ports 6601-6604 by
# default), the command line looping load / append / fit linear / fit logistic / fit kmeans / predict, and a node
# killed (SIGKILL) or stopped (SIGTERM) and restarted about every 20 s. Prints the counts at the end; exit 1 if a
# fit differed from its reference, a failure printed more than one line, a command hung, or a model version went
# backwards. Logs (every node start, every command's stdout/stderr) go to client/target/chaos-<millis>/.
#
#   benchmarks/chaos.sh --minutes 60 [--interval 20] [--seed 19] [--port 6601] [--cp-members 0]
#   benchmarks/chaos.sh --scenario kill-down --interval 10 --cp-members 3
#     (nodes 0, 1 and 2 killed for good, 10 s apart, under the same command loop: four members down to one;
#      the kept dataset must have all its rows or be refused in one line, every model version must be kept)
#   MVN="mvn -o" benchmarks/chaos.sh --minutes 5        # how to call Maven (default: mvn)
#
# It runs io.gridlearn.cli.Chaos from the client's test classes (ChaosTest runs its short form), so it compiles
# them once with Maven (-Dhazelcast.version=... passes through MVN_ARGS to pick the Hazelcast version).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
cp_file=client/target/chaos-classpath.txt
if [ ! -f "$cp_file" ] || [ ! -d client/target/test-classes ] || [ -n "${MVN_ARGS:-}" ]; then
  echo "chaos: compiling the client's tests and writing their class path (once)..." >&2
  ${MVN:-mvn} -B -q -ntp ${MVN_ARGS:-} -pl client -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$here/$cp_file" -Dmdep.includeScope=test >&2
fi
cp="client/target/test-classes:client/target/classes:$(cat "$cp_file")"
exec java -Xmx512m -cp "$cp" io.gridlearn.cli.Chaos "$@"
