/* coursekit quiz: grades the .ck-quiz elements of a page and restores saved answers.
 *
 * The grading rules and every message come from the quiz's data-ck-rules attribute: the
 * same file (coursekit/quiz/messages.json) that the Python grader reads. Each question type
 * is an entry of TYPES: read (the answer from the form), write (put a saved answer back)
 * and grade(answer, sol, rules, el, messages); optionally setup(el, sol, check), called
 * once, where check() grades and returns the result. Another script may add a type as
 * window.ckQuizTypes[name] before this one (throwing new window.ckQuiz.Invalid(name, values)).
 *
 * Each checked answer is saved in this browser through window.ckProgress (progress.js,
 * included first) and put back, with its feedback, when the page is opened again.
 *
 * Self-contained: no network, no other script. Data strings reach the page only through
 * textContent, never as HTML. Safe to include several times: the code is set up once and
 * every element is initialised once (data-ck-ready). */
(function () {
  "use strict";
  var VERSION = 2;
  if (window.ckQuiz && window.ckQuiz.version === VERSION) {
    window.ckQuiz.initAll();
    return;
  }
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

  /* -- the question types ------------------------------------------------------------- */
  var TYPES = {
    single: {
      read: function (el) { var c = checked(el); return c.length ? parseInt(c[0], 10) : null; },
      write: function (el, answer) {
        if (!isIndex(answer, inputs(el).length)) { throw new Error("not an option"); }
        setChecked(el, [String(answer)]);
      },
      grade: function (answer, sol) {
        if (answer === null) { throw new Invalid("no_choice"); }
        return { correct: answer === sol.a, feedback: sol.f && sol.f[answer] ? [sol.f[answer]] : [] };
      }
    },
    multiple: {
      read: function (el) { return checked(el).map(function (v) { return parseInt(v, 10); }); },
      write: function (el, answer) {
        var n = inputs(el).length;
        if (!Array.isArray(answer) || !answer.every(function (a) { return isIndex(a, n); })) {
          throw new Error("not a list of options");
        }
        setChecked(el, answer.map(String));
      },
      grade: function (answer, sol) {
        if (!answer.length) { throw new Invalid("no_tick"); }
        var correct = answer.length === sol.a.length && answer.every(function (n) {
          return sol.a.indexOf(n) >= 0;
        });
        var feedback = answer.filter(function (n) { return sol.f && sol.f[n]; });
        return { correct: correct, feedback: feedback.map(function (n) { return sol.f[n]; }) };
      }
    },
    truefalse: {
      read: function (el) { var c = checked(el); return c.length ? c[0] === "true" : null; },
      write: function (el, answer) {
        if (typeof answer !== "boolean") { throw new Error("not true or false"); }
        setChecked(el, [String(answer)]);
      },
      grade: function (answer, sol) {
        if (answer === null) { throw new Invalid("no_truefalse"); }
        return { correct: answer === sol.a, feedback: [] };
      }
    },
    numeric: {
      read: function (el) { return el.querySelector("input.ck-number").value; },
      write: function (el, answer) {
        if (typeof answer !== "string") { throw new Error("not a text"); }
        el.querySelector("input.ck-number").value = answer;
      },
      grade: function (answer, sol, rules) {
        var text = answer.trim();
        if (!text) { throw new Invalid("no_number"); }
        var value = parseFloat(text);
        if (!new RegExp(rules.number).test(text) || !isFinite(value)) {
          throw new Invalid("not_number", { value: text });
        }
        var margin = rules.relative_epsilon * Math.max(1, Math.abs(sol.a));
        return { correct: Math.abs(value - sol.a) <= sol.t + margin, feedback: [] };
      }
    },
    ordering: {
      read: function (el) {
        return Array.prototype.map.call(el.querySelectorAll("select.ck-pos"), function (s) {
          return s.value;
        });
      },
      write: function (el, answer) {
        var selects = el.querySelectorAll("select.ck-pos");
        var ok = Array.isArray(answer) && answer.length === selects.length &&
          answer.every(function (p) { return p === "" || /^[1-9][0-9]*$/.test(p) && +p <= selects.length; });
        if (!ok) { throw new Error("not a list of positions"); }
        each(selects, function (s, i) { s.value = answer[i]; });
      },
      grade: function (answer, sol, rules, el) {
        var used = {};
        var correct = true;
        var labels = el.querySelectorAll(".ck-item label");
        for (var i = 0; i < answer.length; i++) {
          if (!answer[i]) {
            throw new Invalid("no_position", { item: labels[i] ? labels[i].textContent : i + 1 });
          }
          if (used[answer[i]]) { throw new Invalid("position_twice", { position: answer[i] }); }
          used[answer[i]] = true;
          if (parseInt(answer[i], 10) !== sol.a[i]) { correct = false; }
        }
        return { correct: correct, feedback: [] };
      }
    }
  };

  function addTypes() {
    var extra = window.ckQuizTypes || {};
    Object.keys(extra).forEach(function (name) { TYPES[name] = extra[name]; });
  }

  /* Grade a question element's current answer: {valid, correct, message, explanation, feedback}. */
  function grade(el, sol, rules) {
    var type = TYPES[el.getAttribute("data-qtype")];
    var messages = rules.messages;
    try {
      if (!type || !sol) { throw new Invalid("broken"); }
      var result = type.grade(type.read(el), sol, rules.rules, el, messages);
      return {
        valid: true, correct: result.correct, feedback: result.feedback, explanation: sol.e,
        message: result.correct ? messages.correct : messages.incorrect
      };
    } catch (e) {
      var name = e instanceof Invalid ? e.name : "broken";
      var values = e instanceof Invalid ? e.values : {};
      return { valid: false, correct: false, feedback: [], message: fill(messages[name], values) };
    }
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
          answer: TYPES[el.getAttribute("data-qtype")].read(el), correct: result.correct
        });
      }
      onScore();
      return result;
    }
    if (type && type.setup) { type.setup(el, sol, check); }
    el.querySelector("button.ck-check").addEventListener("click", check);
    var number = el.querySelector("input.ck-number");
    if (number) {
      number.addEventListener("keydown", function (event) {
        if (event.key === "Enter") { event.preventDefault(); check(); }
      });
    }
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
    addTypes();
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
    version: VERSION, init: init, initAll: initAll, grade: grade, types: TYPES, Invalid: Invalid
  };
  initAll();
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", initAll);
  }
})();
