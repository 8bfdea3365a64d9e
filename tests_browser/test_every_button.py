# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every button of the addon, clicked once by each role's narrowest user.

The buttons and their outcomes are listed in ``buttons.py``; the records
each button is clicked on are made here once, over XML-RPC as the
administrator (the customer's scope confirmed through its link, the
customer's mail received by the mail gateway), in the state where the
button shows. Their names start with ``BTN`` and a mark of
the run: they never meet another test's records or a demo's. A click that
ends in an error with a traceback, a refusal the list does not expect, a
JavaScript error or an ERROR in the server's log fails the walk
(conftest.py)."""
import email.utils
import json
import re
import time
import urllib.request
import xmlrpc.client

import pytest
from buttons import ACCOUNTANT, CLICKS, PROJECT_MANAGER, SALES_MANAGER, SALESPERSON
from conftest import URL
from playwright.sync_api import TimeoutError as PlaywrightTimeout

RUN = time.strftime("%H%M%S")
NAME = "BTN %s " + RUN
MODULE = "b2b_sales_delivery."
# the users this file makes: {login: (name, group, language)}
USERS = {
    PROJECT_MANAGER: ("BTN Vũ Minh", "project.group_project_manager", "vi_VN"),
    ACCOUNTANT: ("BTN Đặng Hoa", "account.group_account_invoice", "vi_VN"),
}
# a meeting held: before any run of the tests
PAST, PAST_END = "2026-01-05 02:00:00", "2026-01-05 03:00:00"


def no_none(call, *args):
    """Odoo's own buttons may return None, which XML-RPC cannot carry back:
    the step is done all the same."""
    try:
        return call(*args)
    except xmlrpc.client.Fault as fault:
        if "cannot marshal None" not in fault.faultString:
            raise
        return None


def confirm_scope(seed, order):
    """The customer confirms the scope sent to them, through their link."""
    token = seed.call("sale.order", "read", [order], ["access_token"])[0]["access_token"]
    request = urllib.request.Request(
        "%s/my/orders/%d/scope/confirm" % (URL, order),
        data=json.dumps({"jsonrpc": "2.0", "method": "call", "params": {
            "access_token": token, "name": "Lê Văn Khách"}}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=120) as response:
        answer = json.loads(response.read())
    assert "error" not in answer and "error" not in (answer.get("result") or {}), answer
    state = seed.call("sale.order", "read", [order], ["scope_state"])[0]["scope_state"]
    assert state == "confirmed", state


def customer_mail(seed, model, record_id, sender, body):
    """The customer's mail answering the record, received by Odoo's mail
    gateway (the road of a mail server's fetch)."""
    time.sleep(1)  # after the record was sent, to the second
    raw = "\r\n".join([
        "From: %s" % sender,
        "To: sales@btn.example.com",
        "Subject: Re: %s" % record_id,
        "Date: %s" % email.utils.formatdate(),
        "Message-ID: <btn-%s-%s-%d@haidang.example.com>" % (RUN, model, record_id),
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: 8bit",
        "",
        body,
    ])
    seed.call("mail.thread", "message_process", model, raw, thread_id=record_id)


@pytest.fixture(scope="module")
def records(seed):
    """{key: (model, id) or ("list", model, list view, name) or ("action",
    action)}:
    the records the buttons are clicked on, each in the state where its
    buttons show."""
    call = seed.call
    made = {}
    users = {login: seed.users[login] for login in (SALESPERSON, SALES_MANAGER)}
    for login, (name, group, lang) in USERS.items():
        found = call("res.users", "search", [("login", "=", login)])
        users[login] = found[0] if found else call("res.users", "create", {
            "name": name, "login": login, "password": login, "lang": lang,
            "tz": "Asia/Ho_Chi_Minh", "group_ids": [(6, 0, [seed.ref(group)])],
        })
    customer = call("res.partner", "create", {
        "name": NAME % "Công ty TNHH Hải Đăng", "is_company": True,
        "email": "btn-%s@haidang.example.com" % RUN, "lang": "vi_VN"})
    contact = call("res.partner", "create", {
        "name": NAME % "Trịnh Văn Đăng", "parent_id": customer,
        "email": "btn-dang-%s@haidang.example.com" % RUN})
    product = call("product.product", "create", {
        "name": NAME % "Gói tư vấn", "type": "service", "invoice_policy": "order",
        "list_price": 60000000})

    def order(key, user=SALESPERSON, items=(), confirm=False, **values):
        values.update({
            "partner_id": customer, "user_id": users[user],
            "client_order_ref": NAME % key,
            "order_line": [(0, 0, {"product_id": product})],
        })
        if items:
            values["scope_item_ids"] = [(0, 0, {"category": "brief", "name": item})
                                        for item in items]
        found = call("sale.order", "create", values)
        if confirm:
            no_none(call, "sale.order", "action_confirm", [found])
        return found

    def plan(key):
        return {"payment_plan_line_ids": [(0, 0, {
            "sequence": 1, "name": NAME % key, "percent": 100,
            "trigger": "order_confirmed"})]}

    def meeting(lead, name):
        """A meeting scheduled in the calendar from the opportunity, past."""
        event = call("calendar.event", "create", {
            "name": name, "start": PAST, "stop": PAST_END, "user_id": users[SALESPERSON],
            "opportunity_id": lead, "partner_ids": [(6, 0, [contact])]})
        return call("b2b.touchpoint", "search", [("calendar_event_id", "=", event)])[0]

    # ---- the salesperson's
    lead = call("crm.lead", "create", {
        "name": NAME % "Cơ hội", "type": "opportunity", "partner_id": customer,
        "user_id": users[SALESPERSON]})
    made["lead"] = ("crm.lead", lead)
    meeting(lead, NAME % "Họp trong danh sách")
    call("b2b.approval.step", "create", {"lead_id": lead, "name": NAME % "Giám đốc duyệt"})
    other_lead = call("crm.lead", "create", {
        "name": NAME % "Cơ hội khác", "type": "opportunity", "partner_id": customer,
        "user_id": users[SALESPERSON]})
    made["meeting"] = ("b2b.touchpoint", meeting(other_lead, NAME % "Họp khởi động"))
    listed = NAME % "Họp trình diễn"
    meeting(other_lead, listed)
    made["meetings"] = ("list", "b2b.touchpoint", MODULE + "b2b_touchpoint_view_tree", listed)
    proposal = call("b2b.proposal", "create", {
        "lead_id": other_lead, "name": NAME % "Đề xuất hợp tác",
        "offer": "<p>Phân hệ CRM, triển khai trong ba tháng</p>"})
    call("b2b.proposal", "action_send_mail", [proposal])
    made["proposal"] = ("b2b.proposal", proposal)
    accepted = call("b2b.proposal", "create", {
        "lead_id": other_lead, "name": NAME % "Đề xuất được chấp nhận",
        "offer": "<p>Phân hệ báo cáo</p>"})
    call("b2b.proposal", "action_send_mail", [accepted])
    customer_mail(seed, "b2b.proposal", accepted, "btn-%s@haidang.example.com" % RUN,
                  "Chúng tôi đồng ý với đề xuất.")
    made["accepted_proposal"] = ("b2b.proposal", accepted)

    made["scope_order"] = ("sale.order", order("scope", items=["Kịch bản"]))
    sent = order("sent", items=["Thiết kế"])
    call("sale.order", "action_send_scope", [sent])
    made["sent_order"] = ("sale.order", sent)
    changed = order("changed", items=["Giao diện"])
    call("sale.order", "action_send_scope", [changed])
    confirm_scope(seed, changed)
    made["changed_order"] = ("sale.order", changed)
    for key in ("change", "change2"):
        made[key] = ("b2b.change.request", call("b2b.change.request", "create", {
            "order_id": changed, "name": NAME % key, "extra_amount": 5000000}))
    call("b2b.change.request", "action_send", [made["change2"][1]])

    made["contract"] = ("b2b.contract", call("b2b.contract", "create", {
        "title": NAME % "Hợp đồng", "partner_id": customer,
        "user_id": users[SALESPERSON]}))
    delivered = call("b2b.contract", "create", {
        "title": NAME % "Hợp đồng triển khai", "partner_id": customer,
        "user_id": users[SALESPERSON]})
    project_order = order("delivered", confirm=True, b2b_contract_id=delivered)
    call("sale.order", "action_create_project", [project_order])
    made["delivered_contract"] = ("b2b.contract", delivered)
    # nothing open: signed, no order to deliver or bill
    ready = call("b2b.contract", "create", {
        "title": NAME % "Hợp đồng thanh lý", "partner_id": customer,
        "user_id": users[SALESPERSON]})
    call("b2b.contract", "action_sign", [ready])
    made["ready_contract"] = ("b2b.contract", ready)
    made["confirmed_order"] = ("sale.order", order("confirmed", confirm=True))
    made["billed_order"] = ("sale.order", order("billed", confirm=True, **plan("billed")))
    made["billed_order2"] = ("sale.order", order("billed2", confirm=True,
                                                 **plan("billed2")))

    # ---- the sales manager's
    locked = order("locked", SALES_MANAGER, items=["Tích hợp Zalo"])
    call("sale.order", "action_send_scope", [locked])
    confirm_scope(seed, locked)
    made["locked_order"] = ("sale.order", locked)
    made["gated_order"] = ("sale.order", order("gated", SALES_MANAGER,
                                               items=["Báo cáo doanh thu"]))
    made["kpi_copy"] = ("action", MODULE + "b2b_kpi_target_copy_action")

    # ---- the project manager's: a project whose first phase waits for
    # its acceptance minutes' answer
    delivery = order("delivery")
    phase = call("b2b.phase", "create", {"order_id": delivery, "name": NAME % "Khảo sát"})
    no_none(call, "sale.order", "action_confirm", [delivery])
    project = call("sale.order", "action_create_project", [delivery])
    call("project.project", "write", [project], {
        "user_id": users[PROJECT_MANAGER], "review_date_first": "2026-03-10 02:00:00"})
    call("project.project", "action_waive_team_agreement", [project],
         "Đội đã đồng ý trong buổi họp khởi động")
    call("b2b.phase", "action_start", [phase])
    call("b2b.phase", "action_to_accept", [phase])
    minutes = call("b2b.phase", "action_request_acceptance", [phase])["res_id"]
    call("b2b.acceptance", "write", [minutes], {"recipient_id": contact})
    call("b2b.acceptance", "action_send", [minutes])
    made["project"] = ("project.project", project)
    made["phase"] = ("b2b.phase", phase)
    made["minutes"] = ("b2b.acceptance", minutes)
    call("b2b.risk", "create", {"project_id": project, "name": NAME % "Chậm dữ liệu"})
    made["question"] = ("b2b.question", call("b2b.question", "create", {
        "project_id": project, "name": NAME % "Máy chủ ở đâu?",
        "user_id": users[PROJECT_MANAGER]}))
    for key in ("review", "review2"):
        made[key] = ("b2b.review", call("b2b.review", "create", {
            "project_id": project, "name": NAME % key, "date": "2026-03-10 02:00:00",
            "minutes": "<p>Tiến độ đúng kế hoạch</p>"}))
    for key in ("goal", "goals", "goals2"):
        goal = call("b2b.weekly.goal", "create", {
            "project_id": project, "name": NAME % key, "week_start": "2026-03-02",
            "user_id": users[PROJECT_MANAGER]})
        made[key] = ("b2b.weekly.goal", goal)
    for key in ("goals", "goals2"):
        made[key] = ("list", "b2b.weekly.goal", MODULE + "b2b_weekly_goal_view_list",
                     NAME % key)
    made["report"] = ("project.update", call(
        "project.project", "b2b_prepare_report", [project], "2026-03-04"))
    reviewed = call("project.project", "b2b_prepare_report", [project], "2026-03-18")
    call("project.update", "action_b2b_mark_reviewed", [reviewed])
    made["reviewed_report"] = ("project.update", reviewed)

    # ---- the accountant's: installments due on the order's confirmation
    billed = order("installment", confirm=True, **plan("installment"))
    made["installment"] = ("b2b.payment.plan.line", call(
        "b2b.payment.plan.line", "search", [("order_id", "=", billed)])[0])
    order("installments", confirm=True, **plan("installments"))
    made["installments"] = ("list", "b2b.payment.plan.line",
                            MODULE + "b2b_payment_plan_line_view_tree", NAME % "installments")
    return made


# What the user writes in a dialog before its button: {button name: steps}
def fill(field, value, kind="textarea"):
    def step(dialog):
        dialog.locator(".o_field_widget[name=%s] %s" % (field, kind)).first.fill(value)
    return step


def answer_rejected(dialog):
    dialog.locator(".o_field_widget[name=answer] input[data-value=reject]").check()
    fill("reason", "Thiếu chữ ký của khách hàng")(dialog)


FILLS = {
    "b2b_scope_unlock_wizard_view_form": [fill("reason", "The customer adds a page")],
    "b2b_scope_waiver_wizard_view_form": [fill("reason", "The customer agreed on the phone")],
    "b2b_acceptance_answer_wizard_view_form": [answer_rejected],
    "b2b_question_answer_wizard_view_form": [fill("answer", "Dùng máy chủ của khách hàng")],
    "b2b_kpi_target_copy_view_form": [fill("date_from", "01/01/2031", "input"),
                                      fill("date_to", "01/31/2031", "input")],
}
# the refusals of a dialog's button: {record key: the words they say}
REFUSED = {"kpi_copy": "2031"}
MODEL_JS = "() => odoo.__WOWL_DEBUG__.root.env.services.action.currentController"
ERROR_DIALOG = ".modal:visible button.btn-link"  # the traceback's "See details"


class Clicker:
    """One role's clicks, each on its record's form or list."""

    def __init__(self, walk, records):
        self.walk = walk
        self.page = walk.page
        self.records = records
        self.lang = walk.seed.call("res.users", "search_read", [
            ("login", "=", walk.role)], ["lang"])[0]["lang"]
        self.pending = set()
        self.page.on("request", self.watch)
        self.page.on("requestfinished", lambda request: self.watch(request, True))
        self.page.on("requestfailed", lambda request: self.watch(request, True))

    def settle(self):
        """Wait until the web client's requests are answered."""
        quiet = 0
        for _tick in range(300):
            quiet = quiet + 1 if not self.pending else 0
            if quiet > 3:
                return
            self.page.wait_for_timeout(100)

    def watch(self, request, done=False):
        if "/web/" in request.url or "/mail/" in request.url or "/report/" in request.url:
            (self.pending.discard if done else self.pending.add)(request)

    def do_action(self, action, **options):
        """The web client's action service opens ``action`` (no page load)."""
        self.page.evaluate(
            "([action, options]) => odoo.__WOWL_DEBUG__.root.env.services.action"
            ".doAction(action, options)", [action, options])

    def open(self, key):
        page = self.page
        record = self.records[key]
        if "/odoo" not in page.url:  # a page outside the web client
            page.goto(URL + "/odoo")
            page.wait_for_function("() => odoo.__WOWL_DEBUG__ && odoo.__WOWL_DEBUG__.root")
        for _dialog in range(3):  # the dialogs left open
            if not page.locator(".modal:visible").count():
                break
            page.keyboard.press("Escape")
            self.settle()
        if record[0] == "action":  # a dialog opened by its action
            self.do_action(record[1])
            page.locator(".modal:visible .o_form_view").first.wait_for()
            return page.locator(".modal:visible").last
        if record[0] == "list":  # the list view, showing the record named
            _list, model, view, name = record
            self.do_action({
                "type": "ir.actions.act_window", "res_model": model,
                "views": [[self.walk.seed.ref(view), "list"]],
                "domain": [["name", "=", name]]}, clearBreadcrumbs=True)
            row = page.locator(".o_action_manager .o_list_view .o_data_row", has_text=name)
            row.first.wait_for()
            self.settle()
            return row.first
        self.do_action({
            "type": "ir.actions.act_window", "res_model": record[0], "res_id": record[1],
            "views": [[False, "form"]]}, clearBreadcrumbs=True)
        page.wait_for_function(
            "([model, id]) => { const c = (%s)(); return c && c.props.resModel === model"
            " && c.props.resId === id; }" % MODEL_JS, arg=list(record))
        page.locator(".o_action_manager .o_form_view .o_form_sheet").first.wait_for()
        self.settle()
        return page.locator(".o_action_manager .o_form_view").first

    def button(self, scope, button):
        """The button on the screen, looked for in the button box's More and
        in the notebook's pages when not shown at once."""
        _view, name, _label = button
        target = scope.locator("button[name='%s']:visible" % name)
        if target.count():
            return target.first
        more = scope.locator(".o_button_more:visible")
        if more.count():
            more.first.click()
            # the dropdown renders after the click: wait for it, not a count
            self.page.locator(".o_dropdown_more").first.wait_for(state="visible")
            found = self.page.locator(".o_dropdown_more button[name='%s']" % name)
            try:
                found.first.wait_for(state="visible", timeout=3000)
                return found.first
            except PlaywrightTimeout:
                more.first.click()
        for tab in scope.locator(".o_notebook .nav-link:visible").all():
            tab.click()
            if target.count():
                return target.first
        raise AssertionError("%s is not on the screen" % (button,))

    def refusal_words(self, key):
        """What the refusal names: the record clicked on (its name), or
        what REFUSED says for a dialog."""
        if key in REFUSED:
            return REFUSED[key]
        model, record_id = self.records[key]
        return self.walk.seed.call(model, "read", [record_id], ["name"])[0]["name"]

    def click(self, key, button, outcome):
        page, walk = self.page, self.walk
        if key:
            scope = self.open(key)
        else:  # the dialog the click before opened
            scope = page.locator(".modal:visible").last
        if key is None or self.records[key][0] == "action":
            for step in FILLS.get(button[0], []):
                step(scope)
        target = self.button(scope, button)
        label = button[2]
        if label and self.lang != "en_US":  # the label in the user's language
            shown = " ".join(target.inner_text().split())
            assert shown and shown != label, "%s: %r untranslated" % (button, shown)
        if outcome == "download":
            with page.expect_download() as download:
                target.click()
            assert download.value.suggested_filename.endswith(".pdf"), button
            self.settle()
            return
        dialogs = page.locator(".modal:visible").count()
        target.click()
        if outcome.startswith("confirm:"):
            question = page.locator(".modal:visible").last
            question.wait_for()
            question.locator(".modal-footer .btn-primary").first.click()
            outcome = outcome[8:]
        if outcome == "refused":
            dialog = page.locator(".modal:visible").last
            dialog.wait_for()
            dialog.get_by_text(self.refusal_words(key), exact=False).first.wait_for()
            walk.shot("button_%s_%s_refused" % (walk.role, button[1]))
            assert not page.locator(ERROR_DIALOG).count(), button
            dialog.locator(".modal-footer .btn-primary").first.click()
            page.wait_for_function(
                "count => document.querySelectorAll('.modal').length <= count", arg=dialogs)
        elif outcome == "dialog":
            page.locator(".modal:visible .o_form_view").first.wait_for()
        elif outcome == "close":
            scope.wait_for(state="hidden")
        elif outcome.startswith("state:"):
            page.locator(".o_statusbar_status button.o_arrow_button_current[data-value='%s']"
                         % outcome[6:]).first.wait_for(state="attached")
        elif outcome.startswith("opens:"):
            page.wait_for_function(
                "model => { const c = (%s)(); return c && c.props.resModel === model; }"
                % MODEL_JS, arg=outcome[6:])
        elif outcome.startswith("url:"):
            page.wait_for_url(re.compile(re.escape(outcome[4:])))
        self.settle()
        assert not page.locator(ERROR_DIALOG).count(), button
        if outcome in ("done",) or outcome.startswith(("state:", "opens:")):
            refusal = page.locator(".modal:visible .modal-body")
            assert not refusal.count(), "%s: %s" % (button, refusal.first.inner_text())
        walk.check()


@pytest.mark.parametrize("role", [SALESPERSON, SALES_MANAGER, PROJECT_MANAGER, ACCOUNTANT])
def test_every_button(walk, records, role):
    walk.page.set_viewport_size({"width": 1920, "height": 1080})
    walk.page.set_default_timeout(20000)  # a button not found fails sooner
    walk.login(role)
    walk.role = role
    walk.page.wait_for_function("() => odoo.__WOWL_DEBUG__ && odoo.__WOWL_DEBUG__.root")
    clicker = Clicker(walk, records)
    failed = []
    for who, key, button, outcome in CLICKS:
        if who != role:
            continue
        try:
            clicker.click(key, button, outcome)
        except Exception as exc:  # noqa: BLE001 - each failure reported, the walk goes on
            walk.shot("failed_button_%s_%s" % (role, button[1]))
            failed.append("%s on %s (%s): %s" % (button, key, outcome, exc))
            walk.errors[:] = []
    assert not failed, "%s: %d buttons failed:\n%s" % (role, len(failed), "\n".join(failed))
