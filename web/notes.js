// Notes (easyread's XML markup) <-> the model the "Make" form edits.
//
// A plain module with no page code, so it can be tested on its own.
// readNotes() needs a DOMParser (every browser has one); writeNotes() needs
// nothing. Whatever the form has no field for is kept and written back:
// unknown attributes, comments, the cover, the "checked by" line, the
// language, "ignore", pictures in the word list, and even parts easyread
// does not know.
//
// Words in a point are shown as text with a few plain marks:
//   [[minutes]]                      a hard word (<hard>)
//   **not fair**                     bold (<b>)
//   [our website](https://...)       a link (<link href="...">)
// A backslash keeps the next sign as it is: \* \[ \\ .

let nextId = 1;
const newId = () => `p${nextId++}`;

// ---------- attributes: an ordered list of [name, value] ----------

export function getAttr(part, name) {
  const found = part.attrs.find(([n]) => n === name);
  return found ? found[1] : undefined;
}

// An empty value takes the attribute out, so an unused field adds nothing.
export function setAttr(part, name, value) {
  const at = part.attrs.findIndex(([n]) => n === name);
  if (value === undefined || value === null || value === '') {
    if (at >= 0) part.attrs.splice(at, 1);
  } else if (at >= 0) {
    part.attrs[at][1] = value;
  } else {
    part.attrs.push([name, value]);
  }
}

// ---------- words with marks <-> runs ----------

const escapePlain = (s) => s.replace(/[\\*[]/g, (c) => `\\${c}`);
const escapeInside = (s, closers) => s.replace(new RegExp(`[\\\\${closers}]`, 'g'), (c) => `\\${c}`);

// Index of `closer` in `s` from `from`, skipping backslash escapes; -1 if none.
function findClose(s, from, closer) {
  for (let i = from; i < s.length; i += 1) {
    if (s[i] === '\\') { i += 1; continue; }
    if (s.startsWith(closer, i)) return i;
  }
  return -1;
}

const unescape = (s) => s.replace(/\\(.)/gs, '$1');

// The marked text of a point -> runs: {style: plain|hard|bold|link, text, href}.
export function textToRuns(s) {
  const runs = [];
  let plain = '';
  const flush = () => { if (plain) runs.push({ style: 'plain', text: plain }); plain = ''; };
  let i = 0;
  while (i < s.length) {
    if (s[i] === '\\' && i + 1 < s.length) { plain += s[i + 1]; i += 2; continue; }
    if (s.startsWith('[[', i)) {
      const end = findClose(s, i + 2, ']]');
      if (end >= 0) { flush(); runs.push({ style: 'hard', text: unescape(s.slice(i + 2, end)) }); i = end + 2; continue; }
    }
    if (s.startsWith('**', i)) {
      const end = findClose(s, i + 2, '**');
      if (end >= 0) { flush(); runs.push({ style: 'bold', text: unescape(s.slice(i + 2, end)) }); i = end + 2; continue; }
    }
    if (s[i] === '[') {
      const close = findClose(s, i + 1, ']');
      if (close >= 0 && s[close + 1] === '(') {
        const end = findClose(s, close + 2, ')');
        if (end >= 0) {
          flush();
          runs.push({ style: 'link', text: unescape(s.slice(i + 1, close)), href: unescape(s.slice(close + 2, end)) });
          i = end + 1;
          continue;
        }
      }
    }
    plain += s[i];
    i += 1;
  }
  flush();
  return runs;
}

export function runsToText(runs) {
  return runs.map((run) => {
    if (run.style === 'hard') return `[[${escapeInside(run.text, '\\]')}]]`;
    if (run.style === 'bold') return `**${escapeInside(run.text, '*')}**`;
    if (run.style === 'link') return `[${escapeInside(run.text, '\\[\\]')}](${escapeInside(run.href, ')')})`;
    return escapePlain(run.text);
  }).join('');
}

// Lines trimmed, spaces folded, empty lines left out: how easyread reads them.
export function tidyText(s) {
  return s.replace(/\r\n?/g, '\n').split('\n').map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line !== '').join('\n');
}

// ---------- reading ----------

export class NotesError extends Error {}

// pugixml (which easyread uses) lets "&" stand alone ("Tea & cake"); a
// browser's XML reader does not, so such an "&" is written out first.
function looseAmpersands(xml) {
  return xml.replace(/&(?!(?:[A-Za-z_][\w.-]*|#\d+|#x[0-9A-Fa-f]+);)/g, '&amp;');
}

const serializer = () => new XMLSerializer();

// Reads running text (and, for points, a list) from an element's children.
function readText(element, block) {
  let text = '';
  for (const node of element.childNodes) {
    if (node.nodeType === 3 || node.nodeType === 4) {
      text += escapePlain(node.nodeValue);
    } else if (node.nodeType === 8) {
      block.comments.push(node.nodeValue);
    } else if (node.nodeType === 1) {
      const name = node.nodeName;
      if (name === 'list' && block.list === null && 'list' in block) {
        block.list = [...node.childNodes].filter((n) => n.nodeType === 1 && n.nodeName === 'item')
          .map((item) => tidyText(readText(item, block)));
        for (const n of node.childNodes) if (n.nodeType === 8) block.comments.push(n.nodeValue);
      } else if (['hard', 'b', 'link'].includes(name) && onlyText(node)) {
        const style = { hard: 'hard', b: 'bold', link: 'link' }[name];
        const run = { style, text: node.textContent, href: node.getAttribute('href') ?? '' };
        text += runsToText([run]);
      } else {
        block.raw.push(serializer().serializeToString(node));
      }
    }
  }
  return text;
}

const onlyText = (node) => [...node.childNodes].every((n) => n.nodeType === 3 || n.nodeType === 4);
const attrsOf = (element) => [...element.attributes].map((a) => [a.name, a.value]);

function readBlock(element) {
  const block = { type: element.nodeName, id: newId(), attrs: attrsOf(element), comments: [], raw: [] };
  if (block.type === 'point') block.list = null;
  block.text = tidyText(readText(element, block));
  return block;
}

const isBlock = (name) => name === 'point' || name === 'action' || name === 'meeting';

// Notes text -> the model. Throws NotesError when the file is not notes.
export function readNotes(xml) {
  const dom = new DOMParser().parseFromString(looseAmpersands(xml.replace(/^\uFEFF/, '')), 'application/xml');
  if (dom.getElementsByTagName('parsererror').length > 0) {
    throw new NotesError('This file has a mistake in its tags, so the form cannot open it.');
  }
  const root = dom.documentElement;
  if (root.nodeName !== 'easyread') throw new NotesError('This file is not easyread notes.');
  const doc = { attrs: attrsOf(root), parts: [], before: [], after: [] };
  let seenRoot = false;
  for (const node of dom.childNodes) {
    if (node === root) { seenRoot = true; continue; }
    if (node.nodeType === 8) (seenRoot ? doc.after : doc.before).push(node.nodeValue);
  }
  for (const node of root.childNodes) {
    if (node.nodeType === 8) { doc.parts.push({ type: 'comment', text: node.nodeValue }); continue; }
    if (node.nodeType !== 1) continue;
    const name = node.nodeName;
    if (isBlock(name)) {
      const last = doc.parts[doc.parts.length - 1];
      const loose = last?.type === 'loose' ? last : { type: 'loose', id: newId(), blocks: [] };
      if (loose !== last) doc.parts.push(loose);
      loose.blocks.push(readBlock(node));
    } else if (name === 'section') {
      const section = { type: 'section', id: newId(), attrs: attrsOf(node), blocks: [], raw: [] };
      for (const child of node.childNodes) {
        if (child.nodeType === 1 && isBlock(child.nodeName)) section.blocks.push(readBlock(child));
        else if (child.nodeType === 8) section.blocks.push({ type: 'comment', id: newId(), text: child.nodeValue });
        else if (child.nodeType === 1) section.raw.push(serializer().serializeToString(child));
      }
      doc.parts.push(section);
    } else if (name === 'cover') {
      doc.parts.push(readBlock(node));
    } else if (name === 'words') {
      const words = { type: 'words', id: newId(), attrs: attrsOf(node), words: [], raw: [] };
      for (const child of node.childNodes) {
        if (child.nodeType === 1 && child.nodeName === 'word') words.words.push(readBlock(child));
        else if (child.nodeType === 8) words.words.push({ type: 'comment', id: newId(), text: child.nodeValue });
        else if (child.nodeType === 1) words.raw.push(serializer().serializeToString(child));
      }
      doc.parts.push(words);
    } else if (name === 'checked') {
      doc.parts.push({ type: 'checked', id: newId(), attrs: attrsOf(node) });
    } else {
      doc.parts.push({ type: 'raw', id: newId(), xml: serializer().serializeToString(node) });
    }
  }
  return doc;
}

// ---------- new parts ----------

export function newNotes(today) {
  return {
    attrs: [['title', ''], ['date', today]],
    parts: [newSection(), { type: 'words', id: newId(), attrs: [], words: [], raw: [] }],
    before: [],
    after: [],
  };
}

export function newSection(title = '') {
  return { type: 'section', id: newId(), attrs: [['title', title]], blocks: [newBlock('point')], raw: [] };
}

export function newBlock(type) {
  const block = { type, id: newId(), attrs: [], text: '', comments: [], raw: [] };
  if (type === 'point') block.list = null;
  return block;
}

// The one part of a kind that a document has at most once (cover, words,
// checked); made where easyread expects it if `create` is set.
export function singlePart(doc, type, create) {
  let part = doc.parts.find((p) => p.type === type);
  if (!part && create) {
    part = type === 'words' ? { type, id: newId(), attrs: [], words: [], raw: [] }
      : type === 'cover' ? newBlock('cover') : { type, id: newId(), attrs: [] };
    if (type === 'cover') doc.parts.unshift(part);
    else if (type === 'words') {
      const checked = doc.parts.findIndex((p) => p.type === 'checked');
      doc.parts.splice(checked >= 0 ? checked : doc.parts.length, 0, part);
    } else doc.parts.push(part);
  }
  return part;
}

// ---------- writing ----------

const escapeText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s) => escapeText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;')
  .replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
const comment = (text) => `<!--${text}-->`;

function runsToXml(runs) {
  return runs.map((run) => {
    const words = escapeText(run.text);
    if (run.style === 'hard') return `<hard>${words}</hard>`;
    if (run.style === 'bold') return `<b>${words}</b>`;
    if (run.style === 'link') return `<link href="${escapeAttr(run.href)}">${words}</link>`;
    return words;
  }).join('');
}

// Builds the file line by line, noting which lines each part takes, so that
// a problem found on a line can be shown beside its part of the form.
class Writer {
  constructor() { this.lines = []; this.places = []; }
  line(text) { this.lines.push(...text.split('\n')); }  // a comment may take many lines
  start() { return this.lines.length + 1; }
  mark(id, from) { this.places.push({ id, from, to: this.lines.length }); }
}

const attrText = (attrs) => attrs.map(([n, v]) => ` ${n}="${escapeAttr(v)}"`).join('');

function writeBlock(w, block, indent) {
  const from = w.start();
  const pad = `${indent}  `;
  const text = runsToXml(textToRuns(tidyText(block.text ?? '')));
  const list = (block.list ?? []).map((item) => tidyText(item)).filter((item) => item !== '');
  const inside = block.comments.length + block.raw.length + list.length + (text ? 1 : 0);
  if (inside === 0) {
    w.line(`${indent}<${block.type}${attrText(block.attrs)}/>`);
  } else {
    w.line(`${indent}<${block.type}${attrText(block.attrs)}>`);
    for (const c of block.comments) w.line(pad + comment(c));
    for (const line of text.split('\n')) if (line) w.line(pad + line);
    if (list.length > 0) {
      w.line(`${pad}<list>`);
      for (const item of list) w.line(`${pad}  <item>${runsToXml(textToRuns(item)).replace(/\n/g, ' ')}</item>`);
      w.line(`${pad}</list>`);
    }
    for (const raw of block.raw) w.line(pad + raw);
    w.line(`${indent}</${block.type}>`);
  }
  w.mark(block.id, from);
}

// A part just added and not filled in yet: nothing to write, and nothing to
// complain about.
const untouched = (block) => block.attrs.length === 0 && tidyText(block.text ?? '') === '' &&
  (block.list ?? []).every((item) => tidyText(item) === '') && block.comments.length === 0 && block.raw.length === 0;

function writeBlocks(w, blocks, indent) {
  for (const block of blocks) {
    if (block.type === 'comment') w.line(indent + comment(block.text));
    else if (!untouched(block)) writeBlock(w, block, indent);
  }
}

function writePart(w, part) {
  const from = w.start();
  if (part.type === 'comment') return w.line(`  ${comment(part.text)}`);
  if (part.type === 'raw') return w.line(`  ${part.xml}`);
  if (part.type === 'loose') return writeBlocks(w, part.blocks, '  ');
  if (part.type === 'cover') return writeBlock(w, part, '  ');
  if (part.type === 'checked') {
    w.line(`  <checked${attrText(part.attrs)}/>`);
    return w.mark(part.id, from);
  }
  const tag = part.type;  // section or words
  const children = tag === 'words' ? part.words : part.blocks;
  w.line(`  <${tag}${attrText(part.attrs)}>`);
  w.mark(part.id, from);  // problems with the heading itself
  writeBlocks(w, children, '    ');
  for (const raw of part.raw) w.line(`    ${raw}`);
  w.line(`  </${tag}>`);
  return undefined;
}

// The model -> {xml, places}: places are {id, from, to} line ranges (from 1).
export function writeNotes(doc) {
  const w = new Writer();
  w.line('<?xml version="1.0" encoding="UTF-8"?>');
  for (const c of doc.before) w.line(comment(c));
  const from = w.start();
  w.line(`<easyread${attrText(doc.attrs)}>`);
  w.mark('document', from);
  for (const part of doc.parts) {
    if (part.type === 'words' && part.words.length === 0 && part.raw.length === 0 && part.attrs.length === 0) continue;
    if (part.type === 'section' && !getAttr(part, 'title') && part.raw.length === 0 &&
        part.blocks.every((b) => b.type !== 'comment' && untouched(b)) && part.attrs.length <= 1) continue;
    writePart(w, part);
  }
  w.line('</easyread>');
  for (const c of doc.after) w.line(comment(c));
  return { xml: `${w.lines.join('\n')}\n`, places: w.places };
}

// The part of the form that a line of the notes belongs to: the smallest
// range that holds it (a point rather than its section).
export function partAtLine(places, line) {
  let best = null;
  for (const place of places) {
    if (line < place.from || line > place.to) continue;
    if (!best || place.to - place.from < best.to - best.from) best = place;
  }
  return best?.id ?? null;
}

// Every picture in the notes that is a file (a photo), not a symbol.
export function isPhotoName(value) {
  return /\.(png|jpe?g|svg)$/i.test(value ?? '');
}
