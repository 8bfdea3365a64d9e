"""Screenshots of the running demo (``make demo``) for the README.

Usage: screenshots.py [base url] [output folder]

Drives Debian's Chromium with Playwright; every shot is a page of the web
client reached by its URL (action xml id, model, view type, record).
"""
import sys
import xmlrpc.client

from playwright.sync_api import sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8069"
OUT = sys.argv[2] if len(sys.argv) > 2 else "readme/screenshots"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
    "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]

DB = "b2b_demo"
M = "b2b_sales_delivery."
# (file name, login, URL fragment after /web#, selector to wait for); in the
# fragment, {xml id} is replaced by the record's database id.
SHOTS = [
    ("crm_pipeline.png", "admin", "action=crm.crm_lead_opportunities", ".o_kanban_view"),
    ("crm_opportunity.png", "admin",
     "action=crm.crm_lead_opportunities&model=crm.lead&view_type=form"
     "&id={%slead_phu_thinh}" % M, ".o_form_view"),
    ("touchpoints_pivot.png", "admin",
     "action=%sb2b_touchpoint_action&view_type=pivot" % M, ".o_pivot"),
    ("kpi_dashboard.png", "admin",
     "action=%sb2b_kpi_achievement_action" % M, ".o_view_manager_content"),
    ("kpi_funnel.png", "admin",
     "action=%sb2b_kpi_report_action_funnel" % M, ".o_view_manager_content"),
    ("skill_matrix.png", "admin",
     "action=%sb2b_skill_matrix_action" % M, ".o_view_manager_content"),
    ("sale_order_scope.png", "admin",
     "model=sale.order&view_type=form&id={%sdemo_order_saoviet}" % M, ".o_form_view",
     ".o_notebook a:has-text('Scope')"),
    ("contract_form.png", "admin",
     "action=%sb2b_contract_action&model=b2b.contract&view_type=form"
     "&id={%sdemo_contract_saoviet}" % (M, M), ".o_form_view"),
    ("project_form.png", "admin",
     "action=%sproject_project_action_delivery&model=project.project&view_type=form"
     "&id={%sproject_demo_saoviet}" % (M, M), ".o_form_view"),
    ("payment_plan_lines.png", "admin",
     "action=%sb2b_payment_plan_line_action" % M, ".o_view_manager_content"),
    ("receivables.png", "admin",
     "action=%sb2b_receivable_report_action" % M, ".o_view_manager_content"),
    # the salesperson Thu works in Vietnamese
    ("crm_pipeline_vi.png", "thu", "action=crm.crm_lead_opportunities", ".o_kanban_view"),
    ("crm_opportunity_vi.png", "thu",
     "action=crm.crm_lead_opportunities&model=crm.lead&view_type=form"
     "&id={%slead_phu_thinh}" % M, ".o_form_view"),
]


def resolve(fragment):
    """Replace {module.xml_id} by the id of the record it names."""
    models = xmlrpc.client.ServerProxy(BASE + "/xmlrpc/2/object")
    uid = xmlrpc.client.ServerProxy(BASE + "/xmlrpc/2/common").authenticate(
        DB, "admin", "admin", {}
    )
    while "{" in fragment:
        start = fragment.index("{")
        end = fragment.index("}", start)
        module, name = fragment[start + 1:end].split(".")
        ids = models.execute_kw(
            DB, uid, "admin", "ir.model.data", "search_read",
            [[("module", "=", module), ("name", "=", name)]], {"fields": ["res_id"]},
        )
        fragment = fragment[:start] + str(ids[0]["res_id"]) + fragment[end + 1:]
    return fragment


PASSWORDS = {"admin": "admin"}


def login(page, user):
    page.goto(BASE + "/web/session/logout")
    page.goto(BASE + "/web/login")
    page.fill("input[name=login]", user)
    page.fill("input[name=password]", PASSWORDS.get(user, user))
    page.click("button[type=submit]")
    page.wait_for_selector("#oe_main_menu_navbar", timeout=60000)


def main():
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        current = None
        for name, user, fragment, selector, *click in SHOTS:
            if user != current:
                login(page, user)
                current = user
            page.goto(BASE + "/web#" + resolve(fragment))
            page.wait_for_selector(selector, timeout=60000)
            # the web client's onboarding tips would cover the screen
            page.add_style_tag(content=".o_tooltip { display: none !important; }")
            for target in click:
                page.click(target)
            page.wait_for_timeout(1500)
            page.screenshot(path="%s/%s" % (OUT, name))
            print("%s/%s" % (OUT, name))
        browser.close()


if __name__ == "__main__":
    main()
