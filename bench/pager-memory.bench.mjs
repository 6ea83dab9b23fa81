// 4. Memory: iterating 100,000 users with service.iterateUsers() must not hold them. The users are seeded
//    through bulkCreateUsers (the emulator CLI has no seeding flag), which also exercises it at scale.
import { fmt, median, RUNS, time } from './support/measure.mjs';

const USERS = 100_000;
const GC_EVERY = 10_000;

function heapAfterGc() {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

export async function benchPagerMemory({ service }) {
  if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
  let seeded;
  const seedMs = await time(async () => {
    const users = Array.from({ length: USERS }, (_, i) => ({ userId: `mem-${i}` }));
    seeded = (await service.bulkCreateUsers(users, { concurrency: 8 })).totals;
  });
  if (seeded.created !== USERS) throw new Error(`seeding created ${seeded.created} of ${USERS} users`);
  seeded = undefined;

  // Growth of the live heap (measured after a forced gc every 10,000 users, and at the end) over the baseline.
  const iterate = async (keep) => {
    const base = heapAfterGc();
    let count = 0;
    let growth = 0;
    for await (const user of service.iterateUsers()) {
      keep?.push(user);
      // The emulator also holds the chatbot user it seeds: count only ours.
      if (!user.xmppUsername?.includes('_mem-')) continue;
      if (++count % GC_EVERY === 0) growth = Math.max(growth, heapAfterGc() - base);
    }
    growth = Math.max(growth, heapAfterGc() - base);
    if (count !== USERS) throw new Error(`iterated ${count} users, expected ${USERS}`);
    return growth;
  };

  await iterate(); // warm-up
  const growths = [];
  const walls = [];
  for (let run = 0; run < RUNS; run++) {
    let growth = 0;
    walls.push(await time(async () => (growth = await iterate())));
    growths.push(growth);
  }
  const kept = [];
  const holdAll = await iterate(kept);
  kept.length = 0;

  const growth = median(growths);
  return [
    {
      name: `Iterate ${fmt.int(USERS)} users (iterateUsers, pages of 100): heap growth`,
      value: `${fmt.mb(growth)} vs ${fmt.mb(holdAll)} holding them all (${fmt.ms(median(walls))} per pass; seeded with bulkCreateUsers in ${fmt.ms(seedMs)})`,
      ratio: growth / holdAll,
      ratioNote: 'of the heap an array of all users takes',
      target: '≤ 50 MB',
      pass: growth <= 50 * 2 ** 20,
    },
  ];
}
