/**
 * What the Graph client logs through. pino's Logger fits it, and so does a test's recorder;
 * the default is silent so a library user opts in to Graph chatter.
 */
export type GraphLogger = {
  debug(details: Record<string, unknown>, message: string): void;
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
};

const ignore = (): void => {};

export const SILENT_LOGGER: GraphLogger = { debug: ignore, info: ignore, warn: ignore, error: ignore };
