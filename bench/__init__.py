"""Benchmarks: each bench_*.py module generates its own data, measures, and prints figures.

Run all with `make bench`, or one with `python -m bench inventory_pages`.
"""
