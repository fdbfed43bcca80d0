import path from 'path';
import { spawn } from 'child_process';

/** A second app process on the same database (second-instance.js): its base URL, and how to stop it. */
export const startOtherInstance = () =>
  new Promise<{ url: string; stop: () => Promise<void> }>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, 'second-instance.js')], { env: process.env, stdio: ['ignore', 'pipe', 'inherit'] });
    const stop = async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    };
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /listening (\d+)/.exec(chunk.toString());
      if (match) resolve({ url: `http://127.0.0.1:${match[1]}`, stop });
    });
    child.once('exit', (code) => reject(new Error(`second instance exited with ${code}`)));
  });
