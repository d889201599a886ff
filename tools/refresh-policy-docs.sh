#!/usr/bin/env bash
# Regenerates the tables of docs/policy-reference.md from policy/src/main/resources/io/driftwatch/policy/policy.schema.json:
# runs PolicyReferenceTest (policy's tests) with -Ddriftwatch.docs.refresh=true, which writes the part between the
# page's markers and leaves the prose around them alone. Review `git diff` afterwards and commit it.
# Extra arguments go to Maven (-o to stay offline).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -B -ntp -q "$@" -pl policy -am test -Dtest=PolicyReferenceTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Ddriftwatch.docs.refresh=true
echo "refresh-policy-docs: docs/policy-reference.md rendered from the schema"
git -C "$root" status --short -- docs/policy-reference.md
