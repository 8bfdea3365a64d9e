# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every button of the addon, clicked once by each role's narrowest user.

The buttons and their outcomes are listed in ``buttons.py``; the records
each button is clicked on are made here once, over XML-RPC, in the state
where the button shows. A click that ends in an error with a traceback,
a failed RPC the list does not expect, or an ERROR in the server's log fails
the walk (conftest.py)."""
import base64
import os
import re
import tempfile
from xml.etree import ElementTree

import pytest
from buttons import ACCOUNTANT, CLICKS, PROJECT_MANAGER, SALES_MANAGER, SALESPERSON
from seed import SIGNED_SCOPE, USERS

NAME = "BTN %s"
PDF = base64.b64decode(SIGNED_SCOPE)  # the records of this walk, apart from the journeys'
FORM = "/web#id=%d&model=%s&view_type=form"


def make_order(seed, key, user, lines=True, **values):
    """A quotation of the walk (one line of the service unless ``lines``
    is False), for the seed's customer."""
    found = seed.call("sale.order", "search", [("client_order_ref", "=", NAME % key)])
    if found:
        return found[0]
    values.update({
        "partner_id": seed.ids["customer"], "user_id": seed.ids[user],
        "client_order_ref": NAME % key,
    })
    if lines:
        values["order_line"] = [(0, 0, {
            "product_id": seed.ids["product"], "name": "Gói triển khai CRM",
            "product_uom_qty": 1, "price_unit": 90000000.0, "tax_id": [(5, 0, 0)],
        })]
    return seed.call("sale.order", "create", values)


def scope_item(seed, order, name):
    seed.call("b2b.scope.item", "create", {
        "order_id": order, "category": "brief", "name": name,
    })


@pytest.fixture(scope="module")
def records(seed):
    """{key: (model, id[, form view xml id])}: the records the buttons are
    clicked on, each in the state where its buttons show."""
    call, create = seed.call, seed.create
    made = {}
    customer, contact = seed.ids["customer"], seed.ids["contact"]

    # ---- the salesperson's
    lead = create("crm.lead", {
        "name": NAME % "opportunity", "type": "opportunity", "partner_id": customer,
        "user_id": seed.ids[SALESPERSON], "b2b_data_source": "relationship",
    })
    made["lead"] = ("crm.lead", lead, "crm.crm_case_form_view_oppor")
    for key in ("meeting", "meeting2"):
        made[key] = ("b2b.touchpoint", call("b2b.touchpoint", "create", {
            "lead_id": lead, "kind": "meeting", "user_id": seed.ids[SALESPERSON],
        }))
    scope = make_order(seed, "scope", SALESPERSON)
    scope_item(seed, scope, "Kịch bản video")
    call("sale.order", "action_send_scope", [scope])
    made["scope_order"] = ("sale.order", scope)
    planned = make_order(seed, "plan", SALESPERSON, phase_ids=[
        (0, 0, {"name": "Khảo sát", "sequence": 1}),
        (0, 0, {"name": "Triển khai", "sequence": 2}),
    ])
    made["plan_order"] = ("sale.order", planned)

    contract = create("b2b.contract", {
        "name": NAME % "contract", "title": NAME % "contract", "partner_id": customer,
        "user_id": seed.ids[SALESPERSON], "lead_id": lead, "mark_lead_won": False,
    })
    made["contract"] = ("b2b.contract", contract)
    delivered = make_order(seed, "contract order", SALESPERSON, b2b_contract_id=contract)
    call("sale.order", "action_confirm", [delivered])
    project = call("sale.order", "action_create_project", [delivered])
    made["contract_order"] = made["project_order"] = ("sale.order", delivered)
    made["project_order_delivery"] = (
        "sale.order", delivered, "b2b_sales_delivery.sale_order_view_form_delivery")
    made["project"] = ("project.project", project)
    call("project.project", "write", [project], {
        "user_id": seed.ids[PROJECT_MANAGER], "review_date_next": "2026-03-10 02:00:00"})

    changed = make_order(seed, "change", SALESPERSON)
    scope_item(seed, changed, "Giao diện trang chủ")
    call("sale.order", "action_confirm_scope", [changed], signed_copy=SIGNED_SCOPE)
    for key in ("change", "change2"):
        made[key] = ("b2b.change.request", call("b2b.change.request", "create", {
            "order_id": changed, "name": NAME % key, "extra_amount": 5000000.0,
        }))
    call("b2b.change.request", "action_send", [made["change2"][1]])

    # ---- the sales manager's
    locked = make_order(seed, "locked", SALES_MANAGER)
    scope_item(seed, locked, "Tích hợp Zalo")
    call("sale.order", "action_confirm_scope", [locked], signed_copy=SIGNED_SCOPE)
    made["locked_order"] = ("sale.order", locked)
    gated = make_order(seed, "gated", SALES_MANAGER)
    scope_item(seed, gated, "Báo cáo doanh thu")
    made["gated_order"] = ("sale.order", gated)
    open_contract = create("b2b.contract", {
        "name": NAME % "open contract", "title": NAME % "open contract",
        "partner_id": customer, "user_id": seed.ids[SALES_MANAGER],
        "mark_lead_won": False,
    })
    call("b2b.contract", "action_sign", [open_contract])
    made["open_contract"] = ("b2b.contract", open_contract)
    # nothing open: a confirmed order of no line, nothing to deliver or bill
    ready = create("b2b.contract", {
        "name": NAME % "ready contract", "title": NAME % "ready contract",
        "partner_id": customer, "user_id": seed.ids[SALESPERSON],
        "mark_lead_won": False,
    })
    empty = make_order(seed, "ready", SALESPERSON, lines=False, b2b_contract_id=ready)
    call("sale.order", "action_confirm", [empty])
    call("b2b.contract", "action_sign", [ready])
    made["ready_contract"] = ("b2b.contract", ready)

    # ---- the project manager's
    to_deliver = make_order(seed, "to deliver", SALESPERSON)
    call("sale.order", "action_confirm", [to_deliver])
    made["delivery_order"] = ("sale.order", to_deliver)
    made["kpi_copy"] = ("action", "b2b_sales_delivery.b2b_kpi_target_copy_action")
    for key in ("phase", "phase2", "phase3"):
        made[key] = ("b2b.phase", create("b2b.phase", {
            "project_id": project, "name": NAME % key, "sequence": 10,
        }))
    phase = made["phase"][1]
    minutes = {}
    for key in ("minutes", "rejected_minutes"):
        minutes[key] = create("b2b.acceptance", {
            "phase_id": made["phase3"][1], "signatory_id": contact,
            "item_ids": [(0, 0, {"name": NAME % key})],
        })
        made[key] = ("b2b.acceptance", minutes[key])
    call("b2b.acceptance", "action_send", [minutes["rejected_minutes"]])
    call("b2b.acceptance", "action_reject", [minutes["rejected_minutes"]],
         reason="Thiếu chữ ký")
    made["report"] = ("b2b.delivery.report", call("b2b.delivery.report", "create", {
        "project_id": project, "period_start": "2026-03-02", "period_end": "2026-03-08",
    }))
    made["question"] = ("b2b.question", call("b2b.question", "create", {
        "project_id": project, "name": NAME % "question",
        "user_id": seed.ids[PROJECT_MANAGER], "answer": "Dùng máy chủ của khách hàng",
    }))
    for key in ("review", "review2"):
        made[key] = ("b2b.review", call("b2b.review", "create", {
            "project_id": project, "name": NAME % key, "date": "2026-03-10 02:00:00",
        }))
    made["goal"] = ("b2b.weekly.goal", call("b2b.weekly.goal", "create", {
        "project_id": project, "phase_id": phase, "name": NAME % "goal",
        "week_start": "2026-03-02", "user_id": seed.ids[PROJECT_MANAGER],
        "result": "Xong bản thiết kế",
    }))

    # ---- the accountant's: an installment due on a past date
    billed = make_order(seed, "billed", SALESPERSON, payment_plan_line_ids=[
        (0, 0, {"sequence": 1, "name": NAME % "installment", "percent": 100.0,
                "trigger": "date", "date_planned": "2026-01-15", "payment_days": 0}),
    ])
    call("sale.order", "action_confirm", [billed])
    line = call("b2b.payment.plan.line", "search", [("order_id", "=", billed)])
    # triggered, its invoice cancelled: to invoice again
    invoices = call("b2b.payment.plan.line", "action_trigger", line)
    call("account.invoice", "action_invoice_cancel", invoices)
    made["installment"] = ("b2b.payment.plan.line", line[0])
    return made


def fill(field, value):
    """Fill the field ``field`` of the dialog with ``value``."""
    def step(page):
        page.locator(".modal-dialog:visible .o_field_widget[name=%s]" % field).first.fill(
            value)
    return step


def attach(page):
    """Attach the customer's mail (a PDF) in the dialog."""
    path = os.path.join(tempfile.mkdtemp(), "xac_nhan.pdf")
    with open(path, "wb") as handle:
        handle.write(PDF)
    page.locator(".modal-dialog:visible input.o_input_file").first.set_input_files(path)
    page.locator(".modal-dialog:visible").get_by_text("xac_nhan.pdf").first.wait_for()


# What the user writes in a dialog before its button.
FILLS = {
    "action_add": fill("name", "Vũ Thị Hạnh"),
    "action_record": attach,
    "action_unlock": fill("reason", "Khách hàng muốn thêm một trang"),
    "action_waive": fill("reason", "Khách hàng đã đồng ý qua điện thoại"),
    "action_close": fill("reason", "Khách hàng dừng dự án"),
}


class Clicker:
    """One role's clicks, each on its record's form."""

    def __init__(self, walk, records):
        self.walk = walk
        self.page = walk.page
        self.records = records
        self.current = None
        self.archs = {}
        self.lang = USERS[walk.login_name][2]

    def default_view(self, model):
        """The form the web client opens a record of ``model`` in."""
        view = self.walk.seed.call(model, "fields_view_get", view_type="form")
        return self.walk.seed.call("ir.ui.view", "read", [view["view_id"]],
                                   ["xml_id"])[0]["xml_id"]

    def open(self, key):
        model, record_id = self.records[key][:2]
        if model == "action":  # a dialog opened from the action menu
            self.close_dialogs()
            self.page.goto(self.walk.url("/web#action=%d" % self.walk.seed.ref(record_id)))
            self.walk.settle()
            self.page.locator(".modal-dialog:visible .o_form_view").first.wait_for()
            self.current = None
            return
        path = FORM % (record_id, model)
        if len(self.records[key]) > 2:
            path += "&view_id=%d" % self.walk.seed.ref(self.records[key][2])
        self.close_dialogs()
        if self.current == key and self.page.url.endswith(path):
            return
        self.page.goto(self.walk.url(path))
        self.walk.settle()
        self.page.wait_for_selector(".o_form_view")
        self.current = key

    def close_dialogs(self):
        """Close the dialogs left open (a wizard or a preview not used)."""
        for _dialog in range(5):
            dialog = self.page.locator(".modal-dialog:visible").last
            if not dialog.count():
                return
            cancel = dialog.locator(
                ".modal-footer button[special=cancel], .modal-footer .btn-default")
            if dialog.locator(".o_dialog_warning, .o_dialog_error").count():
                cancel = dialog.locator(".modal-footer button")  # Ok
            if cancel.count():
                cancel.last.click()
            else:
                self.page.keyboard.press("Escape")
            self.walk.settle()

    def answer_question(self):
        """The button's question (its ``confirm``), answered Ok."""
        question = self.page.locator(".modal-dialog:visible").last
        if question.count() and not question.locator(
                ".o_form_view, .o_dialog_warning").count():
            question.locator(".modal-footer .btn-primary").click()
            self.walk.settle()

    def arch(self, view, lang):
        """The whole form ``view`` (an xml id) as the server sends it in ``lang``."""
        key = (view, lang)
        if key not in self.archs:
            seed = self.walk.seed
            view_id = seed.ref(view)
            model = seed.read("ir.ui.view", view_id, ["model"])["model"]
            self.archs[key] = ElementTree.fromstring(seed.call(
                model, "fields_view_get", view_id=view_id, view_type="form",
                context={"lang": lang})["arch"])
        return self.archs[key]

    def selector(self, button, view):
        """A selector of ``button`` on the screen: Odoo 11 draws a button
        without its name; by its label in the user's language, or by the
        field a smart button shows."""
        _view, name, label = button
        if name.startswith("%("):
            xml_id = name[2:-2]
            name = str(self.walk.seed.ref(
                xml_id if "." in xml_id else "b2b_sales_delivery." + xml_id))
        english = self.arch(view, "en_US").findall(".//button[@name='%s']" % name)
        index = [node.get("string") for node in english].index(label)
        node = self.arch(view, self.lang).findall(".//button[@name='%s']" % name)[index]
        field = node.findall(".//field")
        if field:
            return self.page.locator("button").filter(
                has=self.page.locator("[name=%s]" % field[0].get("name")))
        text = node.get("string") or "".join(node.itertext()).strip()
        return self.page.locator("button").filter(
            has_text=re.compile(r"^\s*%s\s*$" % re.escape(text)))

    def locate(self, button, view, in_dialog):
        scope = self.page.locator(
            ".modal-dialog:visible" if in_dialog else ".o_content .o_form_view")
        buttons = self.selector(button, view)
        target = scope.locator(buttons).filter(visible=True)
        if not target.count() and not in_dialog:
            pane = scope.locator(".tab-pane").filter(has=buttons)
            more = self.page.locator(".oe_button_box .o_button_more:visible")
            if pane.count():  # on another page of the notebook
                scope.locator("a[href='#%s']" % pane.first.get_attribute("id")).click()
            elif more.count():  # in the button box's More
                more.click()
        return target.first

    def click(self, record, button, outcome):
        page, walk = self.page, self.walk
        if record:
            self.open(record)
        else:
            self.current = None
        in_dialog = record is None or self.records[record][0] == "action"
        if in_dialog and button[1] in FILLS:
            FILLS[button[1]](page)
        if record and self.records[record][0] != "action":
            view = (self.records[record][2:] or [None])[0] or self.default_view(
                self.records[record][0])
        else:
            view = "b2b_sales_delivery." + button[0]
        target = self.locate(button, view, in_dialog)
        if outcome == "download":
            with page.expect_download() as download:
                target.click()
            assert download.value.suggested_filename.endswith(".pdf"), button
            walk.settle()
        elif outcome == "refused":
            with walk.refused("odoo.exceptions."):
                target.click()
                page.locator(".modal-dialog:visible .o_dialog_warning").wait_for()
            assert not page.locator(".o_dialog_error").count(), button
            self.close_dialogs()
        else:
            target.click()
            walk.settle()
            self.answer_question()
            if outcome == "dialog":
                page.locator(".modal-dialog:visible .o_form_view").first.wait_for()
            elif outcome == "close":
                page.locator(".modal-dialog:visible").first.wait_for(state="hidden")
            elif outcome.startswith("state:"):
                page.locator(
                    ".o_form_view .o_statusbar_status button.btn-primary[data-value=%r]"
                    % outcome[6:]).first.wait_for()
            elif outcome.startswith("opens:"):
                page.wait_for_function(
                    "model => window.location.hash.indexOf('model=' + model) >= 0",
                    arg=outcome[6:])
                walk.settle()
                self.current = None
        assert not page.locator(".o_dialog_error").count(), button
        walk.check()


@pytest.mark.parametrize("role", [SALESPERSON, SALES_MANAGER, PROJECT_MANAGER, ACCOUNTANT])
def test_every_button(walk, records, role):
    walk.page.set_default_timeout(15000)  # a button not found fails sooner
    walk.login(role)
    walk.login_name = role
    clicker = Clicker(walk, records)
    failed = []
    for who, record, button, outcome in CLICKS:
        if who != role:
            continue
        try:
            clicker.click(record, button, outcome)
        except Exception as exc:  # noqa: B902 - each failure reported, the walk goes on
            walk.shot("failed_button_%s_%s" % (role, button[1].strip("%()")))
            failed.append("%s on %s (%s): %s" % (button, record, outcome, exc))
            walk.errors[:] = []
            clicker.current = None
    assert not failed, "%s: %d buttons failed:\n%s" % (role, len(failed), "\n".join(failed))
