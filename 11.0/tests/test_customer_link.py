# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One door for customers, the model side (the routes: test_customer_link_http):
the link's secret is readable and obtainable only by who may change the
document, no caller chooses or writes it, and what the customer sends is
checked before anything is written."""
import base64

from odoo.exceptions import AccessError, UserError, ValidationError

from ..utils.confirmation_link import signature_bytes
from .common_payment import THIRDS, B2BPaymentCase

GIF = base64.b64encode(b"GIF89a" + b"\x00" * 16).decode()
PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\x00" * 16).decode()
JPEG = base64.b64encode(b"\xff\xd8\xff\xe0" + b"\x00" * 16).decode()


class TestCustomerLink(B2BPaymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order, cls.project, cls.phases = cls.create_order(1000.0, THIRDS)
        cls.order.scope_item_ids = [(0, 0, {"category": "brief", "name": "Mục tiêu"})]
        cls.order.sudo(cls.salesman).action_send_scope()
        # The scope stays with the customer (its link open): a waiver lets
        # the order be confirmed meanwhile.
        cls.order.sudo(cls.sales_manager).action_waive_scope("Khách hàng đang xem")
        cls.order.action_confirm()
        cls.acceptance = cls.create_acceptance(cls.phases[0])
        cls.acceptance.sudo(cls.project_user).action_send()
        cls.change = cls.env["b2b.change.request"].create(
            {"order_id": cls.order.id, "name": "Thêm", "extra_amount": 5.0})
        cls.change.sudo(cls.salesman).action_send()
        cls.order.get_payment_plan_url()

    def test_tokens_are_long_secrets(self):
        for token in (self.order.sudo().scope_token,
                      self.order.sudo().b2b_plan_token,
                      self.acceptance.sudo().access_token,
                      self.change.sudo().access_token):
            self.assertGreaterEqual(len(token), 43)  # 256 bits, base64
        self.assertEqual(len({self.order.sudo().scope_token,
                              self.order.sudo().b2b_plan_token}), 2)

    def test_readers_never_read_the_secret(self):
        for record, field, users in (
            (self.acceptance, "access_token", (self.accountant, self.portal_user)),
            (self.change, "access_token", (self.project_user, self.accountant)),
            (self.change, "approval_url", (self.project_user, self.accountant)),
            (self.order, "scope_token", (self.accountant,)),
            (self.order, "scope_url", (self.accountant,)),
        ):
            for user in users:
                record.sudo(user).read(["display_name"])  # may read the document
                with self.assertRaises(AccessError, msg=(field, user.login)):
                    record.sudo(user).read([field])
        with self.assertRaises(AccessError):
            self.acceptance.sudo(self.accountant).get_acceptance_url()
        with self.assertRaises(AccessError):
            self.acceptance.sudo(self.portal_user).get_acceptance_url()
        with self.assertRaises(AccessError):
            self.order.sudo(self.project_user).get_payment_plan_url()
        # nor revokes it, nor sends it
        with self.assertRaises(AccessError):
            self.change.sudo(self.accountant).action_revoke_link()
        with self.assertRaises(AccessError):
            self.acceptance.sudo(self.accountant).action_revoke_link()
        with self.assertRaises(AccessError):
            self.order.sudo(self.project_user).action_revoke_scope_link()
        with self.assertRaises(AccessError):
            self.order.sudo(self.project_user).action_revoke_payment_plan_link()
        self.assertIn("/b2b/acceptance/%s/" % self.acceptance.id,
                      self.acceptance.sudo(self.project_user).get_acceptance_url())

    def test_no_caller_chooses_or_writes_a_token(self):
        with self.assertRaisesRegex(UserError, "made only by its steps"):
            self.env["b2b.acceptance"].sudo(self.project_user).create({
                "phase_id": self.phases[1].id, "access_token": "known",
            })
        with self.assertRaisesRegex(UserError, "made only by its steps"):
            self.env["b2b.change.request"].sudo(self.salesman).create({
                "order_id": self.order.id, "name": "X", "token_expiry": "2099-01-01",
            })
        with self.assertRaisesRegex(UserError, "made only by its steps"):
            self.env["sale.order"].sudo(self.salesman).create({
                "partner_id": self.customer.id, "b2b_plan_token": "known",
            })
        with self.assertRaisesRegex(UserError, "change only through its buttons"):
            self.acceptance.sudo(self.project_user).write({"access_token": "known"})
        with self.assertRaisesRegex(UserError, "change only through its buttons"):
            self.acceptance.write({"token_expiry": False})
        with self.assertRaisesRegex(UserError, "payment plan link changes only"):
            self.order.sudo(self.salesman).write({"b2b_plan_token": "known"})
        with self.assertRaisesRegex(UserError, "only through its actions"):
            self.change.sudo(self.salesman).write({"access_token": "known"})

    def test_a_decision_spends_the_link_whoever_records_it(self):
        token = self.change.sudo().access_token
        self.change.sudo(self.salesman).action_reject(via="email")
        self.assertFalse(self.change.sudo().access_token)
        self.assertFalse(self.env["b2b.change.request"]._find_by_link_token(
            self.change.id, token))
        token = self.acceptance.sudo().access_token
        self.acceptance.sudo(self.project_user).action_reject(reason="Thiếu")
        self.assertFalse(self.env["b2b.acceptance"]._find_by_link_token(
            self.acceptance.id, token))

    def test_odd_ids_and_tokens_find_nothing(self):
        find = self.env["b2b.acceptance"]._find_by_link_token
        token = self.acceptance.sudo().access_token
        self.assertEqual(find(self.acceptance.id, token), self.acceptance)
        self.assertEqual(find(str(self.acceptance.id), token), self.acceptance)
        for record_id, given in ((None, token), (True, token), ("1 OR 1=1", token),
                                 (-1, token), (2 ** 40, token), ([1], token),
                                 (self.acceptance.id, None),
                                 (self.acceptance.id, 12345),
                                 (self.acceptance.id, token + "x" * 200),
                                 (self.acceptance.id, [token])):
            self.assertFalse(find(record_id, given), (record_id, given))

    def test_signature_is_a_png_or_jpeg_under_the_limit(self):
        self.assertTrue(signature_bytes(PNG))
        self.assertTrue(signature_bytes(JPEG))
        self.assertTrue(signature_bytes("data:image/png;base64," + PNG))
        for bad in (GIF, "", "%%%", 12, None, base64.b64encode(
                b"\x89PNG\r\n\x1a\n" + b"\x00" * (513 * 1024)).decode()):
            self.assertIsNone(signature_bytes(bad), str(bad)[:20])
        acceptance = self.acceptance.sudo()
        with self.assertRaisesRegex(ValidationError, "PNG or JPEG"):
            acceptance._accept_by_customer("An", GIF, "link")
        self.assertEqual(acceptance.state, "sent")
        self.assertFalse(acceptance.signature)

    def test_bad_arguments_are_refused_with_a_message(self):
        order = self.order.sudo(self.salesman)
        for kwargs, error in (
            ({"confirmed_by": 12}, ValidationError),
            ({"confirmed_by": "A" * 200}, ValidationError),
            ({"via": ["link"]}, UserError),
            ({"via": "pigeon"}, UserError),
            ({"date": "2026-02-30 10:00:00"}, UserError),
            ({"date": "2999-01-01 00:00:00"}, UserError),
            ({"date": 42}, UserError),
        ):
            with self.assertRaises(error, msg=kwargs):
                order.action_confirm_scope(**kwargs)
        self.assertEqual(self.order.scope_state, "sent")
        recorder = self.acceptance.sudo(self.project_manager)
        for kwargs in ({"accepted_by": {"x": 1}}, {"accepted_via": ["link"]},
                       {"accepted_by": "A" * 129}):
            with self.assertRaises((UserError, ValidationError), msg=kwargs):
                recorder.action_accept(**kwargs)
        acceptance = self.acceptance.sudo(self.project_user)
        with self.assertRaises(UserError):
            acceptance.action_reject(reason="x" * 5000)
        self.assertEqual(acceptance.state, "sent")
        with self.assertRaises(ValidationError):
            self.change.sudo(self.salesman).action_approve(approved_by=["x"])
        self.assertEqual(self.change.state, "sent")
        Target = self.env["b2b.kpi.target"].sudo(self.sales_manager)
        for args in (("2026-02-30", "2026-03-01"), (None, "2026-03-01"),
                     ("2026-03-01", 5), ("2026-03-01", "2026-03-31", "abc"),
                     ("2026-03-01", "2026-03-31", [True]),
                     ("2026-03-01", "2026-03-31", [2 ** 40])):
            with self.assertRaises(UserError, msg=args):
                Target.get_kpi_values(*args)

    def test_values_of_the_wrong_type_name_the_field(self):
        Goal = self.env["b2b.weekly.goal"].sudo(self.project_user)
        base = {"project_id": self.project.id, "name": "Tuần",
                "week_start": "2026-03-02"}
        for vals, field in (
            ({"name": ["x"]}, "Goal"),
            ({"name": "x" * 5000}, "Goal"),
            ({"week_start": "2026-02-30"}, "Week of"),
            ({"week_start": "0001-01-01"}, "Week of"),
            ({"project_id": 999999999}, "Project"),
            ({"project_id": "abc"}, "Project"),
            ({"state": "finished"}, "State"),
        ):
            with self.assertRaisesRegex(ValidationError, field, msg=vals):
                Goal.create(dict(base, **vals))
        line = self.order.payment_plan_line_ids[0].sudo(self.salesman)
        for vals in ({"percent": "30"}, {"percent": float("nan")},
                     {"percent": 1e300}, {"sequence": 2 ** 40},
                     {"date_planned": "31/12/2026"}):
            with self.assertRaises(ValidationError, msg=vals):
                line.write(vals)
