// keel-admin's only script: relation inputs whose target table is too large for a select ask
// <admin>/<model>/_options?q= as the user types and offer the answers in their <datalist>.
// Without JavaScript the input still takes a typed id, which the server checks.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  for (const input of document.querySelectorAll("input[data-options]")) {
    const list = document.getElementById(input.getAttribute("list"));
    let timer = 0;
    let asked = "";
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const q = input.value.trim();
        if (q === asked) return;
        asked = q;
        const response = await fetch(input.dataset.options + "?q=" + encodeURIComponent(q), {
          headers: { Accept: "application/json" },
          credentials: "same-origin",
        });
        if (!response.ok || q !== asked) return;
        list.replaceChildren(
          ...(await response.json()).map((o) => {
            const option = document.createElement("option");
            option.value = o.id;
            option.label = o.label;
            return option;
          }),
        );
      }, 150);
    });
  }
});
