// The "Make an Easy Read document" page: the form, the problems beside each
// point, the live preview, downloads, and the draft kept in this browser.
import {
  NotesError, getAttr, isPhotoName, newNotes, partAtLine, readNotes, setAttr, singlePart, writeNotes,
} from './notes.js';
import { addSection, addWord, drawParts, drawWords } from './make-form.js';
import { h } from './symbols.js';

const draftKey = 'easyread-make-notes';
const photosKey = 'easyread-make-photos';
const $ = (id) => document.getElementById(id);
const today = () => new Date().toISOString().slice(0, 10);

const ui = {
  doc: null,
  photos: new Map(),        // name in the notes -> File
  symbols: new Map(),       // code -> {name, url}
  problemBoxes: new Map(),  // part id -> element
  changed: () => schedule(),
  // Draws the form again, then puts the keyboard on the first of these that is there.
  redraw: (focusIds) => {
    drawForm();
    schedule();
    [].concat(focusIds ?? []).map((id) => $(id)).find(Boolean)?.focus();
  },
  symbolUrl: (code) => ui.symbols.get(code)?.url ?? null,
  symbolName: (code) => ui.symbols.get(code)?.name ?? code,
  rememberSymbol: (s) => ui.symbols.set(s.code, s),
  // Keeps a photo by a name no other photo has; returns the name.
  addPhoto(file) {
    let name = file.name.replace(/[^\w.-]+/g, '-') || 'photo.jpg';
    const [, stem, ext] = name.match(/^(.*?)(\.[^.]*)?$/);
    for (let n = 2; this.photos.has(name) && this.photos.get(name) !== file; n += 1) name = `${stem}-${n}${ext ?? ''}`;
    this.photos.set(name, new File([file], name, { type: file.type }));
    keepPhotos();
    return name;
  },
};

// ---------- the fields that are always there ----------

function drawForm() {
  ui.problemBoxes.clear();
  ui.problemBoxes.set('document', $('problems-document'));
  const cover = singlePart(ui.doc, 'cover', false);
  if (cover) ui.problemBoxes.set(cover.id, $('problems-cover'));
  for (const input of document.querySelectorAll('[data-attr]')) {
    const value = getAttr(ui.doc, input.dataset.attr) ?? (input.dataset.attr === 'template' ? 'newsletter' : '');
    if (input.tagName === 'SELECT' && value && ![...input.options].some((o) => o.value === value)) {
      input.append(h('option', { value }, value));
    }
    input.value = value;
  }
  $('cover-text').value = cover?.text ?? '';
  const checked = singlePart(ui.doc, 'checked', false);
  for (const input of document.querySelectorAll('[data-checked]')) input.value = checked ? getAttr(checked, input.dataset.checked) ?? '' : '';
  drawParts($('parts'), ui);
  drawWords($('words'), ui);
}

function wireFixedFields() {
  for (const input of document.querySelectorAll('[data-attr]')) {
    input.addEventListener(input.tagName === 'SELECT' ? 'change' : 'input', () => {
      setAttr(ui.doc, input.dataset.attr, input.value);
      schedule();
    });
  }
  $('cover-text').addEventListener('input', (e) => {
    const cover = singlePart(ui.doc, 'cover', true);
    cover.text = e.target.value;
    ui.problemBoxes.set(cover.id, $('problems-cover'));
    schedule();
  });
  for (const input of document.querySelectorAll('[data-checked]')) {
    input.addEventListener('input', () => {
      const checked = singlePart(ui.doc, 'checked', true);
      setAttr(checked, input.dataset.checked, input.value);
      schedule();
    });
  }
  $('add-section').addEventListener('click', () => addSection(ui));
  $('add-word').addEventListener('click', () => addWord(ui));
}

// ---------- the draft in this browser ----------

function keepDraft(xml) {
  try { localStorage.setItem(draftKey, xml); } catch { /* full or switched off: the page still works */ }
}

async function keepPhotos() {
  const stored = {};
  for (const [name, file] of ui.photos) {
    stored[name] = await new Promise((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result);
      reader.readAsDataURL(file);
    });
  }
  try {
    localStorage.setItem(photosKey, JSON.stringify(stored));
  } catch {
    $('open-status').textContent = 'Your photos are too big to keep in this web browser. Next time, choose them again.';
  }
}

async function loadPhotos() {
  let stored = {};
  try { stored = JSON.parse(localStorage.getItem(photosKey) ?? '{}'); } catch { return; }
  for (const [name, url] of Object.entries(stored)) {
    const blob = await (await fetch(url)).blob();
    ui.photos.set(name, new File([blob], name, { type: blob.type }));
  }
}

// ---------- checking as you type, and the preview ----------

let timer = null;
let round = 0;
function schedule() {
  clearTimeout(timer);
  timer = setTimeout(refresh, 150);
}

// The checker speaks of lines and tags; the form has neither. Its words
// for the form, where the notes' own words would not make sense.
const formWords = {
  'hard-word-not-explained': 'Say what it means in part 3, "Words to know".',
  'empty-point': 'Write some words here, or take this part out.',
  'empty-word': 'Say what the word means, or take it out.',
  'empty-item': 'Take out the empty line in the bullet points.',
  'missing-title': 'Write a title or a heading.',
  'missing-attribute': 'Fill in the empty box.',
  'empty-section': 'Add a point, or take this part out.',
  'missing-alt': 'Say what the picture shows.',
  'hard-word': 'Use an easier word. Or mark it as a hard word and say what it means.',
  abbreviation: 'Write the words in full. Or mark it as a hard word and say what it means.',
  jargon: null,  // its own words ("Try "use" instead.") fit the form
};
const tagNames = { word: 'word', section: 'part', point: 'point', action: 'action', meeting: 'meeting',
  link: 'link', checked: '"checked by"', cover: 'front page', easyread: 'document', list: 'bullet list', item: 'bullet point' };
const withoutTags = (text) => text.replace(/<([a-z]+)[^>]*>([^<]*)<\/\1>/g, '$2')
  .replace(/<\/?([a-z]+)[^>]*>/g, (tag, name) => tagNames[name] ?? '').replace(/ {2,}/g, ' ').trim();
const plainMessage = (d) => withoutTags(d.message.replace(/^Line \d+ (has|starts)/, 'This part $1')
  .replace(/ on line \d+/, ''));
const plainSuggestion = (d) => formWords[d.rule] ?? withoutTags(d.suggestion ?? '');

function showProblems(diagnostics, places) {
  const byPart = new Map();
  for (const d of diagnostics) {
    if (d.severity === 'note') continue;
    const id = partAtLine(places, d.line) ?? 'document';
    const key = ui.problemBoxes.has(id) ? id : 'document';
    if (!byPart.has(key)) byPart.set(key, []);
    byPart.get(key).push(d);
  }
  for (const [id, box] of ui.problemBoxes) {
    const found = byPart.get(id) ?? [];
    const list = found.map((d) => h('li', { class: d.severity },
      h('span', { class: 'what' }, d.severity === 'error' ? 'Needs a change: ' : 'Think about this: '),
      plainMessage(d), plainSuggestion(d) ? h('span', { class: 'todo' }, ` ${plainSuggestion(d)}`) : null));
    // Said aloud by screen readers when it changes: so change it only then.
    const said = list.map((li) => li.textContent).join('\n');
    if (box.dataset.said === said) continue;
    box.dataset.said = said;
    box.replaceChildren(...(list.length ? [h('ul', {}, list)] : []));
  }
  return diagnostics.some((d) => d.severity === 'error');
}

function photosForNotes() {
  const wanted = new Set();
  const walk = (part) => {
    const picture = part.attrs ? getAttr(part, 'picture') : undefined;
    if (isPhotoName(picture)) wanted.add(picture.split('/').pop());
    for (const child of [...(part.blocks ?? []), ...(part.words ?? [])]) walk(child);
  };
  ui.doc.parts.forEach(walk);
  return [...ui.photos.entries()].filter(([name]) => wanted.has(name)).map(([, file]) => file);
}

function buildForm(format, xml) {
  const form = new FormData();
  form.append('notes', xml);
  form.append('format', format);
  for (const file of photosForNotes()) form.append('picture', file, file.name);
  return form;
}

async function refresh() {
  const mine = ++round;
  const { xml, places } = writeNotes(ui.doc);
  keepDraft(xml);
  updatePreview(xml);  // at the same time as the check: shown only if it builds
  // Notes with a mistake get no word checks at all. A title not written yet
  // is the usual one, so the words are checked under a stand-in title and
  // the missing title is said here.
  const noTitle = (getAttr(ui.doc, 'title') ?? '').trim() === '';
  const rootLine = places.find((p) => p.id === 'document')?.from ?? 1;
  const checked = !noTitle ? xml : xml.split('\n').map((line, i) => (i + 1 !== rootLine ? line
    : line.replace(/ title="[^"]*"/, '').replace('<easyread', '<easyread title="Notes"'))).join('\n');
  const form = new FormData();
  form.append('file', new Blob([checked], { type: 'application/xml' }), 'notes.xml');
  let report;
  try {
    const answer = await fetch('/api/check', { method: 'POST', body: form });
    report = await answer.json();
  } catch {
    $('preview-status').textContent = 'easyread is not answering. Is it still running?';
    return;
  }
  if (mine !== round) return;  // the person typed again: a newer answer is coming
  const diagnostics = report.files?.[0]?.diagnostics ?? report.diagnostics ?? [];
  if (noTitle) {
    diagnostics.unshift({ severity: 'error', rule: 'missing-title', line: rootLine,
      message: 'Your document has no title.', suggestion: 'Write a title.' });
  }
  const hasErrors = showProblems(diagnostics, places);
  $('preview-status').textContent = hasErrors ? 'Some parts need a change. Then you will see your document here.' : '';
}

// The preview is the server's own answer in a frame, so it keeps its own
// security rules and styles. There are 2 frames: the new page loads in the
// hidden one and is shown only when it is a page (notes with a mistake get
// no page, so the last good one stays), and only if nothing newer is shown.
// A newer send to the same frame stops the one before it.
let sentPreviews = 0;
let shownPreview = 0;

function showPreview(frame) {
  const seq = Number(frame.dataset.seq ?? 0);
  if (seq <= shownPreview || frame.contentDocument?.contentType !== 'text/html') return;
  const old = document.querySelector('.make-preview iframe:not([hidden])');
  const scrolled = old?.contentWindow?.scrollY ?? 0;
  shownPreview = seq;
  frame.hidden = false;
  if (old && old !== frame) old.hidden = true;
  frame.contentWindow.scrollTo(0, scrolled);  // keep the reader's place
}

function updatePreview(xml) {
  const frame = document.querySelector('.make-preview iframe[hidden]');
  const form = $('preview-form');
  form.target = frame.name;
  frame.dataset.seq = String(++sentPreviews);
  form.elements.notes.value = xml;
  const files = new DataTransfer();
  for (const file of photosForNotes()) files.items.add(file);
  form.elements.picture.files = files.files;
  // An empty file field would still send a nameless part: leave it out.
  form.elements.picture.disabled = files.files.length === 0;
  form.submit();
}

// ---------- downloads, saving and opening ----------

function fileStem() {
  const title = (getAttr(ui.doc, 'title') ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return title.slice(0, 60) || 'easy-read';
}

function saveFile(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

async function download(format, label) {
  const status = $('download-status');
  status.textContent = `Making your ${label}.`;
  const { xml } = writeNotes(ui.doc);
  try {
    const answer = await fetch('/api/build', { method: 'POST', body: buildForm(format, xml) });
    if (!answer.ok) {
      const body = await answer.json().catch(() => ({}));
      const first = body.diagnostics?.find((d) => d.severity === 'error') ?? body.diagnostics?.[0];
      status.textContent = first
        ? `easyread could not make it. ${plainMessage(first)} ${plainSuggestion(first)}`
        : `easyread could not make it. Please try again. (${answer.status})`;
      return;
    }
    saveFile(await answer.blob(), `${fileStem()}.${format}`);
    status.textContent = `Your ${label} is ready. Look in your downloads.`;
  } catch {
    status.textContent = 'easyread is not answering. Is it still running?';
  }
}

async function openFiles(files) {
  const status = $('open-status');
  const notes = [...files].find((f) => /\.xml$/i.test(f.name));
  for (const file of files) if (file !== notes) ui.addPhoto(file);
  if (!notes) {
    status.textContent = files.length ? 'Your photos are ready to use.' : '';
    drawForm();
    schedule();
    return;
  }
  try {
    ui.doc = readNotes(await notes.text());
  } catch (error) {
    status.textContent = error instanceof NotesError ? error.message : 'easyread cannot open this file.';
    return;
  }
  await findSymbolNames();
  drawForm();
  schedule();
  status.textContent = `Your notes from ${notes.name} are open.`;
  $('doc-title').focus();
}

// Pictures given by code or name in opened notes: find their picture to show.
async function findSymbolNames() {
  const values = new Set();
  const walk = (part) => {
    const picture = part.attrs ? getAttr(part, 'picture') : undefined;
    if (picture && picture !== 'none' && !isPhotoName(picture) && !ui.symbols.has(picture)) values.add(picture);
    for (const child of [...(part.blocks ?? []), ...(part.words ?? [])]) walk(child);
  };
  ui.doc.parts.forEach(walk);
  await Promise.all([...values].map(async (value) => {
    try {
      const answer = await fetch(`/api/symbols?${new URLSearchParams({ q: value, limit: '1' })}`);
      const [best] = await answer.json();
      if (best && (best.code === value || best.name.toLowerCase() === value.toLowerCase())) ui.symbols.set(value, best);
    } catch { /* shown by its name only */ }
  }));
}

async function loadTemplates() {
  const select = $('doc-look');
  try {
    const templates = await (await fetch('/api/templates')).json();
    select.replaceChildren(...templates.map((t) => h('option', { value: t.name }, t.title || t.name)));
  } catch {
    select.replaceChildren(h('option', { value: 'newsletter' }, 'Newsletter'));
  }
}

async function start() {
  $('no-script').hidden = true;
  for (const frame of document.querySelectorAll('.make-preview iframe')) {
    frame.addEventListener('load', () => showPreview(frame));
  }
  wireFixedFields();
  $('download-pdf').addEventListener('click', () => download('pdf', 'PDF'));
  $('download-html').addEventListener('click', () => download('html', 'web page'));
  $('download-docx').addEventListener('click', () => download('docx', 'Word file'));
  $('save-notes').addEventListener('click', () => {
    saveFile(new Blob([writeNotes(ui.doc).xml], { type: 'application/xml' }), `${fileStem()}.xml`);
    $('download-status').textContent = 'We saved your notes. Look in your downloads.';
  });
  $('open-notes').addEventListener('change', (e) => { openFiles(e.target.files); e.target.value = ''; });
  $('start-again').addEventListener('click', () => {
    // eslint-disable-next-line no-alert
    if (!window.confirm('Start again with an empty form? Save your notes first if you want them.')) return;
    ui.doc = newNotes(today());
    ui.photos.clear();
    localStorage.removeItem(photosKey);
    ui.redraw('doc-title');
  });
  await loadTemplates();
  await loadPhotos();
  const draft = localStorage.getItem(draftKey);
  try { ui.doc = draft ? readNotes(draft) : newNotes(today()); } catch { ui.doc = newNotes(today()); }
  await findSymbolNames();
  drawForm();
  if (draft) schedule();
  document.body.dataset.ready = 'yes';
}

start();
