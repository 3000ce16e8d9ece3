/* coursekit quiz, type "truefalse": two radio buttons, values "true" and "false". */
(function () {
  "use strict";
  var Q = window.ckQuiz, u = Q.util;
  Q.register("truefalse", {
    read: function (el) { var c = u.checked(el); return c.length ? c[0] === "true" : null; },
    write: function (el, answer) {
      if (typeof answer !== "boolean") { throw new Error("not true or false"); }
      u.setChecked(el, [String(answer)]);
    },
    grade: function (answer, sol) {
      if (answer === null) { throw new Q.Invalid("no_truefalse"); }
      return { correct: answer === sol.a, feedback: [] };
    }
  });
})();
