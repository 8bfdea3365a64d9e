# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every model of the addon that belongs to a company has a multi-company
record rule, and a user of company B reads none of company A's records of
any of them (issue 24.4), over the ORM and over JSON-2/RPC alike (the
rules are applied by the ORM's search and read, whatever the road)."""

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged

ADDON = "b2b_sales_delivery"
# The groups that read every model of the addon: a user of company B with
# all of them still sees nothing of company A.
READER_GROUPS = ",".join([
    "b2b_sales_delivery.group_b2b_manager",
    "sales_team.group_sale_manager",
    "project.group_project_manager",
    "account.group_account_manager",
])
# Constants for the NOT NULL columns of a row written by hand, per type.
# Numbers are 1: the smallest value the tables' CHECK constraints accept
# (a level from 1 to 5, a positive amount).
CONSTANTS = {
    "boolean": "false", "integer": "1", "numeric": "1", "double precision": "1",
    "jsonb": "'{}'::jsonb", "date": "date '2026-03-02'",
    "timestamp without time zone": "timestamp '2026-03-02 09:00:00'",
}


@tagged("post_install", "-at_install")
class TestMultiCompanyRules(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env["res.company"].create({"name": "Công ty A"})
        cls.company_b = cls.env["res.company"].create({"name": "Công ty B"})
        cls.user_a = new_test_user(
            cls.env, "mc_reader_a", groups=READER_GROUPS,
            company_id=cls.company_a.id, company_ids=[(6, 0, cls.company_a.ids)],
        )
        cls.user_b = new_test_user(
            cls.env, "mc_reader_b", groups=READER_GROUPS,
            company_id=cls.company_b.id, company_ids=[(6, 0, cls.company_b.ids)],
        )
        cls.models = sorted(
            name for name, model in cls.env.registry.items()
            if model._original_module == ADDON
            and not model._abstract and not model._transient
            and "company_id" in model._fields and model._fields["company_id"].store
        )
        # Rows of company A in every table a record of the addon points to.
        env = cls.env(context=dict(cls.env.context, allowed_company_ids=cls.company_a.ids))
        partner = env["res.partner"].create({"name": "Khách hàng A", "is_company": True})
        env["crm.lead"].create({"name": "Cơ hội A", "type": "opportunity",
                                "partner_id": partner.id, "company_id": cls.company_a.id})
        order = env["sale.order"].create({"partner_id": partner.id,
                                          "company_id": cls.company_a.id})
        env["project.project"].create({"name": "Dự án A", "company_id": cls.company_a.id,
                                       "partner_id": partner.id, "sale_order_id": order.id})
        # SQL views (_auto = False) are read through the rule too, but have
        # no row of their own to write: the tables behind them are covered.
        cls.records_a = {}
        for name in cls.models:
            if not cls.env[name]._auto:
                continue
            cls.records_a[name] = cls._row_of(cls.env[name]._table, cls.company_a.id)

    @classmethod
    def _row_of(cls, table, company_id, depth=0):
        """A row of ``table`` in the company, written by hand (every model
        alike, whatever its required fields): its NOT NULL columns get a
        constant (a selection its first value), its foreign keys a row of
        the table they point to (one of the company's where the table has
        ``company_id``, made the same way when none and the key is NOT
        NULL)."""
        cr = cls.env.cr
        cr.execute("""
            SELECT c.column_name, c.data_type, c.is_nullable = 'NO', fk.ref_table
              FROM information_schema.columns c
              LEFT JOIN (
                    SELECT kcu.column_name, ccu.table_name AS ref_table
                      FROM information_schema.table_constraints tc
                      JOIN information_schema.key_column_usage kcu
                        ON kcu.constraint_name = tc.constraint_name
                      JOIN information_schema.constraint_column_usage ccu
                        ON ccu.constraint_name = tc.constraint_name
                     WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_name = %(t)s
                   ) fk ON fk.column_name = c.column_name
             WHERE c.table_name = %(t)s AND c.column_default IS NULL
               AND c.column_name NOT IN ('id', 'create_uid', 'write_uid')
        """, {"t": table})
        model = next((model for model in cls.env.registry.values()
                      if model._table == table and not model._abstract), None)
        values, constants = {}, {}
        for column, data_type, required, ref_table in cr.fetchall():
            field = model._fields.get(column) if model is not None else None
            if column == "company_id":
                values[column] = company_id
            elif column == "active":
                constants[column] = "true"
            elif ref_table:
                row = cls._ref_row(ref_table, company_id, depth, create=required)
                if row:
                    values[column] = row
            elif field is not None and field.type == "selection" and required:
                selection = field.selection
                if callable(selection) or isinstance(selection, str):
                    selection = field._description_selection(cls.env)
                values[column] = selection[0][0]
            elif required:
                constants[column] = CONSTANTS.get(data_type, quote_text(column))
        columns = ", ".join('"%s"' % column for column in [*values, *constants])
        marks = ", ".join(["%s"] * len(values) + list(constants.values()))
        cr.execute(f'INSERT INTO "{table}" ({columns}) VALUES ({marks}) RETURNING id',
                   list(values.values()))
        return cr.fetchone()[0]

    @classmethod
    def _ref_row(cls, table, company_id, depth, create):
        cr = cls.env.cr
        cr.execute("SELECT 1 FROM information_schema.columns WHERE table_name = %s"
                   " AND column_name = 'company_id'", [table])
        where = "WHERE company_id = %s" % int(company_id) if cr.fetchone() else ""
        cr.execute(f'SELECT id FROM "{table}" {where} ORDER BY id LIMIT 1')
        row = cr.fetchone()
        if row or not create:
            return row and row[0]
        assert depth < 4, "no row of %s to point to" % table
        return cls._row_of(table, company_id, depth + 1)

    def test_models_found(self):
        """The loop covers the addon's models of a company (the test can
        only fail if it looks at them)."""
        for name in ("b2b.phase", "b2b.contract", "b2b.acceptance", "b2b.touchpoint",
                     "b2b.payment.plan.line", "b2b.weekly.goal"):
            self.assertIn(name, self.models)

    def test_every_model_has_a_multi_company_rule(self):
        for name in self.models:
            with self.subTest(model=name):
                rules = self.env["ir.rule"].search([
                    ("model_id.model", "=", name), ("global", "=", True),
                    ("perm_read", "=", True),
                ])
                self.assertTrue(
                    any("company_ids" in (rule.domain_force or "") for rule in rules),
                    "%s has no multi-company record rule" % name,
                )

    def test_company_b_reads_nothing_of_company_a(self):
        self.assertGreater(len(self.records_a), 10)
        for name, record_id in self.records_a.items():
            with self.subTest(model=name):
                # company A's own user finds it: the rule is what hides it
                self.assertEqual(
                    self.env[name].with_user(self.user_a).search([("id", "=", record_id)]).ids,
                    [record_id],
                )
                model_b = self.env[name].with_user(self.user_b)
                self.assertTrue(model_b.has_access("read"),
                                "%s is not readable at all by the test's readers" % name)
                self.assertFalse(model_b.search([("id", "=", record_id)]))
                self.assertFalse(model_b.search_count([("company_id", "=", self.company_a.id)]))
                self.assertFalse(model_b.search_fetch([("id", "=", record_id)], ["id"]))
                with self.assertRaises(AccessError):
                    model_b.browse(record_id).read(["company_id"])
                # sudo is not a road a user of company B has over RPC; the
                # context key a caller may send does not widen the rule
                other = model_b.with_context(allowed_company_ids=self.company_a.ids)
                with self.assertRaises(AccessError):
                    other.browse(record_id).read(["company_id"])


def quote_text(column):
    return "'%s'" % column.replace("'", "")
