// One template family of the injection corpus: an intent written many ways. `split` pins the
// family to train or val (never test); a family without one is split by build-corpus.mjs.
export const family = (id, lang, category, label, split, templates) =>
  split === undefined
    ? { id, lang, category, label, templates }
    : { id, lang, category, label, split, templates };
