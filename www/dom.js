// The only way the page makes elements: text always goes in as text (textContent or text
// nodes), never as HTML, so nothing a report contains can become markup.

/**
 * Creates `<tag>` with `props` and `children`. Props: `class`, `text` (textContent),
 * `dataset` (object), `attrs` (attributes), anything else is set as a property.
 * Children: nodes, strings (as text nodes), or null/false (skipped); arrays are flattened.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'attrs') for (const [name, v] of Object.entries(value)) node.setAttribute(name, v);
    else node[key] = value;
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces the children of `node`. */
export function replaceChildren(node, ...children) {
  node.replaceChildren();
  append(node, children);
}
