import { readFileSync } from "node:fs"
import { resolve } from "node:path"
import { DEV_SECRET, EnvSchema, parseEnv, productionProblems } from "../env"

const STRONG_SECRET = "9f8c2a71e4b05d3c6a1f7e28b4c90d5e"

/** Everything production requires, set to plausible values. */
const PRODUCTION: NodeJS.ProcessEnv = {
  NODE_ENV: "production",
  DATABASE_URL: "postgres://store:pw@db.internal:5432/store",
  JWT_SECRET: STRONG_SECRET,
  COOKIE_SECRET: `${STRONG_SECRET}-cookie`,
  PAYSTACK_SECRET_KEY: "sk_live_paystack",
  STRIPE_API_KEY: "sk_live_stripe",
  STRIPE_WEBHOOK_SECRET: "whsec_live",
}

const PRODUCTION_VARIABLES = [
  "JWT_SECRET",
  "COOKIE_SECRET",
  "DATABASE_URL",
  "PAYSTACK_SECRET_KEY",
  "STRIPE_API_KEY",
  "STRIPE_WEBHOOK_SECRET",
]

/** The message parseEnv throws with (fails the test when it does not throw). */
function parseError(source: NodeJS.ProcessEnv): string {
  try {
    parseEnv(source)
  } catch (error) {
    if (error instanceof Error) {
      return error.message
    }
    throw error
  }
  throw new Error(`expected parseEnv to reject ${JSON.stringify(source)}`)
}

/** The variable names named at the start of each problem line. */
function problemVariables(message: string): string[] {
  return message
    .split("\n")
    .filter((line) => line.startsWith("  - "))
    .map((line) => line.slice(4).split(/[: ]/)[0])
}

describe("parseEnv", () => {
  describe("development", () => {
    it("parses an empty environment with development defaults", () => {
      const env = parseEnv({})

      expect(env.NODE_ENV).toBe("development")
      expect(env.PORT).toBe(9000)
      expect(env.MEDUSA_WORKER_MODE).toBe("shared")
      expect(env.PAYSTACK_API_BASE).toBe("https://api.paystack.co")
      expect(env.JWT_SECRET).toBe(DEV_SECRET)
      expect(env.COOKIE_SECRET).toBe(DEV_SECRET)
      expect(env.STORE_TIMEZONE).toBe("Africa/Lagos")
      expect(env.DATABASE_URL).toBeUndefined()
      expect(env.STRIPE_API_BASE).toBeUndefined()
      expect(env.PAYSTACK_SECRET_KEY).toBeUndefined()
    })

    it("does not apply production rules outside production", () => {
      expect(() => parseEnv({ NODE_ENV: "test" })).not.toThrow()
      expect(productionProblems(EnvSchema.parse({ NODE_ENV: "test" }))).toEqual([])
    })

    it("reads the port as a number and keeps a given worker mode", () => {
      const env = parseEnv({ PORT: "7001", MEDUSA_WORKER_MODE: "worker" })

      expect(env.PORT).toBe(7001)
      expect(env.MEDUSA_WORKER_MODE).toBe("worker")
    })

    it("takes API bases from the environment, trimmed", () => {
      const env = parseEnv({
        PAYSTACK_API_BASE: " http://127.0.0.1:4010 ",
        STRIPE_API_BASE: "http://127.0.0.1:4020",
      })

      expect(env.PAYSTACK_API_BASE).toBe("http://127.0.0.1:4010")
      expect(env.STRIPE_API_BASE).toBe("http://127.0.0.1:4020")
    })
  })

  describe("invalid values", () => {
    it.each(["abc", "0", "65536", "80.5", "-1"])("rejects PORT=%s", (port) => {
      const message = parseError({ PORT: port })

      expect(problemVariables(message)).toEqual(["PORT"])
    })

    it.each(["both", "Shared", "workers"])("rejects MEDUSA_WORKER_MODE=%s", (mode) => {
      const message = parseError({ MEDUSA_WORKER_MODE: mode })

      expect(problemVariables(message)).toEqual(["MEDUSA_WORKER_MODE"])
    })

    it.each([
      "PAYSTACK_API_BASE",
      "STRIPE_API_BASE",
      "RESEND_API_BASE",
      "TWILIO_API_BASE",
      "WHATSAPP_API_BASE",
    ])("rejects a malformed %s", (name) => {
      const message = parseError({ [name]: "not a url" })

      expect(problemVariables(message)).toEqual([name])
    })

    it("rejects a malformed ADMIN_EMAIL", () => {
      expect(problemVariables(parseError({ ADMIN_EMAIL: "admin" }))).toEqual([
        "ADMIN_EMAIL",
      ])
    })

    it("lists every invalid variable at once", () => {
      const message = parseError({
        PORT: "http",
        MEDUSA_WORKER_MODE: "all",
        STRIPE_API_BASE: "stripe",
      })

      expect(problemVariables(message).sort()).toEqual([
        "MEDUSA_WORKER_MODE",
        "PORT",
        "STRIPE_API_BASE",
      ])
    })
  })

  describe("production", () => {
    it("lists every missing production setting at once", () => {
      const message = parseError({ NODE_ENV: "production" })

      expect(problemVariables(message).sort()).toEqual([...PRODUCTION_VARIABLES].sort())
    })

    it("parses when every production setting is given", () => {
      const env = parseEnv(PRODUCTION)

      expect(env.NODE_ENV).toBe("production")
      expect(env.DATABASE_URL).toBe(PRODUCTION.DATABASE_URL)
      expect(env.JWT_SECRET).toBe(STRONG_SECRET)
      expect(env.STRIPE_WEBHOOK_SECRET).toBe("whsec_live")
      expect(productionProblems(env)).toEqual([])
    })

    it.each(PRODUCTION_VARIABLES)("reports %s alone when only it is missing", (name) => {
      const message = parseError({ ...PRODUCTION, [name]: undefined })

      expect(problemVariables(message)).toEqual([name])
    })

    it("rejects the development secret and secrets shorter than 32 characters", () => {
      const message = parseError({
        ...PRODUCTION,
        JWT_SECRET: DEV_SECRET,
        COOKIE_SECRET: STRONG_SECRET.slice(0, 31),
      })

      expect(problemVariables(message).sort()).toEqual(["COOKIE_SECRET", "JWT_SECRET"])
      expect(message).toContain("at least 32 characters")
    })

    it("lets the local trial (npm start with the embedded database) run without payment keys", () => {
      const trial = {
        NODE_ENV: "production",
        LOCAL_TRIAL: "true",
        DATABASE_URL: "postgres://localhost:54329/medusa",
        JWT_SECRET: "j".repeat(40),
        COOKIE_SECRET: "c".repeat(40),
      }

      expect(parseEnv(trial).LOCAL_TRIAL).toBe("true")
      const payments = productionProblems(EnvSchema.parse({ ...trial, LOCAL_TRIAL: "false" }))
      expect(payments.map((p) => p.split(" ")[0])).toEqual(["PAYSTACK_SECRET_KEY", "STRIPE_API_KEY", "STRIPE_WEBHOOK_SECRET"])
    })

    it("accepts secrets of exactly 32 characters", () => {
      expect(STRONG_SECRET).toHaveLength(32)
      expect(() =>
        parseEnv({ ...PRODUCTION, JWT_SECRET: STRONG_SECRET, COOKIE_SECRET: STRONG_SECRET })
      ).not.toThrow()
    })

    it("productionProblems explains why each setting is needed", () => {
      const problems = productionProblems(EnvSchema.parse({ NODE_ENV: "production" }))

      expect(problems).toHaveLength(PRODUCTION_VARIABLES.length)
      for (const name of PRODUCTION_VARIABLES) {
        expect(problems.filter((p) => p.startsWith(`${name} `))).toHaveLength(1)
      }
      expect(problems).toContain(
        "PAYSTACK_SECRET_KEY is required (the Nigeria region pays with Paystack)"
      )
    })
  })

  describe("empty strings", () => {
    it("treats empty and blank optional variables as unset", () => {
      const env = parseEnv({
        DATABASE_URL: "",
        PAYSTACK_SECRET_KEY: "   ",
        STRIPE_API_BASE: "",
        ADMIN_EMAIL: "",
        ADMIN_PASSWORD: "",
      })

      expect(env.DATABASE_URL).toBeUndefined()
      expect(env.PAYSTACK_SECRET_KEY).toBeUndefined()
      expect(env.STRIPE_API_BASE).toBeUndefined()
      expect(env.ADMIN_EMAIL).toBeUndefined()
      expect(env.ADMIN_PASSWORD).toBeUndefined()
    })

    it("applies defaults to empty variables, as .env.example leaves them", () => {
      const env = parseEnv({ PAYSTACK_API_BASE: "", PORT: "", MEDUSA_WORKER_MODE: " ", NODE_ENV: "" })

      expect(env.PAYSTACK_API_BASE).toBe("https://api.paystack.co")
      expect(env.PORT).toBe(9000)
      expect(env.MEDUSA_WORKER_MODE).toBe("shared")
      expect(env.NODE_ENV).toBe("development")
    })

    it("parses .env.example as shipped", () => {
      const example = readFileSync(resolve(__dirname, "../../../.env.example"), "utf8")
      const variables = Object.fromEntries(
        example
          .split("\n")
          .filter((line) => /^[A-Z_]+=/.test(line))
          .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)])
      )

      expect(Object.keys(variables)).toEqual(expect.arrayContaining(["DATABASE_URL", "PAYSTACK_API_BASE"]))
      expect(parseEnv(variables).PAYSTACK_API_BASE).toBe("https://api.paystack.co")
    })

    it("falls back to the development secrets when they are empty", () => {
      const env = parseEnv({ JWT_SECRET: "", COOKIE_SECRET: "  " })

      expect(env.JWT_SECRET).toBe(DEV_SECRET)
      expect(env.COOKIE_SECRET).toBe(DEV_SECRET)
    })

    it("counts empty production settings as missing", () => {
      const message = parseError({
        ...PRODUCTION,
        DATABASE_URL: "",
        PAYSTACK_SECRET_KEY: " ",
        STRIPE_API_KEY: "",
        STRIPE_WEBHOOK_SECRET: "",
        JWT_SECRET: "",
        COOKIE_SECRET: "",
      })

      expect(problemVariables(message).sort()).toEqual([...PRODUCTION_VARIABLES].sort())
    })
  })
})
