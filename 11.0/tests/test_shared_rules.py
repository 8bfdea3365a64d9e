# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Rules that both Python code and an SQL view apply agree on the same
records. Each is written once:

- a signed contract: ``contract_signed_sql`` (models/b2b_contract.py), for
  the checkpoints and the indicators' view;
- a meeting not cancelled: ``meeting_not_cancelled_sql``
  (models/b2b_touchpoint.py), for the first meeting with a company and the
  indicators' view;
- the ageing buckets: ``AGEING_LIMITS`` (utils/payment.py), read by
  ``ageing_bucket`` and written into the receivables view by ``ageing_sql``;
- who sees whose indicators: the record rules of security/kpi_security.xml,
  which ``b2b.kpi.target._kpi_visible_user_ids`` follows for whole figures
  (``get_kpi_values`` and the weekly mail).
"""
from datetime import timedelta

from odoo import fields

from ..utils.payment import AGEING_BUCKETS, ageing_bucket
from .common_kpi import KpiCase


class TestSharedRules(KpiCase):
    def kpi_partner_ids(self, kpi):
        rows = self.env["b2b.kpi.report"].search([("kpi", "=", kpi)])
        return set(rows.mapped("partner_id").ids)

    def test_signed_contract_same_for_checkpoints_and_indicators(self):
        leads = self.env["crm.lead"]
        by_state = {}
        for state in ("draft", "negotiation", "signed", "in_progress", "done", "cancel"):
            partner = self.env["res.partner"].create(
                {"name": "Khách hàng %s" % state, "is_company": True}
            )
            lead = leads.create({"name": state, "partner_id": partner.id})
            contract = self._contract(
                self.salesman, self.team_north, partner, state, "2026-03-02"
            )
            contract.lead_id = lead
            leads |= lead
            by_state[state] = (lead, partner)
        signed_leads = self.env["b2b.checkpoint"]._get_signed_contract_lead_ids(leads)
        counted = self.kpi_partner_ids("contracts")
        for state, (lead, partner) in by_state.items():
            self.assertEqual(lead.id in signed_leads, partner.id in counted, state)
        self.assertEqual(
            {state for state, (lead, _p) in by_state.items() if lead.id in signed_leads},
            {"signed", "in_progress", "done"},
        )

    def test_meeting_not_cancelled_same_for_first_meeting_and_indicators(self):
        Touchpoint = self.env["b2b.touchpoint"]
        by_state = {}
        for state in ("planned", "held", "cancelled", False):
            partner = self.env["res.partner"].create(
                {"name": "Công ty họp %s" % state, "is_company": True}
            )
            by_state[state] = (partner, Touchpoint.create({
                "lead_id": self.lead_north.id, "partner_id": partner.id,
                "user_id": self.salesman.id, "kind": "meeting",
                "date": "2026-03-03 09:00:00", "meeting_state": state or "planned",
            }))
        # a meeting without a state (imported or older data) counts as planned
        untouched = by_state[False][1]
        self._force(untouched, meeting_state=None, is_new_partner=False)
        untouched._update_new_partner()
        untouched.invalidate_cache()
        self.assertFalse(untouched.meeting_state)
        counted = self.kpi_partner_ids("meetings_new")
        for state, (partner, touchpoint) in by_state.items():
            self.assertEqual(touchpoint.is_new_partner, partner.id in counted, state)
            self.assertEqual(touchpoint.is_new_partner, state != "cancelled", state)

    def test_ageing_same_in_helper_and_receivables_view(self):
        Report = self.env["b2b.receivable.report"]
        self.env.cr.execute("SELECT CURRENT_DATE")
        today = fields.Date.from_string(self.env.cr.fetchone()[0])
        seen = set()
        for days in (-5, 0, 1, 30, 31, 60, 61, 90, 91, 400):
            due = today - timedelta(days=days)
            self._force(self.inv2, date_due=fields.Date.to_string(due))
            row = Report.search([("invoice_id", "=", self.inv2.id)])
            bucket = ageing_bucket(due, today)
            self.assertEqual(row.ageing, bucket, days)
            amounts = {
                name: row["amount_%s" % name] for name in AGEING_BUCKETS[1:]
            }
            for name, amount in amounts.items():
                expected = row.amount_outstanding if name == bucket else 0.0
                self.assertAlmostEqual(amount, expected, 2, msg=(days, name))
            seen.add(bucket)
        self.assertEqual(seen, set(AGEING_BUCKETS))

    def test_indicator_visibility_same_in_code_and_record_rules(self):
        events = self.env["b2b.kpi.report"].search([])
        owners = set(events.mapped("user_id").ids)
        self.assertGreaterEqual(len(owners), 2)
        for user in (self.salesman, self.salesman_other, self.leader, self.sales_manager):
            visible_events = self.env["b2b.kpi.report"].sudo(user).search([])
            fully_visible = {
                owner for owner in owners
                if events.filtered(lambda e: e.user_id.id == owner) <= visible_events
            }
            code = self.env["b2b.kpi.target"].sudo(user)._kpi_visible_user_ids()
            self.assertEqual(
                owners if code is None else owners & code, fully_visible, user.login
            )
