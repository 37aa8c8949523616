#!/usr/bin/env bash
# Runs Strivve's published JavaScript SDK against the simulator CLI (see README.md beside this file).
# Builds the CLI jar when it is missing; needs java, node and npm on the PATH.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/../target/cardsavr-simulator.jar"
if [ ! -f "$jar" ]; then
    (cd "$here/../.." && mvn -B -ntp -q -pl cardsavr-simulator -am package -DskipTests)
fi
cd "$here"
npm ci --no-audit --no-fund --loglevel=error
node check.js "$jar"
