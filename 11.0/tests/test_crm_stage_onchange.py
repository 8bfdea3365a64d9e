# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A stage clicked in the statusbar of the opportunity's form: the web
client calls ``onchange`` first; a refused move is answered there, with the
refusal's text, and the form keeps the saved stage."""
from .common_crm import B2BCrmCase


class TestCrmStageOnchange(B2BCrmCase):
    def click_stage(self, lead, stage, user=None):
        """What the web client sends when the stage is clicked in the form
        (edit or read mode): the form's values with the new stage."""
        lead = lead.sudo(user or self.salesman).with_context(b2b_stage_in_form=True)
        values = {
            "name": lead.name, "type": lead.type, "team_id": lead.team_id.id,
            "user_id": lead.user_id.id, "partner_id": lead.partner_id.id,
            "stage_id": stage.id, "probability": lead.probability,
        }
        form = lead.fields_view_get(
            view_id=self.env.ref("crm.crm_case_form_view_oppor").id, view_type="form")
        return lead.onchange(values, "stage_id", lead._onchange_spec(form))

    def test_refused_move_keeps_the_saved_stage(self):
        result = self.click_stage(self.lead, self.stage_email)
        warning = result.get("warning")
        self.assertTrue(warning)
        self.assertIn("A call answered (Contact)", warning["message"])
        self.assertIn("force the move", warning["message"])
        self.assertEqual(result["value"]["stage_id"][0], self.stage_contact.id)
        self.assertEqual(result["value"].get("probability", self.lead.probability),
                         self.lead.probability)
        self.assertEqual(self.lead.stage_id, self.stage_contact)

    def test_allowed_move_sets_the_stage_probability(self):
        self.add_touchpoint(self.lead, "call", call_outcome="answered")
        result = self.click_stage(self.lead, self.stage_email)
        self.assertNotIn("warning", result)
        self.assertEqual(result["value"]["probability"], self.stage_email.probability)

    def test_win_without_contract_refused_in_the_form(self):
        lead = self.create_lead("Won too early", stage=self.stage_quotation)
        result = self.click_stage(lead, self.stage_won, self.sales_manager)
        self.assertIn("warning", result)
        self.assertEqual(result["value"]["stage_id"][0], self.stage_quotation.id)

    def test_moving_back_is_free(self):
        lead = self.create_lead("Back", stage=self.stage_email)
        result = self.click_stage(lead, self.stage_contact)
        self.assertNotIn("warning", result)

    def test_quick_create_keeps_the_stage_probability(self):
        """crm's quick create (name_create) runs the stage's onchange on a
        saved record, outside any form."""
        Lead = self.env["crm.lead"].sudo(self.salesman).with_context(
            default_type="opportunity", default_stage_id=self.stage_contact.id)
        lead_id, _name = Lead.name_create("Quick - Hải Âu")
        lead = Lead.browse(lead_id)
        self.assertEqual(lead.stage_id, self.stage_contact)
        self.assertEqual(lead.probability, self.stage_contact.probability)

    def test_kanban_drag_is_left_to_the_write(self):
        """The kanban's drag runs the same onchange without the form's
        context: the write refuses it and the card goes back."""
        lead = self.lead.sudo(self.salesman)
        values = {"name": lead.name, "stage_id": self.stage_email.id,
                  "probability": lead.probability}
        result = lead.onchange(values, "stage_id", {"stage_id": "1", "probability": ""})
        self.assertNotIn("warning", result)
