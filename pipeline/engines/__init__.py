"""Engines that run `pipeline.process.extract_rows` past one process."""
