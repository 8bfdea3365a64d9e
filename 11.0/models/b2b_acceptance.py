# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import html_escape

from ..utils.confirmation_link import MAX_TEXT_LENGTH, clean_text
from .b2b_mail_preview_mixin import is_mail_preview

ACCEPTANCE_STATES = [
    ("draft", "Draft"),
    ("sent", "Sent"),
    ("accepted", "Accepted"),
    ("rejected", "Rejected"),
]
ACCEPTANCE_CHANNELS = [
    ("link", "Link"),
    ("portal", "Portal"),
    ("email", "Email reply"),
    ("paper", "Signed paper copy"),
]
# How the customer accepts: through the link (or the portal), by themselves.
CUSTOMER_CHANNELS = ("link", "portal")
# How a project manager records an acceptance received otherwise, with its
# evidence attached.
RECORDED_CHANNELS = ("email", "paper")
# What may still change on accepted minutes: the chatter only.
ACCEPTANCE_OPEN_FIELD_PREFIXES = ("message_", "activity_", "website_message")


def _is_chatter_only(vals):
    return all(key.startswith(ACCEPTANCE_OPEN_FIELD_PREFIXES) for key in vals)


class B2bAcceptance(models.Model):
    """Acceptance minutes of a phase ("biên bản nghiệm thu")."""

    _name = "b2b.acceptance"
    _description = "Acceptance Minutes"
    _inherit = [
        "mail.thread", "mail.activity.mixin", "portal.mixin",
        "b2b.state.columns.mixin", "b2b.confirmation.link.mixin", "b2b.step.mixin",
    ]
    _order = "date_sent desc, id desc"
    _step_fields = (
        "state", "date_sent", "date_accepted", "signature", "access_token",
        "token_expiry",
    )
    _step_drop_actions = {
        "draft": "action_draft",
        "sent": "action_send",
        "rejected": "action_reject",
    }
    _mail_preview_actions = {
        "action_send": "b2b_sales_delivery.mail_template_b2b_acceptance",
    }

    name = fields.Char(
        string="Number", required=True, copy=False, readonly=True, default="/"
    )
    phase_id = fields.Many2one(
        "b2b.phase", string="Phase", required=True, ondelete="cascade", index=True,
        track_visibility="onchange",
    )
    project_id = fields.Many2one(
        related="phase_id.project_id", store=True, readonly=True, string="Project"
    )
    order_id = fields.Many2one(
        related="phase_id.project_id.sale_order_id", store=True, readonly=True,
        string="Order",
    )
    company_id = fields.Many2one(
        related="phase_id.company_id", store=True, readonly=True
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True,
        track_visibility="onchange",
    )
    signatory_id = fields.Many2one(
        "res.partner", string="Signatory",
        help="The customer's person who signs the minutes.",
        track_visibility="onchange",
    )
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user,
        track_visibility="onchange",
    )
    item_ids = fields.One2many(
        "b2b.acceptance.item", "acceptance_id", string="Items", copy=True
    )
    reservations = fields.Text(help="What the customer accepts with reservations.")
    state = fields.Selection(
        ACCEPTANCE_STATES, default="draft", required=True, readonly=True,
        copy=False, index=True, track_visibility="onchange",
        group_expand="_expand_states",
    )
    accepted_by = fields.Char(copy=False, track_visibility="onchange")
    accepted_via = fields.Selection(
        ACCEPTANCE_CHANNELS, copy=False, track_visibility="onchange"
    )
    date_sent = fields.Datetime(readonly=True, copy=False)
    date_accepted = fields.Datetime(readonly=True, copy=False)
    signature = fields.Binary(attachment=True, copy=False, readonly=True)
    signed_copy = fields.Binary(
        string="Signed Copy", attachment=True, copy=False,
        help="The scan of the signed paper minutes.",
    )
    signed_copy_filename = fields.Char(copy=False)
    reject_reason = fields.Text(copy=False, track_visibility="onchange")
    access_token = fields.Char(
        string="Acceptance Link Token", copy=False, readonly=True,
        groups="b2b_sales_delivery.group_b2b_user,project.group_project_user",
    )
    token_expiry = fields.Datetime(
        string="Acceptance Link Valid Until", copy=False, readonly=True
    )

    @api.model_cr
    def init(self):
        # The database itself refuses a second accepted minutes of a phase.
        self.env.cr.execute(
            "CREATE UNIQUE INDEX IF NOT EXISTS b2b_acceptance_phase_accepted_uniq "
            "ON b2b_acceptance (phase_id) WHERE state = 'accepted'"
        )

    @api.onchange("phase_id")
    def _onchange_phase_id(self):
        project = self.phase_id.project_id
        if project and not self.partner_id:
            self.partner_id = project.partner_id or project.sale_order_id.partner_id

    @api.model
    def create(self, vals):
        phase = self.env["b2b.phase"].browse(vals.get("phase_id"))
        if phase.state == "accepted":
            raise UserError(
                _("The phase %s is already accepted: it is closed.") % phase.name
            )
        if not vals.get("partner_id") and phase:
            project = phase.project_id
            partner = project.partner_id or project.sale_order_id.partner_id
            vals["partner_id"] = partner.id
        if vals.get("name", "/") == "/":
            vals["name"] = (
                self.env["ir.sequence"].sudo().next_by_code("b2b.acceptance") or "/"
            )
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if not _is_chatter_only(vals) and not self._is_step_write():
            self._check_editable()
        return super().write(vals)

    @api.multi
    def unlink(self):
        self._check_editable()
        return super().unlink()

    def _check_editable(self):
        accepted = self.filtered(lambda a: a.state == "accepted")
        if accepted:
            raise UserError(
                _("The acceptance minutes %s are accepted: they can no longer be "
                  "changed.") % accepted[0].name
            )

    # ------------------------------------------------------------------
    # Steps
    # ------------------------------------------------------------------
    @api.multi
    def action_send(self):
        """Mail the minutes (PDF) with the link where the customer answers."""
        template = self.env.ref("b2b_sales_delivery.mail_template_b2b_acceptance")
        for acceptance in self:
            if acceptance.state not in ("draft", "sent"):
                raise UserError(
                    _("Only draft or sent minutes can be sent; %(name)s is "
                      "%(state)s.")
                    % {"name": acceptance.name,
                       "state": acceptance._fields["state"].convert_to_export(
                           acceptance.state, acceptance)}
                )
            if not acceptance.item_ids:
                raise UserError(
                    _("The minutes %s list no items to accept.") % acceptance.name
                )
            acceptance.phase_id._check_order_confirmed()
            recipient = acceptance.signatory_id or acceptance.partner_id
            if not recipient.email:
                raise UserError(
                    _("%s has no email address to send the minutes to.")
                    % recipient.display_name
                )
            acceptance._issue_link(state="sent")
            acceptance.phase_id._b2b_set_to_accept()
            acceptance.message_post_with_template(
                template.id, composition_mode="comment"
            )
        return True

    @api.multi
    def action_preview_send(self):
        """Button: see the mail of the minutes before sending them."""
        return self._b2b_mail_preview("action_send")

    @api.multi
    def action_accept(self, accepted_by=None, accepted_via=None, signature=None):
        """A project manager records the customer's acceptance received by
        email or on paper: the minutes must have been sent, and the evidence
        (the customer's mail or the signed scan) attached. Closes the phase
        and releases its payment.

        ``accepted_by``: who accepted (default: the minutes' value, else the
        signatory); ``accepted_via``: ``email`` or ``paper`` (default: the
        minutes' value, else email); ``signature``: refused here, the
        customer signs through the link. Returns True.
        """
        if not self.env.user.has_group("project.group_project_manager"):
            raise AccessError(
                _("Only a project manager records the acceptance of minutes; "
                  "the customer accepts through the link.")
            )
        if signature:
            raise UserError(
                _("A signature is drawn by the customer through the link; "
                  "attach the signed scan instead.")
            )
        accepted_by = self._check_customer_name(
            accepted_by, _("The name of who accepts")
        )
        for acceptance in self:
            via = accepted_via or acceptance.accepted_via or "email"
            if via not in RECORDED_CHANNELS:
                raise UserError(
                    _("Minutes are accepted through the link only by the "
                      "customer; record an acceptance by email or on paper.")
                )
            if acceptance.state != "sent":
                raise UserError(
                    _("Send the minutes %s to the customer before recording "
                      "their acceptance.") % acceptance.name
                )
            acceptance._check_evidence(via)
            acceptance._accept(accepted_by, via, None)
        return True

    def _accept_by_customer(self, name, signature, channel):
        """The customer accepts through the link (or the portal), with
        their name and signature. For the routes only."""
        self.ensure_one()
        if channel not in CUSTOMER_CHANNELS:
            raise UserError(_("Unknown way of acceptance: %s.") % channel)
        name = self._check_customer_name(name, _("The name of who accepts"))
        if not name:
            raise UserError(_("Please enter your name."))
        if not signature:
            raise UserError(_("Please sign the minutes to accept them."))
        signature = self._check_signature(signature)
        if self.state not in ("sent", "accepted"):
            raise UserError(
                _("These minutes are %s: they cannot be accepted.")
                % self._fields["state"].convert_to_export(self.state, self)
            )
        return self._accept(name, channel, signature)

    def _check_evidence(self, via):
        """The customer's word is attached: the signed scan for paper; for
        email, the customer's mail (saved as the signed copy, or received
        in the minutes' chatter)."""
        self.ensure_one()
        if self.signed_copy:
            return True
        if via == "paper":
            raise UserError(
                _("Attach the signed paper copy of %s before recording its "
                  "acceptance.") % self.name
            )
        received = self.sudo().message_ids.filtered(
            lambda m: m.message_type == "email"
        )
        if not received:
            raise UserError(
                _("Attach the customer's mail accepting %s (as the signed "
                  "copy), or receive their reply in the minutes' chatter, "
                  "before recording the acceptance.") % self.name
            )
        return True

    def _check_items_accepted(self):
        """Items marked not accepted block the acceptance."""
        self.ensure_one()
        refused = self.item_ids.filtered(lambda i: not i.is_accepted)
        if refused:
            raise UserError(
                _("These items of %(name)s are marked not accepted: "
                  "%(items)s. Correct them and send the minutes again, or "
                  "record the rejection.")
                % {"name": self.name, "items": ", ".join(refused.mapped("name"))}
            )
        return True

    def _accept(self, accepted_by, accepted_via, signature):
        self.ensure_one()
        phase = self.phase_id
        # Two users accepting at the same moment: the second waits here, then
        # sees the phase accepted by the first.
        self.env.cr.execute(
            "SELECT id FROM b2b_phase WHERE id = %s FOR UPDATE", (phase.id,)
        )
        self.invalidate_cache()
        phase.invalidate_cache()
        if phase.state == "accepted" or self.state == "accepted":
            raise UserError(
                _("The phase %s is already accepted: a second acceptance is "
                  "refused.") % phase.name
            )
        if self.state not in ("draft", "sent"):
            raise UserError(
                _("Rejected minutes cannot be accepted: reset %s to draft and send "
                  "them again.") % self.name
            )
        self._check_items_accepted()
        phase._check_order_confirmed()
        accepted_by = accepted_by or self.accepted_by or (
            self.signatory_id or self.partner_id
        ).name
        if not isinstance(accepted_via, str) or (
            accepted_via not in dict(ACCEPTANCE_CHANNELS)
        ):
            raise UserError(_("Unknown way of acceptance: %s.") % (accepted_via,))
        values = {
            "state": "accepted",
            "accepted_by": accepted_by,
            "accepted_via": accepted_via,
            "date_accepted": fields.Datetime.now(),
            # The customer decided: the link is spent.
            "access_token": False,
            "token_expiry": False,
        }
        if signature:
            values["signature"] = signature
        self._link_write(values)
        self.message_post(
            body=_("Accepted by %(name)s (%(via)s).") % {
                "name": html_escape(accepted_by),
                "via": self._fields["accepted_via"].convert_to_export(
                    accepted_via, self),
            },
            subtype="mail.mt_comment" if accepted_via in CUSTOMER_CHANNELS
            else "mail.mt_note",
        )
        phase._b2b_set_accepted()
        return True

    @api.multi
    def action_reject(self, reason=None):
        """The customer rejects the minutes, with a reason. Returns True."""
        if reason:
            reason = clean_text(reason, MAX_TEXT_LENGTH)
            if reason is None:
                raise UserError(
                    _("The reason must be a text of at most %s characters.")
                    % MAX_TEXT_LENGTH
                )
        for acceptance in self:
            reason = reason or acceptance.reject_reason
            if acceptance.state not in ("draft", "sent"):
                raise UserError(
                    _("Only draft or sent minutes can be rejected; %(name)s is "
                      "%(state)s.")
                    % {"name": acceptance.name,
                       "state": acceptance._fields["state"].convert_to_export(
                           acceptance.state, acceptance)}
                )
            if not reason:
                raise UserError(
                    _("Give the reason why the minutes %s are rejected.")
                    % acceptance.name
                )
            acceptance._step_write(
                {"state": "rejected", "reject_reason": reason,
                 "access_token": False, "token_expiry": False}
            )
            acceptance.message_post(body=_("Rejected: %s") % html_escape(reason))
            acceptance.phase_id._b2b_set_rejected()
        return True

    @api.multi
    def action_draft(self):
        """Back to draft, to correct rejected minutes and send them again."""
        for acceptance in self:
            if acceptance.state != "rejected":
                raise UserError(_("Only rejected minutes go back to draft."))
            acceptance._step_write({"state": "draft"})
        return True

    def _step_buttons(self):
        return _("Send by Email, Record Acceptance, Record Rejection, Back to "
                 "Draft; the customer accepts through the link")

    def _link_write(self, vals):
        """Write the link's and the answer's fields (the steps' only way)."""
        return self.sudo()._step_write(vals)

    @api.multi
    def action_revoke_link(self):
        """Revoke the acceptance link: the one already sent shows nothing;
        send the minutes again for a new one."""
        return self._revoke_link()

    def get_acceptance_url(self):
        """The link where the customer reads and answers the minutes (it
        opens once they are sent, until the customer answered). Only who may
        change the minutes gets it."""
        self.ensure_one()
        self._check_link_manager()
        if (self.state in ("draft", "sent") and not self.sudo().access_token
                and not is_mail_preview(self.env)):
            self._issue_link()
        return self._link_url("b2b/acceptance") or ""

    def _get_report_base_filename(self):
        self.ensure_one()
        return "%s %s" % (_("Acceptance Minutes"), self.name)


class B2bAcceptanceItem(models.Model):
    """A deliverable listed in acceptance minutes."""

    _name = "b2b.acceptance.item"
    _description = "Acceptance Minutes Item"
    _order = "acceptance_id, sequence, id"

    acceptance_id = fields.Many2one(
        "b2b.acceptance", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Item", required=True)
    is_accepted = fields.Boolean(string="Accepted", default=True)
    note = fields.Char()

    @api.model
    def create(self, vals):
        self.env["b2b.acceptance"].browse(vals.get("acceptance_id"))._check_editable()
        return super().create(vals)

    @api.multi
    def write(self, vals):
        self.mapped("acceptance_id")._check_editable()
        if "acceptance_id" in vals:
            self.env["b2b.acceptance"].browse(vals["acceptance_id"])._check_editable()
        return super().write(vals)

    @api.multi
    def unlink(self):
        self.mapped("acceptance_id")._check_editable()
        return super().unlink()
