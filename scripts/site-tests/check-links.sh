#!/usr/bin/env bash
# Checks the internal links of a built site, never going to the network: LinkChecker crawls
# from index.html (links, <link> and <script> targets, #anchors), then starts again from every
# HTML file the crawl did not reach (pages only the sitemap lists), so every page is
# checked (but 404.html, whose links start at the site root); site_links.py then checks
# stylesheet, Markdown alternate, script and sitemap targets, and 404.html's links.
# Usage: scripts/site-tests/check-links.sh [SITE] [VENV]   (defaults: Site, .build/venv)
set -euo pipefail

site="${1:-Site}"
venv="${2:-.build/venv}"
here="$(cd "$(dirname "$0")" && pwd)"
[ -f "$site/index.html" ] || { echo "check-links: no $site/index.html" >&2; exit 2; }

# LinkChecker run as root drops to user nobody, so it checks a world-readable copy.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
cp -R "$site" "$work/site"
chmod -R a+rX "$work/site"
printf '[filtering]\nignore=\n  ^https?://\n  ^mailto:\n[AnchorCheck]\n' > "$work/linkcheckerrc"

failed=0
crawl() { # crawl NAME START_URL...: LinkChecker, listing every URL it checks in NAME.csv
  local name="$1"; shift
  touch "$work/$name.csv"; chmod 666 "$work/$name.csv"
  if ! "$venv/bin/linkchecker" -f "$work/linkcheckerrc" --no-status --verbose -o none \
      -F "csv/utf-8/$work/$name.csv" "$@" 2> "$work/$name.log"; then
    grep -v 'dropping privileges\|Checking intern URLs only' "$work/$name.log" >&2 || true
    echo "check-links: LinkChecker found errors or warnings (from $name):" >&2
    "$venv/bin/python" "$here/site_links.py" report "$work/site" "$work/$name.csv" >&2
    failed=1
  fi
}

echo "check-links: crawling $site from index.html (internal links only)"
crawl from-index "file://$work/site/index.html"
mapfile -t rest < <("$venv/bin/python" "$here/site_links.py" uncovered "$work/site" "$work/from-index.csv")
if [ "${#rest[@]}" -gt 0 ]; then
  echo "check-links: not reachable from index.html, checked on their own: ${rest[*]#"$work/site/"}"
  crawl rest "${rest[@]/#/file://}"
fi
left=$("$venv/bin/python" "$here/site_links.py" uncovered "$work/site" "$work"/*.csv)
[ -z "$left" ] || { echo "check-links: LinkChecker did not check: $left" >&2; failed=1; }

"$venv/bin/python" "$here/site_links.py" targets "$site" || failed=1

if [ "$failed" -ne 0 ]; then echo "check-links: FAILED" >&2; exit 1; fi
echo "check-links: no broken internal link"
