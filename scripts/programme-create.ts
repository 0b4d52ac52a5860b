import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { MikroORM } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { ConfigError, loadConfig } from '../src/config';
import { ormOptions } from '../src/mikro-orm.config';
import { runningEmbeddedUrl } from '../src/db/embedded';
import { EMBEDDED_DATABASE } from '../src/db/database';
import { createProgramme, InvalidProgramme } from '../src/admin/create-programme';

/**
 * `npm run programme:create -- --name <name> --insee <code> --admin-email <email> --admin-name <name> [--admin-subject <sub>]`:
 * migrates the database of DATABASE_URL (or of a running `npm start`) and creates an empty
 * programme with its first ADMIN (src/admin/create-programme.ts). Prints the ids and how
 * the ADMIN signs in.
 */
const USAGE =
  'usage: npm run programme:create -- --name <name> --insee <INSEE code> --admin-email <email> --admin-name <name> [--admin-subject <identity provider subject>]';

async function main(argv: string[]): Promise<number> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { name: { type: 'string' }, insee: { type: 'string' }, 'admin-email': { type: 'string' }, 'admin-name': { type: 'string' }, 'admin-subject': { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const missing = ['name', 'insee', 'admin-email', 'admin-name'].filter((key) => !values[key]);
  if (missing.length) {
    console.error(`missing --${missing.join(', --')}\n${USAGE}`);
    return 2;
  }
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  if (config.isProduction && !values['admin-subject']) {
    console.error('in production the ADMIN signs in with the identity provider: give --admin-subject (its `sub`)');
    return 2;
  }
  const url = config.databaseUrl ?? runningEmbeddedUrl(config.embedded.dir, EMBEDDED_DATABASE);
  if (!url) {
    console.error('no database: set DATABASE_URL, or start the API first (npm start)');
    return 1;
  }
  const orm = await MikroORM.init(ormOptions(url));
  try {
    await orm.getMigrator().up();
    const { programme, admin } = await createProgramme(orm.em.fork(), {
      name: values.name!,
      inseeCode: values.insee!,
      adminEmail: values['admin-email']!,
      adminName: values['admin-name']!,
      adminSubject: values['admin-subject'],
    });
    console.log(`programme created: ${programme.name} (INSEE ${programme.inseeCode}), id ${programme.id}`);
    console.log(`first ADMIN: ${admin.email}, subject ${admin.subject}`);
    console.log(
      values['admin-subject']
        ? 'it signs in with the identity provider; it then creates the partners and staff accounts (README "Starting a programme")'
        : `its development token: npm run -s token -- ${admin.email}`,
    );
    return 0;
  } catch (error) {
    if (error instanceof InvalidProgramme || error instanceof GraphQLError) {
      console.error(`refused: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await orm.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`programme:create failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
