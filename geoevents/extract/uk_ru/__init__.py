"""Ukrainian and Russian: the same stages as English, with their own vocabulary.

A sentence written mostly in Cyrillic (:func:`geoevents.extract.rules.rules_for`) is read
with these modules instead of the English ones; each returns the same value types, so
the per-article driver (:mod:`geoevents.extract.article`), the claims model, fusion and
the outputs are shared by all three languages:

=====================  ==============================================  ===========================
module                 reads                                           returns
=====================  ==============================================  ===========================
``facts``              triggers, weapons, interception counts,         ``SentenceFacts``
                       targets, figures per clause
``casualties``         загинули/погибли, поранені/ранены, ...          ``Casualties``
``claims``             Генштаб ЗСУ, Повітряні сили, ОВА, губернатор,   ``SentenceClaims``
                       Міноборони РФ ...; denials; clauses
``dates``              "у ніч на 28 липня", "в ночь на", weekdays      ``DateSpan``
``mentions``           declined place names ("у Харкові"), oblasts     ``list[Mention]``
                       ("на Харківщині", "Белгородской области")
=====================  ==============================================  ===========================

Claimant names, weapon labels, target labels and event types are the English ones of
the English modules (``"Ukrainian Air Force"``, ``"Shahed"``, ``"apartment building"``),
so a Ukrainian post and an English wire story about the same strike fuse into one event.
"""
