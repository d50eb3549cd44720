#!/usr/bin/env bash
# Cold start to first painted frame: the app (on the sample network) against a minimal JavaFX window, same JVM,
# same class path, under Xvfb. Prints the median of N runs of each and the ratio (goal: app <= 1.5x minimal),
# and when the app's first frame with the sample network drawn came (it opens the design after its first frame).
#   packaging/measure-startup.sh [N]          (needs: mvn package, xvfb-run; apt-get install -y xvfb libgtk-3-0)
#   LAUNCHER=target/package/minet/bin/minet packaging/measure-startup.sh   # the packaged app (CDS) instead
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-7}
[ -f target/minet.jar ] && [ -d target/test-classes/minet/bench ] || mvn -B -q package -DskipTests >&2
cp=target/minet.jar:target/test-classes

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
# One line per run: the first frame's time, and for the app the time the opened design was first painted.
run() { xvfb-run -a -s "-screen 0 1280x800x24" "$@" 2>/dev/null | awk '/^(first|design)-frame-ms /{printf "%s ", $2} END {print ""}' || true; }

app_cmd=(java -Dminet.startupProbe=true -cp "$cp" minet.Launcher)
if [ -n "${LAUNCHER:-}" ]; then app_cmd=(env JAVA_TOOL_OPTIONS=-Dminet.startupProbe=true "$LAUNCHER"); fi

# Alternate the two, so that a change in the machine's load during the runs weighs on both alike.
: > /tmp/minet-min.txt; : > /tmp/minet-app.txt
for i in $(seq "$n"); do
  run java -Dminet.startupProbe=true -cp "$cp" minet.bench.MinimalWindow >> /tmp/minet-min.txt
  run "${app_cmd[@]}" >> /tmp/minet-app.txt
done
min=$(awk 'NF' /tmp/minet-min.txt | cut -d' ' -f1 | median); app=$(awk 'NF' /tmp/minet-app.txt | cut -d' ' -f1 | median)
design=$(awk 'NF >= 2 {print $2}' /tmp/minet-app.txt | median)
echo "minimal JavaFX window: median ${min} ms over $(awk 'NF' /tmp/minet-min.txt | wc -l) runs"
echo "MI Network Designer:   median ${app} ms over $(awk 'NF' /tmp/minet-app.txt | wc -l) runs (its design painted: median ${design} ms)"
awk -v a="$app" -v m="$min" 'BEGIN { printf "ratio: %.2f (goal <= 1.5)\n", a / m }'
