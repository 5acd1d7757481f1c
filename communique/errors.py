"""CommuniqueError hierarchy: the errors a user sees, each saying what to do next."""

from __future__ import annotations

__all__ = ["CommuniqueError", "InputError", "ModelMissingError", "StoreError", "OptionalDependencyError"]


class CommuniqueError(Exception):
    """Base class of every error communique raises on purpose."""


class InputError(CommuniqueError):
    """An input path or record cannot be read."""


class ModelMissingError(CommuniqueError):
    """A spaCy model package is not installed."""

    def __init__(self, package: str) -> None:
        super().__init__(
            f"spaCy model {package!r} is not installed. Install it with: pip install {package.replace('_', '-')}"
        )


class StoreError(CommuniqueError):
    """The store cannot be opened or written."""


class OptionalDependencyError(CommuniqueError):
    """An optional extra is needed for this feature."""

    def __init__(self, feature: str, extra: str, module: str) -> None:
        super().__init__(
            f"{feature} needs the optional module {module!r}: pip install 'communique[{extra}]'"
        )
