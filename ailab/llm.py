"""Temporary stub; replaced by the real implementation."""


def ask(prompt, system=None, **params):
    return "[Trợ lý ngoại tuyến — bản thực hành, không phải ChatGPT]\n" + str(prompt)[:200]


def chat(messages, **params):
    return ask(messages[-1]["content"])


def current_provider():
    return "offline", "tro-ly-ngoai-tuyen"


def usage_summary():
    return ""
