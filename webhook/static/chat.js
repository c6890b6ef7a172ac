/* The residents' chat. Plain JavaScript, no dependencies, no external requests.
 *
 * Accessibility: bot replies (with their suggested replies and "Was this helpful?") go into a
 * role="log" live region so screen readers announce them; problems go into a role="alert"; focus
 * returns to the message box whenever the control that had it goes away; links open in the same tab
 * (the whole tab, inside the widget); Welsh text is marked lang="cy".
 *
 * Nothing is lost: messages typed while a reply is on its way wait in a queue and are sent in order; a
 * failed send keeps its message and offers to try again (by itself after a 429, and for the welcome).
 * The conversation (its signed state, what was said, and what is still to send) is kept in
 * sessionStorage, so it survives leaving the page in the same tab and ends when the tab closes.
 */
(function () {
  "use strict";

  var root = document.getElementById("chat");
  if (!root) { return; }

  // Welsh added for issue 12 (from "failed" to the end) is machine-drafted: needs a Welsh speaker's review.
  var TEXT = {
    en: {
      you: "You said:", bot: "Council assistant said:", send: "Send", label: "Your message",
      intro: "Ask a question about council services.",
      hint: "Do not share bank details. In an emergency, call 999.",
      thinking: "The assistant is replying…", suggestions: "Suggested replies",
      failed: "Sorry, your message could not be sent. Check your connection, then try again.",
      startFailed: "Sorry, the chat could not start. It will try again in a moment.",
      busy: "You are sending messages too fast. Your message will be sent in a moment.",
      retry: "Try again", waiting: "Waiting to send", restart: "Start again", save: "Save this conversation",
      saved: "The conversation has been saved as a text file.", savedOn: "Saved on",
      helpful: "Was this helpful?", yes: "Yes", no: "No", thanks: "Thank you for your feedback.",
      lookingFor: "What were you looking for? (optional)", sendFeedback: "Send feedback",
      feedbackFailed: "Sorry, your feedback could not be sent.", tools: "Conversation options",
      skip: "Skip to main content", site: "Council chatbot", chat: "Chat"
    },
    cy: {
      you: "Dywedoch chi:", bot: "Dywedodd cynorthwyydd y cyngor:", send: "Anfon", label: "Eich neges",
      intro: "Gofynnwch gwestiwn am wasanaethau’r cyngor.",
      hint: "Peidiwch â rhannu manylion banc. Mewn argyfwng, ffoniwch 999.",
      thinking: "Mae’r cynorthwyydd yn ateb…", suggestions: "Atebion awgrymedig",
      failed: "Mae’n ddrwg gennym, nid oedd modd anfon eich neges. Gwiriwch eich cysylltiad, yna ceisiwch eto.",
      startFailed: "Mae’n ddrwg gennym, nid oedd modd dechrau’r sgwrs. Bydd yn ceisio eto mewn munud.",
      busy: "Rydych chi’n anfon negeseuon yn rhy gyflym. Bydd eich neges yn cael ei hanfon mewn munud.",
      retry: "Ceisio eto", waiting: "Yn aros i gael ei hanfon", restart: "Dechrau eto", save: "Cadw’r sgwrs hon",
      saved: "Mae’r sgwrs wedi’i chadw fel ffeil testun.", savedOn: "Cadwyd ar",
      helpful: "Oedd hyn yn ddefnyddiol?", yes: "Oedd", no: "Nac oedd", thanks: "Diolch am eich adborth.",
      lookingFor: "Beth oeddech chi’n chwilio amdano? (dewisol)", sendFeedback: "Anfon adborth",
      feedbackFailed: "Mae’n ddrwg gennym, nid oedd modd anfon eich adborth.", tools: "Dewisiadau’r sgwrs",
      skip: "Neidio i’r prif gynnwys", site: "Sgwrsfot y cyngor", chat: "Sgwrsio"
    }
  };
  // Page controls and the key of the words each shows.
  var LABELS = { "#chat-intro": "intro", "#chat-input-label": "label", "#chat-send": "send", "#chat-hint": "hint",
    "#chat-retry": "retry", "#chat-restart": "restart", "#chat-save": "save", ".skip-link": "skip",
    ".site-header__name": "site" };
  // Reference numbers, phone numbers and postcodes are never broken across lines. A reference may have
  // no digit at all (a hand-off's "HO-MXTA-KQPB"): capitals joined by hyphens are kept whole too.
  var UNBROKEN = /\b(?:0\d{3,4} \d{3} ?\d{3,4}|[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}|[A-Z]{2,}(?:-[A-Z\d]{2,})+)\b|\S*\d(?:\S*\w)?/g;
  var MAX_ENTRIES = 200;
  var embedded = document.body.classList.contains("embedded");

  var council = root.getAttribute("data-council");
  var api = root.getAttribute("data-api");
  var feedbackApi = root.getAttribute("data-feedback");
  var languages = (root.getAttribute("data-languages") || "en").split(" ");
  var log = byId("chat-log");
  var form = byId("chat-form");
  var input = byId("chat-input");
  var status = byId("chat-status");
  var alertBox = byId("chat-alert");
  var retryButton = byId("chat-retry");
  var storageKey = "council-chat:" + council;

  var language = root.getAttribute("data-language") || languages[0];
  var session, state, entries, queue;
  // stalled: a send failed, and nothing more is sent until it is tried again (by the resident or a timer).
  var inFlight = false, stalled = false, retryTimer = null, attempts = 0, generation = 0;
  var nodes = {}; // each message of the resident's, by its id, to mark it while it waits to be sent
  var ownStorage = storageWorks(), started = false;
  var host = null; // the widget's page, keeping the conversation when this frame may not (its origin)
  reset({});

  function byId(id) { return document.getElementById(id); }
  function t(key, lang) { return (TEXT[lang || language] || TEXT.en)[key]; }

  function reset(from) {
    session = from.session || newSession();
    state = from.state || null;
    entries = from.entries || [];
    queue = from.queue || [];
  }

  // The conversation is kept in this tab's sessionStorage. A browser that refuses storage to the
  // widget's frame (third-party storage blocked) has the widget keep it in the council page's own.
  function storageWorks() {
    try {
      window.sessionStorage.setItem(storageKey + ":probe", "1");
      window.sessionStorage.removeItem(storageKey + ":probe");
      return true;
    } catch (e) { return false; }
  }

  function load() {
    try { return JSON.parse(window.sessionStorage.getItem(storageKey) || "{}"); } catch (e) { return {}; }
  }

  function save() {
    var kept = JSON.stringify({ session: session, state: state, language: language, entries: entries.slice(-MAX_ENTRIES), queue: queue });
    if (ownStorage) {
      try { window.sessionStorage.setItem(storageKey, kept); } catch (e) { /* full: kept for this page only */ }
    } else if (host) {
      window.parent.postMessage({ councilChat: "save", data: kept }, host);
    }
  }

  function newSession() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function applyLanguage() {
    document.documentElement.lang = language;
    root.setAttribute("data-language", language);
    var name = root.getAttribute("data-name-" + language);
    if (name) {
      byId("chat-title").textContent = name;
      document.title = name + " – " + t("chat");
    }
    Object.keys(LABELS).forEach(function (selector) {
      var node = document.querySelector(selector);
      if (node) { node.textContent = t(LABELS[selector]); }
    });
    byId("chat-tools").setAttribute("aria-label", t("tools"));
    Array.prototype.forEach.call(root.querySelectorAll("[data-language-choice]"), function (button) {
      button.setAttribute("aria-pressed", button.getAttribute("data-language-choice") === language ? "true" : "false");
    });
  }

  // Text, with each token that must not wrap in a span of its own.
  function withText(node, text) {
    var last = 0;
    text.replace(UNBROKEN, function (token, at) {
      if (token.length > 24) { return token; } // a long address may wrap rather than overflow
      if (at > last) { node.appendChild(document.createTextNode(text.slice(last, at))); }
      node.appendChild(el("span", "nowrap", token));
      last = at + token.length;
      return token;
    });
    if (last < text.length) { node.appendChild(document.createTextNode(text.slice(last))); }
    return node;
  }

  function speaker(label) { return el("span", "visually-hidden", label + " "); }

  // Rendering ---------------------------------------------------------------------------------------

  function render(entry, latest) {
    if (entry.who === "user") { return renderUser(entry); }
    var item = el("div", "message message--bot");
    if (entry.intent) { item.setAttribute("data-intent", entry.intent); }
    item.setAttribute("lang", entry.lang);
    item.appendChild(speaker(t("bot", entry.lang)));
    var quick = null;
    entry.messages.forEach(function (message) {
      if (message.type === "text") {
        item.appendChild(withText(el("p"), message.text));
      } else if (message.type === "link") {
        item.appendChild(linkParagraph(message.text, message.url));
      } else if (message.type === "card") {
        var card = el("div", "message__card");
        card.appendChild(withText(el("p", "message__card-title"), message.title || ""));
        if (message.subtitle) { card.appendChild(withText(el("p"), message.subtitle)); }
        (message.buttons || []).forEach(function (button) { card.appendChild(linkParagraph(button.text, button.url)); });
        item.appendChild(card);
      } else if (message.type === "quick_replies") {
        quick = message.replies;
      }
    });
    log.appendChild(item);
    if (entry.endsTask) { log.appendChild(feedbackBlock(entry)); }
    if (latest && quick && quick.length) { log.appendChild(quickReplies(quick, entry.lang)); }
    return item;
  }

  function renderUser(entry) {
    var item = el("div", "message message--user");
    item.setAttribute("lang", entry.lang);
    item.appendChild(speaker(t("you", entry.lang)));
    withText(item, entry.text);
    var note = el("span", "message__waiting");
    note.setAttribute("lang", entry.lang);
    item.appendChild(note);
    nodes[entry.id] = item;
    log.appendChild(item);
    return item;
  }

  function linkParagraph(text, url) {
    var p = el("p");
    var a = el("a", "", text);
    if (/^https?:\/\//i.test(url)) { a.href = url; }
    if (embedded) { a.target = "_top"; } // the same tab: the council's page, not the widget's frame
    p.appendChild(a);
    return p;
  }

  function quickReplies(replies, replyLanguage) {
    var group = el("ul", "quick-replies");
    group.id = "quick-replies";
    group.setAttribute("aria-label", t("suggestions", replyLanguage));
    group.setAttribute("lang", replyLanguage);
    replies.forEach(function (reply) {
      var li = el("li");
      var button = el("button", "button button--secondary quick-reply", reply);
      button.type = "button";
      button.addEventListener("click", function () { toInput(); submit(reply); });
      li.appendChild(button);
      group.appendChild(li);
    });
    return group;
  }

  function clearQuickReplies() {
    var old = byId("quick-replies");
    if (old) { old.parentNode.removeChild(old); }
  }

  // Show the start of the newest reply at the top of the log (a long reply is read from its first
  // line), and, while the resident is in the message box, keep it on the screen.
  function reveal(item) {
    if (item) {
      log.scrollTop += item.getBoundingClientRect().top - log.getBoundingClientRect().top - 8;
    } else {
      log.scrollTop = log.scrollHeight;
    }
    if (document.activeElement === input) { boxInView(); }
  }

  function boxInView() {
    var row = byId("chat-row");
    var box = row.getBoundingClientRect();
    if (box.bottom > window.innerHeight || box.top < 0) { row.scrollIntoView({ block: "end" }); }
  }

  // Back to the message box, whole on the screen, when the control that had focus is done with.
  function toInput() {
    input.focus();
    boxInView();
  }

  function showAll() {
    log.textContent = "";
    entries.forEach(function (entry, index) { render(entry, index === entries.length - 1); });
    markWaiting();
    reveal(null);
  }

  function markWaiting() {
    var blocked = inFlight && !stalled ? 1 : 0; // the one on its way is not waiting
    var waiting = queue.slice(blocked).map(function (item) { return item.id; });
    entries.forEach(function (entry) {
      if (entry.who !== "user" || !nodes[entry.id]) { return; }
      var note = nodes[entry.id].querySelector(".message__waiting");
      note.textContent = waiting.indexOf(entry.id) >= 0 ? " (" + t("waiting", entry.lang) + ")" : "";
    });
  }

  // Sending -----------------------------------------------------------------------------------------

  function submit(text) {
    var entry = { who: "user", text: text, lang: language, id: newSession().slice(0, 8) };
    entries.push(entry);
    queue.push({ text: text, id: entry.id });
    clearQuickReplies();
    renderUser(entry);
    reveal(null);
    save();
    pump();
    markWaiting();
  }

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin"
    }).then(function (response) {
      if (!response.ok) {
        var error = new Error("HTTP " + response.status);
        error.status = response.status;
        error.wait = parseInt(response.headers.get("Retry-After") || "0", 10);
        throw error;
      }
      return response.status === 202 ? null : response.json();
    });
  }

  function pump() {
    if (!started || inFlight || stalled || !queue.length) { return; }
    inFlight = true;
    var mine = generation;
    var next = queue[0];
    status.textContent = t("thinking");
    var body = { council: council, session: session, text: next.text, language: language };
    if (state) { body.state = state; }
    post(api, body).then(function (reply) {
      if (mine !== generation) { return; }
      inFlight = false;
      attempts = 0;
      queue.shift();
      clearProblem();
      answer(reply);
      pump();
      markWaiting();
    }, function (error) {
      if (mine !== generation) { return; }
      inFlight = false;
      problem(error, next.text === "");
    });
  }

  function answer(reply) {
    state = reply.state || state;
    if (reply.language && reply.language !== language && languages.indexOf(reply.language) >= 0) {
      language = reply.language;
      applyLanguage();
    }
    var entry = { who: "bot", lang: reply.language || language, intent: reply.intent, messages: reply.messages || [],
      endsTask: !!reply.ends_task, answer: entries.length };
    entries.push(entry);
    status.textContent = "";
    clearQuickReplies();
    reveal(render(entry, true));
    save();
  }

  // A failed send: say so (role="alert"), keep the message first in the queue, and offer to send it
  // again. After a 429 it is sent again by itself when the server says; the welcome keeps trying,
  // waiting longer each time (1, 2, 4 ... 30 seconds).
  function problem(error, welcome) {
    status.textContent = "";
    stalled = true;
    attempts += 1;
    var wait = error.status === 429 ? Math.min(Math.max(error.wait || 1, 1), 60)
      : welcome ? Math.min(Math.pow(2, attempts - 1), 30) : 0;
    var key = welcome ? "startFailed" : error.status === 429 ? "busy" : "failed";
    alertBox.textContent = t(key);
    retryButton.hidden = false;
    if (wait) { retryTimer = window.setTimeout(retry, wait * 1000); }
    markWaiting();
  }

  // "Try again" goes while a send is tried again (by itself too): a resident on it goes to the box.
  function clearProblem() {
    alertBox.textContent = "";
    if (document.activeElement === retryButton) { toInput(); }
    retryButton.hidden = true;
  }

  function retry() {
    window.clearTimeout(retryTimer);
    retryTimer = null;
    stalled = false;
    clearProblem();
    pump();
    markWaiting();
  }

  // Start again, save, and feedback ------------------------------------------------------------------

  function startAgain() {
    generation += 1;
    window.clearTimeout(retryTimer);
    retryTimer = null;
    inFlight = stalled = false;
    attempts = 0;
    reset({ queue: [{ text: "", id: null }] });
    clearProblem();
    status.textContent = "";
    log.textContent = "";
    nodes = {};
    save();
    pump();
    toInput();
  }

  function transcript() {
    var name = root.getAttribute("data-name-" + language) || council;
    var lines = [name, t("savedOn") + " " + new Date().toLocaleString(language + "-GB"), ""];
    entries.forEach(function (entry) {
      if (entry.who === "user") { lines.push(t("you", entry.lang) + " " + entry.text, ""); return; }
      lines.push(t("bot", entry.lang));
      entry.messages.forEach(function (m) {
        if (m.type === "text") { lines.push("  " + m.text); }
        if (m.type === "link") { lines.push("  " + m.text + ": " + m.url); }
        if (m.type === "card") {
          lines.push("  " + (m.title || "") + (m.subtitle ? ": " + m.subtitle : ""));
          (m.buttons || []).forEach(function (b) { lines.push("  " + b.text + ": " + b.url); });
        }
      });
      lines.push("");
    });
    return lines.join("\r\n");
  }

  function saveTranscript() {
    var link = el("a");
    link.href = URL.createObjectURL(new Blob([transcript()], { type: "text/plain;charset=utf-8" }));
    link.download = "chat-" + council + "-" + new Date().toISOString().slice(0, 10) + ".txt";
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
    status.textContent = t("saved");
  }

  function feedbackBlock(entry) {
    var lang = entry.lang;
    var box = el("div", "feedback");
    box.setAttribute("lang", lang);
    if (entry.feedback) {
      box.appendChild(el("p", "feedback__thanks", t("thanks", lang)));
      return box;
    }
    var group = el("div", "feedback__choices");
    group.setAttribute("role", "group");
    var question = el("p", "feedback__question", t("helpful", lang));
    question.id = "helpful-" + entry.answer;
    group.setAttribute("aria-labelledby", question.id);
    group.appendChild(question);
    [["yes", true], ["no", false]].forEach(function (choice) {
      var button = el("button", "button button--secondary feedback__button", t(choice[0], lang));
      button.type = "button";
      button.addEventListener("click", function () { sendFeedback(entry, box, choice[1]); });
      group.appendChild(button);
    });
    box.appendChild(group);
    return box;
  }

  function sendFeedback(entry, box, helpful, comment) {
    var body = { council: council, session: session, intent: entry.intent, answer: entry.answer, helpful: helpful, language: entry.lang };
    if (comment) { body.comment = comment; }
    post(feedbackApi, body).then(function () {
      entry.feedback = helpful ? "yes" : "no";
      save();
      box.textContent = "";
      box.appendChild(el("p", "feedback__thanks", t("thanks", entry.lang)));
      if (helpful || comment !== undefined) { toInput(); return; }
      box.appendChild(commentForm(entry, box)).querySelector("input").focus();
      // Not helped: the way to a person is one tap away, in the words the hand-off intent understands.
      var person = root.getAttribute("data-person-" + entry.lang);
      if (person) {
        var ask = el("button", "button button--secondary feedback__person", person);
        ask.type = "button";
        ask.addEventListener("click", function () {
          box.removeChild(ask);
          submit(person);
          toInput();
        });
        box.appendChild(ask);
      }
    }, function () {
      status.textContent = t("feedbackFailed", entry.lang);
    });
  }

  function commentForm(entry, box) {
    var lang = entry.lang;
    var asked = el("form", "feedback__comment");
    var id = "looking-for-" + entry.answer;
    var label = el("label", "chat__label", t("lookingFor", lang));
    label.htmlFor = id;
    var field = el("input", "chat__input");
    field.id = id;
    field.type = "text";
    field.maxLength = 500;
    var button = el("button", "button button--secondary", t("sendFeedback", lang));
    button.type = "submit";
    asked.appendChild(label);
    var row = el("div", "chat__row");
    row.appendChild(field);
    row.appendChild(button);
    asked.appendChild(row);
    asked.addEventListener("submit", function (event) {
      event.preventDefault();
      var comment = field.value.trim();
      if (comment) { sendFeedback(entry, box, false, comment); } else { asked.parentNode.removeChild(asked); toInput(); }
    });
    return asked;
  }

  // Wiring ------------------------------------------------------------------------------------------

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) { return; }
    input.value = "";
    submit(text);
    input.focus();
  });

  retryButton.addEventListener("click", function () { toInput(); retry(); });
  byId("chat-restart").addEventListener("click", startAgain);
  byId("chat-save").addEventListener("click", saveTranscript);

  Array.prototype.forEach.call(root.querySelectorAll("[data-language-choice]"), function (button) {
    button.addEventListener("click", function () {
      var chosen = button.getAttribute("data-language-choice");
      if (chosen === language) { return; }
      language = chosen;
      applyLanguage();
      save();
      // Before the resident has said anything, the welcome is said again in their language.
      if (!entries.some(function (entry) { return entry.who === "user"; })) { startAgain(); }
      input.focus();
    });
  });

  // Show the conversation kept for this tab (or start one), and carry on sending what was waiting.
  function start(kept) {
    if (started) { return; }
    started = true;
    // A conversation under way keeps the language it was in; a new one takes the page's.
    if (kept.entries && kept.entries.length && languages.indexOf(kept.language) >= 0) { language = kept.language; }
    var early = { entries: entries, queue: queue }; // typed before the kept conversation came
    reset(kept);
    entries = entries.concat(early.entries);
    queue = queue.concat(early.queue);
    byId("chat-tools").hidden = false;
    applyLanguage();
    if (!entries.length && !queue.length) { queue.push({ text: "", id: null }); }
    showAll();
    pump();
  }

  // Inside the widget's frame: Escape closes the widget (keys typed here never reach the host page),
  // opening the widget puts the cursor in the message box, and the widget may keep the conversation.
  if (window.parent !== window) {
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { window.parent.postMessage("council-chat:close", "*"); }
    });
    window.addEventListener("message", function (event) {
      if (event.source !== window.parent) { return; }
      if (event.data === "council-chat:focus") { input.focus(); }
      if (event.data && event.data.councilChat === "kept" && !ownStorage && !started) {
        host = event.origin;
        var kept = {};
        try { kept = JSON.parse(event.data.data || "{}"); } catch (e) { /* start afresh */ }
        start(kept);
      }
    });
  }
  if (ownStorage || window.parent === window) {
    start(load());
  } else {
    // Only a page the chat's frame-ancestors policy allows can answer; without the widget, none does.
    window.parent.postMessage({ councilChat: "load" }, "*");
    window.setTimeout(function () { start({}); }, 1500);
  }
})();
