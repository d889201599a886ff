#!/usr/bin/env bash
# Checks the Prometheus side of driftwatch with Debian's prometheus package:
#   promtool check config / check rules / test rules on prometheus/, then a real Prometheus scraping a
#   running driftwatch (MetricsIntegrationTest, which starts driftwatch against an embedded broker and the
#   prometheus binary against it, and queries a drift metric through /api/v1/query).
# Installs the package when promtool is missing and apt-get is usable; otherwise skips with a message.
# --rules-only: install and check the files, leave the scrape to a later `mvn verify` (as .ci/run does).
set -euo pipefail
rules_only=false
[ "${1:-}" = "--rules-only" ] && rules_only=true
cd "$(dirname "$0")/.."

if ! command -v promtool >/dev/null || ! command -v prometheus >/dev/null; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "prometheus/check.sh: installing Debian's prometheus package"
    apt-get install -y --no-install-recommends prometheus >/dev/null \
      || { apt-get update >/dev/null && apt-get install -y --no-install-recommends prometheus >/dev/null; } \
      || { echo "prometheus/check.sh: SKIPPED: apt-get could not install prometheus"; exit 0; }
  else
    echo "prometheus/check.sh: SKIPPED: no promtool/prometheus, and apt-get is not usable here (install Debian's prometheus package)"
    exit 0
  fi
fi

echo "== promtool check config prometheus/prometheus.yml"
promtool check config prometheus/prometheus.yml
echo "== promtool check rules prometheus/driftwatch-rules.yml"
promtool check rules prometheus/driftwatch-rules.yml
echo "== promtool test rules prometheus/driftwatch-rules.test.yml"
(cd prometheus && promtool test rules driftwatch-rules.test.yml)

if $rules_only; then
  echo "prometheus/check.sh: rules OK; the scrape runs in mvn verify (MetricsIntegrationTest)"
  exit 0
fi

echo "== a real Prometheus scraping a running driftwatch (MetricsIntegrationTest)"
mvn -B -ntp -q -pl cli -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=MetricsIntegrationTest -Dfailsafe.failIfNoSpecifiedTests=false -Ddriftwatch.prometheus.required=true
echo "prometheus/check.sh: OK"
