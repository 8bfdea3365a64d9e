# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Shared set-up of the payment plan tests: a company keeping its books in
đồng on Odoo's generic chart, two VAT rates, a salesperson and an accountant
with the narrowest groups, and the ordinary moves of an accountant (post,
cancel, reset to draft, credit note, payment). Never demo data, never
today's date."""

from datetime import date

from odoo import Command
from odoo.tests import TransactionCase, new_test_user

INVOICE_DATE = date(2026, 3, 10)
PAYMENT_DATE = date(2026, 3, 20)


class PaymentCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.vnd = env.ref("base.VND")
        cls.vnd.active = True
        cls.company = env["res.company"].create(
            {
                "name": "Công ty CP Truyền thông Đại Phát",
                "currency_id": cls.vnd.id,
                "country_id": env.ref("base.vn").id,
            }
        )
        env["account.chart.template"].try_loading(
            "generic_coa", company=cls.company, install_demo=False
        )
        cls.env = env = env(
            context=dict(env.context, allowed_company_ids=cls.company.ids)
        )
        company_values = {
            "company_id": cls.company.id,
            "company_ids": [Command.set(cls.company.ids)],
        }
        cls.salesman = new_test_user(
            env,
            login="b2b_pay_salesman",
            groups="sales_team.group_sale_salesman",
            name="Trần Thị Bình",
            **company_values,
        )
        cls.accountant = new_test_user(
            env,
            login="b2b_pay_accountant",
            groups="account.group_account_invoice",
            name="Nguyễn Thị Lan",
            **company_values,
        )
        Tax = env["account.tax"]
        cls.tax_10 = Tax.create(
            {
                "name": "VAT 10%",
                "amount": 10,
                "type_tax_use": "sale",
                "company_id": cls.company.id,
            }
        )
        cls.tax_8 = Tax.create(
            {
                "name": "VAT 8%",
                "amount": 8,
                "type_tax_use": "sale",
                "company_id": cls.company.id,
            }
        )
        cls.customer = env["res.partner"].create(
            {"name": "Công ty TNHH Phần mềm Minh Phát", "is_company": True}
        )
        Product = env["product.product"]
        cls.video = Product.create(
            {
                "name": "Sản xuất video",
                "type": "service",
                "invoice_policy": "order",
                "list_price": 123456789,
            }
        )
        cls.hosting = Product.create(
            {
                "name": "Lưu trữ",
                "type": "service",
                "invoice_policy": "order",
                "list_price": 33333333,
            }
        )

    @classmethod
    def create_order(cls, plan=(), user=None):
        """A quotation of two lines at 10 % and 8 % VAT (total 171,802,468
        đồng) with the installments ``plan``: dicts of plan line values."""
        user = user or cls.salesman
        order = (
            cls.env["sale.order"]
            .with_user(user)
            .create(
                {
                    "partner_id": cls.customer.id,
                    "user_id": user.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": cls.video.id,
                                "tax_ids": [Command.set(cls.tax_10.ids)],
                            }
                        ),
                        Command.create(
                            {
                                "product_id": cls.hosting.id,
                                "tax_ids": [Command.set(cls.tax_8.ids)],
                            }
                        ),
                    ],
                    "payment_plan_line_ids": [
                        Command.create(dict(values)) for values in plan
                    ],
                }
            )
        )
        return order.with_env(cls.env)

    @classmethod
    def three_thirds(cls):
        return [
            {"name": "Tạm ứng", "percent": 30, "trigger": "order_confirmed"},
            {"name": "Đợt 2", "percent": 30, "trigger": "order_confirmed"},
            {"name": "Quyết toán", "percent": 40, "trigger": "order_confirmed"},
        ]

    @classmethod
    def confirm(cls, order, user=None):
        order.with_user(user or cls.salesman).action_confirm()
        return order

    def invoice(self, line, user=None):
        """Invoice the installment as the accountant; its invoice."""
        invoice_id = line.with_user(user or self.accountant).action_invoice()
        return self.env["account.move"].browse(invoice_id)

    def post(self, move, user=None):
        move = move.with_user(user or self.accountant)
        if not move.invoice_date:
            move.invoice_date = INVOICE_DATE
        move.action_post()
        return move.with_env(self.env)

    def credit_note(self, invoice, user=None):
        """A draft credit note of the whole ``invoice``, from its Credit Note
        button."""
        reversal = (
            self.env["account.move.reversal"]
            .with_user(user or self.accountant)
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create(
                {
                    "journal_id": invoice.journal_id.id,
                    "date": INVOICE_DATE,
                    "reason": "Sai số tiền",
                }
            )
        )
        action = reversal.refund_moves()
        return self.env["account.move"].browse(action["res_id"])

    def pay(self, invoice, user=None):
        self.env["account.payment.register"].with_user(
            user or self.accountant
        ).with_context(active_model="account.move", active_ids=invoice.ids).create(
            {"payment_date": PAYMENT_DATE}
        ).action_create_payments()
