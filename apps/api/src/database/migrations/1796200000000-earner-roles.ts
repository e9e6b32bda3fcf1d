import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Appointing an agent or an owner, and joining as staff, now grant the user's role; users
 * appointed before that get it here (an agent could not withdraw without it). Data only.
 */
export class EarnerRoles1796200000000 implements MigrationInterface {
  name = 'EarnerRoles1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const grant = (role: string, ids: string) =>
      queryRunner.query(
        `UPDATE "users" SET "roles" = array_append("roles", '${role}') WHERE "id" IN (${ids}) AND NOT ('${role}' = ANY("roles"))`,
      );
    await grant('agent', `SELECT "agent_user_id" FROM "store" WHERE "agent_user_id" IS NOT NULL`);
    await grant('store_owner', `SELECT "user_id" FROM "store_member" WHERE "role" = 'owner'`);
    await grant('store_staff', `SELECT "user_id" FROM "store_member" WHERE "role" = 'staff'`);
  }

  public async down(): Promise<void> {
    // Roles granted here cannot be told from roles granted since; they stay.
  }
}
