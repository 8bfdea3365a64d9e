# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The B2B pipeline comes as the addon's own stages, for the sales teams that
use it: crm's stages and the other teams' opportunities are left alone."""
from odoo.exceptions import UserError

from .common_crm import B2BCrmCase


class TestCrmPipeline(B2BCrmCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Team = cls.env["crm.team"]
        cls.team_b2b = Team.create({"name": "B2B", "b2b_use_pipeline": True})
        cls.team_other = Team.create({"name": "Retail", "b2b_use_pipeline": False})
        # crm keeps a salesperson's opportunities in their own team
        cls.salesman.sale_team_id = cls.team_b2b
        cls.salesman_other.sale_team_id = cls.team_other
        cls.seller = {cls.team_b2b: cls.salesman, cls.team_other: cls.salesman_other}
        cls.crm_new = cls.env.ref("crm.stage_lead1")
        cls.crm_qualified = cls.env.ref("crm.stage_lead2")
        cls.crm_won = cls.env.ref("crm.stage_lead4")
        cls.pipeline = cls.env["crm.stage"].search([("b2b_pipeline", "=", True)])

    def new_lead(self, team, **values):
        vals = {"name": "Lead of %s" % team.name, "type": "opportunity",
                "team_id": team.id, "partner_id": self.customer.id}
        vals.update(values)
        lead = self.env["crm.lead"].sudo(self.seller[team]).create(vals)
        self.assertEqual(lead.team_id, team)
        return lead

    def put_in_stage(self, lead, stage):
        """A lead as it was before the addon was installed (no rule ran)."""
        self.env.cr.execute(
            "UPDATE crm_lead SET stage_id = %s WHERE id = %s", (stage.id, lead.id)
        )
        lead.invalidate_cache()

    def test_own_stages_next_to_crm_stages(self):
        self.assertEqual(len(self.pipeline), 8)
        self.assertEqual(self.pipeline[0], self.stage_contact)
        self.assertEqual(self.pipeline[-1], self.stage_won)
        self.assertFalse(self.pipeline & (
            self.crm_new | self.crm_qualified | self.crm_won))
        # crm's stages keep their names, order, probability and no checkpoint
        en = self.crm_new.with_context(lang="en_US")
        self.assertEqual(
            (en.name, en.sequence, en.probability), ("New", 1, 10.0))
        self.assertEqual(self.crm_won.with_context(lang="en_US").name, "Won")
        self.assertFalse(
            self.env["b2b.checkpoint"].with_context(active_test=False).search(
                [("stage_id.b2b_pipeline", "=", False)]))

    def test_default_stage_follows_the_team(self):
        self.assertEqual(self.new_lead(self.team_b2b).stage_id, self.stage_contact)
        self.assertEqual(self.new_lead(self.team_other).stage_id, self.crm_new)

    def test_set_won_finds_the_team_won_stage(self):
        lead = self.new_lead(self.team_other)
        lead.action_set_won()
        self.assertEqual(lead.stage_id, self.crm_won)
        lead = self.new_lead(self.team_b2b)
        self.put_in_stage(lead, self.stage_quotation)
        self.env["sale.order"].create({
            "partner_id": self.customer.id, "opportunity_id": lead.id,
            "state": "sent"})
        self.env["b2b.contract"].create({
            "partner_id": self.customer.id, "lead_id": lead.id,
            "mark_lead_won": False,
        }).action_sign()
        lead.action_set_won()
        self.assertEqual(lead.stage_id, self.stage_won)
        self.assertEqual(lead.probability, 100)

    def test_other_teams_move_freely_in_their_stages(self):
        lead = self.new_lead(self.team_other)
        lead.write({"stage_id": self.crm_qualified.id})
        lead.write({"stage_id": self.crm_won.id})
        self.assertEqual(lead.stage_id, self.crm_won)

    def test_kanban_columns_of_the_team_pipeline(self):
        def columns(team):
            groups = self.env["crm.lead"].sudo(self.seller[team]).with_context(
                default_team_id=team.id).read_group(
                [("team_id", "=", team.id)], ["stage_id"], ["stage_id"])
            return self.env["crm.stage"].browse(
                [group["stage_id"][0] for group in groups])
        old = self.new_lead(self.team_b2b)
        self.put_in_stage(old, self.crm_qualified)
        b2b_columns = columns(self.team_b2b)
        self.assertEqual(b2b_columns - self.crm_qualified, self.pipeline)
        self.assertIn(self.crm_qualified, b2b_columns, "a stage in use shows")
        other = columns(self.team_other)
        self.assertFalse(other & self.pipeline)
        self.assertIn(self.crm_new, other)

    def test_lead_past_unmet_checkpoints_is_held_on_next_forward_move(self):
        lead = self.new_lead(self.team_b2b)
        self.put_in_stage(lead, self.stage_closing)
        lead.write({"description": "Still editable"})
        lead.write({"stage_id": self.stage_nurture.id})
        self.assertEqual(lead.stage_id, self.stage_nurture)
        with self.assertRaises(UserError) as error:
            lead.write({"stage_id": self.stage_closing.id})
        self.assertIn("The payer identified", error.exception.name)
        self.assertEqual(lead.stage_id, self.stage_nurture)

    def test_lead_entering_the_pipeline_needs_the_stages_before(self):
        lead = self.new_lead(self.team_b2b)
        self.put_in_stage(lead, self.crm_qualified)
        with self.assertRaises(UserError) as error:
            lead.write({"stage_id": self.stage_demo.id})
        self.assertIn("A call answered (Contact)", error.exception.name)
        self.assertIn("A meeting planned (Meeting Booked)", error.exception.name)
        lead.write({"stage_id": self.stage_contact.id})
        self.assertEqual(lead.stage_id, self.stage_contact)

    def test_fresh_database_puts_every_team_in_the_pipeline(self):
        Team = self.env["crm.team"]
        Param = self.env["ir.config_parameter"].sudo()
        Param.set_param("b2b_sales_delivery.pipeline_new_teams", "0")
        self.assertFalse(Team._init_b2b_pipeline(), "leads exist: not fresh")
        self.assertFalse(self.team_other.b2b_use_pipeline)
        self.assertFalse(Team.create({"name": "New"}).b2b_use_pipeline)
        self.env.cr.execute("DELETE FROM crm_lead")
        self.assertTrue(Team._init_b2b_pipeline())
        self.team_other.invalidate_cache()
        self.assertTrue(self.team_other.b2b_use_pipeline)
        self.assertTrue(Team.create({"name": "Newer"}).b2b_use_pipeline)

    def test_settings_choose_the_teams(self):
        settings = self.env["res.config.settings"]
        values = settings.default_get(["b2b_pipeline_team_ids"])
        self.assertIn(self.team_b2b.id, values["b2b_pipeline_team_ids"][0][2])
        settings.create({
            "b2b_pipeline_team_ids": [(6, 0, self.team_other.ids)],
            "b2b_pipeline_new_teams": False,
        }).execute()
        self.assertTrue(self.team_other.b2b_use_pipeline)
        self.assertFalse(self.team_b2b.b2b_use_pipeline)
        self.assertEqual(self.new_lead(self.team_b2b).stage_id, self.crm_new)
