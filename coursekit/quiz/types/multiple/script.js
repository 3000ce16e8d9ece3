/* coursekit quiz, type "multiple": one check box per option (value = its index). */
(function () {
  "use strict";
  var Q = window.ckQuiz, u = Q.util;
  Q.register("multiple", {
    read: function (el) { return u.checked(el).map(function (v) { return parseInt(v, 10); }); },
    write: function (el, answer) {
      var n = u.inputs(el).length;
      if (!Array.isArray(answer) || !answer.every(function (a) { return u.isIndex(a, n); })) {
        throw new Error("not a list of options");
      }
      u.setChecked(el, answer.map(String));
    },
    grade: function (answer, sol) {
      if (!answer.length) { throw new Q.Invalid("no_tick"); }
      var correct = answer.length === sol.a.length && answer.every(function (n) {
        return sol.a.indexOf(n) >= 0;
      });
      var feedback = answer.filter(function (n) { return sol.f && sol.f[n]; });
      return { correct: correct, feedback: feedback.map(function (n) { return sol.f[n]; }) };
    }
  });
})();
