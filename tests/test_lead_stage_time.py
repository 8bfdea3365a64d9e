# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Cycle time: each stay of an opportunity in a stage, from the stage moves
Odoo tracks, on fixed days; the average days per stage; who reads them."""

from freezegun import freeze_time

from odoo.tests import new_test_user, tagged

from .common import B2bPipelineCase


@tagged("post_install", "-at_install")
class TestLeadStageTime(B2bPipelineCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lead = cls.create_lead("Minh Phát - Chu kỳ")
        cls.lead_b = cls.create_lead("Minh Phát - Kho")
        cls.created_on(cls.lead | cls.lead_b, "2026-03-02 00:00:00")
        cls.move(cls.lead, cls.stage_email, "2026-03-05 00:00:00")
        cls.move(cls.lead, cls.stage_booked, "2026-03-12 00:00:00")
        cls.move(cls.lead_b, cls.stage_email, "2026-03-03 00:00:00")
        cls.StageTime = cls.env["b2b.lead.stage.time"]

    @classmethod
    def created_on(cls, leads, moment):
        cls.env.flush_all()
        cls.env.cr.execute(
            "UPDATE crm_lead SET create_date = %s WHERE id IN %s", [moment, tuple(leads.ids)]
        )
        leads.invalidate_recordset(["create_date"])

    @classmethod
    def move(cls, lead, stage, moment):
        """The stage move at ``moment``: the tracking message is dated then."""
        with freeze_time(moment):
            lead.with_user(cls.sales_manager).force_stage(stage.id, "Khách hẹn gặp")
            cls.env.flush_all()
            cls.env.cr.flush()

    def stays(self, lead, user=None):
        rows = self.StageTime.with_user(user or self.sales_manager).search(
            [("lead_id", "=", lead.id)]
        )
        return [
            (row.stage_id, str(row.date_in), row.date_out and str(row.date_out),
             row.is_open, round(row.days, 2) if not row.is_open else None)
            for row in rows
        ]

    def test_stays_per_stage(self):
        self.assertEqual(
            self.stays(self.lead),
            [
                (self.stage_contact, "2026-03-02 00:00:00", "2026-03-05 00:00:00", False, 3.0),
                (self.stage_email, "2026-03-05 00:00:00", "2026-03-12 00:00:00", False, 7.0),
                (self.stage_booked, "2026-03-12 00:00:00", False, True, None),
            ],
        )
        # The open stay runs up to now: at least the days since it began.
        self.assertGreater(
            self.StageTime.search([("lead_id", "=", self.lead.id), ("is_open", "=", True)]).days,
            200,
        )

    def test_average_days_per_stage(self):
        groups = self.StageTime.with_user(self.sales_manager)._read_group(
            [("lead_id", "in", (self.lead | self.lead_b).ids), ("is_open", "=", False)],
            ["stage_id"], ["days:avg", "__count"],
        )
        self.assertEqual(
            {stage: (round(days, 2), count) for stage, days, count in groups},
            {self.stage_contact: (2.0, 2), self.stage_email: (7.0, 1)},
        )

    def test_who_reads_the_cycle_time(self):
        self.assertEqual(len(self.stays(self.lead, user=self.salesman)), 3)
        self.assertEqual(self.stays(self.lead, user=self.salesman_other), [])
        company = self.env["res.company"].create({"name": "Công ty Khác"})
        outsider = new_test_user(
            self.env, "b2b_stage_time_other_company", groups="sales_team.group_sale_manager",
            company_id=company.id, company_ids=[(6, 0, company.ids)],
        )
        self.assertEqual(self.stays(self.lead, user=outsider), [])
