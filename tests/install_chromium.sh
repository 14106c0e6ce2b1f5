#!/bin/sh
# Installs Debian's chromium for the report's browser test (tests/test_report.py).
# Idempotent: does nothing when /usr/bin/chromium is already there. Run as root.
set -eu
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "install_chromium.sh: /usr/bin/chromium is missing; run this script as root to install it" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium
