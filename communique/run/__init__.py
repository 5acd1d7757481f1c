"""Runners: move records between the same stage functions (local by default; Ray as an extra)."""
