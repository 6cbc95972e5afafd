"""Extraction pipeline for OCR'd Chinese newspaper pages (People's Daily style)."""

__version__ = "0.1.0"
