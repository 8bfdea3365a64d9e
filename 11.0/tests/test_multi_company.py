# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Two companies in one database: each has its own pipeline settings,
contracts, phases, payment plans, reminders and indicators; a user of one
never sees or changes the other's (SQL views included), and an installment is
invoiced in its order's company, with that company's journal and accounts."""
from odoo.exceptions import AccessError

from .common import create_user
from .common_payment import B2BPaymentCase
from .common_scope import SCAN

# Models of the addon and the field that ties a record to its company.
COMPANY_MODELS = (
    "b2b.contract", "b2b.phase", "b2b.acceptance", "b2b.acceptance.item",
    "b2b.payment.plan.line", "b2b.payment.reminder.level", "b2b.kpi.target",
    "b2b.change.request", "b2b.scope.item", "b2b.checkpoint", "b2b.weekly.goal",
    "b2b.skill.assessment", "crm.lead",
)
# Shared configuration: the same for every company (no company_id).
SHARED_MODELS = ("b2b.skill", "b2b.stakeholder.role")
REPORTS = ("b2b.kpi.report", "b2b.kpi.achievement", "b2b.skill.matrix",
           "b2b.receivable.report")


class TestMultiCompany(B2BPaymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        try:
            cls._set_up_companies()
        except Exception:
            # unittest skips tearDownClass when setUpClass fails: release the
            # class's transaction, or it holds the next classes' rows locked.
            cls.tearDownClass()
            raise

    @classmethod
    def _set_up_companies(cls):
        env = cls.env
        cls.company_b = env["res.company"].create(
            {"name": "Công ty Hai", "currency_id": cls.company.currency_id.id}
        )
        both = {"company_id": cls.company_b.id,
                "company_ids": [(6, 0, cls.company_b.ids)]}
        # The chart of company B, loaded as the superuser working in B.
        admin = env.user
        admin.write({"company_ids": [(4, cls.company_b.id)],
                     "company_id": cls.company_b.id})
        chart = env.ref("l10n_generic_coa.configurable_chart_template")
        chart.try_loading_for_current_company()
        admin.company_id = cls.company
        cls.manager_b = create_user(env, "b2b_sales_manager_b", [
            "sales_team.group_sale_manager"], **both)
        cls.salesman_b = create_user(env, "b2b_salesman_b", [
            "sales_team.group_sale_salesman"], **both)
        cls.project_manager_b = create_user(env, "b2b_project_manager_b", [
            "project.group_project_manager"], **both)
        cls.accountant_b = create_user(env, "b2b_accountant_b", [
            "account.group_account_manager"], **both)
        cls.records_a = cls._world(cls.company, cls.salesman, cls.sales_manager)
        cls.records_b = cls._world(
            cls.company_b, cls.salesman_b,
            cls.manager_b | cls.project_manager_b | cls.accountant_b,
        )

    @classmethod
    def _world(cls, company, salesman, team):
        """A contract, an order with a plan, its project, phase, minutes,
        change request, goal, targets, a checkpoint, a reminder level, a
        skill assessment and an opportunity, all in ``company``."""
        env = cls.env(context=dict(cls.env.context, force_company=company.id,
                                   company_id=company.id))
        lead = env["crm.lead"].create({
            "name": "Cơ hội %s" % company.name, "type": "opportunity",
            "partner_id": cls.customer.id, "user_id": salesman.id,
            "company_id": company.id,
        })
        contract = env["b2b.contract"].create({
            "partner_id": cls.customer.id, "company_id": company.id,
            "currency_id": company.currency_id.id, "user_id": salesman.id,
        })
        order = env["sale.order"].create({
            "partner_id": cls.customer.id, "user_id": salesman.id,
            "company_id": company.id, "b2b_contract_id": contract.id,
            "scope_item_ids": [(0, 0, {"category": "brief", "name": "Mục tiêu"})],
            "order_line": [(0, 0, {
                "product_id": cls.product.id, "name": cls.product.name,
                "product_uom_qty": 1, "product_uom": cls.product.uom_id.id,
                "price_unit": 1000.0, "tax_id": [(5, 0, 0)],
            })],
        })
        order.action_confirm_scope(via="email", signed_copy=SCAN)
        project = env["project.project"].browse(order.action_create_project())
        project.message_subscribe_users(user_ids=team.ids)
        phase = env["b2b.phase"].create({"project_id": project.id, "name": "GĐ 1"})
        order.write({"payment_plan_line_ids": [
            (0, 0, {"sequence": 1, "name": "Tạm ứng", "percent": 40.0,
                    "trigger": "order_confirmed", "payment_days": 10}),
            (0, 0, {"sequence": 2, "name": "Nghiệm thu", "percent": 60.0,
                    "trigger": "phase_accepted", "phase_id": phase.id,
                    "payment_days": 10}),
        ]})
        acceptance = env["b2b.acceptance"].create({
            "phase_id": phase.id, "item_ids": [(0, 0, {"name": "Bàn giao"})],
        })
        change = env["b2b.change.request"].create(
            {"order_id": order.id, "name": "Thêm", "extra_amount": 10.0})
        goal = env["b2b.weekly.goal"].create({
            "project_id": project.id, "name": "Mục tiêu tuần",
            "week_start": "2026-03-02",
        })
        target = env["b2b.kpi.target"].create({
            "user_id": salesman.id, "kpi": "orders", "target": 3,
            "date_from": "2026-03-01", "date_to": "2026-03-31",
            "company_id": company.id,
        })
        checkpoint = env["b2b.checkpoint"].create({
            "stage_id": env.ref("crm.stage_lead2").id, "name": "Riêng %s" % company.name,
            "kind": "manual", "company_id": company.id,
        })
        level = env["b2b.payment.reminder.level"].create({
            "name": "Nhắc %s" % company.name, "days": 77,
            "mail_template_id": env.ref(
                "b2b_sales_delivery.mail_template_b2b_payment_reminder_before").id,
            "company_id": company.id,
        })
        assessment = env["b2b.skill.assessment"].create({
            "user_id": salesman.id, "skill_id": env["b2b.skill"].search([], limit=1).id,
            "level": 3, "date": "2026-03-02", "assessor_id": salesman.id,
            "company_id": company.id,
        })
        return {
            "crm.lead": lead, "b2b.contract": contract, "sale.order": order,
            "project.project": project, "b2b.phase": phase,
            "b2b.acceptance": acceptance,
            "b2b.acceptance.item": acceptance.item_ids,
            "b2b.payment.plan.line": order.payment_plan_line_ids,
            "b2b.change.request": change, "b2b.scope.item": order.scope_item_ids,
            "b2b.weekly.goal": goal, "b2b.kpi.target": target,
            "b2b.checkpoint": checkpoint, "b2b.payment.reminder.level": level,
            "b2b.skill.assessment": assessment,
        }

    def test_every_model_has_a_company_rule(self):
        """A model added later without its company rule fails here."""
        rules = self.env["ir.rule"].search([("global", "=", True)])
        ruled = set(rules.mapped("model_id.model"))
        models = [
            name for name, model in self.env.registry.models.items()
            if name.startswith("b2b.") and not model._abstract
            and not model._transient and name not in SHARED_MODELS
        ]
        self.assertEqual(sorted(set(models) - ruled), [])
        self.assertIn("crm.lead", ruled)

    def test_records_in_their_company(self):
        for model in COMPANY_MODELS:
            records = self.records_b[model]
            company = records.mapped("company_id") if "company_id" in records._fields \
                else records.mapped("acceptance_id.company_id")
            self.assertEqual(company, self.company_b, model)

    def test_users_of_one_company_never_see_the_others(self):
        for user in (self.manager_b, self.project_manager_b, self.accountant_b):
            for model in COMPANY_MODELS:
                Model = self.env[model].sudo(user)
                if not Model.check_access_rights("read", raise_exception=False):
                    continue
                theirs = self.records_a[model]
                self.assertFalse(
                    Model.search([("id", "in", theirs.ids)]), (user.login, model))
                with self.assertRaises(AccessError, msg=(user.login, model)):
                    theirs.sudo(user).read(["display_name"])
                if Model.check_access_rights("write", raise_exception=False):
                    with self.assertRaises(AccessError, msg=(user.login, model)):
                        theirs.sudo(user).check_access_rule("write")
                ours = self.records_b[model]
                self.assertEqual(
                    Model.search([("id", "in", ours.ids)]), ours.sudo(user),
                    (user.login, model))

    def test_sql_views_keep_to_the_company(self):
        # The receivables count validated invoices.
        (self.company | self.company_b).write(
            {"b2b_validate_installment_invoice": True})
        self.records_a["sale.order"].action_confirm()
        self.records_b["sale.order"].action_confirm()
        for model in REPORTS:
            self.env[model].invalidate_cache()
            everything = self.env[model].search([])
            self.assertIn(self.company, everything.mapped("company_id"), model)
            for user in (self.manager_b, self.accountant_b):
                Model = self.env[model].sudo(user)
                if not Model.check_access_rights("read", raise_exception=False):
                    continue
                rows = Model.search([])
                self.assertEqual(
                    set(rows.mapped("company_id").ids) - {self.company_b.id}, set(),
                    (user.login, model))
        values = self.env["b2b.kpi.target"].sudo(self.manager_b).get_kpi_values(
            "2000-01-01", "2100-12-31")
        self.assertNotIn(self.salesman.id, {row["user_id"] for row in values})

    def test_installment_invoiced_in_the_orders_company(self):
        order = self.records_b["sale.order"]
        order.action_confirm()
        line = order.payment_plan_line_ids.filtered(
            lambda line: line.trigger == "order_confirmed")
        # whoever runs the step (here the accountant of company B; the cron
        # runs as the superuser of the main company): the order's company.
        invoice = line.invoice_id or self.env["account.invoice"].browse(
            line.sudo(self.accountant_b).action_invoice())
        self.assertEqual(invoice.company_id, self.company_b)
        self.assertEqual(invoice.journal_id.company_id, self.company_b)
        self.assertEqual(invoice.account_id.company_id, self.company_b)
        self.assertEqual(invoice.invoice_line_ids.mapped("account_id.company_id"),
                         self.company_b)
        # The accountant of the main company cannot invoice company B's.
        with self.assertRaises(AccessError):
            line.sudo(self.accountant).read(["state"])
