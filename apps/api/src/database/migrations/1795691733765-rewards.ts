import { MigrationInterface, QueryRunner } from 'typeorm';

export class Rewards1795691733765 implements MigrationInterface {
  name = 'Rewards1795691733765';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "reward" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "order_id" uuid NOT NULL, "line_id" uuid NOT NULL, "kind" character varying(8) NOT NULL, "earner_type" character varying(16) NOT NULL, "earner_id" character varying(64) NOT NULL, "buyer_id" character varying(64) NOT NULL, "base_fen" bigint NOT NULL, "rate_bp" integer NOT NULL, "amount_fen" bigint NOT NULL, "clawed_fen" bigint NOT NULL DEFAULT '0', "refunded_base_fen" bigint NOT NULL DEFAULT '0', "status" character varying(12) NOT NULL, "order_completed_at" TIMESTAMP WITH TIME ZONE, "settled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_reward_amounts" CHECK ("amount_fen" > 0 AND "clawed_fen" >= 0 AND "clawed_fen" <= "amount_fen"), CONSTRAINT "PK_a90ea606c229e380fb341838036" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_reward_order" ON "reward"  ("order_id") `);
    await queryRunner.query(`CREATE INDEX "ix_reward_settle" ON "reward"  ("status", "order_completed_at") `);
    await queryRunner.query(
      `CREATE INDEX "ix_reward_earner" ON "reward"  ("earner_type", "earner_id", "created_at") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_reward_line_kind" ON "reward"  ("line_id", "kind") `);
    await queryRunner.query(
      `CREATE TABLE "reward_clawback" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "reward_id" uuid NOT NULL, "refund_id" character varying(64) NOT NULL, "amount_fen" bigint NOT NULL, "phase" character varying(12) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_00a3c39cccdd6ebf14c8c1158da" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_reward_clawback_refund" ON "reward_clawback"  ("refund_id", "reward_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_reward_clawback_refund"`);
    await queryRunner.query(`DROP TABLE "reward_clawback"`);
    await queryRunner.query(`DROP INDEX "public"."uq_reward_line_kind"`);
    await queryRunner.query(`DROP INDEX "public"."ix_reward_earner"`);
    await queryRunner.query(`DROP INDEX "public"."ix_reward_settle"`);
    await queryRunner.query(`DROP INDEX "public"."ix_reward_order"`);
    await queryRunner.query(`DROP TABLE "reward"`);
  }
}
