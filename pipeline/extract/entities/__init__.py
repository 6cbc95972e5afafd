"""Named entities in repaired newspaper text, by gazetteers and rules.

The package is split by concern, each module a family of rules over the block's
tokens (:mod:`pipeline.segment`) or its characters:

- ``lexicon``: what the rules know of words (jieba's dictionary, the gazetteers,
  surnames, titles, cues) and the named thresholds that read it;
- ``tokens``: the block's tokens as the rules see them, and rule tiers; ``marks``: which
  tokens each family of rules looks at, found in one pass;
- ``heads``: the head words that end organization, event, facility and law names;
- ``titles``: titles in 《》; ``translit``: transliterated names (with and without ·);
  ``japanese``: Japanese names; ``persons``: Chinese names, with ``name_shapes`` (whether a
  word reads as one), ``person_cues`` (the context that vouches for one), ``name_lists`` (names
  in 、-lists) and ``named_things`` (names that are a thing's); ``credits``: credit lines,
  bylines, author lines;
- ``places``: gazetteer places and organizations, datelines, jieba's place words, with
  ``gazetteer_words`` (the words a gazetteer name starts);
  ``settlements``, ``world``, ``sites``, ``damaged``: villages and streets, places abroad,
  heritage sites, place names OCR damaged; ``dictionary_names``: people known by one name and
  places the gazetteers lack, as a word dictionary lists them;
- ``organizations``: bodies, events and facilities by their head, with ``head_kinds`` (what
  kind of name a head word ends), ``org_edges`` (where a name stops, and bodies with no name)
  and ``org_extents`` (a body's unit, a place-led name); ``bodies``: whether the words before
  a head make a proper name or a kind of body; ``country_bodies``: a country's body after its
  one-character short name (以|农业部); ``dot_bodies``: a body named after a ·-name
  (约翰·霍普金斯大学);
- ``paragraph``: all candidates of one block and their resolution;
- ``document``: names a document vouches for, spread to its other mentions (``mentions``), and
  the names inside titles, events and nationalities.

Candidates come from several general rules, each a class of names rather than
a list of answers: titles in 《》, transliterated names joined by ``·``,
gazetteer places and organizations, organizations / events / facilities found
by their head word with the left edge grown over the name's modifiers, Chinese
names from a surname plus context (a title before, a cue after, a credit
line), and jieba's own ``nr``/``nrt``/``ns``/``nt`` tags where a filter
confirms them.  Overlaps resolve by rule tier, then by length.

>>> [(e.text, e.label) for e in find_entities("肯尼亚总统鲁托表示，点击一次按钮")]
[('肯尼亚', 'GPE'), ('鲁托', 'PERSON')]
>>> [(e.text, e.label) for e in find_entities("阿尔巴尼亚全球化研究所执行主任马塞拉·穆萨贝留表示")]
[('阿尔巴尼亚全球化研究所', 'ORG'), ('马塞拉·穆萨贝留', 'PERSON')]
>>> [(e.text, e.normalized) for e in find_entities("同阿盟发表声明")]
[('阿盟', '阿拉伯国家联盟')]
>>> [e.text for e in find_entities("本版责编：韩秉宸 张远南 李安琪")]
['韩秉宸', '张远南', '李安琪']
>>> [(e.text, e.label) for e in find_entities("中方提出《全球数据安全倡议》")]
[('全球数据安全倡议', 'WORK_OF_ART')]
>>> [(e.text, e.label) for e in find_entities("学习《中华人民共和国宪法》")]
[('中华人民共和国', 'GPE'), ('中华人民共和国宪法', 'LAW')]
>>> find_entities("")
[]
>>> find_entities("，，，")
[]
"""

from pipeline.extract.entities.document import find_document_entities, find_entities

__all__ = ["find_document_entities", "find_entities"]
