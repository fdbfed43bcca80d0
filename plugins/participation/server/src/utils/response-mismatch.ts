import { z } from 'zod';
import type { RouteDeclaration } from '../routes/content-api/declare-route';

/**
 * How a successful answer strays from its route's declared response schema, or null when it does not.
 * Error answers (4xx, 5xx) have Strapi's own error shape and are not checked here.
 */
export const responseMismatch = (declaration: RouteDeclaration, status: number, body: unknown): string | null => {
  const where = `${declaration.method} ${declaration.path} (${declaration.action})`;
  if (status < 200 || status >= 300) return null;
  const expectedStatus = declaration.status ?? 200;
  if (status !== expectedStatus) return `${where} answered ${status}; its declaration says ${expectedStatus}`;
  if (expectedStatus === 204) return null;
  // A stream (a large file) is checked by its producer, not read twice here.
  if (body !== null && typeof body === 'object' && typeof (body as { pipe?: unknown }).pipe === 'function') return null;
  const result = declaration.response.safeParse(body);
  return result.success ? null : `${where} answered a body that does not match its declared response schema:\n${z.prettifyError(result.error)}`;
};
