/* coursekit progress: the reader's quiz answers, kept in this browser only.
 *
 * localStorage "coursekit-progress-v1" (nothing is sent anywhere) holds
 * {"<chapter>": {"<question id>": {"answer": ..., "correct": true|false, "form": "..."}}};
 * quiz.js saves and restores through window.ckProgress (a restored answer is graded again).
 * A .ck-progress panel (the welcome page) counts, per chapter, the answered and the right
 * ones among its questions (data-questions), each only while its saved form is the
 * question's (data-forms: a question changed since is not counted), and clears everything
 * on request. Whatever else is in storage is ignored, never an error. */
(function () {
  "use strict";
  if (window.ckProgress) {
    window.ckProgress.initPanels();
    return;
  }
  var STORE = "coursekit-progress-v1";

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  function isObject(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }

  var progress = {
    all: function () {
      try {
        var data = JSON.parse(window.localStorage.getItem(STORE));
        return isObject(data) ? data : {};
      } catch (e) {
        return {};
      }
    },
    save: function (data) {
      try { window.localStorage.setItem(STORE, JSON.stringify(data)); } catch (e) { /* full or off */ }
    },
    /* The saved {answer, correct, form} of a question, or null if there is none (or it is
     * unreadable, or saved for another form than ``form``, when one is given). */
    entry: function (chapter, qid, form) {
      var saved = this.all()[chapter];
      var entry = isObject(saved) ? saved[qid] : null;
      if (!(isObject(entry) && "answer" in entry && typeof entry.correct === "boolean")) { return null; }
      return form === undefined || entry.form === form ? entry : null;
    },
    put: function (chapter, qid, entry) {
      var data = this.all();
      if (!isObject(data[chapter])) { data[chapter] = {}; }
      if (entry) { data[chapter][qid] = entry; } else { delete data[chapter][qid]; }
      this.save(data);
      refreshPanels();
    },
    clear: function () {
      try { window.localStorage.removeItem(STORE); } catch (e) { /* storage off */ }
      refreshPanels();
    },
    initPanels: function () { each(document.querySelectorAll(".ck-progress"), initPanel); }
  };

  /* -- the "Your progress" panel ------------------------------------------------------ */
  function refreshPanels() {
    each(document.querySelectorAll(".ck-progress[data-ck-ready]"), fillPanel);
  }

  function fillPanel(panel) {
    each(panel.querySelectorAll("tr[data-chapter]"), function (row) {
      var chapter = row.getAttribute("data-chapter");
      var ids = (row.getAttribute("data-questions") || "").split(" ");
      var forms = (row.getAttribute("data-forms") || "").split(" ");
      var answered = 0;
      var right = 0;
      ids.forEach(function (qid, index) {
        var entry = progress.entry(chapter, qid, forms[index] || "");
        if (entry) { answered += 1; right += entry.correct === true ? 1 : 0; }
      });
      row.querySelector(".ck-answered").textContent = String(answered);
      row.querySelector(".ck-right").textContent = String(right);
    });
  }

  function initPanel(panel) {
    if (panel.hasAttribute("data-ck-ready")) { return; }
    panel.setAttribute("data-ck-ready", "1");
    var status = panel.querySelector(".ck-progress-status");
    panel.querySelector("button.ck-clear").addEventListener("click", function () {
      progress.clear();
      if (status) { status.textContent = status.getAttribute("data-cleared"); }
    });
    fillPanel(panel);
  }

  window.ckProgress = progress;
  progress.initPanels();
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", progress.initPanels);
  }
})();
