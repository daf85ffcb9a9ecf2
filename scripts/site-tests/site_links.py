"""Link checks that LinkChecker does not make, for check-links.sh (standard library only).

  site_links.py targets SITE          every page's stylesheet, Markdown alternate and script
                                      targets exist in SITE, and 404.html's links; sitemap.xml
                                      entries map to files
  site_links.py uncovered SITE CSV..  HTML files of SITE that no LinkChecker CSV output lists
  site_links.py report SITE CSV       the errors and warnings of a LinkChecker CSV output

Exits 1 on a problem (targets) and prints one line per problem or uncovered file.
"""
import csv
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit


class PageLinks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stylesheets, self.markdown, self.scripts, self.canonical, self.anchors = [], [], [], [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        rel = (a.get("rel") or "").lower().split()
        if tag == "a" and a.get("href"):
            self.anchors.append(a["href"])
        elif tag == "link" and "stylesheet" in rel:
            self.stylesheets.append(a.get("href") or "")
        elif tag == "link" and "alternate" in rel and a.get("type") == "text/markdown":
            self.markdown.append(a.get("href") or "")
        elif tag == "link" and "canonical" in rel:
            self.canonical.append(a.get("href") or "")
        elif tag == "script" and a.get("src"):
            self.scripts.append(a["src"])


def parse(page):
    links = PageLinks()
    links.feed(page.read_text(encoding="utf-8"))
    return links


def local_target(page, href, site=None):
    """The file an href on `page` points to, or None for an external URL. A root-relative href
    ("/assets/style.css", in 404.html) points into `site`, whose base URL is at its host's root."""
    if site is not None and href.startswith("/") and not href.startswith("//"):
        return site / unquote(urlsplit(href).path).lstrip("/")
    url = urljoin(page.resolve().as_uri(), href)
    parts = urlsplit(url)
    if parts.scheme != "file":
        return None
    return Path(unquote(parts.path))


def check_targets(site):
    problems = []
    pages = sorted(site.rglob("*.html"))
    for page in pages:
        name = page.relative_to(site)
        links = parse(page)
        if not links.stylesheets:
            problems.append(f"{name}: no <link rel=stylesheet>")
        if len(links.markdown) != (0 if str(name) == "404.html" else 1):  # 404.html has no Markdown twin
            problems.append(f'{name}: {len(links.markdown)} <link rel="alternate" type="text/markdown">')
        kinds = [("stylesheet", links.stylesheets), ("markdown alternate", links.markdown), ("script", links.scripts)]
        if str(name) == NOT_FOUND:
            # LinkChecker follows links from disk, where root-relative ones lead nowhere.
            kinds.append(("link", [href.split("#")[0] for href in links.anchors if not href.startswith("#")]))
        for kind, hrefs in kinds:
            for href in hrefs:
                target = local_target(page, href, site)
                if not href or (target is not None and not target.is_file()):
                    problems.append(f"{name}: {kind} {href!r} does not exist")
    problems += check_sitemap(site)
    print(f"site_links: checked stylesheet, Markdown alternate and script targets of {len(pages)} pages")
    return problems


def check_sitemap(site):
    sitemap = site / "sitemap.xml"
    index = site / "index.html"
    if not sitemap.is_file() or not index.is_file():
        return []
    canonical = parse(index).canonical
    if not canonical:
        return ["sitemap.xml exists but index.html has no <link rel=canonical> to take the base URL from"]
    base = canonical[0].removesuffix("index.html")
    problems, locs = [], [e.text.strip() for e in ET.parse(sitemap).iter() if e.tag.endswith("}loc") or e.tag == "loc"]
    if not locs:
        problems.append("sitemap.xml lists no <loc>")
    for loc in locs:
        if not loc.startswith(base):
            problems.append(f"sitemap.xml: {loc} is not under the base URL {base}")
            continue
        path = unquote(loc[len(base):]).split("#")[0]
        candidates = [site / path, site / path / "index.html", site / (path + ".html")]
        if not any(c.is_file() for c in candidates):
            problems.append(f"sitemap.xml: {loc} has no file in {site}")
    print(f"site_links: checked {len(locs)} sitemap.xml entries against base {base}")
    return problems


# Served for missing addresses at any depth, so its links start at the site's root: checked by
# `targets`, not by LinkChecker (and in Chromium over HTTP by browser_test.py).
NOT_FOUND = "404.html"


def uncovered(site, csv_files):
    checked = {(site / NOT_FOUND).resolve()}
    for name in csv_files:
        for row in read_csv(name):
            target = local_target(site, row.get("url") or "")
            if target is not None:
                checked.add(target.resolve())
    return [p for p in sorted(site.rglob("*.html")) if p.resolve() not in checked]


def read_csv(name):
    with open(name, encoding="utf-8", newline="") as f:
        yield from csv.DictReader((line for line in f if not line.startswith("# ")), delimiter=";")


def report(site, csv_file):
    for row in read_csv(csv_file):
        if row["valid"] != "True" or row["warningstring"]:
            where = row["parentname"].replace(Path(site).resolve().as_uri(), "") or "(start)"
            problem = row["result"] if row["valid"] != "True" else row["warningstring"]
            print(f"  {where} line {row['line']}: {row['urlname']}: {' '.join(problem.split())}")


def main(argv):
    if len(argv) >= 2 and argv[0] == "targets":
        problems = check_targets(Path(argv[1]))
        for problem in problems:
            print(f"ERROR {problem}")
        return 1 if problems else 0
    if len(argv) >= 3 and argv[0] == "uncovered":
        for page in uncovered(Path(argv[1]), argv[2:]):
            print(page)
        return 0
    if len(argv) == 3 and argv[0] == "report":
        report(argv[1], argv[2])
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
