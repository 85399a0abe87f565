/**
 * The smoke test for a real site: provisions a throw-away plan, sends every request shape
 * the product sends through its own services, prints a pass/fail table and removes what it
 * made. See README ("Check a site with the smoke test") and `npm run smoke -- --help`.
 *
 *   npm run smoke -- --site https://<tenant>.sharepoint.com/sites/<site> --client-id <id> --cert-pfx app.pfx
 *   npm run smoke -- --emulator
 */
import { main } from './smoke/main';

main(process.argv.slice(2)).then(
  (report) => process.exit(report.exitCode),
  (error: unknown) => {
    console.error(`The smoke test stopped: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
);
