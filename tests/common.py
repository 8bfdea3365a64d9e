# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Shared set-up of the tests: users with the narrowest groups for their job,
a sales team in the B2B pipeline and one keeping the other stages, and the
B2B stages. Never demo data, never today's date."""

from odoo.tests import TransactionCase, new_test_user


class B2bPipelineCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        ref = env.ref
        cls.salesman = new_test_user(
            env,
            login="b2b_salesman",
            groups="sales_team.group_sale_salesman",
            name="Trần Thị Bình",
        )
        cls.salesman_other = new_test_user(
            env,
            login="b2b_salesman_other",
            groups="sales_team.group_sale_salesman",
            name="Lê Văn Cường",
        )
        cls.sales_manager = new_test_user(
            env,
            login="b2b_sales_manager",
            groups="sales_team.group_sale_manager",
            name="Phạm Thị Dung",
        )
        Team = env["crm.team"]
        cls.team_b2b = Team.create({"name": "Kinh doanh B2B", "b2b_use_pipeline": True})
        cls.team_other = Team.create({"name": "Bán lẻ", "b2b_use_pipeline": False})
        env["crm.team.member"].create(
            [
                {"crm_team_id": cls.team_b2b.id, "user_id": cls.salesman.id},
                {"crm_team_id": cls.team_other.id, "user_id": cls.salesman_other.id},
            ]
        )
        cls.customer = env["res.partner"].create(
            {"name": "Công ty TNHH Phần mềm Minh Phát", "is_company": True}
        )
        cls.stage_contact = ref("b2b_sales_delivery.crm_stage_contact")
        cls.stage_email = ref("b2b_sales_delivery.crm_stage_email_sent")
        cls.stage_booked = ref("b2b_sales_delivery.crm_stage_meeting_booked")
        cls.stage_demo = ref("b2b_sales_delivery.crm_stage_meeting_demo")
        cls.stage_nurture = ref("b2b_sales_delivery.crm_stage_nurture_trial")
        cls.stage_closing = ref("b2b_sales_delivery.crm_stage_closing")
        cls.stage_quotation = ref("b2b_sales_delivery.crm_stage_quotation_sent")
        cls.stage_won = ref("b2b_sales_delivery.crm_stage_contract")
        cls.pipeline = (
            cls.stage_contact
            | cls.stage_email
            | cls.stage_booked
            | cls.stage_demo
            | cls.stage_nurture
            | cls.stage_closing
            | cls.stage_quotation
            | cls.stage_won
        )
        cls.cp_call = ref("b2b_sales_delivery.b2b_checkpoint_contact_call")
        cls.cp_email = ref("b2b_sales_delivery.b2b_checkpoint_email_sent")
        cls.cp_meeting_planned = ref(
            "b2b_sales_delivery.b2b_checkpoint_meeting_planned"
        )
        cls.cp_meeting_held = ref("b2b_sales_delivery.b2b_checkpoint_meeting_held")
        cls.cp_demo = ref("b2b_sales_delivery.b2b_checkpoint_demo")
        cls.cp_decision_maker = ref("b2b_sales_delivery.b2b_checkpoint_decision_maker")
        cls.cp_trial = ref("b2b_sales_delivery.b2b_checkpoint_trial")
        cls.cp_payer = ref("b2b_sales_delivery.b2b_checkpoint_payer")
        cls.cp_revenue = ref("b2b_sales_delivery.b2b_checkpoint_expected_revenue")
        cls.cp_terms = ref("b2b_sales_delivery.b2b_checkpoint_terms_agreed")
        cls.cp_quotation = ref("b2b_sales_delivery.b2b_checkpoint_quotation_sent")
        # The required checkpoints of each B2B stage, in the order of the
        # pipeline: what a lead needs to leave the stage.
        cls.required = {
            cls.stage_contact: cls.cp_call,
            cls.stage_email: cls.cp_email,
            cls.stage_booked: cls.cp_meeting_planned,
            cls.stage_demo: cls.cp_meeting_held | cls.cp_demo | cls.cp_decision_maker,
            cls.stage_nurture: cls.cp_payer,
            cls.stage_closing: cls.cp_revenue | cls.cp_terms,
            cls.stage_quotation: cls.cp_quotation,
        }

    @classmethod
    def create_lead(cls, name, stage=None, user=None, team=None, **values):
        """An opportunity of the B2B team, created at Contact by its
        salesperson; with ``stage``, a sales manager then forces it there
        (set-up only)."""
        user = user or cls.salesman
        vals = {
            "name": name,
            "type": "opportunity",
            "partner_id": cls.customer.id,
            "user_id": user.id,
            "team_id": (team or cls.team_b2b).id,
        }
        vals.update(values)
        lead = cls.env["crm.lead"].with_user(user).create(vals)
        if stage and lead.stage_id != stage:
            lead.with_user(cls.sales_manager).force_stage(stage.id, "Test set-up")
        return lead.with_env(cls.env)

    @classmethod
    def tick(cls, lead, *checkpoints, user=None):
        return (
            cls.env["b2b.checkpoint.tick"]
            .with_user(user or cls.salesman)
            .create(
                [
                    {"lead_id": lead.id, "checkpoint_id": checkpoint.id}
                    for checkpoint in checkpoints
                ]
            )
        )

    @classmethod
    def meet_stages(cls, lead, *stages):
        """Meet the required checkpoints of ``stages`` on ``lead``: ticks,
        the expected revenue, a quotation sent."""
        for stage in stages:
            checkpoints = cls.required[stage]
            manual = checkpoints.filtered(lambda c: c.kind == "manual")
            if manual:
                cls.tick(lead, *manual)
            if cls.cp_revenue in checkpoints:
                lead.with_user(cls.salesman).expected_revenue = 250000000
            if cls.cp_quotation in checkpoints:
                cls.send_quotation(lead)

    @classmethod
    def send_quotation(cls, lead, state="sent"):
        return cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "opportunity_id": lead.id,
                "state": state,
            }
        )
