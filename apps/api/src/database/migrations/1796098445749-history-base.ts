import { MigrationInterface, QueryRunner } from 'typeorm';

export class HistoryBase1796098445749 implements MigrationInterface {
  name = 'HistoryBase1796098445749';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "reward_event" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "from_status" character varying(20), "to_status" character varying(20) NOT NULL, "actor_kind" character varying(16) NOT NULL, "actor_id" character varying(64) NOT NULL, "reason" character varying(200) NOT NULL, "request_id" character varying(128) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "reward_id" uuid NOT NULL, CONSTRAINT "PK_212058fe00a4e4ad6f433833992" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_reward_event_reward" ON "reward_event"  ("reward_id") `);
    await queryRunner.query(
      `CREATE TABLE "refund_event" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "from_status" character varying(20), "to_status" character varying(20) NOT NULL, "actor_kind" character varying(16) NOT NULL, "actor_id" character varying(64) NOT NULL, "reason" character varying(200) NOT NULL, "request_id" character varying(128) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "refund_id" uuid NOT NULL, CONSTRAINT "PK_c95be2bade2c00df8dda9262a4b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_refund_event_refund" ON "refund_event"  ("refund_id") `);
    await queryRunner.query(
      `CREATE TABLE "after_sale_event" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "from_status" character varying(20), "to_status" character varying(20) NOT NULL, "actor_kind" character varying(16) NOT NULL, "actor_id" character varying(64) NOT NULL, "reason" character varying(200) NOT NULL, "request_id" character varying(128) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "after_sale_id" uuid NOT NULL, CONSTRAINT "PK_7e415e6c0be382013971777ffd8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_after_sale_event_after_sale" ON "after_sale_event"  ("after_sale_id") `,
    );
    // One spelling of the actor: withdrawal_event.actor ("admin:<id>") and payment_event.source
    // ("notify", "query"…) become actor_kind + actor_id, keeping what they said.
    await queryRunner.query(`ALTER TABLE "withdrawal_event" ADD "actor_kind" character varying(16)`);
    await queryRunner.query(`ALTER TABLE "withdrawal_event" ADD "actor_id" character varying(64)`);
    await queryRunner.query(
      `UPDATE "withdrawal_event" SET "actor_kind" = CASE WHEN strpos("actor", ':') > 0 THEN left(split_part("actor", ':', 1), 16) ELSE 'system' END, "actor_id" = left(CASE WHEN strpos("actor", ':') > 0 THEN substr("actor", strpos("actor", ':') + 1) ELSE "actor" END, 64)`,
    );
    await queryRunner.query(`ALTER TABLE "withdrawal_event" ALTER COLUMN "actor_kind" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "withdrawal_event" ALTER COLUMN "actor_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "withdrawal_event" DROP COLUMN "actor"`);
    await queryRunner.query(`ALTER TABLE "payment_event" ADD "actor_kind" character varying(16)`);
    await queryRunner.query(`ALTER TABLE "payment_event" ADD "actor_id" character varying(64)`);
    await queryRunner.query(`UPDATE "payment_event" SET "actor_kind" = 'system', "actor_id" = "source"`);
    await queryRunner.query(`ALTER TABLE "payment_event" ALTER COLUMN "actor_kind" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "payment_event" ALTER COLUMN "actor_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "payment_event" DROP COLUMN "source"`);
    for (const table of ['withdrawal_event', 'payment_event']) {
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "from_status" TYPE character varying(20)`);
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "to_status" TYPE character varying(20)`);
    }
    // Rows from before their history was kept start it with their present state.
    for (const [table, history, fk] of [
      ['refund', 'refund_event', 'refund_id'],
      ['after_sale', 'after_sale_event', 'after_sale_id'],
      ['reward', 'reward_event', 'reward_id'],
    ]) {
      await queryRunner.query(
        `INSERT INTO "${history}" ("${fk}", "from_status", "to_status", "actor_kind", "actor_id", "reason", "request_id", "created_at") SELECT "id", NULL, "status", 'system', 'migration', 'state when history began', 'migration', "updated_at" FROM "${table}"`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['withdrawal_event', 'payment_event']) {
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "from_status" TYPE character varying(16)`);
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "to_status" TYPE character varying(16)`);
    }
    await queryRunner.query(`ALTER TABLE "payment_event" ADD "source" character varying(16)`);
    await queryRunner.query(`UPDATE "payment_event" SET "source" = left("actor_id", 16)`);
    await queryRunner.query(`ALTER TABLE "payment_event" ALTER COLUMN "source" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "payment_event" DROP COLUMN "actor_id"`);
    await queryRunner.query(`ALTER TABLE "payment_event" DROP COLUMN "actor_kind"`);
    await queryRunner.query(`ALTER TABLE "withdrawal_event" ADD "actor" character varying(80)`);
    await queryRunner.query(
      `UPDATE "withdrawal_event" SET "actor" = left("actor_kind" || ':' || "actor_id", 80)`,
    );
    await queryRunner.query(`ALTER TABLE "withdrawal_event" ALTER COLUMN "actor" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "withdrawal_event" DROP COLUMN "actor_id"`);
    await queryRunner.query(`ALTER TABLE "withdrawal_event" DROP COLUMN "actor_kind"`);
    await queryRunner.query(`DROP INDEX "public"."ix_after_sale_event_after_sale"`);
    await queryRunner.query(`DROP TABLE "after_sale_event"`);
    await queryRunner.query(`DROP INDEX "public"."ix_refund_event_refund"`);
    await queryRunner.query(`DROP TABLE "refund_event"`);
    await queryRunner.query(`DROP INDEX "public"."ix_reward_event_reward"`);
    await queryRunner.query(`DROP TABLE "reward_event"`);
  }
}
