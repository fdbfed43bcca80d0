/**
 * `npm run bench:notifications`: bench/community-notifications.ts on a fresh PostgreSQL database, mails
 * going to a real SMTP server in a process of its own (bench/smtp-process.ts). Last line: a JSON object.
 * `npm run bench:community` runs the same measurement after its pages and posting.
 */
import { runMain, withPostgresApp } from './postgres-app';
import { measureNotifications, notificationSettings } from './community-notifications';
import { startSmtpProcess } from './smtp-process';

const main = async () => {
  const smtp = await startSmtpProcess();
  try {
    await withPostgresApp({}, async (app) => {
      console.log(JSON.stringify(await measureNotifications(app.strapi, smtp, notificationSettings())));
    });
  } finally {
    await smtp.close();
  }
};

runMain(main);
