import { z } from 'zod';
import { PORTAL_LANGUAGES } from '../../../portal/src/i18n/languages';

export const pluginConfigSchema = z
  .object({
    budgetLineImport: z
      .object({
        /** Rows accepted in one CSV import; a municipality's full budget is a few thousand lines. */
        maxRows: z.number().int().positive().max(1_000_000),
        /** Largest CSV body accepted, in bytes. */
        maxBytes: z.number().int().positive().max(100 * 1024 * 1024),
      })
      .strict(),
    realtime: z
      .object({
        /** Browser origins allowed to open a socket besides the app's own; non-browser clients send none. */
        allowedOrigins: z.array(z.string().url()).max(50),
        maxRoomsPerSocket: z.number().int().positive().max(1000),
        maxConnectionsPerAddress: z.number().int().positive().max(100_000),
        /** Largest message a client may send, in bytes. */
        maxPayloadBytes: z.number().int().min(256).max(1_000_000),
      })
      .strict(),
    forum: z
      .object({
        /** Distinct reports that hide a post until a moderator looks at it. */
        reportsToHide: z.number().int().min(1).max(1000),
        /** Whose reports count towards reportsToHide: established members only (0 and 0 counts everyone). */
        countedReporters: z
          .object({
            minAccountAgeDays: z.number().int().min(0).max(3650),
            minVisiblePosts: z.number().int().min(0).max(10_000),
          })
          .strict(),
        /** Largest request body a forum, meeting or consultation write accepts, in bytes (413 above). */
        maxBodyBytes: z.number().int().min(1024).max(1024 * 1024),
        /** Limits per person and per network address; 429 with Retry-After beyond them. */
        rateLimits: z
          .object({
            postsPerMinutePerUser: z.number().int().positive(),
            postsPerMinutePerAddress: z.number().int().positive(),
            reportsPerHourPerUser: z.number().int().positive(),
            reportsPerHourPerAddress: z.number().int().positive(),
          })
          .strict(),
        /** A post whose text its author already posted within this many hours is refused. */
        duplicateWindowHours: z.number().int().min(0).max(24 * 365),
      })
      .strict(),
    accounts: z
      .object({
        /** users-permissions' sign-in, registration and password routes (docs/access.md, "Throttling"). */
        throttle: z
          .object({
            signInFailuresPerAccountAndAddress: z.number().int().positive(),
            signInFailuresPerAccountAndAddressMinutes: z.number().int().positive(),
            signInFailuresPerAccount: z.number().int().positive(),
            signInFailuresPerAccountMinutes: z.number().int().positive(),
            registrationsPerAddress: z.number().int().positive(),
            registrationsPerAddressMinutes: z.number().int().positive(),
            passwordRequestsPerAddress: z.number().int().positive(),
            passwordRequestsPerAddressMinutes: z.number().int().positive(),
          })
          .strict(),
      })
      .strict(),
    statistics: z
      .object({
        /** k: no published count describes between 1 and k − 1 people. */
        minimumCellSize: z.number().int().min(2).max(1000),
      })
      .strict(),
    portal: z
      .object({
        /** Off for a site that brings its own front end: the API stays as it is. */
        enabled: z.boolean(),
        /** Where the portal's pages live: "/" or a path such as "/portal". */
        basePath: z.string().regex(/^\/([a-z0-9-]+(\/[a-z0-9-]+)*)?$/, 'a path such as / or /portal'),
        /** The language for a visitor whose browser asks for none the portal has. */
        defaultLanguage: z.enum(PORTAL_LANGUAGES),
      })
      .strict(),
    notifications: z
      .object({
        /** Off: no mail is sent from this instance (the notifications are still recorded and queued). */
        worker: z.boolean(),
        /** A failed send is retried after this many seconds, then twice as long each time. */
        retryBaseSeconds: z.number().int().min(1).max(3600),
        retryLimit: z.number().int().min(0).max(100),
        /** Mails taken from the queue at a time and handed to SMTP concurrently. */
        batchSize: z.number().int().min(1).max(500),
        pollingIntervalSeconds: z.number().min(0.5).max(600),
        reminderScanMinutes: z.number().min(1).max(24 * 60),
      })
      .strict(),
    contentApi: z
      .object({
        /** Check every successful answer against its route's declared schema (tests; a 500 names the mismatch). */
        checkResponses: z.boolean(),
        /** With checkResponses: a file each mismatch is also appended to, so a run fails even where a test ignores the 500. */
        responseMismatchLog: z.string().min(1).nullable(),
      })
      .strict(),
  })
  .strict();

export type PluginConfig = z.infer<typeof pluginConfigSchema>;
