import { DeliveryLearner } from '../../../../electron/core/learning';

/**
 * A learner taught, on SMS checked every 2 s, a profile with a bulk and a sparse late tail: 100 messages final at
 * 10 s, one a minute from 5 to 20 minutes, and 20 that never end (watched to 20 minutes).
 */
export function learnerWithTail(): DeliveryLearner {
  const learner = new DeliveryLearner();
  const watch = (finalS: number) => {
    for (let at = 2; at <= Math.min(finalS, 1200); at += 2)
      learner.observe('sms', at - 2, at, at >= finalS, 0);
  };
  for (let i = 0; i < 100; i += 1) watch(10);
  for (let finalS = 300; finalS <= 1200; finalS += 60) watch(finalS);
  for (let i = 0; i < 20; i += 1) watch(Number.POSITIVE_INFINITY);
  return learner;
}
