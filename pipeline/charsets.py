"""Character classes shared by the repair rules."""

#: Chinese (full-width) punctuation as People's Daily prints it.
CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】…—·「」『』％～①②③④⑤⑥⑦⑧⑨⑩●○■□◆◇▲△★☆"
#: punctuation that ends a sentence; a block ending in one of these is complete
#: (a straight quote at the end of a block closes a quotation; a dash leads in to
#: what follows, ———编者 signs off).
TERMINAL = "。！？…”’」』）：；—\"'"
HAN = r"\p{Han}"
#: a Chinese-context character: Han or Chinese punctuation.
CJK = rf"[{HAN}{CJK_PUNCT}]"
