import { Client } from 'pg';
import { config as loadConfig } from '../src/config';
import { signLocalToken } from '../src/auth/tokens';
import { EMBEDDED_DATABASE, runningEmbeddedUrl } from '../src/db/embedded';

/**
 * `npm run -s token -- <email>`: prints a bearer token for a seeded account, and nothing
 * else, on stdout. Development only. It reads the database `npm start` uses (DATABASE_URL,
 * or the running embedded server) and never starts one of its own.
 */
async function main(argv: string[]): Promise<number> {
  const email = argv[0];
  if (!email || argv.length > 1) {
    console.error('usage: npm run -s token -- <email>   (e.g. coordinator@demo.example)');
    return 2;
  }
  const config = loadConfig();
  if (config.isProduction) {
    console.error('refused: tokens are issued by the identity provider in production (NODE_ENV=production)');
    return 1;
  }
  const url = config.databaseUrl ?? runningEmbeddedUrl(config.embedded.dir, EMBEDDED_DATABASE);
  if (!url) {
    console.error('no database: start the API first (npm start), or set DATABASE_URL');
    return 1;
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ subject: string }>(
      'select subject from account where lower(email) = lower($1) and active',
      [email],
    );
    const subject = result.rows[0]?.subject;
    if (!subject) {
      console.error(`no active account with email ${email} (the demo accounts are listed in the README)`);
      return 1;
    }
    process.stdout.write(`${await signLocalToken(config.auth, subject, { email })}\n`);
    return 0;
  } finally {
    await client.end();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`token: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
