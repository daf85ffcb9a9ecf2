"""Browser tests of a built errdocs site: headless Chromium (Debian's chromium and
chromium-driver) through Selenium, pages opened from disk with file:// URLs; 404.html, whose
links start at the site's root, from a local HTTP server that answers it for missing pages,
as static hosts do.

Usage: .build/venv/bin/python scripts/site-tests/browser_test.py [SITE [SCREENSHOT_DIR]] [unittest options]
       (defaults: Site, .build/screenshots). What to expect is read from Content/ (the YAML).
"""
import re
import sys
import threading
import time
import unittest
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml
from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.support.ui import Select, WebDriverWait

REPO = Path(__file__).resolve().parents[2]
args = []  # leading SITE and SCREENSHOT_DIR; what follows goes to unittest (-v, -k PATTERN, ...)
while len(args) < 2 and len(sys.argv) > 1 + len(args) and not sys.argv[1 + len(args)].startswith("-"):
    args.append(sys.argv[1 + len(args)])
SITE = Path(args[0] if args else "Site").resolve()
SHOTS = Path(args[1] if len(args) > 1 else ".build/screenshots").resolve()
CONTENT = REPO / "Content"
ERROR_PAGE = "errors/rate_limited/index.html"
BUDGET = 40 * 1024
TIMINGS = {}
driver = None


def load_catalog():
    """Every error in Content/ as {code: {family, status, smtp, event, retryable}}."""
    catalog = yaml.safe_load((CONTENT / "catalog.yaml").read_text(encoding="utf-8"))
    family_policy = {f["id"]: (f.get("retry") or {}).get("policy") for f in catalog.get("families", [])}
    errors = {}
    for path in sorted((CONTENT / "errors").rglob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for error in document.get("errors", [document]):
            family = error.get("family") or path.parent.name
            policy = (error.get("retry") or {}).get("policy") or family_policy.get(family) or "never"
            errors[error["code"]] = {
                "family": family, "status": error.get("status"), "smtp": error.get("smtp") or {},
                "retryable": policy in ("retry_after", "backoff"),  # as RetryPolicy.isRetryable
            }
    return errors


ERRORS = load_catalog()


def url(page):
    return (SITE / page).as_uri()


class StaticHost(SimpleHTTPRequestHandler):
    """SITE at the root of a loopback address, 404.html for a missing page (as static hosts do)."""

    def send_error(self, code, message=None, explain=None):
        page = SITE / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):
        pass


server = None


def served(path):
    """The address of `path` on the local static host."""
    return f"http://127.0.0.1:{server.server_address[1]}/{path}"


def severe_logs():
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def open_page(page):
    driver.get_log("browser")  # drop what earlier pages logged
    driver.get(url(page))


def wait_for(condition, message, timeout=5):
    try:
        return WebDriverWait(driver, timeout, poll_frequency=0.05).until(lambda d: condition())
    except TimeoutException:
        raise AssertionError(f"{message} (waited {timeout} s)") from None


VISIBLE_RESULTS = """return Array.from(document.querySelectorAll('#results li'))
  .filter(li => li.getClientRects().length > 0)
  .map(li => Object.assign({href: (li.querySelector('a') || {}).href || ''}, li.dataset));"""


LAZY_INDEX_LOADED = """return window.errdocsSearchIndex !== undefined ||
  !!document.querySelector('script[src$="search-index.js"]');"""


def results():
    return driver.execute_script(VISIBLE_RESULTS)


def codes(items):
    return {item.get("code") for item in items}


def setUpModule():
    global driver, server
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(StaticHost, directory=str(SITE)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    started = time.perf_counter()
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    TIMINGS["(start Chromium)"] = time.perf_counter() - started


def tearDownModule():
    if driver is not None:
        driver.quit()
    if server is not None:
        server.shutdown()
    print("\nTimings:", file=sys.stderr)
    for name, seconds in TIMINGS.items():
        print(f"  {seconds:6.2f} s  {name}", file=sys.stderr)


class SiteTest(unittest.TestCase):
    def setUp(self):
        self.started = time.perf_counter()

    def tearDown(self):
        TIMINGS[self._testMethodName] = time.perf_counter() - self.started

    # a. JavaScript errors
    def test_a_no_page_logs_javascript_errors(self):
        pages = ["index.html", "status-codes/index.html", "retries/index.html"]
        pages = [p for p in pages if (SITE / p).is_file()]
        pages += sorted(str(p.relative_to(SITE)) for p in SITE.glob("errors/*/index.html"))
        self.assertGreaterEqual(len(pages), 13, "expected the index, tables and at least 10 error pages")
        problems = []
        for page in pages:
            open_page(page)
            problems += [f"{page}: {message}" for message in severe_logs()]
        print(f"\n  opened {len(pages)} pages", file=sys.stderr)
        self.assertEqual(problems, [], "pages logged SEVERE browser messages")

    # b. Search
    def open_finder(self):
        open_page("index.html")
        box = driver.find_element(By.CSS_SELECTOR, 'form.finder[role="search"] input#search')
        self.assertEqual(box.get_attribute("type"), "search")
        wait_for(box.is_displayed, "the search form stays hidden with JavaScript on")
        return box

    def search(self, box, text):
        box.clear()
        box.send_keys(text)

    def test_b_search(self):
        box = self.open_finder()
        self.assertFalse(driver.execute_script(LAZY_INDEX_LOADED),
                         "assets/search-index.js is loaded before anyone searches (should be lazy)")

        (smtp_511,) = [c for c, e in ERRORS.items() if e["smtp"].get("enhanced") == "5.1.1"]
        self.search(box, "5.1.1")
        first = wait_for(lambda: results()[:1], "typing 5.1.1 shows no visible #results li")[0]
        self.assertTrue(driver.execute_script(LAZY_INDEX_LOADED), "searching did not load the search index")
        self.assertEqual(first.get("code"), smtp_511, "first result for 5.1.1")
        self.assertTrue(first["href"].endswith(f"errors/{smtp_511}/index.html"), f"first result links to {first['href']}")

        expected = {c for c, e in ERRORS.items() if e["status"] == 429}
        self.search(box, "429")
        wait_for(lambda: expected <= codes(results()),
                 f"results for 429 should include every error with status 429: {sorted(expected)}; "
                 f"got {sorted(codes(results()))}")
        shown = results()
        count = driver.find_element(By.ID, "result-count").text
        self.assertIn(str(len(shown)), count, "#result-count should give the number of results")
        self.assertFalse([s for s in driver.find_elements(By.CSS_SELECTOR, ".family-section") if s.is_displayed()],
                         "the static list (.family-section) should be hidden while results show")

        box.clear()
        box.send_keys(" ", Keys.BACKSPACE)  # clear() alone fires no input event
        wait_for(lambda: not results(), "clearing the box should leave no visible #results li")
        self.assertFalse(driver.find_element(By.ID, "results").is_displayed(), "#results should be hidden when empty")
        sections = driver.find_elements(By.CSS_SELECTOR, ".family-section")
        self.assertTrue(sections and all(s.is_displayed() for s in sections),
                        "the static list (.family-section) should come back when the query is cleared")
        self.assertEqual(severe_logs(), [])

    # c. Filters
    def test_c_filters_combine(self):
        box = self.open_finder()
        family, retry, status = (Select(driver.find_element(By.ID, i)) for i in
                                 ("filter-family", "filter-retry", "filter-status"))
        # The options are the status classes the catalog has: http-2xx … http-5xx, smtp-4xx, smtp-5xx, event.
        values = [o.get_attribute("value") for o in status.options]
        self.assertEqual(values[0], "", "the first status option is 'any'")
        classes = values[1:]
        for value in classes:
            self.assertRegex(value, r"^(http-[1-5]xx|smtp-[45]xx|event)$", "filter-status option")

        family.select_by_value("rate_quota")
        expected = {c for c, e in ERRORS.items() if e["family"] == "rate_quota"}
        wait_for(lambda: codes(results()) == expected,
                 f"family rate_quota should show exactly {sorted(expected)}, got {sorted(codes(results()))}")

        # A family where "not retryable" keeps some errors but not all, to see the filters combine.
        narrowing = sorted(f for f in {e["family"] for e in ERRORS.values()}
                           if 0 < sum(not e["retryable"] for e in ERRORS.values() if e["family"] == f)
                           < sum(e["family"] == f for e in ERRORS.values()))
        self.assertTrue(narrowing, "Content/ has no family mixing retryable and non-retryable errors")
        family.select_by_value(narrowing[0])
        retry.select_by_value("not-retryable")
        expected = {c for c, e in ERRORS.items() if e["family"] == narrowing[0] and not e["retryable"]}
        wait_for(lambda: codes(results()) == expected,
                 f"family {narrowing[0]} + not-retryable should show {sorted(expected)}, got {sorted(codes(results()))}")
        for item in results():
            self.assertEqual((item.get("family"), item.get("retryable")), (narrowing[0], "false"), item)

        code = sorted(expected)[0]
        self.search(box, code)
        wait_for(lambda: code in codes(results()) and codes(results()) <= expected,
                 f"adding the query {code} should keep {code} and nothing outside {sorted(expected)}")

        self.search(box, "")
        family.select_by_value("")
        retry.select_by_value("")
        seen = {}
        for value in classes:
            status.select_by_value(value)
            wait_for(lambda: all(i.get("statusClass") == value for i in results()),
                     f"with status {value} every result should have data-status-class={value}")
            for item in results():
                self.assertNotIn(item["code"], seen, f"{item['code']} is in two status classes")
                seen[item["code"]] = value
        status.select_by_value("")
        unlisted = {}
        for code in sorted(set(ERRORS) - set(seen)):
            self.search(box, code)
            unlisted[code] = wait_for(lambda: [i.get("statusClass") for i in results() if i["code"] == code],
                                      f"searching for {code} does not find it")[0]
        self.assertEqual(unlisted, {}, f"errors no status option lists (code: data-status-class); options are {classes}")
        self.assertEqual(set(seen), set(ERRORS), "the status classes together should list every error once")
        self.assertEqual(severe_logs(), [])

    # d. Tabs
    def tab_state(self):
        return driver.execute_script("""
          const tabs = Array.from(document.querySelectorAll('[role=tablist] [role=tab]'));
          return tabs.map(t => ({language: t.dataset.language, selected: t.getAttribute('aria-selected'),
            focused: t === document.activeElement,
            panelShown: !!document.getElementById(t.getAttribute('aria-controls'))?.getClientRects().length}));""")

    def assert_selected(self, index, focused, action):
        state = self.tab_state()
        self.assertEqual([t["selected"] for t in state], ["true" if i == index else "false" for i in range(len(state))],
                         f"aria-selected after {action}")
        self.assertEqual([t["panelShown"] for t in state], [i == index for i in range(len(state))],
                         f"only the selected tab's panel should show after {action}")
        if focused:
            self.assertTrue(state[index]["focused"], f"focus should move to the selected tab after {action}")

    def test_d_tabs(self):
        open_page(ERROR_PAGE)
        driver.execute_script("localStorage.clear()")
        open_page(ERROR_PAGE)
        tabs = driver.find_elements(By.CSS_SELECTOR, "[role=tablist] [role=tab]")
        self.assertGreaterEqual(len(tabs), 3, f"{ERROR_PAGE} should have at least 3 tabs")
        for tab in tabs:
            self.assertTrue(tab.get_attribute("data-language") and tab.get_attribute("aria-controls"), tab.text)
        tabs[1].click()
        self.assert_selected(1, False, "clicking the second tab")
        last = len(tabs) - 1
        for key, index in ((Keys.ARROW_RIGHT, 2), (Keys.ARROW_LEFT, 1), (Keys.HOME, 0), (Keys.END, last)):
            ActionChains(driver).send_keys(key).perform()
            self.assert_selected(index, True, f"pressing {key.encode('unicode_escape')!r}")
        language = tabs[last].get_attribute("data-language")

        pattern = re.compile(r'<[^>]*role="tab"[^>]*>')
        others = []
        for page in sorted(SITE.glob("errors/*/index.html")):
            languages = [re.search(r'data-language="([^"]*)"', t).group(1) for t in pattern.findall(page.read_text())]
            if page != SITE / ERROR_PAGE and language in languages[1:]:
                others.append(str(page.relative_to(SITE)))
        self.assertTrue(others, f"no other error page has a {language} tab that is not its first")
        open_page(others[0])
        selected = [t["language"] for t in self.tab_state() if t["selected"] == "true"]
        self.assertEqual(selected, [language], f"{others[0]} should open on the remembered {language} tab")
        self.assertEqual(driver.execute_script("return localStorage.getItem('errdocs.language')"), language)
        self.assertEqual(severe_logs(), [])

    # e. Copy buttons
    def test_e_copy_buttons(self):
        open_page(ERROR_PAGE)
        missing = driver.execute_script("""
          const ok = pre => { const prev = pre.previousElementSibling, box = pre.parentElement;
            return (prev && prev.matches('button.copy')) ||
                   (box.matches('div.code-block') && box.querySelector(':scope > button.copy')); };
          return Array.from(document.querySelectorAll('main pre')).filter(p => !ok(p))
            .map(p => p.textContent.slice(0, 40));""")
        self.assertEqual(missing, [], "every pre needs a button.copy before it or in its div.code-block")
        code_button = driver.find_elements(By.CSS_SELECTOR, ".error-code button.copy")
        self.assertTrue(code_button, ".error-code has no button.copy")
        buttons = [b for b in driver.find_elements(By.CSS_SELECTOR, "button.copy") if b.is_displayed()]
        for button in buttons:
            button.click()
        time.sleep(0.3)  # clipboard promises settle
        self.assertEqual(severe_logs(), [], f"clicking {len(buttons)} copy buttons logged errors")

    # f. Keyboard
    def test_f_first_tab_focuses_skip_link(self):
        open_page("index.html")
        ActionChains(driver).send_keys(Keys.TAB).perform()
        focused = driver.switch_to.active_element
        self.assertEqual((focused.tag_name, focused.get_attribute("class")), ("a", "skip-link"),
                         "the first Tab should focus a.skip-link")
        box = driver.execute_script("const r = arguments[0].getBoundingClientRect();"
                                    "return [r.left, r.top, r.width, r.height, innerWidth, innerHeight]", focused)
        left, top, width, height, view_width, view_height = box
        self.assertTrue(focused.is_displayed() and width > 1 and height > 1 and left >= 0 and top >= 0
                        and left + width <= view_width and top + height <= view_height,
                        f"the focused skip link should be visible in the viewport, box {box}")

    # g. Screenshots
    def test_g_screenshots(self):
        SHOTS.mkdir(parents=True, exist_ok=True)
        made = []
        try:
            for name, page in (("index", "index.html"), ("error", ERROR_PAGE)):
                for width in (1280, 390):
                    for scheme in ("light", "dark"):
                        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
                            "features": [{"name": "prefers-color-scheme", "value": scheme}]})
                        metrics = {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600}
                        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
                        open_page(page)
                        self.assertTrue(driver.execute_script(
                            f"return matchMedia('(prefers-color-scheme: {scheme})').matches"), scheme)
                        height = driver.execute_script("return document.documentElement.scrollHeight")
                        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                               dict(metrics, height=min(height, 16000)))
                        shot = SHOTS / f"{name}-{width}-{scheme}.png"
                        driver.save_screenshot(str(shot))
                        made.append(shot)
        finally:
            driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
        for shot in made:
            self.assertTrue(shot.is_file() and shot.stat().st_size > 10_000, f"{shot} is missing or nearly empty")
        print(f"\n  {len(made)} screenshots in {SHOTS}", file=sys.stderr)

    # h. Page weight
    def weight(self, page):
        """Bytes of the page's HTML and of the CSS and JS it loaded (not images), from the
        static host (404.html's links start at the site's root)."""
        driver.get(served(page))
        loaded = driver.execute_script("return Array.from(document.querySelectorAll("
                                       "'link[rel~=stylesheet][href], script[src]')).map(e => e.href || e.src)")
        files = [SITE / page] + [SITE / unquote(urlsplit(n).path).lstrip("/") for n in loaded if n.startswith(served(""))]
        return sum(f.stat().st_size for f in files), [f.name for f in files]

    def test_h_page_weight(self):
        if (SITE / "404.html").is_file():
            empty = "404.html"
        else:
            empty = str(min(SITE.rglob("*.html"), key=lambda p: p.stat().st_size).relative_to(SITE))
        total, files = self.weight(empty)
        index, _ = self.weight("index.html")
        largest = max(SITE.glob("errors/*/index.html"), key=lambda p: p.stat().st_size)
        error, _ = self.weight(str(largest.relative_to(SITE)))
        print(f"\n  weight: {empty} {total} B ({', '.join(files)}); index.html {index} B; "
              f"largest error page {largest.parent.name} {error} B", file=sys.stderr)
        self.assertLess(total, BUDGET, f"{empty} weighs {total} bytes with its CSS and JS ({files}), budget {BUDGET}")

    # i. The page for missing addresses
    def test_i_not_found_page_works_at_any_address(self):
        """A host answers 404.html for /errors/no-such-error/ as for /nope: styled, with its
        script, and with links that lead to the site's pages. Its links start at the root of
        base_url's path, so this holds for a site with a base_url."""
        if not (SITE / "404.html").is_file():
            self.skipTest("the site has no 404.html")
        base = re.search(r'<link rel="canonical" href="https?://[^/"]+(/[^"]*)"', (SITE / "index.html").read_text())
        if not base or base.group(1).removesuffix("index.html") != "/":
            self.skipTest("the site's base_url is not at the root of its host")
        for address in ("nope", "errors/no-such-error/", "families/auth/old/page.html"):
            driver.get_log("browser")
            driver.get(served(address))
            self.assertEqual(driver.title.split(" ")[:3], ["Page", "not", "found"], address)
            styled = driver.execute_script(
                "return Array.from(document.styleSheets).some(s => s.href && s.cssRules.length > 20)")
            self.assertTrue(styled, f"{address}: the stylesheet did not load")
            problems = [m for m in severe_logs() if "status of 404" not in m or "/assets/" in m]
            self.assertEqual(problems, [], f"{address}: SEVERE browser messages")
        driver.find_element(By.CSS_SELECTOR, "main a[href$='status-codes/index.html']").click()
        wait_for(lambda: driver.current_url == served("status-codes/index.html"), "the playbook link leads elsewhere")
        self.assertIn("Status code", driver.title)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0]] + sys.argv[1 + len(args):], verbosity=2)
