/**
 * The logging surface the simulator needs (pino's shape). Nothing logged may contain a PIN or an
 * account number: the simulator logs identifiers (order, event, numbers), never request bodies.
 */
export interface SimulatorLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLogger: SimulatorLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
