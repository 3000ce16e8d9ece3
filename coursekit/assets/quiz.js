/* coursekit quiz, the engine: grades the .ck-quiz elements of a page and restores saved answers.
 *
 * The grading rules and every message come from the quiz's data-ck-rules attribute: the
 * rule set (coursekit/quiz/messages.json merged with each type's messages.json) that the
 * Python grader reads. The engine knows no question type: each type's script.js (in
 * coursekit/quiz/types/<name>/, included after this one) calls
 *   window.ckQuiz.register(name, {read, write, grade, setup?})
 * where read(el) gives the answer from the form, write(el, answer) puts a saved answer back
 * (throwing if it cannot), grade(answer, sol, rules, messages) returns {correct, feedback}
 * or throws new window.ckQuiz.Invalid(messageName, values) for a malformed answer, and
 * setup(el, sol, check), optional, is called once per question (check() grades and returns
 * the result). The page calls window.ckQuiz.initAll() once the types' scripts are in.
 *
 * Each checked answer is saved in this browser through window.ckProgress (progress.js,
 * included first) and put back, with its feedback, when the page is opened again.
 *
 * Self-contained: no network, no other script. Data strings reach the page only through
 * textContent, never as HTML. Safe to include several times: the code is set up once and
 * every element is initialised once (data-ck-ready). Without a page (Node.js) only
 * register and check are of use. */
(function () {
  "use strict";
  var VERSION = 2;
  if (window.ckQuiz && window.ckQuiz.version === VERSION) { return; }
  var KEY = "coursekit-quiz";
  /* Saved answers (assets/progress.js, included before this script). */
  var progress = window.ckProgress;

  /* -- helpers ------------------------------------------------------------------------ */
  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  function isIndex(v, n) { return typeof v === "number" && v % 1 === 0 && v >= 0 && v < n; }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  /* A malformed answer: the name of its message in messages.json, and the values. */
  function Invalid(name, values) { this.name = name; this.values = values || {}; }

  function decode(blob) {
    var bin = window.atob(blob);
    var out = "";
    for (var i = 0; i < bin.length; i++) {
      out += String.fromCharCode(bin.charCodeAt(i) ^ KEY.charCodeAt(i % KEY.length));
    }
    return JSON.parse(out);
  }

  function inputs(el) { return el.querySelectorAll("input"); }
  function checked(el) {
    var values = [];
    each(inputs(el), function (input) { if (input.checked) { values.push(input.value); } });
    return values;
  }
  function setChecked(el, values) {
    each(inputs(el), function (input) { input.checked = values.indexOf(input.value) >= 0; });
  }

  /* -- the question types: each type's script.js registers itself ----------------- */
  var TYPES = {};

  function register(name, type) {
    if (!TYPES[name]) { TYPES[name] = type; }
  }

  /* Grade an answer as the type's read() gives it: {valid, correct, message, explanation,
   * feedback}. No page needed (the tests run it under Node.js). */
  function check(name, answer, sol, rules) {
    var type = TYPES[name];
    var messages = rules.messages;
    try {
      if (!type || !sol) { throw new Invalid("broken"); }
      var result = type.grade(answer, sol, rules.rules, messages);
      return {
        valid: true, correct: result.correct, feedback: result.feedback, explanation: sol.e,
        message: result.correct ? messages.correct : messages.incorrect
      };
    } catch (e) {
      var known = e instanceof Invalid && Object.prototype.hasOwnProperty.call(messages, e.name);
      return {
        valid: false, correct: false, feedback: [], explanation: "",
        message: fill(messages[known ? e.name : "broken"], known ? e.values : {})
      };
    }
  }

  /* Grade a question element's current answer. */
  function grade(el, sol, rules) {
    var name = el.getAttribute("data-qtype");
    var type = TYPES[name];
    var answer;
    try { answer = type ? type.read(el) : null; } catch (e) { answer = null; }
    return check(name, answer, sol, rules);
  }

  /* -- a quiz ------------------------------------------------------------------------- */
  function show(box, result) {
    while (box.firstChild) { box.removeChild(box.firstChild); }
    var verdict = document.createElement("p");
    verdict.className = "ck-verdict " +
      (!result.valid ? "ck-invalid" : result.correct ? "ck-correct" : "ck-incorrect");
    verdict.textContent = result.message;
    box.appendChild(verdict);
    if (result.explanation) {
      var p = document.createElement("p");
      p.className = "ck-explanation";
      p.textContent = result.explanation;
      box.appendChild(p);
    }
    result.feedback.forEach(function (text) {
      var f = document.createElement("p");
      f.className = "ck-option-feedback";
      f.textContent = text;
      box.appendChild(f);
    });
  }

  function clearForm(el) {
    each(inputs(el), function (input) {
      if (input.type === "text") { input.value = ""; } else { input.checked = false; }
    });
    each(el.querySelectorAll("select"), function (s) { s.value = ""; });
  }

  function setupQuestion(el, sol, rules, chapter, onScore) {
    var qid = el.getAttribute("data-qid");
    var retry = el.querySelector("button.ck-retry");
    var box = el.querySelector(".ck-feedback");
    var state = { correct: false };
    var type = TYPES[el.getAttribute("data-qtype")];
    function check() {
      var result = grade(el, sol, rules);
      show(box, result);
      if (result.valid) {
        state.correct = result.correct;
        retry.hidden = false;
        progress.put(chapter, qid, {
          answer: TYPES[el.getAttribute("data-qtype")].read(el), correct: result.correct,
          form: el.getAttribute("data-form")
        });
      }
      onScore();
      return result;
    }
    if (type && type.setup) { type.setup(el, sol, check); }
    el.querySelector("button.ck-check").addEventListener("click", check);
    retry.addEventListener("click", function () {
      clearForm(el);
      while (box.firstChild) { box.removeChild(box.firstChild); }
      state.correct = false;
      retry.hidden = true;
      progress.put(chapter, qid, null);
      onScore();
      var first = el.querySelector("input, select, [tabindex='0']");
      if (first) { first.focus(); }
    });
    var saved = progress.entry(chapter, qid);
    if (saved && type) {
      try {
        type.write(el, saved.answer);
        check();
      } catch (e) {
        clearForm(el); /* a saved answer this question cannot take: forget it */
        progress.put(chapter, qid, null);
      }
    }
    return state;
  }

  function init(root) {
    if (root.hasAttribute("data-ck-ready")) { return; }
    root.setAttribute("data-ck-ready", "1");
    var solutions, rules;
    try { solutions = decode(root.getAttribute("data-ck-key") || ""); } catch (e) { solutions = []; }
    try { rules = JSON.parse(root.getAttribute("data-ck-rules")); } catch (e) { return; }
    var chapter = root.getAttribute("data-chapter") || "";
    var questions = root.querySelectorAll(".ck-question");
    var score = root.querySelector(".ck-score");
    var states = [];
    function updateScore() {
      var n = states.filter(function (s) { return s.correct; }).length;
      if (score) { score.textContent = "Score: " + n + " / " + questions.length; }
    }
    each(questions, function (el, index) {
      states.push(setupQuestion(el, solutions[index], rules, chapter, updateScore));
    });
    updateScore();
  }

  function initAll() {
    each(document.querySelectorAll(".ck-quiz"), init);
  }

  window.ckQuiz = {
    version: VERSION, init: init, initAll: initAll, grade: grade, check: check,
    register: register, types: TYPES, Invalid: Invalid,
    util: { each: each, isIndex: isIndex, fill: fill, inputs: inputs, checked: checked,
            setChecked: setChecked }
  };
})();
