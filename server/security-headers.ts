/**
 * Headers on every answer of the team server. The Content Security Policy allows only the app's
 * own scripts (no inline or eval), its own styles (plus inline style attributes, which drag and
 * drop positions use), images from itself and data: URLs, and API calls to itself.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

const CSP_DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

export async function registerSecurityHeaders(app: FastifyInstance, options: { csp: boolean; https: boolean }): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: options.csp ? { useDefaults: false, directives: CSP_DIRECTIVES } : false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    // Strict-Transport-Security only means something over https.
    strictTransportSecurity: options.https ? { maxAge: 15_552_000, includeSubDomains: true } : false,
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  });
}
