# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Installments: several down payment lines (one per set of taxes) and the
invoiced amount kept; phases belong to their order."""


def migrate(cr, version):
    if not version:
        return
    cr.execute("""
        SELECT 1 FROM information_schema.columns
        WHERE table_name = 'b2b_payment_plan_line' AND column_name = 'sale_line_id'
    """)
    if cr.fetchone():
        cr.execute("""
            INSERT INTO b2b_payment_plan_line_sale_line_rel (line_id, sale_line_id)
            SELECT id, sale_line_id FROM b2b_payment_plan_line
            WHERE sale_line_id IS NOT NULL
            ON CONFLICT DO NOTHING
        """)
    cr.execute("""
        UPDATE b2b_payment_plan_line line SET amount_invoiced = inv.amount_total
        FROM account_invoice inv
        WHERE line.invoice_id = inv.id AND line.amount_invoiced IS NULL
    """)
    cr.execute("""
        UPDATE b2b_phase phase SET order_id = project.sale_order_id
        FROM project_project project
        WHERE phase.project_id = project.id AND phase.order_id IS NULL
    """)
