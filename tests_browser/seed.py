# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The data the walks start from, made once per run as the administrator
over XML-RPC (Odoo 19 still serves it; the seed needs no API key).

Each role is a user with the narrowest groups of its job; the password of
each login is the login. The records are named so that a walk finds them
on screen.
"""
import xmlrpc.client

ADMIN = ("admin", "admin")
# login: (name, groups, language)
USERS = {
    "b2b_thu": ("Nguyễn Thu", ["sales_team.group_sale_salesman"], "vi_VN"),
    "b2b_lan": ("Trần Lan", ["sales_team.group_sale_manager"], "en_US"),
}
CUSTOMER = "Công ty TNHH Sao Việt"
LEAD = "Hệ thống CRM cho Sao Việt"
LEAD_MANAGER = "Cổng thông tin Sao Việt"
TEAM = "Kinh doanh B2B"


class Seed:
    def __init__(self, url, db):
        self.db = db
        common = xmlrpc.client.ServerProxy(url + "/xmlrpc/2/common")
        self.uid = common.authenticate(db, ADMIN[0], ADMIN[1], {})
        assert self.uid, f"cannot log in as admin on {db}"
        self.models = xmlrpc.client.ServerProxy(url + "/xmlrpc/2/object")
        self.users = {}
        self.make()

    def call(self, model, method, *args, **kwargs):
        return self.models.execute_kw(
            self.db, self.uid, ADMIN[1], model, method, list(args), kwargs
        )

    def ref(self, xml_id):
        module, name = xml_id.split(".")
        found = self.call(
            "ir.model.data",
            "search_read",
            [("module", "=", module), ("name", "=", name)],
            fields=["res_id"],
        )
        return found[0]["res_id"]

    def make(self):
        self.call("res.lang", "action_activate_langs", self.call(
            "res.lang", "search", [("code", "=", "vi_VN")],
            context={"active_test": False}))
        for login, (name, groups, lang) in USERS.items():
            self.users[login] = self.call("res.users", "create", {
                "name": name,
                "login": login,
                "password": login,
                "lang": lang,
                "tz": "Asia/Ho_Chi_Minh",
                "group_ids": [(6, 0, [self.ref(group) for group in groups])],
            })
        team = self.call("crm.team", "create", {"name": TEAM, "b2b_use_pipeline": True})
        for login in USERS:
            self.call("crm.team.member", "create", {
                "crm_team_id": team, "user_id": self.users[login]})
        customer = self.call("res.partner", "create", {
            "name": CUSTOMER, "is_company": True, "email": "lienhe@saoviet.example"})
        for name, login in ((LEAD, "b2b_thu"), (LEAD_MANAGER, "b2b_lan")):
            self.call("crm.lead", "create", {
                "name": name,
                "type": "opportunity",
                "partner_id": customer,
                "team_id": team,
                "user_id": self.users[login],
            })
