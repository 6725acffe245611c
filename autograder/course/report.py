"""``course report``: grades workbook, completion rule, item analysis and charts."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry

from autograder.course.roster import Learner
from autograder.course.settings import CourseSettings, db_url
from autograder.course.status import FAILED, GRADED, MISSING, read_status
from autograder.course.workspace import load_roster, released_modules, reports_dir, status_path
from autograder.notebook.sandbox import LABELS, NONE, WARNING_NONE


@dataclass(frozen=True)
class ModuleResult:
    learner: str
    module: str
    status: str
    score: float
    max_score: float
    passed: bool
    isolation: str = ""


@dataclass(frozen=True)
class ItemStat:
    """How many graded submissions earned full marks on one automatically graded part."""

    module: str
    part: str
    max_score: float
    submissions: int
    full_marks: int

    @property
    def rate(self) -> float:
        return self.full_marks / self.submissions if self.submissions else 0.0


@dataclass
class Report:
    learners: list[Learner]
    modules: list[str]
    results: dict[tuple[str, str], ModuleResult]
    items: list[ItemStat]
    settings: CourseSettings
    files: list[Path] = field(default_factory=list)

    def passed_modules(self, learner: str) -> list[str]:
        return [m for m in self.modules if self.results[learner, m].passed]

    def completed(self, learner: str) -> bool:
        return completes(self.passed_modules(learner), self.settings)


def module_number(module: str) -> str:
    return module.split("_", 1)[0]


def completes(passed_modules: list[str], settings: CourseSettings) -> bool:
    """The completion rule: every mandatory module passed, plus enough electives."""
    numbers = {module_number(m) for m in passed_modules}
    mandatory = {str(m).zfill(2) for m in settings.mandatory}
    return mandatory <= numbers and len(numbers - mandatory) >= settings.electives_required


def rule_text(settings: CourseSettings) -> str:
    return (f"Hoàn thành khi đạt (≥ {settings.pass_ratio:.0%} số điểm) mọi học phần bắt buộc "
            f"({', '.join(settings.mandatory)}) và ít nhất {settings.electives_required} học phần tự chọn.")


def collect_results(course_dir: Path) -> Report:
    """Scores from the gradebook (automatic + manual), statuses from reports/status.csv."""
    course_dir = Path(course_dir)
    settings = CourseSettings.load(course_dir)
    learners = load_roster(course_dir)
    modules = released_modules(course_dir)
    path = status_path(course_dir)
    rows = {(r.learner, r.module): r for r in read_status(path)} if path.exists() else {}
    results, items = {}, {}
    with Gradebook(db_url(course_dir), settings.course_id) as gb:
        for module in modules:
            try:
                max_score = gb.find_assignment(module).max_score
            except MissingEntry:
                max_score = 0.0
            for learner in learners:
                try:
                    submission = gb.find_submission(module, learner.id)
                except MissingEntry:
                    submission = None
                row = rows.get((learner.id, module))
                status = row.status if row else (GRADED if submission else MISSING)
                # A submission that failed part-way keeps the points of the parts that ran.
                score = submission.score if submission is not None and status in (GRADED, FAILED) else 0.0
                passed = status != MISSING and max_score > 0 and score / max_score >= settings.pass_ratio
                results[learner.id, module] = ModuleResult(learner.id, module, status, score, max_score, passed,
                                                           row.isolation if row else "")
                if submission is None or status != GRADED:
                    continue
                for notebook in submission.notebooks:
                    for grade in notebook.grades:
                        if grade.cell.cell_type != "code" or grade.auto_score is None:
                            continue
                        key = (module, grade.name)
                        total, full, _ = items.get(key, (0, 0, grade.max_score))
                        items[key] = (total + 1, full + (grade.auto_score >= grade.max_score), grade.max_score)
    stats = [ItemStat(m, part, mx, n, full) for (m, part), (n, full, mx) in items.items()]
    return Report(learners, modules, results, stats, settings)


def write_charts(report: Report, folder: Path) -> list[Path]:
    """PNG charts with Vietnamese labels: mean score per module, pass rate per graded part."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    means = []
    for module in report.modules:
        rows = [r for (_, m), r in report.results.items() if m == module and r.status == GRADED and r.max_score]
        means.append(100 * sum(r.score / r.max_score for r in rows) / len(rows) if rows else 0)
    fig, ax = plt.subplots(figsize=(8, 4))
    ax.bar([module_number(m) for m in report.modules], means, color="#2b6cb0")
    ax.set_title("Điểm trung bình theo học phần (% điểm tối đa)")
    ax.set_xlabel("Học phần")
    ax.set_ylabel("% điểm")
    ax.set_ylim(0, 100)
    paths.append(folder / "diem_trung_binh.png")
    fig.tight_layout()
    fig.savefig(paths[-1], dpi=120)
    plt.close(fig)
    if report.items:
        labels = [f"{module_number(i.module)} · {i.part}" for i in report.items]
        fig, ax = plt.subplots(figsize=(8, max(3, 0.35 * len(labels))))
        ax.barh(labels, [100 * i.rate for i in report.items], color="#2f855a")
        ax.invert_yaxis()
        ax.set_xlim(0, 100)
        ax.set_title("Tỉ lệ học viên đạt trọn điểm từng phần")
        ax.set_xlabel("% học viên đạt")
        paths.append(folder / "ti_le_dat_tung_phan.png")
        fig.tight_layout()
        fig.savefig(paths[-1], dpi=120)
        plt.close(fig)
    return paths


def write_workbook(report: Report, path: Path, charts: list[Path]) -> Path:
    from openpyxl import Workbook
    from openpyxl.drawing.image import Image
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Bảng điểm"
    sheet.append(["Mã", "Họ tên", "Đơn vị", *report.modules, "Số học phần đạt", "Hoàn thành"])
    for learner in report.learners:
        scores = [report.results[learner.id, m] for m in report.modules]
        sheet.append([learner.id, learner.ho_ten, learner.don_vi,
                      *[r.score if r.status != MISSING else r.status for r in scores],
                      len(report.passed_modules(learner.id)), "Có" if report.completed(learner.id) else "Chưa"])
    items = book.create_sheet("Phân tích câu hỏi")
    items.append(["Học phần", "Phần chấm", "Điểm tối đa", "Số bài đã chấm", "Số bài đạt trọn điểm", "Tỉ lệ đạt"])
    for item in report.items:
        items.append([item.module, item.part, item.max_score, item.submissions, item.full_marks, round(item.rate, 3)])
        items.cell(items.max_row, 6).number_format = "0%"
    rule = book.create_sheet("Quy tắc")
    rule.append([rule_text(report.settings)])
    for chart_index, chart in enumerate(charts):
        rule.add_image(Image(str(chart)), f"A{3 + chart_index * 25}")
    for ws in book.worksheets:
        for cell in ws[1]:
            cell.font = Font(bold=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def build_report(course_dir: Path, gain_files: tuple[Path, Path] | None = None) -> Report:
    """Compute everything and write reports/grades.xlsx and reports/charts/*.png; with ``gain_files`` (the
    pre- and post-test answers) the workbook gets a "Tiến bộ" sheet too."""
    course_dir = Path(course_dir)
    report = collect_results(course_dir)
    charts = write_charts(report, reports_dir(course_dir) / "charts")
    report.files = [write_workbook(report, reports_dir(course_dir) / "grades.xlsx", charts), *charts]
    if gain_files:
        from autograder.course.gain import add_gain_sheet

        add_gain_sheet(report.files[0], *gain_files)
    return report


def summary_lines(report: Report) -> list[str]:
    """What the trainer reads in the terminal."""
    lines = [f"Lớp có {len(report.learners)} học viên, {len(report.modules)} học phần đã phát.", rule_text(report.settings)]
    for module in report.modules:
        rows = [report.results[learner.id, module] for learner in report.learners]
        graded = [r for r in rows if r.status == GRADED]
        lines.append(f"- {module}: {len(graded)} bài đã chấm, {sum(r.passed for r in rows)} đạt, "
                     f"{sum(r.status == MISSING for r in rows)} chưa nộp, {sum(r.status == FAILED for r in rows)} lỗi")
    isolations = {r.isolation for r in report.results.values() if r.isolation}
    if isolations:
        lines.append("Cách ly khi chấm: " + ", ".join(LABELS.get(i, i) for i in sorted(isolations)) + ".")
    if NONE in isolations:
        lines.append(WARNING_NONE)
    weakest = sorted(report.items, key=lambda item: item.rate)[:3]
    if weakest:
        lines.append("Phần khó nhất: " + "; ".join(f"{i.module} {i.part} ({i.rate:.0%} đạt)" for i in weakest))
    done = sum(report.completed(learner.id) for learner in report.learners)
    lines.append(f"Hoàn thành khóa học: {done}/{len(report.learners)} học viên.")
    lines += [f"Đã ghi: {path}" for path in report.files]
    return lines
