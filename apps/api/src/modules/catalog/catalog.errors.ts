import { defineErrors } from '../../common/errors';

export const CatalogErrors = defineErrors({
  CATEGORY_NOT_FOUND: { status: 404, message: '分类不存在' },
  CATEGORY_STALE: { status: 409, message: '分类已被他人修改，请刷新后重试' },
  CATEGORY_TOO_DEEP: { status: 400, message: '分类最多两级' },
  CATEGORY_NOT_EMPTY: { status: 409, message: '分类下还有子分类或商品，不能删除' },
  PRODUCT_NOT_FOUND: { status: 404, message: '商品不存在' },
  PRODUCT_STALE: { status: 409, message: '商品已被他人修改，请刷新后重试' },
  PRODUCT_NOT_SELLABLE: { status: 409, message: '商品至少需要一个有价格的规格才能上架' },
  SKU_NOT_FOUND: { status: 404, message: '规格不存在' },
  SKU_CODE_TAKEN: { status: 409, message: '规格编码已被使用' },
  SKU_LAST_ON_SALE: { status: 409, message: '在售商品至少保留一个规格' },
  SKU_INSUFFICIENT_STOCK: { status: 409, message: '库存不足' },
  UPLOAD_INVALID: { status: 400, message: '请上传 JPG、PNG、WebP 或 GIF 图片' },
  UPLOAD_NOT_FOUND: { status: 404, message: '文件不存在' },
});
