import { createTransport } from './transport';

/** The app's one connection to the back end, chosen once at start-up. */
export const transport = createTransport();
export const invoke = transport.invoke;

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
