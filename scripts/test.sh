#!/usr/bin/env bash
# README command 2: the whole test suite, on SQLite and on PostgreSQL. Installs and
# starts what the tests need (PostgreSQL, Chromium), builds once, then runs every test on
# SQLite and the server tests again on PostgreSQL. The runs start the built XCTest bundle
# themselves, as `swift test --skip-build` would. They run one after the other by default:
# the campaign and browser tests drive real phones, customers and Chromium in real time,
# and two suites side by side on a 2-core machine starve them (a phone registering late, a
# screen pop missed). WAIHU_TEST_PARALLEL=1 runs both at once (each with its own TMPDIR;
# only the PostgreSQL run uses the PostgreSQL database), for a machine with cores to spare.
# Prints each run's closing lines with its failure and skip counts, and the wall time;
# exits non-zero when either run fails.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
scripts/install-deps.sh test
database_url=$(scripts/start-postgres.sh | tail -n 1)

swift build --build-tests
built=$(date +%s)
tests=$(ls -d "$(swift build --build-tests --show-bin-path)"/*PackageTests.xctest)
# Every test class of the server's target, as XCTest selects them: WaihuServerTests.LeadAPITests,…
server_classes=$("$tests" --list-tests | sed -n 's#^\(WaihuServerTests\.[A-Za-z0-9_]*\)/.*#\1#p' | sort -u | paste -sd, -)

work=$(mktemp -d "${TMPDIR:-/tmp}/waihu-test-runs.XXXXXX")
mkdir -p "$work/sqlite" "$work/postgres"

run_postgres() {
  local status=0
  TMPDIR="$work/postgres" WAIHU_TEST_DATABASE="$database_url" \
    "$tests" "$server_classes" >"$work/postgres.log" 2>&1 || status=$?
  echo "$status" >"$work/postgres.status"
  date +%s >"$work/postgres.ended"
}

postgres_job=""
if [ "${WAIHU_TEST_PARALLEL:-0}" = 1 ]; then
  echo "== server tests on PostgreSQL: running in the background, output follows the SQLite run =="
  run_postgres &
  postgres_job=$!
fi

echo "== tests on SQLite =="
sqlite_status=0
env -u WAIHU_TEST_DATABASE TMPDIR="$work/sqlite" "$tests" 2>&1 | tee "$work/sqlite.log" || sqlite_status=$?
sqlite_ended=$(date +%s)

if [ -n "$postgres_job" ]; then
  wait "$postgres_job" || true
else
  echo "== server tests on PostgreSQL: running =="
  postgres_started=$(date +%s)
  run_postgres
fi
postgres_status=$(cat "$work/postgres.status" 2>/dev/null || echo 1)
echo "== server tests on PostgreSQL =="
cat "$work/postgres.log"

# One run's closing line, XCTest's "Executed N tests, with …" (the last one, for the whole
# run), then its skipped tests counted by name. (The tests are XCTest's; none use swift-testing.)
summary() {
  local name=$1 log=$2 status=$3 seconds=$4
  echo "$name (exit $status, $((seconds / 60)) min $((seconds % 60)) s):"
  grep -E "Executed [0-9]+ tests?, with" "$log" | tail -n 1 | sed 's/^[[:space:]]*/  /' || echo "  no XCTest closing line"
  echo "  $(grep -cE "^Test Case '.*' skipped" "$log" || true) skipped"
}
ended=$(date +%s)
echo "== summary =="
summary "SQLite, all tests" "$work/sqlite.log" "$sqlite_status" $((sqlite_ended - built))
summary "PostgreSQL, server tests" "$work/postgres.log" "$postgres_status" $(($(cat "$work/postgres.ended" 2>/dev/null || echo "$ended") - ${postgres_started:-$built}))
echo "wall time: $(((ended - started) / 60)) min $(((ended - started) % 60)) s (build $((built - started)) s)"
# Both runs in the plain closing line: test cases passed, failed and skipped.
count() { cat "$work/sqlite.log" "$work/postgres.log" | grep -cE "^Test Case '.*' $1 \(" || true; }
echo "tests: $(count passed) passed, $(count failed) failed, $(count skipped) skipped"
if [ "$sqlite_status" -eq 0 ] && [ "$postgres_status" -eq 0 ]; then
  rm -rf "$work"
else
  echo "logs and the runs' temporary files (screenshots of failed UI tests) kept in $work"
  exit 1
fi
