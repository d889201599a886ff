#!/usr/bin/env bash
# Regenerates the tables of docs/configuration.md from DriftwatchConfig.CONFIG_DEF and AlertsConfig.CONFIG_DEF:
# runs ConfigurationReferenceTest (cli's tests) with -Ddriftwatch.docs.refresh=true, which writes the part
# between the page's markers and leaves the prose around them alone. Review `git diff` afterwards and commit it.
# Extra arguments go to Maven (-o to stay offline).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -B -ntp -q "$@" -pl cli -am test -Dtest=ConfigurationReferenceTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Ddriftwatch.docs.refresh=true
echo "refresh-config-docs: docs/configuration.md rendered from the code"
git -C "$root" status --short -- docs/configuration.md
