/** A refusal the simulator answers with a 4xx (the gateway turns it into CarrierRequestRefused). */
export class SimulatorError extends Error {
  override readonly name = 'SimulatorError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (orderId: string) =>
  new SimulatorError(404, 'port_request_not_found', `no port request for order ${orderId}`);
