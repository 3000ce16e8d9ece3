/* Grade answers with the page's own scripts under Node.js, without a browser.
 *
 * Reads JSON from stdin: {"scripts": [file, ...], "rules": {...}, "cases": [{"type",
 * "answer", "sol"}, ...]}; runs the scripts (assets/quiz.js, then each type's script.js)
 * in a fresh context whose global object is `window`, and prints, as JSON, the result of
 * window.ckQuiz.check(type, answer, sol, rules) for each case. */
"use strict";
const fs = require("fs");
const vm = require("vm");

const input = JSON.parse(fs.readFileSync(0, "utf8"));
const context = vm.createContext({});
vm.runInContext("var window = globalThis;", context);
for (const file of input.scripts) {
  vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file });
}
context.input = JSON.stringify(input);
const out = vm.runInContext(
  "(function (input) { return JSON.stringify(input.cases.map(function (c) {" +
  "  return window.ckQuiz.check(c.type, c.answer, c.sol, input.rules); })); })(JSON.parse(input))",
  context
);
process.stdout.write(out);
