#!/usr/bin/env bash
# Installs the Debian packages waihu needs: `install-deps.sh serve` for running it,
# `install-deps.sh test` for the test suite. Does nothing for packages already there.
set -euo pipefail

serve_packages=(sqlite3)
test_packages=(postgresql sqlite3 chromium chromium-driver fonts-wqy-zenhei sip-tester baresip sox espeak-ng python3-openpyxl)

case "${1:-serve}" in
  serve) wanted=("${serve_packages[@]}") ;;
  test) wanted=("${test_packages[@]}") ;;
  *) echo "usage: $0 serve|test" >&2; exit 2 ;;
esac

missing=()
for package in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v swift >/dev/null; then
  echo "waihu needs the Swift toolchain (swift 6.x) on PATH" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
