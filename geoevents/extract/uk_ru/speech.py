"""A Ukrainian or Russian sentence whose speaker is an earlier claimant ("за його словами",
"повідомив він", "по его словам", "добавил он"): the figures are that claimant's.

>>> refers_back("За його словами, поранені ще троє людей.")
True
>>> refers_back("Ещё двое получили ранения, добавил он.")
True
>>> refers_back("У відомстві уточнили, що загиблих немає.")
True
>>> refers_back("Троє людей загинули.")
False
"""

from __future__ import annotations

import re

_SAY = (
    r"(?:повідоми\w*|заяви\w*|додав\w*|додала|додали|уточни\w*|зазначи\w*|сказа\w*|написа\w*"
    r"|сообщи\w*|заяви\w*|добави\w*|уточни\w*|отмети\w*|сказа\w*|написа\w*|подчеркну\w*)"
)
_ANAPHORA = re.compile(
    r"\b(?:за\s+(?:його|її|їхніми|їх)\s+(?:словами|даними)|по\s+(?:его|ее|её|их)\s+(?:словам|данным)"
    r"|у\s+відомстві|в\s+ведомстве|у\s+(?:ОВА|адміністрації|міністерстві)|в\s+(?:министерстве|штабе))\b"
    rf"|\b{_SAY}\s+(?:він|вона|вони|он|она|они)\b|\b(?:він|вона|вони|он|она|они)\s+(?:також\s+|также\s+)?{_SAY}",
    re.IGNORECASE,
)


def refers_back(sentence: str) -> bool:
    """True when the sentence's speaker is the last claimant named."""
    return _ANAPHORA.search(sentence) is not None
