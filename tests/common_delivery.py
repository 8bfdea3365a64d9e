# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Shared set-up of the delivery tests: a salesperson, a project manager and
a project user with the narrowest groups, a company working Monday to Friday
in Vietnam's time, service products (one creating a project on
confirmation), and a quotation with two phases. Never demo data, never
today's date."""

from datetime import date, datetime

from freezegun import freeze_time

from odoo.tests import TransactionCase, new_test_user

PLAN_START = date(2026, 3, 2)  # a Monday
# The confirmation: Monday 2 March 2026, 10:00 in Hanoi.
CONFIRMED_ON = datetime(2026, 3, 2, 3, 0)


class DeliveryCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.salesman = new_test_user(
            env,
            login="b2b_delivery_salesman",
            groups="sales_team.group_sale_salesman",
            name="Trần Thị Bình",
        )
        cls.salesman_other = new_test_user(
            env,
            login="b2b_delivery_salesman_other",
            groups="sales_team.group_sale_salesman",
            name="Lê Văn Cường",
        )
        cls.project_manager = new_test_user(
            env,
            login="b2b_delivery_pm",
            groups="project.group_project_manager",
            name="Phạm Thị Dung",
        )
        cls.project_user = new_test_user(
            env,
            login="b2b_delivery_project_user",
            groups="project.group_project_user",
            name="Hoàng Văn Em",
        )
        cls.calendar = env["resource.calendar"].create(
            {
                "name": "Giờ hành chính",
                "tz": "Asia/Ho_Chi_Minh",
                "attendance_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "Day %s" % day,
                            "dayofweek": str(day),
                            "hour_from": 8.0,
                            "hour_to": 17.0,
                        },
                    )
                    for day in range(5)
                ],
            }
        )
        env.company.resource_calendar_id = cls.calendar
        cls.customer = env["res.partner"].create(
            {"name": "Công ty TNHH Phần mềm Minh Phát", "is_company": True}
        )
        cls.service = env["product.product"].create(
            {
                "name": "Sản xuất video",
                "type": "service",
                "list_price": 100000000,
                "service_tracking": "no",
            }
        )
        cls.service_project = env["product.product"].create(
            {
                "name": "Triển khai phần mềm",
                "type": "service",
                "list_price": 200000000,
                "service_tracking": "project_only",
            }
        )
        cls.order = cls.create_order(cls.service)
        cls.phase_script, cls.phase_shooting = cls.create_phases(cls.order)

    @classmethod
    def create_order(cls, product, user=None):
        user = user or cls.salesman
        return (
            cls.env["sale.order"]
            .with_user(user)
            .create(
                {
                    "partner_id": cls.customer.id,
                    "user_id": user.id,
                    "order_line": [(0, 0, {"product_id": product.id})],
                }
            )
            .with_env(cls.env)
        )

    @classmethod
    def create_phases(cls, order, user=None):
        """Two phases planned on the quotation by its salesperson."""
        return (
            cls.env["b2b.phase"]
            .with_user(user or cls.salesman)
            .create(
                [
                    {
                        "order_id": order.id,
                        "name": "Kịch bản",
                        "sequence": 1,
                        "date_deadline": date(2026, 3, 13),
                    },
                    {
                        "order_id": order.id,
                        "name": "Quay phim",
                        "sequence": 2,
                        "date_deadline": date(2026, 6, 1),
                    },
                ]
            )
            .with_env(cls.env)
        )

    @classmethod
    def agree_plan(cls, project):
        """The team of ``project`` (its project manager, set if none, and its
        tasks' users) agrees to the current plan: its first phase may start."""
        project = project.sudo()
        if not project.user_id:
            project.user_id = cls.project_manager
        for user in project._b2b_team_members():
            project.with_user(user).action_b2b_agree_plan()
        return project.with_env(cls.env)

    @classmethod
    def confirm(cls, order, user=None):
        """Confirm ``order`` as its salesperson, dated ``CONFIRMED_ON``."""
        with freeze_time(CONFIRMED_ON):
            order.with_user(user or cls.salesman).action_confirm()
        return order
