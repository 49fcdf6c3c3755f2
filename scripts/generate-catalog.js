#!/usr/bin/env node
"use strict"

/**
 * Generates a large, synthetic catalog in the same shape as data/catalog.json,
 * for benchmarks (import workflows, pricing, search).
 *
 *   node scripts/generate-catalog.js --products 5000 --variants-per-product 4 \
 *     --out data/generated/catalog-large.json --seed 1
 *
 * The output is deterministic for a given set of arguments (seeded PRNG), is
 * written as a stream (one product per line) and follows the catalog rules:
 * unique handles and SKUs, every variant has a value for every option, no
 * duplicate option combinations, NGN prices in whole naira, USD prices with at
 * most 2 decimals, and a price coverage mix of ~1/2 both currencies, ~1/4
 * NGN only and ~1/4 USD only (same coverage for all variants of a product).
 *
 * Plain Node 20, CommonJS, no dependencies.
 */

const fs = require("fs")
const path = require("path")

const DEFAULTS = {
  products: 5000,
  variantsPerProduct: 4,
  out: "data/generated/catalog-large.json",
  seed: 1,
}

const MAX_VARIANTS_PER_PRODUCT = 500

const USAGE = `Usage: node scripts/generate-catalog.js [options]

Generate a large synthetic catalog (same shape as data/catalog.json).

Options:
  --products N               number of products (default ${DEFAULTS.products})
  --variants-per-product N   variants per product, 1-${MAX_VARIANTS_PER_PRODUCT}
                             (default ${DEFAULTS.variantsPerProduct})
  --out PATH                 output file, relative to the current directory
                             (default ${DEFAULTS.out})
  --seed N                   PRNG seed, integer (default ${DEFAULTS.seed})
  -h, --help                 show this help
`

// ---------------------------------------------------------------------------
// Arguments

function fail(message) {
  process.stderr.write(`generate-catalog: ${message}\n\n${USAGE}`)
  process.exit(2)
}

function parseIntArg(name, raw, min, max) {
  if (raw === undefined || !/^-?\d+$/.test(raw)) {
    fail(`--${name} expects an integer, got ${JSON.stringify(raw)}`)
  }
  const value = Number(raw)
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    fail(`--${name} must be between ${min} and ${max}, got ${raw}`)
  }
  return value
}

function parseArgs(argv) {
  const opts = { ...DEFAULTS }
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i]
    let value
    if (arg === "-h" || arg === "--help") {
      opts.help = true
      continue
    }
    const eq = arg.indexOf("=")
    if (arg.startsWith("--") && eq !== -1) {
      value = arg.slice(eq + 1)
      arg = arg.slice(0, eq)
    }
    const takeValue = () => {
      if (value !== undefined) return value
      i++
      if (i >= argv.length) fail(`${arg} expects a value`)
      return argv[i]
    }
    switch (arg) {
      case "--products":
        opts.products = parseIntArg("products", takeValue(), 1, 10000000)
        break
      case "--variants-per-product":
        opts.variantsPerProduct = parseIntArg(
          "variants-per-product",
          takeValue(),
          1,
          MAX_VARIANTS_PER_PRODUCT
        )
        break
      case "--out":
        opts.out = takeValue()
        if (!opts.out) fail("--out expects a path")
        break
      case "--seed":
        opts.seed = parseIntArg("seed", takeValue(), 0, 2 ** 32 - 1)
        break
      default:
        fail(`unknown argument ${JSON.stringify(arg)}`)
    }
  }
  return opts
}

// ---------------------------------------------------------------------------
// Seeded PRNG (mulberry32)

function createRng(seed) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    shuffle: (list) => {
      const copy = list.slice()
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1))
        const tmp = copy[i]
        copy[i] = copy[j]
        copy[j] = tmp
      }
      return copy
    },
  }
}

// ---------------------------------------------------------------------------
// Static data

const CATEGORIES = [
  ["women", "Women", null],
  ["women-dresses", "Dresses", "women"],
  ["women-separates", "Tops, Skirts & Sets", "women"],
  ["men", "Men", null],
  ["men-kaftans-agbada", "Kaftans & Agbada", "men"],
  ["men-shirts-trousers", "Shirts & Trousers", "men"],
  ["accessories", "Accessories", null],
  ["accessories-bags", "Bags & Leather Goods", "accessories"],
  ["accessories-jewellery", "Jewellery & Beads", "accessories"],
  ["accessories-footwear", "Footwear", "accessories"],
  ["home", "Home", null],
  ["home-textiles", "Home Textiles", "home"],
  ["beauty", "Beauty", null],
  ["beauty-fragrance", "Fragrance", "beauty"],
  ["beauty-skincare", "Skin & Hair Care", "beauty"],
  ["children", "Children", null],
].map(([handle, name, parent]) => ({
  handle,
  name,
  parent_handle: parent,
  description: `Synthetic benchmark category: ${name}.`,
}))

const COLLECTIONS = [
  { handle: "harmattan-2026", title: "Harmattan 2026" },
  { handle: "owambe-edit", title: "The Owambe Edit" },
  { handle: "detty-december-2026", title: "Detty December 2026" },
  { handle: "lagos-essentials", title: "Lagos Essentials" },
  { handle: "artisan-made", title: "Artisan Made: Kano, Aba & Beyond" },
]

const APPAREL_SIZES = ["XS", "S", "M", "L", "XL", "XXL", "3XL", "4XL"]
const SHOE_SIZES = [
  "EU 37",
  "EU 38",
  "EU 39",
  "EU 40",
  "EU 41",
  "EU 42",
  "EU 43",
  "EU 44",
  "EU 45",
  "EU 46",
]
const KIDS_AGES = [
  "0-3M",
  "3-6M",
  "6-12M",
  "1-2Y",
  "2-3Y",
  "4-5Y",
  "6-7Y",
  "8-9Y",
  "10-11Y",
  "12-13Y",
]
const VOLUMES = ["15ml", "30ml", "50ml", "100ml", "150ml", "200ml", "500ml"]
const GENERIC_SIZES = ["Small", "Medium", "Large", "Extra Large"]

// [name, SKU code] - codes are unique within the list
const COLOURS = [
  ["Indigo", "IND"],
  ["Rust", "RST"],
  ["Ochre", "OCH"],
  ["Emerald", "EMR"],
  ["Wine", "WIN"],
  ["Gold", "GLD"],
  ["Ivory", "IVR"],
  ["Black", "BLK"],
  ["White", "WHT"],
  ["Navy", "NVY"],
  ["Sand", "SND"],
  ["Olive", "OLV"],
  ["Coral", "CRL"],
  ["Champagne", "CHP"],
  ["Tan", "TAN"],
  ["Chocolate", "CHC"],
  ["Sky Blue", "SKY"],
  ["Ash", "ASH"],
  ["Terracotta", "TRC"],
  ["Mustard", "MST"],
  ["Plum", "PLM"],
  ["Teal", "TEL"],
  ["Silver", "SLV"],
  ["Natural", "NAT"],
]

const ADJECTIVES = [
  "Classic",
  "Hand-Dyed",
  "Hand-Woven",
  "Everyday",
  "Heritage",
  "Relaxed",
  "Tailored",
  "Festive",
  "Lagos",
  "Kano",
  "Aba",
  "Ibadan",
  "Owambe",
  "Harmattan",
  "Sahel",
  "Eko",
]

const TYPES = [
  {
    key: "dress",
    category: "women-dresses",
    materials: ["Adire", "Ankara", "Aso-Oke", "Lace", "Linen", "Kampala"],
    nouns: ["Wrap Dress", "Maxi Dress", "Kaftan Dress", "Bubu Gown"],
    sizing: "apparel",
    ngn: [28000, 160000],
    weight: [300, 800],
  },
  {
    key: "separates",
    category: "women-separates",
    materials: ["Adire", "Ankara", "Linen", "Aso-Oke", "Kampala"],
    nouns: ["Peplum Top", "Palazzo Trousers", "Pencil Skirt", "Two-Piece Set"],
    sizing: "apparel",
    ngn: [15000, 95000],
    weight: [200, 600],
  },
  {
    key: "kaftan",
    category: "men-kaftans-agbada",
    materials: ["Senator", "Adire", "Jacquard", "Cashmere Cotton", "Bazin"],
    nouns: ["Kaftan Suit", "Agbada Set", "Short Kaftan", "Dashiki Tunic"],
    sizing: "apparel",
    ngn: [16000, 300000],
    weight: [300, 1900],
  },
  {
    key: "shirt",
    category: "men-shirts-trousers",
    materials: ["Ankara", "Linen", "Cotton", "Corduroy", "Denim"],
    nouns: ["Resort Shirt", "Drawstring Trousers", "Polo", "Overshirt", "Tee"],
    sizing: "apparel",
    ngn: [9000, 90000],
    weight: [180, 900],
  },
  {
    key: "footwear",
    category: "accessories-footwear",
    materials: ["Leather", "Suede", "Ankara Canvas", "Beaded Leather"],
    nouns: ["Loafers", "Slides", "Low-Top Sneakers", "Mules", "Sandals"],
    sizing: "shoes",
    ngn: [18000, 95000],
    weight: [400, 1300],
  },
  {
    key: "bag",
    category: "accessories-bags",
    materials: ["Kano Leather", "Raffia", "Aso-Oke", "Adire Canvas"],
    nouns: ["Tote", "Clutch", "Crossbody", "Rucksack", "Card Holder"],
    sizing: "colour-only",
    ngn: [8000, 140000],
    weight: [40, 1600],
  },
  {
    key: "jewellery",
    category: "accessories-jewellery",
    materials: ["Coral Bead", "Brass", "Cowrie", "Glass Bead", "Gold-Plated"],
    nouns: ["Necklace", "Cuff", "Anklet", "Earrings", "Bracelet"],
    sizing: "generic",
    ngn: [5000, 180000],
    weight: [20, 250],
  },
  {
    key: "headwear",
    category: "accessories",
    materials: ["Aso-Oke", "Adire", "Ankara", "Silk"],
    nouns: ["Gele", "Headwrap", "Fila Cap", "Bucket Hat", "Scarf"],
    sizing: "generic",
    ngn: [7000, 45000],
    weight: [60, 200],
  },
  {
    key: "textile",
    category: "home-textiles",
    materials: ["Adire", "Ankara", "Aso-Oke", "Hand-Loomed Cotton"],
    nouns: ["Throw", "Cushion Cover", "Table Runner", "Duvet Set"],
    sizing: "generic",
    ngn: [8000, 120000],
    weight: [200, 1800],
  },
  {
    key: "decor",
    category: "home",
    materials: ["Calabash", "Terracotta", "Raffia", "Soy Wax"],
    nouns: ["Bowl Set", "Vase", "Placemats", "Candle"],
    sizing: "generic",
    ngn: [7000, 40000],
    weight: [300, 1500],
  },
  {
    key: "fragrance",
    category: "beauty-fragrance",
    materials: ["Oud", "Zobo Rose", "Amber", "Sandalwood", "White Musk"],
    nouns: ["Eau de Parfum", "Perfume Oil", "Body Mist"],
    sizing: "volume",
    ngn: [7000, 120000],
    weight: [60, 450],
  },
  {
    key: "skincare",
    category: "beauty-skincare",
    materials: ["Shea", "Black Soap", "Baobab", "Moringa", "Chebe"],
    nouns: ["Body Butter", "Cleansing Bar", "Face Oil", "Hair Oil"],
    sizing: "volume",
    ngn: [5000, 40000],
    weight: [100, 600],
  },
  {
    key: "kids",
    category: "children",
    materials: ["Ankara", "Adire", "Organic Cotton", "Lace"],
    nouns: ["Party Dress", "Kaftan Set", "Romper", "Sneakers"],
    sizing: "kids",
    ngn: [9000, 40000],
    weight: [120, 500],
  },
]

const IMAGE_IDS = [
  "1595777457583-95e059d581b8",
  "1572804013309-59a88b7e92f1",
  "1515886657613-9f3515b0c78f",
  "1434389677669-e08b4cac3105",
  "1490481651871-ab68de25d43d",
  "1596755094514-f87e34085b2c",
  "1521572163474-6864f9cf17ab",
  "1542291026-7eec264c27ff",
  "1549298916-b41d501d3772",
  "1548036328-c9fa89d128fa",
  "1584917865442-de89df76afd3",
  "1515562141207-7a88fb7ce338",
  "1535632066927-ab7c9ab60908",
  "1586105251261-72a756497a11",
  "1541643600914-78b084683601",
  "1556228578-8c89e6adf883",
  "1503454537195-1dcabb73ffb9",
]

const DESCRIPTION_OPENERS = [
  "Made in small runs in our Lagos studio",
  "Crafted by artisans we have worked with for years",
  "Cut from cloth sourced at Balogun and Kantin Kwari markets",
  "Finished by hand in Aba",
  "Designed in Lagos for heat, humidity and long party nights",
]
const DESCRIPTION_CLOSERS = [
  "Expect small variations that make each piece unique.",
  "Care: gentle cold wash, dry in the shade.",
  "A dependable favourite that works from weekday to weekend.",
  "Ships in recyclable packaging.",
  "Pairs well with the rest of the collection.",
]

// ---------------------------------------------------------------------------
// Helpers

const kebab = (text) =>
  text
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")

const skuCode = (text) => text.toUpperCase().replace(/[^A-Z0-9]+/g, "")

function formatUsd(cents) {
  const whole = Math.floor(cents / 100)
  const rest = cents % 100
  if (rest === 0) return String(whole)
  return `${whole}.${String(rest).padStart(2, "0")}`
}

function sizeListFor(sizing) {
  switch (sizing) {
    case "apparel":
      return APPAREL_SIZES
    case "shoes":
      return SHOE_SIZES
    case "kids":
      return KIDS_AGES
    case "volume":
      return VOLUMES
    case "generic":
      return GENERIC_SIZES
    default:
      return []
  }
}

// Colour names/codes, extended with numbered shades when more are needed.
function colourAt(index) {
  const [name, code] = COLOURS[index % COLOURS.length]
  const round = Math.floor(index / COLOURS.length)
  if (round === 0) return [name, code]
  return [`${name} ${round + 1}`, `${code}${round + 1}`]
}

// Builds options so that exactly `count` combinations exist and every listed
// value is used: Size (a random divisor of count that fits the size list) x
// Colour (the rest). Returns { options, combos } where combos is a list of
// [{ title: value }, skuSuffixParts, sizeIndex].
function buildOptions(type, count, rng) {
  const sizeTitle = type.sizing === "kids" ? "Age" : "Size"
  if (count === 1) {
    const colourOnly = type.sizing === "colour-only"
    const values = colourOnly ? [COLOURS[0][0]] : ["One Size"]
    const title = colourOnly ? "Colour" : "Size"
    const code = colourOnly ? COLOURS[0][1] : "OS"
    return {
      options: [{ title, values }],
      combos: [[{ [title]: values[0] }, [code], 0]],
    }
  }

  const sizePool = sizeListFor(type.sizing)
  const divisors = []
  for (let d = 2; d <= Math.min(sizePool.length, count); d++) {
    if (count % d === 0) divisors.push(d)
  }
  // no usable divisor (colour-only types, or a prime count larger than the
  // size list): use Colour alone
  const sizeCount = divisors.length > 0 ? rng.pick(divisors) : 0
  const colourCount = sizeCount > 0 ? count / sizeCount : count
  // keep the size window roughly centred on the middle of the range
  const spare = Math.max(0, sizePool.length - sizeCount)
  const sizeStart = Math.min(
    spare,
    Math.max(0, Math.floor(spare / 2) + rng.int(-1, 1))
  )
  const sizes = sizePool.slice(sizeStart, sizeStart + sizeCount)
  const colourOffset = rng.int(0, COLOURS.length - 1)
  const colours = []
  for (let i = 0; i < colourCount; i++) {
    // offset within the first round only, so names and codes stay unique
    const index = i < COLOURS.length ? (i + colourOffset) % COLOURS.length : i
    colours.push(colourAt(index))
  }

  const options = []
  if (sizes.length > 0) options.push({ title: sizeTitle, values: sizes })
  if (colours.length > 1 || sizes.length === 0) {
    options.push({ title: "Colour", values: colours.map((c) => c[0]) })
  }

  const combos = []
  const sizeValues = sizes.length > 0 ? sizes : [null]
  const colourValues = options.some((o) => o.title === "Colour")
    ? colours
    : [null]
  for (const [sizeIndex, size] of sizeValues.entries()) {
    for (const colour of colourValues) {
      const values = {}
      const parts = []
      if (size !== null) {
        values[sizeTitle] = size
        parts.push(skuCode(size.replace(/^EU /, "")))
      }
      if (colour !== null) {
        values.Colour = colour[0]
        parts.push(colour[1])
      }
      combos.push([values, parts, sizeIndex])
    }
  }
  return { options, combos }
}

function pickCoverage(index, rng, block) {
  // exact 2:1:1 mix, shuffled within each block of four products
  if (index % 4 === 0) {
    block.current = rng.shuffle(["both", "both", "ngn", "usd"])
  }
  return block.current[index % 4]
}

function stockLevel(rng) {
  const r = rng.next()
  if (r < 0.04) return 0
  if (r < 0.1) return rng.int(1, 4)
  return rng.int(5, 60)
}

function buildProduct(index, opts, rng, coverageBlock) {
  const type = TYPES[index % TYPES.length]
  const adjective = rng.pick(ADJECTIVES)
  const material = rng.pick(type.materials)
  const noun = rng.pick(type.nouns)
  const title = `${adjective} ${material} ${noun}`
  const serial = String(index + 1).padStart(6, "0")
  const handle = `${kebab(title)}-${serial}`
  const skuPrefix = `GEN-${serial}`

  const coverage = pickCoverage(index, rng, coverageBlock)
  const [minNgn, maxNgn] = type.ngn
  const baseNgn =
    Math.round((minNgn + rng.next() * (maxNgn - minNgn)) / 500) * 500
  const usdWhole = Math.min(399, Math.max(9, Math.round(baseNgn / 1150)))
  const usdEndingCents = rng.next() < 0.5 ? 1 : 0 // 49.99 vs 50

  const { options, combos } = buildOptions(type, opts.variantsPerProduct, rng)
  const variants = combos.map(([values, parts, sizeIndex]) => {
    // larger sizes and volumes cost a little more
    const step = Math.min(sizeIndex, 6) * 0.04
    const prices = {}
    if (coverage !== "usd") {
      const ngn = Math.round((baseNgn * (1 + step)) / 500) * 500
      prices.ngn = String(Math.min(450000, ngn))
    }
    if (coverage !== "ngn") {
      const whole = Math.min(400, Math.round(usdWhole * (1 + step)))
      prices.usd = formatUsd(whole * 100 - usdEndingCents)
    }
    return {
      sku: [skuPrefix, ...parts].join("-"),
      title: options.map((o) => values[o.title]).join(" / "),
      options: values,
      prices,
      stock: stockLevel(rng),
    }
  })

  const imageCount = rng.int(1, 3)
  const imageStart = rng.int(0, IMAGE_IDS.length - 1)
  const images = []
  for (let i = 0; i < imageCount; i++) {
    const id = IMAGE_IDS[(imageStart + i) % IMAGE_IDS.length]
    images.push(`https://images.unsplash.com/photo-${id}?w=1200`)
  }

  const product = {
    handle,
    title,
    description:
      `${rng.pick(DESCRIPTION_OPENERS)}, this ${noun.toLowerCase()} ` +
      `in ${material.toLowerCase()} is part of our synthetic benchmark ` +
      `range. ${rng.pick(DESCRIPTION_CLOSERS)}`,
    status: rng.next() < 0.03 ? "draft" : "published",
    category_handles: [type.category],
    weight: rng.int(type.weight[0], type.weight[1]),
    images,
    options,
    variants,
  }
  if (rng.next() < 0.3) product.subtitle = `${material} ${noun.toLowerCase()}`
  if (rng.next() < 0.7) product.collection_handle = rng.pick(COLLECTIONS).handle
  return product
}

// ---------------------------------------------------------------------------
// Streaming writer

function createWriter(stream) {
  const FLUSH_AT = 1 << 16
  let pending = []
  let pendingLength = 0
  let bytes = 0

  const flush = () => {
    if (pending.length === 0) return Promise.resolve()
    const chunk = pending.join("")
    pending = []
    pendingLength = 0
    bytes += Buffer.byteLength(chunk)
    if (stream.write(chunk)) return Promise.resolve()
    return new Promise((resolve) => stream.once("drain", resolve))
  }

  return {
    write(text) {
      pending.push(text)
      pendingLength += text.length
      return pendingLength >= FLUSH_AT ? flush() : Promise.resolve()
    },
    async end() {
      await flush()
      await new Promise((resolve, reject) => {
        stream.once("error", reject)
        stream.end(resolve)
      })
      return bytes
    },
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2))
  if (opts.help) {
    process.stdout.write(USAGE)
    return
  }

  const started = Date.now()
  const outPath = path.resolve(process.cwd(), opts.out)
  fs.mkdirSync(path.dirname(outPath), { recursive: true })

  const stream = fs.createWriteStream(outPath)
  const failed = new Promise((resolve, reject) => stream.on("error", reject))
  failed.catch(() => {})
  const writer = createWriter(stream)
  const rng = createRng(opts.seed)
  const coverageBlock = { current: [] }

  const run = async () => {
    await writer.write(
      `{"categories":${JSON.stringify(CATEGORIES)},` +
        `"collections":${JSON.stringify(COLLECTIONS)},` +
        `"products":[\n`
    )
    let variantCount = 0
    for (let i = 0; i < opts.products; i++) {
      const product = buildProduct(i, opts, rng, coverageBlock)
      variantCount += product.variants.length
      await writer.write((i === 0 ? "" : ",\n") + JSON.stringify(product))
    }
    await writer.write("\n]}\n")
    const bytes = await writer.end()
    return { variantCount, bytes }
  }

  const { variantCount, bytes } = await Promise.race([run(), failed])
  const ms = Date.now() - started
  const relOut = path.relative(process.cwd(), outPath) || outPath
  process.stdout.write(
    `generate-catalog: ${opts.products} products, ${variantCount} variants, ` +
      `${bytes} bytes, ${ms} ms -> ${relOut} (seed ${opts.seed})\n`
  )
}

main().catch((error) => {
  process.stderr.write(`generate-catalog: ${error.stack || error}\n`)
  process.exit(1)
})
