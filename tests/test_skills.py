# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Skills of the sales staff: the eight of the seed, assessments by a sales
manager (dated, history kept), levels required per company or team, the
matrix with its gaps, and who sees what."""

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from . import test_rpc
from .common import B2bPipelineCase


class TestSkills(B2bPipelineCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.closing = ref("b2b_sales_delivery.skill_closing")
        cls.product = ref("b2b_sales_delivery.skill_product")
        cls.other_manager = new_test_user(
            cls.env,
            login="b2b_sales_manager_2",
            groups="sales_team.group_sale_manager",
            name="Hoàng Văn Em",
        )
        cls.Assessment = cls.env["b2b.skill.assessment"].with_user(cls.sales_manager)
        cls.first = cls.Assessment.create(
            {
                "user_id": cls.salesman.id,
                "skill_id": cls.closing.id,
                "level": 2,
                "date": "2026-01-10",
                "note": "Chưa tự tin khi chốt đơn.",
            }
        )
        cls.last = cls.Assessment.create(
            {
                "user_id": cls.salesman.id,
                "skill_id": cls.closing.id,
                "level": 4,
                "date": "2026-02-10",
            }
        )
        cls.other = cls.Assessment.create(
            {
                "user_id": cls.salesman_other.id,
                "skill_id": cls.product.id,
                "level": 1,
                "date": "2026-02-10",
            }
        )

    def matrix(self, user=None, **domain):
        Matrix = self.env["b2b.skill.matrix"].with_user(user or self.sales_manager)
        return Matrix.search([(name, "=", value) for name, value in domain.items()])

    # -- the skills ------------------------------------------------------

    def test_eight_skills_of_the_seed_in_vietnamese(self):
        skills = self.env["b2b.skill"].search([])
        self.assertEqual(len(skills), 8)
        self.assertEqual(skills[0], self.env.ref("b2b_sales_delivery.skill_customer"))
        self.assertEqual(
            skills[-1], self.env.ref("b2b_sales_delivery.skill_office_tools")
        )
        self.assertEqual(
            skills.with_context(lang="vi_VN").mapped("name"),
            [
                "Hiểu khách hàng",
                "Hiểu sản phẩm",
                "Hiểu mô hình kinh doanh - Hiểu thị trường",
                "Xúc tiến",
                "Đàm phán - Thuyết phục",
                "Chốt hợp đồng",
                "Triển khai",
                "Tin học Văn phòng",
            ],
        )

    def test_manager_extends_the_skills_salesperson_cannot(self):
        skill = (
            self.env["b2b.skill"]
            .with_user(self.sales_manager)
            .create({"name": "Thuyết trình", "required_level": 4})
        )
        row = self.matrix(user_id=self.salesman.id, skill_id=skill.id)
        self.assertEqual((row.level, row.required_level, row.gap, row.has_gap), (0, 4, 4, True))
        with self.assertRaises(AccessError):
            self.env["b2b.skill"].with_user(self.salesman).create({"name": "X"})
        with self.assertRaises(AccessError):
            self.closing.with_user(self.salesman).write({"required_level": 1})

    @mute_logger("odoo.sql_db")
    def test_required_level_out_of_range_refused(self):
        with self.assertRaises(IntegrityError):
            self.env["b2b.skill"].with_user(self.sales_manager).create(
                {"name": "Thuyết trình", "required_level": 0}
            )

    @mute_logger("odoo.sql_db")
    def test_skill_names_unique(self):
        with self.assertRaises(IntegrityError):
            self.env["b2b.skill"].with_user(self.sales_manager).create(
                {"name": "Closing contracts"}
            )

    # -- assessments -----------------------------------------------------

    def test_manager_assesses_on_the_form(self):
        form = Form(self.env["b2b.skill.assessment"].with_user(self.sales_manager))
        form.user_id = self.salesman
        form.skill_id = self.product
        form.level = 3
        form.date = "2026-03-01"
        assessment = form.save()
        self.assertEqual(assessment.assessor_id, self.sales_manager)
        self.assertEqual(assessment.team_id, self.team_b2b)
        self.assertEqual(assessment.company_id, self.env.company)

    def test_salesperson_cannot_assess(self):
        Assessment = self.env["b2b.skill.assessment"].with_user(self.salesman)
        vals = {
            "user_id": self.salesman_other.id,
            "skill_id": self.closing.id,
            "level": 5,
            "date": "2026-03-01",
        }
        with self.assertRaises(AccessError):
            Assessment.create(vals)
        with self.assertRaises(AccessError):
            self.first.with_user(self.salesman).write({"note": "Giỏi"})
        with self.assertRaises(AccessError):
            self.first.with_user(self.salesman).unlink()
        with self.assertRaises(AccessError):
            self.first.with_user(self.salesman).copy()

    def test_assessor_is_a_sales_manager_on_every_road(self):
        vals = {
            "user_id": self.salesman.id,
            "skill_id": self.product.id,
            "level": 5,
            "date": "2026-03-01",
            "assessor_id": self.salesman_other.id,
        }
        # sudo (a server action, a script): still a manager's word
        with self.assertRaisesRegex(ValidationError, "not a sales manager"):
            self.env["b2b.skill.assessment"].sudo().create(vals)
        # import
        result = self.Assessment.load(
            ["user_id/.id", "skill_id/.id", "level", "date", "assessor_id/.id"],
            [[str(self.salesman.id), str(self.product.id), "5", "2026-03-01",
              str(self.salesman_other.id)]],
        )
        self.assertFalse(result["ids"])
        self.assertIn("not a sales manager", result["messages"][0]["message"])

    def test_nobody_assesses_themselves(self):
        with self.assertRaisesRegex(ValidationError, "cannot assess their own"):
            self.Assessment.create(
                {
                    "user_id": self.sales_manager.id,
                    "skill_id": self.product.id,
                    "level": 5,
                    "date": "2026-03-01",
                }
            )
        # another manager may
        assessment = (
            self.env["b2b.skill.assessment"]
            .with_user(self.other_manager)
            .create(
                {
                    "user_id": self.sales_manager.id,
                    "skill_id": self.product.id,
                    "level": 5,
                    "date": "2026-03-01",
                }
            )
        )
        self.assertEqual(assessment.assessor_id, self.other_manager)

    def test_history_is_kept(self):
        for vals in (
            {"level": 5},
            {"date": "2026-01-11"},
            {"user_id": self.salesman_other.id},
            {"skill_id": self.product.id},
            {"assessor_id": self.other_manager.id},
        ):
            with self.assertRaisesRegex(UserError, "record a new assessment"):
                self.first.with_user(self.sales_manager).write(vals)
            with self.assertRaisesRegex(UserError, "record a new assessment"):
                self.first.sudo().write(vals)
        self.assertEqual((self.first.level, str(self.first.date)), (2, "2026-01-10"))
        # the note may be completed; the same values written again pass
        self.first.with_user(self.sales_manager).write(
            {"note": "Đã tiến bộ.", "level": 2, "date": "2026-01-10"}
        )
        self.assertEqual(self.first.note, "Đã tiến bộ.")

    @mute_logger("odoo.sql_db")
    def test_level_out_of_range_refused(self):
        with self.assertRaises(IntegrityError):
            self.Assessment.create(
                {
                    "user_id": self.salesman.id,
                    "skill_id": self.closing.id,
                    "level": 6,
                    "date": "2026-02-11",
                }
            )

    # -- the matrix ------------------------------------------------------

    def test_matrix_last_level_and_gaps(self):
        rows = self.matrix().filtered(
            lambda r: r.user_id in (self.salesman | self.salesman_other)
        )
        self.assertEqual(len(rows), 16)
        got = {(r.user_id, r.skill_id): (r.level, r.gap, str(r.date)) for r in rows}
        # the last assessment counts: level 4, no gap
        self.assertEqual(got[(self.salesman, self.closing)], (4, 0, "2026-02-10"))
        self.assertEqual(got[(self.salesman_other, self.product)], (1, 2, "2026-02-10"))
        # never assessed: level 0, the whole required level is the gap
        self.assertEqual(got[(self.salesman, self.product)], (0, 3, "False"))
        self.assertEqual(
            self.matrix(user_id=self.salesman.id, skill_id=self.closing.id).assessment_id,
            self.last,
        )
        [(gap,)] = self.env["b2b.skill.matrix"]._read_group(
            [("user_id", "=", self.salesman.id)], [], ["gap:sum"]
        )
        self.assertEqual(gap, 7 * 3)

    def test_team_requires_its_own_level(self):
        self.env["b2b.skill.requirement"].with_user(self.sales_manager).create(
            {"skill_id": self.closing.id, "team_id": self.team_b2b.id, "required_level": 5}
        )
        row = self.matrix(user_id=self.salesman.id, skill_id=self.closing.id)
        self.assertEqual((row.level, row.required_level, row.gap), (4, 5, 1))
        self.assertTrue(row.has_gap)
        # the other team keeps the company's level
        row = self.matrix(user_id=self.salesman_other.id, skill_id=self.closing.id)
        self.assertEqual(row.required_level, 3)

    def test_sales_staff_only(self):
        accountant = new_test_user(
            self.env, login="b2b_skill_acc", groups="account.group_account_invoice"
        )
        self.assertFalse(self.matrix(user_id=accountant.id))
        # a sales manager is sales staff (the group implies the salesperson's)
        self.assertEqual(len(self.matrix(user_id=self.sales_manager.id)), 8)
        self.closing.active = False
        self.assertEqual(len(self.matrix(user_id=self.sales_manager.id)), 7)

    def test_who_sees_what(self):
        own = self.env["b2b.skill.assessment"].with_user(self.salesman).search([])
        self.assertEqual(own, self.first | self.last)
        rows = self.matrix(user=self.salesman_other)
        self.assertEqual(rows.user_id, self.salesman_other)
        leader = new_test_user(
            self.env, login="b2b_skill_leader", groups="sales_team.group_sale_salesman"
        )
        self.team_b2b.user_id = leader
        led = self.env["b2b.skill.assessment"].with_user(leader).search([])
        self.assertEqual(led, self.first | self.last)
        self.assertEqual(
            self.matrix(user=leader).user_id, leader | self.salesman
        )

    def test_multi_company(self):
        company = self.env["res.company"].create({"name": "Chi nhánh Đà Nẵng"})
        self.other_manager.write(
            {"company_ids": [(4, company.id)]}
        )
        elsewhere = (
            self.env["b2b.skill.assessment"]
            .with_user(self.other_manager)
            .with_company(company)
            .create(
                {
                    "user_id": self.salesman.id,
                    "skill_id": self.product.id,
                    "level": 3,
                    "date": "2026-03-01",
                }
            )
        )
        self.assertEqual(elsewhere.company_id, company)
        seen = self.env["b2b.skill.assessment"].with_user(self.sales_manager).search([])
        self.assertNotIn(elsewhere, seen)
        self.assertIn(self.first, seen)


@tagged("post_install", "-at_install")
class TestSkillsRpc(HttpCase, B2bPipelineCase):
    """The integrator's roads meet the same rules as a click."""

    call = test_rpc.TestRpc.call
    json2 = test_rpc.TestRpc.json2
    assertFault = test_rpc.TestRpc.assertFault

    def test_assessments_over_xmlrpc(self):
        closing = self.env.ref("b2b_sales_delivery.skill_closing")
        vals = {
            "user_id": self.salesman.id,
            "skill_id": closing.id,
            "level": 4,
            "date": "2026-03-02",
        }
        self.assertFault(
            lambda: self.call(self.salesman_other, "b2b.skill.assessment", "create", vals),
            "not allowed",
        )
        assessment_id = self.call(self.sales_manager, "b2b.skill.assessment", "create", vals)
        self.assertIsInstance(assessment_id, int)
        self.assertFault(
            lambda: self.call(
                self.sales_manager, "b2b.skill.assessment", "write", [assessment_id],
                {"level": 5},
            ),
            "record a new assessment",
        )
        rows = self.call(
            self.salesman, "b2b.skill.matrix", "search_read",
            [("skill_id", "=", closing.id)], ["user_id", "level", "gap"],
        )
        self.assertEqual(
            [(row["user_id"][0], row["level"], row["gap"]) for row in rows],
            [(self.salesman.id, 4, 0)],
        )

    def test_customer_language_over_json2(self):
        self.customer.lang = "vi_VN"
        response = self.json2(
            self.salesman, "res.partner", "b2b_customer_lang",
            ids=self.customer.ids, company_id=self.env.company.id,
        )
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(response.json(), "vi_VN")
