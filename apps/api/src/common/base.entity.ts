import { CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A uuid id and the creation time (`timestamptz`): what most tables start with (Vendure's base entity). */
export abstract class CreatedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** CreatedEntity with the time of the last change. */
export abstract class TimestampedEntity extends CreatedEntity {
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
