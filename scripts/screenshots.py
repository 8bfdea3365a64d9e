"""Screenshots of the running demo (``make demo``) for the README.

Usage: screenshots.py [base url] [output folder]

Drives Debian's Chromium with Playwright; every shot is a page of the web
client reached by its URL (action xml id, model, view type, record).
"""
import sys

from playwright.sync_api import sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8069"
OUT = sys.argv[2] if len(sys.argv) > 2 else "readme/screenshots"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
    "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]

# (file name, login, URL fragment after /web#, text to wait for)
SHOTS = [
    ("crm_pipeline.png", "admin", "action=crm.crm_lead_opportunities", ".o_kanban_view"),
]


def login(page, user):
    page.goto(BASE + "/web/session/logout")
    page.goto(BASE + "/web/login")
    page.fill("input[name=login]", user)
    page.fill("input[name=password]", user)
    page.click("button[type=submit]")
    page.wait_for_selector("#oe_main_menu_navbar", timeout=60000)


def main():
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        current = None
        for name, user, fragment, selector in SHOTS:
            if user != current:
                login(page, user)
                current = user
            page.goto(BASE + "/web#" + fragment)
            page.wait_for_selector(selector, timeout=60000)
            # the web client's onboarding tips would cover the screen
            page.add_style_tag(content=".o_tooltip { display: none !important; }")
            page.wait_for_timeout(1500)
            page.screenshot(path="%s/%s" % (OUT, name))
            print("%s/%s" % (OUT, name))
        browser.close()


if __name__ == "__main__":
    main()
