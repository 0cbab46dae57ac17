/** Row selection in the list: a set of ids and the anchor that Shift+click extends from. */
export interface Selection {
  readonly ids: ReadonlySet<string>;
  readonly anchor: string | null;
}

/** Nothing selected. */
export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null };

/** Adds or removes one id, making it the anchor. */
export function toggleId(selection: Selection, id: string): Selection {
  const ids = new Set(selection.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { ids, anchor: id };
}

/** Selects every id from the anchor to `id` in the shown order (adding to the selection). */
export function extendTo(selection: Selection, id: string, shownIds: readonly string[]): Selection {
  const from = selection.anchor === null ? -1 : shownIds.indexOf(selection.anchor);
  const to = shownIds.indexOf(id);
  if (from === -1 || to === -1) return toggleId(selection, id);
  const ids = new Set(selection.ids);
  for (let index = Math.min(from, to); index <= Math.max(from, to); index += 1) {
    const shown = shownIds[index];
    if (shown !== undefined) ids.add(shown);
  }
  return { ids, anchor: selection.anchor };
}

/** Selects all the shown ids, or none when all are already selected. */
export function toggleAll(selection: Selection, shownIds: readonly string[]): Selection {
  const allSelected = shownIds.length > 0 && shownIds.every((id) => selection.ids.has(id));
  return allSelected ? EMPTY_SELECTION : { ids: new Set(shownIds), anchor: selection.anchor };
}

/** Keeps only ids that still exist (after messages were removed). */
export function pruneSelection(selection: Selection, exists: (id: string) => boolean): Selection {
  const kept = [...selection.ids].filter(exists);
  if (kept.length === selection.ids.size) return selection;
  return {
    ids: new Set(kept),
    anchor: selection.anchor !== null && exists(selection.anchor) ? selection.anchor : null,
  };
}
