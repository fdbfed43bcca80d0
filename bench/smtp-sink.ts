/**
 * The benchmarks' SMTP server, run as a child process (bench/smtp-process.ts) so that parsing thousands
 * of mails does not take CPU from the app being measured. Answers its parent over IPC.
 */
import { startSmtpServer } from '../tests/harness/smtp';

type Request = { type: 'count' } | { type: 'mails' } | { type: 'close' };

const main = async () => {
  const smtp = await startSmtpServer();
  const settings = Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith('SMTP_') || name === 'EMAIL_FROM'));
  process.send!({ type: 'ready', settings });
  process.on('message', async (request: Request) => {
    if (request.type === 'count') process.send!({ type: 'count', count: smtp.mails.length });
    else if (request.type === 'mails') process.send!({ type: 'mails', mails: smtp.mails.map(({ to, subject }) => ({ to, subject })) });
    else {
      await smtp.close();
      process.exit(0);
    }
  });
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
