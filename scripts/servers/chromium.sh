#!/usr/bin/env bash
# Installs Debian's Chromium (once) for the browser tests (test/browser, Playwright's playwright-core
# driving /usr/bin/chromium). Playwright's own browser download needs hosts this project cannot
# reach; Debian's package comes from the distribution's mirror through apt-get like any package.
# Cached: seconds when /usr/bin/chromium exists. PORTIN_CHROMIUM_PATH points at another binary.
set -euo pipefail
source "$(dirname "$0")/common.sh"
if [ -n "${PORTIN_CHROMIUM_PATH:-}" ]; then say "using PORTIN_CHROMIUM_PATH=$PORTIN_CHROMIUM_PATH"; exit 0; fi
if [ -x /usr/bin/chromium ]; then say "chromium: cached ($(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium))"; exit 0; fi
command -v apt-get >/dev/null || {
  say "ERROR: /usr/bin/chromium is missing and there is no apt-get to install it."
  say "  Install Chromium and point PORTIN_CHROMIUM_PATH at it, or run the other tests: npx jest --selectProjects unit workflows e2e"
  exit 1
}
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { say "ERROR: installing chromium needs root (apt-get install chromium)"; exit 1; }
  sudo=(sudo -n)
fi
log="$LOCAL_DIR/install-chromium.log"
start=$SECONDS
( while sleep 15; do say "  chromium: still installing ($((SECONDS - start)) s; apt log: $log)"; done ) &
ticker=$!
trap 'kill "$ticker" 2>/dev/null || true' EXIT
say "installing Debian's chromium for the browser tests (apt-get; a few minutes the first time)..."
rc=0
{
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      chromium fonts-liberation
} >"$log" 2>&1 || rc=$?
if [ "$rc" -ne 0 ] || [ ! -x /usr/bin/chromium ]; then
  say "ERROR: apt-get install chromium failed (exit $rc):"
  tail -n 20 "$log" >&2
  exit 1
fi
say "  chromium: installed in $((SECONDS - start)) s ($(/usr/bin/chromium --version 2>/dev/null || true))"
