/* coursekit quiz, type "single": one radio button per option (value = its index). */
(function () {
  "use strict";
  var Q = window.ckQuiz, u = Q.util;
  Q.register("single", {
    read: function (el) { var c = u.checked(el); return c.length ? parseInt(c[0], 10) : null; },
    write: function (el, answer) {
      if (!u.isIndex(answer, u.inputs(el).length)) { throw new Error("not an option"); }
      u.setChecked(el, [String(answer)]);
    },
    grade: function (answer, sol) {
      if (answer === null) { throw new Q.Invalid("no_choice"); }
      return { correct: answer === sol.a, feedback: sol.f && sol.f[answer] ? [sol.f[answer]] : [] };
    }
  });
})();
