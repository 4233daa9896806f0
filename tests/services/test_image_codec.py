"""The image store works through the small ImageCodec protocol, not Qt itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from composer.domain.errors import ImageError
from composer.services.images import ImageStore

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x02\x00\x00\x00\x01\x08\x02\x00\x00\x00"
    b"\x00\x00\x00\x00\x00\x00\x00\x00IEND\xaeB`\x82"
)


class FakeCodec:
    """Decodes anything to a labelled "picture" of the size it is told."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def decode_sized(self, data: bytes, format: str, max_px: int | None, label: str):
        self.calls.append(f"decode {format} {max_px}")
        return (f"picture of {label}", 640, 480)

    def encode(self, image: object, format: str) -> bytes:
        self.calls.append(f"encode {format}")
        return f"{image} as {format}".encode()

    def other_format(self, data: bytes) -> str:
        return "bmp" if data.startswith(b"BM") else ""

    def read_file(self, path: Path):
        return path.read_bytes().decode() if path.is_file() else None


def test_attaching_stores_the_file_and_the_codecs_thumbnail(tmp_path: Path) -> None:
    codec = FakeCodec()
    store = ImageStore(tmp_path, codec)
    attachment = store.attach_bytes(PNG, "tiny.png")
    assert (attachment.format, attachment.width, attachment.height) == ("png", 640, 480)
    assert store.path_for(attachment.sha256, "png").read_bytes() == PNG
    assert store.thumbnail_path(attachment.sha256).read_bytes() == b"picture of tiny.png as png"
    assert store.thumbnail(attachment.sha256, "png") == "picture of tiny.png as png"
    assert codec.calls == ["decode png 192", "encode png"]


def test_a_format_the_codec_names_is_refused_by_name(tmp_path: Path) -> None:
    with pytest.raises(ImageError, match="BMP images are not supported"):
        ImageStore(tmp_path, FakeCodec()).attach_bytes(b"BM" + bytes(60), "scan.bmp")


def test_the_services_module_itself_loads_no_qt() -> None:
    import subprocess
    import sys

    code = (
        "import sys, composer.services.images as m; "
        "print(any(name.startswith('PySide6') for name in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
