#!/usr/bin/env bash
# Validates `errdocs openapi` with openapi-spec-validator (OpenAPI 3.1), for the default catalog
# and for the Problem Details fixture (Tests/ErrorDocsTests/OpenAPI/Fixtures/problem-json).
# Also checks that the validator rejects a broken copy, so a validator that accepts anything
# cannot make this script pass.
set -euo pipefail
errdocs=$(realpath "${1:?usage: check-openapi.sh ERRDOCS VENV}")
venv=${2:?usage: check-openapi.sh ERRDOCS VENV}
validator="$venv/bin/openapi-spec-validator"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

"$errdocs" openapi Content > "$scratch/content.openapi.json"
"$errdocs" openapi Tests/ErrorDocsTests/OpenAPI/Fixtures/problem-json > "$scratch/problem-json.openapi.json"
"$validator" --schema 3.1 "$scratch/content.openapi.json" "$scratch/problem-json.openapi.json"

# A response without its required description.
"$venv/bin/python" - "$scratch/content.openapi.json" "$scratch/broken.openapi.json" <<'PY'
import json, sys
document = json.load(open(sys.argv[1]))
del document["components"]["responses"]["rate_limited"]["description"]
json.dump(document, open(sys.argv[2], "w"))
PY
if "$validator" --schema 3.1 "$scratch/broken.openapi.json" > "$scratch/broken.log" 2>&1; then
  echo "openapi-spec-validator accepted a response without a description" >&2
  exit 1
fi
echo "errdocs openapi: valid OpenAPI 3.1 for Content/ and the problem+json fixture"
