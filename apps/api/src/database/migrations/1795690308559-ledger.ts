import { MigrationInterface, QueryRunner } from 'typeorm';

export class Ledger1795690308559 implements MigrationInterface {
  name = 'Ledger1795690308559';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "ledger_account" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "owner_type" character varying(16) NOT NULL, "owner_id" character varying(64) NOT NULL, "kind" character varying(24) NOT NULL, "balance_fen" bigint NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_34640393ff83dad2b4627d7ae5f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_ledger_account_owner_kind" ON "ledger_account"  ("owner_type", "owner_id", "kind") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ledger_posting" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "reference" character varying(160) NOT NULL, "kind" character varying(32) NOT NULL, "memo" character varying(200) NOT NULL, "subject_id" character varying(64), "request_id" character varying(128) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0d6f4298d11b8bc6ffb8acc0ea7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_ledger_posting_reference" ON "ledger_posting"  ("reference") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_ledger_posting_subject" ON "ledger_posting"  ("subject_id") `);
    await queryRunner.query(
      `CREATE TABLE "ledger_entry" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "posting_id" uuid NOT NULL, "account_id" uuid NOT NULL, "amount_fen" bigint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_04e9d274911f909a5848a15cd74" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_ledger_entry_posting" ON "ledger_entry"  ("posting_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_ledger_entry_account_time" ON "ledger_entry"  ("account_id", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "ledger_entry" ADD CONSTRAINT "fk_ledger_entry_posting" FOREIGN KEY ("posting_id") REFERENCES "ledger_posting"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ledger_entry" ADD CONSTRAINT "fk_ledger_entry_account" FOREIGN KEY ("account_id") REFERENCES "ledger_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Hand-written: every posting balances at commit, and entries are append-only.
    await queryRunner.query(`
      CREATE FUNCTION ledger_posting_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE total bigint;
      BEGIN
        SELECT COALESCE(SUM(amount_fen), 0) INTO total FROM ledger_entry WHERE posting_id = NEW.posting_id;
        IF total <> 0 THEN
          RAISE EXCEPTION 'ledger posting % is unbalanced by % fen', NEW.posting_id, total USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER ledger_entry_balanced AFTER INSERT ON ledger_entry
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_posting_balanced()`);
    await queryRunner.query(`
      CREATE FUNCTION ledger_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'ledger entries are append-only' USING ERRCODE = 'check_violation';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER ledger_entry_no_change BEFORE UPDATE OR DELETE ON ledger_entry
      FOR EACH ROW EXECUTE FUNCTION ledger_entry_append_only()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER ledger_entry_no_change ON ledger_entry`);
    await queryRunner.query(`DROP FUNCTION ledger_entry_append_only()`);
    await queryRunner.query(`DROP TRIGGER ledger_entry_balanced ON ledger_entry`);
    await queryRunner.query(`DROP FUNCTION ledger_posting_balanced()`);
    await queryRunner.query(`ALTER TABLE "ledger_entry" DROP CONSTRAINT "fk_ledger_entry_account"`);
    await queryRunner.query(`ALTER TABLE "ledger_entry" DROP CONSTRAINT "fk_ledger_entry_posting"`);
    await queryRunner.query(`DROP INDEX "public"."ix_ledger_entry_account_time"`);
    await queryRunner.query(`DROP INDEX "public"."ix_ledger_entry_posting"`);
    await queryRunner.query(`DROP TABLE "ledger_entry"`);
    await queryRunner.query(`DROP INDEX "public"."ix_ledger_posting_subject"`);
    await queryRunner.query(`DROP INDEX "public"."uq_ledger_posting_reference"`);
    await queryRunner.query(`DROP TABLE "ledger_posting"`);
    await queryRunner.query(`DROP INDEX "public"."uq_ledger_account_owner_kind"`);
    await queryRunner.query(`DROP TABLE "ledger_account"`);
  }
}
