"""Canvas (Classic Quizzes) QTI 1.2: the parts every item shares, the writer and the reader.

A package is a zip: ``imsmanifest.xml`` listing every file, one assessment per bank
(``<chapter>/<chapter>.xml``) and the pictures the items show (``images/``), as Canvas's
own quiz export lays them out. Each type's ``lms.py`` (``coursekit/quiz/types/<name>/``) writes the
item's presentation and scoring. The explanation is the item's general feedback
(``itemfeedback ident="general_fb"``), shown after the attempt, never in the question.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from typing import Any

from lxml import etree

from coursekit.lms.context import Context
from coursekit.lms.markup import paragraphs, plain, serialise, sub, to_html
from coursekit.quiz.model import Bank, Question

NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
NSMAP = {"q": NS}
MANIFEST_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
CANVAS_NS = "http://canvas.instructure.com/xsd/cccv1p0"
#: how an item's picture is referred to, as Canvas's own export writes it (Canvas resolves
#: it to the file in the package)
FILEBASE = "%24IMS-CC-FILEBASE%24/"
#: the fixed date of every zip entry, so that two builds give the same bytes
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def el(parent: etree._Element, tag: str, text: str | None = None, **attrib: str):
    """A child in the QTI namespace."""
    return sub(parent, f"{{{NS}}}{tag}", text, **attrib)


def find(element: etree._Element, path: str) -> list[etree._Element]:
    """Elements at an XPath whose steps are written ``q:tag``."""
    return element.xpath(path, namespaces=NSMAP)


def material(parent: etree._Element, markup: str, html: bool = True) -> etree._Element:
    """``<material><mattext>`` with HTML or plain text."""
    kind = "text/html" if html else "text/plain"
    return el(el(parent, "material"), "mattext", markup, texttype=kind)


def item(question: Question, canvas_type: str, *prompt_after: str, prompt_html: str = ""):
    """An item's frame: ``(item, presentation, resprocessing)``.

    ``prompt_after``: plain paragraphs after the prompt; ``prompt_html``: HTML after them
    (a picture). The general feedback is the explanation.
    """
    element = etree.Element(f"{{{NS}}}item", ident=question.id, title=question.id)
    fields = el(el(element, "itemmetadata"), "qtimetadata")
    for label, value in (
        ("question_type", canvas_type),
        ("points_possible", "1.0"),
        ("coursekit_type", question.type),
        ("coursekit_objective", question.objective),
        ("coursekit_difficulty", question.difficulty),
    ):
        field = el(fields, "qtimetadatafield")
        el(field, "fieldlabel", label)
        el(field, "fieldentry", value)
    presentation = el(element, "presentation")
    material(presentation, to_html(question.prompt, *prompt_after) + prompt_html)
    processing = el(element, "resprocessing")
    outcomes = el(processing, "outcomes")
    el(outcomes, "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    general = el(processing, "respcondition", continue_="Yes")
    el(el(general, "conditionvar"), "other")
    el(general, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
    feedback(element, "general_fb", question.explanation)
    return element, presentation, processing


def feedback(element: etree._Element, ident: str, text: str) -> None:
    """An ``itemfeedback`` (after ``resprocessing``, as QTI 1.2 orders an item's parts)."""
    flow = el(el(element, "itemfeedback", ident=ident), "flow_mat")
    material(flow, to_html(text))


def choice(presentation: etree._Element, ident: str, labels, multiple: bool = False, html=False):
    """A ``response_lid`` with ``labels`` (``(ident, text)``) to choose from."""
    response = el(presentation, "response_lid", ident=ident,
                  rcardinality="Multiple" if multiple else "Single")  # fmt: skip
    render = el(response, "render_choice")
    for label, text in labels:
        material(el(render, "response_label", ident=label), text, html=html)
    return response


def score(processing: etree._Element, condition, value: str, action: str = "Set") -> None:
    """A ``respcondition`` that sets (or adds to) the score when ``condition`` holds;
    ``condition(conditionvar)`` fills the condition."""
    rule = el(processing, "respcondition", continue_="No" if action == "Set" else "Yes")
    condition(el(rule, "conditionvar"))
    el(rule, "setvar", value, action=action, varname="SCORE")


def response_feedback(processing, element, respident: str, label: str, text: str) -> None:
    """Feedback shown when ``label`` is chosen in ``respident``."""
    if not text:
        return
    rule = el(processing, "respcondition", continue_="Yes")
    el(el(rule, "conditionvar"), "varequal", label, respident=respident)
    el(rule, "displayfeedback", feedbacktype="Response", linkrefid=f"{label}_fb")
    feedback(element, f"{label}_fb", text)


# -- reading back ------------------------------------------------------------------------
def metadata(element: etree._Element) -> dict[str, str]:
    """The item's ``qtimetadatafield`` labels and entries."""
    return {
        f.findtext(f"{{{NS}}}fieldlabel"): f.findtext(f"{{{NS}}}fieldentry")
        for f in find(element, "q:itemmetadata/q:qtimetadata/q:qtimetadatafield")
    }


def read_header(element: etree._Element) -> dict[str, Any]:
    """The fields every item has, as :class:`Question` takes them (see ``moodle``)."""
    meta = metadata(element)
    prompt, *rest = paragraphs(find(element, "q:presentation/q:material/q:mattext")[0].text)
    general = find(element, "q:itemfeedback[@ident='general_fb']//q:mattext")
    return {
        "id": element.get("ident"),
        "prompt": prompt,
        "explanation": plain(general[0].text) if general else "",
        "objective": meta.get("coursekit_objective", ""),
        "difficulty": meta.get("coursekit_difficulty", ""),
        "prompt_rest": rest,
    }


def text_of(mattext: etree._Element | None) -> str:
    """The plain text of a ``mattext`` (HTML or plain, by its ``texttype``)."""
    if mattext is None:
        return ""
    if mattext.get("texttype") == "text/plain":
        return mattext.text or ""
    return plain(mattext.text or "")


def labels(response: etree._Element) -> dict[str, str]:
    """``ident -> text`` of a response's choices."""
    return {
        label.get("ident"): text_of(label.find(f".//{{{NS}}}mattext"))
        for label in find(response, "q:render_choice/q:response_label")
    }


def feedback_of(element: etree._Element, ident: str) -> str:
    """The text of ``itemfeedback`` ``ident`` (``""`` if none)."""
    found = find(element, f"q:itemfeedback[@ident='{ident}']//q:mattext")
    return plain(found[0].text) if found else ""


# -- the package -------------------------------------------------------------------------
def assessment(bank: Bank, ctx: Context) -> bytes:
    """One bank as a QTI assessment."""
    from coursekit.lms.types import export

    root = etree.Element(f"{{{NS}}}questestinterop", nsmap={None: NS})
    test = el(root, "assessment", ident=bank.chapter, title=bank.title)
    section = el(test, "section", ident="root_section")
    for question in bank.questions:
        section.append(export(bank, question, "qti", ctx))
    return serialise(root)


def meta(bank: Bank) -> bytes:
    """``assessment_meta.xml``: Canvas's settings of the quiz made from a bank: graded,
    unpublished, one attempt, the correct answers (and the explanations) shown only after
    it is submitted."""
    root = etree.Element(f"{{{CANVAS_NS}}}quiz", identifier=bank.chapter, nsmap={None: CANVAS_NS})
    points = f"{len(bank.questions):.1f}"
    for tag, value in (
        ("title", bank.title), ("description", ""), ("shuffle_answers", "true"),
        ("scoring_policy", "keep_highest"), ("hide_results", ""), ("quiz_type", "assignment"),
        ("points_possible", points), ("show_correct_answers", "true"),
        ("allowed_attempts", "1"), ("one_question_at_a_time", "false"),
        ("cant_go_back", "false"), ("available", "false"),
    ):  # fmt: skip
        sub(root, f"{{{CANVAS_NS}}}{tag}", value)
    assignment = sub(root, f"{{{CANVAS_NS}}}assignment", identifier=f"{bank.chapter}_assignment")
    for tag, value in (
        ("title", bank.title), ("workflow_state", "unpublished"),
        ("quiz_identifierref", bank.chapter), ("points_possible", points),
        ("grading_type", "points"), ("submission_types", "online_quiz"),
    ):  # fmt: skip
        sub(assignment, f"{{{CANVAS_NS}}}{tag}", value)
    return serialise(root)


def manifest(ident: str, assessments: list[str], files: list[str]) -> bytes:
    """``imsmanifest.xml``: a resource per assessment (with its Canvas settings) and per
    picture, every file listed."""
    root = etree.Element(f"{{{MANIFEST_NS}}}manifest", identifier=ident, nsmap={None: MANIFEST_NS})
    meta = sub(root, f"{{{MANIFEST_NS}}}metadata")
    sub(meta, f"{{{MANIFEST_NS}}}schema", "IMS Content")
    sub(meta, f"{{{MANIFEST_NS}}}schemaversion", "1.1.3")
    sub(root, f"{{{MANIFEST_NS}}}organizations")
    resources = sub(root, f"{{{MANIFEST_NS}}}resources")
    for chapter in assessments:
        href = f"{chapter}/{chapter}.xml"
        resource = sub(resources, f"{{{MANIFEST_NS}}}resource", identifier=chapter,
                       type="imsqti_xmlv1p2")  # fmt: skip
        sub(resource, f"{{{MANIFEST_NS}}}file", href=href)
        sub(resource, f"{{{MANIFEST_NS}}}dependency", identifierref=f"{chapter}_meta")
        settings = f"{chapter}/assessment_meta.xml"
        resource = sub(resources, f"{{{MANIFEST_NS}}}resource", identifier=f"{chapter}_meta",
                       type="associatedcontent/imscc_xmlv1p1/learning-application-resource",
                       href=settings)  # fmt: skip
        sub(resource, f"{{{MANIFEST_NS}}}file", href=settings)
    for path in files:
        name = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        resource = sub(resources, f"{{{MANIFEST_NS}}}resource", identifier=f"file_{name}",
                       type="webcontent", href=path)  # fmt: skip
        sub(resource, f"{{{MANIFEST_NS}}}file", href=path)
    return serialise(root)


def package(ident: str, banks: Iterable[Bank]) -> bytes:
    """The zip Canvas imports: manifest, assessments, pictures; sorted entries, fixed dates."""
    ctx = Context()
    banks = list(banks)
    entries = {f"{b.chapter}/{b.chapter}.xml": assessment(b, ctx) for b in banks}
    entries |= {f"{b.chapter}/assessment_meta.xml": meta(b) for b in banks}
    chapters = [b.chapter for b in banks]
    entries |= ctx.files
    entries["imsmanifest.xml"] = manifest(ident, chapters, sorted(ctx.files))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(entries):
            info = zipfile.ZipInfo(path, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, entries[path])
    return buffer.getvalue()


def read(data: bytes) -> list[tuple[str, Question]]:
    """Every item of a package, with its assessment's ident, in the course's model."""
    from coursekit.lms.types import qti_reader

    found = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("imsmanifest.xml"))
        for href in root.xpath("//m:resource[@type='imsqti_xmlv1p2']/m:file/@href",
                               namespaces={"m": MANIFEST_NS}):  # fmt: skip
            test = etree.fromstring(archive.read(href))
            chapter = find(test, "q:assessment")[0].get("ident")
            for element in find(test, "//q:item"):
                found.append((chapter, qti_reader(element)(element)))
    return found
