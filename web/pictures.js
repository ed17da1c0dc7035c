// The Pictures page: find symbols by words, choose some, print a sheet.
import { h, searchSymbols, symbolButton } from './symbols.js';

const $ = (id) => document.getElementById(id);
const chosen = new Map();  // code -> {code, name, url}
let lastFound = [];

function drawFound() {
  $('found').replaceChildren(...lastFound.map((symbol) => symbolButton(symbol, toggle, chosen.has(symbol.code))));
}

function drawSheet() {
  $('chosen-none').hidden = chosen.size > 0;
  $('print-sheet').disabled = chosen.size === 0;
  $('clear-sheet').hidden = chosen.size === 0;
  $('chosen').replaceChildren(...[...chosen.values()].map((symbol) => h('li', { class: 'sheet-item' },
    h('img', { src: symbol.url, alt: '' }),
    h('span', { class: 'symbol-name' }, symbol.name),
    h('button', { type: 'button', class: 'quiet remove', onclick: () => toggle(symbol, true) },
      h('span', { class: 'no-print' }, 'Take off '), h('span', { class: 'visually-hidden' }, symbol.name)))));
}

function toggle(symbol, fromSheet) {
  if (chosen.has(symbol.code)) chosen.delete(symbol.code);
  else chosen.set(symbol.code, symbol);
  const focused = document.activeElement;
  drawFound();
  drawSheet();
  // Keep the keyboard where it was: on the same picture in the results.
  if (!fromSheet && focused?.classList.contains('symbol')) {
    const at = lastFound.findIndex((s) => s.code === symbol.code);
    $('found').children[at]?.focus();
  } else if (fromSheet) {
    $('chosen-heading').setAttribute('tabindex', '-1');
    $('chosen-heading').focus();
  }
  $('find-status').textContent = chosen.has(symbol.code)
    ? `${symbol.name} is on your sheet.` : `${symbol.name} is off your sheet.`;
}

async function find(event) {
  event.preventDefault();
  const words = $('find-words').value.trim();
  if (!words) return;
  $('find-status').textContent = 'Looking for pictures.';
  try {
    lastFound = await searchSymbols(words, 24);
    $('find-status').textContent = lastFound.length === 0
      ? 'No pictures found. Try other words.'
      : `Found ${lastFound.length} pictures. Press a picture to put it on your sheet.`;
  } catch (error) {
    lastFound = [];
    $('find-status').textContent = error.message;
  }
  drawFound();
}

$('no-script').hidden = true;
$('find-form').addEventListener('submit', find);
$('print-sheet').addEventListener('click', () => window.print());
$('clear-sheet').addEventListener('click', () => { chosen.clear(); drawFound(); drawSheet(); $('find-words').focus(); });
drawSheet();
document.body.dataset.ready = 'yes';
