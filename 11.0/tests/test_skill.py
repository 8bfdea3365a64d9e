# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Skills of the sales staff: the eight of the process, assessments, the matrix."""
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError
from odoo.tools import mute_logger

from .common import create_user
from .common_kpi import KpiCase


class TestSkill(KpiCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.closing = cls.env.ref("b2b_sales_delivery.skill_closing")
        cls.product_skill = cls.env.ref("b2b_sales_delivery.skill_product")
        Assessment = cls.env["b2b.skill.assessment"].sudo(cls.sales_manager)
        cls.Assessment = Assessment
        cls.first = Assessment.create({
            "user_id": cls.salesman.id, "skill_id": cls.closing.id, "level": 2,
            "date": "2026-01-10", "note": "Chưa tự tin khi chốt đơn.",
        })
        cls.last = Assessment.create({
            "user_id": cls.salesman.id, "skill_id": cls.closing.id, "level": 4,
            "date": "2026-02-10",
        })
        cls.other = Assessment.create({
            "user_id": cls.salesman_other.id, "skill_id": cls.product_skill.id,
            "level": 1, "date": "2026-02-10",
        })

    def test_eight_skills_of_the_seed(self):
        skills = self.env["b2b.skill"].search([])
        self.assertEqual(len(skills), 8)
        self.assertEqual(skills[0], self.env.ref("b2b_sales_delivery.skill_customer"))
        self.assertEqual(skills[-1], self.env.ref("b2b_sales_delivery.skill_office_tools"))

    def test_manager_extends_the_skills(self):
        skill = self.env["b2b.skill"].sudo(self.sales_manager).create(
            {"name": "Thuyết trình", "required_level": 4}
        )
        matrix = self.env["b2b.skill.matrix"].search(
            [("user_id", "=", self.salesman.id), ("skill_id", "=", skill.id)]
        )
        self.assertEqual((matrix.level, matrix.required_level, matrix.gap), (0, 4, 4))

    def test_salesperson_cannot_change_skills_or_assessments(self):
        with self.assertRaises(AccessError):
            self.env["b2b.skill"].sudo(self.salesman).create({"name": "X"})
        with self.assertRaises(AccessError):
            self.first.sudo(self.salesman).write({"level": 5})

    def test_assessment_defaults(self):
        self.assertEqual(self.first.assessor_id, self.sales_manager)
        self.assertEqual(self.first.team_id, self.team_north)
        self.assertEqual(self.first.required_level, 3)

    @mute_logger("odoo.sql_db")
    def test_level_out_of_range_refused(self):
        with self.assertRaises(IntegrityError):
            self.Assessment.create({
                "user_id": self.salesman.id, "skill_id": self.closing.id,
                "level": 6, "date": "2026-02-11",
            })

    @mute_logger("odoo.sql_db")
    def test_required_level_out_of_range_refused(self):
        with self.assertRaises(IntegrityError):
            self.env["b2b.skill"].sudo(self.sales_manager).create(
                {"name": "Thuyết trình", "required_level": 0}
            )

    @mute_logger("odoo.sql_db")
    def test_skill_names_unique(self):
        with self.assertRaises(IntegrityError):
            self.env["b2b.skill"].sudo(self.sales_manager).create(
                {"name": "Closing"}
            )

    def test_matrix_last_level_and_gaps(self):
        Matrix = self.env["b2b.skill.matrix"].sudo(self.sales_manager)
        rows = Matrix.search([("user_id", "in", (self.salesman | self.salesman_other).ids)])
        self.assertEqual(len(rows), 16)
        got = {(r.user_id.id, r.skill_id.id): (r.level, r.gap, r.date) for r in rows}
        # the last assessment counts: level 4, no gap
        self.assertEqual(got[(self.salesman.id, self.closing.id)], (4, 0, "2026-02-10"))
        self.assertEqual(got[(self.salesman_other.id, self.product_skill.id)],
                         (1, 2, "2026-02-10"))
        # never assessed: level 0, the whole required level is the gap
        self.assertEqual(got[(self.salesman.id, self.product_skill.id)], (0, 3, False))
        team = Matrix.read_group(
            [("team_id", "=", self.team_north.id), ("user_id", "=", self.salesman.id)],
            ["gap"], [],
        )
        self.assertEqual(team[0]["gap"], 7 * 3)

    def test_matrix_on_one_screen_with_gaps_in_red(self):
        Matrix = self.env["b2b.skill.matrix"].sudo(self.sales_manager)
        kanban = Matrix.fields_view_get(view_type="kanban")["arch"]
        self.assertIn('default_group_by="user_id"', kanban)
        self.assertIn("label-danger", kanban)
        pivot = Matrix.fields_view_get(view_type="pivot")["arch"]
        self.assertEqual(pivot.count('type="measure"'), 1)
        action = self.env.ref("b2b_sales_delivery.b2b_skill_matrix_action")
        self.assertEqual(action.view_mode.split(",")[0], "kanban")
        groups = Matrix.read_group(
            [("user_id", "in", (self.salesman | self.salesman_other).ids)],
            ["skill_id", "user_id"], ["user_id"],
        )
        self.assertEqual([g["user_id_count"] for g in groups], [8, 8])

    def test_access_own_and_team(self):
        own = self.env["b2b.skill.assessment"].sudo(self.salesman).search([])
        self.assertEqual(own, self.first | self.last)
        led = self.env["b2b.skill.assessment"].sudo(self.leader).search([])
        self.assertEqual(led, self.first | self.last)
        matrix = self.env["b2b.skill.matrix"].sudo(self.salesman_other).search([])
        self.assertEqual(set(matrix.mapped("user_id").ids), {self.salesman_other.id})

    def test_users_outside_sales_are_not_in_the_matrix(self):
        accountant = create_user(self.env, "b2b_kpi_acc", ["account.group_account_invoice"])
        self.assertFalse(
            self.env["b2b.skill.matrix"].search([("user_id", "=", accountant.id)])
        )
