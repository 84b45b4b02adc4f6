#!/usr/bin/env bash
# README command 1: install what waihu needs, build it and run `waihu serve` on the
# embedded SQLite database in ./data. Extra arguments go to `waihu serve`
# (e.g. --http-host 0.0.0.0 for agents on other PCs). WAIHU_BUILD=debug builds faster.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh serve
configuration="${WAIHU_BUILD:-release}"
swift build -c "$configuration" --product waihu
exec "$(swift build -c "$configuration" --show-bin-path)/waihu" serve "$@"
