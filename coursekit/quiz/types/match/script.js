/* coursekit quiz, type "match": one select per left item, its value the index of the
 * right-hand option chosen ("" for none). The solution gives the right index per left
 * item (sol.a), the left items (sol.l) and the options (sol.o) for the messages. */
(function () {
  "use strict";
  var Q = window.ckQuiz, u = Q.util;
  function selects(el) { return el.querySelectorAll("select.ck-match-choice"); }
  Q.register("match", {
    read: function (el) {
      return Array.prototype.map.call(selects(el), function (s) { return s.value; });
    },
    write: function (el, answer) {
      var boxes = selects(el);
      var ok = Array.isArray(answer) && answer.length === boxes.length &&
        answer.every(function (v) {
          return v === "" || /^[0-9]+$/.test(v) && +v < boxes[0].options.length - 1;
        });
      if (!ok) { throw new Error("not a list of choices"); }
      u.each(boxes, function (s, i) { s.value = answer[i]; });
    },
    grade: function (answer, sol, rules, messages) {
      if (answer === null || answer === undefined) {
        throw new Q.Invalid("match_no_choice", { item: sol.l[0] });
      }
      if (!Array.isArray(answer) || answer.length !== sol.l.length) {
        throw new Q.Invalid("match_as_mapping");
      }
      var used = {};
      var right = 0;
      for (var i = 0; i < sol.l.length; i++) {
        if (answer[i] === "" || answer[i] === null || answer[i] === undefined) {
          throw new Q.Invalid("match_no_choice", { item: sol.l[i] });
        }
        if (used[answer[i]]) { throw new Q.Invalid("match_twice", { value: sol.o[answer[i]] }); }
        used[answer[i]] = true;
        if (parseInt(answer[i], 10) === sol.a[i]) { right += 1; }
      }
      var count = u.fill(messages.match_count, { right: right, count: sol.l.length });
      return { correct: right === sol.l.length, feedback: [count] };
    }
  });
})();
