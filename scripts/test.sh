#!/usr/bin/env bash
# README command 2: the whole test suite, on SQLite and on PostgreSQL. Installs and
# starts what the tests need (PostgreSQL, Chromium), then builds and runs them.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh test
database_url=$(scripts/start-postgres.sh | tail -n 1)

swift build --build-tests
echo "== tests on SQLite =="
swift test --skip-build
echo "== server tests on PostgreSQL =="
WAIHU_TEST_DATABASE="$database_url" swift test --skip-build --filter WaihuServerTests
