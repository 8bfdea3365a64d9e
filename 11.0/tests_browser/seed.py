# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The data the walks start from, made over XML-RPC as the administrator
through the addon's public methods (the integrators' road), once per run.

Each role is a user with the narrowest groups of its job; every login has
its own password. The records are named so that a walk finds them on screen.
"""
import xmlrpc.client
from urllib.parse import urlparse

ADMIN = ("admin", "admin")
# login: (name, groups, language)
USERS = {
    "thu": ("Nguyễn Thu", ["sales_team.group_sale_salesman"], "vi_VN"),
    "lan": ("Trần Lan", ["sales_team.group_sale_manager"], "en_US"),
    "minh": ("Lê Minh", ["project.group_project_manager"], "en_US"),
    "hoa": ("Phạm Hoa", ["account.group_account_invoice"], "en_US"),
}
PORTAL_LOGIN = "an.customer"
CUSTOMER = "Công ty TNHH Sao Việt"
LEAD = "Hệ thống CRM cho Sao Việt"
LEAD_MANAGER = "Cổng thông tin Sao Việt"
QUOTE_REF = "PO-SV-001"  # the customer's reference of the salesperson's quotation
ORDER_REF = "PO-SV-002"  # a confirmed order, to deliver
SCOPE_REF = "PO-SV-003"  # a quotation whose scope waits for the customer
CHANGE_REF = "PO-SV-004"  # an order whose locked scope gets a change request
ACCEPT_REF = "PO-SV-005"  # a delivered order whose phase waits for acceptance
BUTTONS_REF = "PO-SV-006"  # an order whose minutes the project manager records
CONTRACT_TITLE = "Hợp đồng triển khai CRM Sao Việt"  # signed by the sales manager
PAPER_MINUTES = "Thiết kế cơ sở dữ liệu"  # accepted on paper, recorded
REJECTED_MINUTES = "Chuyển đổi dữ liệu"  # rejected, recorded


# The scope signed by the customer (a small PDF, base64): the customer's
# word kept with the confirmation recorded.
SIGNED_SCOPE = (
    "JVBERi0xLjQKMSAwIG9iajw8L1R5cGUvQ2F0YWxvZy9QYWdlcyAyIDAgUj4+ZW5kb2JqIDIg"
    "MCBvYmo8PC9UeXBlL1BhZ2VzL0tpZHNbXS9Db3VudCAwPj5lbmRvYmoKdHJhaWxlcjw8L1Jv"
    "b3QgMSAwIFI+PgolJUVPRgo="
)


class Seed:
    """Lazily made records; ``seed.ids[...]`` once ``make()`` ran."""

    def __init__(self, url, db):
        self.url = url
        self.db = db
        common = xmlrpc.client.ServerProxy(url + "/xmlrpc/2/common", allow_none=True)
        self.uid = common.authenticate(db, ADMIN[0], ADMIN[1], {})
        assert self.uid, "cannot log in as admin on %s" % db
        self.models = xmlrpc.client.ServerProxy(
            url + "/xmlrpc/2/object", allow_none=True
        )
        self.ids = {}
        self.names = {}
        self.make()

    # ------------------------------------------------------------ helpers
    def call(self, model, method, *args, **kwargs):
        return self.models.execute_kw(
            self.db, self.uid, ADMIN[1], model, method, list(args), kwargs
        )

    def ref(self, xml_id):
        return self.call("ir.model.data", "xmlid_to_res_id", xml_id, True)

    def create(self, model, values):
        """Create the record, or take the one of the same name (a second
        run against the same database, when developing the walks)."""
        key = "login" if model == "res.users" else "name"
        found = key in values and self.call(
            model, "search", [(key, "=", values[key])], limit=1)
        return found[0] if found else self.call(model, "create", values)

    def read(self, model, record_id, fields):
        return self.call(model, "read", [record_id], fields)[0]

    def password(self, login):
        return "%s-pw" % login

    def path_of(self, url):
        """The path of a link the server built with its web.base.url."""
        parts = urlparse(url)
        return self.url + parts.path + ("?" + parts.query if parts.query else "")

    # ------------------------------------------------------------ the data
    def make(self):
        for login, (name, groups, lang) in USERS.items():
            self.ids[login] = self.create("res.users", {
                "name": name, "login": login, "password": self.password(login),
                "email": "%s@example.com" % login, "lang": lang, "tz": "Asia/Ho_Chi_Minh",
                "groups_id": [(6, 0, [self.ref(g) for g in groups])],
            })
        self.ids["customer"] = customer = self.create("res.partner", {
            "name": CUSTOMER, "is_company": True, "email": "info@saoviet.example.com",
            "lang": "en_US",
        })
        self.ids["contact"] = contact = self.create("res.partner", {
            "name": "Đỗ Văn An", "parent_id": customer,
            "email": "an@saoviet.example.com", "lang": "en_US",
        })
        self.ids["an.customer"] = self.create("res.users", {
            "name": "Đỗ Văn An", "login": PORTAL_LOGIN,
            "password": self.password(PORTAL_LOGIN), "partner_id": contact,
            "groups_id": [(6, 0, [self.ref("base.group_portal")])],
        })
        self.ids["product"] = self.create("product.product", {
            "name": "Gói triển khai CRM", "type": "service", "invoice_policy": "order",
            "list_price": 120000000.0, "taxes_id": [(5, 0, 0)],
        })
        self.ids["lead"] = self.create("crm.lead", {
            "name": LEAD, "type": "opportunity", "partner_id": customer,
            "user_id": self.ids["thu"], "b2b_data_source": "relationship",
        })
        self.ids["lead_manager"] = self.create("crm.lead", {
            "name": LEAD_MANAGER, "type": "opportunity", "partner_id": customer,
            "user_id": self.ids["lan"], "b2b_data_source": "paid",
        })
        self.ids["quote"] = self.order(self.ids["thu"], QUOTE_REF)
        self.names["quote"] = self.read("sale.order", self.ids["quote"], ["name"])["name"]
        self.ids["order"] = order = self.order(self.ids["thu"], ORDER_REF)
        if self.read("sale.order", order, ["state"])["state"] == "draft":
            self.call("sale.order", "write", [order], {"payment_plan_line_ids": [
                (0, 0, {"sequence": 1, "name": "Tạm ứng", "percent": 30.0,
                        "trigger": "order_confirmed", "payment_days": 0}),
                (0, 0, {"sequence": 2, "name": "Thanh toán đợt cuối", "percent": 70.0,
                        "trigger": "date", "date_planned": "2026-01-15",
                        "payment_days": 0}),
            ]})
            self.call("sale.order", "action_confirm", [order])
        self.names["order"] = self.read("sale.order", order, ["name"])["name"]
        self.links = self.customer_links()
        self.names["changed"] = self.read(
            "sale.order", self.order(self.ids["thu"], CHANGE_REF), ["name"])["name"]
        self.button_records()

    def button_records(self):
        """What the buttons of the steps are clicked on: a draft contract
        (Signed), sent minutes the customer accepted on paper (Record
        Acceptance) and sent minutes they rejected (Record Rejection)."""
        self.ids["contract"] = self.create("b2b.contract", {
            "name": CONTRACT_TITLE, "title": CONTRACT_TITLE,
            "partner_id": self.ids["customer"], "user_id": self.ids["lan"],
            "mark_lead_won": False,
        })
        self.names["contract"] = self.read(
            "b2b.contract", self.ids["contract"], ["name"])["name"]
        order = self.order(self.ids["thu"], BUTTONS_REF)
        if self.read("sale.order", order, ["state"])["state"] == "draft":
            self.call("sale.order", "action_confirm", [order])
            project = self.call("sale.order", "action_create_project", [order])
            for sequence, name in enumerate((PAPER_MINUTES, REJECTED_MINUTES), 1):
                phase = self.create("b2b.phase", {
                    "project_id": project, "name": name, "sequence": sequence,
                })
                minutes = self.create("b2b.acceptance", {
                    "phase_id": phase, "signatory_id": self.ids["contact"],
                    "item_ids": [(0, 0, {"name": name})],
                })
                self.call("b2b.acceptance", "action_send", [minutes])

    def customer_links(self):
        """The links the customer receives by mail: scope, change, minutes."""
        links = {}
        scope = self.order(self.ids["thu"], SCOPE_REF)
        if self.read("sale.order", scope, ["scope_state"])["scope_state"] == "draft":
            self.create("b2b.scope.item", {
                "order_id": scope, "category": "brief", "name": "Kịch bản video giới thiệu",
            })
            self.call("sale.order", "action_send_scope", [scope])
        links["scope"] = self.read("sale.order", scope, ["scope_url"])["scope_url"]

        changed = self.order(self.ids["thu"], CHANGE_REF)
        if self.read("sale.order", changed, ["scope_state"])["scope_state"] == "draft":
            self.create("b2b.scope.item", {
                "order_id": changed, "category": "ui", "name": "Giao diện trang chủ",
            })
            self.call("sale.order", "action_confirm_scope", [changed],
                      signed_copy=SIGNED_SCOPE)
            change = self.create("b2b.change.request", {
                "order_id": changed, "name": "Thêm trang tuyển dụng",
                "extra_amount": 15000000.0, "extra_days": 5,
            })
            self.call("b2b.change.request", "action_send", [change])
        change = self.call("b2b.change.request", "search", [("order_id", "=", changed)])
        links["change"] = self.read("b2b.change.request", change[0], ["approval_url"])[
            "approval_url"]

        delivered = self.order(self.ids["thu"], ACCEPT_REF)
        acceptance = self.call("b2b.acceptance", "search",
                               [("order_id", "=", delivered)])
        if not acceptance:
            self.call("sale.order", "action_confirm", [delivered])
            project = self.call("sale.order", "action_create_project", [delivered])
            phase = self.create("b2b.phase", {
                "project_id": project, "name": "Thiết kế giao diện", "sequence": 1,
            })
            acceptance = [self.create("b2b.acceptance", {
                "phase_id": phase, "signatory_id": self.ids["contact"],
                "item_ids": [(0, 0, {"name": "Bản thiết kế trang chủ"})],
            })]
            self.call("b2b.acceptance", "action_send", acceptance)
        links["acceptance"] = self.call(
            "b2b.acceptance", "get_acceptance_url", acceptance)
        return {key: self.path_of(url) for key, url in links.items()}

    def order(self, user_id, reference, price=120000000.0):
        """A quotation of one line of the service, for the customer."""
        found = self.call("sale.order", "search", [("client_order_ref", "=", reference)])
        if found:
            return found[0]
        return self.call("sale.order", "create", {
            "partner_id": self.ids["customer"], "user_id": user_id,
            "client_order_ref": reference,
            "order_line": [(0, 0, {
                "product_id": self.ids["product"], "name": "Gói triển khai CRM",
                "product_uom_qty": 1, "price_unit": price, "tax_id": [(5, 0, 0)],
            })],
        })
