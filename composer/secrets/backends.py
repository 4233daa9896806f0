"""Which keyring backends count as a secure store, and what to call them in the UI.

Classification goes by the backend's module (walking its class hierarchy), so nothing
here imports keyring or keyrings.alt. Only stores the operating system protects are
accepted; anything else, including third-party backends we do not know, is refused
rather than trusted with a credential.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from composer.secrets.errors import StoreProblem

SECRET_SERVICE = "Secret Service (GNOME Keyring / KWallet)"

# Module of a backend class (or one of its bases) -> where the user can find the secret.
_SECURE: dict[str, str] = {
    "keyring.backends.macOS": "macOS Keychain",
    "keyring.backends.Windows": "Windows Credential Manager",
    "keyring.backends.SecretService": SECRET_SERVICE,
    "keyring.backends.libsecret": SECRET_SERVICE,
    "keyring.backends.kwallet": "KDE Wallet (KWallet)",
    "composer.secrets.memory": "in-memory test store (nothing is saved)",
}

# Module prefix -> why it is refused (front ends word the code).
_INSECURE: tuple[tuple[str, StoreProblem], ...] = (
    ("keyring.backends.fail", StoreProblem.NO_BACKEND),
    ("keyring.backends.null", StoreProblem.SWITCHED_OFF),
    ("keyrings.alt.file", StoreProblem.FILE_STORE),
    ("keyrings.alt", StoreProblem.UNSAFE_STORE),
)

_CHAINER = "keyring.backends.chainer"


@dataclass(frozen=True, slots=True)
class BackendInfo:
    """What a backend is: usable for credentials or not, and a name for people; when
    refused, why (`problem`) and, for an unknown backend, its class (`backend`)."""

    secure: bool
    location: str
    problem: StoreProblem | None = None
    backend: str = ""


def classify(backend: Any) -> BackendInfo:
    """Say whether `backend` may hold credentials; a chainer counts if any member may."""
    if _module_of(backend) == _CHAINER:
        chosen = select(backend)
        if chosen is None:
            return BackendInfo(False, "", StoreProblem.NO_BACKEND)
        return classify(chosen)
    for cls in type(backend).__mro__:
        module = cls.__module__
        if module in _SECURE:
            return BackendInfo(True, _SECURE[module])
        for prefix, reason in _INSECURE:
            if module == prefix or module.startswith(prefix + "."):
                return BackendInfo(False, "", reason)
    name = f"{type(backend).__module__}.{type(backend).__qualname__}"
    return BackendInfo(False, "", StoreProblem.UNKNOWN_BACKEND, name)


def select(backend: Any) -> Any | None:
    """The backend to use: itself, or for a chainer its highest-priority secure member.

    A chainer writes to its first member, which could be a plaintext file that outranks
    the system store; picking the secure member ourselves keeps writes where they belong.
    """
    if _module_of(backend) != _CHAINER:
        return backend if classify(backend).secure else None
    for member in getattr(backend, "backends", ()):
        if _module_of(member) != _CHAINER and classify(member).secure:
            return member
    return None


def _module_of(backend: Any) -> str:
    return type(backend).__module__
