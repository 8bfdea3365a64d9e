# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The project manager (Project rights only, in Vietnamese) runs a phase of
the delivery project the order made: starts it, marks it ready, draws up
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
    # The team's agreement to the plan, waived by the administrator (the
    # project's manager): the first phase may start.
    call("project.project", "action_waive_team_agreement", [project],
         "The team agreed in the kick-off meeting")
    return phase


def test_project_manager_gets_the_phase_to_the_customer(walk, phase):
    page = walk.page
    walk.login(PM)
    walk.goto("/odoo/action-b2b_sales_delivery.b2b_phase_action/%s" % phase, ".o_form_view")
    walk.see(PHASE)
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
