/**
 * Serialises async work per key inside this process. The simulator runs as one process, so this
 * is what keeps an answer timer, a cancel and a supp on the same order from interleaving their
 * read-modify-write of the order's document (the store has no transactions).
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
