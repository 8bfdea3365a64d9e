# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Set-up of the delivery tests: an order, its delivery project on a fixed
plan start, a team, and a project user who is not in the team."""
from .common import B2BCase, create_user

PLAN_START = "2026-03-02"  # a Monday


class DeliveryCase(B2BCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        # Creates delivery projects from the orders: sees the orders, manages
        # projects.
        cls.delivery_lead = create_user(
            env, "b2b_delivery_lead",
            ["sales_team.group_sale_salesman_all_leads",
             "project.group_project_manager"],
        )
        cls.project_user_other = create_user(
            env, "b2b_project_user_other", ["project.group_project_user"]
        )
        cls.customer_contact = env["res.partner"].create({
            "name": "Nguyễn Văn An", "parent_id": cls.customer.id,
            "email": "an.nguyen@minhphat.example.com",
        })
        cls.contract = env["b2b.contract"].create({"partner_id": cls.customer.id})
        cls.order = env["sale.order"].create({
            "partner_id": cls.customer.id,
            "user_id": cls.salesman.id,
            "b2b_contract_id": cls.contract.id,
        })
        cls.project = env["project.project"].browse(
            cls.order.sudo(cls.delivery_lead).action_create_project()
        )
        cls.calendar = env["resource.calendar"].create({
            "name": "Giờ hành chính",
            "attendance_ids": [
                (0, 0, {"name": "Day %s" % day, "dayofweek": str(day),
                        "hour_from": 8.0, "hour_to": 17.0})
                for day in range(5)
            ],
        })
        cls.project.write({
            "plan_date_start": PLAN_START,
            "resource_calendar_id": cls.calendar.id,
            "user_id": cls.project_manager.id,
            "review_partner_ids": [(6, 0, cls.customer_contact.ids)],
        })
        env["b2b.team.agreement"].create(
            {"project_id": cls.project.id, "user_id": cls.project_user.id}
        )
        cls.phase = env["b2b.phase"].create({
            "project_id": cls.project.id, "name": "Kịch bản",
            "date_deadline": "2026-03-13",
        })
