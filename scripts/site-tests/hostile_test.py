"""Builds nothing: opens every HTML page of a site built from the hostile catalog
(Tests/Fixtures/hostile, whose every payload sets window.__pwned or calls alert()) in headless
Chromium, uses the search box and the tabs, and fails if any catalog script ran.

Usage: .build/venv/bin/python scripts/site-tests/hostile_test.py HOSTILE_SITE
"""
import sys
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

SITE = Path(sys.argv[1]).resolve()
PAYLOAD_TEXT = "<script>window.__pwned='typed'</script><img src=x onerror=\"window.__pwned='typed img'\">"


def ran(driver):
    """What a payload left behind: window.__pwned's value, an open alert, or None."""
    try:
        alert = driver.switch_to.alert
        text = alert.text
        alert.accept()
        return f"alert({text!r})"
    except NoAlertPresentException:
        pass
    return driver.execute_script("return window.__pwned === undefined ? null : String(window.__pwned)")


def main():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    problems = []
    pages = sorted(SITE.rglob("*.html"))
    try:
        for page in pages:
            name = page.relative_to(SITE)
            driver.get(page.as_uri())
            for tab in driver.find_elements(By.CSS_SELECTOR, '[role="tab"]'):
                if tab.is_displayed():
                    tab.click()
            for link in driver.find_elements(By.CSS_SELECTOR, "main a"):
                # Hovering and focusing fire inline handlers, if any survived.
                driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('mouseover', {bubbles: true})); arguments[0].focus();", link)
            if name == Path("index.html"):
                box = driver.find_element(By.ID, "search")
                box.send_keys("hostile")
                driver.implicitly_wait(0)
                results = driver.find_elements(By.CSS_SELECTOR, "#results li.result")
                if not results:
                    driver.implicitly_wait(2)
                    results = driver.find_elements(By.CSS_SELECTOR, "#results li.result")
                if len(results) < 2:
                    problems.append(f"{name}: searching 'hostile' showed {len(results)} results, expected 2")
                box.clear()
                box.send_keys(PAYLOAD_TEXT)
            result = ran(driver)
            if result is not None:
                problems.append(f"{name}: catalog script ran: {result}")
    finally:
        driver.quit()
    print(f"hostile: opened {len(pages)} pages of {SITE}")
    for problem in problems:
        print("FAIL " + problem)
    if len(pages) < 9:
        print(f"FAIL expected at least 9 pages, found {len(pages)}")
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
