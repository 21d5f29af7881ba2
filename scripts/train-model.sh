#!/usr/bin/env bash
# Retrains the inference scoring model on the shared benchmarks and prints leave-one-dataset-out figures,
# through `tacit train` (tacit-benchmarks' io.tacit.training.ModelTrainer).
# Usage: scripts/train-model.sh [benchmarks-dir]   (default ../shared/benchmarks relative to the repo root)
#          writes connector-core/src/main/resources/io/tacit/inference/scoring/model.txt (the committed model);
#          report in tacit-benchmarks/target/model-training-report.md
#        scripts/train-model.sh --without DATASET FILE [benchmarks-dir]
#          trains the same way on every dataset but DATASET and writes that model to FILE (the committed model is
#          left alone): run it through a real database with  tacit evaluate --dataset .../DATASET --model FILE
#        scripts/train-model.sh --nested [benchmarks-dir]
#          the strict held-out figures: each dataset scored by the complete model --without it writes (weights and
#          calibration fitted without it), nothing written; report in tacit-benchmarks/target/model-nested-report.md
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mode=(--out "$root/connector-core/src/main/resources/io/tacit/inference/scoring/model.txt"
      --report "$root/tacit-benchmarks/target/model-training-report.md")
if [ "${1:-}" = "--nested" ]; then
  mode=(--nested --report "$root/tacit-benchmarks/target/model-nested-report.md")
  shift
elif [ "${1:-}" = "--without" ]; then
  if [ $# -lt 3 ]; then
    echo "usage: scripts/train-model.sh --without DATASET FILE [benchmarks-dir]" >&2
    exit 2
  fi
  out="$(cd "$(dirname "$3")" && pwd)/$(basename "$3")"
  mode=(--without "$2" --out "$out")
  shift 3
fi
benchmarks="$(cd "${1:-$root/../shared/benchmarks}" && pwd)"
mkdir -p "$root/tacit-benchmarks/target"
# training runs for minutes: the optimising compiler pays off here (the launcher defaults to the quick one)
TACIT_JAVA_OPTS="-Xmx2g -XX:TieredStopAtLevel=4 ${TACIT_JAVA_OPTS:-}" "$root/tacit" train --benchmarks "$benchmarks" "${mode[@]}"
