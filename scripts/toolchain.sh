#!/usr/bin/env bash
# Provisions the project's own toolchain (Node 24 and pnpm from the npm registry) into .toolchain/,
# then installs the workspace's dependencies. Idempotent: a second run takes well under a second.
# Source it (". scripts/toolchain.sh") so PATH carries over.
set -euo pipefail
ACPT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The pinned Node (24 LTS) runs pnpm and the tools. ACPT_NODE_VERSION=22.19.0 (say) asks for another Node for
# everything run through ./task: it is installed beside the pinned one (scripts/node-at.sh) and put first on PATH.
ACPT_PINNED_NODE_VERSION="24.21.0"
ACPT_REQUESTED_NODE_VERSION="${ACPT_NODE_VERSION:-$ACPT_PINNED_NODE_VERSION}"
ACPT_NODE_VERSION="$ACPT_PINNED_NODE_VERSION"
ACPT_PNPM_VERSION="11.28.10"
toolbin="$ACPT_ROOT/.toolchain/node_modules/.bin"
export PATH="$toolbin:$ACPT_ROOT/node_modules/.bin:$PATH"

toolchain_ready() {
  [ -x "$toolbin/node" ] && [ -x "$toolbin/pnpm" ] &&
    [ "$("$toolbin/node" -v 2>/dev/null)" = "v$ACPT_NODE_VERSION" ] &&
    [ "$("$toolbin/pnpm" -v 2>/dev/null)" = "$ACPT_PNPM_VERSION" ]
}

if ! toolchain_ready; then
  echo "[acpt] installing Node $ACPT_NODE_VERSION and pnpm $ACPT_PNPM_VERSION into .toolchain/ (one time)" >&2
  mkdir -p "$ACPT_ROOT/.toolchain"
  echo '{"private":true}' >"$ACPT_ROOT/.toolchain/package.json"
  # The system npm (any version) fetches both from the npm registry; nothing else is downloaded.
  npm install --prefix "$ACPT_ROOT/.toolchain" --save-exact --no-audit --no-fund --loglevel=error \
    "node@$ACPT_NODE_VERSION" "pnpm@$ACPT_PNPM_VERSION" >&2
fi

if [ "$ACPT_REQUESTED_NODE_VERSION" != "$ACPT_NODE_VERSION" ]; then
  export PATH="$(bash "$ACPT_ROOT/scripts/node-at.sh" "$ACPT_REQUESTED_NODE_VERSION"):$PATH"
  echo "[acpt] Node $(node -v) first on PATH (ACPT_NODE_VERSION)" >&2
fi

# Dependencies: reinstall only when the lockfile or a manifest changed since the last install.
stamp="$ACPT_ROOT/node_modules/.acpt-install-stamp"
want="$({ cat "$ACPT_ROOT/pnpm-lock.yaml" "$ACPT_ROOT"/package.json "$ACPT_ROOT"/{packages,apps,tooling}/*/package.json 2>/dev/null || true; } | sha256sum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "[acpt] installing dependencies" >&2
  if [ -n "${CI:-}" ]; then
    (cd "$ACPT_ROOT" && pnpm install --frozen-lockfile --reporter=append-only >&2)
  else
    (cd "$ACPT_ROOT" && pnpm install --reporter=append-only >&2)
  fi
  echo "$want" >"$stamp"
fi
