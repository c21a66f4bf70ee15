#!/usr/bin/env bash
# Builds a release asynclint and validates the bundled example documents.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)"
./build/release/asynclint validate testdata/valid/order-producer.yaml testdata/valid/order-fulfillment.yaml
