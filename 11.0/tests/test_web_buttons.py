# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every button of the addon works from the web client: Odoo 11's web client
sends the context as the last positional argument of a button's method
(``/web/dataset/call_button``), which a method with optional arguments would
take for its first one. The quotation's phases and plan made from the
opportunity do not take the opportunity for their order."""
import base64

from lxml import etree

import odoo
from odoo import fields
from odoo.exceptions import UserError
from odoo.tools.safe_eval import safe_eval

from .common import mark_sent
from .common_payment import THIRDS, B2BPaymentCase
from .common_scope import create_opportunity

PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n signed").decode()
# What the web client sends with a button, after the ids.
WEB_CONTEXT = {"lang": "vi_VN", "tz": "Asia/Ho_Chi_Minh", "uid": 1}


def click(record, method):
    """The button ``method`` of ``record`` as the web client calls it."""
    return odoo.api.call_kw(
        record.browse(), method, [record.ids, dict(WEB_CONTEXT)], {}
    )


class TestWebButtons(B2BPaymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order, cls.project, cls.phases = cls.create_order(1000.0, THIRDS)
        cls.order.action_confirm()

    def test_every_button_leaves_room_for_the_context(self):
        """Each ``type="object"`` button of the addon's views calls a method
        whose arguments leave the web client's context to Odoo."""
        data = self.env["ir.model.data"].search([
            ("module", "=", "b2b_sales_delivery"), ("model", "=", "ir.ui.view"),
        ])
        views = self.env["ir.ui.view"].browse(data.mapped("res_id")).filtered(
            lambda view: view.type in ("form", "tree", "kanban")
        )
        checked = set()
        for view in views:
            for button in etree.fromstring(view.arch_db.encode()).iter("button"):
                if button.get("type") != "object":
                    continue
                name = button.get("name")
                method = getattr(type(self.env[view.model]), name, None)
                self.assertTrue(method, "%s.%s" % (view.model, name))
                context, args, _kwargs = odoo.api.split_context(
                    method, [dict(WEB_CONTEXT)], {}
                )
                self.assertEqual(
                    (context, args), (WEB_CONTEXT, []),
                    "the button %s of %s takes the context for an argument"
                    % (name, view.model),
                )
                checked.add((view.model, name))
        for button in (("b2b.contract", "button_sign"),
                       ("b2b.acceptance", "button_accept"),
                       ("b2b.acceptance", "button_reject"),
                       ("b2b.change.request", "button_approve"),
                       ("b2b.change.request", "button_reject")):
            self.assertIn(button, checked)

    def test_contract_signed_from_the_form(self):
        contract = self.env["b2b.contract"].sudo(self.salesman).create({
            "partner_id": self.customer.id, "amount": 1000.0,
            "mark_lead_won": False,
        })
        self.assertIs(click(contract, "button_sign"), True)
        self.assertEqual(contract.state, "signed")
        # signed today, as the signer's web client dates it (its time zone)
        self.assertEqual(
            contract.date_signed,
            fields.Date.context_today(contract.with_context(dict(WEB_CONTEXT))),
        )

    def test_acceptance_recorded_from_the_form(self):
        acceptance = mark_sent(self.create_acceptance(self.phases[0]))
        manager = acceptance.sudo(self.project_manager)
        # What the project manager fills in on the form before the button.
        manager.write({
            "accepted_by": "Lê Văn Cường", "accepted_via": "paper",
            "signed_copy": PNG, "signed_copy_filename": "bbnt.png",
        })
        self.assertIs(click(manager, "button_accept"), True)
        self.assertEqual(
            (acceptance.state, acceptance.accepted_by, acceptance.accepted_via),
            ("accepted", "Lê Văn Cường", "paper"),
        )
        self.assertEqual(self.phases[0].state, "accepted")

    def test_rejection_recorded_from_the_form(self):
        acceptance = mark_sent(self.create_acceptance(self.phases[1]))
        manager = acceptance.sudo(self.project_manager)
        manager.write({"reject_reason": "Thiếu tài liệu hướng dẫn"})
        self.assertIs(click(manager, "button_reject"), True)
        self.assertEqual(acceptance.state, "rejected")
        self.assertEqual(acceptance.reject_reason, "Thiếu tài liệu hướng dẫn")

    def test_change_request_decided_from_the_form(self):
        Change = self.env["b2b.change.request"].sudo(self.salesman)
        approved, rejected = (Change.create({
            "order_id": self.order.id, "name": name, "extra_amount": 100.0,
        }) for name in ("Thêm báo cáo", "Thêm cổng thanh toán"))
        (approved | rejected).action_send()
        self.assertIs(click(approved, "button_approve"), True)
        self.assertIs(click(rejected, "button_reject"), True)
        self.assertEqual(
            (approved.state, rejected.state), ("approved", "rejected")
        )
        self.assertEqual(approved.decided_by, self.customer.display_name)

    def test_quotation_from_the_opportunity(self):
        """The order form opened from the opportunity (its id as
        ``active_id``) gives its phases and installments no default order:
        the form's own record is their order."""
        lead = create_opportunity(self.env, self.customer, self.salesman)
        view = self.env["sale.order"].sudo(self.salesman).with_context(
            active_id=lead.id, active_model="crm.lead",
        ).fields_view_get(view_type="form")
        arch = etree.fromstring(view["arch"])
        for name in ("phase_ids", "payment_plan_line_ids"):
            node = arch.xpath("//field[@name=%r]" % name)[0]
            self.assertNotIn("active_id", node.get("context") or "", name)
            # What the web client gives the new line: the field's context
            # evaluated with the form's active_id (the opportunity).
            context = safe_eval(node.get("context") or "{}", {
                "active_id": lead.id, "id": False, "context": {},
            })
            comodel = self.env["sale.order"]._fields[name].comodel_name
            defaults = self.env[comodel].sudo(self.salesman).with_context(
                **context).default_get(["order_id"])
            self.assertNotEqual(defaults.get("order_id"), lead.id, name)

    def test_delivery_project_from_the_wizard_has_task_stages(self):
        order = self.env["sale.order"].sudo(self.salesman).create({
            "partner_id": self.customer.id,
            "order_line": [(0, 0, {
                "product_id": self.product.id, "name": self.product.name,
                "product_uom_qty": 1, "price_unit": 500.0,
                "tax_id": [(5, 0, 0)],
            })],
        })
        order.action_confirm()
        wizard = self.env["b2b.project.create.wizard"].sudo(
            self.project_manager
        ).create({"order_id": order.id, "user_id": self.project_manager.id})
        project = self.env["project.project"].browse(wizard.action_create()["res_id"])
        stages = project.type_ids.sorted("sequence")
        self.assertEqual(len(stages), 4)
        self.assertEqual(stages.mapped("fold"), [False, False, False, True])
        phase = self.env["b2b.phase"].sudo(self.project_manager).create({
            "project_id": project.id, "name": "Giai đoạn 1", "sequence": 1,
        })
        Task = self.env["project.task"].sudo(self.project_manager).with_context(
            default_project_id=project.id)
        tasks = Task.create({"name": "Thiết kế", "phase_id": phase.id}) | Task.create(
            {"name": "Lập trình", "phase_id": phase.id})
        self.assertEqual(tasks.mapped("stage_id"), stages[0])
        tasks[0].stage_id = stages[-1]
        self.assertEqual(phase.progress, 50.0)

    def test_confirmed_order_billed_is_not_cancelled(self):
        order = self.order.sudo(self.salesman)
        invoice = order.payment_plan_line_ids[0].invoice_id
        self.assertTrue(invoice)
        with self.assertRaises(UserError) as error:
            order.action_cancel()
        self.assertIn("Đợt 1", error.exception.name)
        self.assertEqual(order.state, "sale")
        invoice.sudo(self.accountant).action_invoice_cancel()
        order.action_cancel()
        self.assertEqual(order.state, "cancel")
        self.assertIn("Confirmed order cancelled", order.message_ids[0].body)

    def test_phase_and_installment_names_are_one_for_every_language(self):
        phase = self.phases[0].sudo(self.project_manager)
        phase.with_context(lang="vi_VN").name = "Thiết kế giao diện"
        line = self.order.payment_plan_line_ids[1].sudo(self.salesman)
        line.with_context(lang="vi_VN").name = "Đợt thiết kế"
        for lang in ("en_US", "vi_VN"):
            phase.invalidate_cache()
            line.invalidate_cache()
            self.assertEqual(
                phase.with_context(lang=lang).name, "Thiết kế giao diện")
            self.assertEqual(line.with_context(lang=lang).name, "Đợt thiết kế")
