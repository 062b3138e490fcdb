#!/usr/bin/env bash
# Runs every published package's tests again on the oldest supported Node.js (engines.node), so the floor that the
# packages promise is the floor CI tests. Part of `./task test`; set ACPT_SKIP_NODE_FLOOR=1 to leave it out locally.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[ -z "${ACPT_SKIP_NODE_FLOOR:-}" ] || { echo "[acpt] node floor: skipped (ACPT_SKIP_NODE_FLOOR)"; exit 0; }
floor="$(node -p "require('./package.json').engines.node.replace(/^>=/, '')")"
if [ "$(node -v)" = "v$floor" ]; then echo "[acpt] node floor: the suite already ran on Node $floor"; exit 0; fi
bin="$(bash scripts/node-at.sh "$floor")"
echo "[acpt] package tests on Node $("$bin/node" -v) (the engines floor)"
PATH="$bin:$PATH" pnpm --filter "./packages/*" --workspace-concurrency=1 --reporter-hide-prefix run test
