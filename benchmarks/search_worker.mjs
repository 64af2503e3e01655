// Material's own search worker, run in Node on a built site: the search of the real site
// without a browser, for the tuning loop (answers in seconds) and for the search's unit
// tests (tests/search/*.test.mjs). The same worker file, lunr.id and search_index.json the
// site ships. Written by hand because no library runs a Web Worker's importScripts script
// in Node: a vm context stands in for the worker's global scope.
//
//   node benchmarks/search_worker.mjs SITE_DIR < queries.txt   (one query a line)
//
// prints, per query, one JSON line: the result pages (site paths, best first, one per page).
// benchmarks/search_bench.py --fast reads it; the browser rounds stay the measured figures.
//
//   import { openSearch } from "../../benchmarks/search_worker.mjs"
//   const search = await openSearch(SITE_DIR)   // or openSearch(SITE_DIR, { docs, config })
//   const { pages, items } = await search.query("akun diblokir")
//
// `items` is the worker's reply as Material's search box receives it (one group a page, the
// page's document and its sections); `search.lunr` is the worker's lunr with lunr.id loaded.
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
  const context = {
    console,
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
    index: data,
    async query(text) {
      const reply = await send({ type: 2, data: text }) // QUERY
      const pages = []
      for (const group of reply.data.items) {
        const page = group[0].location.split("#")[0]
        if (!pages.includes(page)) pages.push(page)
      }
      return { pages, items: reply.data.items }
    },
  }
}

// As a command: one JSON line of result pages per query line of stdin.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const site = process.argv[2]
  if (!site || !fs.existsSync(path.join(site, "search", "search_index.json"))) {
    console.error(`usage: node search_worker.mjs SITE_DIR; expected SITE_DIR/search/search_index.json (got ${site})`)
    process.exit(2)
  }
  const search = await openSearch(site)
  const lines = fs.readFileSync(0, "utf-8").split("\n").filter((l) => l.trim())
  for (const text of lines) {
    const { pages } = await search.query(text)
    process.stdout.write(JSON.stringify({ query: text, pages }) + "\n")
  }
}
