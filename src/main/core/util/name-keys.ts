import { fold, viSortKey } from '../../../shared/vi-text';

export interface NameKeys {
  /** fold(name): the search key. */
  folded: string;
  /** viSortKey(name): binary order = Intl.Collator('vi') order. */
  sort: string;
}

// Unit names, implementers and the like repeat across thousands of rows and change rarely: each distinct
// text is folded and keyed once per process, so a paged list can filter and sort every row on each call.
const MAX_ENTRIES = 200_000;
const cache = new Map<string, NameKeys>();

/** The search and sort keys of one text, computed once per distinct text. */
export function nameKeys(text: string): NameKeys {
  let k = cache.get(text);
  if (!k) {
    if (cache.size >= MAX_ENTRIES) cache.clear();
    k = { folded: fold(text), sort: viSortKey(text) };
    cache.set(text, k);
  }
  return k;
}
