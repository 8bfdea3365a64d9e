# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Shared set-up of the key indicators' tests: the events of each indicator
recorded on the roads users take, on fixed days (freezegun where the server
dates the fact itself), never today."""

from freezegun import freeze_time

from odoo import Command

from .common import B2bPipelineCase


class KpiCase(B2bPipelineCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Target = cls.env["b2b.kpi.target"]
        cls.other_customer = cls.env["res.partner"].create(
            {"name": "Công ty CP Thương mại Hòa Bình", "is_company": True}
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Triển khai phần mềm", "type": "service", "list_price": 1000000.0}
        )

    @classmethod
    def at(cls, moment, step, *args, **kwargs):
        """``step`` run as if it were ``moment`` (the server dates it)."""
        with freeze_time(moment):
            return step(*args, **kwargs)

    @classmethod
    def confirmed_order(cls, day, partner=None, user=None, amount=1000000.0, lead=None):
        """An order confirmed on ``day`` by ``user``."""
        user = user or cls.salesman
        order = (
            cls.env["sale.order"]
            .with_user(user)
            .create(
                {
                    "partner_id": (partner or cls.customer).id,
                    "user_id": user.id,
                    "opportunity_id": lead.id if lead else False,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": cls.product.id,
                                "price_unit": amount,
                                "tax_ids": [Command.clear()],
                            }
                        )
                    ],
                }
            )
        )
        cls.at(day + " 03:00:00", order.with_user(user).action_confirm)
        return order

    @classmethod
    def invoice(cls, day, amount, user=None, move_type="out_invoice", partner=None):
        """A posted customer invoice (or credit note) dated ``day``."""
        move = cls.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": (partner or cls.customer).id,
                "invoice_date": day,
                "invoice_user_id": (user or cls.salesman).id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "Triển khai",
                            "quantity": 1,
                            "price_unit": amount,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        move.action_post()
        return move

    def kpis(self, date_from, date_to, user=None, user_ids=None):
        """{(user id, kpi): (actual, target)} of get_kpi_values, as ``user``."""
        Target = self.Target.with_user(user or self.sales_manager)
        return {
            (row["user_id"], row["kpi"]): (row["actual"], row["target"])
            for row in Target.get_kpi_values(date_from, date_to, user_ids)
        }
