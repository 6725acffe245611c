"""Help: what the assistant can do, for a request none of the other skills recognised."""

from __future__ import annotations

from ailab.offline.skills import Skill

HELP = (
    "Tôi là trợ lý ngoại tuyến của phòng thực hành, chạy ngay trên máy, không cần mạng. Tôi làm được: "
    "tóm tắt văn bản bạn dán vào (có thể giới hạn số từ); soạn phần nội dung giấy mời, công văn, thông báo "
    "từ các thông tin bạn đưa; nhận xét một bảng số liệu; phân loại văn bản vào các nhóm bạn nêu; "
    "trả lời câu hỏi dựa trên đoạn văn bạn cung cấp. Hãy ghi rõ nhiệm vụ ở dòng đầu, rồi dán nội dung "
    "ở các dòng sau."
)

SKILLS = (Skill("help", 1000, lambda p: True, lambda p: HELP),)
