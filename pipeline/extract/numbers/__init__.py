"""The numbers layer: every numeral expression in the text, as an exact ``Decimal`` with its kind.

One concern per module:

- :mod:`~pipeline.extract.numbers.numerals`: one numeral (digits and scales, Chinese,
  Arabic, traditional, financial, full-width) to its value;
- :mod:`~pipeline.extract.numbers.expressions`: one expression (signs, percent,
  per-mille, 成, 折, fractions, ranges of two digits, round figures) to value,
  bounds, kind and implied qualifier;
- :mod:`~pipeline.extract.numbers.finder`: every expression in running text, checked
  against the block's words;
- :mod:`~pipeline.extract.numbers.units`: the measure word, unit or currency next
  to a number, from the tables in ``pipeline/data/``.

Claims (:mod:`pipeline.extract.claims`) are built on these numbers.
"""

from pipeline.extract.numbers.expressions import Reading, implied_qualifier, parse_number, parse_pair, read_number
from pipeline.extract.numbers.finder import Number, find_numbers
from pipeline.extract.numbers.numerals import CN_NUMERAL_CHARS, parse_numeral, tidy

__all__ = [
    "CN_NUMERAL_CHARS",
    "Number",
    "Reading",
    "find_numbers",
    "implied_qualifier",
    "parse_number",
    "parse_numeral",
    "parse_pair",
    "read_number",
    "tidy",
]
