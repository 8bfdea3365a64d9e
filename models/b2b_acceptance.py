# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The acceptance minutes of a phase ("biên bản nghiệm thu"): the items
delivered, the reservations, and the customer's word accepting or rejecting
them. Sent to one contact of the customer, answered by that contact only:
through the link with a drawn signature, or recorded by a project manager
from the customer's mail as received or the signed paper copy.

The state and the facts that prove the answer (who, how, when, signature,
to whom it was sent, the link's token) change only inside the minutes' own
steps (utils.steps); sent minutes are frozen."""

import base64
import binascii
import uuid

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..utils.steps import StepFacts, in_step, with_step
from .b2b_customer_word import B2bCustomerWordMixin
from .b2b_step_mixin import B2bStepMixin

ACCEPTANCE_STATES = [
    ("draft", "Draft"),
    ("sent", "Sent"),
    ("accepted", "Accepted"),
    ("rejected", "Rejected"),
]
ACCEPTANCE_CHANNELS = [
    ("link", "Link"),
    ("portal", "Portal"),
    ("email", "Email"),
    ("paper", "Signed Paper Copy"),
]
# The customer answers through the link (logged in on the portal or not).
CUSTOMER_CHANNELS = ("link", "portal")
# A project manager records an answer received otherwise, with its evidence.
RECORDED_CHANNELS = ("email", "paper")
ACCEPTANCE_STEP_KEY = "b2b_acceptance_step"
# The facts only the steps write.
STEP_FIELDS = frozenset(
    {
        "state",
        "accepted_by",
        "accepted_via",
        "date_sent",
        "date_accepted",
        "signature",
        "sent_to_id",
        "reject_reason",
        "accept_message_id",
    }
)
# What may change on sent minutes: the chatter, and the evidence a project
# manager attaches (the signed paper copy) while the customer's answer is due.
CHATTER_PREFIXES = ("message_", "activity_", "website_message", "rating_")
EVIDENCE_FIELDS = frozenset({"signed_copy", "signed_copy_filename"})
MAX_NAME_LENGTH = 128
MAX_REASON_LENGTH = 4000


class B2bAcceptance(models.Model):
    _name = "b2b.acceptance"
    _description = "Acceptance Minutes"
    _inherit = [
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        # Defined before the minutes, whatever the import order.
        B2bCustomerWordMixin._name,
        B2bStepMixin._name,
    ]
    _order = "id desc"

    name = fields.Char(
        string="Number", required=True, copy=False, readonly=True, default="/"
    )
    phase_id = fields.Many2one(
        "b2b.phase",
        string="Phase",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
    )
    project_id = fields.Many2one(
        related="phase_id.project_id", store=True, index=True, string="Project"
    )
    order_id = fields.Many2one(
        related="phase_id.order_id", store=True, index=True, string="Order"
    )
    company_id = fields.Many2one(
        related="phase_id.company_id", store=True, index=True, string="Company"
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        compute="_compute_partner_id",
        store=True,
        index=True,
        help="The customer of the phase's order.",
    )
    recipient_id = fields.Many2one(
        "res.partner",
        string="Send To",
        tracking=True,
        domain="[('commercial_partner_id', '=', partner_id)]",
        help="The customer's contact who receives the minutes and answers "
        "them: a contact of the order's customer, never an employee.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
    )
    item_ids = fields.One2many(
        "b2b.acceptance.item", "acceptance_id", string="Items", copy=True
    )
    reservations = fields.Text(
        help="What the customer accepts with reservations, to be done after "
        "the acceptance."
    )
    state = fields.Selection(
        ACCEPTANCE_STATES,
        group_expand=True,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    sent_to_id = fields.Many2one(
        "res.partner",
        string="Sent To",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The customer's contact the minutes were sent to: the only one "
        "whose answer counts.",
    )
    date_sent = fields.Datetime(string="Sent On", readonly=True, copy=False)
    accepted_by = fields.Char(readonly=True, copy=False, tracking=True)
    accepted_via = fields.Selection(
        ACCEPTANCE_CHANNELS, readonly=True, copy=False, tracking=True
    )
    date_accepted = fields.Datetime(string="Accepted On", readonly=True, copy=False)
    signature = fields.Binary(attachment=True, readonly=True, copy=False)
    accept_message_id = fields.Many2one(
        "mail.message",
        string="Customer's Mail",
        readonly=True,
        copy=False,
        ondelete="restrict",
        help="The customer's mail, as received, on which the acceptance was "
        "recorded.",
    )
    signed_copy = fields.Binary(
        string="Signed Copy",
        attachment=True,
        copy=False,
        help="The scan of the paper minutes signed by the customer.",
    )
    signed_copy_filename = fields.Char(copy=False)
    reject_reason = fields.Text(
        string="Rejection Reason", readonly=True, copy=False, tracking=True
    )

    _phase_accepted_once = models.UniqueIndex(
        "(phase_id) WHERE state = 'accepted'",
        "A phase is accepted by one acceptance minutes only.",
    )

    @api.depends("phase_id.order_id.partner_id")
    def _compute_partner_id(self):
        for acceptance in self:
            acceptance.partner_id = (
                acceptance.phase_id.order_id.partner_id.commercial_partner_id
            )

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for acceptance in self:
            acceptance.access_url = "/my/acceptances/%s" % acceptance.id
        return result

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Acceptance Minutes %(name)s", name=self.name)

    def _b2b_customer_partners(self):
        return self.sent_to_id

    # ------------------------------------------------------------------
    # CRUD: facts through the steps only; sent minutes frozen
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        vals_list = [dict(vals) for vals in vals_list]
        # Before the minutes take a number.
        self._b2b_check_step_facts(vals_list=vals_list)
        for vals in vals_list:
            vals.pop("access_token", None)
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].sudo().next_by_code("b2b.acceptance")
                    or "/"
                )
        acceptances = super().create(vals_list)
        acceptances._check_phase_open()
        return acceptances

    def write(self, vals):
        if not in_step(self, ACCEPTANCE_STEP_KEY):
            self.check_access("write")
            # The steps' facts first, then what sent minutes allow.
            self._b2b_check_step_facts(vals=vals)
            self._check_editable(vals)
        result = super().write(vals)
        if "phase_id" in vals:
            self._check_phase_open()
        return result

    def unlink(self):
        self._check_editable()
        return super().unlink()

    def _check_editable(self, vals=None):
        """Only draft minutes change; sent minutes take the evidence of the
        customer's answer and the chatter only; answered minutes the chatter
        only."""
        keys = set(vals or ())
        if vals is not None and all(key.startswith(CHATTER_PREFIXES) for key in keys):
            return True
        for acceptance in self:
            if acceptance.state == "draft":
                continue
            if vals and acceptance.state == "sent" and keys <= EVIDENCE_FIELDS:
                continue
            raise UserError(
                self.env._(
                    "The acceptance minutes %(name)s are %(state)s: their phase, "
                    "items, contents and recipient can no longer change. Record "
                    "the customer's answer, or, once rejected, reset them to "
                    "draft and send them again.",
                    name=acceptance.name,
                    state=acceptance._state_label(),
                )
            )
        return True

    def _check_phase_open(self):
        for acceptance in self:
            if acceptance.phase_id.state == "accepted":
                raise UserError(
                    self.env._(
                        "The phase %(phase)s is already accepted: it takes no "
                        "more acceptance minutes.",
                        phase=acceptance.phase_id.name,
                    )
                )

    @api.constrains("recipient_id", "phase_id")
    def _check_recipient_id(self):
        for acceptance in self.sudo():
            if acceptance.recipient_id:
                acceptance._check_recipient(acceptance.recipient_id)

    def _check_recipient(self, partner):
        """A contact of the order's customer, never the partner of an
        internal user (a salesperson sending the minutes to herself)."""
        self.ensure_one()
        customer = self.sudo().partner_id
        if partner.commercial_partner_id != customer or not customer:
            raise ValidationError(
                self.env._(
                    "The minutes %(name)s go to a contact of the customer "
                    "%(customer)s; %(partner)s is not one.",
                    name=self.name,
                    customer=customer.display_name or self.env._("(no customer)"),
                    partner=partner.display_name,
                )
            )
        if partner.sudo().with_context(active_test=False).user_ids.filtered(
            lambda user: user._is_internal()
        ):
            raise ValidationError(
                self.env._(
                    "%(partner)s is an employee: the minutes %(name)s go to the "
                    "customer's contact, who alone may accept them.",
                    partner=partner.display_name,
                    name=self.name,
                )
            )
        return True

    def _b2b_step_facts(self):
        return super()._b2b_step_facts() + [
            StepFacts(
                ACCEPTANCE_STEP_KEY, STEP_FIELDS, "_step_refusal", initial={"state": "draft"}
            )
        ]

    def _step_refusal(self):
        return self.env._(
            "The state of acceptance minutes and the customer's answer (who, "
            "how, when, signature, to whom they were sent) change only through "
            "their steps: Send, the customer's answer through the link, Record "
            "Acceptance or Rejection."
        )

    def _state_label(self):
        self.ensure_one()
        return dict(self._fields["state"]._description_selection(self.env))[self.state]

    def _step_write(self, vals):
        return with_step(self.sudo(), ACCEPTANCE_STEP_KEY).write(vals)

    # ------------------------------------------------------------------
    # Send
    # ------------------------------------------------------------------

    def _check_sendable(self):
        for acceptance in self:
            if acceptance.state != "draft":
                raise UserError(
                    self.env._(
                        "Only draft minutes are sent; %(name)s are %(state)s.",
                        name=acceptance.name,
                        state=acceptance._state_label(),
                    )
                )
            phase = acceptance.phase_id
            if phase.state != "to_accept":
                raise UserError(
                    self.env._(
                        "The phase %(phase)s is %(state)s: minutes are sent for a "
                        "phase ready for acceptance.",
                        phase=phase.name,
                        state=phase._state_label(),
                    )
                )
            if not acceptance.item_ids:
                raise UserError(
                    self.env._(
                        "The minutes %(name)s list no items to accept.",
                        name=acceptance.name,
                    )
                )
            recipient = acceptance.recipient_id
            if not recipient:
                raise UserError(
                    self.env._(
                        "Choose the customer's contact the minutes %(name)s are "
                        "sent to.",
                        name=acceptance.name,
                    )
                )
            acceptance._check_recipient(recipient)
            if not recipient.email:
                raise UserError(
                    self.env._(
                        "%(partner)s has no email address to send the minutes "
                        "%(name)s to.",
                        partner=recipient.display_name,
                        name=acceptance.name,
                    )
                )
        return True

    def _send_step(self):
        """draft -> sent: a new link (the draft's token stops working),
        issued to the contact the minutes go to."""
        self.check_access("write")
        self._check_sendable()
        for acceptance in self:
            acceptance._step_write(
                {
                    "state": "sent",
                    "sent_to_id": acceptance.recipient_id.id,
                    "date_sent": fields.Datetime.now(),
                    "access_token": str(uuid.uuid4()),
                }
            )
        return True

    def action_send(self):
        """Send the minutes to the customer's contact chosen on them, with
        the link where they answer. Returns True."""
        template = self.env.ref("b2b_sales_delivery.mail_template_b2b_acceptance")
        self._send_step()
        for acceptance in self:
            acceptance.with_context(
                mail_post_autofollow=False
            ).message_post_with_source(
                template,
                partner_ids=acceptance.sent_to_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
        return True

    def action_send_wizard(self):
        """Button: Odoo's composer with the minutes' template; sending it is
        the same step as ``action_send``."""
        self.ensure_one()
        self._check_sendable()
        template = self.env.ref("b2b_sales_delivery.mail_template_b2b_acceptance")
        return {
            "type": "ir.actions.act_window",
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_model": self._name,
                "default_res_ids": self.ids,
                "default_template_id": template.id,
                "default_composition_mode": "comment",
                "default_email_layout_xmlid": "mail.mail_notification_layout",
                "b2b_acceptance_send": True,
            },
        }

    # ------------------------------------------------------------------
    # Accept
    # ------------------------------------------------------------------

    def _clean_text(self, value, max_length, what):
        if value in (None, False, ""):
            return ""
        if not isinstance(value, str) or len(value) > max_length:
            raise UserError(
                self.env._(
                    "%(what)s must be a text of at most %(max)s characters.",
                    what=what,
                    max=max_length,
                )
            )
        return " ".join(value.split())

    def _clean_signature(self, signature):
        if not isinstance(signature, str) or not signature:
            raise UserError(self.env._("Please sign the minutes to accept them."))
        try:
            data = base64.b64decode(signature, validate=True)
        except (binascii.Error, ValueError) as error:
            raise UserError(self.env._("The signature is not a valid image.")) from error
        # The image the portal component draws: PNG (or a loaded JPEG).
        if not data.startswith((b"\x89PNG", b"\xff\xd8")):
            raise UserError(self.env._("The signature is not a valid image."))
        return signature

    def _lock_phase(self):
        """Two answers at once (double click, retry, another user): the
        second waits for the first, then sees its result."""
        self.ensure_one()
        self.env.cr.execute(
            "SELECT id FROM b2b_phase WHERE id = %s FOR UPDATE", (self.phase_id.id,)
        )
        self.env.cr.execute(
            "SELECT id FROM b2b_acceptance WHERE id = %s FOR UPDATE", (self.id,)
        )
        self.invalidate_recordset()
        self.phase_id.invalidate_recordset()

    def _check_answerable(self):
        self.ensure_one()
        phase = self.phase_id
        if phase.state == "accepted" or self.state == "accepted":
            raise UserError(
                self.env._(
                    "The phase %(phase)s is already accepted: a second "
                    "acceptance is refused.",
                    phase=phase.name,
                )
            )
        if self.state != "sent":
            raise UserError(
                self.env._(
                    "The minutes %(name)s are %(state)s: only sent minutes are "
                    "answered.",
                    name=self.name,
                    state=self._state_label(),
                )
            )

    def _accept_step(self, values):
        """sent -> accepted, and the phase with it through its own step:
        the customer's word, kept whatever follows the phase's acceptance."""
        self.ensure_one()
        self._lock_phase()
        self._check_answerable()
        refused = self.item_ids.filtered(lambda item: not item.is_accepted)
        if refused:
            raise UserError(
                self.env._(
                    "These items of %(name)s are marked not accepted: %(items)s. "
                    "Record the rejection, then correct the minutes and send "
                    "them again.",
                    name=self.name,
                    items=", ".join(refused.mapped("name")),
                )
            )
        values = dict(values, state="accepted", date_accepted=fields.Datetime.now())
        self._step_write(values)
        self.phase_id.sudo()._write_step("accepted")
        via = self._fields["accepted_via"].convert_to_export(values["accepted_via"], self)
        self.sudo().message_post(
            body=Markup("<p>%s</p>")
            % self.env._(
                "Accepted by %(name)s (%(via)s).", name=values["accepted_by"], via=via
            ),
            message_type="notification",
            subtype_xmlid="mail.mt_note",
        )
        return True

    def _accept_by_customer(self, name, signature):
        """The customer accepts through the link, with their name and drawn
        signature. Called by the portal route, on minutes opened with their
        link by the contact they were sent to (or by nobody logged in)."""
        self.ensure_one()
        self._b2b_check_customer_link_user()
        name = self._clean_text(name, MAX_NAME_LENGTH, self.env._("Your name"))
        if not name:
            raise UserError(self.env._("Please enter your name."))
        signature = self._clean_signature(signature)
        via = "link" if self.env.user._is_public() else "portal"
        return self.sudo()._accept_step(
            {"accepted_by": name, "accepted_via": via, "signature": signature}
        )

    def _check_recorder(self):
        """Who records an answer received outside the link: a project
        manager who may change the minutes."""
        if not self.env.user.has_group("project.group_project_manager"):
            raise AccessError(
                self.env._(
                    "Only a project manager records the customer's answer; the "
                    "customer answers through the link."
                )
            )
        self.check_access("write")
        return True

    def action_accept(self, accepted_by=None, accepted_via=None, message_id=None):
        """A project manager records the customer's acceptance received
        outside the link: ``accepted_via`` ``email`` (default) needs the
        customer's mail as received on the minutes' thread (``message_id``,
        else the latest), ``paper`` the signed copy attached. Returns True."""
        self._check_recorder()
        accepted_by = self._clean_text(
            accepted_by, MAX_NAME_LENGTH, self.env._("The name of who accepted")
        )
        if accepted_via is None:
            accepted_via = "email"
        if accepted_via not in RECORDED_CHANNELS:
            raise UserError(
                self.env._(
                    "A project manager records an acceptance received by email "
                    "or on signed paper; the customer accepts through the link "
                    "themselves."
                )
            )
        if message_id is not None and (
            not isinstance(message_id, int) or isinstance(message_id, bool)
        ):
            raise UserError(self.env._("The customer's mail is given by its id."))
        for acceptance in self:
            acceptance._lock_phase()
            acceptance._check_answerable()
            values = {"accepted_via": accepted_via}
            if accepted_via == "email":
                message = self.env["mail.message"].browse(message_id or [])
                mail = acceptance._b2b_customer_mail(message)
                # A reply to these minutes as sent, not to an earlier round.
                if mail and mail.date < acceptance.date_sent:
                    mail = mail.browse()
                if not mail:
                    raise UserError(
                        self.env._(
                            "No mail of %(partner)s, as received, on the minutes "
                            "%(name)s: the acceptance by email rests on the "
                            "customer's own reply, not on a message posted by an "
                            "employee.",
                            partner=acceptance.sent_to_id.display_name,
                            name=acceptance.name,
                        )
                    )
                values["accept_message_id"] = mail.id
                values["accepted_by"] = accepted_by or mail.author_id.name
            else:
                if not acceptance.signed_copy:
                    raise UserError(
                        self.env._(
                            "Attach the scan of the paper minutes %(name)s signed "
                            "by the customer before recording their acceptance.",
                            name=acceptance.name,
                        )
                    )
                values["accepted_by"] = accepted_by or acceptance.sent_to_id.name
            acceptance._accept_step(values)
        return True

    # ------------------------------------------------------------------
    # Reject, back to draft
    # ------------------------------------------------------------------

    def _reject_step(self, reason):
        self.ensure_one()
        self._lock_phase()
        self._check_answerable()
        reason = self._clean_text(reason, MAX_REASON_LENGTH, self.env._("The reason"))
        if not reason:
            raise UserError(
                self.env._(
                    "Give the reason why the minutes %(name)s are rejected.",
                    name=self.name,
                )
            )
        self._step_write({"state": "rejected", "reject_reason": reason})
        self.sudo().message_post(
            body=Markup("<p>%s</p>")
            % self.env._("Rejected: %(reason)s", reason=reason),
            message_type="notification",
            subtype_xmlid="mail.mt_note",
        )
        # The responsible corrects the minutes and sends them again.
        if self.user_id:
            self.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("Minutes rejected: correct and send again"),
                note=reason,
                user_id=self.user_id.id,
            )
        return True

    def _reject_by_customer(self, reason):
        self.ensure_one()
        self._b2b_check_customer_link_user()
        return self.sudo()._reject_step(reason)

    def action_reject(self, reason=None):
        """A project manager records the customer's rejection, with its
        reason. Returns True."""
        self._check_recorder()
        for acceptance in self:
            acceptance._reject_step(reason)
        return True

    def action_draft(self):
        """rejected -> draft, to correct the minutes and send them again."""
        self.check_access("write")
        for acceptance in self:
            if acceptance.state != "rejected":
                raise UserError(
                    self.env._(
                        "Only rejected minutes go back to draft; %(name)s are "
                        "%(state)s.",
                        name=acceptance.name,
                        state=acceptance._state_label(),
                    )
                )
            acceptance._step_write(
                {"state": "draft", "access_token": str(uuid.uuid4())}
            )
        return True

    def action_record_answer(self):
        """Button: the wizard recording the customer's answer."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Record the Customer's Answer"),
            "res_model": "b2b.acceptance.answer.wizard",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_acceptance_id": self.id},
        }

    def action_preview_acceptance(self):
        """Button: the minutes as the customer sees them."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "target": "self",
            "url": "/report/html/b2b_sales_delivery.report_b2b_acceptance/%s"
            % self.id,
        }


class B2bAcceptanceItem(models.Model):
    _name = "b2b.acceptance.item"
    _description = "Acceptance Minutes Item"
    _order = "acceptance_id, sequence, id"

    acceptance_id = fields.Many2one(
        "b2b.acceptance",
        string="Minutes",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="acceptance_id.company_id", store=True, index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Item", required=True)
    is_accepted = fields.Boolean(string="Accepted", default=True)
    note = fields.Char()
    task_id = fields.Many2one(
        "project.task", string="Task", index="btree_not_null", ondelete="set null"
    )

    @api.model_create_multi
    def create(self, vals_list):
        acceptance_ids = {vals.get("acceptance_id") for vals in vals_list}
        self.env["b2b.acceptance"].browse(
            [acceptance_id for acceptance_id in acceptance_ids if acceptance_id]
        )._check_editable()
        return super().create(vals_list)

    def write(self, vals):
        self.acceptance_id._check_editable()
        if vals.get("acceptance_id"):
            self.env["b2b.acceptance"].browse(vals["acceptance_id"])._check_editable()
        return super().write(vals)

    def unlink(self):
        self.acceptance_id._check_editable()
        return super().unlink()
