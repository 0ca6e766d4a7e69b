/** The `type` URI of a problem document: one spelling for the app's answers and the HTTP server's own. */
export const problemTypeUri = (code: string): string => `https://docs.port-in.example/problems/${code}`;
