import { MigrationInterface, QueryRunner } from 'typeorm';

/** Rate-limit counters shared by every API replica (RATE_LIMIT_STORE=postgres); losing them on a crash is fine. */
export class RateLimitCounter1796100000000 implements MigrationInterface {
  name = 'RateLimitCounter1796100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNLOGGED TABLE "rate_limit_counter" ("key" text PRIMARY KEY, "hits" integer NOT NULL, "reset_at" timestamptz NOT NULL)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rate_limit_counter"`);
  }
}
