/* coursekit quiz, type "numeric": a text box, read by the shared number rule; Enter checks. */
(function () {
  "use strict";
  var Q = window.ckQuiz;
  function box(el) { return el.querySelector("input.ck-number"); }
  Q.register("numeric", {
    read: function (el) { return box(el).value; },
    write: function (el, answer) {
      if (typeof answer !== "string") { throw new Error("not a text"); }
      box(el).value = answer;
    },
    grade: function (answer, sol, rules) {
      var text = answer.trim();
      if (!text) { throw new Q.Invalid("no_number"); }
      var value = parseFloat(text);
      if (!new RegExp(rules.number).test(text) || !isFinite(value)) {
        throw new Q.Invalid("not_number", { value: text });
      }
      var margin = rules.relative_epsilon * Math.max(1, Math.abs(sol.a));
      return { correct: Math.abs(value - sol.a) <= sol.t + margin, feedback: [] };
    },
    setup: function (el, sol, check) {
      box(el).addEventListener("keydown", function (event) {
        if (event.key === "Enter") { event.preventDefault(); check(); }
      });
    }
  });
})();
