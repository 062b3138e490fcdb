#!/usr/bin/env bash
# Installs the Debian packages the test suite uses, only when missing: Prometheus (with promtool) for the rules tests
# and the scrape test, Chromium for the report's browser test, tinyproxy for the egress-proxy tests of the Cerebras
# transport, and redis-server for the campaign tests (BullMQ). Needs root (as on this project's machines and CI).
set -euo pipefail
missing=()
command -v prometheus >/dev/null 2>&1 && command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v tinyproxy >/dev/null 2>&1 || missing+=(tinyproxy)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
# An older Node.js than the packages' floor, to test that importing them refuses it with one line (Debian's nodejs).
[ -x /usr/bin/node ] || missing+=(nodejs)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "[acpt] installing Debian packages: ${missing[*]} (one time)" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
