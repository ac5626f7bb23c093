"""Benchmarks: a synthetic news corpus, index builds, and search speed over HTTP against its floors."""
