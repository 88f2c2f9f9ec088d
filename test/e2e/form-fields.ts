/**
 * What a browser would send back from one of the app's forms unchanged: its text inputs and hidden fields, its
 * textareas, the selected option of each select, and the ticked checkboxes (a repeated name is a list). Enough
 * for the app's own markup (attributes in double quotes, escaped by Eta), not a general HTML parser.
 */

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function attributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of tag.matchAll(/\s([a-zA-Z_:][-\w:.]*)(?:="([^"]*)")?/g)) attrs.set(m[1]!, decode(m[2] ?? ''));
  return attrs;
}

/** The fields of the form whose `id` is given, without the CSRF token (the agent adds its own). */
export function formFields(html: string, formId: string): Record<string, string | string[]> {
  const start = html.indexOf(`id="${formId}"`);
  if (start < 0) throw new Error(`no form #${formId} on the page`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const fields: Record<string, string | string[]> = {};
  const add = (name: string, value: string, repeated: boolean) => {
    const had = fields[name];
    if (!repeated) fields[name] = value;
    else fields[name] = had === undefined ? [value] : [...(Array.isArray(had) ? had : [had]), value];
  };
  const checkboxes = new Set<string>();
  for (const m of form.matchAll(/<input\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const name = a.get('name');
    if (!name) continue;
    if (a.get('type') === 'checkbox' || a.get('type') === 'radio') {
      checkboxes.add(name);
      if (a.has('checked')) add(name, a.get('value') ?? 'on', a.get('type') === 'checkbox');
    } else add(name, a.get('value') ?? '', false);
  }
  // An unticked list is sent as nothing, as a browser does; an empty list here says the form has it.
  for (const name of checkboxes) fields[name] ??= [];
  for (const m of form.matchAll(/<textarea\b([^>]*)>([^<]*)<\/textarea>/g)) {
    const name = attributes(m[1]!).get('name');
    if (name) add(name, decode(m[2]!), false);
  }
  for (const m of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const name = attributes(m[1]!).get('name');
    if (!name) continue;
    const options = [...m[2]!.matchAll(/<option\b[^>]*>/g)].map((o) => attributes(o[0]));
    const chosen = options.find((o) => o.has('selected')) ?? options[0];
    add(name, chosen?.get('value') ?? '', false);
  }
  delete fields._csrf;
  return fields;
}
