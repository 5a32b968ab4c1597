"""Packaging detail pyproject.toml cannot express: the repository's top-level `resources/` folder
ships inside the wheel as `ticketflow_desktop/resources/`, where `ui.resources.resource_path` looks
first (it falls back to the top-level folder when running from a source tree or an editable install)."""

from setuptools import find_namespace_packages, setup

setup(
    packages=[
        *find_namespace_packages(include=["ticketflow_desktop", "ticketflow_desktop.*"]),
        "ticketflow_desktop.resources",
    ],
    package_dir={"ticketflow_desktop.resources": "resources"},
)
