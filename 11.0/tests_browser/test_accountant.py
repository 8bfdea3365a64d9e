# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The accountant, with Billing rights: installments and their filters, an
installment's invoice, receivables by customer."""
from seed import CUSTOMER


def test_accountant_journey(walk):
    page = walk.page
    order = walk.seed.names["order"]
    walk.login("hoa")
    walk.app("account.menu_finance")
    walk.menu("b2b_sales_delivery.b2b_payment_plan_line_menu")
    walk.see("Payment Plans", order, "Tạm ứng")
    for name in ("Overdue", "Due in 7 Days", "To Invoice"):
        walk.filter(name)
        walk.see(name, scope=".o_searchview_facet")
        page.click(".o_searchview_facet .o_facet_remove")
        walk.settle()
    walk.open_record("Tạm ứng")
    walk.see(order, "Invoiced")
    page.click(".o_form_view a.o_form_uri:has-text('INV'), "
               ".o_form_view .o_field_many2one[name=invoice_id] a")
    walk.settle()
    walk.see(CUSTOMER, "Draft Invoice")
    walk.shot("role_accountant")
    walk.menu("b2b_sales_delivery.b2b_receivable_report_menu")
    walk.see("Receivables")
