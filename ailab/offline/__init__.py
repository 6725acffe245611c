"""The offline assistant: an OpenAI-compatible chat API answered on this machine, with no model and no network."""

from ailab.offline.api import chat_completion, chat_completion_chunks, list_models
from ailab.offline.engine import LABEL, MODEL_NAME, respond

__all__ = ["LABEL", "MODEL_NAME", "chat_completion", "chat_completion_chunks", "list_models", "respond"]
