# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The labels taken from the process (the seed) read in Vietnamese with the
seed's own words: the stages of the pipeline, the committee's roles and
expected benefits, the data sources, the call outcomes, the kinds of
resources and the skills."""

from odoo.tests import TransactionCase, tagged

# (what, the record or field, the English term, the seed's Vietnamese words)
STAGES = [
    ("crm_stage_contact", "Contact", "Liên hệ"),
    ("crm_stage_email_sent", "Email Sent", "Gửi mail"),
    ("crm_stage_meeting_booked", "Meeting Booked", "Hẹn gặp"),
    ("crm_stage_meeting_demo", "Meeting & Demo", "Gặp + Trao đổi + Demo"),
    ("crm_stage_nurture_trial", "Nurture & Trial", "Chăm sóc + Dùng thử"),
    ("crm_stage_closing", "Closing", "Chốt đơn"),
    ("crm_stage_quotation_sent", "Quotation Sent", "Gửi báo giá"),
    ("crm_stage_contract", "Contract", "Hợp đồng"),
]
ROLES = [
    ("b2b_stakeholder_role_user", "Người sử dụng"),
    ("b2b_stakeholder_role_decision_maker", "Người quyết định"),
    ("b2b_stakeholder_role_influencer", "Người ảnh hưởng"),
    ("b2b_stakeholder_role_payer", "Người thanh toán"),
    ("b2b_stakeholder_role_implementer", "Người thực thi"),
]
SKILLS = [
    ("skill_customer", "Hiểu khách hàng"),
    ("skill_product", "Hiểu sản phẩm"),
    ("skill_business_model", "Hiểu mô hình kinh doanh - Hiểu thị trường"),
    ("skill_prospecting", "Xúc tiến"),
    ("skill_negotiation", "Đàm phán - Thuyết phục"),
    ("skill_closing", "Chốt hợp đồng"),
    ("skill_delivery", "Triển khai"),
    ("skill_office_tools", "Tin học Văn phòng"),
]
FIELD_LABELS = [
    ("b2b.stakeholder", "benefit_revenue", "Tăng doanh thu"),
    ("b2b.stakeholder", "benefit_cost", "Giảm chi phí"),
    ("b2b.stakeholder", "benefit_management", "Quản trị hiệu quả"),
]
CHOICES = [
    ("crm.lead", "b2b_data_source", "paid", "Paid"),
    ("crm.lead", "b2b_data_source", "free", "Free"),
    ("crm.lead", "b2b_data_source", "relationship", "Quan hệ"),
    ("b2b.touchpoint", "call_outcome", "answered", "Nghe máy"),
    ("b2b.touchpoint", "call_outcome", "talked", "Nói chuyện được"),
    ("b2b.touchpoint", "kind", "trial", "Dùng thử"),
    ("b2b.resource.line", "category", "budget", "Ngân sách"),
    ("b2b.resource.line", "category", "venue_equipment", "Trang - Thiết bị"),
    ("b2b.resource.line", "category", "other", "Khác"),
]


@tagged("post_install", "-at_install")
class TestSeedWords(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.env["ir.module.module"]._load_module_terms(
            ["b2b_sales_delivery"], ["vi_VN"], overwrite=True
        )
        cls.vi = cls.env(context={"lang": "vi_VN"})

    def ref(self, xmlid):
        return self.vi.ref("b2b_sales_delivery." + xmlid)

    def test_stages_read_as_the_seed(self):
        for xmlid, english, seed in STAGES:
            with self.subTest(stage=english):
                self.assertEqual(self.ref(xmlid).with_context(lang="en_US").name, english)
                self.assertEqual(self.ref(xmlid).name, seed)

    def test_roles_and_skills_read_as_the_seed(self):
        for xmlid, seed in ROLES + SKILLS:
            with self.subTest(record=xmlid):
                self.assertEqual(self.ref(xmlid).name, seed)

    def test_labels_and_choices_read_as_the_seed(self):
        for model, field, seed in FIELD_LABELS:
            with self.subTest(field=field):
                labels = self.vi[model].fields_get([field], ["string"])
                self.assertEqual(labels[field]["string"], seed)
        for model, field, code, seed in CHOICES:
            with self.subTest(field=field, code=code):
                selection = self.vi[model].fields_get([field], ["selection"])
                self.assertEqual(dict(selection[field]["selection"])[code], seed)
