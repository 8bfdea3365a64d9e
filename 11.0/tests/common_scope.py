# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Set-up shared by the tests of contracts, scope and change requests."""
from .common import B2BCase, create_user

# The scan of a scope signed by the customer (base64 of a small PDF): the
# customer's word kept with a confirmation recorded by a user.
SCAN = (
    "JVBERi0xLjQKMSAwIG9iajw8L1R5cGUvQ2F0YWxvZy9QYWdlcyAyIDAgUj4+ZW5kb2JqIDIg"
    "MCBvYmo8PC9UeXBlL1BhZ2VzL0tpZHNbXS9Db3VudCAwPj5lbmRvYmoKdHJhaWxlcjw8L1Jv"
    "b3QgMSAwIFI+PgolJUVPRgo="
)

# The customer's reply to the scope, as the mail gateway receives it
# (``mail.thread.message_process``); ``%(id)s``: the order's id.
SCOPE_REPLY = """Return-Path: <hung.le@minhphat.example.com>
From: =?utf-8?b?TMOqIFbEg24gSMO5bmc=?= <hung.le@minhphat.example.com>
To: khach-hang-b2b@example.com
Subject: Re: Scope
Message-ID: <b2b-scope-reply-%(id)s@minhphat.example.com>
Date: Mon, 02 Mar 2026 10:00:00 +0700
Content-Type: text/plain; charset="utf-8"

Chúng tôi xác nhận phạm vi.
"""


def receive_scope_reply(env, order):
    """The customer's reply to the scope, received by the mail gateway."""
    return env["mail.thread"].message_process(
        "sale.order", SCOPE_REPLY % {"id": order.id}, thread_id=order.id)


def create_scope_order(env, partner, user, price=1000000.0, items=None, **values):
    """A quotation of ``user`` for ``partner``: one untaxed service line of
    ``price`` and scope items ``[(category, name)]``."""
    product = env["product.product"].create(
        {"name": "Phần mềm quản lý kho", "type": "service",
         "invoice_policy": "order", "list_price": price, "taxes_id": [(5, 0, 0)]}
    )
    items = items or [("brief", "Mục tiêu dự án"), ("ui", "Giao diện web"),
                      ("timeline", "Bàn giao sau 6 tuần")]
    vals = {
        "partner_id": partner.id,
        "user_id": user.id,
        "order_line": [(0, 0, {"product_id": product.id, "name": product.name,
                               "product_uom_qty": 1.0, "price_unit": price,
                               "tax_id": [(5, 0, 0)]})],
        "scope_item_ids": [(0, 0, {"category": category, "name": name})
                           for category, name in items],
    }
    vals.update(values)
    return env["sale.order"].sudo(user).create(vals)


def create_link_parties(env, login, customer_name, email, **user_values):
    """The two sides of a customer link: a salesperson ``login`` and a
    company customer with an email."""
    salesman = create_user(
        env, login, ["sales_team.group_sale_salesman"], **user_values
    )
    customer = env["res.partner"].create(
        {"name": customer_name, "email": email, "is_company": True}
    )
    return salesman, customer


def create_opportunity(env, partner, user, name="Kho Minh Phát", **values):
    vals = {"name": name, "type": "opportunity", "partner_id": partner.id,
            "user_id": user.id}
    vals.update(values)
    return env["crm.lead"].create(vals)


class ScopeCase(B2BCase):
    """An order of the salesperson with three scope items, 1,000,000 untaxed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lead = create_opportunity(cls.env, cls.customer, cls.salesman)
        cls.order = create_scope_order(
            cls.env, cls.customer, cls.salesman, opportunity_id=cls.lead.id
        )
        cls.order_as_salesman = cls.order.sudo(cls.salesman)

    def confirm_scope(self, order=None):
        order = order or self.order_as_salesman
        order.action_confirm_scope(confirmed_by="Lê Văn Hùng", via="email",
                                   signed_copy=SCAN)
        return order
