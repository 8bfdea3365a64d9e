# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Moving many opportunities through a stage costs a bounded number of
queries, whatever their count."""
from odoo.exceptions import UserError

from .common_crm import DATE, B2BCrmCase


class TestCrmStageMoveQueries(B2BCrmCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Lead = cls.env["crm.lead"].with_context(tracking_disable=True)
        Touchpoint = cls.env["b2b.touchpoint"]
        cls.leads = Lead.browse()
        for index in range(420):
            lead = Lead.create({
                "name": "Cơ hội %s" % index, "type": "opportunity",
                "partner_id": cls.customer.id, "user_id": cls.salesman.id,
                "stage_id": cls.stage_contact.id,
            })
            cls.leads |= lead
        for lead in cls.leads[:410]:
            Touchpoint.create({"lead_id": lead.id, "kind": "call",
                               "call_outcome": "answered", "date": DATE})

    def count_move(self, leads):
        # Without chatter tracking: mail.thread posts one stage message per
        # opportunity (Odoo's own cost, about 45 queries each); the move and
        # its checkpoints are measured here (16 queries when measured, the
        # company rule and the value checks included).
        leads = leads.sudo(self.salesman).with_context(tracking_disable=True)
        leads.invalidate_cache()
        before = self.cr.sql_log_count
        leads.write({"stage_id": self.stage_email.id})
        return self.cr.sql_log_count - before

    def test_query_count_does_not_grow(self):
        self.count_move(self.leads[:5])  # warm-up
        few = self.count_move(self.leads[5:10])
        many = self.count_move(self.leads[10:210])
        self.assertEqual(few, many)
        self.assertLessEqual(many, 16)
        self.assertEqual(set(self.leads[:210].mapped("stage_id").ids),
                         {self.stage_email.id})

    def count_refusal(self, leads):
        # A clean context: the refusal comes before any chatter tracking.
        leads = self.env["crm.lead"].sudo(self.salesman).browse(leads.ids)
        leads.invalidate_cache()
        before = self.cr.sql_log_count
        with self.assertRaises(UserError) as error:
            leads.write({"stage_id": self.stage_email.id})
        return self.cr.sql_log_count - before, error.exception.name

    def test_refusal_lists_missing_and_sums_up(self):
        # 200 leads of which 10 have no answered call: the whole write is
        # refused, the message names those 10 opportunities.
        self.count_refusal(self.leads[405:420])  # warm-up
        few, __ = self.count_refusal(self.leads[400:420])
        many, message = self.count_refusal(self.leads[220:420])
        self.assertEqual(few, many)
        self.assertLessEqual(many, 8)
        self.assertIn("Cơ hội 410:", message)
        self.assertIn("Cơ hội 419:", message)
        self.assertNotIn("Cơ hội 409:", message)
        self.assertEqual(message.count("A call answered (Contact)"), 10)
        self.assertEqual(set(self.leads[220:420].mapped("stage_id").ids),
                         {self.stage_contact.id})
