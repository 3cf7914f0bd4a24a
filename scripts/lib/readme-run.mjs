// The commands a README's "## Run" section tells a newcomer to type, up to the one that starts
// the app: the first ```sh block of that section, comments dropped, `npm install` left out (CI has
// just installed). scripts/check-app-starts.mjs runs them from a fresh clone.

/**
 * @param {string} text README text
 * @returns {string[]} shell lines, in order, ending with the `npm start` line
 */
export function runSectionCommands(text) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const heading = lines.findIndex((line) => /^##\s+Run\b/.test(line));
  if (heading === -1) throw new Error('no "## Run" section');
  const open = lines.findIndex((line, i) => i > heading && /^```(?:sh|bash|shell)\s*$/.test(line));
  const next = lines.findIndex((line, i) => i > heading && /^##\s/.test(line));
  if (open === -1 || (next !== -1 && open > next))
    throw new Error('the "## Run" section has no ```sh block');
  /** @type {string[]} */
  const commands = [];
  for (const raw of lines.slice(open + 1)) {
    if (/^```/.test(raw)) break;
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line || /^npm (install|i|ci)\b/.test(line)) continue;
    commands.push(line);
    if (/\bnpm (start|run start)\b/.test(line)) return commands;
  }
  throw new Error('the "## Run" block has no `npm start` line');
}
