import { createSecretKey } from 'crypto';
import type { Core } from '@strapi/strapi';

const allowedMediaTypes = ['image/*', 'application/pdf', 'text/plain', 'text/csv'];
const deniedTypes = [
  'image/svg+xml',
  'application/vnd.microsoft.portable-executable',
  'application/x-msdownload',
  'application/x-executable',
  'application/x-sh',
  'text/x-shellscript',
];

/** What a mail transport is handed: nodemailer's message, with the fields as the sender gave them. */
interface OutgoingMail {
  data: { to?: unknown; subject?: unknown; text?: unknown };
}

/**
 * Without an SMTP server (the demo, a laptop) mails go to the log instead, so that a forgotten-password
 * link can still be followed. A nodemailer transport of its own: nodemailer takes any object with `send`.
 */
const logTransport = {
  name: 'log',
  version: '1',
  send(mail: OutgoingMail, done: (error: Error | null, info: { messageId: string }) => void) {
    strapi.log.info(`[email] To: ${String(mail.data.to)}\nSubject: ${String(mail.data.subject)}\n\n${String(mail.data.text)}`);
    done(null, { messageId: `logged-${Date.now()}` });
  },
};

// Key order is bootstrap order: users-permissions must create its roles before participation grants to them.
const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  'users-permissions': {
    config: {
      // Plain JWTs in the response body: the template's httpOnly refresh cookies cannot be set over
      // plain http (demo and tests), and cheap-phone clients keep a bearer token anyway.
      jwtManagement: 'legacy-support',
      // A key object, not a string: given a string, jsonwebtoken first tries to parse it as a PEM public
      // key on every verification, about a sixth of a ballot's CPU. Unset, users-permissions makes one.
      jwtSecret: env('JWT_SECRET') ? createSecretKey(Buffer.from(env('JWT_SECRET')!)) : undefined,
      jwt: { expiresIn: env('JWT_EXPIRES_IN', '7d') },
      register: { allowedFields: [] },
      // Its per-address, per-process limit would lock out everyone behind one proxy; the plugin's
      // account-throttle middleware throttles these routes instead (docs/access.md, "Throttling").
      ratelimit: { enabled: false },
    },
  },
  email: {
    config: {
      provider: 'nodemailer',
      providerOptions: env('SMTP_HOST')
        ? {
            host: env('SMTP_HOST'),
            port: env.int('SMTP_PORT', 587),
            // true: TLS from the first byte (port 465); false: STARTTLS when the server offers it.
            secure: env.bool('SMTP_SECURE', false),
            // Connections kept open and reused: a new connection (and its TLS and AUTH) per mail would bound
            // a fan-out to a few dozen mails a second.
            pool: true,
            // Each mail waits on four round trips to the server (MAIL, RCPT, DATA, the message; nodemailer
            // does not pipeline), so a connection sends at most 1 / (4 × round trip) a second: at a 10-20 ms
            // round trip, 20 connections are what 200 mails a second takes. Lower it for a relay that
            // allows fewer.
            maxConnections: env.int('SMTP_MAX_CONNECTIONS', 20),
            ...(env('SMTP_USER') ? { auth: { user: env('SMTP_USER'), pass: env('SMTP_PASS') } } : {}),
          }
        : logTransport,
      settings: {
        defaultFrom: env('EMAIL_FROM', 'no-reply@localhost'),
        defaultReplyTo: env('EMAIL_FROM', 'no-reply@localhost'),
      },
    },
  },
  upload: {
    config: {
      security: { allowedTypes: allowedMediaTypes, deniedTypes },
    },
  },
  participation: {
    enabled: true,
    resolve: './plugins/participation',
    config: {
      budgetLineImport: {
        maxRows: env.int('PARTICIPATION_IMPORT_MAX_ROWS', 20000),
      },
      realtime: {
        allowedOrigins: env.array('PARTICIPATION_REALTIME_ORIGINS', []),
        // Behind a proxy every client shares the proxy's address: raise this there (the benchmark does).
        maxConnectionsPerAddress: env.int('PARTICIPATION_REALTIME_MAX_CONNECTIONS_PER_ADDRESS', 50),
      },
      forum: {
        // Reports from accounts younger than this, or with fewer visible posts, do not count towards auto-hide.
        countedReporters: {
          minAccountAgeDays: env.int('PARTICIPATION_FORUM_COUNTED_REPORTER_MIN_ACCOUNT_DAYS', 7),
          minVisiblePosts: env.int('PARTICIPATION_FORUM_COUNTED_REPORTER_MIN_POSTS', 3),
        },
        // Per-address limits count everyone behind one proxy or one facilitator's laptop as one: raise them there.
        rateLimits: {
          postsPerMinutePerAddress: env.int('PARTICIPATION_FORUM_POSTS_PER_MINUTE_PER_ADDRESS', 60),
          reportsPerHourPerAddress: env.int('PARTICIPATION_FORUM_REPORTS_PER_HOUR_PER_ADDRESS', 120),
        },
      },
      accounts: {
        throttle: {
          signInFailuresPerAccountAndAddress: env.int('PARTICIPATION_SIGN_IN_FAILURES_PER_ACCOUNT_AND_ADDRESS', 5),
          signInFailuresPerAccount: env.int('PARTICIPATION_SIGN_IN_FAILURES_PER_ACCOUNT', 20),
          // Per address: raise these behind a proxy or where a facilitator registers a whole group.
          registrationsPerAddress: env.int('PARTICIPATION_REGISTRATIONS_PER_HOUR_PER_ADDRESS', 10),
          passwordRequestsPerAddress: env.int('PARTICIPATION_PASSWORD_REQUESTS_PER_QUARTER_HOUR_PER_ADDRESS', 10),
        },
      },
      statistics: {
        minimumCellSize: env.int('PARTICIPATION_STATISTICS_MIN_CELL_SIZE', 10),
      },
      contentApi: {
        // The test suites turn this on: an answer that strays from its route's declared schema fails the test.
        checkResponses: env.bool('PARTICIPATION_CHECK_RESPONSES', false),
        responseMismatchLog: env('PARTICIPATION_RESPONSE_MISMATCH_LOG', null),
      },
    },
  },
});

export default config;
