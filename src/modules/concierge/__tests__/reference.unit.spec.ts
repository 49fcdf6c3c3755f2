import { newReference, referenceIn } from "../reference"

describe("conversation references", () => {
  it("are CN- and six unambiguous characters", () => {
    for (let i = 0; i < 200; i++) {
      expect(newReference()).toMatch(/^CN-[A-HJ-NP-Z2-9]{6}$/)
    }
  })

  it("are found in a customer's message however they are typed", () => {
    expect(referenceIn("Hello, my reference is CN-7K3QX9.")).toBe("CN-7K3QX9")
    expect(referenceIn("ref cn-7k3qx9 thanks")).toBe("CN-7K3QX9")
    expect(referenceIn("CN7K3QX9")).toBe("CN-7K3QX9")
  })

  it("are not read out of other words or with letters we never use", () => {
    expect(referenceIn("no reference here")).toBeNull()
    expect(referenceIn("XCN-7K3QX9")).toBeNull()
    expect(referenceIn("CN-7K3QX0")).toBeNull()
    expect(referenceIn(null)).toBeNull()
  })
})
