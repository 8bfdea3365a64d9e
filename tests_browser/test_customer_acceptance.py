# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The customer, through the link of the acceptance minutes sent to them:
the page of the minutes, a drawn signature, accepted; the project manager
then sees the phase accepted in the web client, in Vietnamese."""
import pytest

CUSTOMER = "Công ty CP Đại Phát"
CONTACT = "Lý Văn Hùng"
PHASE = "Thiết kế giao diện"
PM_LOGIN = "b2b_acceptance_pm"
ACCEPTED = "Đã nghiệm thu"  # the phase's state "Accepted"


@pytest.fixture(scope="module")
def minutes(seed):
    """A confirmed order of the customer, its project, the phase ready for
    acceptance and its minutes sent to the customer's contact."""
    call = seed.call
    pm = call("res.users", "create", {
        "name": "Phạm Minh Quân",
        "login": PM_LOGIN,
        "password": PM_LOGIN,
        "lang": "vi_VN",
        "tz": "Asia/Ho_Chi_Minh",
        "group_ids": [(6, 0, [seed.ref("project.group_project_manager")])],
    })
    customer = call("res.partner", "create", {"name": CUSTOMER, "is_company": True})
    contact = call("res.partner", "create", {
        "name": CONTACT, "parent_id": customer, "email": "hung@daiphat.example.com"})
    product = call("product.product", "create", {
        "name": "Thiết kế website", "type": "service", "list_price": 50000000})
    order = call("sale.order", "create", {
        "partner_id": customer,
        "order_line": [(0, 0, {"product_id": product})],
    })
    phase = call("b2b.phase", "create", {"order_id": order, "name": PHASE})
    call("sale.order", "action_confirm", [order])
    project = call("sale.order", "action_create_project", [order])
    call("project.project", "action_waive_team_agreement", [project],
         "The team agreed in the kick-off meeting")
    call("b2b.phase", "action_start", [phase])
    call("b2b.phase", "action_to_accept", [phase])
    action = call("b2b.phase", "action_request_acceptance", [phase])
    acceptance = action["res_id"]
    call("b2b.acceptance", "write", [acceptance], {"recipient_id": contact, "user_id": pm})
    call("b2b.acceptance", "action_send", [acceptance])
    token = call("b2b.acceptance", "read", [acceptance], ["access_token"])[0]["access_token"]
    return {"id": acceptance, "token": token, "phase": phase}


def test_customer_signs_and_accepts(walk, minutes):
    page = walk.page
    walk.goto(
        "/my/acceptances/%s?access_token=%s" % (minutes["id"], minutes["token"]),
        ".o_b2b_acceptance_body",
    )
    walk.see(PHASE)
    page.locator("a.o_b2b_acceptance_accept").click()
    dialog = walk.dialog()
    dialog.locator(".o_web_sign_name_input").fill(CONTACT)
    dialog.locator(".o_web_sign_draw_button").click()
    canvas = dialog.locator("canvas.o_web_sign_signature")
    canvas.wait_for(state="visible")
    box = canvas.bounding_box()
    page.mouse.move(box["x"] + 20, box["y"] + box["height"] / 2)
    page.mouse.down()
    for step in range(1, 10):
        page.mouse.move(box["x"] + 20 + step * 25, box["y"] + 20 + (step % 3) * 20)
    page.mouse.up()
    walk.shot("role_customer_signing")
    dialog.locator(".o_portal_sign_submit").click()
    page.wait_for_url("**message=accepted**")
    page.wait_for_selector(".o_b2b_acceptance_signed")
    walk.see(CONTACT, scope=".o_b2b_acceptance_signed")
    walk.shot("role_customer_accepted")


def test_phase_shows_accepted(walk, minutes):
    walk.login(PM_LOGIN)
    walk.goto(
        "/odoo/action-b2b_sales_delivery.b2b_phase_action/%s" % minutes["phase"],
        ".o_form_view",
    )
    walk.see(ACCEPTED, scope=".o_statusbar_status .o_arrow_button_current")
    walk.shot("role_customer_phase_accepted")
