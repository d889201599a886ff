#!/usr/bin/env bash
# Checks the Grafana side of driftwatch:
#   1. the Grafana that docker-compose.yml runs is the version the dashboards are checked against: the
#      grafana/grafana image tag equals @grafana/schema's version in grafana/check/package.json (bump both together);
#   2. every grafana/dashboards/*.json type-checks against that @grafana/schema's Dashboard type
#      (grafana/check/check-dashboard.mjs, installed with `npm ci` into a temporary folder, about 3 s).
# No Grafana server runs here (none is packaged for Debian or npm); the query side of the dashboard (every metric it
# reads is served) is MetricsIntegrationTest's. Installs Debian's nodejs and npm when node is missing and apt-get is
# usable; otherwise skips step 2 with a message.
set -euo pipefail
cd "$(dirname "$0")/.."

grafana_tag="$(sed -n 's/^ *image: *grafana\/grafana:\([^ @]*\).*/\1/p' docker-compose.yml)"
schema_version="$(sed -n 's/^ *"@grafana\/schema": *"\([^"]*\)".*/\1/p' grafana/check/package.json)"
echo "== docker-compose.yml runs grafana/grafana:${grafana_tag:-?}; the dashboards are checked against @grafana/schema ${schema_version:-?}"
if [ -z "$grafana_tag" ] || [ "$grafana_tag" != "$schema_version" ]; then
  echo "grafana/check.sh: FAILED: set the grafana/grafana image tag in docker-compose.yml and @grafana/schema in" \
       "grafana/check/package.json (then refresh its package-lock.json with npm install --package-lock-only) to the same version"
  exit 1
fi

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "grafana/check.sh: installing Debian's nodejs and npm packages"
    apt-get install -y --no-install-recommends nodejs npm >/dev/null \
      || { apt-get update >/dev/null && apt-get install -y --no-install-recommends nodejs npm >/dev/null; } \
      || { echo "grafana/check.sh: SKIPPED the type check: apt-get could not install nodejs and npm"; exit 0; }
  else
    echo "grafana/check.sh: SKIPPED the type check: no node/npm, and apt-get is not usable here (install Node.js 18 or later)"
    exit 0
  fi
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/driftwatch-grafana-check-XXXXXX")"
trap 'rm -rf "$work"' EXIT
cp grafana/check/package.json grafana/check/package-lock.json grafana/check/check-dashboard.mjs "$work/"
dashboards=()
for dashboard in grafana/dashboards/*.json; do
  dashboards+=("$(pwd)/$dashboard")
done
echo "== npm ci (@grafana/schema $schema_version, typescript), then the type check of ${#dashboards[@]} dashboard(s)"
(cd "$work" && npm ci --no-audit --no-fund --loglevel=error >/dev/null && node check-dashboard.mjs "${dashboards[@]}")
echo "grafana/check.sh: OK"
