# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""11.0.2.0.1: one kind of customer link for every document; the payment
plan agreed with the deal.

A link is spent once the customer decided: the links of confirmed scopes and
of decided change requests and acceptance minutes are cleared. The links of
acceptance minutes had no expiry: those still awaiting an answer expire the
days set in the settings after their sending. The payment plan page no longer
opens with the order's own portal token (each order gets its own link from
``get_payment_plan_url``).

Installments: several down payment lines (one per set of taxes) and the
invoiced amount kept; phases belong to their order."""

LINK_DAYS_PARAM = "b2b_sales_delivery.scope_link_days"


def migrate(cr, version):
    if not version:
        return
    _spend_links(cr)
    _payment_plan_with_the_deal(cr)


def _spend_links(cr):
    cr.execute(
        "UPDATE sale_order SET scope_token = NULL, scope_token_expiry = NULL "
        "WHERE scope_state = 'confirmed' AND scope_token IS NOT NULL"
    )
    cr.execute(
        "UPDATE b2b_change_request SET access_token = NULL, token_expiry = NULL "
        "WHERE state IN ('approved', 'rejected') AND access_token IS NOT NULL"
    )
    cr.execute(
        "UPDATE b2b_acceptance SET access_token = NULL "
        "WHERE state IN ('accepted', 'rejected') AND access_token IS NOT NULL"
    )
    cr.execute("SELECT value FROM ir_config_parameter WHERE key = %s",
               (LINK_DAYS_PARAM,))
    row = cr.fetchone()
    try:
        days = int(row[0]) if row else 30
    except ValueError:
        days = 30
    if days > 0:
        cr.execute(
            "UPDATE b2b_acceptance SET token_expiry = COALESCE(date_sent, "
            "now() AT TIME ZONE 'UTC') + %s * INTERVAL '1 day' "
            "WHERE state = 'sent' AND access_token IS NOT NULL "
            "AND token_expiry IS NULL",
            (days,),
        )


def _payment_plan_with_the_deal(cr):
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
