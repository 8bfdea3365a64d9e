# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The accountant (Billing rights only, in Vietnamese) works on the invoices
of a payment plan with Odoo's ordinary moves: the installment's first invoice
was cancelled and the installment invoiced again; taking the cancelled
invoice back to draft and posting it would bill the installment twice, and
Odoo refuses it by name. The installments list shows the plan's state read
from the invoices."""
import xmlrpc.client

import pytest

ACCOUNTANT = "b2b_ke_toan"
CUSTOMER = "Công ty TNHH Thép Hòa Bình"
ADVANCE = "Tạm ứng 40%"
REFUSED = "mỗi đợt thanh toán chỉ được xuất hóa đơn một lần"
INVOICED = "Đã xuất hóa đơn"  # the installment's state "Invoiced"


@pytest.fixture(scope="module")
def invoices(seed):
    """A confirmed order whose plan is 40 % on confirmation and 60 % on a
    date; the advance invoiced, posted, cancelled, invoiced again and
    posted: the old invoice stays cancelled."""
    call = seed.call

    def odoo_step(model, method, ids):
        # Odoo's own buttons may return None, which XML-RPC cannot carry
        # back: the step is done and committed all the same.
        try:
            call(model, method, ids)
        except xmlrpc.client.Fault as fault:
            if "cannot marshal None" not in fault.faultString:
                raise

    call("res.users", "create", {
        "name": "Đặng Thu Hà",
        "login": ACCOUNTANT,
        "password": ACCOUNTANT,
        "lang": "vi_VN",
        "tz": "Asia/Ho_Chi_Minh",
        "group_ids": [(6, 0, [seed.ref("account.group_account_invoice")])],
    })
    customer = call("res.partner", "create", {
        "name": CUSTOMER, "is_company": True, "email": "ketoan@hoabinh.example.com"})
    product = call("product.product", "create", {
        "name": "Triển khai phần mềm kho thép", "type": "service",
        "invoice_policy": "order", "list_price": 100000000})
    order = call("sale.order", "create", {
        "partner_id": customer,
        "order_line": [(0, 0, {"product_id": product})],
        "payment_plan_line_ids": [
            (0, 0, {"sequence": 1, "name": ADVANCE, "percent": 40,
                    "trigger": "order_confirmed"}),
            (0, 0, {"sequence": 2, "name": "Thanh toán 60%", "percent": 60,
                    "trigger": "date", "date_due": "2030-01-31"}),
        ],
    })
    call("sale.order", "action_confirm", [order])
    advance = call("b2b.payment.plan.line", "search", [
        ("order_id", "=", order), ("sequence", "=", 1)])
    first = call("b2b.payment.plan.line", "action_invoice", advance)
    odoo_step("account.move", "action_post", [first])
    odoo_step("account.move", "button_cancel", [first])
    second = call("b2b.payment.plan.line", "action_invoice", advance)
    assert second != first
    odoo_step("account.move", "action_post", [second])
    return {"first": first, "second": second, "order": order}


def test_accountant_cannot_bill_an_installment_twice(walk, invoices):
    page = walk.page
    walk.login(ACCOUNTANT)
    walk.goto(
        "/odoo/action-account.action_move_out_invoice_type/%s" % invoices["first"],
        ".o_form_view",
    )
    page.locator(".o_form_view button[name=button_draft]").click()
    page.locator(".o_form_view button[name=action_post]:visible").first.click()
    dialog = walk.dialog()
    expect_text = dialog.get_by_text(REFUSED, exact=False)
    expect_text.wait_for(state="visible")
    walk.shot("role_accountant_refused")
    dialog.locator("button.btn-primary").first.click()


def test_accountant_sees_the_plan_from_the_invoices(walk, invoices):
    walk.login(ACCOUNTANT)
    walk.goto("/odoo/action-b2b_sales_delivery.b2b_payment_plan_line_action", ".o_list_view")
    # The list opens on what is left to invoice: the accountant clears it.
    walk.page.locator(".o_searchview .o_facet_remove").first.click()
    walk.see(ADVANCE)
    walk.see(INVOICED, scope=".o_list_view")
    walk.shot("role_accountant_plan")
