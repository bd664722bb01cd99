/** Tests an event name against one `@OnTwilioEvent()` pattern. */
export type EventNameMatcher = (name: string) => boolean;

/**
 * Compiles a pattern: segments are separated by dots, `*` matches exactly one segment and `**`
 * any number of them (none included). Throws on a pattern that can never match.
 */
export function compileEventPattern(pattern: string): EventNameMatcher {
  if (typeof pattern !== 'string' || pattern === '' || pattern.split('.').includes('')) {
    throw new Error(
      `@OnTwilioEvent(${JSON.stringify(pattern)}): a pattern is dot-separated segments, e.g. ` +
        `'message.status.delivered', 'call.status.*' or 'stream.**'.`,
    );
  }
  if (!pattern.includes('*')) return (name) => name === pattern;
  const segments = pattern.split('.');
  return (name) => matchSegments(segments, 0, name.split('.'), 0);
}

function matchSegments(pattern: string[], p: number, name: string[], n: number): boolean {
  while (p < pattern.length) {
    const segment = pattern[p];
    if (segment === '**') {
      // Try every split point; patterns are short, so the backtracking stays cheap.
      for (let skip = n; skip <= name.length; skip++) {
        if (matchSegments(pattern, p + 1, name, skip)) return true;
      }
      return false;
    }
    if (n >= name.length || (segment !== '*' && segment !== name[n])) return false;
    p++;
    n++;
  }
  return n === name.length;
}
