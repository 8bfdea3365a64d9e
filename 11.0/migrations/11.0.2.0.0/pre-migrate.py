# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""11.0.1.0.0 renamed crm's four default stages into the B2B pipeline; since
11.0.2.0.0 the pipeline's stages are the addon's own. A database upgraded
from 11.0.1.0.0 keeps the stages its opportunities are in: the new xml ids
name crm's records, which stay the pipeline's (nothing is renamed again)."""

STAGES = {
    "crm_stage_contact": "stage_lead1",
    "crm_stage_meeting_booked": "stage_lead2",
    "crm_stage_quotation_sent": "stage_lead3",
    "crm_stage_contract": "stage_lead4",
}


def migrate(cr, version):
    if not version:
        return
    for name, crm_name in STAGES.items():
        cr.execute(
            """INSERT INTO ir_model_data
                      (module, name, model, res_id, noupdate, date_init, date_update)
               SELECT 'b2b_sales_delivery', %s, 'crm.stage', res_id, TRUE,
                      now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
                 FROM ir_model_data
                WHERE module = 'crm' AND name = %s
                  AND NOT EXISTS (SELECT 1 FROM ir_model_data
                                   WHERE module = 'b2b_sales_delivery' AND name = %s)""",
            (name, crm_name, name),
        )
