"""Synthetic sample documents of a fictional commune (xã Tân Phú), one per common type.

Used by the lesson, the form's example button and the tests. Names and facts are invented.
"""

from __future__ import annotations

import datetime as dt

from ailab.vanban.model import LoaiVanBan, VanBan

CO_QUAN = "Ủy ban nhân dân xã Tân Phú"
DIA_DANH = "Tân Phú"
NGAY = dt.date(2026, 3, 5)


def _common(**overrides) -> dict:
    values = {
        "co_quan_ban_hanh": CO_QUAN,
        "dia_danh": DIA_DANH,
        "ngay": NGAY,
        "quyen_han": "TM.",
        "chuc_vu": "Chủ tịch",
        "nguoi_ky": "Nguyễn Văn An",
        "don_vi_soan_thao": "VP",
    }
    values.update(overrides)
    return values


def sample(loai: LoaiVanBan | str) -> VanBan:
    """A complete, compliant sample of ``loai`` (one of the eight types commune offices issue most)."""
    loai = LoaiVanBan.from_text(loai)
    builders = {
        LoaiVanBan.CONG_VAN: _cong_van,
        LoaiVanBan.THONG_BAO: _thong_bao,
        LoaiVanBan.GIAY_MOI: _giay_moi,
        LoaiVanBan.KE_HOACH: _ke_hoach,
        LoaiVanBan.BAO_CAO: _bao_cao,
        LoaiVanBan.TO_TRINH: _to_trinh,
        LoaiVanBan.QUYET_DINH: _quyet_dinh,
        LoaiVanBan.BIEN_BAN: _bien_ban,
    }
    if loai not in builders:
        raise ValueError(f"Chưa có văn bản mẫu cho loại «{loai.value}».")
    return builders[loai]()


SAMPLE_TYPES = (
    LoaiVanBan.CONG_VAN, LoaiVanBan.THONG_BAO, LoaiVanBan.GIAY_MOI, LoaiVanBan.KE_HOACH,
    LoaiVanBan.BAO_CAO, LoaiVanBan.TO_TRINH, LoaiVanBan.QUYET_DINH, LoaiVanBan.BIEN_BAN,
)


def _cong_van() -> VanBan:
    return VanBan(**_common(
        loai=LoaiVanBan.CONG_VAN, so=12, quyen_han="KT. Chủ tịch", chuc_vu="Phó Chủ tịch", nguoi_ky="Trần Thị Bình",
        trich_yeu="đôn đốc cập nhật dữ liệu dân cư trên địa bàn xã",
        kinh_gui=["Trưởng các thôn trên địa bàn xã"],
        noi_dung=[
            "Thực hiện kế hoạch làm sạch dữ liệu dân cư năm 2026, Ủy ban nhân dân xã đề nghị Trưởng các thôn "
            "rà soát danh sách hộ gia đình của thôn, đối chiếu với sổ theo dõi và báo cáo những trường hợp "
            "thay đổi nơi cư trú.",
            "Danh sách rà soát gửi về Văn phòng HĐND và UBND xã trước ngày 20 tháng 3 năm 2026.",
            "Đề nghị Trưởng các thôn quan tâm, phối hợp thực hiện. Trân trọng.",
        ],
        noi_nhan=["Chủ tịch UBND xã (để b/c)"],
    ))


def _thong_bao() -> VanBan:
    return VanBan(**_common(
        loai=LoaiVanBan.THONG_BAO, so=5,
        trich_yeu="Lịch tiếp công dân của Chủ tịch Ủy ban nhân dân xã Tân Phú năm 2026",
        noi_dung=[
            "Chủ tịch Ủy ban nhân dân xã tiếp công dân định kỳ vào sáng thứ Năm của tuần thứ hai và tuần "
            "thứ tư hằng tháng, từ 07 giờ 30 đến 11 giờ 00, tại Trụ sở Ủy ban nhân dân xã.",
            "Trường hợp trùng ngày nghỉ lễ, lịch tiếp công dân chuyển sang ngày làm việc kế tiếp.",
            "Ủy ban nhân dân xã thông báo để Nhân dân biết, thực hiện.",
        ],
        noi_nhan=["Thường trực Đảng ủy xã", "Thường trực HĐND xã", "Các thôn (niêm yết)"],
    ))


def _giay_moi() -> VanBan:
    return VanBan(**_common(
        loai=LoaiVanBan.GIAY_MOI, so=7,
        trich_yeu="Dự hội nghị triển khai kế hoạch chuyển đổi số năm 2026",
        noi_dung=[
            "Ủy ban nhân dân xã Tân Phú trân trọng kính mời: Trưởng các thôn, công chức Văn phòng HĐND và UBND xã.",
            "Tới dự hội nghị triển khai kế hoạch chuyển đổi số năm 2026 của xã.",
            "Chủ trì: Đồng chí Nguyễn Văn An, Chủ tịch Ủy ban nhân dân xã.",
            "Thời gian: 08 giờ 00, thứ Ba, ngày 10 tháng 3 năm 2026.",
            "Địa điểm: Hội trường Ủy ban nhân dân xã Tân Phú.",
            "Rất mong các đại biểu tham dự đầy đủ, đúng giờ.",
        ],
        noi_nhan=["Như thành phần mời"],
    ))


def _ke_hoach() -> VanBan:
    return VanBan(**_common(
        loai=LoaiVanBan.KE_HOACH, so=15,
        trich_yeu="Bầu trưởng thôn nhiệm kỳ 2026–2029",
        noi_dung=[
            "I. MỤC ĐÍCH, YÊU CẦU",
            "1. Tổ chức bầu trưởng thôn dân chủ, đúng quy định, bảo đảm đông đảo cử tri tham gia.",
            "2. Các thôn hoàn thành việc bầu trưởng thôn trong tháng 4 năm 2026.",
            "II. NỘI DUNG, THỜI GIAN THỰC HIỆN",
            "1. Trước ngày 25 tháng 3 năm 2026: các thôn lập danh sách cử tri, niêm yết công khai.",
            "2. Từ ngày 01 đến ngày 15 tháng 4 năm 2026: tổ chức hội nghị bầu trưởng thôn.",
            "III. TỔ CHỨC THỰC HIỆN",
            "Văn phòng HĐND và UBND xã theo dõi, tổng hợp kết quả, báo cáo Chủ tịch Ủy ban nhân dân xã.",
        ],
        noi_nhan=["Thường trực Đảng ủy xã", "Thường trực HĐND xã", "Các thôn"],
    ))


def _bao_cao() -> VanBan:
    return VanBan(**_common(
        loai=LoaiVanBan.BAO_CAO, so=21,
        trich_yeu="Kết quả tiếp nhận hồ sơ thủ tục hành chính tháng 02 năm 2026",
        kinh_gui=["Ủy ban nhân dân tỉnh"],
        noi_dung=[
            "I. KẾT QUẢ THỰC HIỆN",
            "Trong tháng, Trung tâm Phục vụ hành chính công xã tiếp nhận 312 hồ sơ, đã giải quyết đúng hạn "
            "298 hồ sơ, đang giải quyết 14 hồ sơ trong hạn.",
            "II. KHÓ KHĂN, KIẾN NGHỊ",
            "Đường truyền mạng có lúc gián đoạn, ảnh hưởng việc tiếp nhận hồ sơ trực tuyến.",
        ],
        noi_nhan=["Thường trực Đảng ủy xã"],
    ))


def _to_trinh() -> VanBan:
    return VanBan(**_common(
        loai=LoaiVanBan.TO_TRINH, so=3, quyen_han="", chuc_vu="Chủ tịch",
        trich_yeu="Đề nghị phê duyệt kinh phí sửa chữa nhà văn hóa thôn Đông",
        kinh_gui=["Hội đồng nhân dân xã Tân Phú"],
        noi_dung=[
            "Nhà văn hóa thôn Đông xuống cấp, mái tôn bị thủng nhiều chỗ, không bảo đảm an toàn khi tổ chức "
            "sinh hoạt cộng đồng.",
            "Ủy ban nhân dân xã kính trình Hội đồng nhân dân xã xem xét, phê duyệt kinh phí sửa chữa.",
        ],
        noi_nhan=["Thường trực Đảng ủy xã"],
    ))


def _quyet_dinh() -> VanBan:
    return VanBan(**_common(
        loai=LoaiVanBan.QUYET_DINH, so=17, quyen_han="", chuc_vu="Chủ tịch",
        trich_yeu="Về việc ban hành Nội quy tiếp công dân tại Trụ sở Ủy ban nhân dân xã",
        can_cu=[
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025",
            "Căn cứ Luật Tiếp công dân ngày 25 tháng 11 năm 2013",
            "Theo đề nghị của Chánh Văn phòng HĐND và UBND xã",
        ],
        noi_dung=[
            "Điều 1. Ban hành kèm theo Quyết định này Nội quy tiếp công dân tại Trụ sở Ủy ban nhân dân xã Tân Phú.",
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
            "Điều 3. Chánh Văn phòng HĐND và UBND xã, công chức và người dân đến liên hệ công việc chịu "
            "trách nhiệm thi hành Quyết định này.",
        ],
        noi_nhan=["Như Điều 3", "Thường trực HĐND xã"],
    ))


def _bien_ban() -> VanBan:
    return VanBan(**_common(
        loai=LoaiVanBan.BIEN_BAN, so=2, quyen_han="", chuc_vu="Chủ tọa",
        nguoi_ky="Nguyễn Văn An", thu_ky="Lê Thị Cúc",
        trich_yeu="Họp giao ban Ủy ban nhân dân xã tháng 3 năm 2026",
        noi_dung=[
            "Thời gian bắt đầu: 14 giờ 00, ngày 05 tháng 3 năm 2026.",
            "Địa điểm: Phòng họp Ủy ban nhân dân xã Tân Phú.",
            "Thành phần tham dự: Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân xã, công chức chuyên môn.",
            "Chủ trì: Ông Nguyễn Văn An, Chủ tịch Ủy ban nhân dân xã.",
            "Thư ký: Bà Lê Thị Cúc, công chức Văn phòng HĐND và UBND xã.",
            "Nội dung: Các bộ phận báo cáo kết quả công việc tháng 02 và nhiệm vụ tháng 3 năm 2026.",
            "Cuộc họp kết thúc vào 16 giờ 30 cùng ngày.",
        ],
        noi_nhan=["Các thành viên dự họp"],
    ))
