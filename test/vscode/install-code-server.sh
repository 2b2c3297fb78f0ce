#!/usr/bin/env bash
# Installs code-server (VS Code 1.100.3 server + web workbench, the last release on Node 20) into a cache
# folder, the way ../shared/vscode-testing.md describes: the plain `npm install` fails here because the
# kerberos addon needs libkrb5-dev and @vscode/ripgrep downloads rg from GitHub.
# Usage: install-code-server.sh [cache-root]   (prints the code-server package folder on success)
# The cache root is the argument, else $CORS_GUARD_CACHE (CI points it outside the clone, so a machine
# installs it once), else .cache/ in the repository.
set -euo pipefail
VERSION=4.100.3
ROOT="${1:-${CORS_GUARD_CACHE:-$(cd "$(dirname "$0")/../.." && pwd)/.cache}}"
DEST="$ROOT/code-server-$VERSION"
PKG="$DEST/node_modules/code-server"
if [ -f "$DEST/.complete" ]; then echo "$PKG"; exit 0; fi

need=()
for bin in rg chromium; do command -v "$bin" >/dev/null || need+=("$bin"); done
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
if [ "${#need[@]}" -gt 0 ]; then
  pkgs=()
  for n in "${need[@]}"; do case "$n" in rg) pkgs+=(ripgrep) ;; *) pkgs+=("$n") ;; esac; done
  echo "installing Debian packages: ${pkgs[*]}" >&2
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${pkgs[@]}" >&2
fi

rm -rf "$DEST"
mkdir -p "$DEST"
cd "$DEST"
echo '{"name":"code-server-cache","private":true}' > package.json
echo "installing code-server@$VERSION into $DEST" >&2
npm install --no-audit --no-fund --ignore-scripts "code-server@$VERSION" >&2
(cd node_modules && npm rebuild argon2 >&2) || (cd "$DEST" && npm rebuild argon2 >&2)

cd "$PKG/lib/vscode"
npm install --no-audit --no-fund --omit=dev --ignore-scripts >&2
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm_config_yes=true npm rebuild >&2

# What code-server's postinstall.sh does after its own npm step.
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
cd extensions
npm install --no-audit --no-fund --omit=dev >&2
touch "$DEST/.complete"
echo "$PKG"
