"""Benchmarks (not tests): `python -m bench.service` and `python -m bench.gui`. See bench/README.md."""
