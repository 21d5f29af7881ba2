#!/usr/bin/env bash
# Retrains the inference scoring model on the shared benchmarks and prints leave-one-dataset-out figures.
# Usage: scripts/train-model.sh [benchmarks-dir]   (default ../shared/benchmarks relative to the repo root)
#        scripts/train-model.sh --without DATASET FILE [benchmarks-dir]
#          trains the same way on every dataset but DATASET and writes that model to FILE (the committed model is
#          left alone): run it through a real database with  tacit evaluate --dataset .../DATASET --model FILE
#        scripts/train-model.sh --nested [benchmarks-dir]
#          the strict held-out figures: each dataset scored by the complete model --without it writes (weights and
#          calibration fitted without it), nothing written; report in connector-core/target/model-nested-report.md
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
without=()
nested=0
if [ "${1:-}" = "--nested" ]; then
  nested=1
  shift
elif [ "${1:-}" = "--without" ]; then
  if [ $# -lt 3 ]; then
    echo "usage: scripts/train-model.sh --without DATASET FILE [benchmarks-dir]" >&2
    exit 2
  fi
  out="$(cd "$(dirname "$3")" && pwd)/$(basename "$3")"
  without=(without "$2" "$out")
  shift 3
fi
benchmarks="$(cd "${1:-$root/../shared/benchmarks}" && pwd)"
cd "$root"
mvn -B -o -q -pl connector-core -am compile -DskipTests
classpath_file="$(mktemp)"
trap 'rm -f "$classpath_file"' EXIT
mvn -B -o -q -pl connector-core dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime >/dev/null
classpath="connector-core/target/classes:$(cat "$classpath_file")"
if [ $nested -eq 1 ]; then
  java -Xmx2g -cp "$classpath" io.tacit.inference.scoring.ModelTrainer nested "$benchmarks" \
    connector-core/target/model-nested-report.md
elif [ ${#without[@]} -gt 0 ]; then
  java -Xmx2g -cp "$classpath" io.tacit.inference.scoring.ModelTrainer \
    "${without[0]}" "$benchmarks" "${without[1]}" "${without[2]}"
else
  java -Xmx2g -cp "$classpath" io.tacit.inference.scoring.ModelTrainer \
    "$benchmarks" connector-core/src/main/resources/io/tacit/inference/scoring/model.txt \
    connector-core/target/model-training-report.md
fi
