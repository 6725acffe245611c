"""A small client for the workshop hub (tests, load benchmark, trainer checks): log in, spawn, run code over websockets."""

from __future__ import annotations

import asyncio
import json
import time
import uuid

import requests
from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect


class HubClient:
    """Talks to a running hub at ``base`` with the workshop's service token."""

    def __init__(self, base: str, token: str):
        self.base = base.rstrip("/")
        self.headers = {"Authorization": f"token {token}"}

    def login(self, username: str, password: str) -> int:
        """The status of a browser-like login: 302 when let in, 403 when refused."""
        session = requests.Session()
        session.get(f"{self.base}/hub/login", timeout=30)
        response = session.post(f"{self.base}/hub/login", allow_redirects=False, timeout=30,
                                data={"username": username, "password": password, "_xsrf": session.cookies.get("_xsrf")})
        return response.status_code

    def spawn(self, user: str, timeout: float = 240) -> float:
        """Start a learner's lab and wait until it is ready; returns the seconds it took."""
        started = time.monotonic()
        requests.post(f"{self.base}/hub/api/users/{user}/server", headers=self.headers, timeout=60)
        while time.monotonic() - started < timeout:
            info = requests.get(f"{self.base}/hub/api/users/{user}", headers=self.headers, timeout=30).json()
            if info.get("servers", {}).get("", {}).get("ready"):
                return time.monotonic() - started
            time.sleep(0.5)
        raise TimeoutError(f"{user}'s lab did not start in {timeout} s")

    def contents(self, user: str, path: str = "") -> list[str]:
        response = requests.get(f"{self.base}/user/{user}/api/contents/{path}", headers=self.headers, timeout=30)
        response.raise_for_status()
        return sorted(item["name"] for item in response.json()["content"])

    def put_notebook(self, user: str, path: str, notebook: dict) -> None:
        response = requests.put(f"{self.base}/user/{user}/api/contents/{path}", headers=self.headers, timeout=30,
                                json={"type": "notebook", "format": "json", "content": notebook})
        response.raise_for_status()

    def start_kernel(self, user: str) -> str:
        response = requests.post(f"{self.base}/user/{user}/api/kernels", headers=self.headers, timeout=60,
                                 json={"name": "python3"})
        response.raise_for_status()
        return response.json()["id"]

    def run(self, user: str, code: str, kernel: str | None = None) -> str:
        """Run ``code`` in a kernel of the learner's lab; returns stdout and error names."""
        return asyncio.run(self.run_async(user, code, kernel or self.start_kernel(user)))

    async def run_async(self, user: str, code: str, kernel: str) -> str:
        url = f"{self.base.replace('http', 'ws', 1)}/user/{user}/api/kernels/{kernel}/channels"
        socket = await websocket_connect(HTTPRequest(url, headers=self.headers))
        message_id = uuid.uuid4().hex
        await socket.write_message(json.dumps({
            "header": {"msg_id": message_id, "msg_type": "execute_request", "username": user,
                       "session": uuid.uuid4().hex, "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell",
            "content": {"code": code, "silent": False, "store_history": False, "user_expressions": {},
                        "allow_stdin": False}}))
        output = []
        while True:
            message = json.loads(await socket.read_message())
            if message.get("parent_header", {}).get("msg_id") != message_id:
                continue
            kind = message["msg_type"]
            if kind == "stream":
                output.append(message["content"]["text"])
            elif kind == "error":
                output.append(f"{message['content']['ename']}: {message['content']['evalue']}")
            elif kind == "status" and message["content"]["execution_state"] == "idle":
                break
        socket.close()
        return "".join(output)
