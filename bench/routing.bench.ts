// Routing suggestions: how often the competent body comes first and among the first three
// over the e2e table (test/routing/routing-table.ts), and how fast the service answers
// (median and p95 per suggestion, suggestions per second on one connection), calling the
// RoutingService directly on a scratch database migrated and seeded like production
// (dropped at the end; BENCH_DATABASE_URL reuses an existing, already seeded database).
// Run: npm run bench:routing
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { migrateAndSeed } from '../apps/api/src/migrate';
import { dataSourceOptions } from '../libs/database/src';
import { RoutingService } from '../libs/routing/src/routing.service';
import { ROUTING_TABLE } from '../test/routing/routing-table';

const SERVER_URL = process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

async function main(): Promise<void> {
  const scratch = process.env.BENCH_DATABASE_URL ? undefined : `ventanilla_bench_routing_${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;
  const url = process.env.BENCH_DATABASE_URL ?? Object.assign(new URL(SERVER_URL), { pathname: `/${scratch}` }).toString();
  if (scratch) await migrateAndSeed(url);
  const dataSource = await new DataSource({ ...dataSourceOptions(url), extra: { max: 1 } }).initialize();
  try {
    const routing = new RoutingService(dataSource);
    let first = 0;
    let top3 = 0;
    const misses: string[] = [];
    for (const [description, competent] of ROUTING_TABLE) {
      const codes = (await routing.suggest(description)).items.map((i) => i.subject.code);
      const expected = competent.split('|');
      const at = codes.findIndex((c) => expected.includes(c));
      if (at === 0) first++;
      if (at >= 0 && at < 3) top3++;
      else misses.push(`  ${competent} at ${at < 0 ? '-' : at + 1}: "${description}" → ${codes.slice(0, 4).join(', ')}`);
    }
    const n = ROUTING_TABLE.length;
    const pct = (k: number) => `${((100 * k) / n).toFixed(1)}%`;
    console.log(`Routing table: ${n} descriptions; competent body first ${first}/${n} (${pct(first)}), in the top 3 ${top3}/${n} (${pct(top3)})`);
    if (misses.length) console.log(`Not in the top 3:\n${misses.join('\n')}`);

    const times: number[] = [];
    const started = process.hrtime.bigint();
    for (let round = 0; round < ROUNDS; round++) {
      for (const [description] of ROUTING_TABLE) {
        const t = process.hrtime.bigint();
        await routing.suggest(description);
        times.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    }
    const total = Number(process.hrtime.bigint() - started) / 1e9;
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(2);
    console.log(`Speed: ${times.length} suggestions, median ${at(0.5)} ms, p95 ${at(0.95)} ms, ${(times.length / total).toFixed(0)} per second on one connection`);
  } finally {
    await dataSource.destroy();
    if (scratch) {
      const admin = new Client({ connectionString: SERVER_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${scratch}"`);
      await admin.end();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
