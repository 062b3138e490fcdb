#!/usr/bin/env bash
# Runs every published package's tests again on the oldest supported Node.js (engines.node), so the floor that the
# packages promise is the floor CI tests. Part of `./task test` in CI (CI set) or with ACPT_NODE_FLOOR=1; a local
# `./task test` leaves it out (it doubles the package tests' time) and says so.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ -z "${CI:-}" ] && [ -z "${ACPT_NODE_FLOOR:-}" ]; then
  echo "[acpt] node floor: package tests on Node 22.19 not run locally (CI runs them; ACPT_NODE_FLOOR=1 to run them here)"
  exit 0
fi
floor="$(node -p "require('./package.json').engines.node.replace(/^>=/, '')")"
if [ "$(node -v)" = "v$floor" ]; then echo "[acpt] node floor: the suite already ran on Node $floor"; exit 0; fi
bin="$(bash scripts/node-at.sh "$floor")"
echo "[acpt] package tests on Node $("$bin/node" -v) (the engines floor)"
PATH="$bin:$PATH" pnpm --filter "./packages/*" --workspace-concurrency=1 --reporter-hide-prefix run test
