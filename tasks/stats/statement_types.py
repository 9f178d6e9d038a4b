"""What the statement reader produces and carries: a `Fact` (one figure read), the `Subject` a figure
is about, and the `Carry` that runs on from sentence to sentence."""

from __future__ import annotations

from dataclasses import dataclass, field

from tasks.stats.categories import Category
from tasks.stats.periods import Period


@dataclass(slots=True)
class Fact:
    """One figure read: its place in the sentence, category (code, sub), measure, metric and value."""

    pos: int
    end: int
    raw: str
    code: str
    sub: str
    measure: str
    metric: str                  # count | yoy_pct | pop_pct | '' (a change whose comparison is not set yet)
    value: float
    approx: bool
    period: Period | None = None  # a period the sentence ties to this figure (a list item, a prior figure)
    role: str = "main"           # main | prior | base
    compare: str = ""            # the words that set the metric
    cat_word: str = ""
    measure_word: str = ""
    base: Period | None = None   # the other side of the comparison, when the text names it


@dataclass(slots=True)
class Subject:
    """What a figure is about: the words, the category they name, and the measure their verb names."""

    raw: str
    cat: Category | None
    measure: str | None
    measure_word: str = ""
    blocked: bool = False        # a rate, a sum of money, a death toll: its changes are no facts
    persons: bool = False
    phrase: str = ""             # the words classified, when they differ from raw (绑架 → 绑架案件)


@dataclass
class Carry:
    """What runs on from sentence to sentence: the subject in force and the measure verb in force."""

    subject: Subject | None = None
    topic: Category | None = None     # the last named crime (养老诈骗犯罪 …抓获犯罪嫌疑人 → fraud)
    topic_raw: str = ""
    topic_newer: bool = False         # the last crime named is the topic, not the last subject
    measure: str | None = None
    measure_word: str = ""
    facts: list = field(default_factory=list)
    statements: list = field(default_factory=list)   # the last sentence's, for a 分别 list that pairs with them
    semi_topic: Category | None = None   # the crime a sentence ending in ； named last: its suspects follow
