/**
 * Indents an XML document (TwiML) for reading: one element per line, a text-only element kept on
 * its line. Anything that does not look like XML comes back unchanged.
 */
export function formatTwiml(xml: string, indent = '  '): string {
  const text = xml.trim();
  if (!text.startsWith('<')) return xml;
  const tokens = text.match(/<[^>]+>|[^<]+/g);
  if (!tokens) return xml;
  const lines: string[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token.startsWith('<')) {
      if (token.trim() !== '') lines.push(indent.repeat(depth) + token.trim());
      continue;
    }
    if (token.startsWith('<?') || token.startsWith('<!')) {
      lines.push(indent.repeat(depth) + token);
    } else if (token.startsWith('</')) {
      depth = Math.max(0, depth - 1);
      lines.push(indent.repeat(depth) + token);
    } else if (token.endsWith('/>')) {
      lines.push(indent.repeat(depth) + token);
    } else if (isTextOnly(tokens, i)) {
      // <Say>Hello</Say> stays on one line.
      lines.push(indent.repeat(depth) + token + tokens[i + 1] + tokens[i + 2]);
      i += 2;
    } else {
      lines.push(indent.repeat(depth) + token);
      depth++;
    }
  }
  return lines.join('\n');
}

function isTextOnly(tokens: readonly string[], i: number): boolean {
  const text = tokens[i + 1];
  const close = tokens[i + 2];
  return (
    text !== undefined && !text.startsWith('<') && close !== undefined && close.startsWith('</')
  );
}
