/**
 * The only way a worker's state changes: steps run one at a time, in the order they were queued,
 * and a step's result becomes the state only once it is saved. A step publishes first and returns
 * the state that records what it published, so the checkpoint never runs ahead of what was
 * published; a step or save that fails leaves the state where it was and the next step starts there.
 */
export class CheckpointQueue<S> {
  #state: S;
  #chain: Promise<unknown> = Promise.resolve();

  constructor(
    initial: S,
    private readonly options: {
      /** Writes the checkpoint (fenced by the lease). */
      readonly save: (state: S) => Promise<void>;
      /** Throws when the worker may no longer change state (stopped, or its lease is gone). */
      readonly assertRunning: () => void;
    },
  ) {
    this.#state = initial;
  }

  get state(): S {
    return this.#state;
  }

  run(step: (state: S) => Promise<S> | S): Promise<void> {
    const run = async (): Promise<void> => {
      this.options.assertRunning();
      const next = await step(this.#state);
      if (next === this.#state) return;
      this.options.assertRunning();
      await this.options.save(next);
      this.#state = next;
    };
    const result = this.#chain.then(run, run);
    this.#chain = result.catch(() => undefined);
    return result;
  }

  /** Resolves once every step queued so far has finished (whatever its outcome). */
  async drained(): Promise<void> {
    await this.#chain.catch(() => undefined);
  }
}
