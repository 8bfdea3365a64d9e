# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The project manager (Project rights only, in Vietnamese) runs a phase of
the delivery project the order made: sees the project's resources (the
seed's five kinds), is refused the first phase's start while the team has
not agreed to the plan, waives the agreement with a reason (logged on the
project), starts the phase, marks it ready, draws up
its acceptance minutes and sends them to the customer from Odoo's mail
composer, which writes in the customer's language; the minutes are then
sent."""
import pytest
from playwright.sync_api import expect

PM = "b2b_pm_hai"
CUSTOMER = "Công ty CP Nội thất Minh Long"
PHASE = "Khảo sát hiện trạng"
SENT = "Đã gửi"  # the minutes' state "Sent"
TO_ACCEPT = "Chờ nghiệm thu"  # the phase's state "To Accept"
OPEN_LINK = "Mở biên bản nghiệm thu"  # the mail's button, in the customer's language
RESOURCES = "Nguồn lực"  # the project's tab "Resources"
BUDGET = "Ngân sách"  # a kind of resource of the seed
NOT_AGREED = "chưa thống nhất kế hoạch hiện tại"  # the team gate's refusal
TEAM_TAB = "Đồng thuận của đội"  # the project's tab "Team Agreement"
WAIVER_REASON = "Khách cần khởi động ngay, đội đã thống nhất miệng"


@pytest.fixture(scope="module")
def phase(seed):
    """A confirmed order of the customer, its delivery project, one phase."""
    call = seed.call
    call("res.users", "create", {
        "name": "Vũ Đức Hải",
        "login": PM,
        "password": PM,
        "lang": "vi_VN",
        "tz": "Asia/Ho_Chi_Minh",
        "group_ids": [(6, 0, [seed.ref("project.group_project_manager")])],
    })
    customer = call("res.partner", "create", {
        "name": CUSTOMER, "is_company": True, "email": "duan@minhlong.example.com",
        "lang": "vi_VN"})
    product = call("product.product", "create", {
        "name": "Phần mềm quản lý xưởng", "type": "service", "list_price": 80000000})
    order = call("sale.order", "create", {
        "partner_id": customer, "order_line": [(0, 0, {"product_id": product})]})
    phase = call("b2b.phase", "create", {"order_id": order, "name": PHASE})
    call("sale.order", "action_confirm", [order])
    project = call("sale.order", "action_create_project", [order])
    return {"phase": phase, "project": project}


def test_project_manager_gets_the_phase_to_the_customer(walk, phase):
    page = walk.page
    walk.login(PM)
    # The project: its resources, the team's gate and its waiver.
    walk.goto("/odoo/action-project.open_view_project_all/%s" % phase["project"], ".o_form_view")
    page.locator(".o_notebook .nav-link", has_text=RESOURCES).click()
    walk.see(BUDGET, scope=".o_field_widget[name=resource_line_ids]")
    walk.goto("/odoo/action-b2b_sales_delivery.b2b_phase_action/%s" % phase["phase"], ".o_form_view")
    walk.see(PHASE)
    page.locator(".o_form_view button[name=action_start]").click()
    dialog = walk.dialog()
    expect(dialog.get_by_text(NOT_AGREED, exact=False).first).to_be_visible()
    walk.shot("role_project_manager_team_gate")
    dialog.locator(".modal-footer button").first.click()
    dialog.wait_for(state="hidden")
    walk.goto("/odoo/action-project.open_view_project_all/%s" % phase["project"], ".o_form_view")
    page.locator(".o_notebook .nav-link", has_text=TEAM_TAB).click()
    page.locator(".o_form_view button[name=action_open_plan_waiver]").click()
    dialog = walk.dialog()
    dialog.locator(".o_field_widget[name=reason] textarea").fill(WAIVER_REASON)
    dialog.locator("button[name=action_waive]").click()
    dialog.wait_for(state="hidden")
    walk.see(WAIVER_REASON, scope=".o-mail-Chatter")
    walk.goto("/odoo/action-b2b_sales_delivery.b2b_phase_action/%s" % phase["phase"], ".o_form_view")
    page.locator(".o_form_view button[name=action_start]").click()
    page.locator(".o_form_view button[name=action_to_accept]").click()
    walk.see(TO_ACCEPT, scope=".o_statusbar_status .o_arrow_button_current")
    page.locator(".o_form_view button[name=action_request_acceptance]").click()
    page.wait_for_selector(".o_form_view button[name=action_send_wizard]")
    walk.see(PHASE)
    page.locator(".o_form_view button[name=action_send_wizard]").click()
    dialog = walk.dialog()
    dialog.get_by_text(OPEN_LINK).wait_for(state="visible")
    walk.shot("role_project_manager_composer")
    dialog.locator("button[name=action_send_mail]").click()
    dialog.wait_for(state="hidden")
    walk.see(SENT, scope=".o_statusbar_status .o_arrow_button_current")
    walk.shot("role_project_manager_sent")
