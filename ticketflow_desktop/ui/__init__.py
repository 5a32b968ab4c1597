"""The Qt user interface. Talks to services only through ui/tasks.py workers."""
