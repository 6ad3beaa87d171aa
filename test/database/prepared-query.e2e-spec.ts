import { preparedQuery } from '@ventanilla/database';
import { ScratchDataSource, scratchDataSource } from '@ventanilla/testing';
import { DataSource } from 'typeorm';

describe('preparedQuery (e2e)', () => {
  let db: DataSource;
  let scratch: ScratchDataSource | undefined;
  const TEXT = `SELECT $1::int + 1 AS n, pg_backend_pid() AS pid`;

  beforeAll(async () => {
    scratch = await scratchDataSource();
    db = scratch.db;
    await db.query(`CREATE TABLE prepared_probe (n int)`);
  });
  afterAll(() => scratch?.close());

  it('prepares the text once on the connection and binds each call', async () => {
    const runner = db.createQueryRunner();
    try {
      const [first] = await preparedQuery<{ n: number; pid: number }>(runner.manager, TEXT, [1]);
      const [second] = await preparedQuery<{ n: number; pid: number }>(runner.manager, TEXT, [41]);
      expect([first.n, second.n]).toEqual([2, 42]);
      expect(second.pid).toBe(first.pid);
      const prepared: { statement: string }[] = await runner.query(`SELECT statement FROM pg_prepared_statements WHERE statement = $1`, [TEXT]);
      expect(prepared).toHaveLength(1);
    } finally {
      await runner.release();
    }
  });

  it("runs in the caller's transaction: its write goes when the transaction rolls back", async () => {
    await expect(
      db.transaction(async (tx) => {
        await preparedQuery(tx, `INSERT INTO prepared_probe (n) VALUES ($1)`, [7]);
        expect(await tx.query(`SELECT n FROM prepared_probe`)).toEqual([{ n: 7 }]);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await db.query(`SELECT n FROM prepared_probe`)).toEqual([]);
  });

  it('without a connection of its own, takes one from the pool and gives it back; errors keep their code', async () => {
    const [row] = await preparedQuery<{ n: number }>(db.manager, TEXT, [2]);
    expect(row.n).toBe(3);
    await expect(preparedQuery(db.manager, `SELECT 1 / $1::int`, [0])).rejects.toMatchObject({ code: '22012' });
    // Both connections went back to the pool: it still answers with all of them.
    const pool = (db.driver as unknown as { master: { totalCount: number; idleCount: number } }).master;
    expect(pool.idleCount).toBe(pool.totalCount);
  });
});
