"""Write the synthetic directives of module 10 (province "Sơn Hà" and its communes are invented).

- ``exercises/10_xay_dung_ke_hoach/chi_dao_tinh.md``: Kế hoạch 86/KH-UBND of UBND tỉnh Sơn Hà on chuyển đổi số
  năm 2026 (exercise), 7 tasks for the communes and 3 for the province's departments, mixed in a seeded order.
- ``notebooks/data/10_chi_dao_thien_tai.md``: a short Kế hoạch on phòng, chống thiên tai (lesson).

Run ``python datasets/10_xay_dung_ke_hoach/generate.py`` from the repository root; it prints the key lines.
"""

from __future__ import annotations

import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = 10

HEAD = """ỦY BAN NHÂN DÂN TỈNH SƠN HÀ

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: {number}                                  Sơn Hà, ngày {date}

KẾ HOẠCH
{title}
"""

TASKS = [
    ("xa", "Triển khai tiếp nhận, giải quyết thủ tục hành chính trên môi trường điện tử; phấn đấu tỷ lệ hồ sơ được "
           "tiếp nhận, giải quyết trực tuyến toàn trình đạt từ 60% trở lên.", "Ủy ban nhân dân cấp xã",
     "trước ngày 30/11/2026"),
    ("xa", "Số hóa sổ hộ tịch đang lưu trữ tại xã, phường; hoàn thành số hóa ít nhất 70% số sổ hộ tịch.",
     "Ủy ban nhân dân cấp xã", "trước ngày 30/9/2026"),
    ("xa", "Vận động người dân kích hoạt tài khoản định danh điện tử mức độ 2 (VNeID); phấn đấu 90% người dân từ "
           "14 tuổi trở lên có tài khoản được kích hoạt.", "Ủy ban nhân dân cấp xã", "trước ngày 30/6/2026"),
    ("xa", "Kiện toàn tổ công nghệ số cộng đồng tại mỗi thôn, tổ dân phố; hướng dẫn người dân sử dụng dịch vụ công "
           "trực tuyến, thanh toán không dùng tiền mặt.", "Ủy ban nhân dân cấp xã", "trước ngày 31/3/2026"),
    ("xa", "Hỗ trợ hợp tác xã, hộ sản xuất đưa ít nhất 12 sản phẩm OCOP, nông sản chủ lực của xã lên sàn thương mại "
           "điện tử.", "Ủy ban nhân dân cấp xã", "trước ngày 31/10/2026"),
    ("xa", "Cập nhật, chỉnh lý dữ liệu đất đai của xã vào cơ sở dữ liệu đất đai của tỉnh.",
     "Ủy ban nhân dân cấp xã", "trước ngày 31/8/2026"),
    ("xa", "Báo cáo kết quả thực hiện Kế hoạch năm 2026 về Sở Khoa học và Công nghệ để tổng hợp.",
     "Ủy ban nhân dân cấp xã", "trước ngày 10/12/2026"),
    ("tinh", "Xây dựng Kho dữ liệu dùng chung của tỉnh, kết nối với Cơ sở dữ liệu quốc gia về dân cư.",
     "Sở Khoa học và Công nghệ", "quý III/2026"),
    ("tinh", "Tổ chức đánh giá, công bố Chỉ số chuyển đổi số của các xã, phường năm 2026.",
     "Sở Khoa học và Công nghệ", "trước ngày 31/3/2027"),
    ("tinh", "Nâng cấp Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh, bảo đảm kết nối với Cổng Dịch vụ "
             "công quốc gia.", "Sở Khoa học và Công nghệ", "trước ngày 30/6/2026"),
]


def directive() -> str:
    """The exercise's directive: Kế hoạch 86/KH-UBND of the province, tasks in a seeded order."""
    tasks = list(TASKS)
    random.Random(SEED).shuffle(tasks)
    lines = [HEAD.format(number="86/KH-UBND", date="20 tháng 01 năm 2026",
                         title="Thực hiện chuyển đổi số năm 2026 trên địa bàn tỉnh Sơn Hà"),
             "Thực hiện chương trình chuyển đổi số quốc gia, Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện "
             "chuyển đổi số năm 2026 như sau:", "", "I. MỤC ĐÍCH, YÊU CẦU", "",
             "1. Đẩy mạnh chuyển đổi số trong cơ quan nhà nước, phục vụ người dân và doanh nghiệp.",
             "2. Phân công rõ việc, rõ người, rõ thời hạn; các sở, ngành và Ủy ban nhân dân cấp xã chủ động xây "
             "dựng kế hoạch của đơn vị mình.", "3. Phấn đấu 95% văn bản đi của các sở, ban, ngành tỉnh được ký số.",
             "", "II. NHIỆM VỤ VÀ PHÂN CÔNG", ""]
    for number, (_, task, unit, deadline) in enumerate(tasks, 1):
        lines += [f"{number}. {task}", f"- Đơn vị thực hiện: {unit}.", f"- Thời hạn: {deadline}.", ""]
    lines += ["III. TỔ CHỨC THỰC HIỆN", "",
              "Ủy ban nhân dân cấp xã căn cứ Kế hoạch này xây dựng kế hoạch của xã, phường, gửi về Sở Khoa học và "
              "Công nghệ trước ngày 28/02/2026. Sở Khoa học và Công nghệ theo dõi, đôn đốc, tổng hợp, báo cáo Ủy "
              "ban nhân dân tỉnh.", "", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "",
              "Trần Minh Khoa (tên giả định)", ""]
    return "\n".join(lines)


def lesson_directive() -> str:
    """The lesson's shorter directive: Kế hoạch 41/KH-UBND on phòng, chống thiên tai."""
    return "\n".join([
        HEAD.format(number="41/KH-UBND", date="10 tháng 3 năm 2026",
                    title="Phòng, chống thiên tai và tìm kiếm cứu nạn năm 2026"),
        "II. NHIỆM VỤ VÀ PHÂN CÔNG", "",
        "1. Ủy ban nhân dân cấp xã rà soát các hộ dân sống ở vùng có nguy cơ sạt lở đất, lũ quét; lập danh sách "
        "hộ cần di dời khi có mưa lớn, hoàn thành trước ngày 30/4/2026.",
        "2. Sở Nông nghiệp và Môi trường cập nhật bản đồ phân vùng rủi ro thiên tai của tỉnh, hoàn thành trong "
        "quý III/2026.",
        "3. Ủy ban nhân dân cấp xã tuyên truyền kỹ năng phòng, tránh thiên tai; phấn đấu 80% hộ dân ở vùng có "
        "nguy cơ được phổ biến trước ngày 31/5/2026.",
        "4. Ủy ban nhân dân cấp xã báo cáo kết quả về Sở Nông nghiệp và Môi trường trước ngày 15/11/2026.",
        "",
    ])


def main() -> None:
    """Write both directives and print where."""
    targets = {ROOT / "exercises" / "10_xay_dung_ke_hoach" / "chi_dao_tinh.md": directive(),
               ROOT / "notebooks" / "data" / "10_chi_dao_thien_tai.md": lesson_directive()}
    for path, text in targets.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print("Đã ghi", path.relative_to(ROOT))


if __name__ == "__main__":
    main()
