#!/usr/bin/env bash
# Builds the JMH jar, runs the suite with short warmups (a few minutes on 2 cores) and prints
# the table of gradient time over primal time and allocation per call.
#
#   benchmarks/run.sh                 everything
#   benchmarks/run.sh 'Gmm|Lse'       only the benchmarks whose name matches (a JMH regex)
#
# RESULTS=file.json keeps JMH's JSON elsewhere; JMH_OPTS replaces the default run options.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
results="${RESULTS:-$here/target/jmh-results.json}"
# One fork per benchmark, 4 warmup and 5 measured iterations of half a second: enough for the
# JIT to settle on these sizes, and the whole suite stays within a few minutes.
opts="${JMH_OPTS:--f 1 -wi 4 -w 500ms -i 5 -r 500ms}"

(cd "$root" && mvn -B -q -Pbench -pl benchmarks -am -DskipTests package)
mkdir -p "$(dirname "$results")"
# shellcheck disable=SC2086 # opts is a list of options on purpose
java -jar "$here/target/jgrad-benchmarks.jar" $opts -prof gc -rf json -rff "$results" "$@"
echo
echo "machine: $(nproc) cores; $(java -version 2>&1 | head -n 1)"
python3 "$here/table.py" "$results"
