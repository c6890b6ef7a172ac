/* Embed the council chatbot on any page:
 *   <script src="https://<host>/static/widget.js" data-council="demo" data-language="en" defer></script>
 * A launcher button opens the chat in a panel with the cursor in its message box; Escape or the close
 * button shut it and return focus to the launcher. The chat is a frame of the chat's own origin; its
 * conversation, kept in the tab's sessionStorage, follows the resident from page to page of the site.
 * The page gets bottom scroll padding so the launcher never hides the element that has focus.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) { return; }
  var council = script.getAttribute("data-council");
  if (!council) { return; }
  var language = script.getAttribute("data-language") || document.documentElement.lang || "en";
  language = language.slice(0, 2) === "cy" ? "cy" : "en";
  var origin = new URL(script.src, window.location.href).origin;
  var labels = {
    en: { open: "Ask us a question", close: "Close chat", title: "Council chat" },
    cy: { open: "Gofynnwch gwestiwn i ni", close: "Cau’r sgwrs", title: "Sgwrs y cyngor" }
  }[language];

  function el(tag, className, text) {
    var node = document.createElement(tag);
    node.className = className;
    if (text) { node.textContent = text; }
    return node;
  }

  var launcher = el("button", "ccb-launcher", labels.open);
  launcher.type = "button";
  launcher.setAttribute("aria-expanded", "false");
  launcher.setAttribute("aria-controls", "ccb-panel");
  launcher.setAttribute("lang", language);

  var panel = el("div", "ccb-panel");
  panel.id = "ccb-panel";
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-labelledby", "ccb-title");
  panel.setAttribute("lang", language);
  panel.hidden = true;

  var bar = el("div", "ccb-bar");
  var title = el("span", "ccb-title", labels.title);
  title.id = "ccb-title";
  var close = el("button", "ccb-close", labels.close);
  close.type = "button";
  bar.appendChild(title);
  bar.appendChild(close);
  panel.appendChild(bar);

  var frame = null;

  function open() {
    if (!frame) {
      frame = el("iframe", "ccb-frame");
      frame.title = labels.title;
      frame.src = origin + "/chat/" + encodeURIComponent(council) + "?embed=1&language=" + language;
      frame.addEventListener("load", function () { if (!panel.hidden) { focusChat(); } });
      panel.appendChild(frame);
    }
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    focusChat();
  }

  // Focus the frame, then ask the chat in it to put the cursor in its message box (a frame of another
  // origin cannot be reached into; before it has loaded, the message goes nowhere and load asks again).
  function focusChat() {
    frame.focus();
    frame.contentWindow.postMessage("council-chat:focus", origin);
  }

  function shut() {
    panel.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    launcher.focus();
  }

  launcher.addEventListener("click", function () { if (panel.hidden) { open(); } else { shut(); } });
  close.addEventListener("click", shut);
  panel.addEventListener("keydown", function (event) { if (event.key === "Escape") { shut(); } });
  window.addEventListener("message", function (event) {
    if (event.origin !== origin || !frame || event.source !== frame.contentWindow) { return; }
    var data = event.data;
    if (data === "council-chat:close" && !panel.hidden) { shut(); }
    if (data && data.councilChat === "load") { frame.contentWindow.postMessage({ councilChat: "kept", data: kept() }, origin); }
    if (data && data.councilChat === "save" && typeof data.data === "string") { keep(data.data); }
  });

  // A browser that refuses the chat's frame storage of its own (third-party storage blocked) has the
  // chat keep its conversation here, in this tab's sessionStorage for the council's site, so it
  // follows the resident from page to page and goes when the tab closes.
  var storageKey = "council-chat:" + council;
  function kept() {
    try { return window.sessionStorage.getItem(storageKey); } catch (e) { return null; }
  }
  function keep(data) {
    try { window.sessionStorage.setItem(storageKey, data); } catch (e) { /* kept for this page only */ }
  }

  // The launcher appears once its style sheet has loaded (or failed: then it is a plain button).
  var style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = origin + "/static/widget.css";
  style.onload = style.onerror = function () {
    document.body.appendChild(panel);
    document.body.appendChild(launcher);
  };
  document.head.appendChild(style);
})();
