import { pino, type DestinationStream, type Logger } from 'pino';
import { currentRequest } from './request-log';

/**
 * The process's logger: one JSON object a line (pino), with its time, level and message.
 *
 * Policy (access-policy.md: the API holds data about vulnerable children): a log line
 * never carries personal data. What may reach one is decided here, once: a database error
 * is logged by its kind, SQLSTATE, the schema names it gives (table, column, constraint)
 * and the SQL text with every literal replaced by `?`; never its message as the driver
 * wrote it (knex puts the statement there with its values inlined), its `detail` (the
 * key's values), its parameters or its stack. Any other error is logged by its kind, its
 * message with the quoted parts and numbers removed, and its stack's frames only.
 */

export type { Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The longest text of an error a line keeps (a statement of the read model can be long). */
const MAX_TEXT = 4000;

/** A logger at `level`, writing to `destination` (standard output by default, synchronously: a fatal error's last line is not lost). */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/**
 * A `(line) => void` for the modules that report plain lines of their own (start-up, jobs,
 * rate limits): an error's text in them goes through redactText first.
 */
export function lineLogger(logger: Logger): (line: string) => void {
  return (line) => logger.info(line);
}

/** Apollo Server's logger interface, on ours: its messages may quote an error's text. */
export function apolloLogger(logger: Logger) {
  const line = (level: 'debug' | 'info' | 'warn' | 'error') => (message?: unknown) =>
    logger[level]({ requestId: currentRequest()?.id }, redactText(typeof message === 'string' ? message : message instanceof Error ? message.message : String(message)));
  return { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };
}

/**
 * The SQL text of a statement with its literals replaced by `?`: quoted strings (with `''`
 * escapes, E'' and dollar-quoted ones) and numbers. Placeholders (`$1`, `?`) and quoted
 * identifiers stay, so the statement can still be recognised.
 */
export function sqlShape(text: string): string {
  return clip(
    text
      .replace(/\$(\w*)\$[\s\S]*?\$\1\$/g, '?')
      .replace(/\b[eE]'(?:[^']|'')*'?|'(?:[^']|'')*'?/g, '?')
      .replace(/(?<![\w$."])-?\d+(?:\.\d+)?(?:e[+-]?\d+)?\b/gi, '?'),
  );
}

/** A message with every quoted part and number removed (a driver's or a library's may quote a value). */
export function redactText(text: string): string {
  return clip(sqlShape(text).replace(/"(?:[^"\\]|\\.)*"?/g, '"?"').replace(/`[^`]*`?/g, '`?`'));
}

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}...` : text;
}

/** What a database error carries that the driver (pg) sets, and the statement knex or sql() gives it. */
interface DatabaseErrorShape {
  name?: string;
  message?: string;
  /** SQLSTATE (pg), or the text code of a connection error (ECONNREFUSED). */
  code?: string;
  severity?: string;
  table?: string;
  column?: string;
  constraint?: string;
  routine?: string;
  /** Set by src/db/sql.ts on the errors of its statements. */
  statement?: string;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

function isDatabaseError(error: Error): boolean {
  const e = error as DatabaseErrorShape;
  return (typeof e.code === 'string' && SQLSTATE.test(e.code) && typeof e.severity === 'string') || e.statement !== undefined || /Exception$/.test(error.name);
}

/**
 * The fields of an error a log line may hold (see the policy above). The statement of a
 * database error comes from src/db/sql.ts (`statement`), or from knex's message, which is
 * `<statement> - <reason>` with the statement's values inlined as literals: they are
 * replaced here, before anything is logged.
 */
export function errorFields(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const e = error as Error & DatabaseErrorShape;
  if (isDatabaseError(error)) {
    const message = e.message ?? '';
    const split = e.statement === undefined ? message.lastIndexOf(' - ') : -1;
    const statement = e.statement ?? (split >= 0 ? message.slice(0, split) : undefined);
    const reason = split >= 0 ? message.slice(split + 3) : e.statement !== undefined ? message : undefined;
    return {
      type: error.name,
      ...(e.code ? { code: e.code } : {}),
      ...(reason ? { reason: redactText(reason) } : {}),
      ...(statement ? { sql: sqlShape(statement) } : {}),
      ...(e.table ? { table: e.table } : {}),
      ...(e.column ? { column: e.column } : {}),
      ...(e.constraint ? { constraint: e.constraint } : {}),
    };
  }
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .map((line) => line.trim());
  return { type: error.name, message: redactText(error.message), stack: frames.join('\n') };
}
