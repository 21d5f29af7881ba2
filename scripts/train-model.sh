#!/usr/bin/env bash
# Retrains the inference scoring model on the shared benchmarks and prints leave-one-dataset-out figures.
# Usage: scripts/train-model.sh [benchmarks-dir]   (default ../shared/benchmarks relative to the repo root)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
benchmarks="${1:-$root/../shared/benchmarks}"
cd "$root"
mvn -B -o -q -pl connector-core -am compile -DskipTests
classpath_file="$(mktemp)"
trap 'rm -f "$classpath_file"' EXIT
mvn -B -o -q -pl connector-core dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime >/dev/null
java -Xmx2g -cp "connector-core/target/classes:$(cat "$classpath_file")" io.tacit.inference.scoring.ModelTrainer \
  "$benchmarks" connector-core/src/main/resources/io/tacit/inference/scoring/model.txt \
  connector-core/target/model-training-report.md
