"""Answers used by the module 10 tests: the solution, honest variants written differently, gaming attempts."""

from __future__ import annotations

SOLUTION_TABLE = """| STT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn |
|---|---|---|---|---|
| 1 | Kiện toàn tổ công nghệ số cộng đồng ở mỗi thôn | Phòng Văn hóa - Xã hội | Các thôn | trước ngày 15/3/2026 |
| 2 | Vận động người dân từ 14 tuổi trở lên kích hoạt tài khoản định danh điện tử mức độ 2, đạt 90% | Công an xã | Các thôn | trước ngày 15/6/2026 |
| 3 | Cập nhật, chỉnh lý dữ liệu đất đai của xã vào cơ sở dữ liệu đất đai của tỉnh | Phòng Kinh tế | Văn phòng HĐND và UBND | trước ngày 15/8/2026 |
| 4 | Số hóa sổ hộ tịch đang lưu trữ, hoàn thành ít nhất 70% số sổ | Văn phòng HĐND và UBND | Trung tâm Phục vụ hành chính công | trước ngày 15/9/2026 |
| 5 | Hỗ trợ hợp tác xã đưa ít nhất 12 sản phẩm OCOP, nông sản lên sàn thương mại điện tử | Phòng Kinh tế | Các thôn | trước ngày 15/10/2026 |
| 6 | Tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến toàn trình đạt từ 60% trở lên | Trung tâm Phục vụ hành chính công | Văn phòng HĐND và UBND | trước ngày 15/11/2026 |
| 7 | Báo cáo kết quả thực hiện Kế hoạch về Sở Khoa học và Công nghệ | Văn phòng HĐND và UBND | Các phòng chuyên môn | trước ngày 05/12/2026 |
"""

# Written as an officer would in Excel (tabs), other words, other (earlier or equal) dates.
HONEST_TABS = "\t".join(["Nội dung công việc", "Chủ trì", "Phối hợp", "Thời gian hoàn thành"]) + "\n" + "\n".join(
    "\t".join(row) for row in [
        ("Thành lập, kiện toàn tổ công nghệ số cộng đồng tại các thôn", "Phòng Văn hóa và Xã hội", "Trưởng thôn",
         "tháng 3/2026"),
        ("Phối hợp vận động người dân kích hoạt VNeID mức 2 (90% người từ 14 tuổi)", "Công an xã",
         "Phòng Văn hóa - Xã hội", "30/6/2026"),
        ("Chỉnh lý và cập nhật dữ liệu đất đai lên cơ sở dữ liệu của tỉnh", "Phòng Kinh tế", "", "31/7/2026"),
        ("Số hoá sổ hộ tịch lưu tại xã (tối thiểu 70%)", "Văn phòng HĐND và UBND xã", "", "quý III/2026"),
        ("Đưa 12 sản phẩm OCOP và nông sản chủ lực lên sàn thương mại điện tử", "Phòng Kinh tế", "Hợp tác xã",
         "ngày 31 tháng 10 năm 2026"),
        ("Nâng tỷ lệ hồ sơ trực tuyến toàn trình lên từ 60% trở lên", "Trung tâm Phục vụ hành chính công xã",
         "", "30/11/2026"),
        ("Tổng hợp, báo cáo kết quả năm 2026 gửi Sở Khoa học và Công nghệ", "Văn phòng HĐND và UBND", "",
         "trước ngày 10/12/2026"),
        ("Tuyên truyền về chuyển đổi số trên loa truyền thanh của xã", "Phòng Văn hóa - Xã hội", "Các thôn",
         "30/12/2026"),
    ])

HONEST_SHORT = """| Việc | Chủ trì | Thời hạn |
| --- | --- | --- |
| Tổ công nghệ số cộng đồng: kiện toàn ở từng thôn | Phòng Văn hóa - Xã hội | 31/3/2026 |
| Kích hoạt định danh điện tử mức độ 2 cho người dân | Công an xã | 30/6/2026 |
| Dữ liệu đất đai: cập nhật, chỉnh lý | Phòng Kinh tế | 31/8/2026 |
| Số hóa sổ hộ tịch đang lưu trữ | Văn phòng HĐND và UBND | 30/9/2026 |
| Nông sản, sản phẩm OCOP lên sàn thương mại điện tử | Phòng Kinh tế | 31/10/2026 |
| Giải quyết hồ sơ trực tuyến toàn trình | Trung tâm Phục vụ hành chính công | 30/11/2026 |
| Báo cáo Sở Khoa học và Công nghệ kết quả cả năm | Văn phòng HĐND và UBND | 10/12/2026 |
"""


def _rows(text: str) -> list[str]:
    return [line for line in text.splitlines()[2:] if line.strip()]


HEADER = "| STT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn |\n|---|---|---|---|---|\n"

# The whole directive copied: province tasks included, "UBND cấp xã" as the unit of every task.
COPY_DIRECTIVE = HEADER + "\n".join([
    "| 1 | Cập nhật, chỉnh lý dữ liệu đất đai của xã vào cơ sở dữ liệu đất đai của tỉnh | UBND cấp xã | | 31/8/2026 |",
    "| 2 | Vận động người dân kích hoạt tài khoản định danh điện tử mức độ 2 (VNeID) | UBND cấp xã | | 30/6/2026 |",
    "| 3 | Xây dựng Kho dữ liệu dùng chung của tỉnh | Sở Khoa học và Công nghệ | | quý III/2026 |",
    "| 4 | Số hóa sổ hộ tịch đang lưu trữ | UBND cấp xã | | 30/9/2026 |",
    "| 5 | Tổ chức đánh giá, công bố Chỉ số chuyển đổi số của các xã | Sở Khoa học và Công nghệ | | 31/3/2027 |",
    "| 6 | Đưa sản phẩm OCOP lên sàn thương mại điện tử | UBND cấp xã | | 31/10/2026 |",
    "| 7 | Kiện toàn tổ công nghệ số cộng đồng | UBND cấp xã | | 31/3/2026 |",
    "| 8 | Báo cáo kết quả về Sở Khoa học và Công nghệ | UBND cấp xã | | 10/12/2026 |",
    "| 9 | Giải quyết hồ sơ trực tuyến toàn trình | UBND cấp xã | | 30/11/2026 |",
    "| 10 | Nâng cấp Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh | Sở Khoa học và Công nghệ | | 30/6/2026 |",
])

# Every row a salad of the directive's words.
SALAD = HEADER + "\n".join(
    f"| {n} | Số hóa hộ tịch, trực tuyến toàn trình, định danh điện tử kích hoạt, tổ công nghệ số, thương mại điện tử "
    f"sản phẩm, dữ liệu đất đai, báo cáo Sở Khoa học và Công nghệ | Phòng Kinh tế | | 30/6/2026 |" for n in range(1, 8))

# The right tasks, one unit for all of them.
CONSTANT_UNIT = SOLUTION_TABLE.replace("| Phòng Văn hóa - Xã hội |", "| Văn phòng HĐND và UBND |").replace(
    "| Công an xã |", "| Văn phòng HĐND và UBND |").replace("| Phòng Kinh tế |", "| Văn phòng HĐND và UBND |").replace(
    "| Trung tâm Phục vụ hành chính công |", "| Văn phòng HĐND và UBND |")

# The right tasks under the old district-level bodies.
DISTRICT_UNITS = SOLUTION_TABLE.replace("| Phòng Văn hóa - Xã hội |", "| Phòng Văn hóa và Thông tin huyện |").replace(
    "| Phòng Kinh tế |", "| Phòng Nông nghiệp huyện |").replace("| Văn phòng HĐND và UBND |", "| UBND huyện |")

# The right tasks, every deadline the same day; and every deadline after the province's.
CONSTANT_DATE = "\n".join(line.rsplit("|", 2)[0] + "| 31/12/2026 |" if line.startswith("| ") and
                          line[2].isdigit() else line for line in SOLUTION_TABLE.splitlines())
LATE_DATES = SOLUTION_TABLE.replace("2026 |", "2027 |")

PLAN_BODY = [
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Cụ thể hóa Kế hoạch số 86/KH-UBND của Ủy ban nhân dân tỉnh, phân công rõ việc, rõ người, rõ thời hạn.",
    "2. Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình đạt từ 60% trở lên; số hóa ít nhất 70% sổ hộ tịch.",
    "3. Phấn đấu 90% người dân từ 14 tuổi trở lên kích hoạt định danh điện tử mức độ 2; đưa ít nhất 12 sản phẩm "
    "OCOP, nông sản lên sàn thương mại điện tử.",
    "II. NHIỆM VỤ, TIẾN ĐỘ VÀ PHÂN CÔNG",
    "Các nhiệm vụ, đơn vị chủ trì và thời hạn theo bảng kèm theo Kế hoạch này.",
    "III. TỔ CHỨC THỰC HIỆN",
    "Văn phòng HĐND và UBND xã theo dõi, đôn đốc, tổng hợp kết quả, báo cáo Chủ tịch Ủy ban nhân dân xã.",
]
INVENTED_BODY = PLAN_BODY[:2] + [
    "2. Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình đạt 95%; số hóa 100% sổ hộ tịch.",
    "3. Phấn đấu 60% người dân kích hoạt định danh điện tử mức độ 2; đưa 30 sản phẩm OCOP lên sàn thương mại điện tử.",
] + PLAN_BODY[4:]

# One row per task, only the key words.
BARE_KEYWORDS = HEADER + "\n".join(f"| {n} | {words} | {unit} | | {date} |" for n, (words, unit, date) in enumerate([
    ("toàn trình", "Trung tâm Phục vụ hành chính công", "30/11/2026"), ("số hóa hộ tịch", "Văn phòng HĐND và UBND",
    "30/9/2026"), ("VNeID kích hoạt", "Công an xã", "30/6/2026"), ("tổ công nghệ số", "Phòng Văn hóa - Xã hội",
    "31/3/2026"), ("TMĐT sản phẩm", "Phòng Kinh tế", "31/10/2026"), ("đất đai dữ liệu", "Phòng Kinh tế", "31/8/2026"),
    ("báo cáo Sở KHCN", "Văn phòng HĐND và UBND", "10/12/2026")], 1))

# Other honest wordings: abbreviations officers use, dates with dashes.
HONEST_ABBREVIATED = HEADER + "\n".join([
    "| 1 | Hướng dẫn người dân đăng ký tài khoản định danh điện tử (90% người từ 14 tuổi) | Công an xã | | 20-6-2026 |",
    "| 2 | Kiện toàn các tổ CNSCĐ ở thôn, tổ dân phố | Phòng VHXH | | 31-3-2026 |",
    "| 3 | Đưa 12 sản phẩm OCOP của xã lên sàn TMĐT | Phòng Kinh tế | | 31.10.2026 |",
    "| 4 | Chỉnh lý biến động đất đai, đồng bộ lên hệ thống của tỉnh | Phòng Kinh tế | | 31/8/2026 |",
    "| 5 | Hoàn thành số hóa 70% sổ hộ tịch lưu trữ | Văn phòng HĐND và UBND | | 30/9/2026 |",
    "| 6 | Nâng tỷ lệ hồ sơ TTHC giải quyết trực tuyến toàn trình lên 60% | Trung tâm PVHCC | | 30/11/2026 |",
    "| 7 | Báo cáo kết quả năm gửi Sở KH&CN | Văn phòng HĐND và UBND | | 10/12/2026 |",
])
