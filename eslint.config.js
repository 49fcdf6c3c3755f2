const medusa = require("@medusajs/eslint-plugin")

module.exports = [
  { ignores: [".medusa/**", ".data/**", "node_modules/**", "coverage/**", "data/generated/**"] },
  ...medusa.configs.recommended,
]
