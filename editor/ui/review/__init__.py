"""Reviewing: approve/flag turns, the review bar and the marks panel."""
