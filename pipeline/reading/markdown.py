"""Markdown as the text a reader of the rendered page sees.

The Markdown is rendered to HTML (CommonMark with tables; raw HTML inside it
passes through) and read like any page, so headings, emphasis, list markers,
link targets and stray tags such as `2<sup>nd</sup>` leave no marks in the
analysed text, while "| a | b |" tables keep their rows.
"""

from __future__ import annotations

import functools

from markdown_it import MarkdownIt

from pipeline.reading.html import html_text


@functools.cache
def _renderer() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table").enable("strikethrough")


def markdown_text(source: str) -> str:
    return html_text(_renderer().render(source))
