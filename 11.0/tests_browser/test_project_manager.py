# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The project manager, with Project rights only: from the confirmed order
to its delivery project, the customer plan, a follow-up opportunity; the
customer's acceptance on paper and a rejection recorded with the minutes'
buttons."""
import base64
import os
import tempfile

from seed import PAPER_MINUTES, REJECTED_MINUTES

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


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

    # The minutes' buttons, as the web client calls them (with its context).
    walk.menu("b2b_sales_delivery.b2b_acceptance_menu")
    walk.open_record(PAPER_MINUTES)
    walk.button("Edit")
    page.locator(".o_form_view select[name=accepted_via]").select_option(
        label="Signed paper copy")
    page.locator(".o_form_view input[name=accepted_by]").fill("Đỗ Văn An")
    scan = os.path.join(tempfile.mkdtemp(), "bien_ban_da_ky.png")
    with open(scan, "wb") as handle:
        handle.write(PNG)
    page.locator(".o_form_view .o_field_widget[name=signed_copy] input.o_input_file"
                 ).set_input_files(scan)
    walk.settle()
    walk.button("Save")
    walk.button("Record Acceptance", ".o_form_statusbar")
    walk.button("Ok", ".modal-footer")
    walk.see("Accepted by Đỗ Văn An", "Accepted")

    walk.menu("b2b_sales_delivery.b2b_acceptance_menu")
    walk.open_record(REJECTED_MINUTES)
    walk.button("Edit")
    page.locator(".o_form_view textarea[name=reject_reason]").fill(
        "Thiếu dữ liệu khách hàng cũ")
    walk.button("Save")
    walk.button("Record Rejection", ".o_form_statusbar")
    walk.see("Rejected: Thiếu dữ liệu khách hàng cũ")
