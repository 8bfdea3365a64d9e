# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Two companies: an installment is invoiced in its order's company
whatever company the accountant works in, and the addon's SQL views
(receivables, indicators, achievement, skills matrix) keep to the
companies of the reader."""

from odoo import Command
from odoo.tests import new_test_user

from .common_payment import PaymentCase

ADDON = "b2b_sales_delivery"


class TestCarriedCompany(PaymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.main = cls.env.ref("base.main_company")
        cls.reader_main = new_test_user(
            cls.env,
            login="b2b_company_reader_main",
            groups="sales_team.group_sale_manager,account.group_account_invoice,"
            "project.group_project_manager",
            company_id=cls.main.id,
            company_ids=[Command.set(cls.main.ids)],
        )
        cls.accountant_both = new_test_user(
            cls.env,
            login="b2b_company_accountant_both",
            groups="account.group_account_invoice",
            company_id=cls.main.id,
            company_ids=[Command.set((cls.main | cls.company).ids)],
        )
        cls.order = cls.confirm(cls.create_order(cls.three_thirds()))
        cls.line = cls.order.payment_plan_line_ids[0]

    def test_installment_invoiced_in_the_orders_company(self):
        line = self.line.with_user(self.accountant_both).with_context(
            allowed_company_ids=[self.main.id, self.company.id]
        )
        self.assertEqual(line.env.company, self.main)
        invoice = self.env["account.move"].browse(line.action_invoice())
        self.assertEqual(invoice.company_id, self.company)
        self.assertEqual(invoice.journal_id.company_id, self.company)
        self.assertEqual(invoice.invoice_line_ids.tax_ids.company_id, self.company)
        self.assertEqual(self.post(invoice, self.accountant_both).state, "posted")

    def sql_views(self):
        return [
            model
            for model in self.env.registry.values()
            if model._original_module == ADDON
            and (model._table_query is not None or not model._auto)
            and not model._abstract
            and "company_id" in model._fields
        ]

    def test_sql_views_keep_to_the_company(self):
        self.post(self.invoice(self.line))
        views = self.sql_views()
        self.assertIn("b2b.payment.receivable", {model._name for model in views})
        self.assertIn("b2b.kpi.event", {model._name for model in views})
        for model in views:
            Model = self.env[model._name]
            if model._name in ("b2b.payment.receivable", "b2b.kpi.event"):
                self.assertIn(self.company, Model.sudo().search([]).company_id, model._name)
            rows = Model.with_user(self.reader_main).with_context(
                allowed_company_ids=self.main.ids
            ).search([])
            self.assertLessEqual(rows.company_id, self.main, model._name)
            if Model.with_user(self.accountant_both).has_access("read"):
                rows = Model.with_user(self.accountant_both).with_context(
                    allowed_company_ids=self.main.ids
                ).search([])
                self.assertLessEqual(rows.company_id, self.main, model._name)
        values = self.env["b2b.kpi.target"].with_user(self.reader_main).with_context(
            allowed_company_ids=self.main.ids
        ).get_kpi_values("2000-01-01", "2100-12-31")
        self.assertNotIn(self.salesman.id, {row["user_id"] for row in values})
