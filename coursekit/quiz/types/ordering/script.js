/* coursekit quiz, type "ordering": a position (1 to n) for each item, in the order shown.
 * The solution carries the shown items' names (sol.i) for the messages. */
(function () {
  "use strict";
  var Q = window.ckQuiz, u = Q.util;
  function selects(el) { return el.querySelectorAll("select.ck-pos"); }
  Q.register("ordering", {
    read: function (el) {
      return Array.prototype.map.call(selects(el), function (s) { return s.value; });
    },
    write: function (el, answer) {
      var boxes = selects(el);
      var ok = Array.isArray(answer) && answer.length === boxes.length &&
        answer.every(function (p) { return p === "" || /^[1-9][0-9]*$/.test(p) && +p <= boxes.length; });
      if (!ok) { throw new Error("not a list of positions"); }
      u.each(boxes, function (s, i) { s.value = answer[i]; });
    },
    grade: function (answer, sol) {
      var used = {};
      var correct = true;
      for (var i = 0; i < answer.length; i++) {
        if (!answer[i]) { throw new Q.Invalid("no_position", { item: sol.i[i] }); }
        if (used[answer[i]]) { throw new Q.Invalid("position_twice", { position: answer[i] }); }
        used[answer[i]] = true;
        if (parseInt(answer[i], 10) !== sol.a[i]) { correct = false; }
      }
      return { correct: correct, feedback: [] };
    }
  });
})();
