#!/usr/bin/env bash
# Builds a self-contained MI Network Designer for this OS: a jlink'ed runtime + jpackage app image (runs on a
# machine with no JDK) and, on Debian/Ubuntu, a .deb. The last line printed is the path of the app's launcher.
#
#   packaging/build.sh              # app image, and a .deb where dpkg-deb + fakeroot exist
#   packaging/build.sh --app-image  # app image only (what CI runs)
#   SKIP_MAVEN=1 packaging/build.sh # reuse target/minet.jar
#
# Windows (MSI) and macOS (DMG) packages are built on those systems; see packaging/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

only_image=0
[ "${1:-}" = "--app-image" ] && only_image=1

JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
JLINK="$JAVA_HOME/bin/jlink"
JPACKAGE="$JAVA_HOME/bin/jpackage"
VERSION=$(sed -n 's:.*<version>\([0-9][0-9.]*\).*</version>.*:\1:p' pom.xml | head -1)

if [ "${SKIP_MAVEN:-0}" != 1 ] || [ ! -f target/minet.jar ]; then
  mvn -B -q package -DskipTests >&2
fi

out=target/package
rm -rf "$out"
mkdir -p "$out/input"
cp target/minet.jar "$out/input/"

# The runtime holds just the JDK modules the jar needs (jdeps), plus those JavaFX and java.util.prefs load
# reflectively. JavaFX itself stays on the class path inside the fat jar.
mods=$("$JAVA_HOME/bin/jdeps" --multi-release 17 --print-module-deps --ignore-missing-deps target/minet.jar)
mods="$mods,java.desktop,java.logging,java.prefs,java.xml,java.management,jdk.zipfs,jdk.charsets,jdk.localedata"
# No --compress: a compressed runtime image loads classes more slowly, and start-up matters more than size.
"$JLINK" --add-modules "$mods" --strip-debug --no-header-files --no-man-pages \
  --output "$out/runtime" >&2

# Class-data sharing, part 1: the runtime's base archive of JDK classes (used wherever the app is installed).
"$out/runtime/bin/java" -Xshare:dump >/dev/null 2>&1

icon=packaging/linux/minet.png
meta=(--name minet --app-version "$VERSION" --vendor "MI Network Designer"
  --description "Designs, validates and fixes the network of an Azure SQL Managed Instance")
[ -f "$icon" ] && meta+=(--icon "$icon")

# A CDS archive that does not match (another install path) is skipped silently rather than warned about.
# C1 only (-XX:TieredStopAtLevel=1): at start-up the optimizing compiler (C2) competes with the UI threads for
# the CPUs and the profiling code it needs runs slower. Measured on 2 vCPUs: first frame ~1590 -> 1150 ms, a 20 MB
# template validated in 1.5 s instead of 2.3 s; validation at Azure's limits takes 8 ms instead of 4 (bar: 100).
# -Dminet.preload=true: the design is read and arranged while JavaFX starts (minet.ui.app.Preload; with class-data
# sharing it drew the design 0.3-0.7 s sooner; the jar, without the archive, does not preload).
"$JPACKAGE" --type app-image --dest "$out" "${meta[@]}" \
  --input "$out/input" --main-jar minet.jar --main-class minet.Launcher --runtime-image "$out/runtime" \
  --java-options '-XX:SharedArchiveFile=$APPDIR/minet.jsa' --java-options '-Xshare:auto' \
  --java-options '-Xlog:cds=off' --java-options '-Xlog:cds+dynamic=off' --java-options '-XX:TieredStopAtLevel=1' \
  --java-options '-Dminet.preload=true' >&2

# On Linux the launcher is a shell script (see packaging/linux/minet-launcher.sh for why), reading the same cfg.
if [ "$(uname -s)" = Linux ]; then
  install -m 755 packaging/linux/minet-launcher.sh "$out/minet/bin/minet"
fi

# Part 2: the app's own classes, from a training run (packaging/linux/make-cds-archive.sh), for the image where
# it is. The script goes into the image: the .deb's postinst runs it again where the package is installed.
install -m 755 packaging/linux/make-cds-archive.sh "$out/minet/lib/make-cds-archive.sh"
"$out/minet/lib/make-cds-archive.sh" || echo "note: no CDS archive made; the app starts without it" >&2

if [ $only_image = 0 ] && command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
  # Without the archive made here, which would not map in /opt/minet: postinst makes one there, prerm removes it.
  rm -rf "$out/deb-image" && mkdir -p "$out/deb-image" && cp -a "$out/minet" "$out/deb-image/"
  rm -f "$out/deb-image/minet/lib/app/minet.jsa"
  "$JPACKAGE" --type deb --dest "$out" "${meta[@]}" --app-image "$out/deb-image/minet" \
    --linux-package-deps libgtk-3-0 --linux-shortcut --linux-menu-group Development \
    --file-associations packaging/linux/minet-file.properties --resource-dir packaging/linux >&2
  ls "$out"/*.deb >&2
fi

echo "$PWD/$out/minet/bin/minet"
