"""Generate the synthetic six-month socio-economic report of a fictional commune for module 03.

Deterministic (seeded). Writes:
- exercises/03_tom_tat_bao_cao/bao_cao_6_thang.txt  (exercise report: xã Vân Khê Thượng, tỉnh Đông Sơn)
- exercises/03_tom_tat_bao_cao/tom_tat_ai.txt        ("AI summary" with planted errors, numbered sentences)
- notebooks/data/03_bao_cao_mau.txt                  (lesson report: xã Sơn Thủy Hạ, another seed)

Both communes and the province are fictional; every figure is drawn at random inside the ranges of
docs/nguon_su_kien.md §2 and §5. Run from the repository root: python datasets/03_tom_tat_bao_cao/generate.py
"""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

from autograder.checks.numbers import format_vi, unsupported_numbers

ROOT = Path(__file__).resolve().parents[2]
EXERCISE_DIR = ROOT / "exercises" / "03_tom_tat_bao_cao"
LESSON_REPORT = ROOT / "notebooks" / "data" / "03_bao_cao_mau.txt"

# Sentences of the "AI summary" that hold an invented fact (no number to catch them: read the report).
INVENTED_SENTENCES = (4, 8)
# Sentences whose figure is real but belongs to another indicator (no number check catches them).
TRADED_SENTENCES = (5,)


def vi(value: float, decimals: int = 1) -> str:
    """Vietnamese number: 1234 -> "1.234", 85.1 -> "85,1", 76.0 -> "76" (as reports write it)."""
    text = format_vi(value, decimals)
    return text.rstrip("0").rstrip(",") if "," in text else text


def draw_figures(seed: int) -> dict:
    """All figures of one report, consistent with one another (totals, rates, products)."""
    rng = random.Random(seed)
    f: dict = {}
    f["lua_dien_tich"] = rng.randint(300, 450)
    f["lua_nang_suat"] = round(rng.uniform(60, 68), 1)
    f["lua_san_luong"] = round(f["lua_dien_tich"] * f["lua_nang_suat"] / 10, 1)
    f["rau_mau"] = rng.randint(40, 80)
    f["lon"] = rng.randint(3000, 6000)
    f["gia_cam"] = rng.randint(80, 170) * 1000
    f["tiem_phong"] = round(rng.uniform(92, 98), 1)
    f["ho_kinh_doanh"] = rng.randint(320, 520)
    f["ho_kinh_doanh_moi"] = rng.randint(12, 30)
    f["thu_ngan_sach"] = round(rng.uniform(9, 16), 2)
    f["thu_ngan_sach_pct"] = round(rng.uniform(60, 88), 1)
    f["chi_ngan_sach"] = round(rng.uniform(7, 12), 2)
    f["chi_ngan_sach_pct"] = round(rng.uniform(45, 55), 1)
    f["thu_nhap"] = round(rng.uniform(58, 66), 1)
    f["ntm_nang_cao"] = rng.choice([13, 14, 15])
    f["duong_km"] = round(rng.uniform(2, 5), 1)
    f["duong_von"] = round(rng.uniform(3, 7), 1)
    f["tranh_chap_dat"] = rng.randint(3, 8)
    f["vi_pham_xay_dung"] = rng.randint(4, 9)
    f["hoc_sinh"] = rng.randint(1800, 2600)
    f["len_lop"] = round(rng.uniform(98, 99.6), 1)
    f["tot_nghiep_thcs"] = round(rng.uniform(98.5, 99.9), 1)
    f["kham_benh"] = rng.randint(5200, 8200)
    f["bhyt"] = round(rng.uniform(91, 94.5), 1)
    f["viec_lam"] = rng.randint(200, 460)
    f["xuat_khau_ld"] = rng.randint(8, 25)
    f["qua_dao_tao"] = round(rng.uniform(70, 78.5), 1)
    f["tong_ho"] = rng.randint(3800, 5200)
    f["ho_ngheo"] = round(f["tong_ho"] * rng.uniform(0.009, 0.019))
    f["ho_ngheo_pct"] = round(f["ho_ngheo"] / f["tong_ho"] * 100, 2)
    f["ho_can_ngheo"] = round(f["tong_ho"] * rng.uniform(0.02, 0.035))
    f["bao_tro"] = rng.randint(380, 520)
    f["nha_dai_doan_ket"] = rng.randint(3, 7)
    f["nhap_ngu"] = rng.randint(14, 24)
    f["trom_cap"] = rng.randint(2, 5)
    f["tai_nan"] = rng.randint(1, 3)
    f["ho_so"] = rng.randint(2300, 3400)
    f["truc_tuyen"] = round(f["ho_so"] * rng.uniform(0.70, 0.84))
    f["truc_tuyen_pct"] = round(f["truc_tuyen"] / f["ho_so"] * 100, 1)
    f["dang_giai_quyet"] = rng.randint(25, 60)
    f["da_giai_quyet"] = f["ho_so"] - f["dang_giai_quyet"]
    f["tre_han"] = rng.randint(8, 30)
    f["dung_han"] = f["da_giai_quyet"] - f["tre_han"]
    f["dung_han_pct"] = round(f["dung_han"] / f["da_giai_quyet"] * 100, 1)
    f["tiep_cong_dan"] = rng.randint(30, 70)
    f["don_thu"] = rng.randint(10, 20)
    f["don_da_giai_quyet"] = f["don_thu"] - rng.randint(1, 3)
    f["don_pct"] = round(f["don_da_giai_quyet"] / f["don_thu"] * 100, 1)
    return f


def report_text(commune: str, number: str, f: dict) -> str:
    """The report: Phần thứ nhất (kết quả, tồn tại) and Phần thứ hai (nhiệm vụ 6 tháng cuối năm)."""
    return f"""ỦY BAN NHÂN DÂN
XÃ {commune.upper()}

Số: {number}/BC-UBND

{commune.title()}, ngày 20 tháng 6 năm 2026

BÁO CÁO
Kết quả thực hiện nhiệm vụ phát triển kinh tế – xã hội, quốc phòng – an ninh 6 tháng đầu năm
và nhiệm vụ, giải pháp trọng tâm 6 tháng cuối năm 2026

(Báo cáo mẫu dùng cho lớp tập huấn: xã {commune}, tỉnh Đông Sơn là đơn vị giả định, mọi số liệu là số liệu giả định.)

Thực hiện Nghị quyết của Hội đồng nhân dân xã về nhiệm vụ phát triển kinh tế – xã hội năm 2026 và Kế hoạch của Ủy ban nhân dân xã triển khai thực hiện, Ủy ban nhân dân xã {commune} báo cáo kết quả 6 tháng đầu năm và nhiệm vụ, giải pháp trọng tâm 6 tháng cuối năm 2026 như sau:

PHẦN THỨ NHẤT
KẾT QUẢ THỰC HIỆN NHIỆM VỤ 6 THÁNG ĐẦU NĂM 2026

I. LĨNH VỰC KINH TẾ

1. Sản xuất nông nghiệp

Vụ Đông Xuân, toàn xã gieo cấy {f["lua_dien_tich"]} ha lúa, đạt 100% kế hoạch. Nhờ chủ động nguồn nước tưới, làm tốt công tác phòng trừ sâu bệnh và đưa các giống lúa chất lượng cao vào sản xuất, năng suất lúa bình quân đạt {vi(f["lua_nang_suat"])} tạ/ha; sản lượng lúa ước đạt {vi(f["lua_san_luong"])} tấn. Diện tích rau màu các loại là {f["rau_mau"]} ha, chủ yếu là rau an toàn, ngô và lạc, tập trung ở các thôn ven sông. Một số hộ đã liên kết với hợp tác xã để bao tiêu sản phẩm, giúp giá bán ổn định hơn so với cùng kỳ.

Chăn nuôi phát triển ổn định, không để xảy ra dịch bệnh lớn. Tổng đàn lợn hiện có {vi(f["lon"], 0)} con, đàn gia cầm {vi(f["gia_cam"], 0)} con. Công tác tiêm phòng vụ xuân cho đàn gia súc, gia cầm đạt {vi(f["tiem_phong"])}% số con thuộc diện tiêm. Ủy ban nhân dân xã chỉ đạo các thôn tăng cường kiểm tra việc vận chuyển, giết mổ gia súc, gia cầm; hướng dẫn người chăn nuôi vệ sinh chuồng trại và phun thuốc khử trùng định kỳ.

Công tác thủy lợi được quan tâm: nạo vét các tuyến kênh mương nội đồng trước mùa mưa, kiểm tra các trạm bơm điện, bảo đảm đủ nước tưới cho sản xuất. Công tác phòng, chống thiên tai, tìm kiếm cứu nạn được triển khai từ đầu năm; Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn của xã đã được kiện toàn, phân công nhiệm vụ cụ thể cho từng thành viên.

2. Tiểu thủ công nghiệp, thương mại và dịch vụ

Hoạt động tiểu thủ công nghiệp, thương mại, dịch vụ tiếp tục phát triển. Toàn xã có {f["ho_kinh_doanh"]} hộ sản xuất, kinh doanh, trong đó {f["ho_kinh_doanh_moi"]} hộ mới thành lập trong 6 tháng đầu năm. Các ngành nghề chính gồm mộc dân dụng, may mặc, chế biến nông sản, sửa chữa cơ khí và buôn bán nhỏ. Chợ xã hoạt động ổn định, hàng hóa phong phú, bảo đảm nhu cầu của nhân dân, nhất là trong dịp Tết Nguyên đán. Ủy ban nhân dân xã phối hợp với các ngành kiểm tra vệ sinh an toàn thực phẩm, nhắc nhở các hộ kinh doanh niêm yết giá và không kinh doanh hàng không rõ nguồn gốc.

3. Tài chính – ngân sách

Tổng thu ngân sách nhà nước trên địa bàn 6 tháng đầu năm ước đạt {vi(f["thu_ngan_sach"], 2)} tỷ đồng, bằng {vi(f["thu_ngan_sach_pct"])}% dự toán được giao. Các khoản thu từ phí, lệ phí và thu từ hoạt động kinh doanh đạt khá; thu tiền sử dụng đất đạt thấp do thị trường bất động sản còn trầm lắng. Tổng chi ngân sách xã ước thực hiện {vi(f["chi_ngan_sach"], 2)} tỷ đồng, bằng {vi(f["chi_ngan_sach_pct"])}% dự toán, bảo đảm chi lương, phụ cấp, chi cho hoạt động của bộ máy và các nhiệm vụ chính trị của địa phương. Việc quản lý, sử dụng ngân sách đúng quy định, công khai theo quy định.

Thu nhập bình quân đầu người năm 2026 ước đạt {vi(f["thu_nhap"])} triệu đồng/người/năm.

4. Quản lý đất đai, xây dựng và môi trường

Công tác quản lý nhà nước về đất đai được tăng cường. Ủy ban nhân dân xã đã tổ chức hòa giải {f["tranh_chap_dat"]} vụ tranh chấp đất đai, trong đó hòa giải thành một số vụ, các vụ còn lại hướng dẫn người dân thực hiện theo quy định. Công tác quản lý trật tự xây dựng được duy trì; trong kỳ phát hiện {f["vi_pham_xay_dung"]} trường hợp xây dựng không đúng quy định, đã lập biên bản và yêu cầu khắc phục.

Công tác vệ sinh môi trường được duy trì; các thôn tổ chức ra quân làm sạch đường làng, ngõ xóm vào ngày chủ nhật cuối tháng. Việc thu gom rác thải sinh hoạt được thực hiện theo lịch, từng bước vận động người dân phân loại rác tại nguồn.

5. Xây dựng nông thôn mới

Xã tiếp tục duy trì và nâng cao chất lượng 19/19 tiêu chí xã nông thôn mới. Đến nay, xã đạt {f["ntm_nang_cao"]}/19 tiêu chí xã nông thôn mới nâng cao; các tiêu chí chưa đạt chủ yếu là thu nhập, môi trường và chuyển đổi số. Trong 6 tháng đầu năm, nhân dân hiến đất, góp công làm mới và nâng cấp {vi(f["duong_km"])} km đường giao thông nông thôn, với tổng kinh phí {vi(f["duong_von"])} tỷ đồng, trong đó nhân dân đóng góp một phần.

II. LĨNH VỰC VĂN HÓA – XÃ HỘI

1. Giáo dục và đào tạo

Các trường mầm non, tiểu học và trung học cơ sở trên địa bàn hoàn thành chương trình năm học 2025–2026. Tổng số học sinh của ba cấp học là {vi(f["hoc_sinh"], 0)} em. Tỷ lệ học sinh lên lớp đạt {vi(f["len_lop"])}%; tỷ lệ học sinh tốt nghiệp trung học cơ sở đạt {vi(f["tot_nghiep_thcs"])}%. Hội đồng giáo dục xã phối hợp với nhà trường vận động học sinh có hoàn cảnh khó khăn đến lớp, tổ chức các hoạt động hè an toàn cho học sinh.

2. Y tế và bảo hiểm y tế

Trạm Y tế xã thực hiện tốt công tác khám, chữa bệnh ban đầu cho nhân dân, đã khám cho {vi(f["kham_benh"], 0)} lượt người. Chương trình tiêm chủng mở rộng được duy trì đều đặn hằng tháng. Công tác phòng, chống dịch bệnh mùa hè, nhất là sốt xuất huyết và tay chân miệng, được triển khai chủ động. Tỷ lệ người dân tham gia bảo hiểm y tế đạt {vi(f["bhyt"])}% dân số.

3. Lao động, việc làm và đào tạo nghề

Trong 6 tháng đầu năm, xã đã giải quyết việc làm cho {f["viec_lam"]} lao động, trong đó có {f["xuat_khau_ld"]} người đi làm việc ở nước ngoài theo hợp đồng. Tỷ lệ lao động qua đào tạo đạt {vi(f["qua_dao_tao"])}%. Ủy ban nhân dân xã phối hợp tổ chức các phiên giao dịch việc làm, tư vấn học nghề cho thanh niên và lao động nông thôn.

4. Giảm nghèo và an sinh xã hội

Toàn xã có {vi(f["tong_ho"], 0)} hộ. Số hộ nghèo hiện còn {f["ho_ngheo"]} hộ, chiếm tỷ lệ {vi(f["ho_ngheo_pct"], 2)}%; số hộ cận nghèo là {f["ho_can_ngheo"]} hộ. Các chính sách hỗ trợ hộ nghèo, hộ cận nghèo về bảo hiểm y tế, giáo dục, vay vốn tín dụng ưu đãi được thực hiện đầy đủ, kịp thời. Xã chi trả trợ cấp xã hội hằng tháng cho {f["bao_tro"]} đối tượng bảo trợ xã hội, bảo đảm đúng đối tượng, đúng chế độ. Từ Quỹ "Vì người nghèo", xã hỗ trợ xây mới và sửa chữa {f["nha_dai_doan_ket"]} nhà đại đoàn kết cho hộ nghèo.

Dịp Tết Nguyên đán, xã tổ chức thăm, tặng quà các gia đình chính sách, người có công, hộ nghèo và đối tượng bảo trợ xã hội, bảo đảm mọi người dân đều được đón Tết vui tươi, an toàn.

5. Văn hóa, thông tin, thể dục thể thao

Các hoạt động văn hóa, văn nghệ, thể dục thể thao mừng Đảng, mừng Xuân được tổ chức sôi nổi. Phong trào "Toàn dân đoàn kết xây dựng đời sống văn hóa" tiếp tục được duy trì. Hệ thống loa truyền thanh xã, trang thông tin điện tử và nhóm Zalo của các thôn thường xuyên tuyên truyền các chủ trương, chính sách, nhất là về chính quyền địa phương hai cấp, dịch vụ công trực tuyến và phòng, chống lừa đảo trên không gian mạng.

III. LĨNH VỰC QUỐC PHÒNG – AN NINH

1. Quốc phòng

Ban Chỉ huy Quân sự xã duy trì nghiêm chế độ trực sẵn sàng chiến đấu. Xã hoàn thành công tác tuyển quân năm 2026 với {f["nhap_ngu"]} thanh niên lên đường nhập ngũ, đạt 100% chỉ tiêu. Công tác huấn luyện dân quân được tổ chức theo kế hoạch, bảo đảm an toàn tuyệt đối.

2. An ninh chính trị, trật tự an toàn xã hội

Tình hình an ninh chính trị trên địa bàn ổn định. Trong kỳ xảy ra {f["trom_cap"]} vụ trộm cắp tài sản; Công an xã đã tiếp nhận tin báo, kiểm tra, xác minh sơ bộ và chuyển hồ sơ đến Cơ quan Cảnh sát điều tra Công an tỉnh giải quyết theo thẩm quyền. Xảy ra {f["tai_nan"]} vụ tai nạn giao thông, không có người chết. Công an xã phối hợp với các thôn tuyên truyền cho người dân cảnh giác với các thủ đoạn giả danh công an, cán bộ xã gọi điện yêu cầu "cập nhật VNeID" hoặc cài ứng dụng lạ; khuyến cáo người dân chỉ cài ứng dụng VNeID từ kho ứng dụng chính thức và không cung cấp mã OTP cho bất kỳ ai.

IV. XÂY DỰNG CHÍNH QUYỀN, CẢI CÁCH HÀNH CHÍNH

1. Xây dựng chính quyền

Bộ máy chính quyền xã sau sắp xếp vận hành ổn định, thông suốt. Ủy ban nhân dân xã duy trì chế độ họp định kỳ, phân công nhiệm vụ cụ thể cho từng thành viên; Văn phòng Hội đồng nhân dân và Ủy ban nhân dân, Phòng Kinh tế, Phòng Văn hóa – Xã hội thực hiện tốt chức năng tham mưu. Đội ngũ cán bộ, công chức chấp hành tốt kỷ luật, kỷ cương hành chính.

2. Cải cách thủ tục hành chính

Trung tâm Phục vụ hành chính công xã đã tiếp nhận {vi(f["ho_so"], 0)} hồ sơ thủ tục hành chính, chủ yếu thuộc các lĩnh vực hộ tịch và chứng thực. Trong đó, số hồ sơ nộp trực tuyến là {vi(f["truc_tuyen"], 0)} hồ sơ, chiếm {vi(f["truc_tuyen_pct"])}%. Đã giải quyết {vi(f["da_giai_quyet"], 0)} hồ sơ, trong đó giải quyết đúng hạn và trước hạn {vi(f["dung_han"], 0)} hồ sơ, đạt {vi(f["dung_han_pct"])}%; trễ hạn {f["tre_han"]} hồ sơ; đang giải quyết {f["dang_giai_quyet"]} hồ sơ trong hạn. Ủy ban nhân dân xã đã có văn bản xin lỗi người dân đối với các hồ sơ trễ hạn.

Cán bộ Trung tâm hướng dẫn người dân nộp hồ sơ trực tuyến qua Cổng Dịch vụ công quốc gia và sử dụng tài khoản định danh điện tử VNeID. Tổ công nghệ số cộng đồng ở các thôn hỗ trợ người cao tuổi, người ít dùng điện thoại thông minh thực hiện dịch vụ công trực tuyến.

3. Tiếp công dân, giải quyết khiếu nại, tố cáo

Lãnh đạo Ủy ban nhân dân xã duy trì tiếp công dân định kỳ theo lịch; trong kỳ đã tiếp {f["tiep_cong_dan"]} lượt công dân. Xã đã tiếp nhận {f["don_thu"]} đơn kiến nghị, phản ánh, khiếu nại; đã giải quyết {f["don_da_giai_quyet"]} đơn, đạt {vi(f["don_pct"])}%; số đơn còn lại đang được xem xét, giải quyết trong thời hạn.

V. ĐÁNH GIÁ CHUNG

1. Kết quả đạt được

Sáu tháng đầu năm 2026, trong bối cảnh bộ máy chính quyền địa phương hai cấp mới đi vào hoạt động, với sự chỉ đạo sát sao của Đảng ủy, sự giám sát của Hội đồng nhân dân xã và sự nỗ lực của cả hệ thống chính trị, tình hình kinh tế – xã hội của xã tiếp tục ổn định và phát triển. Sản xuất nông nghiệp được mùa; thu ngân sách đạt khá; an sinh xã hội được bảo đảm; quốc phòng, an ninh được giữ vững; cải cách hành chính có chuyển biến tích cực.

2. Tồn tại, hạn chế

Bên cạnh kết quả đạt được, vẫn còn một số tồn tại, hạn chế:
– Thu tiền sử dụng đất đạt thấp so với dự toán, ảnh hưởng đến nguồn vốn đầu tư xây dựng.
– Vẫn còn {f["tre_han"]} hồ sơ thủ tục hành chính giải quyết trễ hạn; một số người dân, nhất là người cao tuổi, còn lúng túng khi nộp hồ sơ trực tuyến.
– Tỷ lệ người dân tham gia bảo hiểm y tế chưa đạt mục tiêu đề ra.
– Vi phạm trật tự xây dựng, lấn chiếm hành lang giao thông vẫn còn xảy ra ở một số thôn.
– Việc phân loại rác tại nguồn chưa trở thành thói quen của người dân.

3. Nguyên nhân của tồn tại, hạn chế

– Bộ máy mới sắp xếp, khối lượng công việc lớn, một số công chức mới nhận nhiệm vụ, chưa quen lĩnh vực phụ trách.
– Hạ tầng công nghệ thông tin còn thiếu, đường truyền có lúc chưa ổn định.
– Ý thức chấp hành pháp luật của một bộ phận người dân chưa cao; công tác tuyên truyền có lúc chưa sâu rộng.

PHẦN THỨ HAI
NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM 6 THÁNG CUỐI NĂM 2026

1. Tập trung chỉ đạo sản xuất vụ Mùa bảo đảm đúng khung thời vụ; chủ động phòng, chống thiên tai, dịch bệnh cây trồng, vật nuôi; phấn đấu hoàn thành kế hoạch sản xuất nông nghiệp cả năm.

2. Tăng cường các biện pháp thu ngân sách, nhất là thu tiền sử dụng đất; phấn đấu thu ngân sách cả năm đạt 100% dự toán trở lên; quản lý chi ngân sách chặt chẽ, tiết kiệm, đúng quy định.

3. Tiếp tục xây dựng xã nông thôn mới nâng cao; tập trung vào các tiêu chí chưa đạt về thu nhập, môi trường và chuyển đổi số.

4. Đẩy mạnh cải cách hành chính: phấn đấu tỷ lệ hồ sơ nộp trực tuyến đạt trên 80%, không để hồ sơ trễ hạn; tăng cường hướng dẫn người dân sử dụng dịch vụ công trực tuyến và tài khoản VNeID.

5. Vận động người dân tham gia bảo hiểm y tế, phấn đấu đạt tỷ lệ 95% dân số; thực hiện đầy đủ, kịp thời các chính sách an sinh xã hội, giảm nghèo bền vững.

6. Chuẩn bị tốt các điều kiện cho năm học mới 2026–2027; duy trì hoạt động của Trạm Y tế xã, phòng, chống dịch bệnh.

7. Giữ vững an ninh chính trị, trật tự an toàn xã hội; tiếp tục tuyên truyền phòng, chống lừa đảo trên không gian mạng; thực hiện tốt công tác quân sự địa phương.

8. Thực hiện tốt công tác tiếp công dân, giải quyết kịp thời đơn thư của công dân ngay từ cơ sở, không để phát sinh điểm nóng.

Trên đây là báo cáo kết quả thực hiện nhiệm vụ phát triển kinh tế – xã hội, quốc phòng – an ninh 6 tháng đầu năm và nhiệm vụ, giải pháp trọng tâm 6 tháng cuối năm 2026 của Ủy ban nhân dân xã {commune}./.

Nơi nhận:
– Thường trực Đảng ủy xã;
– Thường trực HĐND xã;
– Các thành viên UBND xã;
– Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
(đã ký)
"""


def ai_summary_text(commune: str, f: dict) -> tuple[str, list[int]]:
    """An "AI summary" of the report: nine numbered sentences, some wrong.

    Returns (text, sentences with a figure the report lacks). Sentence 5 holds a figure of the report beside
    the wrong indicator (TRADED_SENTENCES): only reading, or the indicator check, catches it.
    """
    wrong_budget = round(f["thu_ngan_sach_pct"] + 5, 1)
    wrong_jobs = f["viec_lam"] + 100
    sentences = [
        f"Sáu tháng đầu năm 2026, tình hình kinh tế – xã hội của xã {commune} ổn định và phát triển.",
        f"Tổng thu ngân sách nhà nước trên địa bàn ước đạt {vi(f['thu_ngan_sach'], 2)} tỷ đồng, "
        f"bằng {vi(wrong_budget)}% dự toán.",
        f"Vụ Đông Xuân gieo cấy {f['lua_dien_tich']} ha lúa, sản lượng ước đạt {vi(f['lua_san_luong'])} tấn.",
        "Xã đã được công nhận đạt chuẩn xã nông thôn mới nâng cao.",
        # A figure of the report traded to another indicator: the online-filing rate given as BHYT coverage.
        f"Tỷ lệ người dân tham gia bảo hiểm y tế đạt {vi(f['truc_tuyen_pct'])}%.",
        f"Xã đã giải quyết việc làm cho {wrong_jobs} lao động; tỷ lệ hộ nghèo còn {vi(f['ho_ngheo_pct'], 2)}%.",
        f"Trung tâm Phục vụ hành chính công xã tiếp nhận {vi(f['ho_so'], 0)} hồ sơ, "
        f"{vi(f['truc_tuyen_pct'])}% nộp trực tuyến.",
        "Tất cả hồ sơ thủ tục hành chính đều được giải quyết đúng hạn, không có hồ sơ trễ hạn.",
        "Sáu tháng cuối năm, xã phấn đấu thu ngân sách cả năm đạt 100% dự toán và tỷ lệ hồ sơ trực tuyến trên 80%.",
    ]
    text = "\n".join(f"{i}. {s}" for i, s in enumerate(sentences, start=1)) + "\n"
    return text, [2, 6]


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def main() -> None:
    exercise = draw_figures(seed=2026)
    report = nfc(report_text("Vân Khê Thượng", "118", exercise))
    summary, wrong = ai_summary_text("Vân Khê Thượng", exercise)
    for i, sentence in enumerate(nfc(summary).splitlines(), start=1):
        # The planted errors must be exactly where we say: wrong numbers caught, the rest backed by the report.
        assert bool(unsupported_numbers(sentence.split(". ", 1)[1], report)) == (i in wrong), sentence
    EXERCISE_DIR.mkdir(parents=True, exist_ok=True)
    (EXERCISE_DIR / "bao_cao_6_thang.txt").write_text(report, encoding="utf-8")
    (EXERCISE_DIR / "tom_tat_ai.txt").write_text(nfc(summary), encoding="utf-8")
    LESSON_REPORT.parent.mkdir(parents=True, exist_ok=True)
    LESSON_REPORT.write_text(nfc(report_text("Sơn Thủy Hạ", "96", draw_figures(seed=1507))), encoding="utf-8")


if __name__ == "__main__":
    main()
