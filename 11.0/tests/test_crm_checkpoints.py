# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Stage checkpoints: each kind passes and blocks, the refusal names what is
missing, moving back is free, forcing is a manager's logged step."""
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common_crm import B2BCrmCase


class TestCrmCheckpoints(B2BCrmCase):
    def move(self, lead, stage, user=None):
        return lead.sudo(user or self.salesman).write({"stage_id": stage.id})

    def assertRefused(self, lead, stage, missing, user=None):
        with self.assertRaises(UserError) as error:
            self.move(lead, stage, user)
        message = error.exception.name
        for item in missing:
            self.assertIn(item, message)
        return message

    def test_call_answered(self):
        message = self.assertRefused(
            self.lead, self.stage_email, ["A call answered (Contact)"]
        )
        self.assertIn(self.lead.name, message)
        self.assertIn("force the move", message)
        self.add_touchpoint(self.lead, "call", call_outcome="no_answer")
        self.assertRefused(self.lead, self.stage_email, ["A call answered"])
        self.assertEqual(self.lead.stage_id, self.stage_contact)
        self.add_touchpoint(self.lead, "call", call_outcome="answered")
        self.move(self.lead, self.stage_email)
        self.assertEqual(self.lead.stage_id, self.stage_email)
        self.assertEqual(self.lead.probability, 10)

    def test_conversation_held_counts_as_answered(self):
        self.add_touchpoint(self.lead, "call", call_outcome="talked")
        self.move(self.lead, self.stage_email)
        self.assertEqual(self.lead.stage_id, self.stage_email)

    def test_email_sent(self):
        lead = self.create_lead("Email", stage=self.stage_email)
        self.add_touchpoint(lead, "call", call_outcome="answered")
        message = self.assertRefused(lead, self.stage_booked, ["An email sent"])
        self.assertNotIn("A call answered", message)
        self.add_touchpoint(lead, "email")
        self.move(lead, self.stage_booked)
        self.assertEqual(lead.stage_id, self.stage_booked)

    def test_meeting_planned(self):
        lead = self.create_lead("Booked", stage=self.stage_booked)
        self.add_touchpoint(lead, "meeting", meeting_state="cancelled")
        self.assertRefused(lead, self.stage_demo, ["A meeting planned"])
        self.add_touchpoint(lead, "meeting", meeting_state="planned")
        self.move(lead, self.stage_demo)
        self.assertEqual(lead.stage_id, self.stage_demo)

    def test_meeting_demo_and_decision_maker(self):
        lead = self.create_lead("Demo", stage=self.stage_demo)
        self.add_touchpoint(lead, "meeting", meeting_state="planned")
        message = self.assertRefused(lead, self.stage_nurture, [
            "A meeting held", "A demo given", "The decision maker identified",
        ])
        self.assertNotIn("A meeting planned", message)
        self.add_touchpoint(lead, "meeting", meeting_state="held")
        self.add_touchpoint(lead, "demo")
        self.add_stakeholder(lead, self.contact, self.role_user)
        message = self.assertRefused(
            lead, self.stage_nurture, ["The decision maker identified"]
        )
        self.assertNotIn("A demo given", message)
        lead.stakeholder_ids.role_ids |= self.role_decision_maker
        self.move(lead, self.stage_nurture)
        self.assertEqual(lead.stage_id, self.stage_nurture)

    def test_optional_trial_does_not_block(self):
        lead = self.create_lead("Nurture", stage=self.stage_nurture)
        message = self.assertRefused(
            lead, self.stage_closing, ["The payer identified"]
        )
        self.assertNotIn("A trial run", message)
        self.add_stakeholder(lead, self.contact, self.role_payer)
        self.move(lead, self.stage_closing)
        self.assertEqual(lead.stage_id, self.stage_closing)

    def test_field_filled_and_manual_tick(self):
        lead = self.create_lead("Closing", stage=self.stage_closing)
        self.assertRefused(lead, self.stage_quotation, [
            "The expected revenue estimated",
            "Terms agreed with the decision maker",
        ])
        lead.planned_revenue = 250000000
        tick = self.env["b2b.checkpoint.tick"].sudo(self.salesman).create({
            "lead_id": lead.id,
            "checkpoint_id": self.env.ref(
                "b2b_sales_delivery.b2b_checkpoint_terms_agreed").id,
            "user_id": self.sales_manager.id,
            "date": "2020-01-01 00:00:00",
        })
        self.assertEqual(tick.user_id, self.salesman)
        self.assertGreater(tick.date, "2020-01-01 00:00:00")
        with self.assertRaises(UserError):
            tick.write({"user_id": self.sales_manager.id})
        tick.note = "Anh An đồng ý qua điện thoại"
        self.move(lead, self.stage_quotation)
        self.assertEqual(lead.stage_id, self.stage_quotation)

    def test_quotation_sent_and_contract_signed(self):
        # Shipped archived: a company activates it to win only when signed.
        self.env.ref("b2b_sales_delivery.b2b_checkpoint_contract_signed").active = True
        lead = self.create_lead("Quotation", stage=self.stage_quotation)
        self.assertRefused(
            lead, self.stage_won, ["A quotation sent", "The contract signed"]
        )
        order = self.env["sale.order"].create(
            {"partner_id": self.customer.id, "opportunity_id": lead.id}
        )
        self.assertRefused(lead, self.stage_won, ["A quotation sent"])
        order.state = "sent"
        message = self.assertRefused(lead, self.stage_won, ["The contract signed"])
        self.assertNotIn("A quotation sent", message)
        contract = self.env["b2b.contract"].create(
            {"partner_id": self.customer.id, "lead_id": lead.id}
        )
        self.assertRefused(lead, self.stage_won, ["The contract signed"])
        contract.mark_lead_won = False
        contract.action_sign()
        self.move(lead, self.stage_won)
        self.assertEqual(lead.stage_id, self.stage_won)
        self.assertEqual(lead.probability, 100)

    def test_proposal_date_counts_as_quotation_sent(self):
        lead = self.create_lead("Proposal", stage=self.stage_quotation)
        order = self.env["sale.order"].create(
            {"partner_id": self.customer.id, "opportunity_id": lead.id}
        )
        self.assertRefused(lead, self.stage_won, ["A quotation sent"])
        # Sent (the proposal is dated), then back to a quotation.
        order.state = "sent"
        order.state = "draft"
        self.assertTrue(order.b2b_date_proposal)
        message = self.assertRefused(lead, self.stage_won, ["no signed contract"])
        self.assertNotIn("A quotation sent", message)
        self.sign_contract(lead)
        self.move(lead, self.stage_won)
        self.assertEqual(lead.stage_id, self.stage_won)

    def test_skipping_stages_needs_all_their_checkpoints(self):
        self.add_touchpoint(self.lead, "call", call_outcome="answered")
        message = self.assertRefused(
            self.lead, self.stage_demo, ["An email sent", "A meeting planned"]
        )
        self.assertNotIn("A call answered", message)

    def test_moving_back_is_always_allowed(self):
        lead = self.create_lead("Back", stage=self.stage_closing)
        self.move(lead, self.stage_contact)
        self.assertEqual(lead.stage_id, self.stage_contact)
        self.assertEqual(lead.probability, 5)

    def test_refused_for_managers_and_admin(self):
        self.assertRefused(self.lead, self.stage_email, ["A call answered"],
                           user=self.sales_manager)
        with self.assertRaises(UserError):
            self.lead.sudo().write({"stage_id": self.stage_email.id})
        # A context key sent over RPC cannot pass the checkpoints.
        with self.assertRaises(UserError):
            self.lead.sudo(self.sales_manager).with_context(
                b2b_force_stage=True).write({"stage_id": self.stage_email.id})

    def test_manager_forces_with_reason(self):
        self.lead.sudo(self.sales_manager).force_stage(
            self.stage_booked.id, "Khách hàng cũ, đã gặp trực tiếp"
        )
        self.assertEqual(self.lead.stage_id, self.stage_booked)
        note = self.lead.message_ids[0]
        self.assertIn("Khách hàng cũ, đã gặp trực tiếp", note.body)
        self.assertIn("A call answered", note.body)
        self.assertIn("An email sent", note.body)
        self.assertEqual(note.author_id, self.sales_manager.partner_id)

    def test_force_wizard(self):
        wizard = self.env["b2b.stage.force.wizard"].sudo(self.sales_manager).create({
            "lead_ids": [(6, 0, self.lead.ids)],
            "stage_id": self.stage_email.id,
            "reason": "Gọi qua Zalo",
        })
        wizard.action_force()
        self.assertEqual(self.lead.stage_id, self.stage_email)
        self.assertIn("Gọi qua Zalo", self.lead.message_ids[0].body)

    def test_force_needs_reason(self):
        with self.assertRaises(UserError):
            self.lead.sudo(self.sales_manager).force_stage(self.stage_email.id, " ")
        self.assertEqual(self.lead.stage_id, self.stage_contact)

    def test_salesman_cannot_force(self):
        with self.assertRaises(AccessError):
            self.lead.sudo(self.salesman).force_stage(self.stage_email.id, "Vội")
        self.assertEqual(self.lead.stage_id, self.stage_contact)

    def test_set_won_needs_checkpoints_or_signed_contract(self):
        with self.assertRaises(UserError):
            self.lead.sudo(self.salesman).action_set_won()
        self.assertEqual(self.lead.stage_id, self.stage_contact)
        self.sign_contract(self.lead)
        self.lead.sudo(self.salesman).action_set_won()
        self.assertEqual(self.lead.stage_id, self.stage_won)
        self.assertEqual(self.lead.probability, 100)
        self.assertIn("A call answered", self.lead.message_ids[0].body)

    def sign_contract(self, lead):
        contract = self.env["b2b.contract"].create({
            "partner_id": self.customer.id, "lead_id": lead.id,
            "mark_lead_won": False,
        })
        contract.action_sign()
        return contract

    def test_won_needs_a_signed_contract_on_every_road(self):
        lead = self.create_lead("Won", stage=self.stage_quotation)
        self.env["sale.order"].create(
            {"partner_id": self.customer.id, "opportunity_id": lead.id,
             "state": "sent"})
        Lead = lead.sudo(self.salesman)
        for step in (
            lambda: Lead.write({"probability": 100}),
            Lead.action_set_won,
            Lead.action_set_won_rainbowman,
        ):
            with self.assertRaises(UserError) as error:
                step()
            self.assertIn("no signed contract", error.exception.name)
        # The trap of a team without a won stage: Odoo writes no stage.
        self.stage_won.on_change = False
        with self.assertRaises(UserError):
            Lead.action_set_won()
        self.assertEqual(lead.stage_id, self.stage_quotation)
        self.assertLess(lead.probability, 100)
        self.sign_contract(lead)
        Lead.action_set_won()
        self.assertEqual(lead.probability, 100)

    def test_manager_forces_won_with_reason(self):
        self.lead.sudo(self.sales_manager).force_stage(
            self.stage_won.id, "Hợp đồng ký tay, bản scan đến sau")
        self.assertEqual(self.lead.stage_id, self.stage_won)
        self.assertEqual(self.lead.probability, 100)
        self.assertIn("Hợp đồng ký tay", self.lead.message_ids[0].body)

    def test_create_in_a_late_stage_is_checked(self):
        Lead = self.env["crm.lead"].sudo(self.salesman)
        with self.assertRaises(UserError) as error:
            Lead.create({"name": "Late", "type": "opportunity",
                         "partner_id": self.customer.id,
                         "stage_id": self.stage_email.id})
        self.assertIn("A call answered", error.exception.name)
        # The kanban's quick create of a column: the stage comes as a default.
        with self.assertRaises(UserError):
            Lead.with_context(default_stage_id=self.stage_email.id).create(
                {"name": "Late", "type": "opportunity"})
        with self.assertRaises(UserError):
            Lead.create({"name": "Late", "probability": 100})
        self.assertFalse(self.env["crm.lead"].search([("name", "=", "Late")]))

    def test_copy_starts_the_pipeline_again(self):
        lead = self.create_lead("Copied", stage=self.stage_closing)
        copy = lead.sudo(self.salesman).copy()
        self.assertEqual(copy.stage_id, self.stage_contact)
        with self.assertRaises(UserError):
            lead.sudo(self.salesman).copy({"stage_id": self.stage_closing.id})

    def test_import_of_a_new_lead_is_checked(self):
        result = self.env["crm.lead"].sudo(self.salesman).load(
            ["name", "stage_id/.id"], [["Imported", str(self.stage_email.id)]]
        )
        self.assertFalse(result["ids"])
        self.assertIn("A call answered", result["messages"][0]["message"])
        self.assertFalse(self.env["crm.lead"].search([("name", "=", "Imported")]))

    def test_no_stage_and_back_is_checked(self):
        self.move_to_nowhere(self.lead)
        self.assertFalse(self.lead.stage_id)
        self.assertRefused(self.lead, self.stage_email, ["A call answered"])
        self.move(self.lead, self.stage_contact)
        self.assertEqual(self.lead.stage_id, self.stage_contact)

    def move_to_nowhere(self, lead):
        lead.sudo(self.salesman).write({"stage_id": False})

    def test_merge_is_checked_like_a_move(self):
        # Stages without on_change: Odoo keeps the oldest lead as the head,
        # and takes the stage of the first lead that has one.
        (self.stage_contact | self.stage_closing).write({"on_change": False})
        head = self.create_lead("Head")
        self.move_to_nowhere(head)
        tail = self.create_lead("Tail", stage=self.stage_closing)
        with self.assertRaises(UserError) as error:
            (head | tail).sudo(self.salesman).merge_opportunity()
        self.assertIn("A call answered", error.exception.name)
        self.assertTrue(tail.exists())
        self.assertFalse(head.stage_id)

    def test_checklist_of_current_stage(self):
        lead = self.create_lead("Checklist", stage=self.stage_nurture)
        self.assertEqual(lead.b2b_checklist_done, "0/2")
        self.assertIn("A trial run", lead.b2b_checklist)
        self.assertIn("optional", lead.b2b_checklist)
        self.add_stakeholder(lead, self.contact, self.role_payer)
        lead.invalidate_cache()
        self.assertEqual(lead.b2b_checklist_done, "1/2")

    def test_checkpoint_needs_its_parameters(self):
        Checkpoint = self.env["b2b.checkpoint"].sudo(self.sales_manager)
        with self.assertRaises(ValidationError):
            Checkpoint.create({"name": "X", "stage_id": self.stage_contact.id,
                               "kind": "touchpoint"})
        with self.assertRaises(ValidationError):
            Checkpoint.create({"name": "X", "stage_id": self.stage_contact.id,
                               "kind": "stakeholder"})
        with self.assertRaises(ValidationError):
            Checkpoint.create({"name": "X", "stage_id": self.stage_contact.id,
                               "kind": "field"})

    def test_only_manual_checkpoints_are_ticked(self):
        with self.assertRaises(ValidationError):
            self.env["b2b.checkpoint.tick"].sudo(self.salesman).create({
                "lead_id": self.lead.id,
                "checkpoint_id": self.env.ref(
                    "b2b_sales_delivery.b2b_checkpoint_contact_call").id,
            })

    def test_checkpoint_of_another_company_does_not_apply(self):
        other = self.env["res.company"].create({"name": "Chi nhánh Đà Nẵng"})
        checkpoint = self.env["b2b.checkpoint"].create({
            "name": "Other company", "stage_id": self.stage_contact.id,
            "kind": "manual", "company_id": other.id,
        })
        self.add_touchpoint(self.lead, "call", call_outcome="answered")
        self.move(self.lead, self.stage_email)
        self.assertEqual(self.lead.stage_id, self.stage_email)
        checkpoint.company_id = self.company
        self.move(self.lead, self.stage_contact)
        self.assertRefused(self.lead, self.stage_email, ["Other company"])

    def test_import_meets_the_same_rule(self):
        result = self.env["crm.lead"].sudo(self.salesman).load(
            [".id", "stage_id/.id"], [[str(self.lead.id), str(self.stage_email.id)]]
        )
        self.assertFalse(result["ids"])
        self.assertIn("A call answered", result["messages"][0]["message"])
        self.assertEqual(self.lead.stage_id, self.stage_contact)

    def test_force_to_missing_stage(self):
        with self.assertRaises(UserError):
            self.lead.sudo(self.sales_manager).force_stage(0, "Lý do")

    def test_tick_once_and_unique_role_codes(self):
        checkpoint = self.env.ref("b2b_sales_delivery.b2b_checkpoint_terms_agreed")
        Tick = self.env["b2b.checkpoint.tick"].sudo(self.salesman)
        Tick.create({"lead_id": self.lead.id, "checkpoint_id": checkpoint.id})
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), \
                self.cr.savepoint():
            Tick.create({"lead_id": self.lead.id, "checkpoint_id": checkpoint.id})
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), \
                self.cr.savepoint():
            self.env["b2b.stakeholder.role"].create(
                {"name": "Người dùng", "code": "user"})
