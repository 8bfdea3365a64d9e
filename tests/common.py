# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Shared set-up of the tests: users with the narrowest groups for their job,
a sales team in the B2B pipeline and one keeping the other stages, and the
B2B stages; the customer's people and the roles of a buying committee; the
facts that meet a checkpoint, recorded on the roads users take. Never demo
data, never today's date."""

from odoo import Command
from odoo.tests import TransactionCase, new_test_user

# A meeting's time in the tests: fixed, never today.
MEETING_START = "2026-03-02 09:00:00"
MEETING_STOP = "2026-03-02 10:30:00"


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
        cls.contact_an = env["res.partner"].create(
            {"name": "Nguyễn Văn An", "parent_id": cls.customer.id, "function": "Giám đốc"}
        )
        cls.contact_hoa = env["res.partner"].create(
            {
                "name": "Trần Thị Hoa",
                "parent_id": cls.customer.id,
                "function": "Kế toán trưởng",
            }
        )
        cls.role_user = ref("b2b_sales_delivery.b2b_stakeholder_role_user")
        cls.role_decision_maker = ref(
            "b2b_sales_delivery.b2b_stakeholder_role_decision_maker"
        )
        cls.role_influencer = ref("b2b_sales_delivery.b2b_stakeholder_role_influencer")
        cls.role_payer = ref("b2b_sales_delivery.b2b_stakeholder_role_payer")
        cls.role_implementer = ref(
            "b2b_sales_delivery.b2b_stakeholder_role_implementer"
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
        cls.cp_contract = ref("b2b_sales_delivery.b2b_checkpoint_contract_signed")
        # The required checkpoints of each B2B stage, in the order of the
        # pipeline: what a lead needs to leave the stage.
        cls.required = {
            cls.stage_contact: cls.cp_call,
            cls.stage_email: cls.cp_email,
            cls.stage_booked: cls.cp_meeting_planned,
            cls.stage_demo: cls.cp_meeting_held | cls.cp_demo | cls.cp_decision_maker,
            cls.stage_nurture: cls.cp_payer,
            cls.stage_closing: cls.cp_revenue | cls.cp_terms,
            cls.stage_quotation: cls.cp_quotation | cls.cp_contract,
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
        touchpoints, members of the committee, the expected revenue, a
        quotation sent."""
        for stage in stages:
            cls.meet(lead, *cls.required[stage])

    @classmethod
    def meet(cls, lead, *checkpoints):
        """Meet ``checkpoints`` on ``lead`` as its salesperson would, each
        by the fact of its kind."""
        for checkpoint in checkpoints:
            if checkpoint.kind == "manual":
                cls.tick(lead, checkpoint)
            elif checkpoint.kind == "field":
                lead.with_user(cls.salesman)[checkpoint.field_id.name] = 250000000
            elif checkpoint.kind == "quotation":
                cls.send_quotation(lead)
            elif checkpoint.kind == "contract":
                cls.sign_contract(lead)
            elif checkpoint.kind == "stakeholder":
                cls.add_stakeholder(lead, cls.contact_an, checkpoint.role_id)
            elif checkpoint.touchpoint_kind == "email":
                cls.send_email(lead)
            elif checkpoint.touchpoint_kind == "meeting":
                event = cls.schedule_meeting(lead)
                if checkpoint.meeting_state == "held":
                    cls.hold_meeting(event)
            else:
                cls.log_touchpoint(
                    lead,
                    checkpoint.touchpoint_kind,
                    call_outcome=checkpoint.call_outcome or False,
                )

    @classmethod
    def log_touchpoint(cls, lead, kind, user=None, **values):
        """A touchpoint logged by hand (a call, a demo, a trial...)."""
        if kind == "call" and not values.get("call_outcome"):
            values["call_outcome"] = "answered"
        if kind == "trial":
            values.setdefault("trial_date_start", "2026-03-02")
            values.setdefault("trial_date_end", "2026-03-16")
        return (
            cls.env["b2b.touchpoint"]
            .with_user(user or cls.salesman)
            .create(dict(values, lead_id=lead.id, kind=kind))
        )

    @classmethod
    def send_email(cls, lead, user=None, partner=None):
        """A mail sent to the customer from the opportunity's chatter."""
        return lead.with_user(user or cls.salesman).message_post(
            body="Kính gửi anh An, chúng tôi xin gửi lời giới thiệu.",
            subject="Giới thiệu giải pháp",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=(partner or cls.contact_an).ids,
        )

    @classmethod
    def schedule_meeting(cls, lead, user=None, **values):
        """A meeting scheduled from the opportunity (its Meeting button
        opens the calendar with these defaults)."""
        user = user or cls.salesman
        Event = (
            cls.env["calendar.event"]
            .with_user(user)
            .with_context(
                default_opportunity_id=lead.id,
                default_partner_ids=[cls.contact_an.id],
            )
        )
        vals = {
            "name": "Gặp anh An",
            "start": MEETING_START,
            "stop": MEETING_STOP,
            "user_id": user.id,
        }
        vals.update(values)
        return Event.create(vals)

    @classmethod
    def hold_meeting(cls, event, user=None):
        """The meeting's activity marked done, once it took place."""
        activity = event.activity_ids
        return activity.with_user(user or cls.salesman).action_feedback(
            feedback="Đã gặp"
        )

    @classmethod
    def add_stakeholder(cls, lead, partner, *roles, user=None, **values):
        """A member of the buying committee, or more roles for one already
        in it."""
        member = lead.stakeholder_ids.filtered(lambda m: m.partner_id == partner)
        if member:
            member.with_user(user or cls.salesman).role_ids = [
                Command.link(role.id) for role in roles
            ]
            return member
        return (
            cls.env["b2b.stakeholder"]
            .with_user(user or cls.salesman)
            .create(
                dict(
                    values,
                    lead_id=lead.id,
                    partner_id=partner.id,
                    role_ids=[Command.set([role.id for role in roles])],
                )
            )
        )

    @classmethod
    def send_quotation(cls, lead, state="sent"):
        return cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "opportunity_id": lead.id,
                "state": state,
            }
        )

    @classmethod
    def send_proposal(cls, lead, user=None, **values):
        """A cooperation proposal of the opportunity, prepared and mailed
        to the customer by its salesperson (RPC's road to the Send button)."""
        if not lead.partner_id.email:
            lead.partner_id.email = "minhphat@example.com"
        proposal = (
            cls.env["b2b.proposal"]
            .with_user(user or cls.salesman)
            .create(dict({"lead_id": lead.id, "offer": "<p>Phần mềm quản lý kho</p>"}, **values))
        )
        proposal.action_send_mail()
        return proposal.with_env(cls.env)

    @classmethod
    def sign_contract(cls, lead, date_signed="2026-03-10", user=None):
        """The opportunity's contract, made with its New Contract button and
        signed."""
        user = user or cls.salesman
        contract = cls.env["b2b.contract"].browse(
            lead.with_user(user).create_b2b_contract()
        )
        contract.with_user(user).action_sign(date_signed)
        return contract.with_env(cls.env)
