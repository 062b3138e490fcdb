import { describe, expect, it } from 'vitest';
import { erfc, standardNormalCdf } from './normal-cdf.ts';

describe('standard normal CDF', () => {
  it('matches tabulated values to 2e-7', () => {
    expect(Math.abs(standardNormalCdf(0) - 0.5)).toBeLessThan(2e-7);
    expect(Math.abs(standardNormalCdf(1) - 0.8413447461)).toBeLessThan(2e-7);
    expect(Math.abs(standardNormalCdf(-1.959963985) - 0.025)).toBeLessThan(2e-7);
    expect(Math.abs(standardNormalCdf(3) - 0.998650102)).toBeLessThan(2e-7);
    expect(Math.abs(erfc(0.5) - 0.4795001222)).toBeLessThan(1e-7);
  });
});
