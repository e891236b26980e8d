#!/usr/bin/env bash
# Install the Debian/Ubuntu packages named as arguments (none: nothing to do), with sudo when
# not root; elsewhere, name them so the user can install their equivalents.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "Please install the equivalents of: $*" >&2
  exit 0
fi
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "Installing system packages: $*"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "$@"
