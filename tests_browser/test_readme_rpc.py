# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The README's integrator examples (XML-RPC, then JSON-2) run as written
against the server under test: only its address and database stand in for
``make demo``'s, and the API key is made the way the README says (the
user's *New API Key*, with their password checked)."""
import http.cookiejar
import json
import pathlib
import re
import urllib.request

from conftest import DB, URL

README = pathlib.Path(__file__).resolve().parents[1] / "README.md"
DEMO_SERVER = '"http://127.0.0.1:8069", "b2b_demo"'
KEY_PLACEHOLDER = '"<your API key>"'


def readme_examples():
    """The README's Python blocks of its XML-RPC and JSON-2 section."""
    section = README.read_text(encoding="utf-8").split("## XML-RPC and JSON-2", 1)[1]
    section = section.split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, re.S)


def on_this_server(code):
    assert DEMO_SERVER in code, "the README's example no longer names make demo's server"
    return code.replace(DEMO_SERVER, f"{URL!r}, {DB!r}")


class WebSession:
    """The administrator's web session, as the web client holds it."""

    def __init__(self):
        cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(cookies))
        self.post("/web/session/authenticate", {"db": DB, "login": "admin", "password": "admin"})

    def post(self, path, params):
        request = urllib.request.Request(
            URL + path,
            data=json.dumps({"jsonrpc": "2.0", "method": "call", "params": params}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with self.opener.open(request, timeout=120) as response:
            answer = json.load(response)
        assert "error" not in answer, answer.get("error")
        return answer["result"]

    def call(self, model, method, args, **kwargs):
        return self.post(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": args, "kwargs": kwargs},
        )


def new_api_key():
    """*Preferences* > *Account Security* > *New API Key*: the key's name,
    then the password asked again; Odoo shows the key once."""
    session = WebSession()
    description = session.call(
        "res.users.apikeys.description", "create", [{"name": "README example"}]
    )
    description = description[0] if isinstance(description, list) else description
    check = session.call("res.users.apikeys.description", "make_key", [[description]])
    assert check["res_model"] == "res.users.identitycheck", check
    shown = session.call(
        "res.users.identitycheck", "run_check", [[check["res_id"]]],
        context={"password": "admin"},
    )
    return shown["context"]["default_key"]


def test_readme_examples_run_as_written(capsys):
    xmlrpc_example, json2_example = readme_examples()
    namespace = {}
    exec(compile(on_this_server(xmlrpc_example), "README: XML-RPC", "exec"), namespace)
    # What the example shows: the move refused, naming the checkpoints; the
    # forced move; the contract signed; the indicators for the period.
    printed = capsys.readouterr().out
    assert "Closing" in printed or "checkpoint" in printed.lower(), printed
    call = namespace["call"]
    lead = call("crm.lead", "read", [namespace["lead"]], ["stage_id"])[0]
    assert lead["stage_id"][0] == namespace["closing"]
    contract = call("b2b.contract", "read", [namespace["contract"]], ["state"])[0]
    assert contract["state"] == "signed"

    assert KEY_PLACEHOLDER in json2_example
    json2 = on_this_server(json2_example).replace(KEY_PLACEHOLDER, repr(new_api_key()))
    exec(compile(json2, "README: JSON-2", "exec"), namespace)
    values = namespace["call"](
        "b2b.kpi.target", "get_kpi_values", date_from="2026-03-01", date_to="2026-03-31"
    )
    assert isinstance(values, list) and values, values
    assert {"user_id", "kpi", "actual", "target"} <= set(values[0])
