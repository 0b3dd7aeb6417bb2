"""capacitylib."""
