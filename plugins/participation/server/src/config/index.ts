import { z } from 'zod';
import { pluginConfigSchema, type PluginConfig } from './schema';

const defaultConfig: PluginConfig = {
  budgetLineImport: { maxRows: 20000, maxBytes: 5 * 1024 * 1024 },
  realtime: { allowedOrigins: [], maxRoomsPerSocket: 50, maxConnectionsPerAddress: 50, maxPayloadBytes: 4096 },
  forum: {
    reportsToHide: 3,
    countedReporters: { minAccountAgeDays: 7, minVisiblePosts: 3 },
    maxBodyBytes: 32 * 1024,
    rateLimits: { postsPerMinutePerUser: 6, postsPerMinutePerAddress: 60, reportsPerHourPerUser: 30, reportsPerHourPerAddress: 120 },
    duplicateWindowHours: 24,
  },
  accounts: {
    throttle: {
      signInFailuresPerAccountAndAddress: 5,
      signInFailuresPerAccountAndAddressMinutes: 15,
      signInFailuresPerAccount: 20,
      signInFailuresPerAccountMinutes: 60,
      registrationsPerAddress: 10,
      registrationsPerAddressMinutes: 60,
      passwordRequestsPerAddress: 10,
      passwordRequestsPerAddressMinutes: 15,
    },
  },
  statistics: { minimumCellSize: 10 },
  portal: { enabled: true, basePath: '/', defaultLanguage: 'sq' },
  notifications: { worker: true, retryBaseSeconds: 30, retryLimit: 12, batchSize: 25, pollingIntervalSeconds: 2, reminderScanMinutes: 15 },
  contentApi: { checkResponses: false, responseMismatchLog: null },
};

export default {
  default: defaultConfig,
  /** Strapi calls this with the merged config at startup: a readable error stops a misconfigured app. */
  validator(config: unknown) {
    const result = pluginConfigSchema.safeParse(config);
    if (!result.success) {
      throw new Error(`Invalid config for plugin "participation":\n${z.prettifyError(result.error)}`);
    }
  },
};
