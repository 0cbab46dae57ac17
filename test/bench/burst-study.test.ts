import { describe, expect, it } from 'vitest';
import { parseVariant } from '../../bench/burst-study';
import { DEFAULT_EVEN_GAP_RULE } from '../../electron/core/learning';

describe('burst study variants', () => {
  it('spells the default as nothing, the shape before the even-gap rule as classic, and each part on its own', () => {
    expect(parseVariant('')).toEqual({ shape: {} });
    expect(parseVariant('classic').shape).toEqual({
      lagPower: 2,
      evenGap: null,
      poolOnlyConsistent: false,
      priorWeight: 0.5,
    });
    expect(parseVariant('classic,p=3,c=3')).toEqual({
      shape: { evenGap: null, poolOnlyConsistent: false, priorWeight: 0.5, lagPower: 3 },
      priceS: 3,
    });
    expect(parseVariant('L=7,top=2').shape.evenGap).toEqual({
      ...DEFAULT_EVEN_GAP_RULE,
      gapS: 7,
      topRatio: 2,
    });
    expect(parseVariant('even=off,nopool').shape).toEqual({ evenGap: null, poolOnlyConsistent: false });
    expect(parseVariant('hump=1.5,hcap,guard=2').shape.evenGap).toEqual({
      ...DEFAULT_EVEN_GAP_RULE,
      humpLagPower: 1.5,
      humpWithinCap: true,
      guardBins: 2,
    });
    expect(parseVariant('band=1').shape.evenGap).toEqual({ ...DEFAULT_EVEN_GAP_RULE, bandExponent: 1 });
    expect(parseVariant('hump-option').shape).toEqual({
      evenGap: { ...DEFAULT_EVEN_GAP_RULE, humpLagPower: 1.5, humpWithinCap: true, bandExponent: 1 },
      recomputeEveryObservations: 8,
    });
    expect(parseVariant('every=8').shape).toEqual({ recomputeEveryObservations: 8 });
    expect(() => parseVariant('wobble=1')).toThrow(/unknown variant part/);
  });
});
