/* The residents' chat. Plain JavaScript, no dependencies, no external requests.
 *
 * Accessibility: bot replies go into a role="log" live region so screen readers announce them;
 * focus stays in the message box; quick replies are real buttons; links open in the same tab;
 * Welsh text is marked lang="cy".
 */
(function () {
  "use strict";

  var root = document.getElementById("chat");
  if (!root) { return; }

  var TEXT = {
    en: {
      you: "You said:", bot: "Council assistant said:", send: "Send", label: "Your message",
      intro: "Ask a question about council services.",
      hint: "Do not share bank details. In an emergency, call 999.",
      thinking: "The assistant is replying…", error: "Sorry, the chat is not working right now. Please try again.",
      busy: "You are sending messages too fast. Please wait a moment.", suggestions: "Suggested replies"
    },
    cy: {
      you: "Dywedoch chi:", bot: "Dywedodd cynorthwyydd y cyngor:", send: "Anfon", label: "Eich neges",
      intro: "Gofynnwch gwestiwn am wasanaethau’r cyngor.",
      hint: "Peidiwch â rhannu manylion banc. Mewn argyfwng, ffoniwch 999.",
      thinking: "Mae’r cynorthwyydd yn ateb…", error: "Mae’n ddrwg gennym, nid yw’r sgwrs yn gweithio ar hyn o bryd. Rhowch gynnig arall arni.",
      busy: "Rydych chi’n anfon negeseuon yn rhy gyflym. Arhoswch funud.", suggestions: "Atebion awgrymedig"
    }
  };

  var council = root.getAttribute("data-council");
  var api = root.getAttribute("data-api");
  var languages = (root.getAttribute("data-languages") || "en").split(" ");
  var log = document.getElementById("chat-log");
  var form = document.getElementById("chat-form");
  var input = document.getElementById("chat-input");
  var status = document.getElementById("chat-status");
  var storageKey = "council-chat:" + council;
  var saved = load();
  var language = saved.language || root.getAttribute("data-language") || languages[0];
  var session = saved.session || newSession();
  var state = saved.state || null;
  var busy = false;

  function load() {
    try { return JSON.parse(window.sessionStorage.getItem(storageKey) || "{}"); } catch (e) { return {}; }
  }

  function save() {
    try {
      window.sessionStorage.setItem(storageKey, JSON.stringify({ session: session, state: state, language: language }));
    } catch (e) { /* private browsing: the conversation simply is not kept across reloads */ }
  }

  function newSession() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function t(key) { return (TEXT[language] || TEXT.en)[key]; }

  function applyLanguage() {
    document.documentElement.lang = language;
    root.setAttribute("data-language", language);
    var name = root.getAttribute("data-name-" + language);
    if (name) { document.getElementById("chat-title").textContent = name; }
    document.getElementById("chat-intro").textContent = t("intro");
    document.getElementById("chat-input-label").textContent = t("label");
    document.getElementById("chat-send").textContent = t("send");
    document.getElementById("chat-hint").textContent = t("hint");
    var choices = root.querySelectorAll("[data-language-choice]");
    Array.prototype.forEach.call(choices, function (button) {
      button.setAttribute("aria-pressed", button.getAttribute("data-language-choice") === language ? "true" : "false");
    });
  }

  function add(element) {
    log.appendChild(element);
    element.scrollIntoView({ block: "end" });
  }

  function speaker(label) {
    var span = document.createElement("span");
    span.className = "visually-hidden";
    span.textContent = label + " ";
    return span;
  }

  function showUser(text) {
    var item = document.createElement("div");
    item.className = "message message--user";
    item.setAttribute("lang", language);
    item.appendChild(speaker(t("you")));
    item.appendChild(document.createTextNode(text));
    add(item);
  }

  function showBot(messages, replyLanguage, intent) {
    clearQuickReplies();
    var item = document.createElement("div");
    item.className = "message message--bot";
    if (intent) { item.setAttribute("data-intent", intent); }
    item.setAttribute("lang", replyLanguage);
    item.appendChild(speaker((TEXT[replyLanguage] || TEXT.en).bot));
    var quick = null;
    messages.forEach(function (message) {
      if (message.type === "text") {
        var p = document.createElement("p");
        p.textContent = message.text;
        item.appendChild(p);
      } else if (message.type === "link") {
        item.appendChild(linkParagraph(message.text, message.url));
      } else if (message.type === "card") {
        var card = document.createElement("div");
        card.className = "message__card";
        var title = document.createElement("p");
        title.className = "message__card-title";
        title.textContent = message.title || "";
        card.appendChild(title);
        if (message.subtitle) {
          var subtitle = document.createElement("p");
          subtitle.textContent = message.subtitle;
          card.appendChild(subtitle);
        }
        (message.buttons || []).forEach(function (button) { card.appendChild(linkParagraph(button.text, button.url)); });
        item.appendChild(card);
      } else if (message.type === "quick_replies") {
        quick = message.replies;
      }
    });
    add(item);
    if (quick && quick.length) { showQuickReplies(quick, replyLanguage); }
  }

  function linkParagraph(text, url) {
    var p = document.createElement("p");
    var a = document.createElement("a");
    a.textContent = text;
    if (/^https?:\/\//i.test(url)) { a.href = url; }
    p.appendChild(a);
    return p;
  }

  function showQuickReplies(replies, replyLanguage) {
    var group = document.createElement("ul");
    group.className = "quick-replies";
    group.id = "quick-replies";
    group.setAttribute("aria-label", (TEXT[replyLanguage] || TEXT.en).suggestions);
    group.setAttribute("lang", replyLanguage);
    replies.forEach(function (reply) {
      var li = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button button--secondary quick-reply";
      button.textContent = reply;
      button.addEventListener("click", function () { send(reply); });
      li.appendChild(button);
      group.appendChild(li);
    });
    root.insertBefore(group, status);
  }

  function clearQuickReplies() {
    var old = document.getElementById("quick-replies");
    if (old) { old.parentNode.removeChild(old); }
  }

  function send(text) {
    if (busy) { return; }
    busy = true;
    if (text) { showUser(text); }
    status.textContent = t("thinking");
    var body = { council: council, session: session, text: text || "", language: language };
    if (state) { body.state = state; }
    fetch(api, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin"
    }).then(function (response) {
      if (response.status === 429) { throw new Error("busy"); }
      if (!response.ok) { throw new Error("failed"); }
      return response.json();
    }).then(function (reply) {
      state = reply.state || state;
      if (reply.language && reply.language !== language && languages.indexOf(reply.language) >= 0) {
        language = reply.language;
        applyLanguage();
      }
      save();
      status.textContent = "";
      showBot(reply.messages || [], reply.language || language, reply.intent);
    }).catch(function (error) {
      status.textContent = error.message === "busy" ? t("busy") : t("error");
    }).then(function () { busy = false; });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) { return; }
    input.value = "";
    send(text);
    input.focus();
  });

  Array.prototype.forEach.call(root.querySelectorAll("[data-language-choice]"), function (button) {
    button.addEventListener("click", function () {
      var chosen = button.getAttribute("data-language-choice");
      if (chosen === language) { return; }
      language = chosen;
      applyLanguage();
      save();
      if (!log.children.length || log.children.length === 1) {
        log.textContent = "";
        send("");
      }
      input.focus();
    });
  });

  // Inside the widget's frame, Escape closes the widget (keys typed here never reach the host page).
  if (window.parent !== window) {
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { window.parent.postMessage("council-chat:close", "*"); }
    });
  }

  applyLanguage();
  send("");
})();
