import { Column, Entity, Index } from 'typeorm';
import { TimestampedEntity } from '../../../common/base.entity';

/** Two levels: a root (`parentId` null) and its children. Siblings are shown by `sortOrder`. */
@Entity({ name: 'category' })
@Index('IDX_category_parent_sort', ['parentId', 'sortOrder'])
export class Category extends TimestampedEntity {
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @Column({ type: 'varchar', length: 40 })
  name: string;

  @Column({ name: 'icon_url', type: 'varchar', length: 500, nullable: true })
  iconUrl: string | null;

  @Column({ name: 'sort_order', type: 'int', default: 0 })
  sortOrder: number;
}
