/* Embed the council chatbot on any page:
 *   <script src="https://<host>/static/widget.js" data-council="demo" data-language="en" defer></script>
 * A launcher button opens the chat in a panel; Escape or the close button shut it and return focus.
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

  var style = document.createElement("style");
  style.textContent = [
    "html{scroll-padding-bottom:96px}",
    ".ccb-launcher{position:fixed;right:16px;bottom:16px;z-index:2147483000;font:700 19px/1.3 Arial,sans-serif;",
    "min-height:48px;padding:10px 16px;border:2px solid #fff;background:#1d70b8;color:#fff;cursor:pointer;",
    "box-shadow:0 2px 0 #003078}",
    ".ccb-launcher:focus{outline:3px solid #ffdd00;outline-offset:0;background:#ffdd00;color:#0b0c0c;box-shadow:0 4px #0b0c0c}",
    ".ccb-panel{position:fixed;right:16px;bottom:80px;z-index:2147483001;width:min(420px,calc(100vw - 32px));",
    "height:min(640px,calc(100vh - 112px));background:#fff;border:2px solid #0b0c0c;display:flex;flex-direction:column}",
    ".ccb-panel[hidden]{display:none}",
    ".ccb-bar{display:flex;justify-content:flex-end;background:#0b0c0c}",
    ".ccb-close{font:700 16px Arial,sans-serif;min-height:44px;min-width:44px;padding:8px 12px;border:0;background:#0b0c0c;color:#fff;cursor:pointer}",
    ".ccb-close:focus{outline:3px solid #ffdd00;background:#ffdd00;color:#0b0c0c}",
    ".ccb-frame{flex:1;border:0;width:100%}"
  ].join("");
  document.head.appendChild(style);

  var launcher = document.createElement("button");
  launcher.type = "button";
  launcher.className = "ccb-launcher";
  launcher.textContent = labels.open;
  launcher.setAttribute("aria-expanded", "false");
  launcher.setAttribute("aria-controls", "ccb-panel");
  launcher.setAttribute("lang", language);

  var panel = document.createElement("div");
  panel.className = "ccb-panel";
  panel.id = "ccb-panel";
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-label", labels.title);
  panel.setAttribute("lang", language);
  panel.hidden = true;

  var bar = document.createElement("div");
  bar.className = "ccb-bar";
  var close = document.createElement("button");
  close.type = "button";
  close.className = "ccb-close";
  close.textContent = labels.close;
  bar.appendChild(close);
  panel.appendChild(bar);

  var frame = null;

  function open() {
    if (!frame) {
      frame = document.createElement("iframe");
      frame.className = "ccb-frame";
      frame.title = labels.title;
      frame.src = origin + "/chat/" + encodeURIComponent(council) + "?embed=1&language=" + language;
      panel.appendChild(frame);
    }
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    frame.addEventListener("load", focusInput, { once: true });
    focusInput();
  }

  function focusInput() {
    try {
      var input = frame.contentDocument && frame.contentDocument.getElementById("chat-input");
      if (input) { input.focus(); return; }
    } catch (e) { /* a chat on another origin: focus the frame itself */ }
    frame.focus();
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
    if (event.origin === origin && event.data === "council-chat:close") { shut(); }
  });

  document.body.appendChild(panel);
  document.body.appendChild(launcher);
})();
