// Start-up benchmark: the time to import the package and create a Nest app with one Twilio route,
// against the same app without it, each sample in a fresh process; variants alternate and the
// figures are medians. Also reports how much of `twilio` gets loaded: the package must load only
// its webhook and TwiML parts, never the REST clients.
// Usage: npm run bench:startup   (BENCH_RUNS to change the number of samples per variant)
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describeMachine, median, table } from './support/report.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const VARIANTS = {
  bare: 'Nest app, plain @Post route (no Twilio code)',
  sdk: 'same + hand-written check, `import twilio`',
  package: 'same through nestjs-twilio-webhooks',
  'class-validator': 'bare app + `import class-validator` alone',
};
const app = fileURLToPath(new URL('./startup/startup-app.mjs', import.meta.url));
const sample = (variant) =>
  JSON.parse(execFileSync(process.execPath, [app, variant], { encoding: 'utf8' }));

sample('package'); // fills the OS file cache, so that the first timed sample is not an outlier
const samples = Object.fromEntries(Object.keys(VARIANTS).map((v) => [v, []]));
for (let i = 0; i < RUNS; i++) {
  for (const variant of Object.keys(VARIANTS)) samples[variant].push(sample(variant));
}

const mid = (variant, key) => median(samples[variant].map((s) => s[key]));
const fixed = (n) => Number(n.toFixed(1));
console.log(`${describeMachine()}\n${RUNS} fresh processes per variant, medians\n`);
console.log(
  table(
    ['variant', 'import ms', 'create+init ms', 'ready ms', 'heap MiB', 'twilio files'],
    Object.entries(VARIANTS).map(([variant, label]) => [
      label,
      fixed(mid(variant, 'importMs')),
      fixed(mid(variant, 'createMs')),
      fixed(mid(variant, 'readyMs')),
      fixed(mid(variant, 'heapMiB')),
      samples[variant][0].twilioFiles,
    ]),
  ),
);
const pkg = samples.package[0];
const extra = pkg.packagesLoaded.filter((name) => !samples.bare[0].packagesLoaded.includes(name));
console.log(
  `\npackage vs bare: +${fixed(mid('package', 'readyMs') - mid('bare', 'readyMs'))} ms to ready; ` +
    `package vs sdk: ${fixed(mid('package', 'readyMs') - mid('sdk', 'readyMs'))} ms`,
);
console.log(`packages the package adds at start-up: ${extra.join(', ') || 'none'}`);
console.log(
  `all of twilio loaded by the package: ${pkg.twilioRest ? 'YES (REST clients loaded)' : 'no'} ` +
    `(${pkg.twilioFiles} of twilio's files; \`import twilio\` loads ${samples.sdk[0].twilioFiles})`,
);
if (pkg.twilioRest) process.exitCode = 1;
