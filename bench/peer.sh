#!/usr/bin/env bash
# Our build against AOE's Technology Radar 4.4.0 on the same content: the table of issue 14.
#
#   bash bench/peer.sh                        # sample + 1000 blips, medians of 5 alternating runs
#   bash bench/peer.sh --runs 3 --cases sample
#   RADAR_PEER_DIR=/somewhere bash bench/peer.sh    # work folder (default ~/.cache/radar-peer)
#
# Needs Node.js (18.17+) with npm, and the npm registry on the first run (npm installs
# aoe_technology_radar@4.4.0 into the work folder, and AOE's first build its Next.js dependencies).
# Later runs reuse them.  Nothing of AOE's lands in the repository.  Details: bench/peer.py.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
py="$here/.venv/bin/python"
if [ ! -x "$py" ]; then
  echo "peer: no $py; make it with: python3 -m venv .venv && .venv/bin/pip install -e '.[test]'" >&2
  exit 2
fi
for tool in node npm; do
  if ! command -v "$tool" >/dev/null; then
    echo "peer: $tool not found; install Node.js 18.17 or newer with npm (Debian: apt-get install nodejs npm)" >&2
    exit 2
  fi
done
exec "$py" "$here/bench/peer.py" "$@"
