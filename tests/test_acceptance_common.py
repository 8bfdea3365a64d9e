# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Shared set-up of the acceptance tests: the delivery's users, the
customer's contact with a portal user, another customer's portal user, the
accountants, a confirmed order whose project's first phase is ready for
acceptance, and its minutes drawn up by the project manager."""

import base64

from odoo.tests import new_test_user

from .common_delivery import DeliveryCase

# A 1x1 PNG: the drawn signature the portal component sends.
SIGNATURE = base64.b64encode(
    base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
    )
).decode()


class AcceptanceCase(DeliveryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.contact = env["res.partner"].create(
            {
                "name": "Nguyễn Văn An",
                "parent_id": cls.customer.id,
                "email": "an@minhphat.example.com",
                "lang": "en_US",
            }
        )
        cls.portal_user = new_test_user(
            env,
            login="b2b_acceptance_portal_an",
            groups="base.group_portal",
            partner_id=cls.contact.id,
            name=cls.contact.name,
            email=cls.contact.email,
        )
        cls.other_customer = env["res.partner"].create(
            {"name": "Công ty CP Đại Phát", "is_company": True}
        )
        cls.other_contact = env["res.partner"].create(
            {
                "name": "Lý Thị Hằng",
                "parent_id": cls.other_customer.id,
                "email": "hang@daiphat.example.com",
            }
        )
        cls.other_portal_user = new_test_user(
            env,
            login="b2b_acceptance_portal_hang",
            groups="base.group_portal",
            partner_id=cls.other_contact.id,
            name=cls.other_contact.name,
            email=cls.other_contact.email,
        )
        cls.accountant = new_test_user(
            env,
            login="b2b_acceptance_accountant",
            groups="account.group_account_readonly",
            name="Đỗ Văn Giang",
        )
        cls.billing = new_test_user(
            env,
            login="b2b_acceptance_billing",
            groups="account.group_account_invoice",
            name="Vũ Thị Hạnh",
        )
        cls.confirm(cls.order)
        cls.project = env["project.project"].browse(cls.order.action_create_project())
        cls.phase = cls.phase_script
        cls.task = env["project.task"].create(
            {
                "name": "Kịch bản phim giới thiệu",
                "project_id": cls.project.id,
                "milestone_id": cls.phase.milestone_id.id,
            }
        )
        cls.agree_plan(cls.project)
        cls.phase.with_user(cls.project_manager).action_start()
        cls.phase.with_user(cls.project_manager).action_to_accept()
        action = cls.phase.with_user(cls.project_manager).action_request_acceptance()
        cls.acceptance = env["b2b.acceptance"].browse(action["res_id"])
        cls.acceptance.recipient_id = cls.contact

    def send(self, acceptance=None, user=None):
        acceptance = acceptance or self.acceptance
        acceptance.with_user(user or self.project_manager).action_send()
        return acceptance
