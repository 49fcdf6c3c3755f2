import { canonicalJson, ChainedContent, chainHash, GENESIS_HASH } from "../chain"
import { redactForLog } from "../redact"

const content: ChainedContent = {
  id: "act_1",
  seq: 1,
  actor_type: "user",
  actor_id: "user_1",
  impersonator_id: null,
  action: "product.updated",
  resource_type: "product",
  resource_id: "prod_1",
  payload: { changes: { title: { after: "A" } }, status_code: 200 },
  request_id: "req_1",
  ip: "127.0.0.1",
  user_agent: "jest",
  occurred_at: new Date("2026-11-25T10:00:00.123Z"),
}

describe("activity chain", () => {
  it("serialises objects with sorted keys at every level", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: undefined } })).toBe(
      '{"a":{"d":[2,{"y":null,"z":1}]},"b":1}'
    )
  })

  it("hashes the same content the same way whatever the key order of the payload", () => {
    const reordered = { ...content, payload: { status_code: 200, changes: { title: { after: "A" } } } }
    expect(chainHash(GENESIS_HASH, reordered)).toBe(chainHash(GENESIS_HASH, content))
    expect(chainHash(GENESIS_HASH, content)).toMatch(/^[0-9a-f]{64}$/)
  })

  it("changes the hash when any field or the previous hash changes", () => {
    const base = chainHash(GENESIS_HASH, content)
    expect(chainHash("1".repeat(64), content)).not.toBe(base)
    expect(chainHash(GENESIS_HASH, { ...content, actor_id: "user_2" })).not.toBe(base)
    expect(chainHash(GENESIS_HASH, { ...content, payload: { changes: { title: { after: "B" } } } })).not.toBe(base)
    expect(chainHash(GENESIS_HASH, { ...content, occurred_at: new Date("2026-11-25T10:00:00.124Z") })).not.toBe(base)
  })
})

describe("redactForLog", () => {
  it("redacts credentials, codes and card data, masks personal values, at any depth, and keeps the rest", () => {
    expect(
      redactForLog({
        email: "a@b.test",
        password: "hunter2",
        code: "123456",
        currency_code: "ngn",
        metadata: { api_key: "k", items: [{ card_number: "4242", cvc: "123", note: "ok" }] },
        Authorization: "Bearer x",
        refresh_token: "t",
      })
    ).toEqual({
      email: "[personal]",
      password: "[redacted]",
      code: "[redacted]",
      currency_code: "ngn",
      metadata: { api_key: "[redacted]", items: [{ card_number: "[redacted]", cvc: "[redacted]", note: "ok" }] },
      Authorization: "[redacted]",
      refresh_token: "[redacted]",
    })
  })
})
