import { describe, expect, it } from 'vitest';
import {
  EMPTY_SELECTION,
  extendTo,
  pruneSelection,
  toggleAll,
  toggleId,
} from '../../../renderer/src/logic/selection';

const shown = ['a', 'b', 'c', 'd'];

describe('selection', () => {
  it('toggles one id and extends a range from the anchor', () => {
    const one = toggleId(EMPTY_SELECTION, 'b');
    expect([...extendTo(one, 'd', shown).ids]).toEqual(['b', 'c', 'd']);
    expect([...toggleId(one, 'b').ids]).toEqual([]);
  });

  it('selects all shown, then none', () => {
    const all = toggleAll(EMPTY_SELECTION, shown);
    expect(all.ids.size).toBe(4);
    expect(toggleAll(all, shown).ids.size).toBe(0);
  });

  it('drops ids that no longer exist', () => {
    const selected = toggleAll(EMPTY_SELECTION, shown);
    expect([...pruneSelection(selected, (id) => id !== 'c').ids]).toEqual(['a', 'b', 'd']);
  });
});
