# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The sales manager forces an opportunity past its unmet checkpoints, with a
reason the chatter keeps; puts a salesperson of the team on its deal team
with a role; then reads the time it spent in its first stage
(cycle time) and the indicators by data source, under CRM > Reporting."""
from playwright.sync_api import expect
from seed import LEAD_MANAGER

REASON = "The customer signed a framework agreement last year"
MEMBER = "Nguyễn Thu"  # the salesperson of the seed
ROLE = "Presales Consultant"


def test_sales_manager_forces_a_stage(walk):
    page = walk.page
    walk.login("b2b_lan")
    walk.goto("/odoo/crm", ".o_kanban_record")
    page.locator(".o_kanban_record", has_text=LEAD_MANAGER).click()
    page.wait_for_selector(".o_form_view")
    page.locator(".o_form_statusbar button[name=action_force_stage]").click()
    dialog = walk.dialog()
    dialog.locator(".o_field_widget[name=stage_id] input").fill("Closing")
    page.locator(".o-autocomplete--dropdown-item", has_text="Closing").first.click()
    dialog.locator(".o_field_widget[name=reason] textarea").fill(REASON)
    dialog.locator(".modal-footer button[name=action_force]").click()
    # the chatter keeps the stage, who forced it and the reason; the status
    # bar shows the stage (folded to its current one when the header is full)
    walk.see('Stage forced to "Closing" by Trần Lan.', scope=".o-mail-Chatter")
    walk.see(REASON, scope=".o-mail-Chatter")
    status = page.locator(".o_statusbar_status button:visible", has_text="Closing")
    expect(status.first).to_be_visible()
    walk.shot("role_sales_manager")
    # The deal team: a member with a role, saved with the opportunity.
    page.locator(".o_notebook .nav-link", has_text="Deal Team").click()
    team = page.locator(".o_field_widget[name=b2b_deal_member_ids]")
    team.locator(".o_field_x2many_list_row_add a").click()
    team.locator(".o_data_row .o_field_widget[name=user_id] input").fill(MEMBER)
    page.locator(".o-autocomplete--dropdown-item", has_text=MEMBER).first.click()
    team.locator(".o_data_row .o_field_widget[name=role]").click()
    page.locator(".o_select_menu_item", has_text=ROLE).first.click()
    page.locator(".o_form_button_save:visible").click()
    expect(page.locator(".o_form_button_save:visible")).to_have_count(0)
    row = team.locator(".o_data_row", has_text=MEMBER)
    expect(row).to_contain_text(ROLE)
    walk.shot("role_sales_manager_deal_team")
    # Cycle time: the stay left at Contact, the current one at Closing.
    walk.goto(
        "/odoo/action-b2b_sales_delivery.b2b_lead_stage_time_action?view_type=list",
        ".o_list_renderer",
    )
    rows = page.locator(".o_data_row", has_text=LEAD_MANAGER)
    expect(rows.filter(has_text="Closing").first).to_be_visible()
    walk.goto("/odoo/action-b2b_sales_delivery.b2b_kpi_data_source_action", ".o_pivot")
    walk.see("Indicators by Data Source", scope=".o_breadcrumb")
