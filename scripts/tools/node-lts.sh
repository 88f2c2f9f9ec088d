#!/usr/bin/env bash
# Prints the directory of a Node.js 24 LTS `node` for PATH: the machine's own when it is 24 or newer, else the
# official binary from the npm registry (package node-linux-<arch>), cached per machine like the other tools.
# Node 20 reached end of life on 30/04/2026; CI runs on 24 (issue 14). Usage: PATH="$(scripts/tools/node-lts.sh):$PATH"
set -euo pipefail
NODE_LTS_VERSION=24.22.3

major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -ge 24 ]; then
  dirname "$(command -v node)"
  exit 0
fi

case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "node-lts: no Node $NODE_LTS_VERSION package for $(uname -m); install Node 24 yourself" >&2; exit 1 ;;
esac
cache="${TDKT_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tdkt-flow}/node-v$NODE_LTS_VERSION"
bin="$cache/node_modules/node-linux-$arch/bin"
if [ ! -x "$bin/node" ]; then
  echo "node-lts: fetching node-linux-$arch@$NODE_LTS_VERSION from the npm registry" >&2
  staging="$cache.partial-$$"
  rm -rf "$staging"
  npm install --prefix "$staging" --no-save --no-audit --no-fund --no-package-lock "node-linux-$arch@$NODE_LTS_VERSION" >&2
  # Another run may have finished first; either copy is the same package.
  mv -T "$staging" "$cache" 2>/dev/null || rm -rf "$staging"
fi
"$bin/node" --version >/dev/null
echo "$bin"
