#!/usr/bin/env bash
# The multi-node tests (and the bench's cluster scenario) start Debian's redis-server on a free
# loopback port of their own. Installs it when it is missing; nothing else is configured.
set -euo pipefail
if command -v redis-server >/dev/null 2>&1; then exit 0; fi
echo "Installing Debian's redis-server for the multi-node tests..."
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq redis-server >/dev/null
# Debian starts a system-wide service on install; the tests never use it.
$SUDO systemctl disable --now redis-server >/dev/null 2>&1 || $SUDO service redis-server stop >/dev/null 2>&1 || true
command -v redis-server >/dev/null
