// The parts of the Make form that come and go: parts with a heading, their
// points, actions and meetings, the picture chooser, and the word list.
// Each field writes straight into the notes model (notes.js) and calls
// ui.changed(); adding or taking out a part calls ui.redraw().
import { getAttr, isPhotoName, newBlock, newSection, setAttr, singlePart } from './notes.js';
import { h, searchSymbols, symbolButton } from './symbols.js';

const blockNames = { point: 'Point', action: 'Action', meeting: 'Meeting' };

function field(id, label, control, hint) {
  const hintEl = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: id }, label), hintEl, control);
}

function attrInput(part, name, id, ui, type = 'text') {
  return h('input', {
    id, type, value: getAttr(part, name) ?? '', autocomplete: 'off',
    oninput: (e) => { setAttr(part, name, e.target.value.trim() === '' ? '' : e.target.value); ui.changed(); },
  });
}

// Wraps the chosen words of a box in a mark: [[hard]], **bold** or [words](address).
function wrapSelection(box, before, after, ui) {
  const { selectionStart: from, selectionEnd: to, value } = box;
  const chosen = value.slice(from, to) || 'words';
  box.value = value.slice(0, from) + before + chosen + after + value.slice(to);
  box.focus();
  box.setSelectionRange(from + before.length, from + before.length + chosen.length);
  box.dispatchEvent(new Event('input'));
  ui.changed();
}

function markButtons(box, ui) {
  const link = () => {
    // eslint-disable-next-line no-alert
    const address = window.prompt('The web address for the link, like https://example.org');
    if (address) wrapSelection(box, '[', `](${address.replace(/[\\)]/g, (c) => `\\${c}`)})`, ui);
  };
  return h('div', { class: 'marks', role: 'group', 'aria-label': 'Marks for the chosen words' },
    h('button', { type: 'button', class: 'quiet', onclick: () => wrapSelection(box, '[[', ']]', ui) }, 'Hard word'),
    h('button', { type: 'button', class: 'quiet', onclick: () => wrapSelection(box, '**', '**', ui) }, 'Bold'),
    h('button', { type: 'button', class: 'quiet', onclick: link }, 'Link'));
}

function textBox(block, id, label, ui, hint) {
  const box = h('textarea', {
    id, rows: '4', value: block.text,
    oninput: (e) => { block.text = e.target.value; ui.changed(); },
  });
  return [field(id, label, box, hint), markButtons(box, ui)];
}

// A photo drawn on a canvas: the page's security rules allow no blob: or
// data: pictures, and a canvas needs no address at all.
function photoThumbnail(file) {
  const canvas = h('canvas', { class: 'thumb', width: '144', height: '144', 'aria-hidden': 'true' });
  createImageBitmap(file).then((bitmap) => {
    const scale = Math.min(144 / bitmap.width, 144 / bitmap.height);
    const [w, hgt] = [bitmap.width * scale, bitmap.height * scale];
    canvas.getContext('2d').drawImage(bitmap, (144 - w) / 2, (144 - hgt) / 2, w, hgt);
  }).catch(() => canvas.remove());
  return canvas;
}

// What the picture is now, in words, with a small picture if there is one.
function pictureNow(block, ui) {
  const value = getAttr(block, 'picture');
  if (!value) return h('p', { class: 'picture-now' }, 'easyread will choose a picture for you.');
  if (value === 'none') return h('p', { class: 'picture-now' }, 'No picture.');
  const photo = ui.photos.get(value) ?? ui.photos.get(value.split('/').pop());
  const url = photo ? null : ui.symbolUrl(value);
  const name = isPhotoName(value) ? `Your photo: ${value}` : `Picture: ${ui.symbolName(value)}`;
  const missing = isPhotoName(value) && !photo
    ? h('span', { class: 'warn' }, ' Choose this photo again under "Use my own photo".') : null;
  return h('p', { class: 'picture-now' }, url ? h('img', { src: url, alt: '' }) : null,
    photo ? photoThumbnail(photo) : null, name, missing);
}

function pictureChooser(block, ui) {
  const id = `${block.id}-pic`;
  const now = h('div', {}, pictureNow(block, ui));
  const panel = h('div', { class: 'picture-panel' });
  const redrawNow = () => now.replaceChildren(pictureNow(block, ui));
  const choose = (value) => { setAttr(block, 'picture', value); redrawNow(); ui.changed(); };

  const results = h('div', { class: 'symbols', 'aria-live': 'polite' });
  const searchBox = h('input', { id: `${id}-q`, type: 'search', autocomplete: 'off' });
  const search = async () => {
    const words = searchBox.value.trim();
    if (!words) return;
    results.replaceChildren(h('p', {}, 'Looking for pictures.'));
    try {
      const found = await searchSymbols(words, 8);
      for (const s of found) ui.rememberSymbol(s);
      results.replaceChildren(found.length === 0 ? h('p', {}, 'No pictures found. Try other words.')
        : h('div', { class: 'symbol-grid' }, found.map((s) => symbolButton(s, (chosen) => {
          choose(chosen.code);
          panel.replaceChildren();
          now.querySelector('p')?.setAttribute('tabindex', '-1');
          now.querySelector('p')?.focus();
        }))));
    } catch (error) {
      results.replaceChildren(h('p', { class: 'warn' }, error.message));
    }
  };
  searchBox.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); search(); } });
  const searchPanel = () => h('div', { class: 'picture-search' },
    field(`${id}-q`, 'Words to find a picture', searchBox),
    h('button', { type: 'button', class: 'quiet', onclick: search }, 'Find'), results);

  const photoInput = h('input', {
    id: `${id}-file`, type: 'file', accept: 'image/png,image/jpeg',
    onchange: (e) => {
      const file = e.target.files[0];
      if (!file) return;
      choose(ui.addPhoto(file));
      altBox.focus();
    },
  });
  const photoPanel = () => field(`${id}-file`, 'Your photo', photoInput);

  const altBox = h('input', {
    id: `${id}-alt`, type: 'text', value: getAttr(block, 'alt') ?? '', autocomplete: 'off',
    oninput: (e) => { setAttr(block, 'alt', e.target.value); ui.changed(); },
  });
  const open = (make, focus) => { panel.replaceChildren(make()); focus.focus(); };
  return h('div', { class: 'picture' },
    h('p', { class: 'picture-label' }, 'Picture'), now,
    h('div', { class: 'buttons' },
      h('button', { type: 'button', class: 'quiet', onclick: () => open(searchPanel, searchBox) }, 'Find a picture'),
      h('button', { type: 'button', class: 'quiet', onclick: () => open(photoPanel, photoInput) }, 'Use my own photo'),
      h('button', { type: 'button', class: 'quiet', onclick: () => { choose('none'); panel.replaceChildren(); } }, 'No picture'),
      h('button', { type: 'button', class: 'quiet', onclick: () => { choose(''); panel.replaceChildren(); } }, 'Let easyread choose')),
    panel,
    field(`${id}-alt`, 'What the picture shows', altBox, 'A few words for people who cannot see it.'));
}

function problemBox(id, ui) {
  const box = h('div', { class: 'problems', 'aria-live': 'polite' });
  ui.problemBoxes.set(id, box);
  return box;
}

function listBox(block, ui) {
  const id = `${block.id}-list`;
  if (block.list === null) {
    return h('button', {
      type: 'button', class: 'quiet add',
      onclick: () => { block.list = []; ui.redraw(id); },
    }, 'Add bullet points');
  }
  const box = h('textarea', {
    id, rows: '3', value: block.list.join('\n'),
    oninput: (e) => { block.list = e.target.value.split('\n'); ui.changed(); },
  });
  return field(id, 'Bullet points', box, 'Write each bullet point on a new line.');
}

function blockFields(block, number, list, ui, afterRemove) {
  const id = block.id;
  const kind = blockNames[block.type] ?? block.type;
  const fields = [];
  if (block.type === 'action') {
    fields.push(...textBox(block, `${id}-text`, 'What we will do', ui));
    fields.push(field(`${id}-who`, 'Who will do it', attrInput(block, 'who', `${id}-who`, ui)));
    fields.push(field(`${id}-by`, 'By when', attrInput(block, 'by', `${id}-by`, ui, 'date')));
  } else if (block.type === 'meeting') {
    fields.push(field(`${id}-date`, 'Date of the next meeting', attrInput(block, 'date', `${id}-date`, ui, 'date')));
    fields.push(field(`${id}-time`, 'Time', attrInput(block, 'time', `${id}-time`, ui), 'Like 10:30 or 2pm.'));
    fields.push(field(`${id}-place`, 'Place', attrInput(block, 'place', `${id}-place`, ui)));
    fields.push(...textBox(block, `${id}-text`, 'Words about the meeting', ui));
  } else {
    fields.push(...textBox(block, `${id}-text`, 'What you want to say', ui, 'Write each sentence on a new line.'));
    fields.push(listBox(block, ui));
  }
  const remove = () => { list.splice(list.indexOf(block), 1); ui.redraw(afterRemove); };
  const name = `${kind.toLowerCase()} ${number}`;
  return h('fieldset', { class: `block block-${block.type}`, id },
    h('legend', {}, `${kind} ${number}`),
    problemBox(id, ui), ...fields, pictureChooser(block, ui),
    h('div', { class: 'buttons' },
      moveButton(list, block, -1, `Move ${name} up`, ui), moveButton(list, block, 1, `Move ${name} down`, ui),
      h('button', { type: 'button', class: 'quiet remove', onclick: remove }, `Take out ${name}`)));
}

// A button that moves a point before or after its neighbour; none for the
// first point (up) or the last (down).
function moveButton(list, block, step, label, ui) {
  const filled = list.filter((b) => b.type !== 'comment');
  const to = filled.indexOf(block) + step;
  if (to < 0 || to >= filled.length) return null;
  const move = () => {
    list.splice(list.indexOf(block), 1);
    const neighbour = filled[to];
    list.splice(list.indexOf(neighbour) + (step > 0 ? 1 : 0), 0, block);
    const [same, other] = step > 0 ? ['down', 'up'] : ['up', 'down'];
    ui.redraw([`${block.id}-move-${same}`, `${block.id}-move-${other}`]);
  };
  return h('button', { type: 'button', class: 'quiet', id: `${block.id}-move-${step > 0 ? 'down' : 'up'}`, onclick: move }, label);
}

function partFields(part, number, ui) {
  const blocks = part.blocks.filter((b) => b.type !== 'comment');
  const add = (type) => {
    const block = newBlock(type);
    part.blocks.push(block);
    ui.redraw(`${block.id}-${type === 'meeting' ? 'date' : 'text'}`);
  };
  const heading = part.type === 'section'
    ? field(`${part.id}-title`, 'Heading', attrInput(part, 'title', `${part.id}-title`, ui))
    : h('p', { class: 'hint' }, 'These points have no heading.');
  const remove = () => { ui.doc.parts.splice(ui.doc.parts.indexOf(part), 1); ui.redraw('add-section'); };
  return h('fieldset', { class: 'part', id: part.id },
    h('legend', {}, `Part ${number}`),
    problemBox(part.id, ui), heading,
    blocks.map((block, i) => blockFields(block, i + 1, part.blocks, ui, `${part.id}-add`)),
    h('div', { class: 'buttons' },
      h('button', { type: 'button', class: 'quiet add', id: `${part.id}-add`, onclick: () => add('point') }, 'Add a point'),
      h('button', { type: 'button', class: 'quiet add', onclick: () => add('action') }, 'Add an action'),
      h('button', { type: 'button', class: 'quiet add', onclick: () => add('meeting') }, 'Add the next meeting')),
    h('button', { type: 'button', class: 'quiet remove', onclick: remove }, `Take out part ${number}`));
}

export function drawParts(container, ui) {
  const parts = ui.doc.parts.filter((p) => p.type === 'section' || p.type === 'loose');
  container.replaceChildren(...parts.map((part, i) => partFields(part, i + 1, ui)));
}

export function addSection(ui) {
  const section = newSection();
  const words = ui.doc.parts.findIndex((p) => p.type === 'words' || p.type === 'checked');
  ui.doc.parts.splice(words >= 0 ? words : ui.doc.parts.length, 0, section);
  ui.redraw(`${section.id}-title`);
}

export function drawWords(container, ui) {
  const part = singlePart(ui.doc, 'words', false);
  const words = part ? part.words.filter((w) => w.type === 'word') : [];
  container.replaceChildren(...words.map((word, i) => {
    const id = word.id;
    const remove = () => { part.words.splice(part.words.indexOf(word), 1); ui.redraw('add-word'); };
    return h('fieldset', { class: 'block block-word', id },
      h('legend', {}, `Word ${i + 1}`), problemBox(id, ui),
      field(`${id}-term`, 'The hard word', attrInput(word, 'term', `${id}-term`, ui)),
      field(`${id}-text`, 'What it means', h('textarea', {
        id: `${id}-text`, rows: '2', value: word.text,
        oninput: (e) => { word.text = e.target.value; ui.changed(); },
      })),
      h('button', { type: 'button', class: 'quiet remove', onclick: remove }, `Take out word ${i + 1}`));
  }));
}

export function addWord(ui) {
  const part = singlePart(ui.doc, 'words', true);
  const word = newBlock('word');
  part.words.push(word);
  ui.redraw(`${word.id}-term`);
}
