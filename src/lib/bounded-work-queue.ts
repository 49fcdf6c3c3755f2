export type BoundedWorkQueueOptions<T> = {
  /** Most tasks running at once. */
  concurrency: number
  /** Most tasks waiting to run; one more is dropped. */
  capacity: number
  /** Told about each dropped task. */
  onDrop?: (item: T) => void
  /** Told the number of tasks running and waiting whenever it changes. */
  onSizeChange?: (size: number) => void
}

/**
 * Work started by requests but not needed for their answer (tracking a
 * product view), paced so that a burst of requests cannot pile unbounded
 * work up in memory or starve the requests of CPU: at most `concurrency`
 * tasks run, at most `capacity` wait, and beyond that a task is dropped.
 * A task's failure is its own business: `run` should not throw.
 */
export class BoundedWorkQueue<T> {
  private readonly waiting: T[] = []
  private running = 0

  constructor(
    private readonly run: (item: T) => Promise<void>,
    private readonly options: BoundedWorkQueueOptions<T>
  ) {}

  /** Runs `item` now or later; false when it was dropped because the queue is full. */
  push(item: T): boolean {
    if (this.running < this.options.concurrency) {
      this.start(item)
      return true
    }
    if (this.waiting.length >= this.options.capacity) {
      this.options.onDrop?.(item)
      return false
    }
    this.waiting.push(item)
    this.options.onSizeChange?.(this.size)
    return true
  }

  /** Tasks running and waiting. */
  get size(): number {
    return this.running + this.waiting.length
  }

  private start(item: T) {
    this.running++
    this.options.onSizeChange?.(this.size)
    void this.run(item)
      .catch(() => undefined)
      .finally(() => {
        this.running--
        const next = this.waiting.shift()
        if (next !== undefined) {
          this.start(next)
        } else {
          this.options.onSizeChange?.(this.size)
        }
      })
  }
}
