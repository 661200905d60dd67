import { type Logger, pino } from 'pino';
import type { Config } from '../config/env.ts';

export type { Logger };

export function createLogger(level: Config['logLevel']): Logger {
  return pino({ level, base: { app: 'insatsnavet' } });
}
