#!/bin/sh
# Checks a package built by `cargo deb`: it holds the binary, the desktop entry, every
# icon, the MIME types and the AppStream metadata, and depends on the libraries the
# window loads at run time. Used by .ci/run; exits non-zero naming what is missing.
set -eu
deb="${1:?usage: packaging/check-deb.sh target/debian/moodboard_VERSION_ARCH.deb}"
listing=$(dpkg-deb -c "$deb" | awk '{print $6}')
missing=0
for path in \
    ./usr/bin/moodboard \
    ./usr/share/applications/org.moodboard.Moodboard.desktop \
    ./usr/share/metainfo/org.moodboard.Moodboard.metainfo.xml \
    ./usr/share/mime/packages/org.moodboard.Moodboard.xml \
    ./usr/share/icons/hicolor/scalable/apps/org.moodboard.Moodboard.svg \
    ./usr/share/icons/hicolor/16x16/apps/org.moodboard.Moodboard.png \
    ./usr/share/icons/hicolor/24x24/apps/org.moodboard.Moodboard.png \
    ./usr/share/icons/hicolor/32x32/apps/org.moodboard.Moodboard.png \
    ./usr/share/icons/hicolor/48x48/apps/org.moodboard.Moodboard.png \
    ./usr/share/icons/hicolor/64x64/apps/org.moodboard.Moodboard.png \
    ./usr/share/icons/hicolor/128x128/apps/org.moodboard.Moodboard.png \
    ./usr/share/icons/hicolor/256x256/apps/org.moodboard.Moodboard.png; do
    if ! printf '%s\n' "$listing" | grep -qx "$path"; then
        echo "$deb lacks $path" >&2
        missing=1
    fi
done
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libgl1 libegl1 libxkbcommon-x11-0; do
    if ! printf '%s\n' "$depends" | grep -q "$lib"; then
        echo "$deb does not depend on $lib (Depends: $depends)" >&2
        missing=1
    fi
done
# The packaged binary runs and knows its commands.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dpkg-deb -x "$deb" "$tmp"
"$tmp/usr/bin/moodboard" --help | grep -q merge-driver || { echo "the packaged binary does not run" >&2; missing=1; }
[ "$missing" -eq 0 ] && echo "$deb: binary, desktop entry, icons, MIME types and metainfo all there"
exit "$missing"
