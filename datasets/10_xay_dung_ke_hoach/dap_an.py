"""Answer keys of exercise 10 and of the lesson (trainer side only: the learner workspace never gets this file).

The hidden test cells of ``exercises/10_xay_dung_ke_hoach`` carry the same lines; a test checks they agree.
Each task line: ``code | concept groups (";") of phrases ("/") | right leading units | directive's deadline``.
"""

from __future__ import annotations

import datetime as dt

DIRECTIVE_NUMBER = "86/KH-UBND"
ISSUED = dt.date(2026, 1, 20)
PLAN_ABOUT = ("chuyển đổi số", "2026")

NHIEM_VU_XA = [
    "T1 | trực tuyến toàn trình / toàn trình | Trung tâm Phục vụ hành chính công | 2026-11-30",
    "T2 | số hóa / số hoá ; hộ tịch | Văn phòng HĐND và UBND | 2026-09-30",
    "T3 | định danh điện tử / vneid ; kích hoạt / mức độ 2 / mức 2 / đăng ký | Công an xã | 2026-06-30",
    "T4 | tổ công nghệ số / tổ cnscđ | Phòng Văn hóa - Xã hội | 2026-03-31",
    "T5 | thương mại điện tử / tmđt ; sản phẩm / nông sản / ocop | Phòng Kinh tế | 2026-10-31",
    "T6 | đất đai ; dữ liệu / cơ sở dữ liệu / cập nhật / chỉnh lý | Phòng Kinh tế | 2026-08-31",
    "T7 | báo cáo ; sở khoa học và công nghệ / sở khoa học / sở khcn / sở kh&cn / ủy ban nhân dân tỉnh / ubnd tỉnh | "
    "Văn phòng HĐND và UBND | 2026-12-10",
]
NHIEM_VU_TINH = [
    "P1 | kho dữ liệu",
    "P2 | chỉ số chuyển đổi số ; đánh giá / công bố / xếp hạng",
    "P3 | nâng cấp ; hệ thống thông tin giải quyết thủ tục hành chính",
]
# key, label, words naming the indicator, the directive's figure
CHI_TIEU = [
    ("T1", "hồ sơ trực tuyến toàn trình", ("trực tuyến toàn trình", "toàn trình"), "60%"),
    ("T2", "sổ hộ tịch được số hóa", ("sổ hộ tịch", "hộ tịch"), "70%"),
    ("T3", "người dân kích hoạt định danh điện tử mức độ 2", ("định danh điện tử", "VNeID", "mức độ 2"), "90%"),
    ("T5", "sản phẩm lên sàn thương mại điện tử", ("thương mại điện tử", "sản phẩm OCOP", "nông sản"), "12"),
]
# A target the directive sets for the province's departments: the commune's plan must not take it on.
CHI_TIEU_TINH = [
    ("P0", "văn bản đi của các sở được ký số", ("ký số", "văn bản đi"), "95%"),
]
