#!/usr/bin/env bash
# Whole-process time of `minet validate` on a generated estate of 500 MI subnets (500 NSGs of 50 rules, 500 route
# tables of 100 routes, 500 instances, 20 subscriptions, as two pages of `az graph query --first 1000`) against
# the same command on the reference design. Alternates the two N times; prints the medians, the ratio (goal <= 3)
# and the estate's peak memory (goal <= 1 GB).
#   packaging/measure-estate.sh [N] [SUBNETS]     (needs: mvn package and test-compile)
#   LAUNCHER=target/package/minet/bin/minet packaging/measure-estate.sh   # the packaged app (CDS, C1) instead
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-5}
subnets=${2:-500}
[ -f target/minet.jar ] && [ -f target/test-classes/minet/bench/Estate.class ] || mvn -B -q package -DskipTests >&2
dir=target/estate-$subnets
[ -f "$dir/page-1.json" ] || java -cp target/minet.jar:target/test-classes minet.bench.Estate "$dir" "$subnets" >/dev/null
cmd=(java -jar target/minet.jar)
if [ -n "${LAUNCHER:-}" ]; then cmd=("$LAUNCHER"); fi

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
# seconds and peak resident KB of one run; exit status 1 (errors found) is expected
timed() { /usr/bin/time -f "%e %M" "$@" >/dev/null 2>/tmp/minet-time.txt || true; tail -1 /tmp/minet-time.txt; }

: > /tmp/minet-ref.txt; : > /tmp/minet-estate.txt
for i in $(seq "$n"); do # alternate, so that a change in the machine's load weighs on both alike
  timed "${cmd[@]}" validate sample-networks/reference.minet.json >> /tmp/minet-ref.txt
  timed "${cmd[@]}" validate "$dir"/page-*.json >> /tmp/minet-estate.txt
done
ref=$(cut -d' ' -f1 /tmp/minet-ref.txt | median); est=$(cut -d' ' -f1 /tmp/minet-estate.txt | median)
mem=$(cut -d' ' -f2 /tmp/minet-estate.txt | sort -n | tail -1)
echo "reference design: median ${ref} s over $n runs"
echo "estate of $subnets MI subnets: median ${est} s over $n runs, peak memory $((mem / 1024)) MB"
awk -v e="$est" -v r="$ref" 'BEGIN { printf "ratio: %.2f (goal <= 3)\n", e / r }'
