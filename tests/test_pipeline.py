# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The B2B pipeline comes as the addon's own stages, for the sales teams that
use it: crm's stages and the other teams' opportunities are left alone."""

from odoo.fields import Command
from odoo.tests import Form, tagged

from ..models.crm_team import NEW_TEAMS_PARAM
from .common import B2bPipelineCase


@tagged("post_install", "-at_install")
class TestPipeline(B2bPipelineCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Stage = cls.env["crm.stage"]
        # crm's shared stages (the other pipeline), in their order.
        cls.others = Stage.search(
            [("b2b_pipeline", "=", False), ("team_ids", "=", False)],
            order="sequence, id",
        )
        cls.other_first = cls.others[0]
        cls.other_won = cls.others.filtered("is_won")[:1]
        # The team's own stage, after the pipelines' first stages (crm's
        # from 1, the B2B pipeline's from 101).
        cls.team_stage = Stage.create(
            {"name": "Vòng gửi xe", "sequence": 150, "team_ids": [cls.team_other.id]}
        )

    def columns(self, team, user):
        Lead = (
            self.env["crm.lead"].with_user(user).with_context(default_team_id=team.id)
        )
        return Lead._read_group_stage_ids(self.env["crm.stage"], [])

    def test_stages_of_the_pipeline(self):
        self.assertEqual(
            self.env["crm.stage"].search(
                [("b2b_pipeline", "=", True)], order="sequence, id"
            ),
            self.pipeline.sorted(lambda s: (s.sequence, s.id)),
        )
        self.assertEqual(
            self.pipeline.sorted(lambda s: (s.sequence, s.id)).mapped("name"),
            [
                "Contact",
                "Email Sent",
                "Meeting Booked",
                "Meeting & Demo",
                "Nurture & Trial",
                "Closing",
                "Quotation Sent",
                "Contract",
            ],
        )
        self.assertEqual(self.pipeline.filtered("is_won"), self.stage_won)
        self.assertEqual(
            self.pipeline.mapped("rotting_threshold_days"), [7, 5, 7, 14, 21, 10, 10, 0]
        )
        self.assertFalse(self.others & self.pipeline)
        self.assertEqual(self.stage_closing.b2b_checkpoint_count, 2)
        self.assertIn("expected revenue", self.stage_closing.b2b_guidance)

    def test_kanban_columns_follow_the_team(self):
        b2b = self.columns(self.team_b2b, self.salesman)
        self.assertEqual(b2b, self.pipeline.sorted())
        other = self.columns(self.team_other, self.salesman_other)
        self.assertEqual(other, (self.others | self.team_stage).sorted())
        # A stage in use shows, whatever its pipeline.
        Lead = (
            self.env["crm.lead"]
            .with_user(self.salesman)
            .with_context(default_team_id=self.team_b2b.id)
        )
        self.assertEqual(
            Lead._read_group_stage_ids(self.other_first, []),
            (self.pipeline | self.other_first).sorted(),
        )

    def test_kanban_columns_of_the_user_team_without_context(self):
        Lead = self.env["crm.lead"].with_user(self.salesman)
        self.assertEqual(
            Lead._read_group_stage_ids(self.env["crm.stage"], []),
            self.pipeline.sorted(),
        )
        Lead = self.env["crm.lead"].with_user(self.salesman_other)
        self.assertFalse(
            Lead._read_group_stage_ids(self.env["crm.stage"], []) & self.pipeline
        )

    def test_new_lead_starts_at_the_first_stage_of_its_pipeline(self):
        Lead = self.env["crm.lead"]
        b2b = Lead.with_user(self.salesman).create(
            {"name": "Mới B2B", "type": "opportunity", "team_id": self.team_b2b.id}
        )
        self.assertEqual(b2b.stage_id, self.stage_contact)
        other = Lead.with_user(self.salesman_other).create(
            {"name": "Bán lẻ", "type": "opportunity", "team_id": self.team_other.id}
        )
        self.assertEqual(other.stage_id, self.other_first)
        self.assertEqual(Lead._stage_find(team_id=self.team_b2b.id), self.stage_contact)
        self.assertEqual(Lead._stage_find(team_id=self.team_other.id), self.other_first)
        # No team: the other pipeline, as before the addon.
        self.assertEqual(Lead._stage_find(), self.other_first)
        self.assertEqual(
            Lead._stage_find(team_id=self.team_b2b.id, domain=[("is_won", "=", True)]),
            self.stage_won,
        )

    def test_won_in_the_team_pipeline(self):
        other = self.create_lead(
            "Bán lẻ", user=self.salesman_other, team=self.team_other
        )
        other.with_user(self.salesman_other).action_set_won()
        self.assertEqual(other.stage_id, self.other_won)
        b2b = self.create_lead("B2B", stage=self.stage_quotation)
        self.meet_stages(b2b, *self.required)
        # Both at once: each is won in its own pipeline.
        other2 = self.create_lead(
            "Bán lẻ 2", user=self.salesman_other, team=self.team_other
        )
        (b2b | other2).with_user(self.sales_manager).action_set_won()
        self.assertEqual(b2b.stage_id, self.stage_won)
        self.assertEqual(b2b.won_status, "won")
        self.assertEqual(other2.stage_id, self.other_won)

    def test_other_teams_move_freely_in_their_stages(self):
        lead = self.create_lead(
            "Bán lẻ", user=self.salesman_other, team=self.team_other
        )
        lead.with_user(self.salesman_other).write({"stage_id": self.others[-1].id})
        self.assertEqual(lead.stage_id, self.others[-1])

    def test_team_switch_restarts_at_the_first_stage_of_the_other_pipeline(self):
        lead = self.create_lead("Đổi nhóm", stage=self.stage_closing)
        lead.with_user(self.sales_manager).team_id = self.team_other
        self.assertEqual(lead.stage_id, self.other_first)
        lead.with_user(self.sales_manager).team_id = self.team_b2b
        self.assertEqual(lead.stage_id, self.stage_contact)

    def test_status_bar_offers_the_team_pipeline(self):
        lead = self.create_lead("Thanh trạng thái")
        form = Form(lead.with_user(self.salesman), view="crm.crm_lead_view_form")
        self.assertTrue(form.b2b_team_pipeline)
        self.assertEqual(form.b2b_stage_guidance, self.stage_contact.b2b_guidance)

    def test_fresh_database_puts_every_team_in_the_pipeline(self):
        Team = self.env["crm.team"]
        Param = self.env["ir.config_parameter"].sudo()
        Param.set_param(NEW_TEAMS_PARAM, False)
        self.create_lead("Đã có cơ hội")
        self.assertFalse(Team._init_b2b_pipeline(), "leads exist: not fresh")
        self.assertFalse(self.team_other.b2b_use_pipeline)
        self.assertFalse(Team.create({"name": "Mới"}).b2b_use_pipeline)
        self.env["crm.lead"].with_context(active_test=False).search([]).unlink()
        self.assertTrue(Team._init_b2b_pipeline())
        self.assertTrue(self.team_other.b2b_use_pipeline)
        self.assertTrue(Team.create({"name": "Mới hơn"}).b2b_use_pipeline)

    def test_the_first_stages_stay_the_companys(self):
        """Code looking for "the first stages" or "the won stage" among all
        stages (crm's, other modules') finds the company's, never a stage of
        the B2B pipeline with its checkpoints: the B2B stages come after."""
        Stage = self.env["crm.stage"]
        self.assertFalse(Stage.search([], limit=3).filtered("b2b_pipeline"))
        self.assertFalse(Stage.search([("is_won", "=", True)], limit=1).b2b_pipeline)
        self.assertGreater(min(self.pipeline.mapped("sequence")), max(self.others.mapped("sequence")))

    def test_settings_choose_the_teams(self):
        Settings = self.env["res.config.settings"]
        values = Settings.default_get(
            ["b2b_pipeline_team_ids", "b2b_pipeline_new_teams"]
        )
        self.assertIn(self.team_b2b.id, values["b2b_pipeline_team_ids"][0][2])
        self.assertNotIn(self.team_other.id, values["b2b_pipeline_team_ids"][0][2])
        Settings.create(
            {
                "b2b_pipeline_team_ids": [Command.set(self.team_other.ids)],
                "b2b_pipeline_new_teams": True,
            }
        ).execute()
        self.assertTrue(self.team_other.b2b_use_pipeline)
        self.assertFalse(self.team_b2b.b2b_use_pipeline)
        self.assertTrue(self.env["crm.team"].create({"name": "Mới"}).b2b_use_pipeline)
        lead = (
            self.env["crm.lead"]
            .with_user(self.salesman_other)
            .create(
                {
                    "name": "Sau cài đặt",
                    "type": "opportunity",
                    "team_id": self.team_other.id,
                }
            )
        )
        self.assertEqual(lead.stage_id, self.stage_contact)
        Settings.create(
            {
                "b2b_pipeline_team_ids": [Command.clear()],
                "b2b_pipeline_new_teams": False,
            }
        ).execute()
        self.assertFalse(self.team_other.b2b_use_pipeline)
        self.assertFalse(
            self.env["crm.team"].create({"name": "Mới nữa"}).b2b_use_pipeline
        )
