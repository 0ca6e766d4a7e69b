// The workflow bundle's entry point: every workflow the worker runs.
export { portInOrderWorkflow } from './port-in-order';
