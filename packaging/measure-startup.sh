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

# Its own results, config and preferences: several people may measure on one machine, and a window size remembered
# from someone's session (java.util.prefs) must not change what is measured. Every run starts as a first start.
scratch=$(mktemp -d); trap 'rm -rf "$scratch"' EXIT
probe="-Dminet.startupProbe=true -Dminet.config=$scratch/config -Djava.util.prefs.userRoot=$scratch/prefs"
app_cmd=(java $probe -cp "$cp" minet.Launcher)
if [ -n "${LAUNCHER:-}" ]; then app_cmd=(env JAVA_TOOL_OPTIONS="$probe" "$LAUNCHER"); fi

# Alternate the two, so that a change in the machine's load during the runs weighs on both alike.
mins=$scratch/min.txt; apps=$scratch/app.txt
: > "$mins"; : > "$apps"
for i in $(seq "$n"); do
  run java -Dminet.startupProbe=true -cp "$cp" minet.bench.MinimalWindow >> "$mins"
  run "${app_cmd[@]}" >> "$apps"
done
min=$(awk 'NF' "$mins" | cut -d' ' -f1 | median); app=$(awk 'NF' "$apps" | cut -d' ' -f1 | median)
design=$(awk 'NF >= 2 {print $2}' "$apps" | median)
echo "minimal JavaFX window: median ${min} ms over $(awk 'NF' "$mins" | wc -l) runs"
echo "MI Network Designer:   median ${app} ms over $(awk 'NF' "$apps" | wc -l) runs (its design painted: median ${design} ms)"
awk -v a="$app" -v m="$min" 'BEGIN { printf "ratio: %.2f (goal <= 1.5)\n", a / m }'
awk -v a="$design" -v m="$min" 'BEGIN { printf "design painted: %.2f x the minimal window first frame (goal <= 1.5 packaged)\n", a / m }'
