// The read-aloud script. It uses only the browser's own speech (Web Speech
// API): nothing is sent anywhere. It adds the Listen buttons only when the
// browser has a voice, so a page without speech (or without script) has no
// dead buttons, and the page carries no button markup it may not use.
#include "html/internal.hpp"

namespace easyread::html {

std::string_view speech_script() {
  return R"JS((function () {
  "use strict";
  var synth = window.speechSynthesis;
  if (!synth || typeof window.SpeechSynthesisUtterance !== "function") return;
  var body = document.body;
  var lang = document.documentElement.lang;
  var stopName = body.getAttribute("data-stop");
  var names = new Map();
  var current = null;
  function say(run, speaking) {
    run.button.textContent = speaking ? stopName : names.get(run.button);
  }
  function stop() {
    var run = current;
    if (!run) return;
    current = null;
    if (run.items[run.at]) run.items[run.at].classList.remove("speaking");
    say(run, false);
    synth.cancel();
  }
  function next(run) {
    if (current !== run) return;
    if (run.items[run.at]) run.items[run.at].classList.remove("speaking");
    run.at += 1;
    var item = run.items[run.at];
    if (!item) { current = null; say(run, false); return; }
    item.classList.add("speaking");
    var words = new SpeechSynthesisUtterance(item.textContent.replace(/\s+/g, " ").trim());
    words.lang = lang;
    words.onend = function () { next(run); };
    words.onerror = function () { if (current === run) stop(); };
    synth.speak(words);
  }
  function start(button) {
    var scope = button.classList.contains("all") ? document : button.closest(".row");
    stop();
    current = { button: button, items: Array.prototype.slice.call(scope.querySelectorAll(".s")), at: -1 };
    say(current, true);
    next(current);
  }
  function add(parent, className, name) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = className;
    button.textContent = name;
    names.set(button, name);
    button.addEventListener("click", function () {
      if (current && current.button === button) stop(); else start(button);
    });
    parent.appendChild(button);
  }
  function show() {
    if (names.size > 0 || synth.getVoices().length === 0) return;
    var cover = document.querySelector(".cover");
    if (cover) add(cover, "listen all", body.getAttribute("data-listen-all"));
    document.querySelectorAll(".row .text").forEach(function (text) {
      add(text, "listen", body.getAttribute("data-listen"));
    });
  }
  show();
  if (typeof synth.addEventListener === "function") synth.addEventListener("voiceschanged", show);
})();
)JS";
}

}  // namespace easyread::html
