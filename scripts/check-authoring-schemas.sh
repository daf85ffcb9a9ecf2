#!/usr/bin/env bash
# Validates every file of the default catalog against the authoring schemas editors use
# (docs/schemas/, printed by 'errdocs schema'), with check-jsonschema, after checking the schemas
# themselves against the JSON Schema 2020-12 metaschema.
set -euo pipefail
validator=${1:?usage: check-authoring-schemas.sh CHECK_JSONSCHEMA}
"$validator" --check-metaschema docs/schemas/catalog.schema.json docs/schemas/error.schema.json
"$validator" --schemafile docs/schemas/catalog.schema.json Content/catalog.yaml
find Content/errors -name '*.yaml' -print0 | xargs -0 "$validator" --schemafile docs/schemas/error.schema.json
echo "Content/: every file valid against docs/schemas/"
