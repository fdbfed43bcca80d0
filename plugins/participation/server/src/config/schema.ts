import { z } from 'zod';

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
  })
  .strict();

export type PluginConfig = z.infer<typeof pluginConfigSchema>;
