/* License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
odoo.define("b2b_sales_delivery.crash_manager", function (require) {
"use strict";

/*
 * Odoo 11 titles every refusal of the server (UserError, ValidationError,
 * AccessError...) with the JSON-RPC error's message, "Odoo Server Error",
 * untranslated: a rule of the process refusing a step read as a crash.
 * A refusal is titled by its kind, in the user's language; a real server
 * error keeps Odoo's error dialog.
 */
var core = require("web.core");
var CrashManager = require("web.CrashManager");

var _lt = core._lt;

var REFUSAL_TITLES = {
    user_error: _lt("Warning"),
    warning: _lt("Warning"),
    access_error: _lt("Access Error"),
    missing_error: _lt("Missing Record"),
    validation_error: _lt("Validation Error"),
    except_orm: _lt("Warning"),
    access_denied: _lt("Access Denied"),
};

CrashManager.include({
    show_warning: function (error) {
        var kind = error && error.data && error.data.exception_type;
        if (kind && REFUSAL_TITLES[kind] && !error.type) {
            error = _.extend({}, error, {
                type: String(REFUSAL_TITLES[kind]),
                data: _.extend({}, error.data, {title: ""}),
            });
        }
        return this._super(error);
    },
});

return {REFUSAL_TITLES: REFUSAL_TITLES};
});
