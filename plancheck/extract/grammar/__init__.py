"""The statement grammar, one room per statement kind (``extract.statements`` assembles them).

All of them read one paragraph's figures as ``extract.figures.scan`` tokenises them, and share
the reader's state and helpers (``reader``) and the cue words more than one kind waits for
(``cues``). A new wording goes in the module of the statement it makes:

* ``comparisons`` — growth, ratio, share of a total, density and sex ratio, a figure restated
  in another unit;
* ``structures`` — shares that make up a whole (listed, moving between years, contributions);
* ``parts`` — a whole and the parts stated with it, a total after its list;
* ``counts`` — a number of things and the list that names them.

Lists laid out one part to a paragraph are read by the same grammar (``extract.lists``).
"""
