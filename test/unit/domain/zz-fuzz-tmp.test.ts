import fc from 'fast-check';
import { validateSubmission, compareWithCsr, splitDraftNumbers } from '../../../domain';
import { validDraft, validContext } from './fixtures';
const A = { withBoxedValues: true, withMap: true, withSet: true, withObjectString: true, withNullPrototype: true, withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true, stringUnit: 'binary', maxDepth: 4 } as const;
function pathsOf(v: any, p: any[] = []): any[][] { if (typeof v !== 'object' || v === null) return [p]; const ks = Array.isArray(v) ? v.map((_: any, i: number) => i) : Object.keys(v); return [p, ...ks.flatMap((k: any) => pathsOf(v[k], [...p, k]))]; }
function setPath(t: any, path: any[], r: any) { let n = t; for (const k of path.slice(0, -1)) { const x = n[k]; if (!Array.isArray(x) && (typeof x !== 'object' || x === null || Object.getPrototypeOf(x) !== Object.prototype)) return; n = x; } n[path[path.length - 1]] = r; }
test('fuzz', () => {
  const paths = pathsOf(validDraft()).filter((p) => p.length > 0);
  fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom(...paths), fc.anything(A)), { minLength: 1, maxLength: 8 }), fc.anything(A), (reps, junk) => {
    const d = validDraft(); for (const [p, v] of reps) setPath(d, p, v);
    validateSubmission(d, validContext()); compareWithCsr(d); splitDraftNumbers(d.numbers, junk as any);
    const d2: any = validDraft(); d2.documents.push({ id: 'c', kind: 'csr', phoneNumbers: [], csr: junk });
    compareWithCsr(d2); validateSubmission(d2, junk as any);
  }), { numRuns: 20000 });
});
