import { MigrationInterface, QueryRunner } from 'typeorm';

export class Withdrawals1795690568261 implements MigrationInterface {
  name = 'Withdrawals1795690568261';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "withdrawal" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "earner_type" character varying(16) NOT NULL, "earner_id" character varying(64) NOT NULL, "requested_by" character varying(64) NOT NULL, "amount_fen" bigint NOT NULL, "fee_fen" bigint NOT NULL, "net_fen" bigint NOT NULL, "status" character varying(16) NOT NULL, "method" character varying(8), "payee_openid" character varying(64), "out_bill_no" character varying(32) NOT NULL, "transfer_bill_no" character varying(64), "package_info" text, "reject_reason" character varying(200), "fail_reason" character varying(200), "reviewed_by" character varying(64), "paid_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_withdrawal_amounts" CHECK ("amount_fen" > 0 AND "fee_fen" >= 0 AND "net_fen" = "amount_fen" - "fee_fen" AND "net_fen" > 0), CONSTRAINT "PK_840e247aaad3fbd4e18129122a2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_withdrawal_out_bill_no" ON "withdrawal"  ("out_bill_no") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_withdrawal_status" ON "withdrawal"  ("status", "created_at") `);
    await queryRunner.query(
      `CREATE INDEX "ix_withdrawal_earner" ON "withdrawal"  ("earner_type", "earner_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "withdrawal_event" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "withdrawal_id" uuid NOT NULL, "from_status" character varying(16), "to_status" character varying(16) NOT NULL, "actor" character varying(80) NOT NULL, "reason" character varying(200) NOT NULL, "request_id" character varying(128) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_23891a284a0acfaf2788ebc7a89" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_withdrawal_event_withdrawal" ON "withdrawal_event"  ("withdrawal_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_withdrawal_event_withdrawal"`);
    await queryRunner.query(`DROP TABLE "withdrawal_event"`);
    await queryRunner.query(`DROP INDEX "public"."ix_withdrawal_earner"`);
    await queryRunner.query(`DROP INDEX "public"."ix_withdrawal_status"`);
    await queryRunner.query(`DROP INDEX "public"."uq_withdrawal_out_bill_no"`);
    await queryRunner.query(`DROP TABLE "withdrawal"`);
  }
}
