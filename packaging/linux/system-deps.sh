#!/usr/bin/env bash
# Install what a fresh Debian/Ubuntu needs to build the venv and show Qt windows, if missing.
set -euo pipefail

missing=()
python3 -c "import ensurepip, venv" 2>/dev/null || missing+=(python3-venv)
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
have_lib libEGL.so.1 || missing+=(libegl1)
have_lib libGL.so.1 || missing+=(libgl1)
have_lib libxkbcommon.so.0 || missing+=(libxkbcommon0)
have_lib libxkbcommon-x11.so.0 || missing+=(libxkbcommon-x11-0)
have_lib libxcb-cursor.so.0 || missing+=(libxcb-cursor0)
have_lib libxcb-icccm.so.4 || missing+=(libxcb-icccm4)
have_lib libxcb-keysyms.so.1 || missing+=(libxcb-keysyms1)
have_lib libxcb-shape.so.0 || missing+=(libxcb-shape0)
have_lib libfontconfig.so.1 || missing+=(libfontconfig1)
have_lib libdbus-1.so.3 || missing+=(libdbus-1-3)
have_lib libglib-2.0.so.0 || missing+=(libglib2.0-0)
[ -d /usr/share/fonts/truetype/dejavu ] || missing+=(fonts-dejavu-core)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)

exec bash "$(dirname "$0")/apt-install-missing.sh" ${missing[@]+"${missing[@]}"}
