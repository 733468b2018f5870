"""Leitstand: a control room for the digital landscape of small and mid-sized companies."""
