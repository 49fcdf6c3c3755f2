import { pageCountOf, pageQueryOf } from "../pagination"

describe("admin pagination", () => {
  it("counts the last, partly filled page and never fewer than one page", () => {
    expect(pageCountOf(0, 20)).toBe(1)
    expect(pageCountOf(20, 20)).toBe(1)
    expect(pageCountOf(21, 20)).toBe(2)
    expect(pageCountOf(45, 20)).toBe(3)
  })

  it("asks for a page by limit and offset", () => {
    expect(pageQueryOf(0, 20)).toEqual({ limit: 20, offset: 0 })
    expect(pageQueryOf(2, 5)).toEqual({ limit: 5, offset: 10 })
  })
})
