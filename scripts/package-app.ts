// npm run package [-- --env <name>] [--out <dir>] [--env-dir <dir>]
// Builds appPackage/build/appPackage.<env>.zip from appPackage/ and env/.env.<env> (+ .user); default env: local.
// --out writes elsewhere than appPackage/build; --env-dir reads the .env files from elsewhere than env/.
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppPackageError, buildAppPackage } from './app-package/build-app-package.ts';
import { EnvFileError } from './app-package/env-file.ts';

async function main(): Promise<number> {
  let args: { env: string; out: string | undefined; envDir: string | undefined };
  try {
    const { values } = parseArgs({
      options: {
        env: { type: 'string', short: 'e', default: 'local' },
        out: { type: 'string' },
        'env-dir': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    });
    args = { env: values.env, out: values.out, envDir: values['env-dir'] };
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}`);
    console.error('usage: npm run package [-- --env <name>] [--out <dir>] [--env-dir <dir>]');
    return 2;
  }
  try {
    const built = await buildAppPackage({
      envName: args.env,
      ...(args.out === undefined ? {} : { outDir: resolve(args.out) }),
      ...(args.envDir === undefined ? {} : { envDir: resolve(args.envDir) }),
    });
    const show = (path: string): string => relative(process.cwd(), path) || path;
    console.log(`environment: ${args.env} (${built.envFiles.map(show).join(' + ')})`);
    console.log(`manifest:    ${show(built.manifestPath)} (valid)`);
    console.log(`package:     ${show(built.zipPath)} (${built.files.join(', ')})`);
    return 0;
  } catch (error) {
    if (error instanceof AppPackageError || error instanceof EnvFileError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();
