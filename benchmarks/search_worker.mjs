// Material's own search worker, run in Node on a built site: the search of the real site
// without a browser, for the tuning loop (answers in seconds) and for the search's unit
// tests (tests/test_search_queries.py). The same worker file, lunr.id and search_index.json the
// site ships. Written by hand because no library runs a Web Worker's importScripts script
// in Node: a vm context stands in for the worker's global scope.
//
//   node benchmarks/search_worker.mjs SITE_DIR < queries.txt   (one query a line)
//
// prints, per query, one JSON line: { query, pages, groups, missing, warnings }: the result
// pages (site paths, best first, one per page), the page of each listed entry, the words
// marked missing in the first entry, and what the worker wrote on the console meanwhile.
// benchmarks/search_bench.py --fast reads it; the browser rounds stay the measured figures.
//
//   import { openSearch } from "../../benchmarks/search_worker.mjs"
//   const search = await openSearch(SITE_DIR)   // or openSearch(SITE_DIR, { docs, config })
//   const { pages, items } = await search.query("akun diblokir")
//
// `items` is the worker's reply as Material's search box receives it (one group a page, the
// page's document and its sections); `search.lunr` is the worker's lunr with lunr.id loaded.
//
//   node benchmarks/search_worker.mjs SITE_DIR --eval   (one JSON { source, arg } a line)
//
// evaluates each source in the worker's global scope, as a browser page's evaluate would:
// the search's unit tests (tests/test_search_stemmer.py) run lunr.id this way.
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import vm from "node:vm"

/** The worker script of a built site and the folder it lives in. */
function workerFile(site) {
  const workers = path.join(site, "assets", "javascripts", "workers")
  const script = fs.existsSync(workers) && fs.readdirSync(workers).find((f) => /^search\.[0-9a-f]+\.min\.js$/.test(f))
  if (!script) throw new Error(`${workers}: expected Material's search.<hash>.min.js`)
  return { workers, script }
}

/**
 * Material's search worker on `site`, set up with the site's index (or `index`, an index of
 * the same shape: { config, docs }). Resolves to { query(text), lunr, index }.
 */
export async function openSearch(site, index = null) {
  const indexFile = path.join(site, "search", "search_index.json")
  if (!index && !fs.existsSync(indexFile)) throw new Error(`expected ${indexFile} (a built site)`)
  const { workers, script } = workerFile(site)
  const replies = []
  const listeners = []
  // What the worker reports on the console (Material's worker warns about a query it cannot
  // run), kept per query as the browser's console would show it.
  const warnings = []
  const report = (kind) => (...args) => warnings.push(`${kind}: ${args.map(String).join(" ")}`)
  const context = {
    console: { ...console, warn: report("warning"), error: report("error") },
    postMessage: (message) => replies.push(message),
    addEventListener: (type, fn) => type === "message" && listeners.push(fn),
    importScripts: (...urls) => {
      for (const url of urls) {
        const file = path.resolve(workers, url)
        vm.runInContext(fs.readFileSync(file, "utf-8"), context, { filename: file })
      }
    },
  }
  context.self = context
  vm.createContext(context)
  vm.runInContext(fs.readFileSync(path.join(workers, script), "utf-8"), context, { filename: script })

  async function send(message) {
    const before = replies.length
    for (const fn of listeners) fn({ data: message })
    while (replies.length === before) await new Promise((r) => setImmediate(r))
    return replies[replies.length - 1]
  }

  const data = index || JSON.parse(fs.readFileSync(indexFile, "utf-8"))
  // SETUP, as the search box sends it (suggest: the "search.suggest" feature, off here)
  await send({ type: 0, data: { config: data.config, docs: data.docs, options: { suggest: false } } })
  return {
    lunr: context.lunr,
    context,
    index: data,
    async query(text) {
      const before = warnings.length
      const reply = await send({ type: 2, data: text }) // QUERY
      // `groups`: the page of each entry of the list, as the box shows them (Material lists a
      // page once, so a page twice here is a bug); `pages`: the same, each page once.
      const groups = reply.data.items.map((group) => group[0].location.split("#")[0])
      const pages = groups.filter((page, i) => groups.indexOf(page) === i)
      // The words Material marks as missing ("Tidak ada: ...") in the first entry.
      const terms = reply.data.items.length ? reply.data.items[0][0].terms : {}
      const missing = Object.keys(terms).filter((term) => !terms[term])
      return { pages, groups, missing, items: reply.data.items, warnings: warnings.slice(before) }
    },
  }
}

/**
 * Evaluates `source` in the worker's global scope (its lunr, with lunr.id loaded), as
 * Playwright's page.evaluate does in a page: a function is called with `arg`, anything else
 * is the value of the expression. The value must be JSON.
 */
export function evaluate(search, source, arg) {
  const value = vm.runInContext(`(${source})`, search.context)
  return typeof value === "function" ? value(arg) : value
}

// As a command: one JSON line of result pages per query line of stdin; with --eval, one
// JSON line { value } or { error } per line { "source": ..., "arg": ... } of stdin,
// answered as each comes (the search unit tests keep one process open and ask it in turn).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const site = process.argv[2]
  if (!site || !fs.existsSync(path.join(site, "search", "search_index.json"))) {
    console.error(`usage: node search_worker.mjs SITE_DIR [--eval]; expected SITE_DIR/search/search_index.json (got ${site})`)
    process.exit(2)
  }
  const search = await openSearch(site)
  if (process.argv[3] === "--eval") {
    const readline = await import("node:readline")
    for await (const line of readline.createInterface({ input: process.stdin })) {
      if (!line.trim()) continue
      let answer
      try {
        const { source, arg } = JSON.parse(line)
        answer = { value: evaluate(search, source, arg) ?? null }
      } catch (error) {
        answer = { error: String(error && error.stack || error) }
      }
      process.stdout.write(JSON.stringify(answer) + "\n")
    }
  } else {
    const lines = fs.readFileSync(0, "utf-8").split("\n").filter((l) => l.trim())
    for (const text of lines) {
      const { pages, groups, missing, warnings } = await search.query(text)
      process.stdout.write(JSON.stringify({ query: text, pages, groups, missing, warnings }) + "\n")
    }
  }
}
