#!/usr/bin/env bash
# make bench: release build, synthetic catalogs from generate-catalog, then medians of several
# runs (hyperfine) and peak memory (GNU time) for each measured command: lint, a full build,
# a rebuild with nothing changed, a rebuild after one error changed, and Hugo building the
# same errors as Markdown pages (errdocs' own Markdown twins, with a minimal layout), with the
# errdocs/Hugo ratio. Results are printed and written to bench/results.md with the machine.
#
#   BENCH_SIZES="1000 10000"   catalog sizes (errors); add 100000 for the large run
#   BENCH_RUNS=5               runs per measurement
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${BENCH_SIZES:-"1000 10000"}
runs=${BENCH_RUNS:-5}
sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
if ! command -v hyperfine >/dev/null || [ ! -x /usr/bin/time ] || ! command -v hugo >/dev/null; then
  echo "Installing hyperfine, time and hugo (Debian packages)"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq hyperfine time hugo
fi

swift build -c release --product errdocs >/dev/null
swift build -c release --product generate-catalog >/dev/null
bin=$(swift build -c release --show-bin-path)
work=.build/bench
mkdir -p "$work"

results=bench/results.md
{
  echo "# Benchmark results"
  echo
  echo "Command: \`make bench\` (scripts/bench.sh), release build, median of $runs runs (hyperfine, 1 warm-up)."
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB; $(swift --version 2>&1 | head -1)."
  echo
  echo "| errors | command | median | min | max | peak memory |"
  echo "|---:|---|---:|---:|---:|---:|"
} > "$results"

measure() {  # measure SIZE LABEL COMMAND [PREPARE]: COMMAND and PREPARE are shell strings;
             # PREPARE runs before each run, untimed (hyperfine --prepare)
  local size=$1 label=$2 command=$3 prepare=${4:-}
  local json="$work/hyperfine.json"
  hyperfine --style none --warmup 1 --runs "$runs" ${prepare:+--prepare "$prepare"} --export-json "$json" "$command" >/dev/null
  local rss
  [ -z "$prepare" ] || bash -c "$prepare"
  rss=$( /usr/bin/time -f %M bash -c "$command" 2>&1 >/dev/null | tail -1 )
  python3 - "$json" "$size" "$label" "$rss" >> "$results" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))["results"][0]
size, label, rss = sys.argv[2], sys.argv[3], int(sys.argv[4])
print(f"| {int(size):,} | {label} | {data['median']:.3f} s | {data['min']:.3f} s | {data['max']:.3f} s | {rss / 1024:.0f} MB |")
PY
  tail -1 "$results"
}

median() {  # the median of the last measurement, in seconds
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$work/hyperfine.json"
}

# A Hugo site with the same errors: the Markdown twins errdocs writes, front matter added,
# and a layout of similar size (head, header, sidebar-free body, footer).
hugo_site() {  # hugo_site SITE HUGO_FOLDER
  local site=$1 target=$2
  rm -rf "$target"
  mkdir -p "$target/content/errors" "$target/layouts/_default"
  cat > "$target/hugo.toml" <<'TOML'
baseURL = "https://docs.bench.example/"
title = "Bench API"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]
[markup.goldmark.renderer]
unsafe = false
TOML
  cat > "$target/layouts/_default/baseof.html" <<'HTML'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} · {{ .Site.Title }}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/style.css"></head>
<body><header><a href="/">{{ .Site.Title }}</a></header><main>{{ block "main" . }}{{ end }}</main>
<footer>{{ .Site.Title }}</footer></body></html>
HTML
  echo '{{ define "main" }}<article>{{ .Content }}</article>{{ end }}' > "$target/layouts/_default/single.html"
  echo '{{ define "main" }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}' > "$target/layouts/_default/list.html"
  for page in "$site"/markdown/errors/*.md; do
    local code
    code=$(basename "$page" .md)
    { printf -- '---\ntitle: "%s"\n---\n' "$code"; tail -n +2 "$page"; } > "$target/content/errors/$code.md"
  done
}

for size in $sizes; do
  catalog="$work/catalog-$size"
  if [ ! -f "$catalog/.complete" ]; then
    rm -rf "$catalog"
    "$bin/generate-catalog" "$size" "$catalog"
    touch "$catalog/.complete"
  fi
  measure "$size" "lint" "'$bin/errdocs' lint --quiet '$catalog'"
  site="$work/site-$size"
  measure "$size" "build (full)" "'$bin/errdocs' build '$catalog' --output '$site'" "rm -rf '$site'"
  errdocs_build=$(median)
  measure "$size" "build (nothing changed)" "'$bin/errdocs' build '$catalog' --output '$site'"
  edited=$(find "$catalog/errors" -name '*.yaml' | sort | sed -n 1p)
  cp "$edited" "$work/edited.yaml"
  measure "$size" "build (one error changed)" "'$bin/errdocs' build '$catalog' --output '$site'" \
    "sed -i \"s/^title: .*/title: Edited \$(date +%s%N)/\" '$edited'"
  cp "$work/edited.yaml" "$edited"
  hugo_site "$site" "$work/hugo-$size"
  measure "$size" "hugo (same errors)" "hugo --quiet -s '$work/hugo-$size'" "rm -rf '$work/hugo-$size/public'"
  hugo_build=$(median)
  python3 -c "import sys; print(f'| {int(sys.argv[1]):,} | errdocs/Hugo, full build | {float(sys.argv[2]) / float(sys.argv[3]):.2f}× | | | |')" \
    "$size" "$errdocs_build" "$hugo_build" | tee -a "$results"
done
echo
echo "Written to $results"
