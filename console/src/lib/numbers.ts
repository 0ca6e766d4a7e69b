/**
 * Numbers as a person pastes them: one per line, or separated by commas, semicolons or tabs. Only
 * split and trimmed here; whether a number is valid, portable or too many is the API's to say.
 */
export function splitPastedNumbers(text: string): string[] {
  return text
    .split(/[\n\r,;\t]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
