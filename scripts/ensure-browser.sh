#!/usr/bin/env bash
# The dashboard's browser test drives Debian's Chromium, and its screenshot
# needs a font with Chinese glyphs. Installs both when they are missing and
# this user may; otherwise says what to install and fails.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-noto-cjk)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing ${missing[*]} for the dashboard's browser test"
  # Another install running (a second test run, the system's own updates)
  # holds dpkg's lock: wait for it rather than fail.
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 \
    install -y -qq "${missing[@]}" >/dev/null
else
  echo "the dashboard's browser test needs Debian's ${missing[*]}: apt-get install -y ${missing[*]}" >&2
  exit 1
fi
