"""communique: who met whom, when, where — events from press releases in Arabic, French and English."""

from __future__ import annotations

from .config import Settings
from .errors import CommuniqueError
from .pipeline import Pipeline, Resources, load_resources
from .records import Document, Entity, Event, Extraction, Mention, RawDocument, Rejected

__all__ = [
    "Settings", "CommuniqueError", "Pipeline", "Resources", "load_resources",
    "Document", "Entity", "Event", "Extraction", "Mention", "RawDocument", "Rejected",
]
__version__ = "0.1.0"
