#!/usr/bin/env bash
# Refreshes the in-repository copy of the golden reference values (stats/src/test/resources/golden, read by
# the tests from the classpath) from a golden folder, by default ../shared/golden beside this checkout.
# The values are facts computed with SciPy; check_cli.py stays where it is (it checks `./driftwatch check`
# from the outside and needs no copy). Review `git diff --stat` afterwards and commit the change.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source_dir="${1:-$root/../shared/golden}"
target="$root/stats/src/test/resources/golden"
if [ ! -f "$source_dir/expected.json" ]; then
  echo "refresh-golden: $source_dir has no expected.json; pass the golden folder as the first argument" >&2
  exit 2
fi
rm -rf "$target"
mkdir -p "$target"
(cd "$source_dir" && find . -type f ! -name 'check_cli.py' ! -name '*.pyc' -print0 | xargs -0 cp --parents -t "$target")
chmod -R u+w,a+rX "$target"
echo "refresh-golden: copied $(find "$target" -type f | wc -l) files from $source_dir to ${target#"$root"/}"
git -C "$root" status --short -- "$target"
