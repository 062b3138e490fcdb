#!/usr/bin/env bash
# Prints the bin folder of Node.js VERSION, installing it from the npm registry into .toolchain/node-VERSION/ the first
# time (the `node` package ships the official binary for this platform). Used to test the packages on the Node floor.
set -euo pipefail
version="${1:?usage: scripts/node-at.sh VERSION}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
prefix="$root/.toolchain/node-$version"
bin="$prefix/node_modules/.bin"
if [ ! -x "$bin/node" ] || [ "$("$bin/node" -v 2>/dev/null)" != "v$version" ]; then
  echo "[acpt] installing Node $version into .toolchain/node-$version/ (one time)" >&2
  mkdir -p "$prefix"
  echo '{"private":true}' >"$prefix/package.json"
  npm install --prefix "$prefix" --save-exact --no-audit --no-fund --loglevel=error "node@$version" >&2
fi
echo "$bin"
