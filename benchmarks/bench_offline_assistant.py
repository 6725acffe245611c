"""Offline-assistant latency through ``ask()`` (the openai SDK and the in-process transport), and the latency of
a record/replay cache hit. Goals: p95 ≤ 100 ms offline, ≤ 5 ms for a cache hit.

Run: python benchmarks/bench_offline_assistant.py [--rounds 20]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

TEXTS = sorted((Path(__file__).resolve().parents[1] / "tests" / "data" / "van_ban").glob("*.txt"))


def prompts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in TEXTS]
    out = []
    for text in texts:
        out += [f"Tóm tắt văn bản sau, tối đa 80 từ:\n\n{text}",
                f"Dựa vào văn bản sau, trả lời câu hỏi: Tỷ lệ hồ sơ trực tuyến là bao nhiêu?\n\n{text}"]
    out.append("Hãy nhận xét bảng số liệu sau:\n| Tháng | Hồ sơ |\n|---|---|\n| 7 | 210 |\n| 8 | 245 |\n| 9 | 260 |")
    out.append("Soạn nội dung giấy mời họp:\nThời gian: 8 giờ ngày 05/12/2026\nĐịa điểm: Hội trường xã")
    out.append("Phân loại tin nhắn sau vào một trong các nhóm: lừa đảo, an toàn.\n\nBấm link để nhận quà.")
    # Prose prompts the way officers write them (the course's 5-part prompts), and a review of a draft.
    out.append("Bạn là chuyên viên Văn phòng HĐND và UBND xã Tân Phú. Xã sẽ tổ chức hội nghị triển khai kế hoạch "
               "chuyển đổi số vào 14 giờ 00 ngày 12/3/2026 tại Hội trường Ủy ban nhân dân xã, thành phần là trưởng "
               "các thôn. Hãy soạn giấy mời. Yêu cầu: văn phong hành chính, không quá 150 từ.")
    out.append("Hãy kiểm tra dự thảo sau:\n\n" + texts[0][:1500])
    return out


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def measure(rounds: int) -> list[float]:
    from ailab import ask

    items = prompts()
    ask(items[0])  # build the client once, as a notebook does on its first question
    times = []
    for _ in range(rounds):
        for prompt in items:
            start = time.perf_counter()
            ask(prompt)
            times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20)
    rounds = parser.parse_args().rounds
    with tempfile.TemporaryDirectory() as home:
        os.chdir(home)
        os.environ.update(HOME=home, AILAB_CACHE_DIR=str(Path(home) / "cache"))
        for name in ("AILAB_PROVIDER", "AILAB_API_KEY", "OPENAI_API_KEY", "GEMINI_API_KEY", "AILAB_CACHE"):
            os.environ.pop(name, None)
        offline = measure(rounds)
        os.environ["AILAB_CACHE"] = "record"
        measure(1)
        os.environ["AILAB_CACHE"] = "replay"
        hits = measure(rounds)
    print(f"Trợ lý ngoại tuyến qua ask(): {len(offline)} lần hỏi, p50 {statistics.median(offline):.1f} ms, "
          f"p95 {percentile(offline, 0.95):.1f} ms (mục tiêu p95 ≤ 100 ms)")
    print(f"Câu trả lời ghi sẵn (replay): {len(hits)} lần hỏi, p50 {statistics.median(hits):.1f} ms, "
          f"p95 {percentile(hits, 0.95):.1f} ms (mục tiêu ≤ 5 ms)")


if __name__ == "__main__":
    main()
