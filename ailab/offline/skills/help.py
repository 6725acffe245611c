"""Help: what the assistant can do, for a request none of the other skills recognised."""

from __future__ import annotations

from ailab.offline.skills import Skill

HELP = (
    "Tôi là trợ lý ngoại tuyến của phòng thực hành, chạy ngay trên máy, không cần mạng, nên chỉ làm được những "
    "việc sau: tóm tắt hoặc liệt kê ý chính của văn bản được dán vào (có thể giới hạn số từ); soạn phần nội dung "
    "giấy mời, thông báo, công văn, kế hoạch, báo cáo, tờ trình, quyết định từ các thông tin được đưa; nhận xét "
    "một bảng số liệu; phân loại văn bản, tin nhắn vào các nhóm được nêu; trả lời câu hỏi dựa trên đoạn văn được "
    "cung cấp; rà soát bản nháp (căn cứ đã hết hiệu lực, lặp từ, dấu thập phân); che thông tin cá nhân. Những "
    "việc cần hiểu biết rộng (đề xuất giải pháp, dịch, viết mới từ đầu) cần một mô hình AI thật."
)


SKILLS = (Skill("help", 1000, lambda p: True, lambda p: HELP),)
