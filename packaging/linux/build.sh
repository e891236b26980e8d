#!/usr/bin/env bash
# Build the Linux app folder with PyInstaller and pack it as a versioned archive.
#
#   packaging/linux/build.sh           -> dist/followup-desk/ and dist/followup-desk-VERSION-linux-ARCH.tar.gz
#   PYTHON=.venv/bin/python packaging/linux/build.sh
#
# The Python must have the app's dependencies and PyInstaller (pip install -e ".[package]").
set -euo pipefail
cd "$(dirname "$0")/../.."

PYTHON=${PYTHON:-python3}
version=$("$PYTHON" -c 'import followup_desktop; print(followup_desktop.__version__)')
arch=$(uname -m)
app=dist/followup-desk
archive=dist/followup-desk-$version-linux-$arch.tar.gz

started=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/followup_desktop.spec

cat > "$app/INSTALL.txt" <<TEXT
Follow-up Desk $version for Linux ($arch)

Start the app:           ./followup-desktop
Add it to the menu:      ./followup-desktop install-desktop
Take it off the menu:    ./followup-desktop install-desktop --uninstall
Command line:            ./followup-desktop --help

Keep this folder where it is after adding the app to the menu; if you move it, run
install-desktop again from the new place. Your data is not kept here but in
~/.local/share/FollowUpDesk, so replacing this folder with a newer version keeps it.

If the window does not open and the message mentions "xcb", install the system
library it names, e.g. on Debian/Ubuntu: sudo apt install libxcb-cursor0
TEXT

# The bundle holds symbolic links; tar keeps them (a zip would not).
tar -C dist --owner=0 --group=0 --numeric-owner -czf "$archive.partial" followup-desk
mv "$archive.partial" "$archive"
finished=$(date +%s)

echo "built $app in $((finished - started)) s"
echo "app folder: $(du -sm "$app" | cut -f1) MB, archive $archive: $(du -sm "$archive" | cut -f1) MB"
