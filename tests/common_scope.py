# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Shared set-up of the scope and change request tests: the delivery set-up
(tests/common_delivery.py) with a customer who has an email and a portal
user, a sales manager, an accountant, an 8 % VAT on the order's line, and
the quotation's scope. The customer's mail arrives through the mail
gateway (``message_process``), as odoo-mailgate delivers it. Fixed dates."""

from datetime import datetime

from freezegun import freeze_time

from odoo.tests import new_test_user

from .common_delivery import DeliveryCase

SENT_ON = datetime(2026, 2, 23, 3, 0)
# The customer's answer, a day after the scope was sent, recorded the next day.
ANSWERED_ON = "Tue, 24 Feb 2026 09:00:00 +0700"
CONFIRMED_ON = datetime(2026, 2, 25, 3, 0)


class ScopeCase(DeliveryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.portal_user = new_test_user(
            env,
            login="b2b_scope_portal",
            groups="base.group_portal",
            partner_id=cls.customer.id,
            name=cls.customer.name,
            email="minhphat@example.com",
        )
        cls.other_customer = env["res.partner"].create(
            {"name": "Công ty CP Truyền thông Sao Mai", "email": "saomai@example.com"}
        )
        cls.portal_other = new_test_user(
            env,
            login="b2b_scope_portal_other",
            groups="base.group_portal",
            partner_id=cls.other_customer.id,
            name=cls.other_customer.name,
            email=cls.other_customer.email,
        )
        cls.sales_manager = new_test_user(
            env,
            login="b2b_scope_sales_manager",
            groups="sales_team.group_sale_manager",
            name="Đỗ Minh Quân",
        )
        cls.accountant = new_test_user(
            env,
            login="b2b_scope_accountant",
            groups="account.group_account_invoice",
            name="Vũ Thị Hạnh",
        )
        cls.vat8 = env["account.tax"].create(
            {"name": "VAT 8%", "amount": 8.0, "amount_type": "percent", "type_tax_use": "sale"}
        )
        cls.order.order_line.tax_ids = cls.vat8
        cls.items = cls.add_items(cls.order)

    @classmethod
    def add_items(cls, order, user=None):
        return (
            cls.env["b2b.scope.item"]
            .with_user(user or cls.salesman)
            .create(
                [
                    {"order_id": order.id, "category": "brief", "name": "Video giới thiệu 3 phút"},
                    {
                        "order_id": order.id,
                        "category": "format",
                        "name": "MP4 1080p",
                        "description": "Phụ đề tiếng Việt và tiếng Anh",
                    },
                ]
            )
            .with_env(cls.env)
        )

    @classmethod
    def send_scope(cls, order):
        with freeze_time(SENT_ON):
            order.with_user(cls.salesman).action_send_scope()
        return order

    @classmethod
    def customer_mail(cls, record, body="Chúng tôi đồng ý.", date=ANSWERED_ON, sender=None):
        """A mail of the customer received by the mail gateway on ``record``."""
        sender = sender or cls.customer
        raw = (
            "From: %s <%s>\r\n"
            "To: sales@example.com\r\n"
            "Subject: Re: %s\r\n"
            "Date: %s\r\n"
            "Message-ID: <b2b-%s-%s@example.com>\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\n%s\r\n"
        ) % (sender.name, sender.email, record.display_name, date, record._name, record.id, body)
        cls.env["mail.thread"].message_process(record._name, raw.encode(), thread_id=record.id)
        return cls.env["mail.message"].search(
            [("model", "=", record._name), ("res_id", "=", record.id)], order="id desc", limit=1
        )

    @classmethod
    def confirm_scope(cls, order):
        """The scope sent, answered by the customer's mail, recorded."""
        if order.scope_state == "draft":
            cls.send_scope(order)
        cls.customer_mail(order)
        with freeze_time(CONFIRMED_ON):
            order.with_user(cls.salesman).action_confirm_scope()
        return order
