# Steps of `scripts/b2b install-check`, run by `odoo shell` with B2B_STEP:
#   populate   a company's records, as a database in use has them
#   installed  after the install: those records unchanged, teams unchanged
#   uninstall  uninstall the addon as from Apps
#   removed    nothing of the addon left, the records unchanged, Odoo works
# The state between steps is kept in the JSON file B2B_STATE.
# pylint: disable=print-used
import builtins
import json
import os

ADDON = "b2b_sales_delivery"
STEP = os.environ["B2B_STEP"]
STATE = os.environ["B2B_STATE"]
# ``odoo shell`` runs this file with ``env`` among its globals
env = globals().get("env") or builtins.__dict__.get("env")

TABLES = {
    "crm_lead": "id, name, stage_id, team_id, user_id, probability, active, won_status",
    "crm_stage": "id, name, sequence, is_won, fold, rotting_threshold_days",
    "crm_team": "id, name, active",
    "sale_order": "id, name, state, amount_total, opportunity_id",
    "project_project": "id, name, partner_id, active",
    "project_task": "id, name, project_id, date_deadline, stage_id",
    "project_milestone": "id, name, project_id, deadline",
}
# sale_project's "Create Project" of the Action menu: the addon points it at
# its own step while installed, and back when uninstalled.
ACTION = "sale_project.model_sale_order_action_create_project"


def snapshot():
    rows = {}
    for table, columns in TABLES.items():
        env.cr.execute(f"SELECT {columns} FROM {table} ORDER BY id")
        rows[table] = [list(map(str, row)) for row in env.cr.fetchall()]
    return rows


def fail(message):
    raise SystemExit("install-check: " + message)


if STEP == "populate":
    partner = env["res.partner"].create({"name": "Customer in use", "is_company": True})
    team = env["crm.team"].create({"name": "Team in use"})
    stages = env["crm.stage"].search([("is_won", "=", False)])
    leads = env["crm.lead"].create([
        {
            "name": f"Opportunity in use {i}",
            "type": "opportunity",
            "partner_id": partner.id,
            "team_id": team.id,
            "stage_id": stages[i % len(stages)].id,
            "expected_revenue": 1000 * i,
        }
        for i in range(30)
    ])
    leads[:3].action_set_won()
    leads[3:5].action_set_lost()
    product = env["product.product"].create({"name": "Service in use", "list_price": 100})
    order = env["sale.order"].create({
        "partner_id": partner.id,
        "opportunity_id": leads[5].id,
        "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": 3})],
    })
    order.action_confirm()
    env["sale.order"].create({
        "partner_id": partner.id,
        "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": 1})],
    })
    project = env["project.project"].create({
        "name": "Project in use", "partner_id": partner.id, "allow_milestones": True})
    env["project.task"].create({
        "name": "Task in use", "project_id": project.id,
        "date_deadline": "2026-03-02 10:00:00"})
    env["project.milestone"].create({
        "name": "Milestone in use", "project_id": project.id, "deadline": "2026-03-06"})
    env.cr.commit()
    with open(STATE, "w") as out:
        json.dump(dict(snapshot(), action=[env.ref(ACTION).code]), out)
elif STEP in ("installed", "removed"):
    with open(STATE) as state:
        before = json.load(state)
    after = snapshot()
    for table in TABLES:
        # the rows there before, as they were (the addon adds its own)
        ids = {row[0] for row in before[table]}
        kept = [row for row in after[table] if row[0] in ids]
        if kept != before[table]:
            changed = [row for row in kept if row not in before[table]]
            fail(f"{table} changed: {changed[:3] or 'rows removed'}")
    if STEP == "installed":
        env.cr.execute("SELECT count(*) FROM crm_team WHERE b2b_use_pipeline")
        if env.cr.fetchone()[0]:
            fail("the install put sales teams of a database in use in the B2B pipeline")
    else:
        env.cr.execute(
            """SELECT (SELECT count(*) FROM ir_model WHERE model LIKE 'b2b.%%')
                    + (SELECT count(*) FROM ir_model_data WHERE module = %s)
                    + (SELECT count(*) FROM information_schema.tables
                        WHERE table_name LIKE 'b2b\\_%%')
                    + (SELECT count(*) FROM information_schema.columns
                        WHERE column_name LIKE 'b2b\\_%%')""",
            [ADDON],
        )
        left = env.cr.fetchone()[0]
        if left:
            fail(f"the uninstall left {left} models, records, tables or columns")
        if [env.ref(ACTION).code] != before["action"]:
            fail("sale_project's Create Project action was not given back")
        # Odoo's own flow still works: a new opportunity, won.
        lead = env["crm.lead"].create({"name": "After the uninstall", "type": "opportunity"})
        lead.action_set_won()
        if lead.won_status != "won":
            fail("an opportunity cannot be won after the uninstall")
        env.cr.rollback()
elif STEP == "uninstall":
    env["ir.module.module"].search([("name", "=", ADDON)]).button_immediate_uninstall()
    env.cr.commit()
else:
    fail(f"unknown step {STEP}")
print(f"install-check: {STEP}: OK")
