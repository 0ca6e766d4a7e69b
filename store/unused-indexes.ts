/**
 * Secondary indexes that earlier versions declared and nothing reads through. On FerretDB each index
 * is one more JSON expression evaluated over the whole document at every write, and FerretDB serves
 * no query but `_id` equality from one (docs/store.md), so an index a model no longer declares is
 * pure write cost: the timeline, the notices and the charges are written on every order's path.
 * Dropped once per store by the start migration `unused-indexes-v1`.
 */
import type { Store } from './connection';

/** The index names a model declares today (mongoose's default naming: `field_1`). */
function declaredIndexNames(model: Store['models'][keyof Store['models']]): Set<string> {
  return new Set(
    model.schema.indexes().map(([fields, options]) => {
      const named = (options as { name?: string } | undefined)?.name;
      return (
        named ??
        Object.entries(fields)
          .map(([field, dir]) => `${field}_${String(dir)}`)
          .join('_')
      );
    }),
  );
}

/** Drops every index of the service's collections that its model does not declare; returns how many. */
export async function dropUnusedIndexes(store: Store): Promise<number> {
  let dropped = 0;
  for (const model of Object.values(store.models)) {
    const declared = declaredIndexNames(model);
    const existing = await model.collection.indexes().catch((err: { codeName?: string }) => {
      if (err?.codeName === 'NamespaceNotFound') return []; // collection never written: nothing to drop
      throw err;
    });
    for (const { name } of existing) {
      if (!name || name === '_id_' || declared.has(name)) continue;
      await model.collection.dropIndex(name);
      dropped += 1;
    }
  }
  return dropped;
}
