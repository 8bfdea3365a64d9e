# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Carried from 11.0 (test_generated_input, issue 24/25 item 8): a bad value
written to one of the addon's fields on Odoo's models (and to the minutes'
signed copy) is refused with a ValidationError naming the field, by create,
by write and through the RPC dispatch, and nothing is written
(models/b2b_input_check_odoo.py)."""

import re
import xmlrpc.client

from odoo.exceptions import ValidationError
from odoo.service.model import call_kw
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from . import test_rpc
from .common_delivery import DeliveryCase

ADDON = "b2b_sales_delivery"


class TestCarriedInput(DeliveryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.project = env["project.project"].create(
            {"name": "Triển khai video", "user_id": cls.project_manager.id}
        )
        cls.lead = env["crm.lead"].create(
            {"name": "Video giới thiệu", "type": "opportunity",
             "partner_id": cls.customer.id, "user_id": cls.salesman.id}
        )
        cls.acceptance = env["b2b.acceptance"].create(
            {"phase_id": cls.phase_script.id, "item_ids": [(0, 0, {"name": "Kịch bản"})]}
        )

    def assert_refused(self, call, label):
        with self.assertRaisesRegex(ValidationError, r"\b%s\b" % re.escape(label)):
            with self.env.cr.savepoint(), mute_logger("odoo.sql_db"):
                call()
                self.env.flush_all()

    def assert_refused_on_each_road(self, user, model, values, vals, label, record):
        """``vals`` is refused with a message naming ``label`` when creating
        (with ``values``), writing ``record`` and over RPC; nothing is
        written."""
        Model = self.env[model].with_user(user)
        record = record.with_user(user)
        before = record.sudo().read(list(vals))[0]
        count = Model.sudo().search_count([])
        roads = [
            ("create", lambda: Model.create(dict(values, **vals))),
            ("write", lambda: record.write(vals)),
            ("rpc", lambda: call_kw(Model, "write", [record.ids, vals], {})),
        ]
        for road, call in roads:
            with self.subTest(road=road):
                self.assert_refused(call, label)
        self.env.invalidate_all()
        self.assertEqual(record.sudo().read(list(vals))[0], before)
        self.assertEqual(Model.sudo().search_count([]), count)

    def test_task_customer_deadline_out_of_range(self):
        task = self.env["project.task"].create({"name": "Khảo sát", "project_id": self.project.id})
        values = {"name": "Khảo sát", "project_id": self.project.id}
        for value in ("9999-99-99", "0000-00-00", "10000-01-01", 3.5):
            self.assert_refused_on_each_road(
                self.project_manager, "project.task", values,
                {"date_deadline_customer": value}, "Customer Deadline", task)
        self.assert_refused_on_each_road(
            self.project_manager, "project.task", values,
            {"b2b_scope_item_id": "paper"}, task._fields["b2b_scope_item_id"].string, task)
        # a right value is still written, on each road
        task.with_user(self.project_manager).write({"date_deadline_customer": "2026-03-02"})
        self.assertEqual(str(task.date_deadline_customer), "2026-03-02")
        created = self.env["project.task"].with_user(self.project_manager).create(
            dict(values, date_deadline_customer="2026-03-03"))
        self.assertEqual(created.name, "Khảo sát")  # not refused (the date is computed)

    def test_activity_call_outcome_not_a_choice(self):
        activity = self.env["mail.activity"].create(
            {"res_model_id": self.env.ref("crm.model_crm_lead").id,
             "res_id": self.lead.id, "summary": "Gọi khách",
             "activity_type_id": self.env.ref("mail.mail_activity_data_call").id,
             "user_id": self.salesman.id}
        )
        values = {"res_model_id": self.env.ref("crm.model_crm_lead").id,
                  "res_id": self.lead.id, "summary": "Gọi lại",
                  "activity_type_id": self.env.ref("mail.mail_activity_data_call").id}
        self.assert_refused_on_each_road(
            self.salesman, "mail.activity", values,
            {"b2b_call_outcome": "paper"}, "Call Outcome", activity)
        value = self.env["mail.activity"]._fields["b2b_call_outcome"].get_values(self.env)[0]
        call_kw(activity.with_user(self.salesman), "write", [activity.ids, {"b2b_call_outcome": value}], {})
        self.assertEqual(activity.b2b_call_outcome, value)

    def test_invoice_installments_not_commands(self):
        """On 19 the installments (payment plan lines) are on the order."""
        values = {"partner_id": self.customer.id}
        label = self.order._fields["payment_plan_line_ids"].string
        for value in (-1, b"\xff\xd8", [(4, "x")], "paper"):
            self.assert_refused_on_each_road(
                self.salesman, "sale.order", values,
                {"payment_plan_line_ids": value}, label, self.order)

    def test_meeting_touchpoints_not_commands(self):
        event = self.env["calendar.event"].with_user(self.salesman).create(
            {"name": "Gặp khách", "start": "2026-03-02 02:00:00", "stop": "2026-03-02 03:00:00"}
        )
        values = {"name": "Gặp lại", "start": "2026-03-03 02:00:00", "stop": "2026-03-03 03:00:00"}
        label = event._fields["b2b_touchpoint_ids"].string
        for value in ([(4, "x")], -1, "paper"):
            self.assert_refused_on_each_road(
                self.salesman, "calendar.event", values,
                {"b2b_touchpoint_ids": value}, label, event)

    def test_lead_data_source_and_origin(self):
        values = {"name": "Cơ hội", "type": "opportunity"}
        self.assert_refused_on_each_road(
            self.salesman, "crm.lead", values,
            {"b2b_data_source": "không phải base64!"}, "Data Source", self.lead)
        self.assert_refused_on_each_road(
            self.salesman, "crm.lead", values,
            {"b2b_source_project_id": "2026-02-28 25:61:00"},
            self.lead._fields["b2b_source_project_id"].string, self.lead)
        self.assert_refused_on_each_road(
            self.salesman, "crm.lead", values,
            {"b2b_decision_date": "2026-02-30"},
            self.lead._fields["b2b_decision_date"].string, self.lead)

    def test_order_contract_not_a_record(self):
        self.assert_refused_on_each_road(
            self.salesman, "sale.order", {"partner_id": self.customer.id},
            {"b2b_contract_id": 1e308}, "Contract", self.order)
        self.assert_refused_on_each_road(
            self.salesman, "sale.order", {"partner_id": self.customer.id},
            {"b2b_contract_id": "paper"}, "Contract", self.order)

    def test_minutes_signed_copy_not_base64(self):
        acceptance = self.acceptance.with_user(self.project_manager)
        for road, call in (
            ("write", lambda: acceptance.write({"signed_copy": "không phải base64!"})),
            ("rpc", lambda: call_kw(
                acceptance, "write", [acceptance.ids, {"signed_copy": "===="}], {})),
        ):
            with self.subTest(road=road):
                self.assert_refused(call, "Signed Copy")
        self.env.invalidate_all()
        self.assertFalse(self.acceptance.signed_copy)

    def test_every_odoo_model_with_the_addons_fields_is_checked(self):
        """A field the addon adds to one of Odoo's models later is checked
        too: the model has the check (models/b2b_input_check_odoo.py)."""
        extended = {
            name for name, model in self.env.registry.models.items()
            if not name.startswith("b2b.") and not model._abstract
            and not model._transient and model._auto
            and any(field._module == ADDON and (field.store or field.inverse)
                    for field in model._fields.values())
        }
        self.assertIn("project.task", extended)
        unchecked = {
            name for name in extended if not any(
                cls.__module__ == "odoo.addons.%s.models.b2b_input_check_odoo" % ADDON
                for cls in type(self.env[name]).__mro__)
        }
        self.assertFalse(unchecked)


@tagged("post_install", "-at_install")
class TestCarriedInputRpc(HttpCase, DeliveryCase):
    """The same refusals over XML-RPC and JSON-2, as an integrator meets them."""

    call = test_rpc.TestRpc.call
    json2 = test_rpc.TestRpc.json2

    def test_bad_values_over_xmlrpc_and_json2(self):
        project = self.env["project.project"].create({"name": "Triển khai video"})
        task = self.env["project.task"].create({"name": "Khảo sát", "project_id": project.id})
        with mute_logger("odoo.http"), self.assertRaises(xmlrpc.client.Fault) as fault:
            self.call(self.project_manager, "project.task", "write",
                      [task.id], {"date_deadline_customer": "9999-99-99"})
        self.assertIn("Customer Deadline (Task)", fault.exception.faultString)
        response = self.json2(self.salesman, "sale.order", "write", ids=self.order.ids,
                              vals={"b2b_contract_id": "paper"})
        self.assertEqual(response.status_code, 422, response.text)
        self.assertIn("Contract (Sales Order)", response.json()["message"])
        self.env.invalidate_all()
        self.assertFalse(task.date_deadline_customer)
        self.assertFalse(self.order.b2b_contract_id)
