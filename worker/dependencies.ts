/** Opens the real dependencies of the activities from configuration, with one close() for shutdown. */
import nodemailer from 'nodemailer';
import type { AppConfig } from '../domain/config.js';
import type { ActivityDeps } from '../activities/index.js';

export interface OpenedDeps {
  deps: ActivityDeps;
  close(): Promise<void>;
}

export async function openActivityDeps(config: AppConfig): Promise<OpenedDeps> {
  const transport = nodemailer.createTransport({ host: config.SMTP_HOST, port: config.SMTP_PORT, secure: false });
  return {
    deps: { mail: { transport, from: config.MAIL_FROM } },
    close: async () => {
      transport.close();
    },
  };
}
