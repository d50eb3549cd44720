#!/usr/bin/env bash
# Writes the VNets, NSGs, route tables and managed instances that Azure Resource Graph shows you as pages of
# `az graph query` (at most 1000 rows each): page-1.json, page-2.json … in the current directory, following the
# skip token. Extra arguments go to az graph query, e.g. --subscriptions SUB… or --management-groups MG.
#   bash packaging/graph-pages.sh [--subscriptions ID…]  &&  java -jar target/minet.jar validate page-*.json
set -euo pipefail
q="resources
| where type in~ ('microsoft.network/virtualnetworks', 'microsoft.network/networksecuritygroups',
                  'microsoft.network/routetables', 'microsoft.sql/managedinstances')
| order by id asc"
rm -f page-*.json
n=1
token=
while :; do
  az graph query -q "$q" --first 1000 ${token:+--skip-token "$token"} -o json "$@" > "page-$n.json"
  # the token is base64: no quote or backslash to unescape (absent or null on the last page)
  token=$(grep -o '"skip_token": *"[^"]*"' "page-$n.json" | sed 's/.*: *"\(.*\)"/\1/' || true)
  [ -z "$token" ] && break
  n=$((n + 1))
done
echo "page-1.json … page-$n.json"
