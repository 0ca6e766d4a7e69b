/**
 * The time left on the 24 h review promise, in words, from the deadline the API answers
 * (`reviewDueAt`): the console only subtracts the clock, it never decides the SLA.
 */
export function timeLeft(dueAt: string, now: number): { words: string; overdue: boolean } {
  const ms = Date.parse(dueAt) - now;
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const span = minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
  return ms >= 0 ? { words: `${span} left`, overdue: false } : { words: `overdue by ${span}`, overdue: true };
}
