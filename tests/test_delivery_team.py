# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The team agreement: each member agrees to the plan only themselves, on
every road; moving a phase's deadline asks everyone again."""

from datetime import date

from odoo.exceptions import UserError
from odoo.tests import new_test_user

from .common_delivery import DeliveryCase
from .test_delivery_resources import create_delivery_project


class TestDeliveryTeam(DeliveryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = create_delivery_project(cls)
        cls.project.user_id = cls.project_manager
        cls.member = new_test_user(
            cls.env,
            login="b2b_team_member",
            groups="project.group_project_user",
            name="Vũ Thị Giang",
        )
        cls.env["project.task"].create(
            {
                "name": "Viết kịch bản",
                "project_id": cls.project.id,
                "user_ids": [(6, 0, [cls.project_user.id, cls.member.id])],
            }
        )
        cls.project.message_subscribe(
            partner_ids=(cls.project_user | cls.member).partner_id.ids
        )

    def _line(self, user):
        return self.project.team_agreement_ids.filtered(lambda line: line.user_id == user)

    def test_team_asked_and_member_agrees(self):
        self.project.with_user(self.project_user).action_b2b_sync_team()
        self.assertEqual(
            self.project.team_agreement_ids.user_id,
            self.project_manager | self.project_user | self.member,
        )
        # Asking again adds nobody twice.
        self.project.with_user(self.project_user).action_b2b_sync_team()
        self.assertEqual(len(self.project.team_agreement_ids), 3)
        self.assertEqual(self.project.team_agreed_ratio, 0.0)
        self.assertTrue(self.project.with_user(self.member).action_b2b_agree_plan())
        line = self._line(self.member)
        self.assertTrue(line.date_agreed)
        self.assertEqual(line.plan_version, self.project.b2b_plan_version)
        self.assertTrue(line.is_agreed)
        self.assertAlmostEqual(self.project.team_agreed_ratio, 100.0 / 3)

    def test_member_agrees_without_being_asked(self):
        self.project.with_user(self.project_user).action_b2b_agree_plan()
        self.assertTrue(self._line(self.project_user).is_agreed)

    def test_one_cannot_agree_for_another(self):
        self.project.with_user(self.project_user).action_b2b_sync_team()
        line = self._line(self.member)
        for env_line in (
            line.with_user(self.project_user),
            line.with_user(self.project_manager),
            line.with_user(self.project_manager).sudo(),
            line.with_user(self.project_user).with_context(
                b2b_team_agreement_step=True
            ),
        ):
            with self.assertRaises(UserError):
                env_line.action_agree()
        self.assertFalse(line.date_agreed)
        # The member may agree on their own line over RPC.
        line.with_user(self.member).action_agree()
        self.assertTrue(line.is_agreed)

    def test_facts_only_through_the_step(self):
        self.project.with_user(self.project_user).action_b2b_sync_team()
        line = self._line(self.member)
        facts = {"date_agreed": "2026-03-02 03:00:00", "plan_version": 1}
        for env_line in (
            line.with_user(self.project_manager),
            line.sudo(),
            line.with_user(self.project_manager).with_context(b2b_team_agreement_step="1"),
        ):
            with self.assertRaises(UserError):
                env_line.write(facts)
        Agreement = self.env["b2b.team.agreement"].with_user(self.project_manager)
        other = self.env["project.project"].create({"name": "Dự án khác"})
        with self.assertRaises(UserError):
            Agreement.create(dict(facts, project_id=other.id, user_id=self.member.id))
        result = Agreement.load(
            ["project_id/.id", "user_id/.id", "date_agreed"],
            [[str(other.id), str(self.member.id), "2026-03-02 03:00:00"]],
        )
        self.assertFalse(result["ids"])
        line.with_user(self.member).action_agree()
        # An agreement given keeps its member; a copy is not agreed.
        with self.assertRaises(UserError):
            line.with_user(self.project_manager).write({"user_id": self.project_user.id})
        copy = line.copy({"project_id": other.id})
        self.assertFalse(copy.date_agreed)
        self.assertFalse(copy.is_agreed)

    def test_project_user_cannot_write_lines(self):
        self.project.with_user(self.project_user).action_b2b_sync_team()
        line = self._line(self.member)
        with self.assertRaises(Exception):  # noqa: B017 -- AccessError
            line.with_user(self.project_user).write({"user_id": self.project_user.id})

    def test_outsider_cannot_agree(self):
        outsider = new_test_user(
            self.env, login="b2b_team_outsider", groups="project.group_project_manager"
        )
        with self.assertRaises(UserError):
            self.project.with_user(outsider).action_b2b_agree_plan()

    def test_moving_the_plan_asks_again(self):
        self.project.with_user(self.member).action_b2b_agree_plan()
        line = self._line(self.member)
        self.assertTrue(line.is_agreed)
        version = self.project.b2b_plan_version
        # Same deadline: the plan did not move.
        self.phase_script.write({"date_deadline": date(2026, 3, 13)})
        self.assertEqual(self.project.b2b_plan_version, version)
        self.phase_script.with_user(self.salesman).write({"date_deadline": date(2026, 3, 20)})
        self.assertEqual(self.project.b2b_plan_version, version + 1)
        self.assertFalse(line.is_agreed)
        self.project.with_user(self.member).action_b2b_agree_plan()
        self.assertTrue(line.is_agreed)
        # Through the project's milestone too.
        self.phase_shooting.milestone_id.write({"deadline": date(2026, 6, 8)})
        self.assertEqual(self.project.b2b_plan_version, version + 2)
        self.assertFalse(line.is_agreed)
