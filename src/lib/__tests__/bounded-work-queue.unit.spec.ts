import { BoundedWorkQueue } from "../bounded-work-queue"

type Gate = { item: number; open: () => void }

/** A queue whose tasks finish only when the test opens them. */
function gatedQueue(concurrency: number, capacity: number) {
  const started: Gate[] = []
  const dropped: number[] = []
  const sizes: number[] = []
  const queue = new BoundedWorkQueue<number>(
    (item) => new Promise<void>((resolve) => started.push({ item, open: resolve })),
    { concurrency, capacity, onDrop: (item) => dropped.push(item), onSizeChange: (size) => sizes.push(size) }
  )
  return { queue, started, dropped, sizes }
}

const settle = () => new Promise((resolve) => setImmediate(resolve))

describe("BoundedWorkQueue", () => {
  it("runs at most `concurrency` tasks, keeps `capacity` waiting in order and drops the rest", async () => {
    const { queue, started, dropped, sizes } = gatedQueue(2, 3)
    const accepted = [1, 2, 3, 4, 5, 6, 7].map((item) => queue.push(item))

    expect(accepted).toEqual([true, true, true, true, true, false, false])
    expect(started.map((gate) => gate.item)).toEqual([1, 2])
    expect(dropped).toEqual([6, 7])
    expect(queue.size).toBe(5)

    started[0].open()
    await settle()
    expect(started.map((gate) => gate.item)).toEqual([1, 2, 3])

    for (let i = 1; i < 5; i++) {
      started[i].open()
      await settle()
    }
    expect(started.map((gate) => gate.item)).toEqual([1, 2, 3, 4, 5])
    expect(queue.size).toBe(0)
    // Every change reported, ending idle (what the pending-events gauge shows).
    expect(sizes).toEqual([1, 2, 3, 4, 5, 4, 3, 2, 1, 0])
  })

  it("frees the slot of a task that failed", async () => {
    let calls = 0
    const queue = new BoundedWorkQueue<number>(
      async () => {
        calls++
        throw new Error("provider down")
      },
      { concurrency: 1, capacity: 1 }
    )
    expect(queue.push(1)).toBe(true)
    expect(queue.push(2)).toBe(true)
    expect(queue.push(3)).toBe(false)
    await settle()
    await settle()
    expect(calls).toBe(2)
    expect(queue.size).toBe(0)
    expect(queue.push(4)).toBe(true)
  })
})
