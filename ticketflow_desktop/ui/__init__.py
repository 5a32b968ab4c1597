"""The Qt user interface. Talks to services only, and only through ui/ops.py (work off the GUI thread)."""
