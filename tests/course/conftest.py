"""Shared course fixtures: one class graded once, full of broken and hostile submissions."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import socket
import zipfile
from pathlib import Path

import pytest
from bad_submissions import (
    NOTEBOOK_BREAKERS,
    TINY_NAME,
    hostile,
    make_tiny_exercise,
    solved_release,
    write_zip_slip,
)

from ailab.cli import main as ailab_main
from autograder.course.collect import collect
from autograder.course.settings import CourseSettings
from autograder.course.workspace import expected_notebooks, init_course, release_modules

NB = f"{TINY_NAME}.ipynb"
GOOD = ["hv_tot", "hv_tot2"]
SECRET = "bi_mat_cua_hv_tot_7f3a"  # in a good learner's answer: no hostile output may contain it
PREFLIGHT = {"hv_json": b'{"cells": [', "hv_rong": b""}
HOSTILE = {"hv_xoa_so_diem": hostile.search_and_delete, "hv_doc_bai_ban": hostile.read_other_answers,
           "hv_mang": hostile.network, "hv_ghi_ra_ngoai": hostile.write_outside, "hv_bom_tien_trinh": hostile.fork_bomb}
LEARNERS = (GOOD + list(PREFLIGHT) + [f"hv_{k}" for k in NOTEBOOK_BREAKERS] + list(HOSTILE)
            + ["hv_vang", "hv_saiten"])


def digests(folder: Path) -> dict[str, str]:
    """sha256 of every file under ``folder`` (to prove grading changed nothing)."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


_digests = digests


def _with_secret(nb: dict) -> dict:
    nb = json.loads(json.dumps(nb))
    for cell in nb["cells"]:
        if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") == "answer_co_quan":
            cell["source"] = f"# {SECRET}\n" + (cell["source"] if isinstance(cell["source"], str)
                                               else "".join(cell["source"]))
    return nb


def _hostile(course: Path, solved: dict, port: int) -> dict[str, dict]:
    built = {}
    for learner, attack in HOSTILE.items():
        nb = json.loads(json.dumps(solved))
        built[learner] = attack(nb, str(course), port) if attack is hostile.network else attack(nb, str(course))
    return built


@pytest.fixture(scope="session")
def graded_class(tmp_path_factory):
    root = tmp_path_factory.mktemp("lop")
    make_tiny_exercise(root / "exercises")
    course = root / "course"
    course.mkdir()
    CourseSettings(cell_timeout=5, notebook_timeout=40, memory_limit_mb=1024, max_output_chars=20_000).save(course)
    roster = root / "roster.csv"
    rows = "".join(f"{x},Học Viên {i},Xã {i},\n" for i, x in enumerate(LEARNERS))
    roster.write_bytes(("id,ho_ten,don_vi,email\n" + rows).encode("utf-8-sig"))
    init_course(course, root / "exercises", roster)
    release_modules(course, [TINY_NAME])

    solved = solved_release(course / "release" / TINY_NAME / NB, course / "source" / TINY_NAME / NB)
    inbox = root / "inbox"
    listener = socket.create_server(("127.0.0.1", 0))
    listener.setblocking(False)
    for learner, nb in [*[(g, solved) for g in GOOD], *_hostile(course, solved, listener.getsockname()[1]).items()]:
        if learner == GOOD[0]:
            nb = _with_secret(nb)
        (inbox / learner / TINY_NAME).mkdir(parents=True)
        (inbox / learner / TINY_NAME / NB).write_text(json.dumps(nb), encoding="utf-8")
    for learner, payload in PREFLIGHT.items():
        (inbox / f"{learner}_{NB}").write_bytes(payload)
    (inbox / f"hv_saiten_{TINY_NAME}_final.ipynb").write_text(json.dumps(solved), encoding="utf-8")
    (inbox / f"nguoi_la_{NB}").write_text(json.dumps(solved), encoding="utf-8")
    archive = root / "nop_bai.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for kind, breaker in NOTEBOOK_BREAKERS.items():
            zf.writestr(f"bai_nop/hv_{kind}/{TINY_NAME}/{NB}", json.dumps(breaker(json.loads(json.dumps(solved)))))
    slip = write_zip_slip(root / "slip.zip", "hv_vang", NB, json.dumps(solved).encode())
    learners = set(LEARNERS)
    notebooks = {name: TINY_NAME for name in expected_notebooks(course, TINY_NAME)}
    notes = collect(course, inbox, learners, notebooks) + collect(course, archive, learners, notebooks)
    notes += collect(course, slip, learners, notebooks)
    submitted_before = _digests(course / "submitted")
    os.environ["AILAB_TEST_SECRET_KEY"] = "bi-mat"  # must not reach learner code
    try:
        exit_code = ailab_main(["course", "grade", str(course), "--workers", "2"])
    finally:
        del os.environ["AILAB_TEST_SECRET_KEY"]
    with open(course / "reports" / "status.csv", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames
        status = {row["learner"]: row for row in reader}
    try:
        listener.accept()
        reached = True
    except BlockingIOError:
        reached = False
    finally:
        listener.close()
    return {"root": root, "course": course, "notes": notes, "exit": exit_code, "status": status, "header": header,
            "submitted_before": submitted_before, "network_reached": reached}


