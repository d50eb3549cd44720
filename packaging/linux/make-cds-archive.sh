#!/bin/sh
# Makes lib/app/minet.jsa, the class-data-sharing archive of the app's own classes, for the place the app image
# is in now: Java 17 maps such an archive only for the class path it was made with. packaging/build.sh runs it
# for the app image, and the .deb's postinst runs it again in /opt/minet. The training run opens the real window
# headless (Monocle) and quits at its first frame (the start-up probe). Without an archive the app still starts,
# only more slowly; the exit status says whether one was made.
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd -P) || exit 1
app=$root/lib/app
scratch=$(mktemp -d) || exit 1
rm -f "$app/minet.jsa"
# Its own config and preferences folders, so that training leaves nothing in the home of whoever runs it.
timeout 180 "$root/lib/runtime/bin/java" -XX:ArchiveClassesAtExit="$app/minet.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dminet.startupProbe=true -Dminet.preload=true \
  -Dminet.config="$scratch/config" -Djava.util.prefs.userRoot="$scratch/prefs" \
  -cp "$app/minet.jar" minet.Launcher >/dev/null 2>&1
rm -rf "$scratch"
[ -f "$app/minet.jsa" ]
