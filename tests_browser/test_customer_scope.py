# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The customer, from the links of their mails and without logging in,
confirms the scope of their order with their name, then approves a change
request; each page speaks the customer's language (Vietnamese)."""

CUSTOMER = "Công ty CP Truyền thông Minh Anh"
ITEM = "Phim doanh nghiệp 5 phút"
CHANGE = "Thêm bản phim 30 giây"


def make_order(seed):
    customer = seed.call(
        "res.partner",
        "create",
        {"name": CUSTOMER, "email": "minhanh@example.com", "lang": "vi_VN"},
    )
    product = seed.call(
        "product.product",
        "create",
        {"name": "Sản xuất phim", "type": "service", "list_price": 50000000},
    )
    order = seed.call(
        "sale.order",
        "create",
        {
            "partner_id": customer,
            "order_line": [(0, 0, {"product_id": product})],
            "scope_item_ids": [(0, 0, {"category": "brief", "name": ITEM})],
        },
    )
    seed.call("sale.order", "action_send_scope", [order])
    return order


def token_of(seed, model, record_id):
    return seed.call(model, "read", [record_id], ["access_token"])[0]["access_token"]


def sign(page, scope, name):
    page.locator(f"{scope} input[name=signer]").fill(name)
    page.locator(f"{scope} .o_portal_sign_submit").click()


def test_customer_confirms_the_scope_and_approves_a_change(walk):
    seed = walk.seed
    page = walk.page
    order = make_order(seed)
    token = token_of(seed, "sale.order", order)
    walk.goto(f"/my/orders/{order}/scope?access_token={token}", ".o_b2b_scope_page")
    walk.see(ITEM)
    walk.see("Đầu bài")
    sign(page, ".o_b2b_scope_confirm", "Lê Minh Anh")
    walk.see("Cảm ơn quý khách: phạm vi công việc đã được xác nhận.")
    scope = seed.call("sale.order", "read", [order], ["scope_state", "scope_confirmed_by"])[0]
    assert scope["scope_state"] == "confirmed"
    assert scope["scope_confirmed_by"] == "Lê Minh Anh"
    walk.shot("customer_scope_confirmed")

    seed.call("sale.order", "action_confirm", [order])
    change = seed.call(
        "b2b.change.request",
        "create",
        {"order_id": order, "name": CHANGE, "extra_amount": 8000000, "extra_days": 3},
    )
    seed.call("b2b.change.request", "action_send", [change])
    token = token_of(seed, "b2b.change.request", change)
    walk.goto(f"/my/change_requests/{change}?access_token={token}", ".o_b2b_change_request_page")
    walk.see(CHANGE)
    sign(page, ".o_b2b_change_approve", "Lê Minh Anh")
    walk.see("Cảm ơn quý khách: thay đổi đã được phê duyệt.")
    state = seed.call("b2b.change.request", "read", [change], ["state"])[0]["state"]
    assert state == "approved"
    walk.shot("customer_change_approved")
