/**
 * `npm run bench:notifications`: bench/community-notifications.ts on a fresh PostgreSQL database, mails
 * going to a real SMTP server in this process (tests/harness/smtp.ts). Last line: a JSON object.
 */
import { runMain, withPostgresApp } from './postgres-app';
import { measureNotifications } from './community-notifications';
import { startSmtpServer } from '../tests/harness/smtp';

const main = async () => {
  const smtp = await startSmtpServer();
  try {
    await withPostgresApp({}, async (app) => {
      const figures = await measureNotifications(app.strapi, () => smtp.mails, {
        followers: Number(process.env.BENCH_FOLLOWERS ?? 1000),
        runs: Number(process.env.BENCH_RUNS ?? 3),
        batchSize: Number(process.env.BENCH_BATCH ?? 50),
      });
      console.log(JSON.stringify(figures));
    });
  } finally {
    await smtp.close();
  }
};

runMain(main);
