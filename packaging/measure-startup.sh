#!/usr/bin/env bash
# Cold start to first painted frame: the app (on the sample network) against a minimal JavaFX window, same JVM,
# same class path, under Xvfb. Prints the median of N runs of each and the ratio (goal: app <= 1.5x minimal).
#   packaging/measure-startup.sh [N]          (needs: mvn package, xvfb-run; apt-get install -y xvfb libgtk-3-0)
#   LAUNCHER=target/package/minet/bin/minet packaging/measure-startup.sh   # the packaged app (CDS) instead
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-7}
[ -f target/minet.jar ] && [ -d target/test-classes/minet/bench ] || mvn -B -q package -DskipTests >&2
cp=target/minet.jar:target/test-classes

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
run() { xvfb-run -a -s "-screen 0 1280x800x24" "$@" 2>/dev/null | sed -n "s/^first-frame-ms //p" || true; }

app_cmd=(java -Dminet.startupProbe=true -cp "$cp" minet.Launcher)
if [ -n "${LAUNCHER:-}" ]; then app_cmd=(env JAVA_TOOL_OPTIONS=-Dminet.startupProbe=true "$LAUNCHER"); fi

# Alternate the two, so that a change in the machine's load during the runs weighs on both alike.
: > /tmp/minet-min.txt; : > /tmp/minet-app.txt
for i in $(seq "$n"); do
  run java -Dminet.startupProbe=true -cp "$cp" minet.bench.MinimalWindow >> /tmp/minet-min.txt
  run "${app_cmd[@]}" >> /tmp/minet-app.txt
done
min=$(median < /tmp/minet-min.txt); app=$(median < /tmp/minet-app.txt)
echo "minimal JavaFX window: median ${min} ms over $(wc -l < /tmp/minet-min.txt) runs"
echo "MI Network Designer:   median ${app} ms over $(wc -l < /tmp/minet-app.txt) runs"
awk -v a="$app" -v m="$min" 'BEGIN { printf "ratio: %.2f (goal <= 1.5)\n", a / m }'
