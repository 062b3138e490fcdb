import fc from 'fast-check';

/**
 * The seed every fast-check property runs with unless a test sets its own: `ACPT_PROPERTY_SEED` when set; in CI (`CI`
 * set) a fixed one, so a CI run is reproducible and a red run replays exactly; locally a fresh random seed each run,
 * so development keeps exploring new cases (fast-check prints the seed of any failure; rerun with
 * `ACPT_PROPERTY_SEED=<seed>`).
 */
export const CI_PROPERTY_SEED = 20_261_207;

const configured = process.env.ACPT_PROPERTY_SEED;
const seed =
  configured !== undefined && configured !== '' ? Number(configured) : process.env.CI ? CI_PROPERTY_SEED : undefined;
if (seed !== undefined) {
  if (!Number.isSafeInteger(seed)) throw new Error(`ACPT_PROPERTY_SEED must be an integer, got "${configured}"`);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
}
