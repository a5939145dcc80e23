#!/bin/sh
# check-package.sh BUILD_DIR CPACK: `cmake --install` puts both programs, the desktop entry and
# the icon in place; `cpack -G DEB` builds a .deb whose Depends are Debian runtime packages.
set -eu
build=$1
cpack=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

DESTDIR="$work/root" cmake --install "$build" --prefix /usr >/dev/null
for f in usr/bin/warmpath usr/bin/warmpath-cli \
         usr/share/applications/org.warmpath.Warmpath.desktop \
         usr/share/icons/hicolor/scalable/apps/org.warmpath.Warmpath.svg \
         usr/share/icons/hicolor/256x256/apps/org.warmpath.Warmpath.png; do
  [ -e "$work/root/$f" ] || fail "cmake --install did not install /$f"
done
"$work/root/usr/bin/warmpath-cli" --version | grep -q '^warmpath-cli ' || fail "installed warmpath-cli does not run"

(cd "$work" && "$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$work/pkg" >/dev/null) || fail "cpack -G DEB failed"
deb=$(ls "$work"/pkg/*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || fail "cpack made no .deb"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for pkg in libqt6widgets6 libqt6gui6 libqt6core6 libqt6svg6 libsqlite3-0 libc6 libstdc++6; do
  echo "$depends" | grep -q "\b$pkg\b" || fail "the .deb does not depend on $pkg"
done
echo "$depends" | grep -q -- '-dev\b' && fail "the .deb depends on a -dev package: $depends"
dpkg-deb -c "$deb" | grep -q './usr/bin/warmpath$' || fail "the .deb lacks /usr/bin/warmpath"
dpkg-deb -c "$deb" | grep -q './usr/share/applications/org.warmpath.Warmpath.desktop' || fail "the .deb lacks the desktop entry"
echo "ok: $(basename "$deb")"
