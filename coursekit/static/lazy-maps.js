// Map frames load when they come near the screen, or take the keyboard's focus: until then
// each waits with its document in data-srcdoc (see coursekit/webpages.py). Without
// JavaScript a map could not run anyway; its text version sits beside the frame.
(() => {
  "use strict";
  const load = (frame) => {
    if (frame.dataset.srcdoc === undefined) return;
    frame.srcdoc = frame.dataset.srcdoc;
    delete frame.dataset.srcdoc;
  };
  const start = () => {
    const frames = document.querySelectorAll("iframe[data-srcdoc]");
    if (!("IntersectionObserver" in window)) {
      frames.forEach(load);
      return;
    }
    const watcher = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting) {
            watcher.unobserve(entry.target);
            load(entry.target);
          }
        }
      },
      { rootMargin: "300px 0px" },
    );
    for (const frame of frames) {
      watcher.observe(frame);
      frame.addEventListener("focus", () => load(frame), { once: true });
    }
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
