// Reads a V8 .cpuprofile and sums where the time went: self time per function and per module
// (a package under node_modules, the package's own dist/ files, Node internals), and inclusive
// time for the functions named in `focus`.

/**
 * Loads the profile's nodes with a parent link and their self time (ms), counting only the samples
 * taken at or after `fromUs` (V8's monotonic clock, the one `process.hrtime` reads), so that the
 * process's start-up can be left out.
 */
function nodesOf(profile, fromUs = 0) {
  const byId = new Map(profile.nodes.map((n) => [n.id, { ...n, selfMs: 0 }]));
  for (const node of byId.values())
    for (const child of node.children ?? []) byId.get(child).parent = node;
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at >= fromUs) byId.get(profile.samples[i]).selfMs += delta / 1000;
  }
  return [...byId.values()];
}

/** `node_modules/<name>`, `dist/<file>`, `node:<internal>`, or the file itself. */
export function moduleOf(url) {
  if (!url) return '(native / VM)';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm !== -1) {
    const rest = url.slice(nm + 14).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return 'node (internal)';
  const dist = url.indexOf('/dist/');
  if (dist !== -1) return `package: ${url.slice(dist + 6)}`;
  return url.replace(/^file:\/\//, '');
}

/** Self time by module and by function, and inclusive time for functions whose name matches. */
export function summarize(profile, focus = [], fromUs = 0) {
  const nodes = nodesOf(profile, fromUs);
  const totalMs = nodes.reduce((sum, n) => sum + n.selfMs, 0);
  const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
  const byModule = new Map();
  const byFunction = new Map();
  for (const n of nodes) {
    const { functionName, url, lineNumber } = n.callFrame;
    if (['(idle)', '(program)', '(garbage collector)'].includes(functionName)) {
      add(byModule, functionName, n.selfMs);
      continue;
    }
    add(byModule, moduleOf(url), n.selfMs);
    add(
      byFunction,
      `${functionName || '(anonymous)'} ${moduleOf(url)}:${lineNumber + 1}`,
      n.selfMs,
    );
  }
  const inclusive = new Map();
  for (const n of nodes) {
    // Charge each sample to every distinct focused frame above it, once.
    const seen = new Set();
    for (let up = n; up; up = up.parent) {
      const name = focus.find((f) => up.callFrame.functionName === f);
      if (name && !seen.has(name)) {
        seen.add(name);
        add(inclusive, name, n.selfMs);
      }
    }
  }
  const top = (map, count) =>
    [...map.entries()]
      .sort((x, y) => y[1] - x[1])
      .slice(0, count)
      .map(([key, ms]) => [key, ms, (100 * ms) / totalMs]);
  return {
    totalMs,
    modules: top(byModule, Number(process.env.PROFILE_TOP ?? 15)),
    functions: top(byFunction, Number(process.env.PROFILE_TOP ?? 25)),
    inclusive: top(inclusive, focus.length),
  };
}
