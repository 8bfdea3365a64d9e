# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A generated test: over a thousand calls with bad input.

Random public methods of the addon and ``create`` / ``write`` of its models,
with values of wrong types, out-of-range numbers, long strings and bad dates,
as a salesperson, a project user, an accountant and a portal user (seeded:
the same calls on every run). Each call either succeeds within the rules or
is refused with one of Odoo's user-facing errors carrying a message; after a
refused call the addon's tables hold exactly what they held before.

A NOT NULL or foreign key refusal of the database (``IntegrityError``) counts
as refused: Odoo's RPC layer (``odoo.service.model.check``) turns it into a
``ValidationError`` naming the constraint before it reaches a caller.
"""
import inspect
import random
import re

import psycopg2

import odoo
from odoo.exceptions import ValidationError, except_orm
from odoo.tools import mute_logger

from .common_payment import THIRDS, B2BPaymentCase
from .common_scope import SCAN

SEED = 20261130
CALLS = 1200
MODULE = "odoo.addons.b2b_sales_delivery"
# Odoo's models the addon adds fields to, and the calls made on them.
ODOO_MODELS = ["sale.order", "sale.order.line", "crm.lead", "crm.team",
               "crm.stage", "project.project", "project.task",
               "account.invoice", "res.partner", "res.company", "res.users",
               "calendar.event", "mail.activity"]
ODOO_CALLS = 600
# Odoo 11's own create needs some of Odoo's own fields, whatever the addon's
# hold: calendar.event's create reads values["start"] and values["stop"]
# (KeyError without them), mail's res.users create answers a RedirectWarning
# to the settings without a login. The generator gives them, so that a create
# tries the addon's fields, not Odoo's (the login is made unique per call).
ODOO_CREATE_VALUES = {
    "calendar.event": {"name": "Họp", "start": "2026-03-02 09:00:00",
                       "stop": "2026-03-02 10:00:00"},
    "res.users": {"name": "Người dùng"},
}
# Methods that do not take a caller's input (framework hooks, views).
SKIPPED_METHODS = {
    "init", "fields_view_get", "default_get", "name_get", "name_search",
    "read_group", "search", "search_read", "search_count", "read", "copy",
    "unlink", "create", "write", "toggle_active", "message_post",
    "message_subscribe", "message_get_suggested_recipients",
    "get_mail_body", "with_context", "sudo",
}
BAD_VALUES = [
    None, True, False, 0, -1, 2 ** 31, -2 ** 63, 10 ** 30, 1e308, -1e308,
    float("nan"), float("inf"), 0.5, "", " ", "x" * 5000, "y" * 200000,
    "<script>alert(1)</script>", "'; DROP TABLE b2b_phase; --", "\u0000",
    "2026-02-30", "2026-13-01", "31/12/2026", "0000-00-00", "9999-99-99",
    "2026-02-28 25:61:00", "1000-01-01", "2026-03-01", "2026-03-01 10:00:00",
    "abc", "link", "paper", "approved", "accepted", "invoiced", "paid",
    [], [1, 2], [(6, 0, [999999999])], [(0, 0, {"name": 5})], [(4, "x")],
    {}, {"a": 1}, 999999999, 1,
    # malformed dates and times
    "2026-03-01T10:00:00", "2026-03-01 10:00", "2026-03-01 10:00:00+07:00",
    "2026-03-01 10:00:00.123456", "10:00:00", "2026-03-01 24:00:00",
    # files that are no base64
    "không phải base64!", "====", "data:image/png;base64,@@", b"\xff\xd8",
]


class TestGeneratedInput(B2BPaymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.order, cls.project, cls.phases = cls.create_order(1000.0, THIRDS)
        cls.order.scope_item_ids = [(0, 0, {"category": "brief", "name": "Mục tiêu"})]
        cls.order.action_confirm_scope(via="email", signed_copy=SCAN)
        cls.order.action_confirm()
        cls.acceptance = cls.create_acceptance(cls.phases[0])
        env["b2b.change.request"].create(
            {"order_id": cls.order.id, "name": "Thêm", "extra_amount": 10.0})
        env["b2b.weekly.goal"].create(
            {"project_id": cls.project.id, "name": "Tuần 1",
             "week_start": "2026-03-02"})
        env["b2b.kpi.target"].create(
            {"user_id": cls.salesman.id, "kpi": "orders", "target": 3,
             "date_from": "2026-03-01", "date_to": "2026-03-31"})
        cls.users = [cls.salesman, cls.project_user, cls.accountant,
                     cls.portal_user]
        cls.models = sorted(
            name for name, model in env.registry.models.items()
            if name.startswith("b2b.") and not model._abstract
            and not model._transient and model._auto
        )
        cls.tables = sorted(
            env[name]._table for name in cls.models
        )

    def checksum(self):
        """One digest of every row of the addon's tables."""
        parts = " UNION ALL ".join(
            "SELECT '{0}' AS t, md5(coalesce(string_agg(x::text, '|' ORDER BY "
            "x.id), '')) AS h FROM {0} x".format(table)
            for table in self.tables
        )
        self.env.cr.execute(
            "SELECT md5(string_agg(t || h, ',' ORDER BY t)) FROM (%s) s" % parts
        )
        return self.env.cr.fetchone()[0]

    def public_methods(self, model):
        """Public methods the addon defines on ``model``."""
        Model = type(self.env[model])
        names = []
        for name in dir(Model):
            if name.startswith("_") or name in SKIPPED_METHODS:
                continue
            function = getattr(Model, name, None)
            if not callable(function) or not getattr(
                function, "__module__", ""
            ).startswith(MODULE):
                continue
            names.append(name)
        return names

    def random_vals(self, rng, model, addon_only=False):
        fields = [
            name for name, field in self.env[model]._fields.items()
            if (field.store or field.inverse) and name not in (
                "id", "create_uid", "write_uid", "create_date", "write_date")
            and (not addon_only or field._module == MODULE.rsplit(".", 1)[1])
        ]
        if not fields:
            return {}
        return {
            rng.choice(fields): rng.choice(BAD_VALUES)
            for _i in range(rng.randint(1, 3))
        }

    def random_call(self, rng):
        """(description, function) of one random call."""
        user = rng.choice(self.users)
        model = rng.choice(self.models + ["sale.order", "crm.lead",
                                          "project.project", "account.invoice"])
        Model = self.env[model]
        records = Model.search([], limit=50)
        record = rng.choice(records) if records else Model.browse()
        kind = rng.random()
        if model.startswith("b2b.") and kind < 0.3:
            vals = self.random_vals(rng, model)
            return ("%s.create(%r) as %s" % (model, vals, user.login),
                    lambda: Model.sudo(user).create(vals))
        if model.startswith("b2b.") and kind < 0.6 and record:
            vals = self.random_vals(rng, model)
            return ("%s(%s).write(%r) as %s" % (model, record.id, vals, user.login),
                    lambda: record.sudo(user).write(vals))
        methods = self.public_methods(model)
        if not methods:
            return None
        name = rng.choice(methods)
        function = getattr(type(Model), name)
        if not record and getattr(function, "_api", None) != "model":
            return None  # a method of records, and there is none
        try:
            parameters = list(inspect.signature(function).parameters.values())[1:]
        except (TypeError, ValueError):
            parameters = []
        args = [
            rng.choice(BAD_VALUES) for parameter in parameters
            if parameter.kind in (parameter.POSITIONAL_ONLY,
                                  parameter.POSITIONAL_OR_KEYWORD)
            and (parameter.default is parameter.empty or rng.random() < 0.7)
        ]
        target = record if record else Model
        return ("%s(%s).%s(*%r) as %s" % (model, target.ids, name, args, user.login),
                lambda: getattr(target.sudo(user), name)(*args))

    def random_odoo_call(self, rng):
        """(description, function) of a create or write of the addon's
        fields on one of Odoo's models."""
        user = rng.choice(self.users)
        model = rng.choice(ODOO_MODELS)
        Model = self.env[model]
        vals = self.random_vals(rng, model, addon_only=True)
        if not vals:
            return None
        records = Model.search([], limit=50)
        if records and rng.random() < 0.7:
            record = rng.choice(records)
            return ("%s(%s).write(%r) as %s" % (model, record.id, vals, user.login),
                    lambda: record.sudo(user).write(vals))
        vals = dict(ODOO_CREATE_VALUES.get(model, {}), **vals)
        if model == "res.users":
            vals["login"] = "b2b_generated_%s" % rng.randrange(10 ** 9)
        return ("%s.create(%r) as %s" % (model, vals, user.login),
                lambda: Model.sudo(user).create(vals))

    @mute_logger("odoo.sql_db", "odoo.models", "odoo.addons.mail.models.mail_mail",
                 "odoo.addons.b2b_sales_delivery")
    def test_a_thousand_bad_calls(self):
        self.run_calls(self.random_call, SEED, CALLS)

    # Issue 25, "Smaller:": the addon's fields on Odoo's models answered
    # PostgreSQL's errors and tracebacks (models/b2b_input_check_odoo.py).
    @mute_logger("odoo.sql_db", "odoo.models", "odoo.addons.mail.models.mail_mail",
                 "odoo.addons.b2b_sales_delivery")
    def test_the_addons_fields_on_odoos_models(self):
        self.run_calls(self.random_odoo_call, SEED + 1, ODOO_CALLS)

    def run_calls(self, random_call, seed, calls):
        rng = random.Random(seed)
        failures = []
        done = refused = 0
        while done + refused < calls:
            call = random_call(rng)
            if not call:
                continue
            description, function = call
            before = self.checksum()
            try:
                with self.env.cr.savepoint():
                    function()
                done += 1
            except (except_orm, psycopg2.IntegrityError) as error:
                refused += 1
                message = getattr(error, "name", None) or getattr(
                    error, "pgerror", None) or ""
                if not message.strip():
                    failures.append((description, "no message: %r" % error))
                self.env.clear()
                if self.checksum() != before:
                    failures.append((description, "changed the data: %r" % error))
            except Exception as error:  # pylint: disable=broad-except
                self.env.clear()
                failures.append((description[:300], repr(error)[:300]))
        self.assertGreaterEqual(done + refused, calls)
        self.assertGreater(refused, calls // 10)
        self.assertFalse(
            failures,
            "%s of %s calls failed (%s done, %s refused), e.g.:\n%s" % (
                len(failures), calls, done, refused,
                "\n".join("%s\n    -> %s" % failure for failure in failures[:40])),
        )

    # The addon's fields on Odoo's models, one per field that answered a
    # traceback, on each road: create, write and the RPC dispatch.
    def assert_refused_on_each_road(self, user, model, values, vals, label,
                                    record=None):
        """``vals`` is refused with a message naming ``label`` when creating
        (with Odoo's ``values``), writing ``record`` and over RPC; nothing
        is written."""
        Model = self.env[model].sudo(user)
        record = (record or Model.create(dict(values))).sudo(user)
        before = record.read(list(vals))[0]
        roads = [
            ("create", lambda: Model.create(dict(values, **vals))),
            ("write", lambda: record.write(vals)),
            ("rpc", lambda: odoo.api.call_kw(Model, "write", [record.ids, vals], {})),
        ]
        for road, call in roads:
            with self.subTest(road=road), self.assertRaisesRegex(
                ValidationError, r"\b%s \(" % re.escape(label)
            ):
                with self.env.cr.savepoint():
                    call()
        record.invalidate_cache()
        self.assertEqual(record.read(list(vals))[0], before)
        return record

    def test_task_customer_deadline_out_of_range(self):
        task = self.assert_refused_on_each_road(
            self.project_user, "project.task",
            {"name": "Khảo sát", "project_id": self.project.id},
            {"date_deadline_customer": "9999-99-99"}, "Customer Deadline")
        self.assert_refused_on_each_road(
            self.project_user, "project.task", {"name": "Khảo sát"},
            {"date_deadline_agreed": "0000-00-00"}, "Date Agreed with the Customer", task)
        self.assert_refused_on_each_road(
            self.project_user, "project.task", {"name": "Khảo sát"},
            {"phase_id": "paper"}, "Phase", task)
        # a right value is still written
        task.sudo(self.project_user).write({"phase_id": self.phases[0].id})
        self.assertEqual(task.phase_id, self.phases[0])

    def test_activity_call_outcome_not_a_choice(self):
        lead = self.env["crm.lead"].sudo(self.salesman).create(
            {"name": "Cơ hội", "type": "opportunity", "user_id": self.salesman.id})
        self.assert_refused_on_each_road(
            self.salesman, "mail.activity",
            {"res_model_id": self.env.ref("crm.model_crm_lead").id,
             "res_id": lead.id, "summary": "Gọi khách",
             "activity_type_id": self.env.ref("mail.mail_activity_data_call").id},
            {"b2b_call_outcome": "paper"}, "Call Outcome")

    def test_invoice_installments_not_commands(self):
        invoice = self.env["account.invoice"].sudo(self.accountant).create(
            {"partner_id": self.customer.id, "type": "out_invoice"})
        for vals, label in (({"payment_plan_line_ids": -1}, "Installments"),
                            ({"payment_plan_line_ids": b"\xff\xd8"}, "Installments"),
                            ({"b2b_phase_id": [1, 2]}, "Phase")):
            self.assert_refused_on_each_road(
                self.accountant, "account.invoice",
                {"partner_id": self.customer.id}, vals, label, invoice)

    def test_meeting_touchpoints_not_commands(self):
        self.assert_refused_on_each_road(
            self.salesman, "calendar.event",
            ODOO_CREATE_VALUES["calendar.event"],
            {"b2b_touchpoint_ids": [(4, "x")]}, "Touchpoints")

    def test_lead_data_source_and_origin(self):
        lead = self.assert_refused_on_each_road(
            self.salesman, "crm.lead", {"name": "Cơ hội"},
            {"b2b_data_source": "không phải base64!"}, "Data Source")
        self.assert_refused_on_each_road(
            self.salesman, "crm.lead", {"name": "Cơ hội"},
            {"b2b_origin_project_id": "2026-02-28 25:61:00"},
            lead._fields["b2b_origin_project_id"].string, lead)

    def test_order_contract_not_a_record(self):
        self.assert_refused_on_each_road(
            self.salesman, "sale.order", {"partner_id": self.customer.id},
            {"b2b_contract_id": 1e308}, "Contract", self.order)

    def test_minutes_signed_copy_not_base64(self):
        """A file of the addon's models that is no base64 is refused, named
        (it reached ir.attachment's decoding before)."""
        acceptance = self.acceptance.sudo(self.project_user)
        for road, call in (
            ("write", lambda: acceptance.write({"signed_copy": "không phải base64!"})),
            ("rpc", lambda: odoo.api.call_kw(
                acceptance, "write", [acceptance.ids, {"signed_copy": "===="}], {})),
        ):
            with self.subTest(road=road), self.assertRaisesRegex(
                ValidationError, r"\bSigned Copy \("
            ):
                with self.env.cr.savepoint():
                    call()
        self.assertFalse(self.acceptance.signed_copy)

    def test_every_odoo_model_with_the_addons_fields_is_checked(self):
        """A field the addon adds to one of Odoo's models later is checked
        too: the model has the check (models/b2b_input_check_odoo.py)."""
        addon = MODULE.rsplit(".", 1)[1]
        extended = {
            name for name, model in self.env.registry.models.items()
            if not name.startswith("b2b.") and not model._abstract
            and not model._transient and model._auto
            and any(field._module == addon and (field.store or field.inverse)
                    for field in model._fields.values())
        }
        self.assertIn("project.task", extended)
        unchecked = {
            name for name in extended if not any(
                cls.__module__ == MODULE + ".models.b2b_input_check_odoo"
                for cls in type(self.env[name]).__mro__)
        }
        self.assertFalse(unchecked)
