#!/usr/bin/env bash
# Installs Debian's headless Chromium and its WebDriver for the browser tests, when missing.
# Run by `./mvnw verify` (exec-maven-plugin, before the tests). Needs root and apt (as in CI);
# elsewhere it says what to install and leaves the browser tests to skip themselves.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "install-chromium: /usr/bin/chromium or /usr/bin/chromedriver missing; install chromium and chromium-driver (apt)" >&2
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
# Other apt users on the machine hold the lock for a while: wait for it rather than fail.
apt-get -o DPkg::Lock::Timeout=600 update -qq
apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core >/dev/null
/usr/bin/chromium --version
