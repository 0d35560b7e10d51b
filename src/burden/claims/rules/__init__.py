"""One reader per claim type, run in this order (earlier rules take the quantities they explain); measures/ judges
what they read."""

from __future__ import annotations

import functools

from ..gates import Several
from .accession import AccessionRule
from .ally_pct import AllyPctRule
from .base import Rule
from .category import CategoryRule
from .comparison import ComparisonRule
from .count_threshold import CountThresholdRule
from .member_count import MemberCountRule
from .misconception import MisconceptionRule
from .net import NetRule
from .norm_level import NormLevelRule
from .pledge import PledgeRule
from .proposal import ProposalRule
from .rank import RankRule
from .real_change import RealChangeRule
from .set_threshold import SetThresholdRule
from .share import ShareRule
from .spending import SpendingRule
from .summit import SummitRule
from .table import TableRule

RULES: list[Rule] = [
    TableRule(),  # first: a pasted table's rows are read by column, and their figures are no other rule's
    MisconceptionRule(), ProposalRule(), PledgeRule(), SummitRule(), MemberCountRule(), AccessionRule(),
    CategoryRule(), ShareRule(), ComparisonRule(), RankRule(), RealChangeRule(), SetThresholdRule(),
    CountThresholdRule(), SpendingRule(),
    AllyPctRule(),
    NetRule(),  # the recall net reads only the percent figures no other rule took
    NormLevelRule(),  # last: a pledge's level named as the norm, in a sentence no rule read anything from
]


@functools.lru_cache(maxsize=4)
def dispatcher(rules: tuple[Rule, ...]) -> Several:
    """claims.iter_claims asks it which of `rules` (RULES, in order) a sentence meets the needs of: its words are
    looked up once for all of them (claims.gates.Several)."""
    return Several(list(rules))
# words that can start a claim without any number or entity (targets, myths, ranks ...)
GATES = frozenset("target guideline goal owe owes owed debt arrears delinquent dues fee treaty legally binding mandatory compulsory "
                  "obligatory highest lowest top tops closest biggest largest every none most majority double twice real surpassed "
                  "surpass surpasses outpace outpaces outpaced outstrip outstrips outstripped trail "
                  "joined accession summit hague vilnius wales pledge trump equipment personnel infrastructure".split())

__all__ = ["GATES", "RULES", "Rule", "dispatcher"]
