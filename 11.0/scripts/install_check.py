"""Install into a company that already runs Odoo, use, uninstall: the steps
of ``scripts/b2b install-check``, each run in ``odoo shell`` (which provides
``env``), chosen by the environment variable B2B_STEP:

  populate   the company's own data before the addon: its own stages, sales
             team, opportunities in every state, confirmed and invoiced
             orders, projects and tasks; users of each job
  old_data   the addon of the previous version used through its public
             names (DESIGN.md), before an upgrade
  use        the addon used: a team in the B2B pipeline, an opportunity with
             its touchpoints and committee, a contract, a quotation with scope
             and payment plan, confirmed, its delivery project
  removed    after uninstalling: nothing of the addon is left in the
             database (tables, views, columns, SQL functions, menus, crons,
             mail templates, translations, parameters)
  flows      after uninstalling: a salesperson moves opportunities, marks one
             won, confirms and invoices an order; a project user works in a
             project

Each step prints what it checked and ends with "STEP <name>: OK" or raises.
"""
import builtins
import os

# ``odoo shell`` runs this file with ``env`` among its globals
env = globals().get("env") or builtins.__dict__.get("env")

MODULE = "b2b_sales_delivery"
STEP = os.environ["B2B_STEP"]
DAY = "2026-03-02"


def user(login, groups):
    existing = env["res.users"].search([("login", "=", login)])
    if existing:
        return existing
    return env["res.users"].with_context(no_reset_password=True).create({
        "name": login.replace("_", " ").title(), "login": login,
        "email": "%s@example.com" % login, "tz": "UTC",
        "groups_id": [(6, 0, [env.ref(xml_id).id for xml_id in groups])],
    })


def users():
    return (
        user("check_salesman", ["sales_team.group_sale_salesman"]),
        user("check_project_user", ["project.group_project_user"]),
        user("check_accountant", ["account.group_account_invoice"]),
    )


def service_product(name):
    return env["product.product"].search([("name", "=", name)], limit=1) or \
        env["product.product"].create({
            "name": name, "type": "service", "list_price": 1000.0,
            "invoice_policy": "order"})


# A one-page PDF: the scope signed by the customer, scanned.
SIGNED_SCOPE = (
    "JVBERi0xLjQKMSAwIG9iajw8L1R5cGUvQ2F0YWxvZy9QYWdlcyAyIDAgUj4+ZW5kb2JqIDIg"
    "MCBvYmo8PC9UeXBlL1BhZ2VzL0tpZHNbXS9Db3VudCAwPj5lbmRvYmoKdHJhaWxlcjw8L1Jv"
    "b3QgMSAwIFI+PgolJUVPRgo="
)


def sell_and_deliver(lead, product_name, quantity, brief):
    """The contract of ``lead``'s customer, its order of ``quantity`` of a
    service with one scope item ``brief``, confirmed, and its delivery
    project; committed. Returns the order and the project's id."""
    customer = lead.partner_id
    contract = env["b2b.contract"].create({"partner_id": customer.id, "lead_id": lead.id})
    order = env["sale.order"].create({
        "partner_id": customer.id, "opportunity_id": lead.id,
        "b2b_contract_id": contract.id,
        "order_line": [(0, 0, {"product_id": service_product(product_name).id,
                               "product_uom_qty": quantity})]})
    env["b2b.scope.item"].create({"order_id": order.id, "category": "brief",
                                  "name": brief})
    if "scope_signed_copy" in order._fields:
        # Since the scope gates the delivery: the customer's signed scope,
        # kept on the order, before the order is confirmed.
        order.action_confirm_scope(confirmed_by=customer.name, via="other",
                                   signed_copy=SIGNED_SCOPE,
                                   signed_copy_name="scope.pdf")
    order.action_confirm()
    project = order.action_create_project()
    env.cr.commit()
    return order, project


def populate():
    salesman, project_user, _accountant = users()
    team = env["crm.team"].create({"name": "Own Team", "member_ids": [(4, salesman.id)]})
    own_stages = env["crm.stage"]
    for sequence, name in enumerate(["Discovery", "Workshop", "Offer", "Signed"]):
        own_stages |= env["crm.stage"].create({
            "name": name, "sequence": 10 + sequence, "team_id": team.id,
            "probability": 100 if name == "Signed" else 20 * (sequence + 1),
            "on_change": True})
    # crm's own stages renamed by the company, as companies do
    env.ref("crm.stage_lead1").write({"name": "Inbound"})
    customer = env["res.partner"].create({"name": "Own Customer", "is_company": True,
                                          "email": "own@example.com"})
    product = service_product("Own Service")
    leads = env["crm.lead"]
    for index, stage in enumerate(own_stages | env.ref("crm.stage_lead2")):
        leads |= env["crm.lead"].sudo(salesman).create({
            "name": "Own opportunity %s" % index, "type": "opportunity",
            "partner_id": customer.id, "team_id": team.id, "stage_id": stage.id,
            "planned_revenue": 1000 * (index + 1)})
    leads[-1].action_set_lost()
    env["crm.lead"].create({"name": "Own lead", "type": "lead"})
    for index in range(3):
        order = env["sale.order"].create({
            "partner_id": customer.id, "team_id": team.id,
            "opportunity_id": leads[index].id,
            "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": 2})]})
        if index:
            order.action_confirm()
        if index == 2:
            invoice = env["account.invoice"].browse(order.action_invoice_create())
            invoice.action_invoice_open()
    env["account.invoice"].create({
        "partner_id": customer.id, "type": "out_invoice",
        "invoice_line_ids": [(0, 0, {
            "name": "Own invoice line", "quantity": 1, "price_unit": 500.0,
            "account_id": product.categ_id.property_account_income_categ_id.id
            or env["account.account"].search(
                [("user_type_id.type", "=", "other")], limit=1).id})]})
    project = env["project.project"].create({"name": "Own Project",
                                             "partner_id": customer.id})
    for index in range(2):
        env["project.task"].create({"name": "Own task %s" % index,
                                    "project_id": project.id,
                                    "user_id": project_user.id})
    env.cr.commit()
    print("populated: %d opportunities, 3 orders, 2 invoices, 1 project" % len(leads))


def use():
    salesman, _project_user, _accountant = users()
    team = env["crm.team"].create({"name": "B2B Team", "b2b_use_pipeline": True})
    salesman.sale_team_id = team
    customer = env["res.partner"].create({"name": "B2B Customer", "is_company": True,
                                          "email": "b2b@example.com"})
    lead = env["crm.lead"].sudo(salesman).create({
        "name": "B2B opportunity", "type": "opportunity", "partner_id": customer.id,
        "team_id": team.id})
    assert lead.stage_id == env.ref(MODULE + ".crm_stage_contact"), lead.stage_id.name
    env["b2b.touchpoint"].sudo(salesman).create({
        "lead_id": lead.id, "kind": "call", "call_outcome": "answered",
        "date": DAY + " 09:00:00", "user_id": salesman.id})
    lead.write({"stage_id": env.ref(MODULE + ".crm_stage_email_sent").id})
    order, project = sell_and_deliver(lead, "B2B Service", 1, "Brief")
    print("used: %s, %s, project %s" % (lead.name, order.name, project))


def old_data():
    salesman, _project_user, _accountant = users()
    customer = env["res.partner"].create({"name": "Old Customer", "is_company": True,
                                          "email": "old@example.com"})
    leads = env["crm.lead"]
    for index in range(3):
        leads |= env["crm.lead"].create({
            "name": "Old opportunity %s" % index, "type": "opportunity",
            "partner_id": customer.id, "user_id": salesman.id,
            "b2b_data_source": "paid"})
    for lead in leads:
        env["b2b.touchpoint"].create({
            "lead_id": lead.id, "kind": "call", "call_outcome": "answered",
            "date": DAY + " 09:00:00", "user_id": salesman.id})
        env["b2b.stakeholder"].create({
            "lead_id": lead.id, "partner_id": customer.id,
            "role_ids": [(6, 0, env["b2b.stakeholder.role"].search([]).ids)]})
    leads[1].write({"stage_id": env["crm.stage"].search([], order="sequence", limit=2)[1].id})
    order, project = sell_and_deliver(leads[0], "Old Service", 4, "Old brief")
    print("previous version's data: %d opportunities, %s, project %s" % (
        len(leads), order.name, project))


def upgraded():
    stages = env["crm.stage"].search([("b2b_pipeline", "=", True)])
    assert len(stages) == 8, stages.mapped("name")
    assert all(env["crm.team"].search([]).mapped("b2b_use_pipeline"))
    for name in ("crm_stage_contact", "crm_stage_contract"):
        assert env.ref(MODULE + "." + name) in stages, name
    assert env.ref(MODULE + ".crm_stage_contract") == env.ref("crm.stage_lead4")
    lead = env["crm.lead"].search([("name", "=", "Old opportunity 1")])
    # 11.0.2.0.2: the customer mails follow the customer language rule
    for name in ("scope", "change_request", "b2b_acceptance"):
        template = env.ref(MODULE + ".mail_template_" + name)
        assert ".b2b_customer_lang(" in template.lang, (name, template.lang)
    reminder = env.ref(MODULE + ".mail_template_b2b_payment_reminder_overdue")
    for body in (reminder.body_html, reminder.with_context(lang="vi_VN").body_html):
        assert "object.amount_due" in body and "invoice_id.residual" not in body, body
    print("upgraded: pipeline of %d stages, every team in it; %s in %s; "
          "customer mails in the customer's language" % (
              len(stages), lead.name, lead.stage_id.name))


def removed():
    cr = env.cr
    checks = {
        "tables and views": "SELECT relname FROM pg_class WHERE relname LIKE 'b2b\\_%%' "
                            "AND relkind IN ('r', 'v', 'm')",
        "indexes": "SELECT indexname FROM pg_indexes WHERE indexname LIKE '%%b2b%%'",
        "columns": "SELECT table_name || '.' || column_name FROM information_schema.columns "
                   "WHERE column_name LIKE 'b2b\\_%%' AND table_schema = 'public'",
        "SQL functions": "SELECT proname FROM pg_proc WHERE proname LIKE 'b2b\\_%%'",
        "external ids": "SELECT model || ' ' || name FROM ir_model_data WHERE module = %s",
        "models": "SELECT model FROM ir_model WHERE model LIKE 'b2b.%%'",
        "menus": "SELECT m.name FROM ir_ui_menu m JOIN ir_model_data d ON d.res_id = m.id "
                 "AND d.model = 'ir.ui.menu' WHERE d.module = %s",
        "views": "SELECT name FROM ir_ui_view WHERE name LIKE '%%b2b%%' OR arch_db LIKE '%%b2b\\_%%'",
        "crons": "SELECT cron_name FROM ir_cron WHERE cron_name ILIKE '%%b2b%%'",
        "mail templates": "SELECT t.name FROM mail_template t JOIN ir_model m "
                          "ON m.id = t.model_id WHERE m.model LIKE 'b2b.%%' "
                          "OR t.body_html LIKE '%%b2b\\_%%'",
        "translations": "SELECT name FROM ir_translation WHERE module = %s "
                        "OR name LIKE 'b2b.%%'",
        "parameters": "SELECT key FROM ir_config_parameter WHERE key LIKE 'b2b\\_%%'",
        "actions": "SELECT name FROM ir_act_window WHERE res_model LIKE 'b2b.%%'",
        "reports": "SELECT report_name FROM ir_act_report_xml WHERE report_name LIKE %s",
        "rules": "SELECT r.name FROM ir_rule r JOIN ir_model m ON m.id = r.model_id "
                 "WHERE r.name ILIKE '%%b2b%%' OR r.domain_force LIKE '%%b2b\\_%%'",
        "groups": "SELECT g.name FROM res_groups g JOIN ir_module_category c "
                  "ON c.id = g.category_id WHERE c.name ILIKE '%%B2B%%'",
    }
    left = {}
    for what, query in checks.items():
        params = ()
        if "%s" in query:
            params = (MODULE + "%",) if what == "reports" else (MODULE,)
        cr.execute(query, params)
        rows = [row[0] for row in cr.fetchall()]
        print("%-16s %s" % (what, "none left" if not rows else "LEFT: %s" % rows[:10]))
        if rows:
            left[what] = rows
    cr.execute("SELECT state FROM ir_module_module WHERE name = %s", (MODULE,))
    print("module state     %s" % cr.fetchone()[0])
    assert not left, "left after uninstall: %s" % ", ".join(left)


def flows():
    salesman, project_user, accountant = users()
    env["res.users"].browse(salesman.id).write(
        {"groups_id": [(4, env.ref("sales_team.group_sale_salesman").id)]})
    Lead = env["crm.lead"].sudo(salesman)
    lead = Lead.create({"name": "After uninstall", "type": "opportunity",
                        "partner_id": env.ref("base.main_partner").id})
    stages = env["crm.stage"].search([("team_id", "in", [False, lead.team_id.id])])
    for stage in stages:
        lead.write({"stage_id": stage.id})
    print("salesperson moved an opportunity through %d stages" % len(stages))
    lead.action_set_won()
    assert lead.probability == 100, lead.probability
    print("salesperson marked it won: %s" % lead.stage_id.name)
    product = service_product("After Uninstall Service")
    order = env["sale.order"].sudo(salesman).create({
        "partner_id": env.ref("base.main_partner").id, "opportunity_id": lead.id,
        "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": 3})]})
    order.action_confirm()
    assert order.state == "sale", order.state
    invoice_ids = order.sudo(accountant).action_invoice_create()
    invoice = env["account.invoice"].sudo(accountant).browse(invoice_ids)
    invoice.action_invoice_open()
    assert invoice.state == "open" and invoice.amount_untaxed == 3000.0, (
        invoice.state, invoice.amount_untaxed)
    print("salesperson confirmed %s, accountant invoiced it: %s %s" % (
        order.name, invoice.number, invoice.amount_total))
    project = env["project.project"].create({
        "name": "After uninstall", "privacy_visibility": "employees"})
    task = env["project.task"].sudo(project_user).create({
        "name": "Work", "project_id": project.id, "user_id": project_user.id})
    stage = env["project.task.type"].create({"name": "Done", "project_ids": [(4, project.id)]})
    task.write({"stage_id": stage.id, "date_deadline": DAY})
    task.message_post(body="Done")
    print("project user created and moved a task in %s" % project.name)
    env.cr.commit()


{"populate": populate, "use": use, "removed": removed, "flows": flows,
 "old_data": old_data, "upgraded": upgraded}[STEP]()
print("STEP %s: OK" % STEP)
