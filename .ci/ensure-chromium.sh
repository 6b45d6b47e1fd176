#!/usr/bin/env bash
# The chat example's browser test drives Debian's Chromium through playwright-core (from npm; no
# browser download). Installs Debian's package when it is missing and we may (root, apt-get).
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "keel: the browser test needs Debian's chromium; install it with: sudo apt-get install -y chromium" >&2
  exit 0
fi
echo "keel: installing Debian's chromium for the browser test"
install() { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; }
# A fresh machine may have no package lists yet: update them once if the first try fails.
install 2>/dev/null || { apt-get update -qq && install; } ||
  echo "keel: could not install chromium; the browser test will fail until it is installed" >&2
