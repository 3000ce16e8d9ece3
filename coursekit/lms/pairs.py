"""What the matching exports (match, and ordering on Canvas and in GIFT) share.

Canvas: a ``matching_question``, one ``response_lid`` per left-hand text, every
right-hand text offered to each, a share of the score per right pair. GIFT:
``{=left -> right}`` (``= -> extra`` for a right-hand text that matches nothing).
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence

from lxml import etree

from coursekit.lms import gift as gx
from coursekit.lms import qti as qx
from coursekit.text import gift_escape

CANVAS = "matching_question"


def shuffled(qid: str, texts: Sequence[str]) -> list[str]:
    """``texts`` in an order fixed by the question id (the same on every build)."""
    order = list(texts)
    random.Random(hashlib.sha256(qid.encode()).hexdigest()).shuffle(order)
    return order


def qti(question, pairs: Sequence[tuple[str, str]], rights: Sequence[str], *after: str):
    """A Canvas matching item: ``pairs`` (left, right) in the order shown; ``rights``: the
    right-hand texts offered, in the order shown."""
    element, presentation, processing = qx.item(question, CANVAS, *after)
    labels = [(f"r{i}", text) for i, text in enumerate(rights, start=1)]
    share = f"{100 / len(pairs):.2f}"
    for number, (left, right) in enumerate(pairs, start=1):
        ident = f"response_{number}"
        response = qx.el(presentation, "response_lid", ident=ident)
        qx.material(response, left, html=False)
        render = qx.el(response, "render_choice")
        for label, text in labels:
            qx.material(qx.el(render, "response_label", ident=label), text, html=False)
        label = next(lb for lb, text in labels if text == right)
        qx.score(processing, lambda v, i=ident, b=label: qx.el(v, "varequal", b, respident=i),
                 share, action="Add")  # fmt: skip
    return element


def read_qti(element: etree._Element) -> tuple[list[tuple[str, str]], list[str]]:
    """The (left, right) pairs in the order shown, and the right-hand texts offered."""
    responses = qx.find(element, "q:presentation/q:response_lid")
    rights = qx.labels(responses[0])
    chosen = {
        rule.get("respident"): rule.text
        for rule in qx.find(element, "q:resprocessing/q:respcondition[q:setvar]//q:varequal")
    }
    left = f"{{{qx.NS}}}material/{{{qx.NS}}}mattext"
    pairs = [(qx.text_of(r.find(left)), rights[chosen[r.get("ident")]]) for r in responses]
    return pairs, list(rights.values())


def gift(question, pairs: Sequence[tuple[str, str]], extras: Sequence[str], *after: str) -> str:
    """``{=left -> right ... = -> extra}``. The left-hand texts are HTML (so ``->`` in
    one becomes ``-&gt;``); the right-hand texts are plain, as Moodle stores them (the
    first ``->`` splits the pair)."""
    parts = [f"={gx.text(left)} -> {gift_escape(right)}" for left, right in pairs]
    parts += [f"= -> {gift_escape(extra)}" for extra in extras]
    return gx.question(question, " ".join(parts), *after)
