/* Copyright 2026 b2b_sales_delivery contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
odoo.define("b2b_sales_delivery.acceptance_sign", function (require) {
    "use strict";

    var _t = require("web.core")._t;
    var rpc = require("web.rpc");
    var session = require("web.session");
    var SignatureForm = require("portal.signature_form").SignatureForm;

    var CALL_URL = "/b2b/acceptance/sign";
    var pageTerms = null;

    // The page is in the customer's language (<html lang>, set by
    // controllers/customer_link.py); the visitor's session holds the terms
    // of the public user's. The signature form's labels are read in the
    // page's language: its terms are loaded before the form is drawn.
    function loadPageTerms() {
        if (!pageTerms) {
            var lang = (document.documentElement.getAttribute("lang") || "").replace("-", "_");
            pageTerms = lang ? _t.database.load_translations(
                session, ["portal", "b2b_sales_delivery"], lang, "/website/translations"
            ) : $.when();
        }
        return pageTerms;
    }

    // The signature of acceptance minutes (controllers/b2b_acceptance.py).
    // Once signed, the page shows the result only, as the server rendered
    // it: the minutes accepted, no form and no second button left. A
    // refusal is shown above the signature, which can be sent again.
    SignatureForm.include({
        willStart: function () {
            var started = this._super.apply(this, arguments);
            if (this.options.callUrl !== CALL_URL) {
                return started;
            }
            return $.when(started, loadPageTerms());
        },

        submitSign: function (ev) {
            if (this.options.callUrl !== CALL_URL) {
                return this._super.apply(this, arguments);
            }
            ev.preventDefault();
            var self = this;
            var $button = this.$(".o_portal_sign_submit");
            var name = this.$("#o_portal_sign_name").val();
            var signature = this.$("#o_portal_signature").jSignature("getData", "image");
            var isEmpty = signature ? this.empty_sign[1] === signature[1] : true;
            this.$("#o_portal_sign_name").parent().toggleClass("has-error", !name);
            this.$("#o_portal_sign_draw")
                .toggleClass("panel-danger", isEmpty)
                .toggleClass("panel-default", !isEmpty);
            if (isEmpty || !name) {
                return false;
            }
            $button.attr("disabled", true);
            return rpc.query({
                route: CALL_URL,
                params: {
                    res_id: this.options.resId,
                    access_token: this.options.accessToken,
                    partner_name: name,
                    signature: signature[1],
                },
            }).then(function (data) {
                if (data.content) {
                    self.$el.closest(".o_b2b_acceptance").replaceWith(data.content);
                    return;
                }
                $button.attr("disabled", false);
                self.$(".o_b2b_sign_error").remove();
                $("<div class='alert alert-danger o_b2b_sign_error' role='alert'/>")
                    .text(data.error || "")
                    .prependTo(self.$("#o_portal_sign_accept"));
            });
        },
    });
});
