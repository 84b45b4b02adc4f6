#!/usr/bin/env bash
# Starts the local PostgreSQL cluster (Debian's postgresql package) and makes sure the
# test role and database exist. Prints the URL to use as WAIHU_TEST_DATABASE on stdout
# and nothing else there: whatever the cluster tools say goes to stderr.
set -euo pipefail
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  as_root=""; [ "$(id -u)" -eq 0 ] || as_root="sudo"
  $as_root pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | grep "^$version main" | grep -q online; then
  as_root=""; [ "$(id -u)" -eq 0 ] || as_root="sudo"
  $as_root pg_ctlcluster "$version" main start >&2
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')
for _ in $(seq 1 30); do
  as_postgres pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 1
done
as_postgres psql -q -p "$port" -v ON_ERROR_STOP=1 <<SQL >/dev/null
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'waihu_test') THEN
    CREATE ROLE waihu_test LOGIN PASSWORD 'waihu_test';
  END IF;
END \$\$;
SQL
if ! as_postgres psql -p "$port" -tAc "SELECT 1 FROM pg_database WHERE datname='waihu_test'" | grep -q 1; then
  as_postgres createdb -p "$port" -O waihu_test waihu_test >&2
fi
echo "postgres://waihu_test:waihu_test@127.0.0.1:$port/waihu_test"
