# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Shared set-up of the CRM tests: the pipeline stages and opportunities."""
from .common import B2BCase

DATE = "2026-03-02 09:00:00"


class B2BCrmCase(B2BCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        ref = env.ref
        cls.stage_contact = ref("b2b_sales_delivery.crm_stage_contact")
        cls.stage_email = ref("b2b_sales_delivery.crm_stage_email_sent")
        cls.stage_booked = ref("b2b_sales_delivery.crm_stage_meeting_booked")
        cls.stage_demo = ref("b2b_sales_delivery.crm_stage_meeting_demo")
        cls.stage_nurture = ref("b2b_sales_delivery.crm_stage_nurture_trial")
        cls.stage_closing = ref("b2b_sales_delivery.crm_stage_closing")
        cls.stage_quotation = ref("b2b_sales_delivery.crm_stage_quotation_sent")
        cls.stage_won = ref("b2b_sales_delivery.crm_stage_contract")
        cls.role_user = ref("b2b_sales_delivery.b2b_stakeholder_role_user")
        cls.role_decision_maker = ref(
            "b2b_sales_delivery.b2b_stakeholder_role_decision_maker"
        )
        cls.role_payer = ref("b2b_sales_delivery.b2b_stakeholder_role_payer")
        cls.contact = env["res.partner"].create({
            "name": "Nguyễn Văn An", "parent_id": cls.customer.id,
            "function": "Giám đốc", "email": "an@minhphat.example.com",
        })
        cls.lead = cls.create_lead("Minh Phát - Phần mềm quản lý kho")

    @classmethod
    def create_lead(cls, name, stage=None, user=None, partner=None, **values):
        vals = {
            "name": name,
            "type": "opportunity",
            "partner_id": (partner or cls.customer).id,
            "user_id": (user or cls.salesman).id,
            "stage_id": cls.stage_contact.id,
        }
        vals.update(values)
        lead = cls.env["crm.lead"].create(vals)
        if stage and stage != cls.stage_contact:
            # Set-up only: a lead starts the pipeline at its first stage.
            lead.force_stage(stage.id, "Test set-up")
        return lead

    @classmethod
    def add_touchpoint(cls, lead, kind, date=DATE, **values):
        vals = {"lead_id": lead.id, "kind": kind, "date": date,
                "user_id": lead.user_id.id}
        vals.update(values)
        return cls.env["b2b.touchpoint"].create(vals)

    @classmethod
    def add_stakeholder(cls, lead, partner, roles):
        return cls.env["b2b.stakeholder"].create({
            "lead_id": lead.id, "partner_id": partner.id,
            "role_ids": [(6, 0, roles.ids)],
        })
