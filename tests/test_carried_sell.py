# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Carried from 11.0 (test_amount_words, test_reports): the amounts in words
of the addon's documents, a negative one said as such and what is not a
number refused; each document printed by each role who may read its record,
on the model and through the report route."""

from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, TransactionCase, tagged

from .common_scope import SENT_ON, ScopeCase

ADDON = "b2b_sales_delivery"
# The addon's documents: (report, record of the set-up).
REPORTS = [
    ("action_report_b2b_acceptance", "acceptance"),
    ("action_report_b2b_change_request", "change"),
    ("b2b_contract_report_action", "contract"),
    ("b2b_contract_liquidation_report_action", "contract"),
    ("b2b_payment_plan_report", "order"),
    ("action_report_b2b_scope", "order"),
    ("b2b_payment_request_report", "installment"),
    ("action_report_b2b_plan", "project"),
    ("action_report_b2b_customer_plan", "project"),
    ("action_report_b2b_progress", "progress"),
    ("b2b_proposal_report_action", "proposal"),
]


class TestCarriedSellAmounts(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.vnd = cls.env.ref("base.VND")
        cls.vnd.active = True
        cls.env["res.lang"]._activate_lang("vi_VN")

    def test_negative_amount_in_words(self):
        vnd = self.vnd.with_context(lang="vi_VN")
        self.assertEqual(vnd._b2b_amount_in_words(15), "Mười Lăm đồng")
        # num2words alone reads -15 as "năm" (five) in Vietnamese.
        self.assertEqual(vnd._b2b_amount_in_words(-15), "Âm Mười Lăm đồng")
        self.assertEqual(vnd._b2b_amount_in_words(-15.0), "Âm Mười Lăm đồng")
        self.assertEqual(
            self.vnd.with_context(lang="en_US")._b2b_amount_in_words(-21), "Minus Twenty-One Dong"
        )
        # Less than the currency's rounding below zero is zero.
        self.assertEqual(vnd._b2b_amount_in_words(-0.2), vnd._b2b_amount_in_words(0))

    def test_refuses_what_is_not_a_number(self):
        for value in ("100", None, True, [15]):
            with self.subTest(value=value), self.assertRaisesRegex(TypeError, "needs a number"):
                self.vnd._b2b_amount_in_words(value)


class ReportsCase(ScopeCase):
    """A record of each document, made on the roads users take: the scope
    confirmed, the order with an installment confirmed, its project with
    the first phase's minutes and a progress report, a change request, a
    contract and a proposal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.customer.email = "minhphat@example.com"
        cls.lead = env["crm.lead"].create(
            {"name": "Video giới thiệu", "type": "opportunity",
             "partner_id": cls.customer.id, "user_id": cls.salesman.id}
        )
        cls.order.opportunity_id = cls.lead
        cls.order.with_user(cls.salesman).payment_plan_line_ids = [
            Command.create({"name": "Tạm ứng", "percent": 100, "trigger": "order_confirmed"})
        ]
        cls.installment = cls.order.payment_plan_line_ids
        cls.confirm_scope(cls.order)
        cls.confirm(cls.order)
        cls.change = env["b2b.change.request"].with_user(cls.salesman).create(
            {"order_id": cls.order.id, "name": "Thêm một video 30 giây", "extra_amount": 20000000}
        ).with_env(env)
        cls.project = env["project.project"].browse(cls.order.action_create_project())
        cls.project.message_subscribe(partner_ids=cls.project_user.partner_id.ids)
        cls.agree_plan(cls.project)
        phase = cls.phase_script.with_user(cls.project_manager)
        phase.action_start()
        phase.action_to_accept()
        cls.acceptance = env["b2b.acceptance"].browse(phase.action_request_acceptance()["res_id"])
        cls.progress = env["project.update"].browse(
            cls.project.with_user(cls.project_user).b2b_prepare_report(date(2026, 3, 11))
        )
        cls.contract = env["b2b.contract"].with_user(cls.salesman).create(
            {"partner_id": cls.customer.id, "lead_id": cls.lead.id}
        ).with_env(env)
        cls.proposal = env["b2b.proposal"].with_user(cls.salesman).create(
            {"lead_id": cls.lead.id, "needs": "<p>Video giới thiệu</p>",
             "offer": "<p>Một video 3 phút</p>", "amount": 100000000}
        ).with_env(env)
        cls.roles = (
            cls.salesman, cls.salesman_other, cls.sales_manager, cls.project_user,
            cls.project_manager, cls.accountant,
        )

    @staticmethod
    def may_read(record, user):
        try:
            record.with_user(user).check_access("read")
        except AccessError:
            return False
        return True


class TestCarriedSellReports(ReportsCase):
    def test_each_role_prints_what_it_may_read(self):
        """Each document is printed by each role whose Print menu offers it
        and who may read its record (no server error); a role who may not
        read it is refused."""
        failures, printed = [], set()
        Report = self.env["ir.actions.report"]
        for action, name in REPORTS:
            record = getattr(self, name)
            report = self.env.ref(f"{ADDON}.{action}")
            for user in self.roles:
                if report.group_ids and not report.group_ids & user.all_group_ids:
                    continue  # not in the user's Print menu
                readable = self.may_read(record, user)
                # What a request of the user has in its cache: nothing read
                # by another user.
                self.env.invalidate_all()
                try:
                    with self.env.cr.savepoint():
                        html, _kind = Report.with_user(user)._render_qweb_pdf(report.report_name, record.ids)
                except AccessError:
                    if readable:
                        failures.append(f"{action} as {user.login}: refused, the record is readable")
                    continue
                except Exception as error:  # noqa: BLE001 pylint: disable=broad-except
                    failures.append(f"{action} as {user.login}: {error!r}")
                    continue
                if not readable:
                    failures.append(f"{action} as {user.login}: printed without reading the record")
                self.assertTrue(html)
                printed.add((action, user.login))
        self.assertFalse(failures, "\n".join(failures))
        # Each document is printed by the people who work it.
        for action, login in (
            ("action_report_b2b_scope", self.salesman.login),
            ("b2b_proposal_report_action", self.salesman.login),
            ("action_report_b2b_acceptance", self.project_manager.login),
            ("action_report_b2b_progress", self.project_user.login),
            ("b2b_payment_request_report", self.accountant.login),
            ("b2b_contract_report_action", self.sales_manager.login),
        ):
            self.assertIn((action, login), printed)
        self.assertNotIn(("b2b_proposal_report_action", self.salesman_other.login), printed)
        # The order's payment plan is offered to those who read installments.
        self.assertIn(("b2b_payment_plan_report", self.accountant.login), printed)
        plan = self.env.ref(f"{ADDON}.b2b_payment_plan_report")
        self.assertFalse(plan.group_ids & self.project_manager.all_group_ids)
        self.assertTrue(self.may_read(self.order, self.project_manager))


@tagged("post_install", "-at_install")
class TestCarriedSellReportsHttp(HttpCase, ReportsCase):
    def test_report_route_as_each_role(self):
        """The print button's route: the document for the roles who may read
        it, never a server error for the others."""
        report = self.env.ref(f"{ADDON}.action_report_b2b_scope")
        for user, password in ((self.salesman, self.salesman.login), (self.salesman_other, self.salesman_other.login)):
            self.authenticate(user.login, password)
            response = self.url_open(f"/report/pdf/{report.report_name}/{self.order.id}")
            with self.subTest(user=user.login):
                if self.may_read(self.order, user):
                    self.assertEqual(response.status_code, 200)
                    self.assertIn(self.order.name, response.text)
                else:
                    self.assertIn(response.status_code, (200, 403))
                    self.assertNotIn("Video giới thiệu 3 phút", response.text)


@tagged("post_install", "-at_install")
class TestCarriedSellPages(HttpCase, ScopeCase):
    """The customer's pages after an answer: the result (who answered,
    when), never the form nor the buttons to answer again."""

    def assertResultOnly(self, html, *shown):
        self.assertNotIn("portal.signature_form", html)
        for marker in ("o_b2b_scope_confirm", "o_b2b_change_approve", "o_b2b_change_reject"):
            self.assertNotIn(marker, html)
        for text in shown:
            self.assertIn(text, html)

    def answer(self, record, suffix, name="Nguyễn Văn An"):
        url = record.get_portal_url(suffix=suffix)
        result = self.make_jsonrpc_request(url, {"name": name, "signature": False})
        self.assertIn("redirect_url", result)
        response = self.url_open(result["redirect_url"])
        self.assertEqual(response.status_code, 200)
        return response.text

    def test_after_each_answer_the_page_shows_the_result_only(self):
        self.send_scope(self.order)
        page = self.url_open(self.order.get_portal_url(suffix="/scope")).text
        self.assertIn("portal.signature_form", page)
        html = self.answer(self.order, "/scope/confirm")
        self.assertResultOnly(html, "Thank you: the scope is confirmed.", "Confirmed by", "Nguyễn Văn An")
        self.confirm(self.order)
        for decision, shown in (("approve", "Thank you: the change is approved."),
                                ("reject", "The change is rejected.")):
            change = self.env["b2b.change.request"].with_user(self.salesman).create(
                {"order_id": self.order.id, "name": f"Thêm video ({decision})", "extra_amount": 1000000}
            )
            with freeze_time(SENT_ON):
                change.action_send()
            page = self.url_open(change.get_portal_url()).text
            self.assertIn("o_b2b_change_approve", page)
            html = self.answer(change, f"/{decision}", name="Trần Thị Mai")
            self.assertResultOnly(html, shown, "Decided by", "Trần Thị Mai")
