import { Deadline } from '../../src/limits/deadline';

/** The Deadline of one request (src/limits/deadline.ts), on its own. */
describe('Deadline', () => {
  const later = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

  it('lets work that settles in time through, untripped', async () => {
    const deadline = new Deadline(200);
    await expect(deadline.race(later(10, 'rows'))).resolves.toBe('rows');
    expect(() => deadline.check()).not.toThrow();
    expect(deadline.tripped).toBe(false);
    deadline.dispose();
  });

  it('refuses with TIMEOUT at the deadline, and gives back what the abandoned work returns later', async () => {
    const deadline = new Deadline(30);
    const returned: string[] = [];
    const started = Date.now();
    await expect(deadline.race(later(150, 'connection'), (late) => returned.push(late))).rejects.toMatchObject({
      extensions: { code: 'TIMEOUT', deadlineMs: 30 },
    });
    expect(Date.now() - started).toBeLessThan(120);
    expect(deadline.tripped).toBe(true);
    expect(returned).toEqual([]);
    await later(200, undefined);
    expect(returned).toEqual(['connection']);
  });

  it('refuses new work once expired, by the clock', async () => {
    const deadline = new Deadline(20);
    await later(40, undefined);
    expect(deadline.expired).toBe(true);
    expect(() => deadline.check()).toThrow('stopped at its deadline of 20 ms');
    await expect(deadline.race(Promise.resolve(1))).rejects.toMatchObject({ extensions: { code: 'TIMEOUT' } });
  });

  it('passes a failure of the work through', async () => {
    const deadline = new Deadline(200);
    await expect(deadline.race(Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    expect(deadline.tripped).toBe(false);
    deadline.dispose();
  });
});
