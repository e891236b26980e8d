#!/usr/bin/env bash
# Install what building and checking the Linux app needs on a fresh Debian/Ubuntu, if missing:
# binutils (PyInstaller reads libraries with objdump), the .desktop and AppStream validators,
# and an X server plus gio to start the built app through its menu entry.
set -euo pipefail

missing=()
command -v objdump >/dev/null || missing+=(binutils)
command -v desktop-file-validate >/dev/null || missing+=(desktop-file-utils)
command -v appstreamcli >/dev/null || missing+=(appstream)
command -v Xvfb >/dev/null || missing+=(xvfb)
command -v gio >/dev/null || missing+=(libglib2.0-bin)
command -v dpkg-deb >/dev/null || missing+=(dpkg)

exec bash "$(dirname "$0")/apt-install-missing.sh" ${missing[@]+"${missing[@]}"}
