/**
 * The signed-in key lives in sessionStorage only: it survives a reload of the tab, not the tab
 * itself, and is never written to localStorage, a cookie or a URL.
 */
const KEY = 'portin.console.apiKey';

export const session = {
  load: (): string | null => window.sessionStorage.getItem(KEY),
  save: (apiKey: string): void => window.sessionStorage.setItem(KEY, apiKey),
  clear: (): void => window.sessionStorage.removeItem(KEY),
};
