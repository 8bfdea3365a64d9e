# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Closing a contract: refused while a phase, an installment or an invoice
is open; closed early only by a sales manager with a reason, logged; the
liquidation minutes printed once closed, in the customer's language, with
the amounts in Vietnamese words for đồng."""
from odoo.exceptions import AccessError, UserError

from . import test_reports
from .common import accept_by_customer
from .common_payment import THIRDS, B2BPaymentCase

PRICE = 1250000  # VND, no tax: installments 416 625 / 416 625 / 416 750


class TestContractLiquidation(B2BPaymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.use_vnd()
        cls.order, cls.project, cls.phases = cls.create_order(
            PRICE, THIRDS, pricelist=cls.pricelist_vnd
        )
        cls.contract = env["b2b.contract"].sudo(cls.salesman).create({
            "partner_id": cls.customer.id, "title": "Triển khai phần mềm",
            "currency_id": cls.vnd.id, "amount": PRICE,
        })
        cls.order.sudo(cls.salesman).b2b_contract_id = cls.contract
        cls.contract.action_sign()
        cls.order.sudo(cls.salesman).action_confirm()
        cls.contract = cls.contract.sudo(cls.salesman)

    def complete(self):
        """Accept every phase and pay every invoice."""
        for phase in self.phases:
            accept_by_customer(self.create_acceptance(phase), "Nguyễn Văn An")
        for invoice in self.order.invoice_ids:
            self.pay(invoice)

    def render(self, contract):
        report = self.env.ref(
            "b2b_sales_delivery.action_report_b2b_contract_liquidation"
        )
        return report.sudo(self.salesman).render_qweb_html(contract.ids)[0].decode()

    def test_refused_while_anything_is_open(self):
        contract = self.contract
        self.assertFalse(contract.liquidation_ready)
        with self.assertRaises(AccessError) as error:
            contract.action_close()
        message = error.exception.name
        for text in ("Giai đoạn 1", "Giai đoạn 2", "Đợt 1", "Đợt 2", "Đợt 3",
                     "not accepted", "not paid", "sales manager"):
            self.assertIn(text, message)
        # the old "Done" step meets the same rule
        with self.assertRaises(AccessError):
            contract.action_done()
        # phases accepted, installments invoiced but not paid: still open
        for phase in self.phases:
            accept_by_customer(self.create_acceptance(phase))
        self.assertEqual(self.order.payment_plan_line_ids.mapped("state"),
                         ["invoiced"] * 3)
        contract.invalidate_cache()
        self.assertNotIn("Giai đoạn", contract.liquidation_open_items)
        self.assertIn("Đợt 3", contract.liquidation_open_items)
        with self.assertRaises(AccessError):
            contract.action_close()
        # one invoice left unpaid is enough to refuse
        invoices = self.order.invoice_ids
        self.assertEqual(len(invoices), 3)
        for invoice in invoices[1:]:
            self.pay(invoice)
        invoices[0].sudo(self.accountant).action_invoice_open()
        contract.invalidate_cache()
        self.assertIn(invoices[0].number, contract.liquidation_open_items)
        with self.assertRaises(AccessError):
            contract.action_close()
        self.assertEqual(contract.state, "signed")
        self.assertFalse(contract.date_closed)
        with self.assertRaisesRegex(UserError, "printed once the contract is closed"):
            self.render(contract)

    def test_quotation_left_open_is_open(self):
        self.complete()
        other = self.order.copy({"b2b_contract_id": self.contract.id})
        self.contract.invalidate_cache()
        self.assertIn(other.name, self.contract.liquidation_open_items)
        with self.assertRaises(AccessError):
            self.contract.action_close()
        other.action_cancel()
        self.contract.invalidate_cache()
        self.assertTrue(self.contract.liquidation_ready)

    def test_closed_and_printed_when_everything_is_done(self):
        self.complete()
        contract = self.contract
        self.assertTrue(contract.liquidation_ready)
        self.assertIs(contract.action_close(), True)
        self.assertEqual(contract.state, "done")
        self.assertTrue(contract.date_closed)
        self.assertEqual(contract.closed_by_id, self.salesman)
        self.assertFalse(contract.closed_early)
        self.assertIn("every phase accepted", contract.message_ids[0].body)
        figures = contract._get_liquidation_figures()
        self.assertEqual(figures, {
            "value_untaxed": PRICE, "value_tax": 0, "value_total": PRICE,
            "invoiced": PRICE, "paid": PRICE, "outstanding": 0,
        })
        html = self.render(contract)
        for text in (
            "CONTRACT LIQUIDATION MINUTES", contract.name, self.customer.name,
            self.company.name, "Triển khai phần mềm", self.order.name,
            "Giai đoạn 1", "Giai đoạn 2", "Nguyễn Văn An",
            "Nothing is outstanding", "FOR PARTY A", "FOR PARTY B",
        ):
            self.assertIn(text, html)
        for acceptance in self.env["b2b.acceptance"].search(
            [("phase_id", "in", self.phases.ids)]
        ):
            self.assertIn(acceptance.name, html)
        for invoice in self.order.invoice_ids:
            self.assertIn(invoice.number, html)
        self.assertIn("1,250,000", html)
        self.assertNotIn("closed before completion", html)
        # closed once: a second closing is refused
        with self.assertRaisesRegex(UserError, "Only a signed contract"):
            contract.action_close()

    def test_minutes_in_vietnamese_with_amount_in_words(self):
        test_reports.TestReports.load_vietnamese(self)
        line = self.order.payment_plan_line_ids[0]
        request = self.env.ref(
            "b2b_sales_delivery.action_report_b2b_payment_request"
        ).render_qweb_html(line.ids)[0].decode()
        self.assertIn("Bốn trăm mười sáu nghìn sáu trăm hai mươi lăm đồng", request)
        self.complete()
        self.contract.action_close()
        html = self.render(self.contract)
        for text in ("BIÊN BẢN THANH LÝ HỢP ĐỒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     "ĐẠI DIỆN BÊN A", "ĐẠI DIỆN BÊN B", "Giá trị hợp đồng", "Bằng chữ:",
                     "Một triệu hai trăm năm mươi nghìn đồng"):
            self.assertIn(text, html)
        for text in ("CONTRACT LIQUIDATION MINUTES", "FOR PARTY A", "In words"):
            self.assertNotIn(text, html)

    def test_each_role_prints_the_minutes_it_may_read(self):
        """The accountant (Billing rights only) reads the contracts and
        prints their liquidation minutes, as the salespeople and the sales
        manager do: by the print menu (``report_action``) and the report
        route (``render_qweb_html``), never a server error."""
        self.complete()
        self.contract.action_close()
        report = self.env.ref(
            "b2b_sales_delivery.action_report_b2b_contract_liquidation")
        readers = []
        for user in (self.salesman, self.sales_manager, self.project_user,
                     self.project_manager, self.accountant):
            mine = self.contract.sudo(user)
            try:
                mine.check_access_rights("read")
                mine.check_access_rule("read")
            except AccessError:
                continue
            readers.append(user)
            # the form the print menu is on opens
            mine.read(list(mine.fields_view_get(view_type="form")["fields"]))
            action = report.sudo(user).report_action(mine)
            self.assertEqual(action["type"], "ir.actions.report")
            self.assertEqual(action["context"]["active_ids"], self.contract.ids)
            html = report.sudo(user).render_qweb_html(self.contract.ids)[0].decode()
            self.assertIn(self.contract.name, html, user.login)
            self.assertIn(self.order.name, html, user.login)
        self.assertIn(self.accountant, readers)
        # the accountant reads, never writes
        with self.assertRaises(AccessError):
            self.contract.sudo(self.accountant).write({"title": "x"})

    def test_closing_early_needs_a_sales_manager_and_a_reason(self):
        manager_contract = self.contract.sudo(self.sales_manager)
        with self.assertRaisesRegex(UserError, "Give the reason"):
            manager_contract.action_close()
        with self.assertRaisesRegex(UserError, "Give the reason"):
            manager_contract.action_close(reason="   ")
        with self.assertRaisesRegex(UserError, "must be a text"):
            manager_contract.action_close(reason=42)
        wizard = self.env["b2b.contract.close.wizard"].sudo(self.sales_manager).create({
            "contract_id": self.contract.id,
            "reason": "Khách hàng dừng dự án sau giai đoạn 1",
        })
        self.assertIn("Giai đoạn 1", wizard.open_items)
        wizard.action_close()
        contract = self.contract
        self.assertEqual(contract.state, "done")
        self.assertTrue(contract.closed_early)
        self.assertEqual(contract.closed_by_id, self.sales_manager)
        self.assertEqual(contract.close_reason, "Khách hàng dừng dự án sau giai đoạn 1")
        body = contract.message_ids[0].body
        for text in ("Closed before completion", self.sales_manager.name,
                     "Khách hàng dừng dự án sau giai đoạn 1", "Giai đoạn 2"):
            self.assertIn(text, body)
        html = self.render(contract)
        self.assertIn("closed before completion", html)
        self.assertIn("Khách hàng dừng dự án sau giai đoạn 1", html)
        self.assertNotIn("Nothing is outstanding", html)

    def test_button_closes_or_asks_for_the_reason(self):
        action = self.contract.action_close_open()
        self.assertEqual(action["res_model"], "b2b.contract.close.wizard")
        self.assertEqual(self.contract.state, "signed")
        self.complete()
        action = self.contract.action_close_open()
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(self.contract.state, "done")

    def test_state_and_facts_written_only_by_closing(self):
        self.complete()
        contract = self.contract
        for vals in ({"state": "done"}, {"date_closed": "2026-05-01"},
                     {"closed_by_id": self.salesman.id}, {"closed_early": True},
                     {"close_reason": "x"}):
            with self.assertRaises(UserError):
                contract.write(vals)
            with self.assertRaises(UserError):
                contract.sudo().write(vals)
            with self.assertRaises(UserError):
                contract.with_context(b2b_liquidation=True).write(vals)
        with self.assertRaises(UserError):
            self.env["b2b.contract"].sudo(self.salesman).create({
                "partner_id": self.customer.id, "state": "done",
            })
        result = self.env["b2b.contract"].sudo(self.salesman).load(
            ["partner_id/.id", "title", "date_closed"],
            [[str(self.customer.id), "Nhập khẩu", "2026-05-01"]],
        )
        self.assertFalse(result["ids"])
        self.assertIn("only by closing", result["messages"][0]["message"])
        self.assertEqual(contract.state, "signed")
        contract.action_close()
        copy = contract.copy()
        self.assertEqual(copy.state, "draft")
        self.assertFalse(copy.date_closed)
