# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""11.0.1.0.0 applied the B2B pipeline to every sales team: keep it so, and
mark the pipeline's stages (see pre-migrate.py)."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """UPDATE crm_stage SET b2b_pipeline = TRUE
            WHERE id IN (SELECT res_id FROM ir_model_data
                          WHERE module = 'b2b_sales_delivery' AND model = 'crm.stage')"""
    )
    cr.execute("UPDATE crm_team SET b2b_use_pipeline = TRUE")
    cr.execute(
        """INSERT INTO ir_config_parameter (key, value, create_date, write_date)
           SELECT 'b2b_sales_delivery.pipeline_new_teams', '1',
                  now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
            WHERE NOT EXISTS (SELECT 1 FROM ir_config_parameter
                               WHERE key = 'b2b_sales_delivery.pipeline_new_teams')"""
    )
