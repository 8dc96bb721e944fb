"""Ukrainian and Russian: the same stages as English, with their own vocabulary.

A sentence written mostly in Cyrillic (:func:`geoevents.extract.rules.rules_for`) is read
with these modules instead of the English ones; each returns the same value types, so
the per-article driver (:mod:`geoevents.extract.article`), the claims model, fusion and
the outputs are shared by all three languages:

=======================  ==============================================  ===================
module                   reads                                           returns
=======================  ==============================================  ===================
``facts``                what a sentence says on its own, from           ``SentenceFacts``
                         ``detect`` (triggers, types), ``weapons``,
                         ``counts`` ("збито 37 з 42"), ``targets``
                         and the figures per clause
``casualties``           загинули/погибли, поранені/ранены, ...          ``Casualties``
``claims``               speakers (``claimants``: Генштаб ЗСУ,           ``SentenceClaims``
                         Повітряні сили, ОВА, губернатор, Міноборони
                         РФ ...), denials, "could not verify", clauses
``dates``                "у ніч на 28 липня", "в ночь на", weekdays      ``DateSpan``
``mentions``             declined place names (``toponyms``:             ``list[Mention]``
                         "у Харкові"; declension rules in
                         :mod:`gazetteer.inflect`), oblasts ("на
                         Харківщині", "Белгородской области"),
                         relations (``toponyms_relations``)
``attacker``             who struck ("російські ракети", "ВСУ            a side
                         обстреляли", "ворог" by the writer's language)
``numbers``              number words in every case, qualifiers          ``int``
=======================  ==============================================  ===================

Claimant names, weapon labels, target labels and event types are the English ones of
the English modules (``"Ukrainian Air Force"``, ``"Shahed"``, ``"apartment building"``),
so a Ukrainian post and an English wire story about the same strike fuse into one event.
"""
