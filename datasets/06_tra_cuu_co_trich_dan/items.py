"""The prepared answers the learner judges (Câu 2) and the quotes the learner chooses from (Câu 3).

Labels: A right (the quote is verbatim and says what the answer says); B the quote is not verbatim in the
named source; C the quote is verbatim but from a passage that does not answer the question (the sources
answer it elsewhere); D the sources cannot answer the question, so the tool should have refused.
"""

from __future__ import annotations

THU_TUC = "thu_tuc_xa.md"

JUDGE_ITEMS = [
    {"label": "A", "question": "Nộp hồ sơ đăng ký khai sinh lúc 16 giờ thì khi nào nhận kết quả?",
     "answer": "Nếu không giải quyết được ngay, kết quả được trả trong ngày làm việc tiếp theo.",
     "source": THU_TUC,
     "quote": "trường hợp nhận hồ sơ sau 15 giờ mà không giải quyết được ngay thì trả kết quả trong ngày làm việc "
              "tiếp theo"},
    {"label": "A", "question": "Khi đóng dấu lên chữ ký thì dấu trùm lên bao nhiêu phần chữ ký?",
     "answer": "Dấu trùm lên khoảng 1/3 chữ ký, về phía bên trái.", "source": "ND30.md",
     "quote": "Khi đóng dấu lên chữ ký, dấu đóng phải trùm lên khoảng 1/3 chữ ký về phía bên trái."},
    {"label": "B", "question": "Lề trên và lề dưới của văn bản cách mép trang bao nhiêu?",
     "answer": "Lề trên và lề dưới cách mép 20 - 25 mm.", "source": "Phuluc1.md",
     "quote": "Lề trên và lề dưới cách mép trang từ 20 đến 25 mm."},
    {"label": "B", "question": "Đăng ký kết hôn mà cần xác minh điều kiện kết hôn thì giải quyết trong bao lâu?",
     "answer": "Không quá 10 ngày làm việc.", "source": THU_TUC,
     "quote": "trường hợp cần xác minh điều kiện kết hôn thì thời hạn giải quyết không quá 10 ngày làm việc"},
    {"label": "C", "question": "Văn bản đi phải được phát hành chậm nhất là khi nào?",
     "answer": "Chậm nhất là trong ngày làm việc tiếp theo.", "source": "ND30.md",
     "quote": "Văn bản phải được Văn thư cơ quan trình trong ngày, chậm nhất là trong ngày làm việc tiếp theo đến "
              "người có thẩm quyền chỉ đạo giải quyết"},
    {"label": "C", "question": "Đăng ký khai sinh kết hợp nhận cha, mẹ, con thì giải quyết trong bao lâu?",
     "answer": "Được giải quyết ngay trong ngày làm việc.", "source": THU_TUC,
     "quote": "Đăng ký khai sinh: hồ sơ được giải quyết ngay trong ngày làm việc"},
    {"label": "D", "question": "Lệ phí đăng ký kết hôn tại xã là bao nhiêu tiền?",
     "answer": "Lệ phí đăng ký kết hôn là 50.000 đồng.", "source": THU_TUC,
     "quote": "Đăng ký kết hôn: hồ sơ được giải quyết ngay trong ngày tiếp nhận"},
    {"label": "D", "question": "Người làm văn thư ở xã được hưởng phụ cấp bao nhiêu phần trăm lương?",
     "answer": "Người làm văn thư được phụ cấp 20% lương.", "source": "ND30.md",
     "quote": "Các cơ quan, tổ chức có trách nhiệm bố trí kinh phí cho công tác văn thư trong dự toán ngân sách nhà "
              "nước hàng năm."},
]

CHOICE_ITEMS = [
    {"question": "Tiêu ngữ được trình bày cỡ chữ bao nhiêu?",
     "right": ("Phuluc1.md", "Tiêu ngữ “Độc lập - Tự do - Hạnh phúc”: Được trình bày bằng chữ in thường, cỡ chữ từ "
                             "13 đến 14, kiểu chữ đứng, đậm"),
     "distractors": [
         ("Phuluc1.md", "Quốc hiệu “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM”: Được trình bày bằng chữ in hoa, cỡ chữ từ "
                        "12 đến 13, kiểu chữ đứng, đậm"),
         ("Phuluc1.md", "Quốc hiệu và Tiêu ngữ được trình bày tại ô số 1 Mục IV Phần I Phụ lục này."),
         ("Phuluc1.md", "Hai dòng chữ Quốc hiệu và Tiêu ngữ được trình bày cách nhau dòng đơn."),
     ]},
    {"question": "Yêu cầu chứng thực bản sao nhận sau 15 giờ thì khi nào trả kết quả?",
     "right": (THU_TUC, "Chứng thực bản sao từ bản chính: trả kết quả trong ngày tiếp nhận yêu cầu; trường hợp nhận "
                        "yêu cầu sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo."),
     "distractors": [
         (THU_TUC, "Đăng ký khai sinh: hồ sơ được giải quyết ngay trong ngày làm việc; trường hợp nhận hồ sơ sau 15 "
                   "giờ mà không giải quyết được ngay thì trả kết quả trong ngày làm việc tiếp theo."),
         (THU_TUC, "Người yêu cầu chứng thực mang theo bản chính để đối chiếu với bản sao cần chứng thực."),
         ("ND30.md", "Văn bản phải được Văn thư cơ quan trình trong ngày, chậm nhất là trong ngày làm việc tiếp "
                     "theo đến người có thẩm quyền chỉ đạo giải quyết"),
     ]},
    {"question": "Ký thừa lệnh thì ghi chữ viết tắt gì trước chức vụ của người đứng đầu?",
     "right": ("Phuluc1.md", "Trường hợp ký thừa lệnh thì phải ghi chữ viết tắt “TL.” vào trước chức vụ của người "
                             "đứng đầu cơ quan, tổ chức."),
     "distractors": [
         ("Phuluc1.md", "Trường hợp ký thay mặt tập thể thì phải ghi chữ viết tắt “TM.” vào trước tên tập thể lãnh "
                        "đạo hoặc tên cơ quan, tổ chức."),
         ("Phuluc1.md", "Trường hợp ký thừa uỷ quyền thì phải ghi chữ viết tắt “TUQ.” vào trước chức vụ của người "
                        "đứng đầu cơ quan, tổ chức."),
         ("Phuluc1.md", "Trường hợp được giao quyền cấp trưởng thì phải ghi chữ viết tắt “Q.” vào trước chức vụ của "
                        "người đứng đầu cơ quan, tổ chức."),
     ]},
    {"question": "Hồ sơ, tài liệu xây dựng cơ bản phải nộp lưu vào Lưu trữ cơ quan trong thời hạn bao lâu?",
     "right": ("ND30.md", "Đối với hồ sơ, tài liệu xây dựng cơ bản: Trong thời hạn 03 tháng kể từ ngày công trình "
                          "được quyết toán."),
     "distractors": [
         ("ND30.md", "Đối với hồ sơ, tài liệu khác: Trong thời hạn 01 năm kể từ ngày công việc kết thúc."),
         ("ND30.md", "Hồ sơ, tài liệu nộp lưu vào Lưu trữ cơ quan phải đủ thành phần, đúng thời hạn và thực hiện "
                     "theo trình tự, thủ tục quy định."),
         ("ND30.md", "Đơn vị và cá nhân trong cơ quan, tổ chức có trách nhiệm nộp lưu những hồ sơ, tài liệu được xác "
                     "định thời hạn bảo quản từ 05 năm trở lên vào Lưu trữ cơ quan."),
     ]},
]
