/** The root jest setup (swc transform, setup file), for the scale-out harness's spec only (`npm run test:scale`). */
const path = require("node:path")
const base = require("../../jest.config")

module.exports = {
  ...base,
  rootDir: path.join(__dirname, "..", ".."),
  testMatch: ["<rootDir>/integration-tests/scale/*.spec.[jt]s"],
}
