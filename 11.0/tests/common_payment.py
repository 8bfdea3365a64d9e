# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Set-up of the payment and acceptance tests: an order, its project, phases."""
from .common import B2BCase, create_user

THIRDS = (33.33, 33.33, 33.34)


class B2BPaymentCase(B2BCase):
    """A service product, a bank journal and helpers to build plans."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.product = env["product.product"].create({
            "name": "Triển khai phần mềm",
            "type": "service",
            "invoice_policy": "order",
            "list_price": 1000.0,
            "taxes_id": [(5, 0, 0)],
        })
        cls.bank_journal = env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", cls.company.id)], limit=1
        )
        cls.company.b2b_validate_installment_invoice = False
        cls.customer.lang = "en_US"
        cls.signatory = env["res.partner"].create({
            "name": "Nguyễn Văn An", "parent_id": cls.customer.id,
            "email": "an.nguyen@minhphat.example.com",
        })
        cls.portal_user = create_user(
            env, "b2b_portal_customer", ["base.group_portal"],
            name="Nguyễn Văn An", partner_id=cls.signatory.id,
        )

    @classmethod
    def use_vnd(cls):
        """The đồng active and rounded to the unit, with a pricelist in it:
        ``cls.vnd``, ``cls.pricelist_vnd``."""
        cls.vnd = cls.env.ref("base.VND")
        cls.vnd.write({"active": True, "rounding": 1.0})
        cls.pricelist_vnd = cls.env["product.pricelist"].create(
            {"name": "Bảng giá VND", "currency_id": cls.vnd.id}
        )

    @classmethod
    def create_order(cls, price=1000.01, plan=THIRDS, triggers=None, pricelist=None,
                     user=None):
        """An order of one line at ``price``, with a plan of percentages.

        ``triggers``: one trigger per installment (default: the first on
        confirmation, the others on the acceptance of phases 1, 2...). The
        project and one phase per phase-triggered installment are created.
        """
        env = cls.env
        user = user or cls.salesman
        values = {
            "partner_id": cls.customer.id,
            "user_id": user.id,
            "order_line": [(0, 0, {
                "product_id": cls.product.id,
                "name": cls.product.name,
                "product_uom_qty": 1,
                "product_uom": cls.product.uom_id.id,
                "price_unit": price,
                "tax_id": [(5, 0, 0)],
            })],
        }
        if pricelist:
            values["pricelist_id"] = pricelist.id
        order = env["sale.order"].sudo(user).create(values)
        project = env["project.project"].browse(order.sudo().action_create_project())
        # a delivery project is visible to its team: the project user is in it
        project.message_subscribe_users(user_ids=[cls.project_user.id])
        triggers = triggers or ["order_confirmed"] + ["phase_accepted"] * (
            len(plan) - 1
        )
        phases = env["b2b.phase"]
        lines = []
        for index, (percent, trigger) in enumerate(zip(plan, triggers)):
            line = {
                "sequence": (index + 1) * 10,
                "name": "Đợt %s" % (index + 1),
                "percent": percent,
                "trigger": trigger,
                "payment_days": 10,
            }
            if trigger == "phase_accepted":
                phase = phases.create({
                    "project_id": project.id,
                    "name": "Giai đoạn %s" % (len(phases) + 1),
                    "sequence": len(phases) + 1,
                })
                phase.action_start()
                phases |= phase
                line["phase_id"] = phase.id
            elif trigger == "date":
                line["date_planned"] = "2026-06-01"
            lines.append((0, 0, line))
        order.write({"payment_plan_line_ids": lines})
        return order, project, phases

    @classmethod
    def create_acceptance(cls, phase, user=None, **values):
        vals = {
            "phase_id": phase.id,
            "signatory_id": cls.signatory.id,
            "item_ids": [(0, 0, {"name": "Tài liệu yêu cầu"}),
                         (0, 0, {"name": "Bản thiết kế giao diện"})],
        }
        vals.update(values)
        return cls.env["b2b.acceptance"].sudo(user or cls.project_user).create(vals)

    def pay(self, invoice, amount=None, date="2026-05-20"):
        """Validate (if needed) and pay ``invoice`` as the accountant."""
        invoice = invoice.sudo(self.accountant)
        if invoice.state == "draft":
            invoice.action_invoice_open()
        journal = self.bank_journal.sudo(self.accountant)
        invoice.pay_and_reconcile(journal, amount or invoice.residual, date)
        return invoice
