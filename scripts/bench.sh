#!/usr/bin/env bash
# make bench: release build, synthetic catalogs from generate-catalog, then medians of several
# runs (hyperfine) and peak memory (GNU time) for each measured command: lint, a full build,
# a rebuild with nothing changed, a rebuild after one error's text changed, a rebuild after one
# error's title changed (the summary pages and the pages that list it), a rebuild by a new errdocs (no
# page can be kept: every page is rendered again over the existing site), and Hugo building the same
# errors as Markdown pages (errdocs' own Markdown twins, with a minimal layout), with the
# errdocs/Hugo ratio; then the issue's targets, each met or not. Results are printed and
# written to bench/results.md with the machine.
#
#   BENCH_SIZES="1000 10000 100000"   catalog sizes (errors)
#   BENCH_RUNS=5                      runs per measurement (catalogs under 100,000 errors)
#   BENCH_LARGE_RUNS=3                runs per measurement from 100,000 errors (no warm-up)
#   BENCH_HUGO_MAX=10000              largest catalog Hugo builds (it needs ~2 GB per 10,000)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${BENCH_SIZES:-"1000 10000 100000"}
small_runs=${BENCH_RUNS:-5}
large_runs=${BENCH_LARGE_RUNS:-3}
sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
if ! command -v hyperfine >/dev/null || [ ! -x /usr/bin/time ] || ! command -v hugo >/dev/null; then
  echo "Installing hyperfine, time and hugo (Debian packages)"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq hyperfine time hugo
fi

# The release build users get from `make release`: the Makefile passes its flags.
read -ra release <<< "${RELEASE_FLAGS:?run scripts/bench.sh through make bench, which sets RELEASE_FLAGS}"
swift build "${release[@]}" --product errdocs >/dev/null
swift build "${release[@]}" --product generate-catalog >/dev/null
bin=$(swift build "${release[@]}" --show-bin-path)
work=.build/bench
mkdir -p "$work"

results=bench/results.md
{
  echo "# Benchmark results"
  echo
  echo "Command: \`make bench\` (scripts/bench.sh), release build as \`make release\` makes it (Swift's libraries linked in); the median of the runs (hyperfine): $small_runs after 1 warm-up, and $large_runs without warm-up from 100,000 errors. Each run starts after \`sync\` (untimed), for errdocs and Hugo alike, so that no run pays for writing back the files of the one before. Peak memory is the largest resident size of the runs (GNU time), in MB of 10^6 bytes."
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB; $(swift --version 2>&1 | head -1)."
  echo
  echo "| errors | command | median | min | max | peak memory |"
  echo "|---:|---|---:|---:|---:|---:|"
} > "$results"

measure() {  # measure SIZE LABEL COMMAND [PREPARE]: COMMAND and PREPARE are shell strings;
             # PREPARE runs before each run, untimed (hyperfine --prepare). Peak memory is the
             # largest resident set of any run, from GNU time around each run.
  local size=$1 label=$2 command=$3 prepare=${4:-}
  local json="$work/hyperfine.json" warmup=1 rss="$work/rss.txt"
  [ "$size" -lt 100000 ] || warmup=0
  rm -f "$rss"
  # The files the last run wrote are written back before the next starts: a full build leaves
  # hundreds of megabytes to write, which the kernel does while later runs are timed.
  prepare="${prepare:+$prepare; }sync"
  hyperfine --style none --warmup "$warmup" --runs "$runs" --prepare "$prepare" --export-json "$json" \
    "/usr/bin/time -f %M -a -o '$rss' $command" >/dev/null
  python3 - "$json" "$size" "$label" "$(sort -n "$rss" | tail -1)" "$figures" >> "$results" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))["results"][0]
size, label, rss = sys.argv[2], sys.argv[3], int(sys.argv[4])
# GNU time gives KiB; MB here are 10^6 bytes, the issue's unit.
print(f"| {int(size):,} | {label} | {data['median']:.3f} s | {data['min']:.3f} s | {data['max']:.3f} s | {rss * 1024 / 1e6:.0f} MB |")
with open(sys.argv[5], "a") as figures:
    figures.write(json.dumps({"size": int(size), "label": label, "median": data["median"], "rss_mb": rss * 1024 / 1e6}) + "\n")
PY
  tail -1 "$results"
}

# A full build's runs each start without output: the last run's output, build record and
# caches are moved aside, and deleted when the benchmark ends. Deleted just before a run, their
# tens of thousands of inodes are "recently deleted" for ext4, whose allocator then looks at
# each of them before it takes a fresh one: the runs measured the deletion as much as the build.
# (So the bench needs the room: at 100,000 errors up to four outputs of about 3 GB each.)
set_aside() {  # set_aside PATH...: a shell string that moves each PATH aside
  local path moves="mkdir -p '$work/set-aside'"
  for path in "$@"; do
    moves+="; [ ! -e '$path' ] || mv '$path' \"$work/set-aside/\$(date +%s%N)\""
  done
  echo "$moves"
}
rm -rf "$work/set-aside"
trap 'rm -rf "$work/set-aside"' EXIT

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
  python3 - "$site/markdown/errors" "$target/content/errors" <<'PY'
import os, sys
source, target = sys.argv[1], sys.argv[2]
for name in sorted(os.listdir(source)):
    if not name.endswith(".md"):
        continue
    code = name[:-3]
    with open(os.path.join(source, name), encoding="utf-8") as page:
        lines = page.read().split("\n", 1)
    with open(os.path.join(target, name), "w", encoding="utf-8") as out:
        out.write(f'---\ntitle: "{code}"\n---\n' + (lines[1] if len(lines) > 1 else ""))
PY
}

figures="$work/figures.jsonl"
rm -f "$figures"
for size in $sizes; do
  runs=$small_runs
  [ "$size" -lt 100000 ] || runs=$large_runs
  catalog="$work/catalog-$size"
  if [ ! -f "$catalog/.complete" ]; then
    rm -rf "$catalog"
    "$bin/generate-catalog" "$size" "$catalog"
    touch "$catalog/.complete"
  fi
  measure "$size" "lint" "'$bin/errdocs' lint --quiet '$catalog'"
  site="$work/site-$size"
  measure "$size" "build (full)" "'$bin/errdocs' build '$catalog' --output '$site'" \
    "$(set_aside "$site" "$work/.site-$size.errdocs-cache" "$work/.site-$size.errdocs-spare" "$work/.site-$size.errdocs-loaded")"
  errdocs_build=$(median)
  measure "$size" "build (nothing changed)" "'$bin/errdocs' build '$catalog' --output '$site'"
  edited=$(find "$catalog/errors" -name '*.yaml' | sort | sed -n 1p)
  cp "$edited" "$work/edited.yaml"
  # A new sentence in the error's 'meaning' text: its own two pages change, nothing else does.
  measure "$size" "build (one error's text changed)" "'$bin/errdocs' build '$catalog' --output '$site'" \
    "sed -i -E \"s/^(  This is error [^E]*)( Edited [0-9]+[.])?\\\$/\\1 Edited \$(date +%s%N)./\" '$edited'"
  # A new title: shown in the tables of the summary pages, in the sidebars of the pages around
  # the error's in its family, and on the pages that name it as related or as replacement.
  measure "$size" "build (one error's title changed)" "'$bin/errdocs' build '$catalog' --output '$site'" \
    "sed -i \"s/^title: .*/title: Edited \$(date +%s%N)/\" '$edited'"
  cp "$work/edited.yaml" "$edited"
  "$bin/errdocs" build "$catalog" --output "$site" >/dev/null
  # Touching the binary gives errdocs a new key, as an upgrade does: no page can be kept.
  measure "$size" "build (new errdocs, every page again)" "'$bin/errdocs' build '$catalog' --output '$site'" \
    "touch '$bin/errdocs'"
  if [ "$size" -le "${BENCH_HUGO_MAX:-10000}" ]; then
    # Hugo takes about 200 KB of memory per page; beyond 10,000 errors it may not fit.
    hugo_site "$site" "$work/hugo-$size"
    measure "$size" "hugo (same errors)" "hugo --quiet -s '$work/hugo-$size'" "$(set_aside "$work/hugo-$size/public")"
    hugo_build=$(median)
    python3 -c "import sys; print(f'| {int(sys.argv[1]):,} | errdocs/Hugo, full build | {float(sys.argv[2]) / float(sys.argv[3]):.2f}× | | | |')" \
      "$size" "$errdocs_build" "$hugo_build" | tee -a "$results"
  fi
done

# The issue's targets (issue 6), from the figures above.
python3 - "$figures" >> "$results" <<'PY'
import json, sys
figures = {}
for line in open(sys.argv[1]):
    row = json.loads(line)
    figures[(row["size"], row["label"])] = row
def get(size, label, key="median"):
    row = figures.get((size, label))
    return row[key] if row else None
targets = []
def target(name, value, limit, shown):
    if value is None:
        targets.append(f"| {name} | not measured (size not in BENCH_SIZES) | |")
    else:
        targets.append(f"| {name} | {shown} | {'met' if value <= limit else 'not met'} |")
full, hugo = get(10000, "build (full)"), get(10000, "hugo (same errors)")
ratio = full / hugo if full and hugo else None
target("10,000: full build ≤ 0.1 × Hugo", ratio, 0.1, f"{ratio:.2f} × Hugo" if ratio else "")
for label in ["build (nothing changed)", "build (one error's text changed)"]:
    value = get(10000, label)
    target(f"10,000: {label} < 0.3 s", value, 0.3, f"{value:.3f} s" if value else "")
memory = max((row["rss_mb"] for (size, _), row in figures.items() if size == 10000 and not row["label"].startswith("hugo")), default=None)
target("10,000: peak memory < 200 MB", memory, 200, f"{memory:.0f} MB" if memory else "")
large = get(100000, "build (full)")
scale = large / full if large and full else None
target("100,000: full build ≤ 12 × the 10,000 time", scale, 12, f"{scale:.1f} ×" if scale else "")
memory = max((row["rss_mb"] for (size, _), row in figures.items() if size == 100000 and not row["label"].startswith("hugo")), default=None)
target("100,000: peak memory < 1 GB", memory, 1000, f"{memory:.0f} MB" if memory else "")
print("\n## Targets\n\n| target | measured | |\n|---|---|---|")
print("\n".join(targets))
PY
sed -n '/^## Targets/,$p' "$results"
echo
echo "Written to $results"
