/**
 * Property tests run with a fixed seed so CI is reproducible: a failure always comes back with the same
 * counterexample. Explore other inputs with FC_SEED=<number>, or FC_SEED=random (`npm run test:explore`).
 */
const fc = require('fast-check');

const raw = process.env.FC_SEED;
if (raw !== 'random') {
  const seed = raw === undefined || raw === '' ? 20261130 : Number(raw);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer or "random" (got ${raw})`);
  fc.configureGlobal({ seed });
}
