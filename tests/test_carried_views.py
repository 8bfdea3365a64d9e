# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Carried from 11.0 (test_acceptance, test_payment_plan, test_skill,
test_role_paths, test_web_buttons, test_delivery_review, test_vietnamese):
what the views show. The kanban columns of every state, the skills matrix on
one screen with its gaps in red, the overdue filter inside any domain, a
quotation made from its opportunity with its phases, plan and committee, the
names a user types kept as typed in every language, and the fields the
addon's models take from Odoo's mixins read in Vietnamese."""

from datetime import date

from freezegun import freeze_time
from lxml import etree

from odoo import Command
from odoo.tests import Form, new_test_user

from .common import B2bPipelineCase
from .common_delivery import DeliveryCase
from .common_payment import PaymentCase
from .test_acceptance_common import AcceptanceCase
from .test_delivery_questions import QuestionCase

ADDON = "b2b_sales_delivery"


def kanban_columns(records, domain):
    """The kanban's columns as the web client asks them (the empty ones
    too): [(state, count)]."""
    groups = records.with_context(read_group_expand=True).formatted_read_group(
        domain, ["state"], ["__count"]
    )
    return [(group["state"], group["__count"]) for group in groups]


class KanbanMixin:
    def assertStateKanban(self, records, action_xmlid):
        """The kanban of ``records`` is grouped by state, drags nothing (the
        state changes only through its steps) and the menu's action offers
        it."""
        arch = etree.fromstring(records.get_views([(False, "kanban")])["views"]["kanban"]["arch"])
        self.assertEqual(arch.get("default_group_by"), "state")
        self.assertEqual(arch.get("records_draggable"), "false")
        self.assertIn("kanban", self.env.ref(action_xmlid).view_mode.split(","))


class TestCarriedViewsAcceptance(KanbanMixin, AcceptanceCase):
    def test_minutes_kanban_shows_every_state(self):
        Acceptance = self.env["b2b.acceptance"].with_user(self.project_user)
        self.assertStateKanban(Acceptance, f"{ADDON}.b2b_acceptance_action")
        domain = [("phase_id", "=", self.phase.id)]
        self.assertEqual(
            kanban_columns(Acceptance, domain),
            [("draft", 1), ("sent", 0), ("accepted", 0), ("rejected", 0)],
        )
        self.send()
        self.assertEqual(
            kanban_columns(Acceptance, domain),
            [("draft", 0), ("sent", 1), ("accepted", 0), ("rejected", 0)],
        )


class TestCarriedViewsPayment(KanbanMixin, PaymentCase):
    def test_installments_kanban_shows_every_state(self):
        order = self.confirm(self.create_order(self.three_thirds()))
        self.invoice(order.payment_plan_line_ids[0])
        Line = self.env["b2b.payment.plan.line"].with_user(self.accountant)
        self.assertStateKanban(Line, f"{ADDON}.b2b_payment_plan_line_action")
        self.assertEqual(
            kanban_columns(Line, [("order_id", "=", order.id)]),
            [("planned", 0), ("to_invoice", 2), ("invoiced", 1), ("paid", 0)],
        )


class TestCarriedViewsSkills(B2bPipelineCase):
    def test_matrix_on_one_screen_with_gaps_in_red(self):
        Matrix = self.env["b2b.skill.matrix"].with_user(self.sales_manager)
        views = Matrix.get_views([(False, "kanban"), (False, "list"), (False, "pivot")])["views"]
        kanban = etree.fromstring(views["kanban"]["arch"])
        self.assertEqual(kanban.get("default_group_by"), "user_id")
        # The card's badge is red where the salesperson falls short.
        badge = kanban.xpath("//span[contains(@t-attf-class, 'text-bg-danger')]")
        self.assertEqual(len(badge), 1)
        self.assertIn("has_gap", badge[0].get("t-attf-class"))
        listing = etree.fromstring(views["list"]["arch"])
        self.assertEqual(listing.get("decoration-danger"), "has_gap")
        pivot = etree.fromstring(views["pivot"]["arch"])
        self.assertEqual([field.get("name") for field in pivot.xpath("//field[@type='row']")], ["user_id"])
        action = self.env.ref(f"{ADDON}.b2b_skill_matrix_action")
        self.assertEqual(action.view_mode.split(",")[0], "kanban")
        # One column per salesperson, a card per skill of the catalogue.
        skills = self.env["b2b.skill"].search_count([])
        self.assertEqual(skills, 8)
        groups = Matrix.formatted_read_group(
            [("user_id", "in", (self.salesman | self.salesman_other).ids)],
            ["user_id"],
            ["__count", "has_gap:bool_or"],
        )
        self.assertEqual(
            sorted((group["user_id"][0], group["__count"]) for group in groups),
            sorted([(self.salesman.id, skills), (self.salesman_other.id, skills)]),
        )


class TestCarriedViewsQuestions(QuestionCase):
    def test_overdue_filter_in_any_domain(self):
        late = self._question(name="Màu chủ đạo?")
        on_time = self._question(name="Nhạc nền?", date_due=date(2026, 3, 20))
        answered = self._question(name="Giọng đọc?")
        answered.with_user(self.project_manager).action_answer("Giọng nữ miền Bắc.")
        mine = [("id", "in", (late | on_time | answered).ids)]
        Question = self.Question
        with freeze_time("2026-03-16 03:00:00"):
            # The search view's filter, as it is, then next to other leaves
            # and operators.
            search = etree.fromstring(Question.get_views([(False, "search")])["views"]["search"]["arch"])
            overdue_filter = search.xpath("//filter[@name='overdue']")[0].get("domain")
            self.assertEqual(overdue_filter, "[('is_overdue', '=', True)]")
            self.assertEqual(Question.search(mine + [("is_overdue", "=", True)]), late)
            self.assertEqual(
                Question.search(["|", ("is_overdue", "=", True), ("state", "=", "answered")] + mine),
                late | answered,
            )
            self.assertEqual(Question.search(mine + [("is_overdue", "=", False)]), on_time | answered)
            self.assertEqual(Question.search(mine + ["!", ("is_overdue", "=", True)]), on_time | answered)
            self.assertEqual(Question.search(mine + [("is_overdue", "!=", True)]), on_time | answered)
            self.assertEqual(late.is_overdue, True)
        with freeze_time("2026-03-10 03:00:00"):
            self.assertFalse(Question.search(mine + [("is_overdue", "=", True)]))


class TestCarriedViewsQuotation(B2bPipelineCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.service = cls.env["product.product"].create(
            {"name": "Sản xuất video", "type": "service", "list_price": 100000000}
        )
        cls.lead = cls.create_lead("Video giới thiệu")
        cls.member = cls.env["b2b.stakeholder"].create(
            {
                "lead_id": cls.lead.id,
                "partner_id": cls.contact_hoa.id,
                "role_ids": [Command.set(cls.role_payer.ids)],
                "goal_department": "Giảm chi phí kho",
                "benefit_cost": True,
            }
        )

    def test_quotation_from_the_opportunity(self):
        """The quotation the salesperson opens from the opportunity gets its
        phases and installments on the form: the form's own record is their
        order, never the opportunity of the context."""
        action = self.lead.with_user(self.salesman).action_sale_quotations_new()
        context = dict(action["context"], active_id=self.lead.id, active_model="crm.lead")
        with Form(self.env["sale.order"].with_user(self.salesman).with_context(**context)) as form:
            self.assertEqual(form.partner_id, self.customer)
            self.assertEqual(form.opportunity_id, self.lead)
            with form.order_line.new() as line:
                line.product_id = self.service
            for name, deadline in (("Kịch bản", date(2026, 3, 13)), ("Quay phim", date(2026, 6, 1))):
                with form.phase_ids.new() as phase:
                    phase.name = name
                    phase.date_deadline = deadline
            for name, percent in (("Tạm ứng", 30), ("Quyết toán", 70)):
                with form.payment_plan_line_ids.new() as installment:
                    installment.name = name
                    installment.percent = percent
                    installment.trigger = "order_confirmed"
        quotation = form.record
        self.assertEqual(quotation.opportunity_id, self.lead)
        self.assertEqual(quotation.phase_ids.mapped("name"), ["Kịch bản", "Quay phim"])
        self.assertEqual(quotation.phase_ids.order_id, quotation)
        self.assertEqual(quotation.payment_plan_line_ids.mapped("percent"), [30, 70])
        self.assertEqual(quotation.payment_plan_line_ids.order_id, quotation)
        first, last = quotation.payment_plan_line_ids.mapped("amount")
        self.assertEqual(first, quotation.currency_id.round(quotation.amount_total * 0.3))
        self.assertEqual(first + last, quotation.amount_total)
        self.assertEqual(quotation.b2b_stakeholder_ids, self.member)

    def test_committee_goals_on_the_quotation(self):
        quotation = self.env["sale.order"].with_user(self.salesman).create(
            {"partner_id": self.customer.id, "opportunity_id": self.lead.id}
        )
        self.assertEqual(quotation.b2b_stakeholder_ids, self.member)
        self.assertEqual(quotation.b2b_stakeholder_ids.goal_department, "Giảm chi phí kho")
        self.assertTrue(quotation.b2b_stakeholder_ids.benefit_cost)
        # The committee stays the opportunity's: a member added there shows
        # on the quotation, and a quotation without opportunity has none.
        other = self.env["b2b.stakeholder"].create({"lead_id": self.lead.id, "partner_id": self.contact_an.id})
        self.assertEqual(quotation.b2b_stakeholder_ids, self.member | other)
        self.assertFalse(
            self.env["sale.order"].with_user(self.salesman).create(
                {"partner_id": self.customer.id}
            ).b2b_stakeholder_ids
        )
        arch = etree.fromstring(
            self.env["sale.order"].with_user(self.salesman).get_views([(False, "form")])["views"]["form"]["arch"]
        )
        page = arch.xpath("//page[@name='b2b_committee']")
        self.assertEqual(len(page), 1)
        columns = page[0].xpath(".//field[@name='b2b_stakeholder_ids']/list/field/@name")
        for name in ("goal_personal", "goal_department", "goal_company",
                     "benefit_revenue", "benefit_cost", "benefit_management"):
            self.assertIn(name, columns)
        # A user outside the B2B process (an accountant) opens the order
        # without the committee.
        accountant = new_test_user(self.env, login="b2b_views_accountant", groups="account.group_account_invoice")
        arch = self.env["sale.order"].with_user(accountant).get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertNotIn("b2b_stakeholder_ids", arch)
        self.assertEqual(quotation.with_user(accountant).read(["name"])[0]["name"], quotation.name)


class TestCarriedViewsLanguages(DeliveryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.env["ir.module.module"]._load_module_terms([ADDON], ["vi_VN"], overwrite=True)

    def test_phase_and_installment_names_are_one_for_every_language(self):
        """A phase's and an installment's name is what the user typed, the
        same in every language (no translation of a name)."""
        line = self.env["b2b.payment.plan.line"].with_user(self.salesman).create(
            {"order_id": self.order.id, "name": "Tạm ứng", "percent": 100, "trigger": "order_confirmed"}
        )
        phase = self.phase_script.with_user(self.salesman)
        phase.with_context(lang="vi_VN").name = "Thiết kế giao diện"
        line.with_context(lang="vi_VN").name = "Đợt thiết kế"
        phase.with_context(lang="en_US").sequence = 5
        for lang in ("en_US", "vi_VN"):
            self.env.invalidate_all()
            self.assertEqual(phase.with_context(lang=lang).name, "Thiết kế giao diện")
            self.assertEqual(line.with_context(lang=lang).name, "Đợt thiết kế")
        for model in ("b2b.phase", "b2b.payment.plan.line"):
            self.assertFalse(self.env[model]._fields["name"].translate, model)

    def test_fields_taken_from_mixins_read_in_vietnamese(self):
        """The chatter's and the activities' fields of the addon's models
        (taken from Odoo's mixins) read in Vietnamese, their labels and
        their choices, as the mixin's own."""
        names = ["activity_ids", "activity_state", "message_follower_ids", "message_ids"]
        models = [
            name for name, model in self.env.registry.items()
            if name.startswith("b2b.") and not model._abstract and not model._transient
            and all(field in model._fields for field in names)
        ]
        self.assertIn("b2b.contract", models)
        mixin = self.env["mail.activity.mixin"].with_context(lang="vi_VN").fields_get(["activity_state"])
        for name in models:
            vi = self.env[name].with_context(lang="vi_VN").fields_get(names, ["string", "selection"])
            en = self.env[name].with_context(lang="en_US").fields_get(names, ["string", "selection"])
            for field in names:
                with self.subTest(model=name, field=field):
                    self.assertNotEqual(vi[field]["string"], en[field]["string"])
            with self.subTest(model=name, field="activity_state choices"):
                self.assertEqual(vi["activity_state"]["selection"], mixin["activity_state"]["selection"])
                self.assertNotEqual(vi["activity_state"]["selection"], en["activity_state"]["selection"])
        # Odoo's catalogues name the choices after the mixin's module and list
        # Odoo's models only: without the addon's copy, English.
        field = self.env["ir.model.fields"]._get("b2b.contract", "activity_state")
        self.env.cr.execute(
            "UPDATE ir_model_fields_selection SET name = jsonb_build_object('en_US', name->>'en_US') "
            "WHERE field_id = %s",
            [field.id],
        )
        self.env["ir.model.fields.selection"].invalidate_model(["name"])
        self.env.registry.clear_cache("stable")
        Contract = self.env["b2b.contract"].with_context(lang="vi_VN")
        self.assertEqual(Contract.fields_get(["activity_state"])["activity_state"]["selection"][0][1], "Overdue")
        self.env["ir.module.module"]._load_module_terms([ADDON], ["vi_VN"])
        self.assertEqual(
            Contract.fields_get(["activity_state"])["activity_state"]["selection"],
            mixin["activity_state"]["selection"],
        )
