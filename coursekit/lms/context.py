"""What an export gathers besides its XML: the files a package ships (pictures)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Context:
    """Shared by the items of one exported file: ``files`` maps a path in the package
    (Canvas's zip) to its bytes."""

    files: dict[str, bytes] = field(default_factory=dict)

    def add(self, path: str, data: bytes) -> str:
        """Ship ``data`` at ``path``; the path back."""
        self.files[path] = data
        return path
