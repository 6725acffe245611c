"""The synthetic commune guide to administrative procedures used as a source in module 06.

Every time limit and rule is a real one from docs/nguon_su_kien.md §1–§2 (numbers in brackets there); the
commune, its province, the opening hours and the counter numbers are invented. See README.md.
"""

from __future__ import annotations

import random

TEMPLATE = """# HƯỚNG DẪN THỰC HIỆN MỘT SỐ THỦ TỤC HÀNH CHÍNH TẠI TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ {XA_HOA}

(Tài liệu giả định dùng cho bài thực hành; xã {xa}, tỉnh {tinh} không có thật.)

## I. THÔNG TIN CHUNG
1. Trung tâm Phục vụ hành chính công xã {xa} đặt tại tầng 1 trụ sở Ủy ban nhân dân xã, tiếp nhận hồ sơ tại các quầy từ số 1 đến số {so_quay}.
2. Thời gian tiếp nhận hồ sơ: buổi sáng từ {gio_sang} đến 11 giờ 30, buổi chiều từ 13 giờ 30 đến {gio_chieu}, từ thứ Hai đến thứ Sáu, trừ ngày nghỉ lễ, Tết.
3. Trung tâm do một Phó Chủ tịch Ủy ban nhân dân xã kiêm nhiệm phụ trách.
4. Người dân có thể nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn); từ ngày 01/7/2025, đây là đầu mối duy nhất để nộp hồ sơ trực tuyến.
5. Để nộp hồ sơ trực tuyến, người dân đăng nhập bằng tài khoản định danh điện tử VNeID. Tài khoản định danh điện tử mức độ 2 được kích hoạt tại Công an xã.

## II. THỦ TỤC HỘ TỊCH
1. Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã tham mưu giải quyết các việc hộ tịch và chứng thực.
2. Người dân được lựa chọn nộp hồ sơ đăng ký hộ tịch tại nơi cư trú hoặc tại địa phương khác.
3. Đăng ký khai sinh: hồ sơ được giải quyết ngay trong ngày làm việc; trường hợp nhận hồ sơ sau 15 giờ mà không giải quyết được ngay thì trả kết quả trong ngày làm việc tiếp theo.
4. Đăng ký khai sinh kết hợp nhận cha, mẹ, con: thời hạn giải quyết là 03 ngày làm việc; trường hợp cần xác minh thì thời hạn không quá 08 ngày làm việc.
5. Đăng ký kết hôn: hồ sơ được giải quyết ngay trong ngày tiếp nhận; trường hợp cần xác minh điều kiện kết hôn thì thời hạn giải quyết không quá 05 ngày làm việc.
6. Từ ngày 01/7/2025, Ủy ban nhân dân xã giải quyết cả các việc hộ tịch có yếu tố nước ngoài mà trước đây do cấp huyện thực hiện.

## III. CHỨNG THỰC
1. Chứng thực bản sao từ bản chính: trả kết quả trong ngày tiếp nhận yêu cầu; trường hợp nhận yêu cầu sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo.
2. Người yêu cầu chứng thực mang theo bản chính để đối chiếu với bản sao cần chứng thực.

## IV. TRẢ KẾT QUẢ VÀ TIẾP NHẬN Ý KIẾN
1. Kết quả giải quyết được trả tại quầy số {quay_tra}; người dân có thể đăng ký nhận kết quả qua dịch vụ bưu chính công ích.
2. Hồ sơ giải quyết quá hạn thì Trung tâm gửi phiếu xin lỗi và hẹn lại ngày trả kết quả cho người dân.
3. Ý kiến góp ý về việc giải quyết thủ tục gửi vào hòm thư góp ý đặt tại Trung tâm hoặc mục phản ánh, kiến nghị trên Cổng Dịch vụ công quốc gia.
"""

# Commune and province names: invented (checked against the list of 3,321 units in docs/nguon_su_kien.md [3]).
COMMUNES = {"exercise": ("Vân Khê Thượng", "Đông Sơn"), "lesson": ("Sơn Thủy Hạ", "Đông Sơn")}


def procedures_text(which: str, seed: int) -> str:
    """The guide for the exercise's or the lesson's commune; the seed draws the hours and counters."""
    rng = random.Random(seed)
    xa, tinh = COMMUNES[which]
    so_quay = rng.choice([4, 5, 6])
    return TEMPLATE.format(
        xa=xa, XA_HOA=xa.upper(), tinh=tinh, so_quay=so_quay, quay_tra=so_quay,
        gio_sang=rng.choice(["7 giờ", "7 giờ 30"]), gio_chieu=rng.choice(["17 giờ", "16 giờ 30"]),
    )
