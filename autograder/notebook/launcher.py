"""Kernel command that asks the zygote for a forked kernel and stands in for it (standard library only).

    python -I -S launcher.py ZYGOTE_SOCKET BUNDLE -- python -m ipykernel_launcher -f CONNECTION_FILE ...

Jupyter's kernel manager starts this as if it were the kernel: interrupt and terminate signals are
passed on to the real kernel, and this process exits with the kernel's exit code. If it is killed,
the zygote sees the connection close and kills the kernel.
"""

import json
import os
import signal
import socket
import sys


def _forward(connection, signum):
    try:
        connection.sendall(json.dumps({"signal": signum}).encode() + b"\n")
    except OSError:
        os._exit(1)


def main(argv):
    address, bundle_path, separator, *command = argv
    if separator != "--" or "-f" not in command:
        sys.exit("usage: launcher.py ZYGOTE_SOCKET BUNDLE -- kernel command with -f CONNECTION_FILE")
    with open(command[command.index("-f") + 1], encoding="utf-8") as handle:
        connection_info = json.load(handle)
    with open(bundle_path, encoding="utf-8") as handle:
        files = json.load(handle)
    os.unlink(bundle_path)
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    connection.connect(address)
    request = {"argv": command, "connection": connection_info, "files": files}
    connection.sendall(json.dumps(request).encode() + b"\n")
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda number, frame: _forward(connection, number))
    buffer = b""
    while True:
        chunk = connection.recv(4096)
        if not chunk:
            os._exit(1)
        buffer += chunk
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            message = json.loads(line)
            if "exit" in message:
                code = message["exit"]
                os._exit(code if code >= 0 else 128 - code)


if __name__ == "__main__":
    main(sys.argv[1:])
