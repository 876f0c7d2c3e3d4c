/** `npm run audit:verify`: walks the audit chain of DATABASE_URL and prints the report. */

import { verifyAuditChain } from '../server/audit/verify-chain.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';

const config = loadConfig();
const database = await openDatabase(config.databaseUrl, config.databaseAuthToken);
const report = await verifyAuditChain(database.db);
database.close();
console.log(JSON.stringify(report));
process.exit(report.ok ? 0 : 1);
