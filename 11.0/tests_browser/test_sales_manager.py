# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The sales manager: the team's pipeline, a stage forced with a reason, a
locked scope that says how to change it, a contract signed with its button,
the indicators."""
from seed import CONTRACT_TITLE, LEAD, LEAD_MANAGER


def test_sales_manager_journey(walk):
    page = walk.page
    walk.login("lan")
    walk.app("crm.crm_menu_root")
    walk.menu("crm.menu_crm_opportunities")
    # the manager's own pipeline filter off: the whole team's opportunities
    page.click(".o_searchview_facet .o_facet_remove")
    walk.settle()
    walk.see(LEAD, LEAD_MANAGER)  # the salesperson's and their own
    card = page.locator(".o_kanban_record:has-text(%r)" % LEAD_MANAGER)
    # the card shows the checkpoints of its stage before anyone drags it
    walk.see("0/1", scope=".o_kanban_record:has-text(%r) .o_b2b_checkpoints"
             % LEAD_MANAGER)
    card.click()
    walk.settle()
    walk.button("Force Stage", ".o_form_statusbar")
    dialog = ".modal-dialog:visible"
    page.locator("%s .o_field_many2one[name=stage_id] input" % dialog).fill("Email")
    page.locator(".ui-autocomplete li a:visible").first.click()
    page.locator("%s textarea[name=reason], %s .o_field_text[name=reason]" % (
        dialog, dialog)).first.fill("Khách hàng đã ký hợp đồng khung năm ngoái")
    walk.button("Force", ".modal-footer")
    walk.see("Khách hàng đã ký hợp đồng khung năm ngoái")  # logged in the chatter

    walk.app("sale.sale_menu_root")
    walk.menu("sale.menu_sale_quotations")
    page.click(".o_searchview_facet .o_facet_remove") if page.locator(
        ".o_searchview_facet .o_facet_remove").count() else None
    walk.settle()
    walk.open_record(walk.seed.names["changed"])
    walk.see("it is locked", "change request")
    walk.shot("role_sales_manager")

    # The contract's Signed button, as the web client calls it.
    walk.menu("b2b_sales_delivery.b2b_contract_menu")
    walk.open_record(CONTRACT_TITLE)
    walk.button("Signed", ".o_form_statusbar")
    walk.see("Signed", scope=".o_statusbar_status .btn-primary")

    walk.menu("b2b_sales_delivery.b2b_kpi_achievement_menu")
    walk.see("Key Indicators Dashboard")
