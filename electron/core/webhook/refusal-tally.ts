/** Why the webhook receiver refused a request, each with the HTTP status it answered. */
export const WEBHOOK_REFUSALS = {
  wrong_path: 404,
  wrong_method: 405,
  too_large: 413,
  not_json_type: 415,
  rate_limited: 429,
  not_json: 400,
  bad_shape: 400,
} as const;

/** One reason a webhook was refused. */
export type WebhookRefusal = keyof typeof WEBHOOK_REFUSALS;

/** Counts per reason. */
export type RefusalCounts = Readonly<Record<WebhookRefusal, number>>;

/** How long refusals are remembered and summed: the last hour. */
export const REFUSAL_WINDOW_MS = 60 * 60 * 1000;

/** The width of one bucket of the tally: a minute, so a flood costs a bounded 60 buckets, not one entry a request. */
export const REFUSAL_BUCKET_MS = 60 * 1000;

/** Refusals counted per minute: the minute's start and its counts, oldest first. */
export type RefusalTally = readonly { readonly minuteStart: number; readonly counts: RefusalCounts }[];

/** No refusals of any kind. */
export const NO_REFUSALS: RefusalCounts = Object.freeze(
  Object.fromEntries(Object.keys(WEBHOOK_REFUSALS).map((reason) => [reason, 0])) as Record<
    WebhookRefusal,
    number
  >,
);

function inWindow(minuteStart: number, now: number): boolean {
  return minuteStart > now - REFUSAL_WINDOW_MS;
}

/** The tally with one more refusal at `now` (epoch ms), without the minutes that fell out of the last hour. */
export function tallyRefusal(tally: RefusalTally, reason: WebhookRefusal, now: number): RefusalTally {
  const minuteStart = now - (now % REFUSAL_BUCKET_MS);
  const kept = tally.filter((bucket) => inWindow(bucket.minuteStart, now));
  const last = kept.at(-1);
  if (last?.minuteStart === minuteStart) {
    return [
      ...kept.slice(0, -1),
      { minuteStart, counts: { ...last.counts, [reason]: last.counts[reason] + 1 } },
    ];
  }
  return [...kept, { minuteStart, counts: { ...NO_REFUSALS, [reason]: 1 } }];
}

/** Refusals per reason over the last hour as of `now` (a minute counts while it started less than an hour ago). */
export function refusalsInLastHour(tally: RefusalTally, now: number): RefusalCounts {
  const sum: Record<WebhookRefusal, number> = { ...NO_REFUSALS };
  for (const bucket of tally) {
    if (!inWindow(bucket.minuteStart, now)) continue;
    for (const reason of Object.keys(sum) as WebhookRefusal[]) sum[reason] += bucket.counts[reason];
  }
  return sum;
}
