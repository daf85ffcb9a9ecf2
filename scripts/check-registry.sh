#!/usr/bin/env bash
# Builds the default catalog into a scratch folder and validates its registry.json against
# the registry.schema.json it ships with, using check-jsonschema (a real JSON Schema 2020-12
# validator), after checking the schema itself against the 2020-12 metaschema.
set -euo pipefail
errdocs=${1:?usage: check-registry.sh ERRDOCS CHECK_JSONSCHEMA}
validator=${2:?usage: check-registry.sh ERRDOCS CHECK_JSONSCHEMA}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$errdocs" build Content --output "$scratch/site" >/dev/null
"$validator" --check-metaschema "$scratch/site/registry.schema.json"
"$validator" --schemafile "$scratch/site/registry.schema.json" "$scratch/site/registry.json"
"$validator" --schemafile "$scratch/site/registry.schema.json" Site/registry.json
echo "registry.json: valid against registry.schema.json"
