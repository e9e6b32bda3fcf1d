import { defineErrors } from '../common/errors';

export const JobErrors = defineErrors({
  JOB_NOT_FOUND: { status: 404, message: '任务不存在' },
  JOB_NOT_FAILED: { status: 409, message: '只能重试已失败的任务' },
});
