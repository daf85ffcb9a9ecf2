#!/usr/bin/env bash
# Generates the four SDK error modules (Swift, TypeScript, Python, Go) for Content/ into a
# temporary folder and checks each with its real toolchain: the generated code must compile
# (swiftc, py_compile, tsc --strict, go vet, gofmt) and pass a small test that reads the shared
# retry table scripts/sdk-tests/retry-cases.json, looks codes up, and counts them against what
# errdocs lint counts in the catalog. Also checks that generating twice gives the same bytes,
# and that the modules for scripts/sdk-tests/edge-catalog (keywords, dots, names of generated
# members, text needing escapes) compile.
# Installs tsc (node-typescript) and go (golang-go) with apt-get when missing.
#
# Usage: scripts/check-sdks.sh ERRDOCS   (RETRY_CASES=other.json overrides the table)
set -euo pipefail
errdocs=${1:?usage: check-sdks.sh ERRDOCS}
tests=$(cd "$(dirname "$0")/sdk-tests" && pwd)
cases=${RETRY_CASES:-$tests/retry-cases.json}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
sudo=""
[ "$(id -u)" = 0 ] || sudo=sudo

need() {
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "Installing $2 (Debian package) for $1"
    $sudo apt-get update -qq && $sudo apt-get install -y -qq "$2"
  fi
}
need tsc node-typescript
need node nodejs
need go golang-go

for language in swift typescript python go; do
  "$errdocs" generate "$language" --output "$scratch/$language" Content >/dev/null
  "$errdocs" generate "$language" --output "$scratch/again/$language" Content >/dev/null
  "$errdocs" generate "$language" --output "$scratch/edge/$language" "$tests/edge-catalog" >/dev/null
done
diff -r "$scratch/again" "$scratch" --exclude again --exclude edge >/dev/null \
  || { echo "generating twice gave different files" >&2; exit 1; }
count=$("$errdocs" lint Content --format json | python3 -c 'import json, sys; print(json.load(sys.stdin)["summary"]["error_definitions"])')
export RETRY_CASES=$cases EXPECTED_CODE_COUNT=$count PYTHONDONTWRITEBYTECODE=1
echo "checking SDKs for $count codes against $cases"

echo "== swift ($(swiftc --version 2>&1 | head -n 1))"
swiftc -swift-version 6 -parse-as-library -typecheck "$scratch/edge/swift/ErrorCode.swift"
swiftc -swift-version 6 "$scratch/swift/ErrorCode.swift" "$tests/main.swift" -o "$scratch/swift/check"
"$scratch/swift/check" "$cases" "$count"

echo "== python ($(python3 --version))"
python3 -m py_compile "$scratch/python/error_codes.py" "$scratch/edge/python/error_codes.py"
PYTHONPATH="$scratch/python" python3 "$tests/test_error_codes.py"

echo "== typescript (tsc $(tsc --version | sed 's/Version //'), node $(node --version))"
options=(--strict --target es2020 --module commonjs)
tsc "${options[@]}" --noEmit "$scratch/typescript/errorCodes.ts" "$scratch/edge/typescript/errorCodes.ts"
cp "$tests/errorcodes_test.ts" "$scratch/typescript/"
tsc "${options[@]}" --outDir "$scratch/typescript/js" "$scratch/typescript/errorCodes.ts" "$scratch/typescript/errorcodes_test.ts"
node "$scratch/typescript/js/errorcodes_test.js"

echo "== go ($(go version))"
for folder in "$scratch/go" "$scratch/edge/go"; do
  printf 'module example.com/errorcodes\n\ngo 1.19\n' > "$folder/go.mod"
done
cp "$tests/errorcodes_test.go" "$scratch/go/"
(cd "$scratch/edge/go" && go vet ./...)
(cd "$scratch/go" && go vet ./... && go test ./...)
unformatted=$(gofmt -l "$scratch/go/errorcodes.go")
[ -z "$unformatted" ] || { echo "gofmt would change the generated Go:" >&2; gofmt -d "$scratch/go/errorcodes.go" | head -n 40 >&2; exit 1; }

echo "SDKs: all four languages pass"
