/* coursekit quiz: grades the .ck-quiz elements of a page (mirrors coursekit/quiz.py grade).
 * Self-contained: no network, no other script. Safe to include once per quiz: the code is
 * set up once and every .ck-quiz is initialised once (data-ck-ready). Data strings reach
 * the page only through textContent, never as HTML. */
(function () {
  "use strict";
  if (window.ckQuiz && window.ckQuiz.version === 1) {
    window.ckQuiz.initAll();
    return;
  }
  var KEY = "coursekit-quiz";
  var MSG = {
    correct: "\u2713 Correct.",
    incorrect: "\u2717 Incorrect.",
    noChoice: "No answer yet: choose an option, then press Check.",
    noTick: "No answer yet: tick at least one option, then press Check.",
    noTf: "No answer yet: choose True or False, then press Check.",
    noNumber: "No answer yet: type a number, then press Check.",
    notNumber: function (v) {
      return "\u201c" + v + "\u201d is not a number. Type digits only, with a point for " +
        "decimals (for example 11.8).";
    },
    noPosition: function (item) {
      return "Give every item a position: \u201c" + item + "\u201d has none.";
    },
    twice: function (p) {
      return "Use each position once: position " + p + " is given to more than one item.";
    },
    broken: "Sorry, this question could not be checked."
  };
  var NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

  function decode(blob) {
    var bin = window.atob(blob);
    var out = "";
    for (var i = 0; i < bin.length; i++) {
      out += String.fromCharCode(bin.charCodeAt(i) ^ KEY.charCodeAt(i % KEY.length));
    }
    return JSON.parse(out);
  }

  function invalid(message) {
    return { valid: false, correct: false, message: message, feedback: [] };
  }

  /* Grade one question element against its solution {a, e, t?, f?}. */
  function grade(el, sol) {
    var type = el.getAttribute("data-qtype");
    var inputs = el.querySelectorAll("input");
    var feedback = [];
    var correct = false;
    var i;
    if (type === "single" || type === "truefalse") {
      var chosen = null;
      for (i = 0; i < inputs.length; i++) { if (inputs[i].checked) { chosen = inputs[i].value; } }
      if (chosen === null) { return invalid(type === "single" ? MSG.noChoice : MSG.noTf); }
      if (type === "single") {
        var index = parseInt(chosen, 10);
        correct = index === sol.a;
        if (sol.f && sol.f[index]) { feedback.push(sol.f[index]); }
      } else {
        correct = (chosen === "true") === sol.a;
      }
    } else if (type === "multiple") {
      var ticked = [];
      for (i = 0; i < inputs.length; i++) {
        if (inputs[i].checked) { ticked.push(parseInt(inputs[i].value, 10)); }
      }
      if (!ticked.length) { return invalid(MSG.noTick); }
      correct = ticked.length === sol.a.length && ticked.every(function (n) {
        return sol.a.indexOf(n) >= 0;
      });
      ticked.forEach(function (n) { if (sol.f && sol.f[n]) { feedback.push(sol.f[n]); } });
    } else if (type === "numeric") {
      var text = inputs[0].value.trim();
      if (!text) { return invalid(MSG.noNumber); }
      if (!NUMBER.test(text) || !isFinite(parseFloat(text))) { return invalid(MSG.notNumber(text)); }
      var value = parseFloat(text);
      correct = Math.abs(value - sol.a) <= sol.t + 1e-9 * Math.max(1, Math.abs(sol.a));
    } else if (type === "ordering") {
      var selects = el.querySelectorAll("select.ck-pos");
      var used = {};
      correct = true;
      for (i = 0; i < selects.length; i++) {
        var pos = selects[i].value;
        if (!pos) {
          var label = el.querySelector('label[for="' + selects[i].id + '"]');
          return invalid(MSG.noPosition(label ? label.textContent : String(i + 1)));
        }
        if (used[pos]) { return invalid(MSG.twice(pos)); }
        used[pos] = true;
        if (parseInt(pos, 10) !== sol.a[i]) { correct = false; }
      }
    } else {
      return invalid(MSG.broken);
    }
    return {
      valid: true, correct: correct, message: correct ? MSG.correct : MSG.incorrect,
      explanation: sol.e, feedback: feedback
    };
  }

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

  function init(root) {
    if (root.hasAttribute("data-ck-ready")) { return; }
    root.setAttribute("data-ck-ready", "1");
    var solutions;
    try { solutions = decode(root.getAttribute("data-ck-key") || ""); } catch (e) { solutions = []; }
    var questions = root.querySelectorAll(".ck-question");
    var state = [];
    var score = root.querySelector(".ck-score");
    function updateScore() {
      var n = state.filter(function (s) { return s; }).length;
      if (score) { score.textContent = "Score: " + n + " / " + questions.length; }
    }
    Array.prototype.forEach.call(questions, function (el, index) {
      state.push(false);
      var check = el.querySelector("button.ck-check");
      var retry = el.querySelector("button.ck-retry");
      var box = el.querySelector(".ck-feedback");
      function doCheck() {
        var result;
        try {
          result = solutions[index] ? grade(el, solutions[index]) : invalid(MSG.broken);
        } catch (e) {
          result = invalid(MSG.broken);
        }
        show(box, result);
        if (result.valid) {
          state[index] = result.correct;
          retry.hidden = false;
        }
        updateScore();
      }
      check.addEventListener("click", doCheck);
      var number = el.querySelector("input.ck-number");
      if (number) {
        number.addEventListener("keydown", function (event) {
          if (event.key === "Enter") { event.preventDefault(); doCheck(); }
        });
      }
      retry.addEventListener("click", function () {
        Array.prototype.forEach.call(el.querySelectorAll("input"), function (input) {
          if (input.type === "text") { input.value = ""; } else { input.checked = false; }
        });
        Array.prototype.forEach.call(el.querySelectorAll("select"), function (s) { s.value = ""; });
        while (box.firstChild) { box.removeChild(box.firstChild); }
        state[index] = false;
        retry.hidden = true;
        updateScore();
        var first = el.querySelector("input, select");
        if (first) { first.focus(); }
      });
    });
    updateScore();
  }

  function initAll() {
    Array.prototype.forEach.call(document.querySelectorAll(".ck-quiz"), init);
  }

  window.ckQuiz = { version: 1, init: init, initAll: initAll };
  initAll();
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", initAll);
  }
})();
