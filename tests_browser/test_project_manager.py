# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The project manager (Project rights only, in Vietnamese) runs a phase of
the delivery project the order made: its start refused until the team
agrees to the plan, the team's agreement waived with a reason through the
wizard of the project, then starts it, marks it ready, draws up
its acceptance minutes and sends them to the customer from Odoo's mail
composer, which writes in the customer's language; the minutes are then
sent."""
import pytest

PM = "b2b_pm_hai"
CUSTOMER = "Công ty CP Nội thất Minh Long"
PHASE = "Khảo sát hiện trạng"
SENT = "Đã gửi"  # the minutes' state "Sent"
TO_ACCEPT = "Chờ nghiệm thu"  # the phase's state "To Accept"
OPEN_LINK = "Mở biên bản nghiệm thu"  # the mail's button, in the customer's language
NOT_AGREED = "thống nhất kế hoạch"  # the refusal: "... agree to the plan ..."
AGREEMENT_TAB = "Đồng thuận của đội"  # the project's tab "Team Agreement"
WAIVER = "Đội đã đồng ý trong buổi họp khởi động"  # "The team agreed in the kick-off meeting"


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
    return phase, project


def test_project_manager_gets_the_phase_to_the_customer(walk, phase):
    phase, project = phase
    page = walk.page
    walk.login(PM)
    phase_url = "/odoo/action-b2b_sales_delivery.b2b_phase_action/%s" % phase
    walk.goto(phase_url, ".o_form_view")
    walk.see(PHASE)
    # the first phase waits for the team's agreement to the plan: refused
    page.locator(".o_form_view button[name=action_start]").click()
    dialog = walk.dialog()
    walk.see(NOT_AGREED, scope=".modal-dialog")
    walk.shot("role_project_manager_gate")
    dialog.locator(".modal-footer button").first.click()
    dialog.wait_for(state="hidden")
    # waived with a reason, from the project's Team Agreement tab
    walk.goto("/odoo/action-project.open_view_project_all/%s" % project, ".o_form_view")
    page.locator(".o_notebook .nav-link", has_text=AGREEMENT_TAB).click()
    page.locator(".o_form_view button[name=action_open_plan_waiver]").click()
    dialog = walk.dialog()
    dialog.locator(".o_field_widget[name=reason] textarea").fill(WAIVER)
    walk.shot("role_project_manager_waiver")
    dialog.locator(".modal-footer button[name=action_waive]").click()
    dialog.wait_for(state="hidden")
    walk.see(WAIVER, scope=".o_form_view .o_field_widget[name=b2b_plan_waiver_reason]")
    # now the phase starts
    walk.goto(phase_url, ".o_form_view")
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
