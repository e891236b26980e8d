#!/usr/bin/env bash
# Build "Follow-up Desk.app" with PyInstaller on macOS and pack it in a versioned disk image.
#
#   packaging/macos/build_dmg.sh   -> dist/Follow-up Desk.app, dist/followup-desk-VERSION-macos-ARCH.dmg
#
# Needs macOS with Xcode's command line tools (codesign, hdiutil) and a Python with the app's
# dependencies and PyInstaller (pip install -e ".[package]"). PyInstaller signs the bundle
# ad hoc. To sign with a Developer ID and notarise, set MACOS_CODESIGN_IDENTITY (the
# certificate's name in the keychain) and NOTARY_PROFILE (a profile stored with
# "xcrun notarytool store-credentials").
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ "$(uname -s)" != "Darwin" ]; then
  echo "build_dmg: this script runs on macOS only" >&2
  exit 1
fi
PYTHON=${PYTHON:-python3}
read -r version app_name < <("$PYTHON" -c \
  'import followup_desktop as f; print(f.__version__, f.APP_NAME)')
arch=$(uname -m)
app="dist/$app_name.app"
dmg="dist/followup-desk-$version-macos-$arch.dmg"

started=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/followup_desktop.spec

if [ -n "${MACOS_CODESIGN_IDENTITY:-}" ]; then
  # Hardened runtime is required for notarisation; sign inside-out via --deep on the bundle.
  codesign --force --deep --options runtime --timestamp \
    --sign "$MACOS_CODESIGN_IDENTITY" "$app"
  codesign --verify --deep --strict "$app"
fi

# The disk image shows the app beside a link to /Applications, to drag it there.
stage=build/dmg
rm -rf "$stage"
mkdir -p "$stage"
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
rm -f "$dmg"
hdiutil create -volname "$app_name" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$dmg"

if [ -n "${MACOS_CODESIGN_IDENTITY:-}" ] && [ -n "${NOTARY_PROFILE:-}" ]; then
  codesign --force --timestamp --sign "$MACOS_CODESIGN_IDENTITY" "$dmg"
  xcrun notarytool submit "$dmg" --keychain-profile "$NOTARY_PROFILE" --wait
  xcrun stapler staple "$dmg"
fi
finished=$(date +%s)

echo "built $app and $dmg in $((finished - started)) s"
echo "app: $(du -sm "$app" | cut -f1) MB, disk image: $(du -sm "$dmg" | cut -f1) MB"
