# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The customer, through the links mailed to them and the portal: confirms
the scope, approves a change, accepts a phase, finds them in the portal."""
from seed import PORTAL_LOGIN


def test_customer_journey(walk):
    page = walk.page
    links = walk.seed.links

    page.goto(links["scope"])
    walk.see("Kịch bản video giới thiệu")
    page.fill("input[name=confirmed_by]", "Đỗ Văn An")
    page.click("button:has-text('Confirm the Scope')")
    walk.settle()
    walk.see("Đỗ Văn An")
    assert not page.locator("button:has-text('Confirm the Scope')").count()

    page.goto(links["change"])
    walk.see("Thêm trang tuyển dụng")
    page.fill("input[name=decided_by]", "Đỗ Văn An")
    page.click("button:has-text('Approve the Change')")
    walk.settle()
    assert not page.locator("button:has-text('Approve the Change')").count()

    # A customer who reads Vietnamese: the page and Odoo's signature form
    # (drawn by the browser) are in Vietnamese, whoever opens the link.
    customer = walk.seed.ids["customer"]
    walk.seed.call("res.partner", "write", [customer], {"lang": "vi_VN"})
    try:
        page.goto(links["acceptance"])
        walk.settle()
        assert page.get_attribute("html", "lang") == "vi-VN"
        page.locator("#o_portal_sign_draw").wait_for(state="visible")
        walk.see("Vẽ chữ ký của bạn", "Làm sạch")
        walk.shot("role_customer_vi")
    finally:
        walk.seed.call("res.partner", "write", [customer], {"lang": "en_US"})

    page.goto(links["acceptance"])
    walk.see("Thiết kế giao diện", "Bản thiết kế trang chủ")
    walk.shot("role_customer")
    # The customer writes their name and draws their signature.
    page.fill("#o_portal_sign_name", "Đỗ Văn An")
    pad = page.locator("#o_portal_signature canvas").first
    pad.wait_for(state="visible")
    box = pad.bounding_box()
    page.mouse.move(box["x"] + 20, box["y"] + 40)
    page.mouse.down()
    page.mouse.move(box["x"] + 160, box["y"] + 90, steps=10)
    page.mouse.move(box["x"] + 260, box["y"] + 30, steps=10)
    page.mouse.up()
    page.click(".o_portal_sign_submit")
    walk.settle()
    walk.see("the phase is accepted", "Accepted by")
    # The page shows the result only: no form, no second button.
    assert not page.locator(".o_portal_sign_submit").count()
    assert not page.locator("textarea[name=reason]").count()

    walk.login_portal(PORTAL_LOGIN)
    page.goto(walk.url("/my/home"))
    walk.settle()
    page.click("a[href='/my/acceptances']")
    walk.settle()
    walk.see("Thiết kế giao diện")
