# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The salesperson, working in Vietnamese: the pipeline, a refused move that
says what is missing, a call logged through its wizard, the move again, the
scope of a quotation sent after a look at its mail."""
from seed import CUSTOMER, LEAD


def test_salesperson_journey(walk):
    page = walk.page
    walk.login("thu")
    walk.app("crm.crm_menu_root")
    walk.menu("crm.menu_crm_opportunities")
    walk.see("Cơ hội", LEAD)
    card = page.locator(".o_kanban_record:has-text(%r)" % LEAD)
    first, second = page.locator(".o_kanban_group").nth(0), page.locator(
        ".o_kanban_group").nth(1)
    assert first.locator(".o_kanban_record:has-text(%r)" % LEAD).count() == 1

    # Dragged to the next stage before its checkpoint is met: refused, and
    # the refusal names what is missing, in Vietnamese.
    with walk.refused("UserError"):
        walk.drag(card, second)
        message = walk.dialog_text()
        assert "Một cuộc gọi có nghe máy" in message, message
        walk.close_dialog()
    assert first.locator(".o_kanban_record:has-text(%r)" % LEAD).count() == 1

    # The call is logged on the opportunity through its wizard.
    walk.open_record(LEAD)
    walk.see(CUSTOMER, "Ghi cuộc gọi")
    walk.button("Ghi cuộc gọi", ".o_form_statusbar")
    dialog = page.locator(".modal-dialog:visible")
    dialog.locator("input[type=radio][data-value=talked], "
                   "label:has-text('Đã trao đổi')").first.click()
    walk.button("Ghi", ".modal-footer")
    walk.see("Điểm tiếp xúc")
    page.locator(".o_statusbar_status button:has-text('Đã gửi email')").click()
    walk.settle()
    walk.see("Đã gửi một email")  # the next stage's checkpoint
    # In edit mode, a stage clicked past an unmet checkpoint is refused at
    # once, with what is missing; the form keeps its stage and the next save
    # goes through.
    walk.button("Sửa")
    page.locator(".o_statusbar_status button:has-text('Đã hẹn gặp')").click()
    walk.settle()
    message = walk.dialog_text()
    assert "Giai đoạn chưa được chuyển" in message, message
    walk.close_dialog()
    walk.see("Đã gửi email", scope=".o_statusbar_status .btn-primary")
    walk.button("Lưu")
    walk.shot("role_salesperson")
    # The eight stages read left to right on one line, beside the buttons or
    # below them (Odoo would put the first ones above the others).
    shown = page.locator(".o_form_statusbar .o_statusbar_status > .o_arrow_button").evaluate_all(
        "buttons => buttons.map(b => [b.getBoundingClientRect().left,"
        " b.getBoundingClientRect().top, b.textContent.trim()])")
    pipeline = [stage["name"] for stage in walk.seed.call(
        "crm.stage", "search_read", [("b2b_pipeline", "=", True)], fields=["name"],
        order="sequence, id", context={"lang": "vi_VN"})]
    assert [name for _x, _y, name in sorted(shown)] == pipeline, shown
    assert len({y for _x, y, _name in shown}) == 1, shown

    # The quotation: its scope written with the customer, then sent.
    walk.app("sale.sale_menu_root")
    walk.menu("sale.menu_sale_quotations")
    walk.open_record(walk.seed.names["quote"])
    walk.button("Sửa")
    walk.tab("Phạm vi công việc")
    page.locator(".o_field_x2many_list_row_add a:visible").first.click()
    row = page.locator(".o_selected_row")
    row.locator("input[name=name], td.o_required_modifier input").first.fill(
        "Kịch bản video giới thiệu")
    walk.button("Lưu")
    # The mail is seen before it goes: the customer with their email, the
    # customer's language (English here), the subject, the PDF's name.
    # Cancelled, nothing is sent.
    preview = ".modal-dialog:visible"
    walk.button("Gửi phạm vi")
    walk.see("Xem trước thư", CUSTOMER, "info@saoviet.example.com", "English",
             "scope of %s to confirm" % walk.seed.names["quote"],
             "Scope - %s.pdf" % walk.seed.names["quote"], scope=preview)
    # one recipient, one row; the quotation's follower (its author) is told
    recipients = page.locator(preview + " .o_b2b_mail_preview_recipients tbody tr")
    assert recipients.filter(visible=True).count() == 1
    walk.see("Người theo dõi được báo", "Administrator", scope=preview)
    walk.button("Hủy", ".modal-footer")
    walk.see("Nháp", scope=".o_notebook .o_statusbar_status .btn-primary")
    # Sent from the preview: the form shows at once that it went.
    walk.button("Gửi phạm vi")
    walk.button("Gửi", preview + " .modal-footer")
    walk.see("Ngày gửi phạm vi")
    # the scope's state shows at once that it went to the customer
    walk.see("Đã gửi khách hàng", scope=".o_notebook .o_statusbar_status .btn-primary")
