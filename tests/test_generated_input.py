# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Malformed calls of the public methods, generated with a fixed seed and a
fixed budget: wrong types, None, strings for ids, malformed dates,
non-base64 files, unknown ids. Each is answered with a UserError (or one of
its kinds: ValidationError, AccessError, MissingError) or carried out, never
a database error nor a Python TypeError/KeyError/ValueError."""

import random
import traceback

from odoo.exceptions import UserError

from .common_scope import ScopeCase

SEED = 19
BUDGET = 240
BAD_VALUES = [
    None, True, False, 0, -1, 2**31, 2**63, 3.5, "", "abc", "1", "-5",
    "2026-13-45", "01/03/2026", "2026-02-30", "9999-12-31", "2026-03-01",
    [], [1, "x"], [None], ["1"], {}, {"id": 1}, (1, 2), "not base64!!",
    "\x00", "a" * 5000, b"\x00\xff",
]


class _Rollback(Exception):
    pass


class TestGeneratedInput(ScopeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.send_scope(cls.order)
        Contract = cls.env["b2b.contract"].with_user(cls.salesman)
        cls.contract_draft = Contract.create({"partner_id": cls.customer.id}).with_env(cls.env)
        cls.contract_signed = Contract.create({"partner_id": cls.customer.id}).with_env(cls.env)
        cls.contract_signed.with_user(cls.salesman).action_sign("2026-03-01")
        missing = 2**31 - 1
        cls.calls = [
            # (who, records, method, number of arguments)
            (cls.salesman, cls.order, "action_confirm_scope", 1),
            (cls.sales_manager, cls.order, "action_unlock_scope", 1),
            (cls.portal_user, cls.order, "_b2b_confirm_scope_from_link", 2),
            (cls.salesman, cls.env["b2b.kpi.target"], "get_kpi_values", 3),
            (cls.sales_manager, cls.env["b2b.kpi.target"], "get_kpi_values", 3),
            (cls.sales_manager, cls.env["b2b.kpi.target"], "copy_to_next_period", 2),
            (cls.sales_manager, cls.env["b2b.kpi.target"], "send_kpi_mail", 2),
            (cls.salesman, cls.contract_draft, "action_sign", 1),
            (cls.salesman, cls.contract_signed, "action_liquidate", 1),
            (cls.salesman, cls.customer, "b2b_customer_lang", 1),
            (cls.salesman, cls.env["sale.order"].browse(missing), "action_send_scope", 0),
            (cls.salesman, cls.env["sale.order"].browse(missing), "action_create_project", 0),
            (cls.salesman, cls.env["b2b.contract"].browse(missing), "action_sign", 1),
            (cls.project_manager, cls.env["b2b.phase"].browse(missing), "action_start", 0),
            (cls.project_manager, cls.env["b2b.acceptance"].browse(missing), "action_accept", 3),
        ]

    def call(self, user, records, method, args):
        """The call's outcome: 'done', 'refused', or the traceback of what
        went wrong. Nothing it wrote is kept."""
        outcome = "done"
        try:
            with self.env.cr.savepoint():
                try:
                    getattr(records.with_user(user), method)(*args)
                except UserError:
                    outcome = "refused"
                self.env.flush_all()
                raise _Rollback
        except _Rollback:
            self.env.invalidate_all()
        except Exception:  # noqa: BLE001 -- what the test looks for
            outcome = traceback.format_exc(limit=-3)
            self.env.invalidate_all()
        return outcome

    def test_a_thousand_bad_calls(self):
        rng = random.Random(SEED)
        failures = []
        outcomes = {"done": 0, "refused": 0}
        for _index in range(BUDGET):
            user, records, method, arity = rng.choice(self.calls)
            args = [rng.choice(BAD_VALUES) for _arg in range(arity)]
            outcome = self.call(user, records, method, args)
            if outcome in outcomes:
                outcomes[outcome] += 1
            else:
                kind = outcome.strip().splitlines()[-1].split(":")[0]
                failures.append(("%s.%s" % (records._name, method), kind, args, outcome))
        self.assertFalse(
            failures,
            "\n\n".join(
                "%s %r (%s):\n%s" % (name, tuple(args), kind, outcome)
                for name, kind, args, outcome in {
                    (name, kind): (name, kind, args, outcome)
                    for name, kind, args, outcome in failures
                }.values()
            ),
        )
        # Most of the calls are bad: they are refused.
        self.assertGreater(outcomes["refused"], BUDGET // 2, outcomes)
