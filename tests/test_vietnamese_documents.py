# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every document of the addon reads in Vietnamese for a Vietnamese
customer: each ``ir.actions.report`` of the addon rendered as HTML and each
``mail.template`` of the addon rendered for a Vietnamese partner, on records
made here, show none of the addon's English terms of their own templates,
nor of the labels and choices of their model's fields (the addon's
catalogue), where the Vietnamese says otherwise; the amounts in words say
"đồng"."""

import re

import polib
from lxml import etree, html

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools.misc import file_path

from .common_payment import PaymentCase
from .common_scope import ScopeCase

ADDON = "b2b_sales_delivery"
# A word of English: the fragments of a term a reader would see as English.
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
# The references of the catalogue that carry a document's own terms.
TEMPLATE_REFERENCE = re.compile(
    r"^model(?:_terms)?:(ir\.ui\.view,arch_db|mail\.template,\w+):" + ADDON + r"\.(\w+)$"
)
# The labels and choices of a model's fields (what a t-field shows).
FIELD_REFERENCE = re.compile(
    r"^model:ir\.model\.fields(?:\.selection)?,(?:field_description|name):"
    + ADDON
    + r"\.(?:field|selection)_(\w+?)__\w+$"
)


def _norm(text):
    return re.sub(r"\s+", " ", text or "").strip()


def _fragments(term):
    """The texts a reader sees of a catalogue term: the term split at its
    markup (a term of a document may hold inline tags)."""
    try:
        root = etree.fromstring(f"<div>{term}</div>")
    except etree.XMLSyntaxError:
        return {_norm(term)}
    texts = []
    for node in root.iter():
        if isinstance(node.tag, str):
            texts += [node.text, node.tail]
    return {_norm(text) for text in texts if _norm(text)}


def _has(text, fragment):
    return re.search(r"(?<!\w)" + re.escape(fragment) + r"(?!\w)", text) is not None


class DocumentTerms:
    """The addon's English terms of each of its templates (document views
    and mail templates), minus what reads the same in Vietnamese."""

    def __init__(self, po_path):
        catalogue = [entry for entry in polib.pofile(po_path) if not entry.obsolete]
        vietnamese = " ".join(_norm(entry.msgstr) for entry in catalogue)
        self.by_template = {}
        self.by_table = {}
        for entry in catalogue:
            if not entry.msgstr:
                continue
            translated = _fragments(entry.msgstr)
            english = {
                fragment
                for fragment in _fragments(entry.msgid) - translated
                if ENGLISH_WORD.search(fragment) and not _has(vietnamese, fragment)
            }
            for reference, _line in entry.occurrences:
                match = TEMPLATE_REFERENCE.match(reference)
                if match and english:
                    self.by_template.setdefault(match.group(2), set()).update(english)
                match = FIELD_REFERENCE.match(reference)
                if match and english:
                    self.by_table.setdefault(match.group(1).strip("_"), set()).update(english)

    def of_pages(self):
        """The terms of the addon's portal pages (its ``portal_*`` views)."""
        return self.of([name for name in self.by_template if name.startswith("portal_")])

    def of(self, names, model=None):
        """The terms of the templates ``names``, and of the fields of
        ``model`` the addon defines."""
        terms = set().union(*(self.by_template.get(name, set()) for name in names))
        if model:
            terms |= self.by_table.get(model.replace(".", "_"), set())
        return terms


def load_vietnamese(env):
    """Vietnamese loaded with the addon's catalogue; the addon's terms."""
    env["res.lang"]._activate_lang("vi_VN")
    env["ir.module.module"]._load_module_terms([ADDON], ["vi_VN"], overwrite=True)
    return DocumentTerms(file_path(f"{ADDON}/i18n/vi.po"))


def english_left(text, terms):
    text = _norm(text)
    return sorted(fragment for fragment in terms if _has(text, fragment))


def html_text(markup):
    if isinstance(markup, bytes):
        markup = markup.decode()
    if not _norm(markup):
        return ""
    return " ".join(html.fromstring(markup).itertext())


@tagged("post_install", "-at_install")
class TestVietnameseDocuments(PaymentCase):
    # The scope's steps of the scope tests, on the payment tests' company.
    add_items = ScopeCase.__dict__["add_items"]
    send_scope = ScopeCase.__dict__["send_scope"]
    customer_mail = ScopeCase.__dict__["customer_mail"]
    confirm_scope = ScopeCase.__dict__["confirm_scope"]

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.terms = load_vietnamese(env)
        cls.customer.write({"lang": "vi_VN", "email": "minhphat@example.com"})
        cls.contact = env["res.partner"].create(
            {
                "name": "Nguyễn Văn An",
                "parent_id": cls.customer.id,
                "email": "an@minhphat.example.com",
                "lang": "vi_VN",
            }
        )
        cls.vi_user = new_test_user(
            env,
            login="b2b_vi_documents_manager",
            groups="sales_team.group_sale_manager",
            name="Đỗ Minh Quân",
            email="quan@example.com",
            lang="vi_VN",
            company_id=cls.company.id,
            company_ids=cls.company.ids,
        )
        # The order: its plan, a phase, its scope confirmed by the
        # customer's mail, confirmed, under a signed contract.
        cls.order = cls.create_order(cls.three_thirds())
        cls.phase = env["b2b.phase"].create({"order_id": cls.order.id, "name": "Kịch bản"})
        cls.add_items(cls.order)
        cls.confirm_scope(cls.order)
        cls.confirm(cls.order)
        cls.contract = (
            env["b2b.contract"]
            .with_user(cls.salesman)
            .create({"partner_id": cls.customer.id, "title": "Sản xuất video"})
            .with_env(env)
        )
        cls.order.b2b_contract_id = cls.contract
        cls.contract.action_sign("2026-03-05")
        cls.change = (
            env["b2b.change.request"]
            .with_user(cls.salesman)
            .create(
                {
                    "order_id": cls.order.id,
                    "name": "Thêm một video 30 giây",
                    "extra_amount": 20000000,
                    "extra_days": 3,
                }
            )
            .with_env(env)
        )
        cls.acceptance = env["b2b.acceptance"].create(
            {
                "phase_id": cls.phase.id,
                "recipient_id": cls.contact.id,
                "item_ids": [(0, 0, {"name": "Kịch bản phim giới thiệu", "sequence": 1})],
            }
        )
        cls.installment = cls.order.payment_plan_line_ids[:1]
        # The delivery project with a task, and its report to the customer.
        cls.project = env["project.project"].browse(cls.order.action_create_project())
        env["project.task"].create(
            {"name": "Viết kịch bản", "project_id": cls.project.id, "date_deadline": "2026-03-20"}
        )
        cls.report_update = env["project.update"].browse(
            cls.project.b2b_prepare_report("2026-03-13")
        )
        lead = env["crm.lead"].create(
            {
                "name": "Sản xuất video",
                "type": "opportunity",
                "partner_id": cls.customer.id,
                "company_id": cls.company.id,
            }
        )
        cls.proposal = env["b2b.proposal"].create(
            {"lead_id": lead.id, "needs": "<p>Video giới thiệu</p>", "offer": "<p>Ba video</p>"}
        )
        cls.records = {
            "b2b.proposal": cls.proposal,
            "project.project": cls.project,
            "project.update": cls.report_update,
            "sale.order": cls.order,
            "b2b.contract": cls.contract,
            "b2b.change.request": cls.change,
            "b2b.acceptance": cls.acceptance,
            "b2b.payment.plan.line": cls.installment,
            "res.users": cls.vi_user,
        }
        data = env["ir.model.data"].search([("module", "=", ADDON)])
        cls.reports = env["ir.actions.report"].browse(
            data.filtered(lambda d: d.model == "ir.actions.report").mapped("res_id")
        )
        cls.templates = env["mail.template"].browse(
            data.filtered(lambda d: d.model == "mail.template").mapped("res_id")
        )

    def setUp(self):
        super().setUp()
        # The first installment invoiced and paid: the documents show money.
        if not self.installment.invoice_id:
            self.pay(self.post(self.invoice(self.installment)))

    # ------------------------------------------------------------------
    # What a document's templates are
    # ------------------------------------------------------------------

    def _called_views(self, key):
        """The addon's qweb views a report template renders: itself and the
        addon's templates it calls, at any depth."""
        names, todo = set(), [key]
        while todo:
            key = todo.pop()
            module, _dot, name = key.partition(".")
            if module != ADDON or name in names:
                continue
            names.add(name)
            arch = self.env.ref(key).arch_db
            todo += [
                node.get("t-call")
                for node in etree.fromstring(arch).iter()
                if isinstance(node.tag, str) and node.get("t-call")
            ]
        return names

    def _record(self, model):
        record = self.records.get(model)
        self.assertTrue(record, f"no record made for the documents of {model}")
        return record

    def _render_report(self, report, lang):
        record = self._record(report.model)
        self.customer.lang = lang
        self.contact.lang = lang
        markup = (
            self.env["ir.actions.report"]
            .with_context(lang=lang)
            ._render_qweb_html(report.report_name, record.ids)[0]
        )
        return html_text(markup)

    def _render_template(self, template, lang):
        record = self._record(template.model)
        self.customer.lang = lang
        self.contact.lang = lang
        self.vi_user.lang = lang
        context = {}
        if template.model == "res.users":
            kpi = self.env["b2b.kpi.target"]
            key = kpi._fields["kpi"].get_values(self.env)[0]
            context = {
                "kpi_date_from": "2026-03-02",
                "kpi_date_to": "2026-03-08",
                "kpi_rows": kpi.with_context(lang=lang)._kpi_mail_rows(
                    [{"user_id": self.salesman.id, "kpi": key, "actual": 3, "target": 4}]
                ),
            }
        values = template.with_context(**context)._generate_template(
            record.ids, ("subject", "body_html")
        )[record.id]
        return _norm(values.get("subject")) + " " + html_text(values.get("body_html"))

    # ------------------------------------------------------------------
    # Tests
    # ------------------------------------------------------------------

    def test_every_document_is_checked(self):
        # Guards the test itself: the addon's reports and mail templates are
        # all here, each with English terms to look for.
        self.assertGreaterEqual(len(self.reports), 7)
        self.assertGreaterEqual(len(self.templates), 5)
        for report in self.reports:
            self.assertTrue(
                self.terms.of(self._called_views(report.report_name)),
                f"no terms found for {report.report_name}",
            )
        for template in self.templates:
            self.assertTrue(
                self.terms.of([template.get_external_id()[template.id].split(".")[1]]),
                f"no terms found for {template.name}",
            )

    def test_every_report_reads_in_vietnamese(self):
        left = {}
        for report in self.reports:
            terms = self.terms.of(self._called_views(report.report_name), report.model)
            # The check sees the English of the same document.
            self.assertTrue(
                english_left(self._render_report(report, "en_US"), terms),
                f"{report.report_name}: the check finds no English in English",
            )
            found = english_left(self._render_report(report, "vi_VN"), terms)
            if found:
                left[report.report_name] = found
        self.assertFalse(left, f"left in English in the Vietnamese documents: {left}")

    def test_every_mail_reads_in_vietnamese(self):
        left = {}
        for template in self.templates:
            name = template.get_external_id()[template.id].split(".")[1]
            terms = self.terms.of([name], template.model)
            self.assertTrue(
                english_left(self._render_template(template, "en_US"), terms),
                f"{name}: the check finds no English in English",
            )
            found = english_left(self._render_template(template, "vi_VN"), terms)
            if found:
                left[name] = found
        self.assertFalse(left, f"left in English in the Vietnamese mails: {left}")

    def test_amounts_in_words_say_dong(self):
        # The amounts in words are Odoo's ``amount_to_text`` in the
        # customer's language, the unit named "đồng" by the addon (Odoo's
        # Vietnamese catalogue says "Dong").
        vnd = self.vnd.with_context(lang="vi_VN")
        paid = self.installment.invoice_id.amount_total
        self.assertEqual(
            vnd._b2b_amount_in_words(paid),
            "Năm Mươi Mốt Triệu Năm Trăm Bốn Mươi Nghìn Bảy Trăm Bốn Mươi đồng",
        )
        self.assertEqual(
            self.vnd.with_context(lang="en_US")._b2b_amount_in_words(paid),
            self.vnd.with_context(lang="en_US").amount_to_text(paid),
        )
        for report_ref in (
            "b2b_sales_delivery.b2b_contract_liquidation_report_action",
            "b2b_sales_delivery.b2b_payment_request_report",
            "b2b_sales_delivery.b2b_payment_plan_report",
        ):
            text = _norm(self._render_report(self.env.ref(report_ref), "vi_VN"))
            self.assertIn(" đồng", text, report_ref)
            self.assertNotIn("Dong", text, report_ref)


@tagged("post_install", "-at_install")
class TestVietnamesePages(HttpCase, ScopeCase):
    """The customer's pages (the scope, the change request, the acceptance
    minutes and their lists) read in Vietnamese for a Vietnamese customer
    logged in the portal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.terms = load_vietnamese(env).of_pages()
        # The scope sent for confirmation.
        cls.send_scope(cls.order)
        # Another order: its scope confirmed, confirmed, a change request
        # sent; its first phase's minutes sent.
        cls.order_2 = cls.create_order(cls.service)
        phase = cls.create_phases(cls.order_2)[0]
        cls.add_items(cls.order_2)
        cls.confirm_scope(cls.order_2)
        cls.confirm(cls.order_2)
        cls.change = (
            env["b2b.change.request"]
            .with_user(cls.salesman)
            .create({"order_id": cls.order_2.id, "name": "Thêm một video 30 giây", "extra_amount": 20000000})
            .with_env(env)
        )
        cls.change.with_user(cls.salesman).action_send()
        cls.agree_plan(cls.order_2.project_id.browse(cls.order_2.action_create_project()))
        phase = phase.with_user(cls.project_manager)
        phase.action_start()
        phase.action_to_accept()
        cls.acceptance = env["b2b.acceptance"].browse(phase.action_request_acceptance()["res_id"])
        cls.acceptance.recipient_id = cls.customer
        cls.acceptance.with_user(cls.project_manager).action_send()
        cls.pages = [
            "/my/orders/%s/scope?access_token=%s" % (cls.order.id, cls.order.access_token),
            "/my/change_requests/%s?access_token=%s" % (cls.change.id, cls.change.access_token),
            "/my/acceptances/%s?access_token=%s" % (cls.acceptance.id, cls.acceptance.access_token),
            "/my/change_requests",
            "/my/acceptances",
        ]

    def _english_in_pages(self, lang):
        self.customer.lang = lang
        self.authenticate(self.portal_user.login, self.portal_user.login)
        left = {}
        for url in self.pages:
            page = self.url_open(url)
            self.assertEqual(page.status_code, 200, url)
            body = html.fromstring(page.content).find(".//main")
            self.assertIsNotNone(body, url)
            found = english_left(" ".join(body.itertext()), self.terms)
            if found:
                left[url.split("?")[0]] = found
        return left

    def test_the_check_finds_english_in_english(self):
        self.assertGreater(len(self.terms), 20)
        left = self._english_in_pages("en_US")
        self.assertEqual(len(left), len(self.pages), left)

    def test_pages_read_in_vietnamese(self):
        left = self._english_in_pages("vi_VN")
        self.assertFalse(left, f"left in English on the Vietnamese customer's pages: {left}")
