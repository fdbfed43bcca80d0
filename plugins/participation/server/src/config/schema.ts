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
  })
  .strict();

export type PluginConfig = z.infer<typeof pluginConfigSchema>;
