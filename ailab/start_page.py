"""The start page of the learner workspace ("Bắt đầu ở đây"): a Markdown file the lab shows rendered.

It is rebuilt from the curriculum registry and the progress record each time the lab starts and after
each self-check. Being Markdown, it opens instantly, starts no kernel and opening it changes nothing.
"""

from __future__ import annotations

from pathlib import Path

from ailab import curriculum
from ailab.progress import ModuleProgress

TITLE = "Bắt đầu ở đây"

INTRO = """# Bắt đầu ở đây — Phòng thực hành AI cho cán bộ, công chức cấp xã

Đây là nơi bạn **tự tay** thực hành dùng trợ lý AI (ChatGPT, Gemini, mô hình chạy nội bộ…) trong công việc
hằng ngày: soạn văn bản hành chính, tóm tắt báo cáo, phân tích số liệu — và dùng **an toàn**. Mỗi học phần
có một **bài giảng** (thư mục `bai_giang`) và một **bài tập** (thư mục `bai_tap`). Bài tập được máy chấm
tự động và có nhận xét bằng tiếng Việt.

Mọi tệp bạn thấy ở cột bên trái là của bạn: cứ mở, thử, sửa thoải mái. Khi có bản bài học mới, bài của bạn
vẫn được giữ nguyên; bản mới được đặt bên cạnh với chữ `(ban_moi)` trong tên tệp."""

RUN_A_CELL = """## Cách chạy một ô

Một notebook gồm nhiều **ô**: ô chữ để đọc, ô mã (có chữ `In [ ]` bên trái) để chạy.

1. Bấm chuột vào ô mã.
2. Bấm nút **▶** trên thanh công cụ phía trên notebook, **hoặc** nhấn **Shift + Enter** trên bàn phím.
3. Kết quả hiện ngay dưới ô. Khi ô đang chạy, bên trái ô có dấu `[*]`; chạy xong, dấu sao thành một con số.

Muốn chạy cả bài từ đầu: mở menu **Chạy** ở trên cùng và chọn chạy tất cả các ô. Nếu một ô báo lỗi, dòng
đầu tiên màu đỏ ghi bằng tiếng Việt lỗi gì và cách sửa."""

ASK_AI = """## Hỏi AI

Trong bất kỳ ô mã nào, viết rồi chạy:

```python
from ailab import ask
ask("Tóm tắt văn bản sau, tối đa 80 từ:\\n\\n" + van_ban)
```

Khi chưa cấu hình gì, **trợ lý ngoại tuyến** trả lời ngay trên máy, không cần mạng. Mỗi câu trả lời ghi rõ
là câu trả lời luyện tập, không phải ChatGPT. Dưới mỗi câu trả lời có dòng cho biết AI nào đã trả lời.

**Chuyển sang AI thật** (cần mạng và khóa API do cơ quan hoặc giảng viên cấp): tạo một tệp văn bản tên
`.env` trong thư mục phòng thực hành này (menu **Tệp** → tạo tệp văn bản mới, dán nội dung, lưu với tên
`.env`), ví dụ:

```ini
AILAB_PROVIDER=openai
AILAB_API_KEY=khoa-cua-ban
AILAB_MODEL=gpt-4o-mini
```

rồi khởi động lại nhân (menu **Nhân** → khởi động lại). Không bao giờ gửi tệp `.env` cho người khác."""

SELF_CHECK = """## Tự kiểm tra và nộp bài

- **Tự kiểm tra:** ở đầu và cuối mỗi bài tập có nút **Tự kiểm tra bài làm**. Lưu bài (Ctrl+S), chạy ô có nút
  rồi bấm nút. Máy chỉ chạy các bài kiểm tra công khai cho những câu bạn đã làm; câu chưa làm được ghi là
  chưa làm. Máy không kiểm tra được bài kiểm tra ẩn và phần giảng viên chấm, nên điểm chính thức có thể khác.
  Cũng có thể tự kiểm tra trong cửa sổ lệnh: `ailab check bai_tap/01_lam_quen/01_lam_quen.ipynb`.
- **Nộp bài:** lưu bài, rồi gửi **tệp bài tập** (ví dụ `bai_tap/01_lam_quen/01_lam_quen.ipynb`) cho giảng
  viên theo cách giảng viên hướng dẫn (Zalo, thư điện tử, USB). Để lấy tệp: bấm chuột phải vào tệp ở cột bên
  trái và chọn **Tải xuống**. Khi học trên máy chủ của lớp tập huấn, bấm nút **Nộp bài** cạnh nút tự kiểm
  tra, hoặc mở cửa sổ lệnh (ô **Phiên điều khiển** trong Trình khởi chạy) và gõ lệnh có tên tệp bài tập, ví dụ
  `ailab nop bai_tap/01_lam_quen/01_lam_quen.ipynb`.
- **Xem phản hồi:** khi giảng viên đã chấm, trên máy chủ của lớp gõ `ailab phan-hoi` trong cửa sổ lệnh; trang
  phản hồi (điểm, nhận xét) được lưu vào thư mục `phan_hoi`. Học trên máy riêng thì giảng viên gửi tệp cho bạn."""

HELP = """## Khi cần giúp đỡ

- Đọc dòng tiếng Việt đầu tiên của thông báo lỗi: nó nói lỗi gì và cách sửa.
- Hỏi giảng viên hoặc người hỗ trợ của lớp. Nên chụp màn hình cả ô bị lỗi khi hỏi.
- Kiểm tra máy và cấu hình AI: gõ `ailab doctor` trong cửa sổ lệnh; lệnh chỉ cách sửa từng lỗi.
- Lỡ làm hỏng một bài? Đổi tên tệp đó (ví dụ thêm `_cu`), rồi mở lại phòng thực hành: bản gốc được chép lại."""


def _module_row(module: curriculum.Module, folder: Path) -> str:
    lesson = Path("bai_giang") / f"{module.slug}.ipynb"
    exercise = Path("bai_tap") / module.slug / f"{module.slug}.ipynb"
    links = []
    if (folder / lesson).is_file():
        links.append(f"[bài giảng]({lesson.as_posix()})")
    if (folder / exercise).is_file():
        links.append(f"[bài tập]({exercise.as_posix()})")
    if links:
        where = " · ".join(links)
    elif module.built and module.audience == "trainer":
        where = "dành cho giảng viên nguồn: mở bằng `ailab lab --giang-vien`"
    else:
        where = "có trong khóa học" if module.built else "đang xây dựng"
    return f"| {module.code} | {module.title} | {module.kind_vi} | {where} |"


def modules_markdown(folder: Path) -> str:
    """The table of the 19 modules: number, title, mandatory or elective, links or status."""
    rule = curriculum.completion()
    rows = "\n".join(_module_row(m, folder) for m in curriculum.modules())
    return (f"## Các học phần\n\nKhóa học có {len(curriculum.modules())} học phần. Hoàn thành "
            f"{rule.mandatory} học phần bắt buộc và ít nhất {rule.electives} học phần tự chọn để được cấp "
            "giấy chứng nhận. Nên học theo thứ tự: đọc bài giảng trước, rồi làm bài tập.\n\n"
            "| số | học phần | loại | mở |\n|---|---|---|---|\n" + rows)


def progress_markdown(progress: dict[str, ModuleProgress]) -> str:
    """The learner's self-check results, one line per module with an exercise checked at least once."""
    if not progress:
        return ("## Tiến độ của bạn\n\nBạn chưa tự kiểm tra bài tập nào. Sau mỗi lần bấm nút **Tự kiểm tra "
                "bài làm**, kết quả được ghi ở đây.")
    lines = []
    for code in sorted(progress):
        item = progress[code]
        try:
            title = curriculum.module(code).title
        except KeyError:
            title = item.notebook
        mark = "✔ đạt hết các bài kiểm tra công khai" if item.complete else f"đạt {item.passed}/{item.total} phần"
        lines.append(f"| {code} | {title} | {mark} | {item.checked_at} |")
    return ("## Tiến độ của bạn\n\nKết quả lần tự kiểm tra gần nhất (chỉ các bài kiểm tra công khai):\n\n"
            "| số | học phần | kết quả | lúc |\n|---|---|---|---|\n" + "\n".join(lines))


def phone_markdown(base_url: str) -> str:
    single = f"{base_url.rstrip('/')}/doc/workspaces/dien-thoai/tree/00_bat_dau_o_day.md"
    return ("## Học trên điện thoại hoặc màn hình nhỏ\n\n"
            f"Mở [giao diện một notebook]({single}): mỗi lần chỉ hiện một notebook, chữ to, dễ đọc. "
            "Cột tệp bên trái có thể ẩn hoặc hiện bằng biểu tượng thư mục ở cạnh trái màn hình.")


def start_page_markdown(folder: Path, progress: dict[str, ModuleProgress], notes: list[str],
                        base_url: str = "/") -> str:
    """The start page's Markdown text."""
    news = ["## Có gì mới\n\n" + "\n".join(f"- {line}" for line in notes)] if notes else []
    texts = [INTRO, *news, modules_markdown(Path(folder)), progress_markdown(progress), RUN_A_CELL, ASK_AI,
             SELF_CHECK, HELP, phone_markdown(base_url)]
    return "\n\n".join(texts) + "\n"
