# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The project manager, with Project rights only: from the confirmed order
to its delivery project, the customer plan, a follow-up opportunity."""


def test_project_manager_journey(walk):
    page = walk.page
    order = walk.seed.names["order"]
    walk.login("minh")
    walk.app("project.menu_main_pm")
    walk.menu("b2b_sales_delivery.sale_order_delivery_menu")
    walk.see("Orders to Deliver")
    walk.open_record(order)
    walk.see(order, "Gói triển khai CRM")
    walk.button("Create Delivery Project", ".o_form_statusbar")
    walk.see("Create the Delivery Project", scope=".modal-dialog")
    # they manage it unless they choose another project user
    assert page.locator(
        ".modal-dialog .o_field_many2one[name=user_id] input").input_value() == "Lê Minh"
    walk.button("Create and Open", ".modal-footer")
    page.wait_for_selector(".o_form_view")
    walk.see(order, "Lê Minh")  # the project of the order, managed by them

    with page.expect_download() as download:
        walk.button("Print Customer Plan", ".o_form_statusbar")
    assert download.value.suggested_filename.endswith(".pdf")
    walk.settle()

    walk.button("Follow-up Opportunity", ".o_form_statusbar")
    walk.see("Follow-up opportunity created")
    walk.see(order, scope=".o_form_view .breadcrumb, .o_control_panel .breadcrumb")
    walk.shot("role_project_manager")
