#!/usr/bin/env bash
# Pack the app folder built by build.sh as a Debian package: /opt/followup-desk, commands in
# /usr/bin, menu entry, AppStream metainfo and icons in /usr/share.
#
#   packaging/linux/build_deb.sh      -> dist/followup-desk_VERSION_ARCH.deb
set -euo pipefail
cd "$(dirname "$0")/../.."

PYTHON=${PYTHON:-python3}
app=dist/followup-desk
if [ ! -x "$app/followup-desktop" ]; then
  echo "build_deb: $app is missing; run packaging/linux/build.sh first" >&2
  exit 1
fi
read -r version app_id < <("$PYTHON" -c \
  'import followup_desktop as f; print(f.__version__.replace("-", "~"), f.APP_ID)')
arch=$(dpkg --print-architecture)
# The bundle runs on the glibc it was built with or a newer one.
glibc=$(getconf GNU_LIBC_VERSION | cut -d" " -f2)
stage=build/deb/root
deb=dist/followup-desk_${version}_${arch}.deb

rm -rf "$stage"
mkdir -p "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" \
  "$stage/usr/share/applications" "$stage/usr/share/metainfo" "$stage/usr/share/icons"
cp -a "$app" "$stage/opt/followup-desk"
ln -s ../../opt/followup-desk/followup-desktop "$stage/usr/bin/followup-desktop"
ln -s ../../opt/followup-desk/followup-desktop "$stage/usr/bin/followup"
install -m 644 "packaging/linux/$app_id.desktop" "$stage/usr/share/applications/"
install -m 644 "packaging/linux/$app_id.metainfo.xml" "$stage/usr/share/metainfo/"
cp -r resources/icons/hicolor "$stage/usr/share/icons/hicolor"
install -D -m 644 "resources/icons/$app_id.svg" \
  "$stage/usr/share/icons/hicolor/scalable/apps/$app_id.svg"
find "$stage/usr/share" -type f -exec chmod 644 {} +
find "$stage" -type d -exec chmod 755 {} +

installed_kb=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
# Libraries the bundle takes from the system instead of shipping them: PyInstaller never bundles
# libxcb and the OpenGL/EGL/DRM drivers, and the Wayland client libraries belong to the session.
cat > "$stage/DEBIAN/control" <<CONTROL
Package: followup-desk
Version: $version
Architecture: $arch
Maintainer: Follow-up Desk developers <maintainers@followupdesk.org>
Installed-Size: $installed_kb
Section: office
Priority: optional
Depends: libc6 (>= $glibc), libegl1, libgl1, libdrm2, libxcb1, libwayland-client0, libwayland-cursor0, libwayland-egl1
Recommends: xdg-utils, fonts-dejavu-core
Description: job search tracker that makes you follow up
 Follow-up Desk keeps every job application with its stage, the people
 you spoke to and the next step you promised. It reminds you when a
 follow-up is due and helps you write it, down to a handwritten-style
 thank-you note printed or saved as a PDF.
CONTROL

dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
echo "built $deb: $(du -sm "$deb" | cut -f1) MB"
