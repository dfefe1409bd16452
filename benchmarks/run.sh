#!/usr/bin/env bash
# Builds the JMH jar, runs the suite with short warmups (a few minutes on 2 cores) and prints
# the table of gradient time over primal time and allocation per call.
#
#   benchmarks/run.sh                 everything
#   benchmarks/run.sh 'Gmm|Lse'       only the benchmarks whose name matches (a JMH regex)
#
# RESULTS=file.json keeps JMH's JSON elsewhere; JMH_OPTS adds JMH options (they override the
# forks, warmups and iterations that each *Bench class sets).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
results="${RESULTS:-$here/target/jmh-results.json}"
# Each *Bench class sets one fork and short iterations (longer warmups where the JIT needs them),
# so that the whole suite stays within a few minutes.
opts="${JMH_OPTS:-}"

(cd "$root" && mvn -B -q -Pbench -pl benchmarks -am -DskipTests package)
mkdir -p "$(dirname "$results")"
# shellcheck disable=SC2086 # opts is a list of options on purpose
java -jar "$here/target/jgrad-benchmarks.jar" $opts -prof gc -rf json -rff "$results" "$@"
echo
echo "machine: $(nproc) cores; $(java -version 2>&1 | head -n 1)"
python3 "$here/table.py" "$results"
