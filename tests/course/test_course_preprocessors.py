"""Our nbgrader preprocessors: output cap, NFC, hidden tests stripped from what learners see."""

from __future__ import annotations

from nbformat.v4 import new_code_cell, new_notebook, new_output

from autograder.course.preprocessors import CAPPED_NOTE, CapOutputSize, NormalizeUnicode, StripHiddenTests


def _cell_with(*outputs):
    return new_notebook(cells=[new_code_cell("print(1)", outputs=list(outputs))])


def test_one_huge_line_is_cut_to_the_character_budget():
    nb = _cell_with(new_output("stream", name="stdout", text="x" * 5_000_000),
                    new_output("stream", name="stdout", text="sau"))
    nb, resources = CapOutputSize(max_chars=1000)(nb, {})
    outputs = nb.cells[0].outputs
    assert len(outputs) == 1 and outputs[0].text == "x" * 1000 + CAPPED_NOTE
    assert resources["ailab_output_capped"]


def test_large_display_text_is_cut_and_small_output_untouched():
    big = new_output("execute_result", data={"text/plain": "y" * 3000}, execution_count=1)
    nb, _ = CapOutputSize(max_chars=100)(_cell_with(big), {})
    assert nb.cells[0].outputs[0].data["text/plain"].endswith(CAPPED_NOTE)
    nb, resources = CapOutputSize(max_chars=100)(_cell_with(new_output("stream", name="stdout", text="ok")), {})
    assert nb.cells[0].outputs[0].text == "ok" and "ailab_output_capped" not in resources


def test_sources_become_nfc():
    nb = new_notebook(cells=[new_code_cell('x = "U\u0309y ban"')])
    nb, _ = NormalizeUnicode()(nb, {})
    assert nb.cells[0].source == 'x = "Ủy ban"'


def test_hidden_assert_and_its_traceback_are_removed():
    cell = new_code_cell('assert a\n### BEGIN HIDDEN TESTS\nassert b == "bí mật"\n### END HIDDEN TESTS',
                         outputs=[new_output("error", ename="AssertionError", evalue="",
                                             traceback=['assert b == "bí mật"', "AssertionError"])])
    nb, _ = StripHiddenTests()(new_notebook(cells=[cell]), {})
    assert nb.cells[0].source == "assert a"
    assert nb.cells[0].outputs[0].traceback == ["AssertionError: "]


def test_kernel_environment_loses_keys_and_course_location():
    from autograder.notebook.limits import clean_environment

    env = {"PATH": "/usr/bin", "AILAB_API_KEY": "sk-x", "OPENAI_BASE_URL": "http://x", "GITHUB_TOKEN": "t",
           "PWD": "/lop/course", "LANG": "vi_VN.UTF-8", "AILAB_PROVIDER": "openai"}
    assert clean_environment(env) == {"PATH": "/usr/bin", "LANG": "vi_VN.UTF-8"}
