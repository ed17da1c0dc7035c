// Small helpers that the Make and Pictures pages share: making elements,
// and finding pictures on the server.

// h('p', {class: 'x'}, 'text', child...) -> an element. Attributes starting
// with "on" become event listeners (never inline script, for the CSP).
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    else if (name === 'value') el.value = value;
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

// The best pictures for some words: [{code, name, url, origin}].
export async function searchSymbols(words, limit = 12) {
  const query = new URLSearchParams({ q: words, limit: String(limit) });
  const answer = await fetch(`/api/symbols?${query}`);
  if (!answer.ok) throw new Error(`The search did not work (${answer.status}).`);
  return answer.json();
}

// One picture as a big button: the picture, and its name under it.
export function symbolButton(symbol, onChoose, pressed) {
  const button = h('button', { type: 'button', class: 'quiet symbol', onclick: () => onChoose(symbol) },
    h('img', { src: symbol.url, alt: '' }),
    h('span', { class: 'symbol-name' }, symbol.name));
  if (pressed !== undefined) button.setAttribute('aria-pressed', pressed ? 'true' : 'false');
  return button;
}
