"""Shared value cleaners used by extractors and resolvers (dates, names, URLs, text)."""
