// The Check page: "Use this word" buttons that change the writing in the box.
// Without script the page still works: the form posts, the server answers.
'use strict';

function replaceFirst(text, find, use) {
  let at = text.indexOf(find);
  if (at < 0) at = text.toLowerCase().indexOf(find.toLowerCase());
  if (at < 0) return null;
  const found = text.slice(at, at + find.length);
  // Keep a capital letter at the start: "Commissioners" becomes "People who ...".
  const first = found.charAt(0);
  const word = first !== first.toLowerCase() ? use.charAt(0).toUpperCase() + use.slice(1) : use;
  return text.slice(0, at) + word + text.slice(at + find.length);
}

function setUp() {
  const box = document.getElementById('text');
  const status = document.getElementById('status');
  const results = document.getElementById('results');
  if (!box || !results) return;
  for (const button of results.querySelectorAll('button.use-word')) {
    button.hidden = false;
    button.addEventListener('click', () => {
      const changed = replaceFirst(box.value, button.dataset.find, button.dataset.use);
      const say = changed === null
        ? `I could not find "${button.dataset.find}" in the box. You may have changed it already.`
        : `I changed "${button.dataset.find}" to "${button.dataset.use}" in the box.`;
      if (changed !== null) {
        box.value = changed;
        button.disabled = true;
        button.firstChild.textContent = 'Done';
      }
      status.textContent = say;
      button.parentElement.querySelector('.done-note')?.remove();
      const note = document.createElement('p');
      note.className = 'done-note';
      note.setAttribute('role', 'status');
      note.textContent = say;
      button.after(note);
    });
  }
  // The report is of the writing as it is in the box now.
  for (const form of results.querySelectorAll('form.report-form')) {
    form.addEventListener('submit', () => { form.querySelector('.report-text').value = box.value; });
  }
  const heading = document.getElementById('results-heading');
  if (heading && location.pathname === '/check' && document.referrer !== '') heading.focus();
}

document.addEventListener('DOMContentLoaded', setUp);
