import { fork } from 'child_process';
import path from 'path';

export interface ReceivedMailSummary {
  to: string[];
  subject: string;
}

/** What a benchmark reads of the SMTP server in its own process: how many mails arrived, and which. */
export interface SmtpProcess {
  count(): Promise<number>;
  mails(): Promise<ReceivedMailSummary[]>;
  close(): Promise<void>;
}

/**
 * Starts bench/smtp-sink.ts in a child process and points this process's SMTP_* settings at it (call it
 * before booting the app, which reads them at start).
 */
export const startSmtpProcess = async (): Promise<SmtpProcess> => {
  const child = fork(path.join(__dirname, 'smtp-sink.ts'), [], { execArgv: ['-r', 'esbuild-register'], stdio: 'inherit' });
  const reply = <T>(type: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (message: { type: string } & T) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message);
      };
      const onExit = (code: number | null) => reject(new Error(`the SMTP process exited (${code})`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const { settings } = await reply<{ settings: Record<string, string> }>('ready');
  Object.assign(process.env, settings);
  return {
    async count() {
      const answer = reply<{ count: number }>('count');
      child.send({ type: 'count' });
      return (await answer).count;
    },
    async mails() {
      const answer = reply<{ mails: ReceivedMailSummary[] }>('mails');
      child.send({ type: 'mails' });
      return (await answer).mails;
    },
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'close' });
      await exited;
    },
  };
};
