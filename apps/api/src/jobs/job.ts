/** A typed job: its queue name, the shape of its data and its retry policy. */
export interface JobDefinition<T> {
  readonly name: string;
  readonly retryLimit: number;
  /** Seconds before the first retry; doubles each time when `retryBackoff`. */
  readonly retryDelaySeconds: number;
  readonly retryBackoff: boolean;
  readonly expireInSeconds: number;
  /** Phantom field carrying T; never set. */
  readonly __data?: T;
}

export function defineJob<T>(
  name: string,
  opts: Partial<
    Pick<JobDefinition<T>, 'retryLimit' | 'retryDelaySeconds' | 'retryBackoff' | 'expireInSeconds'>
  > = {},
): JobDefinition<T> {
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(name)) throw new Error(`bad job name ${name}`);
  return {
    name,
    retryLimit: opts.retryLimit ?? 5,
    retryDelaySeconds: opts.retryDelaySeconds ?? 30,
    retryBackoff: opts.retryBackoff ?? true,
    expireInSeconds: opts.expireInSeconds ?? 15 * 60,
  };
}

export type JobHandler<T> = (data: T, meta: { id: string; retryCount: number }) => Promise<void>;
