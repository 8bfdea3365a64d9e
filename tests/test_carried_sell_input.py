# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Carried from 11.0 (test_generated_input): the fields the addon adds to
Odoo's models, written and created with generated wrong values of their own
type (a fixed seed and budget). Each write or create is carried out or
refused with a UserError (or the database's constraint, or Odoo's own check
of the value's type, which Odoo words for the caller), never an error
raised by the addon's code."""

import random
import traceback

from psycopg2 import IntegrityError

from odoo.exceptions import UserError

from .common_scope import ScopeCase

ADDON = "b2b_sales_delivery"
SEED = 23
BUDGET = 200
MISSING_ID = 2**31 - 1
# Fields no caller writes (Odoo's own bookkeeping).
SKIPPED_TYPES = ("one2many", "many2many", "binary", "properties", "json")


class _Rollback(Exception):
    pass


class TestCarriedSellInput(ScopeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.send_scope(cls.order)
        cls.lead = env["crm.lead"].create(
            {"name": "Video giới thiệu", "type": "opportunity",
             "partner_id": cls.customer.id, "user_id": cls.salesman.id}
        )
        cls.project = env["project.project"].create({"name": "Triển khai video", "user_id": cls.project_manager.id})
        cls.task = env["project.task"].create({"name": "Kịch bản", "project_id": cls.project.id})
        cls.team = env["crm.team"].create({"name": "Kinh doanh dự án"})
        cls.stage = env["crm.stage"].create({"name": "Gặp khách"})
        # (model, who writes it, a record, the values a new one needs)
        cls.targets = [
            ("crm.lead", cls.salesman, cls.lead,
             {"name": "Cơ hội", "type": "opportunity", "partner_id": cls.customer.id}),
            ("sale.order", cls.salesman, cls.order, {"partner_id": cls.customer.id}),
            ("project.project", cls.project_manager, cls.project, {"name": "Dự án"}),
            ("project.task", cls.project_manager, cls.task, {"name": "Việc", "project_id": cls.project.id}),
            ("res.partner", cls.salesman, cls.customer, {"name": "Công ty mới", "is_company": True}),
            ("crm.team", cls.sales_manager, cls.team, {"name": "Đội mới"}),
            ("crm.stage", cls.sales_manager, cls.stage, {"name": "Giai đoạn mới"}),
        ]

    def addon_fields(self, model_name):
        """The stored fields the addon adds to ``model_name`` that a caller
        may write."""
        return [
            field for field in self.env[model_name]._fields.values()
            if field._module == ADDON and field.store and not field.related
            and (not field.compute or field.inverse or not field.readonly)
            and field.type not in SKIPPED_TYPES
        ]

    def bad_values(self, field):
        """Wrong values of the field's own type."""
        kind = field.type
        if kind in ("char", "text", "html"):
            return ["", "   ", "\x00", "a" * 5000, "<script>alert(1)</script>"]
        if kind == "integer":
            return [-1, 0, 2**31 - 1, -(2**31)]
        if kind in ("float", "monetary"):
            return [-1.0, -0.001, 0.0, 1e15]
        if kind == "boolean":
            return [True, False]
        if kind == "date":
            return ["9999-12-31", "1900-01-01", "2026-03-01", False]
        if kind == "datetime":
            return ["9999-12-31 23:59:59", "1900-01-01 00:00:00", False]
        if kind == "selection":
            return [value for value, _label in field._description_selection(self.env)] + [False]
        if kind == "many2one":
            some = self.env[field.comodel_name].sudo().search([], limit=2).ids
            return [MISSING_ID, False] + some
        return [False]

    def call(self, user, run):
        """'done', 'refused', or the traceback of an error raised by the
        addon's code. Nothing it wrote is kept."""
        outcome = "done"
        try:
            with self.env.cr.savepoint():
                try:
                    run(user)
                    self.env.flush_all()
                except (UserError, IntegrityError):
                    outcome = "refused"
                raise _Rollback
        except _Rollback:
            self.env.invalidate_all()
        except Exception as error:  # noqa: BLE001 -- what the test looks for
            frames = traceback.extract_tb(error.__traceback__)
            outcome = (
                traceback.format_exc(limit=-4)
                if frames and f"/{ADDON}/" in frames[-1].filename
                else "refused"  # Odoo's own check of the value's type
            )
            self.env.invalidate_all()
        return outcome

    def test_the_addons_fields_on_odoos_models(self):
        rng = random.Random(SEED)
        plan = [
            (model, user, record, values, field)
            for model, user, record, values in self.targets
            for field in self.addon_fields(model)
        ]
        self.assertGreaterEqual(len({model for model, *_rest in plan}), 5)
        failures, outcomes = {}, {"done": 0, "refused": 0}
        for _index in range(BUDGET):
            model, user, record, values, field = rng.choice(plan)
            value = rng.choice(self.bad_values(field))
            if rng.random() < 0.5:
                road = "write"

                def run(user, record=record, field=field, value=value):
                    record.with_user(user).write({field.name: value})
            else:
                road = "create"

                def run(user, model=model, values=values, field=field, value=value):
                    self.env[model].with_user(user).create(dict(values, **{field.name: value}))
            outcome = self.call(user, run)
            if outcome in outcomes:
                outcomes[outcome] += 1
            else:
                failures[(model, field.name, road)] = "%s.%s %s %r:\n%s" % (
                    model, field.name, road, value, outcome
                )
        self.assertFalse(failures, "\n\n".join(failures.values()))
        self.assertTrue(outcomes["done"] and outcomes["refused"], outcomes)
